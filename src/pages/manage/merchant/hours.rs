//! The week's opening hours as a merchant sets them: each day open or closed (정기 휴무),
//! from and until (past midnight when "until" comes first, 18:00–02:00), and a break
//! inside (브레이크 타임) if there is one. The rules are the contract's
//! (`golmok_api::validate`); a day with a problem says so under that day.

use golmok_api::hours::{DayHours, Span, WeeklyHours};
use golmok_api::validate::field;
use leptos::prelude::*;

use crate::components::form::Problems;

/// A new open day starts with common alley hours, to change rather than type.
fn usual_day() -> DayHours {
    DayHours { open: Span { starts: "11:00".into(), ends: "21:00".into() }, break_time: None }
}

fn usual_break() -> Span {
    Span { starts: "15:00".into(), ends: "17:00".into() }
}

fn day_of(week: &mut WeeklyHours, day: u8) -> &mut Option<DayHours> {
    match day {
        0 => &mut week.mon,
        1 => &mut week.tue,
        2 => &mut week.wed,
        3 => &mut week.thu,
        4 => &mut week.fri,
        5 => &mut week.sat,
        _ => &mut week.sun,
    }
}

/// `shop_id` keeps the ids of one shop's fields apart from another's on the same page.
#[component]
pub fn HoursEditor(shop_id: i64, week: RwSignal<WeeklyHours>, problems: Problems) -> impl IntoView {
    let names =
        [tr!(day_mon), tr!(day_tue), tr!(day_wed), tr!(day_thu), tr!(day_fri), tr!(day_sat), tr!(day_sun)];
    view! {
        <fieldset class="hours-editor">
            <legend>{tr!(shop_hours_heading)}</legend>
            <p class="field-hint">{tr!(hours_hint)}</p>
            {(0u8..7).map(|day| view! { <DayEditor shop_id week day name=names[usize::from(day)] problems /> }).collect_view()}
        </fieldset>
    }
}

#[component]
fn DayEditor(
    shop_id: i64,
    week: RwSignal<WeeklyHours>,
    day: u8,
    name: &'static str,
    problems: Problems,
) -> impl IntoView {
    let field = field::HOURS[usize::from(day)];
    let error = problems.of(field);
    let id = move |part: &str| format!("hours-{shop_id}-{day}-{part}");
    let get = move |read: fn(&DayHours) -> Option<String>| {
        move || week.with(|w| w.day(day).and_then(read)).unwrap_or_default()
    };
    let edit = move |change: fn(&mut DayHours, String)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            week.update(|w| {
                if let Some(d) = day_of(w, day) {
                    change(d, value)
                }
            });
            problems.on_leave(field).run(());
        }
    };
    let open = move || week.with(|w| w.day(day).is_some());
    let has_break = move || week.with(|w| w.day(day).is_some_and(|d| d.break_time.is_some()));
    let set_open = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        week.update(|w| *day_of(w, day) = on.then(usual_day));
    };
    let set_break = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        week.update(|w| {
            if let Some(d) = day_of(w, day) {
                d.break_time = on.then(usual_break);
            }
        });
    };
    let error_id = id("error");
    // Every time field of the day says what is wrong, as a field does: the cursor is put
    // in the first one when the day has a problem.
    let described = move || error.with(Option::is_some).then(|| id("error"));
    let invalid = move || error.with(Option::is_some).then_some("true");
    view! {
        <fieldset class="day-hours" class:field-invalid=move || error.with(Option::is_some)>
            <legend>{tr!(hours_day_legend, day = name)}</legend>
            <label class="check">
                <input type="checkbox" prop:checked=open on:change=set_open />
                {tr!(hours_open_day)}
            </label>
            <Show when=open fallback=|| view! { <p class="muted">{tr!(day_closed)}</p> }>
                <div class="time-row">
                    <label>{tr!(hours_from)}<input type="time" aria-invalid=invalid aria-describedby=described id=id("starts") name=field prop:value=get(|d| Some(d.open.starts.clone())) on:change=edit(|d, v| d.open.starts = v) /></label>
                    <label>{tr!(hours_until)}<input type="time" aria-invalid=invalid aria-describedby=described id=id("ends") prop:value=get(|d| Some(d.open.ends.clone())) on:change=edit(|d, v| d.open.ends = v) /></label>
                </div>
                <label class="check">
                    <input type="checkbox" prop:checked=has_break on:change=set_break />
                    {tr!(hours_has_break)}
                </label>
                <Show when=has_break>
                    <div class="time-row">
                        <label>{tr!(hours_break_from)}<input type="time" aria-invalid=invalid aria-describedby=described prop:value=get(|d| d.break_time.as_ref().map(|b| b.starts.clone())) on:change=edit(|d, v| if let Some(b) = &mut d.break_time { b.starts = v }) /></label>
                        <label>{tr!(hours_break_until)}<input type="time" aria-invalid=invalid aria-describedby=described prop:value=get(|d| d.break_time.as_ref().map(|b| b.ends.clone())) on:change=edit(|d, v| if let Some(b) = &mut d.break_time { b.ends = v }) /></label>
                    </div>
                </Show>
            </Show>
            {move || error.get().map(|_| view! {
                <p id=error_id.clone() class="field-error"><span aria-hidden="true">"⚠ "</span>{tr!(hours_invalid)}</p>
            })}
        </fieldset>
    }
}

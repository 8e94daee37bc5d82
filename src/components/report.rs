//! "Report" (신고) under what residents and shops wrote: a reason, sent to the district's
//! moderators, who are not told who sent it. The form is a chunk of its own, fetched at
//! the first tap: most readers never report, and the button goes on every page where
//! people read one another (a proposal, the news, a shop, My alley).

use golmok_api::validate::{self, field, limits};
use golmok_api::{NewReport, ReportTarget};
use leptos::prelude::*;

use crate::api::use_api;
use crate::components::field::{Field, Input};
use crate::components::form::{FormFailure, Problems, Submit, SubmitOrCancel};
use crate::lazy;
use crate::state::announce::use_announcer;
use crate::state::session::use_session;

/// A quiet button that opens the reason form below it; signed-in people only (the server
/// answers 401 to others anyway). `label` says what is reported; without one, the button
/// is described by the item's byline or title (`{target}-{id}-by`), so a screen reader's
/// list of buttons tells one "신고" from the next.
#[component]
pub fn ReportButton(
    target: ReportTarget,
    id: i64,
    #[prop(optional)] label: Option<&'static str>,
) -> impl IntoView {
    let session = use_session();
    let open = RwSignal::new(false);
    let sent = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let field_id = format!("report-{}-{id}", target.as_str());
    let described = label.is_none().then(|| format!("{}-{id}-by", target.as_str()));
    let closed = Callback::new(move |()| {
        open.set(false);
        if let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    });
    move || {
        if !session.is_logged_in() {
            return ().into_any();
        }
        if sent.get() {
            // Where the button was, so focus has somewhere to be.
            let done = format!("{field_id}-done");
            let focus = done.clone();
            request_animation_frame(move || crate::components::form::focus_field(&focus));
            return view! { <p class="muted" id=done tabindex="-1">{tr!(reported)}</p> }.into_any();
        }
        let field_id = field_id.clone();
        view! {
            <button
                type="button"
                class="report-button"
                node_ref=button
                aria-expanded=move || open.get().to_string()
                aria-controls=format!("{field_id}-form")
                aria-describedby=described.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {label.unwrap_or(tr!(report_action))}
            </button>
            {move || {
                open.get().then(|| {
                    provide_context(Reporting { target, id, field_id: field_id.clone(), closed, sent });
                    // While the form's code comes, its place has the form's id, which the
                    // button says it controls.
                    let form_id = format!("{field_id}-form");
                    lazy::part(FORM, move || view! { <p id=form_id.clone() class="muted" aria-busy="true">{tr!(loading)}</p> }.into_any())
                })
            }}
        }
        .into_any()
    }
}

crate::lazy_page!(const FORM in report_form = LazyReportForm);

/// What the form reports and how it closes, from its button.
#[derive(Clone)]
struct Reporting {
    target: ReportTarget,
    id: i64,
    field_id: String,
    closed: Callback<()>,
    sent: RwSignal<bool>,
}

#[component]
fn LazyReportForm() -> impl IntoView {
    use_context::<Reporting>()
        .map(|Reporting { target, id, field_id, closed, sent }| view! { <ReportForm target id field_id closed sent /> })
}

#[component]
fn ReportForm(
    target: ReportTarget,
    id: i64,
    field_id: String,
    closed: Callback<()>,
    sent: RwSignal<bool>,
) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let reason = RwSignal::new(String::new());
    let report = move || NewReport { target, target_id: id, reason: reason.get() };
    let form = Submit::new(Problems::new(move || validate::new_report(&report()).err().unwrap_or_default()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let api = api.clone();
        form.send(
            validate::new_report(&untrack(report)),
            move |r| async move { api.report(&r).await },
            move |answer| {
                answer?;
                announcer.say(tr!(reported));
                sent.set(true);
                Ok(())
            },
        );
    };
    // Opened by a tap: the reason is what comes next, unless the reader went on to
    // something else while the form's code was on its way.
    let focus = field_id.clone();
    let form_id = format!("{field_id}-form");
    let controls = form_id.clone();
    request_animation_frame(move || {
        let here = crate::config::document().and_then(|d| d.active_element()).is_none_or(|e| {
            e.tag_name() == "BODY" || e.get_attribute("aria-controls").as_deref() == Some(controls.as_str())
        });
        if here {
            crate::components::form::focus_field(&focus);
        }
    });
    view! {
        <form class="form life-form report-form" id=form_id on:submit=submit novalidate>
            <Field
                id=field_id
                name=field::REASON
                label=tr!(report_reason_label)
                value=reason
                problems=form.problems
                input=Input::Area
                hint=tr!(report_reason_hint)
                max=limits::NOTE.1
            />
            <FormFailure failure=form.failure />
            <SubmitOrCancel sending=form.sending label=tr!(report_submit) busy=tr!(sending) on_cancel=Some(closed) />
        </form>
    }
}

//! The district console's tab of reports: each reported item once, with what it says,
//! who wrote it and every reason given, and one tap to hide it (with the note its author
//! reads) or keep it.

use golmok_api::validate::{self, field, limits};
use golmok_api::{ReportTarget, ReportedItem, Suspension, Visibility};
use leptos::prelude::*;

use crate::api::use_api;
use crate::components::field::{Field, Input};
use crate::components::form::{FormFailure, Problems, Submit};
use crate::config::link;
use crate::format;
use crate::state::announce::use_announcer;
use crate::state::lang;
use crate::state::paged::{Paged, Placeholder};

use super::suspensions::{SuspendWriter, SuspendedAccounts, suspended_list};

/// The district's reported items waiting for a decision.
pub fn reports_queue(slug: String) -> Paged<ReportedItem> {
    let api = use_api();
    Paged::new(
        move |cursor| {
            let (api, slug) = (api.clone(), slug.clone());
            async move { api.reports(&slug, cursor.as_deref()).await }
        },
        |r: &ReportedItem| r.target.key(r.target_id),
    )
}

#[component]
pub fn ReportsPanel(queue: Paged<ReportedItem>, slug: String) -> impl IntoView {
    let suspended = suspended_list(slug.clone());
    let slug = StoredValue::new(slug);
    let items = queue.view(Placeholder::Line, "cards", tr!(reports_empty), move |item| {
        view! { <Reported item queue slug=slug.get_value() suspended /> }
    });
    view! {
        {items}
        <SuspendedAccounts list=suspended slug=slug.get_value() />
    }
}

fn target_label(target: ReportTarget) -> &'static str {
    match target {
        ReportTarget::Proposal => tr!(target_proposal),
        ReportTarget::Comment => tr!(target_comment),
        ReportTarget::Answer => tr!(target_answer),
        ReportTarget::Announcement => tr!(target_announcement),
    }
}

/// Says what will happen: "이 댓글을 가려요".
fn hide_label(target: ReportTarget) -> &'static str {
    match target {
        ReportTarget::Proposal => tr!(hide_proposal),
        ReportTarget::Comment => tr!(hide_comment),
        ReportTarget::Answer => tr!(hide_answer),
        ReportTarget::Announcement => tr!(hide_announcement),
    }
}

#[component]
fn Reported(
    item: ReportedItem,
    queue: Paged<ReportedItem>,
    slug: String,
    suspended: Paged<Suspension>,
) -> impl IntoView {
    let ReportedItem { target, target_id, proposal_id, text, author, hidden, reasons } = item;
    let key = target.key(target_id);
    let where_it_is = proposal_id.map(|p| {
        view! { <a href=link(format!("/d/{slug}/proposals/{p}")) class="more-link">{tr!(see_in_place)}</a> }
    });
    let writer = author.clone();
    view! {
        <li class="card reported-card">
            <div class="card-badges">
                <span class="badge badge-category">{target_label(target)}</span>
                {hidden.then(|| view! { <span class="badge badge-status">{tr!(already_hidden)}</span> })}
            </div>
            <p class="timeline-note">{text}</p>
            <dl class="facts">
                <div><dt>{tr!(written_by)}</dt><dd>{author.display_name}</dd></div>
            </dl>
            <h3>{tr!(reasons_heading)}</h3>
            <ul class="reasons" role="list">
                {reasons.into_iter().map(|r| {
                    let when = format::relative(&r.created_at, lang::current(), tr!(just_now));
                    view! { <li><span class="claim-note">{r.reason}</span>" · "<time datetime=r.created_at>{when}</time></li> }
                }).collect_view()}
            </ul>
            {where_it_is}
            <Decision target target_id key was_hidden=hidden queue />
            <SuspendWriter writer slug list=suspended key />
        </li>
    }
}

/// Hide (the note required: its author reads it) or keep; for what is hidden already,
/// show it again or keep it hidden. Made on what the moderator sees (`was_hidden`): if
/// another moderator decided meanwhile, the server says so and nothing is undone.
#[component]
fn Decision(
    target: ReportTarget,
    target_id: i64,
    key: i64,
    was_hidden: bool,
    queue: Paged<ReportedItem>,
) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let hide = RwSignal::new(!was_hidden);
    let note = RwSignal::new(String::new());
    let visibility =
        move || Visibility { hidden: hide.get(), note: note.get(), was_hidden: Some(was_hidden) };
    let form =
        Submit::new(Problems::new(move || validate::visibility(&visibility()).err().unwrap_or_default()));
    let decide = move |hidden: bool| {
        hide.set(hidden);
        let api = api.clone();
        form.send(
            validate::visibility(&untrack(visibility)),
            move |v| async move { api.set_hidden(target, target_id, &v).await },
            move |answer| {
                answer?;
                announcer.say(if hidden { tr!(hidden_done) } else { tr!(kept_done) });
                queue.remove(key);
                Ok(())
            },
        );
    };
    let decide = StoredValue::new(decide);
    // The first button changes what is there; the second leaves it as it is.
    let (change, leave) = if was_hidden {
        (
            ("button button-primary", tr!(show_again), false),
            ("button button-secondary", tr!(keep_hidden), true),
        )
    } else {
        (
            ("button button-danger", hide_label(target), true),
            ("button button-secondary", tr!(keep_action), false),
        )
    };
    let button = move |(class, label, hidden): (&'static str, &'static str, bool)| {
        view! {
            <button type="button" class=class disabled=move || form.sending.get() on:click=move |_| decide.with_value(|d| d(hidden))>
                {label}
            </button>
        }
    };
    view! {
        <form class="decision" on:submit=move |ev| ev.prevent_default() novalidate>
            <Field
                id=format!("hide-{}-{target_id}", target.as_str())
                name=field::NOTE
                label=tr!(hide_note_label)
                value=note
                problems=form.problems
                input=Input::Area
                hint=tr!(hide_note_hint)
                max=limits::NOTE.1
            />
            <FormFailure failure=form.failure />
            <div class="decision-actions">{button(change)}{button(leave)}</div>
        </form>
    }
}

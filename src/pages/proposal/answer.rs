//! A moderator's answer for the district: one button per move the proposal's status
//! allows, and the official note that goes with it (required to accept or decline).

use golmok_api::validate::{self, field, limits};
use golmok_api::{Mover, ProposalStatus, StatusChange, TimelineEntry};
use leptos::prelude::*;

use super::Shown;
use crate::api::{Api, use_api};
use crate::components::field::{Field, Input};
use crate::components::form::{FormFailure, Problems, Submit};
use crate::state::announce::use_announcer;
use crate::state::paged::Paged;

/// What a move's button says it will do.
pub fn move_label(to: ProposalStatus) -> &'static str {
    match to {
        ProposalStatus::UnderReview => tr!(move_under_review),
        ProposalStatus::Accepted => tr!(move_accepted),
        ProposalStatus::Declined => tr!(move_declined),
        ProposalStatus::Done => tr!(move_done),
        ProposalStatus::Withdrawn => tr!(move_withdrawn),
        ProposalStatus::Open => tr!(status_open),
    }
}

#[component]
pub fn AnswerForm(shown: Shown, list: Paged<TimelineEntry>) -> impl IntoView {
    let api = use_api();
    // A memo, so a move to another status that still has moves keeps the form (and its note).
    let any = Memo::new(move |_| !shown.status.get().moves(Mover::Moderator).is_empty());
    // Someone moved it first: show where it is now. Either way, the timeline again.
    let after = Callback::new(move |conflict: bool| {
        if conflict {
            catch_up(api.clone(), shown, list);
        } else {
            list.retry();
        }
    });
    move || any.get().then(|| view! { <MoveButtons id=shown.id status=shown.status after /> })
}

/// After a 409: where the proposal stands now, without reloading the page (which would
/// lose what was typed), and its timeline again.
pub fn catch_up(api: Api, shown: Shown, list: Paged<TimelineEntry>) {
    leptos::task::spawn_local(async move {
        if let Ok(p) = api.proposal(shown.id).await {
            shown.status.set(p.status);
            shown.votes.set(p.vote_count);
        }
        list.retry();
    });
}

/// The moves a moderator may make from `status`, each a button, with the note. `after`
/// runs once a move is made (`false`) or refused because someone moved it first (`true`).
/// The proposal's page and the console's queue both use it.
#[component]
pub fn MoveButtons(id: i64, status: RwSignal<ProposalStatus>, after: Callback<bool>) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let note = RwSignal::new(String::new());
    let chosen = RwSignal::new(ProposalStatus::UnderReview);
    let change = move || StatusChange { status: chosen.get(), note: note.get() };
    let form =
        Submit::new(Problems::new(move || validate::status_change(&change()).err().unwrap_or_default()));
    let answer = move |to: ProposalStatus| {
        chosen.set(to);
        let api = api.clone();
        form.send(
            validate::status_change(&untrack(change)),
            move |c| async move { api.move_proposal(id, &c).await },
            move |answer| {
                match answer {
                    Ok(moved) => {
                        status.set(moved.status);
                        note.set(String::new());
                        form.problems.reset();
                        announcer.say(tr!(moved));
                    }
                    Err(e) => {
                        if e.status() == Some(409) {
                            after.run(true);
                        }
                        return Err(e);
                    }
                }
                after.run(false);
                Ok(())
            },
        );
    };
    let answer = StoredValue::new(answer);
    let button = move |to: ProposalStatus| {
        // Saying yes, and finishing what was promised, lead; the rest stand beside them.
        let leads = matches!(to, ProposalStatus::Accepted | ProposalStatus::Done);
        let class = if leads { "button button-primary" } else { "button button-secondary" };
        view! {
            <button type="button" class=class disabled=move || form.sending.get() on:click=move |_| answer.with_value(|a| a(to))>
                {move_label(to)}
            </button>
        }
    };
    view! {
        <form class="decision life-answer" on:submit=move |ev| ev.prevent_default() novalidate>
            <h3>{tr!(answer_heading)}</h3>
            <Field
                id=format!("status-note-{id}")
                name=field::NOTE
                label=tr!(answer_note_label)
                value=note
                problems=form.problems
                input=Input::Area
                hint=tr!(answer_note_hint)
                max=limits::NOTE.1
            />
            <FormFailure failure=form.failure />
            <div class="decision-actions">
                {move || status.get().moves(Mover::Moderator).iter().map(|to| button(*to)).collect_view()}
            </div>
        </form>
    }
}

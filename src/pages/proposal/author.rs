//! What the author of the proposal on screen may do: rewrite it until the first support,
//! tell its supporters what happened since, and take it back while it is open.

use golmok_api::validate::{self, field, limits};
use golmok_api::{ProposalEdit, ProposalStatus, StatusChange, TimelineEntry, UpdateNote};
use leptos::prelude::*;

use super::Shown;
use super::answer::{catch_up, move_label};
use crate::api::use_api;
use crate::components::field::{Field, Input};
use crate::components::form::{FormFailure, Problems, Submit, SubmitOrCancel};
use crate::state::announce::use_announcer;
use crate::state::paged::Paged;

/// Which of the author's tools is open; one at a time, each behind its button.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tool {
    Edit,
    Update,
    Withdraw,
}

#[component]
pub fn AuthorTools(shown: Shown, list: Paged<TimelineEntry>) -> impl IntoView {
    let open = move || shown.status.get() == ProposalStatus::Open;
    let editable = move || open() && shown.votes.get() == 0;
    let tool = RwSignal::new(None::<Tool>);
    // A closed panel takes focus with it: it goes to the timeline, where what was done shows.
    let close = Callback::new(move |()| {
        tool.set(None);
        request_animation_frame(|| crate::components::form::focus_field("life-heading"));
    });
    let button = move |which: Tool, label: &'static str| {
        view! {
            <button
                type="button"
                class="button button-secondary"
                aria-expanded=move || (tool.get() == Some(which)).to_string()
                on:click=move |_| tool.update(|t| *t = if *t == Some(which) { None } else { Some(which) })
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="life-tools">
            <div class="decision-actions">
                {move || editable().then(|| button(Tool::Edit, tr!(edit_action)))}
                {button(Tool::Update, tr!(update_action))}
                {move || open().then(|| button(Tool::Withdraw, move_label(ProposalStatus::Withdrawn)))}
            </div>
            {move || editable().then(|| view! { <p class="muted">{tr!(edit_hint)}</p> })}
            {move || match tool.get() {
                Some(Tool::Edit) if editable() => view! { <EditProposal shown close /> }.into_any(),
                Some(Tool::Update) => view! { <UpdateForm shown list close /> }.into_any(),
                Some(Tool::Withdraw) if open() => view! { <Withdraw shown list close /> }.into_any(),
                _ => ().into_any(),
            }}
        </div>
    }
}

/// Rewriting the title and text, behind a button: nobody has backed it yet.
#[component]
fn EditProposal(shown: Shown, close: Callback<()>) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let proposal = StoredValue::new(shown.loaded());
    let (title, body) = proposal.with_value(|p| {
        let (title, body) = p.as_ref().map(|p| (p.title.clone(), p.body.clone())).unwrap_or_default();
        (RwSignal::new(title), RwSignal::new(body))
    });
    let edit =
        move || ProposalEdit { title: Some(title.get()), body: Some(body.get()), ..ProposalEdit::default() };
    let checked =
        move || match proposal.with_value(|p| p.as_ref().map(|p| validate::proposal_edit(p, &edit()))) {
            Some(checked) => checked,
            None => Err(Vec::new()),
        };
    let form = Submit::new(Problems::new(move || checked().err().unwrap_or_default()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let api = api.clone();
        form.send(
            untrack(checked).map(|_| untrack(edit)),
            move |e| async move { api.edit_proposal(shown.id, &e).await },
            move |answer| {
                match answer {
                    Ok(_) => {
                        announcer.say(tr!(proposal_edited));
                        shown.page.refresh();
                    }
                    // Supported meanwhile: the text stays as its supporters read it, and
                    // what was typed stays here, to be said in an update instead.
                    Err(e) if e.status() == Some(409) => form.failure.set(Some(tr!(edit_too_late))),
                    Err(e) => return Err(e),
                }
                Ok(())
            },
        );
    };
    view! {
        <form class="form life-form" on:submit=submit novalidate>
            <Field id=field::TITLE label=tr!(field_title) value=title problems=form.problems max=limits::TITLE.1 required=true />
            <Field id=field::BODY label=tr!(field_body) value=body problems=form.problems input=Input::Area max=limits::BODY.1 required=true />
            <FormFailure failure=form.failure />
            <SubmitOrCancel sending=form.sending label=tr!(edit_submit) busy=tr!(sending) on_cancel=Some(close) />
        </form>
    }
}

/// An update note for the supporters, shown in the timeline.
#[component]
fn UpdateForm(shown: Shown, list: Paged<TimelineEntry>, close: Callback<()>) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let note = RwSignal::new(String::new());
    let update = move || UpdateNote { note: note.get() };
    let form = Submit::new(Problems::new(move || validate::update_note(&update()).err().unwrap_or_default()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let api = api.clone();
        form.send(
            validate::update_note(&untrack(update)),
            move |u| async move { api.add_update(shown.id, &u).await },
            move |answer| {
                answer?;
                note.set(String::new());
                form.problems.reset();
                announcer.say(tr!(update_posted));
                list.retry();
                close.run(());
                Ok(())
            },
        );
    };
    view! {
        <form class="form life-form" on:submit=submit novalidate>
            <Field
                id="update-note"
                name=field::NOTE
                label=tr!(update_label)
                value=note
                problems=form.problems
                input=Input::Area
                hint=tr!(update_hint)
                max=limits::NOTE.1
            />
            <FormFailure failure=form.failure />
            <SubmitOrCancel sending=form.sending label=tr!(update_submit) busy=tr!(sending) on_cancel=Some(close) />
        </form>
    }
}

/// Taking the proposal back, in two taps: it cannot be undone.
#[component]
fn Withdraw(shown: Shown, list: Paged<TimelineEntry>, close: Callback<()>) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let form = Submit::new(Problems::new(Vec::new));
    let confirm = move |_| {
        let (api, again) = (api.clone(), api.clone());
        let change = StatusChange { status: ProposalStatus::Withdrawn, note: String::new() };
        form.send(
            Ok(change),
            move |c| async move { api.move_proposal(shown.id, &c).await },
            move |answer| {
                match answer {
                    Ok(moved) => {
                        shown.status.set(moved.status);
                        announcer.say(tr!(withdrawn_done));
                        list.retry();
                        close.run(());
                    }
                    // A moderator moved it first: this panel goes with the open status,
                    // so the screen reader hears why.
                    Err(e) if e.status() == Some(409) => {
                        announcer.say(crate::components::load_error::error_text(&e));
                        catch_up(again, shown, list);
                    }
                    Err(e) => return Err(e),
                }
                Ok(())
            },
        );
    };
    view! {
        <div class="notice notice-warning life-form" role="group" aria-labelledby="withdraw-question">
            <p id="withdraw-question">{tr!(withdraw_question)}</p>
            <FormFailure failure=form.failure />
            <div class="form-actions">
                <button type="button" class="button button-danger" disabled=move || form.sending.get() on:click=confirm>{tr!(withdraw_yes)}</button>
                <button type="button" class="button button-secondary" on:click=move |_| close.run(())>{tr!(cancel)}</button>
            </div>
        </div>
    }
}

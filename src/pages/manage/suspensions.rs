//! Stopping an account from writing in the district, from the reports tab: "suspend the
//! writer" under a reported item, and the accounts suspended so far, each lifted in one
//! tap. The note is for the moderators; the account is told only that it was suspended.

use golmok_api::validate::{self, field, limits};
use golmok_api::{Author, NewSuspension, Suspension};
use leptos::prelude::*;

use crate::api::use_api;
use crate::components::field::{Field, Input};
use crate::components::form::{FormFailure, Problems, Submit, SubmitOrCancel};
use crate::format;
use crate::state::announce::use_announcer;
use crate::state::lang;
use crate::state::paged::{Paged, Placeholder};

/// The district's suspended accounts.
pub fn suspended_list(slug: String) -> Paged<Suspension> {
    let api = use_api();
    Paged::new(
        move |cursor| {
            let (api, slug) = (api.clone(), slug.clone());
            async move { api.suspensions(&slug, cursor.as_deref()).await }
        },
        |s: &Suspension| s.user.id,
    )
}

/// Under a reported item: a button that opens the note and suspends its writer.
#[component]
pub fn SuspendWriter(writer: Author, slug: String, list: Paged<Suspension>, key: i64) -> impl IntoView {
    let open = RwSignal::new(false);
    let form_id = format!("suspend-{key}");
    let slug = StoredValue::new(slug);
    let writer = StoredValue::new(writer);
    view! {
        <button type="button" class="report-button" aria-expanded=move || open.get().to_string() aria-controls=form_id.clone() on:click=move |_| open.update(|o| *o = !*o)>
            {tr!(suspend_action)}
        </button>
        {move || open.get().then(|| view! { <SuspendForm writer=writer.get_value() slug=slug.get_value() list form_id=form_id.clone() open /> })}
    }
}

#[component]
fn SuspendForm(
    writer: Author,
    slug: String,
    list: Paged<Suspension>,
    form_id: String,
    open: RwSignal<bool>,
) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let note = RwSignal::new(String::new());
    let input = move || NewSuspension { note: note.get() };
    let form =
        Submit::new(Problems::new(move || validate::new_suspension(&input()).err().unwrap_or_default()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (api, slug) = (api.clone(), slug.clone());
        form.send(
            validate::new_suspension(&untrack(input)),
            move |s| async move { api.suspend(&slug, writer.id, &s).await },
            move |answer| {
                answer?;
                announcer.say(tr!(suspended_done));
                open.set(false);
                list.retry();
                Ok(())
            },
        );
    };
    let field_id = format!("{form_id}-note");
    view! {
        <form class="form life-form" id=form_id on:submit=submit novalidate>
            <Field
                id=field_id
                name=field::NOTE
                label=tr!(suspend_note_label)
                value=note
                problems=form.problems
                input=Input::Area
                hint=tr!(suspend_note_hint)
                max=limits::NOTE.1
            />
            <FormFailure failure=form.failure />
            <SubmitOrCancel sending=form.sending label=tr!(suspend_submit) busy=tr!(sending) on_cancel=Some(Callback::new(move |()| open.set(false))) danger=true />
        </form>
    }
}

/// The accounts suspended here, each with why, who and a button to lift it.
#[component]
pub fn SuspendedAccounts(list: Paged<Suspension>, slug: String) -> impl IntoView {
    let slug = StoredValue::new(slug);
    view! {
        <section class="suspensions" aria-labelledby="suspensions-heading">
            <h3 id="suspensions-heading">{tr!(suspensions_heading)}</h3>
            {list.view(Placeholder::Line, "cards", tr!(suspensions_empty), move |s| {
                view! { <Suspended s list slug=slug.get_value() /> }
            })}
        </section>
    }
}

#[component]
fn Suspended(s: Suspension, list: Paged<Suspension>, slug: String) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let user = s.user.id;
    // A moderator of two districts has two consoles on the page: ids carry the district.
    let name_id = format!("suspended-{slug}-{user}");
    let form = Submit::new(Problems::new(Vec::new));
    let lift = move |_| {
        let (api, slug) = (api.clone(), slug.clone());
        form.send(
            Ok(()),
            move |()| async move { api.lift_suspension(&slug, user).await },
            move |answer| {
                answer?;
                announcer.say(tr!(lifted_done));
                list.remove(user);
                Ok(())
            },
        );
    };
    // Who stopped them and when, in words; the button is described by whose it is.
    let by = tr!(
        suspended_by,
        name = s.suspended_by.display_name,
        date = format::date_time(&s.created_at, lang::current())
    );
    view! {
        <li class="card">
            <p><strong id=name_id.clone()>{s.user.display_name}</strong></p>
            <p class="timeline-note">{s.note}</p>
            <p class="muted">{by}</p>
            <FormFailure failure=form.failure />
            <button type="button" class="button button-secondary" aria-describedby=name_id disabled=move || form.sending.get() on:click=lift>
                {tr!(lift_action)}
            </button>
        </li>
    }
}

//! The district's moderators, in the console's settings tab: who they are, each removed
//! after a second tap (never the last one: the server says so), and another appointed
//! by the email of their account.

use golmok_api::validate::{self, field};
use golmok_api::{Author, NewModerator};
use leptos::prelude::*;

use crate::api::use_api;
use crate::components::field::{Field, Input};
use crate::components::form::{FormFailure, Problems, Submit, SubmitButton};
use crate::components::load_error::{LoadError, error_text};
use crate::state::announce::use_announcer;
use crate::state::load::Load;

#[component]
pub fn ModeratorsPanel(slug: String) -> impl IntoView {
    let api = use_api();
    let list = Load::new({
        let slug = slug.clone();
        move || {
            let (api, slug) = (api.clone(), slug.clone());
            async move { api.moderators(&slug).await }
        }
    });
    // The list as it is now: loaded, or as the last appointment or removal left it.
    let now = RwSignal::new(None::<Vec<Author>>);
    Effect::new(move |_| {
        if let Some(Ok(moderators)) = list.get() {
            now.set(Some(moderators));
        }
    });
    let heading = format!("moderators-{slug}");
    let labelled = heading.clone();
    let slug = StoredValue::new(slug);
    view! {
        <section class="appointed" aria-labelledby=labelled>
            <h3 id=heading class="subheading">{tr!(moderators_heading)}</h3>
            {move || match (now.get(), list.get()) {
                (Some(moderators), _) => view! {
                    <ul class="appointed-list" role="list">
                        {moderators.into_iter().map(|m| view! { <Moderator who=m slug=slug.get_value() now /> }).collect_view()}
                    </ul>
                }
                .into_any(),
                (None, Some(Err(error))) => view! { <LoadError error on_retry=move || list.retry() /> }.into_any(),
                (None, _) => view! { <p class="muted">{tr!(loading)}</p> }.into_any(),
            }}
            <Appoint slug=slug.get_value() now />
        </section>
    }
}

#[component]
fn Moderator(who: Author, slug: String, now: RwSignal<Option<Vec<Author>>>) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let asking = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<&'static str>);
    let id = who.id;
    let remove = move |_| {
        let (api, slug) = (api.clone(), slug.clone());
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api.dismiss_moderator(&slug, id).await {
                Ok(()) => {
                    now.update(|list| {
                        if let Some(list) = list {
                            list.retain(|m| m.id != id);
                        }
                    });
                    announcer.say(tr!(moderator_removed));
                }
                Err(e) if e.status() == Some(409) => {
                    failed.try_set(Some(tr!(moderator_last)));
                }
                Err(e) => {
                    failed.try_set(Some(error_text(&e)));
                }
            }
            busy.try_set(false);
            asking.try_set(false);
        });
    };
    view! {
        <li class="appointed-one">
            <span class="appointed-name">{who.display_name}</span>
            {move || {
                if asking.get() {
                    let remove = remove.clone();
                    view! {
                        <p class="confirm" role="group" aria-label=tr!(moderator_remove_confirm)>
                            <span>{tr!(moderator_remove_confirm)}</span>
                            <button type="button" class="button button-danger" disabled=move || busy.get() aria-busy=move || busy.get().then_some("true") on:click=remove>{tr!(moderator_remove)}</button>
                            <button type="button" class="button button-secondary" on:click=move |_| asking.set(false)>{tr!(cancel)}</button>
                        </p>
                    }
                    .into_any()
                } else {
                    view! { <button type="button" class="button button-quiet" on:click=move |_| { failed.set(None); asking.set(true) }>{tr!(moderator_remove)}</button> }.into_any()
                }
            }}
            {move || failed.get().map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
        </li>
    }
}

#[component]
fn Appoint(slug: String, now: RwSignal<Option<Vec<Author>>>) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let email = RwSignal::new(String::new());
    let request = move || NewModerator { email: email.get() };
    let form =
        Submit::new(Problems::new(move || validate::new_moderator(&request()).err().unwrap_or_default()));
    let slug = StoredValue::new(slug);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let api = api.clone();
        form.send(
            validate::new_moderator(&request()),
            move |req| async move { api.appoint_moderator(&slug.get_value(), &req).await },
            move |answer| match answer {
                Ok(moderators) => {
                    now.set(Some(moderators));
                    email.set(String::new());
                    form.problems.reset();
                    announcer.say(tr!(moderator_appointed));
                    Ok(())
                }
                Err(e) if e.status() == Some(404) => {
                    form.failure.set(Some(tr!(moderator_no_account)));
                    Ok(())
                }
                Err(e) => Err(e),
            },
        );
    };
    view! {
        <form class="form appoint-form" on:submit=submit novalidate>
            <Field
                id=format!("appoint-email-{}", slug.get_value())
                name=field::EMAIL
                label=tr!(moderator_email)
                value=email
                problems=form.problems
                input=Input::Email
                hint=tr!(moderator_email_hint)
                required=true
            />
            <FormFailure failure=form.failure />
            <SubmitButton sending=form.sending label=tr!(moderator_appoint) busy=tr!(sending) />
        </form>
    }
}

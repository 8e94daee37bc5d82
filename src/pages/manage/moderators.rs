//! The district's moderators, in the console's settings tab: who they are, each removed
//! after a second tap (never the last one: the server says so), and another appointed
//! by the email of their account.

use golmok_api::validate::{self, field};
use golmok_api::{Author, NewModerator};
use leptos::prelude::*;

use crate::api::use_api;
use crate::components::field::{Field, Input};
use crate::components::form::{FormFailure, Problems, Submit, SubmitButton, focus_field};
use crate::components::load_error::{LoadError, error_text};
use crate::state::announce::use_announcer;
use crate::state::load::Load;
use crate::state::session::use_session;

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
            <h3 id=heading class="subheading" tabindex="-1">{tr!(moderators_heading)}</h3>
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

/// One moderator, removed after a second tap. Each button is described by the name it
/// acts on; focus goes to "cancel" when asked, back to the button when cancelled, and to
/// the list's heading once the name is gone. One's own removal is stepping down: said so,
/// and the session learns it (the console goes with the role).
#[component]
fn Moderator(who: Author, slug: String, now: RwSignal<Option<Vec<Author>>>) -> impl IntoView {
    let api = use_api();
    let session = use_session();
    let announcer = use_announcer();
    let asking = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<&'static str>);
    let id = who.id;
    let myself = session.user().is_some_and(|me| me.id == id);
    let name_id = format!("moderators-{slug}-{id}");
    let (open_id, keep_id, heading_id) =
        (format!("{name_id}-remove"), format!("{name_id}-keep"), format!("moderators-{slug}"));
    let back = open_id.clone();
    let remove = move |_| {
        let (api, slug, heading_id, back) = (api.clone(), slug.clone(), heading_id.clone(), back.clone());
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api.dismiss_moderator(&slug, id).await {
                Ok(()) if myself => {
                    announcer.say(tr!(moderator_left));
                    match api.me().await {
                        Ok(user) => session.refresh_user(user),
                        // The role is gone either way: at least the list says so.
                        Err(_) => now.update(|list| {
                            if let Some(list) = list {
                                list.retain(|m| m.id != id);
                            }
                        }),
                    }
                }
                Ok(()) => {
                    now.update(|list| {
                        if let Some(list) = list {
                            list.retain(|m| m.id != id);
                        }
                    });
                    announcer.say(tr!(moderator_removed));
                    request_animation_frame(move || focus_field(&heading_id));
                }
                Err(e) => {
                    let said = if e.status() == Some(409) { tr!(moderator_last) } else { error_text(&e) };
                    failed.try_set(Some(said));
                    // The question goes; the cursor goes back to the button that asked it.
                    request_animation_frame(move || focus_field(&back));
                }
            }
            busy.try_set(false);
            asking.try_set(false);
        });
    };
    let (action, question) = if myself {
        (tr!(moderator_step_down), tr!(moderator_step_down_confirm))
    } else {
        (tr!(moderator_remove), tr!(moderator_remove_confirm))
    };
    let described = name_id.clone();
    view! {
        <li class="appointed-one">
            <span class="appointed-name" id=name_id>{who.display_name}</span>
            {move || {
                let described = described.clone();
                if asking.get() {
                    let remove = remove.clone();
                    let keep = keep_id.clone();
                    let open = open_id.clone();
                    request_animation_frame(move || focus_field(&keep));
                    let cancel = move |_| {
                        asking.set(false);
                        let open = open.clone();
                        request_animation_frame(move || focus_field(&open));
                    };
                    view! {
                        <p class="confirm" role="group" aria-label=question aria-describedby=described.clone()>
                            <span>{question}</span>
                            <button type="button" class="button button-danger" aria-describedby=described.clone() disabled=move || busy.get() aria-busy=move || busy.get().then_some("true") on:click=remove>{action}</button>
                            <button type="button" id=keep_id.clone() class="button button-secondary" on:click=cancel>{tr!(cancel)}</button>
                        </p>
                    }
                    .into_any()
                } else {
                    view! { <button type="button" id=open_id.clone() class="button button-quiet" aria-describedby=described on:click=move |_| { failed.set(None); asking.set(true) }>{action}</button> }.into_any()
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

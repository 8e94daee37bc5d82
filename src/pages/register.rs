//! `/register`: create an account (display name, email, password).

use golmok_api::validate::{self, field};
use golmok_api::{RegisterRequest, error_code};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;

use crate::api::use_api;
use crate::components::field::{Field, Input};
use crate::components::form::{FormFailure, Problems, SubmitButton};
use crate::components::load_error::error_text;
use crate::components::page_heading::PageHeading;
use crate::config::link;
use crate::pages::login::{after_sign_in, carry_next};
use crate::state::announce::use_announcer;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let next = use_query_map().with_untracked(|q| q.get("next"));
    let signed_in = after_sign_in(next.clone());

    let display_name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let sending = RwSignal::new(false);
    let failure = RwSignal::new(None::<&str>);
    let email_taken = RwSignal::new(false);

    let request = move || RegisterRequest {
        email: email.get(),
        password: password.get(),
        display_name: display_name.get(),
    };
    let problems = Problems::new(move || validate::register(&request()).err().unwrap_or_default());
    let login_href = carry_next("/login", next.as_deref());
    let password_hint = tr!(password_hint, limit = validate::limits::PASSWORD.0);
    let login_notice_href = login_href.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        problems.tried();
        failure.set(None);
        email_taken.set(false);
        let Ok(req) = validate::register(&request()) else {
            announcer.say(tr!(fix_errors));
            return;
        };
        sending.set(true);
        let (api, signed_in) = (api.clone(), signed_in.clone());
        spawn_local(async move {
            match api.register(&req).await {
                Ok(auth) => signed_in(auth),
                Err(e) if e.code() == Some(error_code::EMAIL_TAKEN) => {
                    email_taken.set(true);
                    announcer.say(tr!(email_taken));
                }
                Err(e) if !e.fields().is_empty() => problems.refused(e.fields()),
                Err(e) => {
                    let text = error_text(&e);
                    failure.set(Some(text));
                }
            }
            sending.set(false);
        });
    };

    view! {
        <section class="form-page auth-page">
            <PageHeading text=tr!(register_title) />
            <p class="lede">{tr!(register_intro)}</p>
            <form class="form" on:submit=submit novalidate>
                <Field
                    id="display_name"
                    label=tr!(field_display_name)
                    value=display_name
                    error=problems.of(field::DISPLAY_NAME)
                    on_blur=problems.on_leave(field::DISPLAY_NAME)
                    hint=tr!(display_name_hint)
                    autocomplete="nickname"
                    required=true
                />
                <Field
                    id="email"
                    label=tr!(field_email)
                    value=email
                    error=problems.of(field::EMAIL)
                    on_blur=problems.on_leave(field::EMAIL)
                    input=Input::Email
                    autocomplete="email"
                    required=true
                />
                <Field
                    id="password"
                    label=tr!(field_password)
                    value=password
                    error=problems.of(field::PASSWORD)
                    on_blur=problems.on_leave(field::PASSWORD)
                    input=Input::Password
                    hint=password_hint
                    autocomplete="new-password"
                    required=true
                />
                <div class="notice notice-info" hidden=move || !email_taken.get()>
                    <p>{tr!(email_taken)}</p>
                    <a href=link(login_notice_href.clone()) class="button button-secondary">
                        {tr!(login)}
                    </a>
                </div>
                <FormFailure failure />
                <SubmitButton sending label=tr!(register_submit) busy=tr!(sending) />
            </form>
            <p class="auth-switch">
                {tr!(have_account)}
                " "
                <a href=link(login_href)>{tr!(login)}</a>
            </p>
        </section>
    }
}

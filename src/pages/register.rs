//! `/register`: create an account (display name, email, password).

use golmok_api::validate::{self, field};
use golmok_api::{RegisterRequest, error_code};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::use_api;
use crate::components::field::{Field, Input};
use crate::components::form::{FormFailure, Problems, Submit, SubmitButton};
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
    let email_taken = RwSignal::new(false);

    let request = move || RegisterRequest {
        email: email.get(),
        password: password.get(),
        display_name: display_name.get(),
    };
    let form = Submit::new(Problems::new(move || validate::register(&request()).err().unwrap_or_default()));
    let login_href = carry_next("/login", next.as_deref());
    let password_hint = tr!(password_hint, limit = validate::limits::PASSWORD.0);
    let login_notice_href = login_href.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        email_taken.set(false);
        let (api, signed_in) = (api.clone(), signed_in.clone());
        form.send(
            validate::register(&request()),
            move |req| async move { api.register(&req).await },
            move |answer| match answer {
                Ok(auth) => {
                    signed_in(auth);
                    Ok(())
                }
                Err(e) if e.code() == Some(error_code::EMAIL_TAKEN) => {
                    email_taken.set(true);
                    announcer.say(tr!(email_taken));
                    Ok(())
                }
                Err(e) => Err(e),
            },
        );
    };

    view! {
        <section class="form-page auth-page">
            <PageHeading text=tr!(register_title) />
            <p class="lede">{tr!(register_intro)}</p>
            <form class="form" on:submit=submit novalidate>
                <Field
                    id=field::DISPLAY_NAME
                    label=tr!(field_display_name)
                    value=display_name
                    problems=form.problems
                    hint=tr!(display_name_hint)
                    autocomplete="nickname"
                    required=true
                />
                <Field
                    id=field::EMAIL
                    label=tr!(field_email)
                    value=email
                    problems=form.problems
                    input=Input::Email
                    autocomplete="email"
                    required=true
                />
                <Field
                    id=field::PASSWORD
                    label=tr!(field_password)
                    value=password
                    problems=form.problems
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
                <FormFailure failure=form.failure />
                <SubmitButton sending=form.sending label=tr!(register_submit) busy=tr!(sending) />
            </form>
            <p class="auth-switch">
                {tr!(have_account)}
                " "
                <a href=link(login_href)>{tr!(login)}</a>
            </p>
        </section>
    }
}

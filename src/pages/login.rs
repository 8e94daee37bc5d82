//! `/login`: log in with email and password, then go back where the person came from.

use golmok_api::validate::{self, field};
use golmok_api::{AuthResponse, LoginRequest, error_code};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::use_api;
use crate::components::field::{Field, Input};
use crate::components::form::{FormFailure, Problems, Submit, SubmitButton};
use crate::components::page_heading::PageHeading;
use crate::config::link;
use crate::state::announce::use_announcer;
use crate::state::session::use_session;

/// Where to go after logging in: `?next=` if it is a path inside the app, else home.
/// Anything else is ignored, so the login page cannot send anyone off-site: not
/// `//evil.example` or `https://…`, and no control characters, which URL parsing drops
/// (`/\t/evil.example` would become `//evil.example`).
pub fn next_path(next: Option<String>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.chars().any(|c| c == '\\' || c.is_control() || c.is_whitespace()) =>
        {
            path
        }
        _ => "/".to_owned(),
    }
}

/// An auth page (`/login`, `/register`) that returns to `next` afterwards.
pub fn carry_next(page: &str, next: Option<&str>) -> String {
    match next {
        Some(n) => format!("{page}?next={}", String::from(js_sys::encode_uri_component(n))),
        None => page.to_owned(),
    }
}

/// The login page, coming back to `here` (a path inside the app) afterwards.
pub fn login_href(here: &str) -> String {
    carry_next("/login", Some(here))
}

/// What happens once logging in or signing up worked: remember the session, say so, and
/// go where the person was headed. Made in the page (it needs the app's context), run
/// from the request's task.
pub fn after_sign_in(next: Option<String>) -> impl Fn(AuthResponse) + Clone {
    let session = use_session();
    let announcer = use_announcer();
    let navigate = use_navigate();
    move |auth| {
        session.sign_in(auth);
        announcer.say(tr!(logged_in));
        navigate(&next_path(next.clone()), Default::default());
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let api = use_api();
    let next = use_query_map().with_untracked(|q| q.get("next"));
    let signed_in = after_sign_in(next.clone());

    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let request = move || LoginRequest { email: email.get(), password: password.get() };
    let form = Submit::new(Problems::new(move || validate::login(&request()).err().unwrap_or_default()));
    let register_href = carry_next("/register", next.as_deref());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (api, signed_in) = (api.clone(), signed_in.clone());
        form.send(
            validate::login(&request()),
            move |req| async move { api.login(&req).await },
            move |answer| match answer {
                Ok(auth) => {
                    signed_in(auth);
                    Ok(())
                }
                Err(e) if e.code() == Some(error_code::INVALID_CREDENTIALS) => {
                    form.failure.set(Some(tr!(invalid_credentials)));
                    Ok(())
                }
                Err(e) => Err(e),
            },
        );
    };

    view! {
        <section class="form-page auth-page">
            <PageHeading text=tr!(login_title) />
            <p class="lede">{tr!(login_intro)}</p>
            <form class="form" on:submit=submit novalidate>
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
                    autocomplete="current-password"
                    required=true
                />
                <FormFailure failure=form.failure />
                <SubmitButton sending=form.sending label=tr!(login_submit) busy=tr!(sending) />
            </form>
            <p class="auth-switch">
                {tr!(no_account)}
                " "
                <a href=link(register_href)>{tr!(register)}</a>
            </p>
        </section>
    }
}

//! `/login`: log in with email and password, then go back where the person came from.

use golmok_api::validate::{self, field};
use golmok_api::{AuthResponse, LoginRequest, error_code};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::use_api;
use crate::components::field::{Field, Input};
use crate::components::form::{FormFailure, Problems, SubmitButton};
use crate::components::load_error::error_text;
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
    let sending = RwSignal::new(false);
    let failure = RwSignal::new(None::<&str>);

    let request = move || LoginRequest { email: email.get(), password: password.get() };
    let problems = Problems::new(move || validate::login(&request()).err().unwrap_or_default());
    let register_href = carry_next("/register", next.as_deref());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        problems.tried();
        failure.set(None);
        let Ok(req) = validate::login(&request()) else { return };
        sending.set(true);
        let (api, signed_in) = (api.clone(), signed_in.clone());
        spawn_local(async move {
            match api.login(&req).await {
                Ok(auth) => signed_in(auth),
                Err(e) => {
                    let text = if e.code() == Some(error_code::INVALID_CREDENTIALS) {
                        tr!(invalid_credentials)
                    } else {
                        error_text(&e)
                    };
                    failure.set(Some(text));
                }
            }
            sending.set(false);
        });
    };

    view! {
        <section class="form-page auth-page">
            <PageHeading text=tr!(login_title) />
            <p class="lede">{tr!(login_intro)}</p>
            <form class="form" on:submit=submit novalidate>
                <Field
                    id="email"
                    label=tr!(field_email)
                    value=email
                    error=problems.of(field::EMAIL)
                    input=Input::Email
                    autocomplete="email"
                    required=true
                />
                <Field
                    id="password"
                    label=tr!(field_password)
                    value=password
                    error=problems.of(field::PASSWORD)
                    input=Input::Password
                    autocomplete="current-password"
                    required=true
                />
                <FormFailure failure />
                <SubmitButton sending label=tr!(login_submit) busy=tr!(sending) />
            </form>
            <p class="auth-switch">
                {tr!(no_account)}
                " "
                <a href=link(register_href)>{tr!(register)}</a>
            </p>
        </section>
    }
}

//! `/login`: log in with email and password, then go back where the person came from.

use golmok_api::{LoginRequest, error_code, validate};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::use_api;
use crate::components::field::{Field, Input, field_error_text};
use crate::components::load_error::error_text;
use crate::components::page_heading::PageHeading;
use crate::i18n::*;
use crate::state::announce::use_announcer;
use crate::state::session::use_session;

/// Where to go after logging in: `?next=` if it is a path inside the app, else home.
/// Anything else (`//evil.example`, `https://…`) is ignored: no open redirects.
pub fn next_path(next: Option<String>) -> String {
    match next {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') => path,
        _ => "/".to_owned(),
    }
}

/// `?next=` carried on to the other auth page.
pub fn carry_next(page: &str, next: &Option<String>) -> String {
    match next {
        Some(n) => format!("{page}?next={}", String::from(js_sys::encode_uri_component(n))),
        None => page.to_owned(),
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let session = use_session();
    let announcer = use_announcer();
    let navigate = use_navigate();
    let next = use_query_map().with_untracked(|q| q.get("next"));

    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let submitted = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);

    let request = move || LoginRequest { email: email.get(), password: password.get() };
    let error_for = move |name: &'static str| {
        Signal::derive(move || {
            if !submitted.get() {
                return None;
            }
            let errors = validate::login(&request()).err().unwrap_or_default();
            errors.iter().find(|e| e.field == name).map(|e| field_error_text(i18n, e))
        })
    };
    let register_href = carry_next("/register", &next);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        submitted.set(true);
        failure.set(None);
        let Ok(req) = validate::login(&request()) else { return };
        sending.set(true);
        let (api, navigate, next) = (api.clone(), navigate.clone(), next.clone());
        spawn_local(async move {
            match api.login(&req).await {
                Ok(auth) => {
                    session.sign_in(auth);
                    announcer.say(t_string!(i18n, logged_in).to_string());
                    navigate(&next_path(next), Default::default());
                }
                Err(e) => {
                    let text = if e.code() == Some(error_code::INVALID_CREDENTIALS) {
                        t_string!(i18n, invalid_credentials).to_string()
                    } else {
                        error_text(i18n, &e)
                    };
                    announcer.say(text.clone());
                    failure.set(Some(text));
                }
            }
            sending.set(false);
        });
    };

    view! {
        <section class="form-page auth-page">
            <PageHeading text=Signal::derive(move || t_string!(i18n, login_title).to_string()) />
            <p class="lede">{t!(i18n, login_intro)}</p>
            <form class="form" on:submit=submit novalidate>
                <Field
                    id="email"
                    label=Signal::derive(move || t_string!(i18n, field_email).to_string())
                    value=email
                    error=error_for("email")
                    input=Input::Email
                    autocomplete="email"
                    required=true
                />
                <Field
                    id="password"
                    label=Signal::derive(move || t_string!(i18n, field_password).to_string())
                    value=password
                    error=error_for("password")
                    input=Input::Password
                    autocomplete="current-password"
                    required=true
                />
                {move || failure.get().map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
                <button type="submit" class="button button-primary button-wide" disabled=move || sending.get()>
                    {move || {
                        if sending.get() {
                            t_string!(i18n, sending).to_string()
                        } else {
                            t_string!(i18n, login_submit).to_string()
                        }
                    }}
                </button>
            </form>
            <p class="auth-switch">
                {t!(i18n, no_account)}
                " "
                <A href=register_href>{t!(i18n, register)}</A>
            </p>
        </section>
    }
}

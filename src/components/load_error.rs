//! What a page shows when it could not load: what happened and the next step.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::ApiError;
use crate::i18n::*;

/// A sentence for an error, in the current language. Never a raw code.
pub fn error_text(i18n: leptos_i18n::I18nContext<Locale>, error: &ApiError) -> String {
    match error {
        ApiError::Network => t_string!(i18n, error_network).to_string(),
        ApiError::Timeout => t_string!(i18n, error_timeout).to_string(),
        ApiError::Decode => t_string!(i18n, error_server).to_string(),
        ApiError::Status { status, .. } => match status {
            401 => t_string!(i18n, error_unauthorized).to_string(),
            403 => t_string!(i18n, error_forbidden).to_string(),
            413 => t_string!(i18n, error_too_large).to_string(),
            s if *s >= 500 => t_string!(i18n, error_server).to_string(),
            _ => t_string!(i18n, error_unexpected).to_string(),
        },
    }
}

#[component]
pub fn LoadError(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="notice notice-error" role="alert">
            <h2>{t!(i18n, error_title)}</h2>
            <p>{move || error_text(i18n, &error)}</p>
            <button type="button" class="button button-primary" on:click=move |_| on_retry.run(())>
                {t!(i18n, retry)}
            </button>
        </section>
    }
}

/// The not-found screen, used by unknown routes and by missing districts or proposals.
#[component]
pub fn NotFound(#[prop(into)] title: Signal<String>, #[prop(into)] body: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="not-found">
            <p class="not-found-mark" aria-hidden="true">"🐸"</p>
            <crate::components::page_heading::PageHeading text=title />
            <p>{body}</p>
            <A href="/" attr:class="button button-primary">
                {t!(i18n, go_home)}
            </A>
        </section>
    }
}

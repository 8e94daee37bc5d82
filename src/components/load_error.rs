//! What a page shows when it could not load: what happened and the next step.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::page_heading::PageHeading;
use crate::config::link;

/// A sentence for an error, in the current language. Never a raw code.
pub fn error_text(error: &ApiError) -> &'static str {
    match error {
        ApiError::Network => tr!(error_network),
        ApiError::Timeout => tr!(error_timeout),
        ApiError::Decode => tr!(error_server),
        ApiError::Status { status, code, wait, .. } => match status {
            401 => tr!(error_unauthorized),
            408 => tr!(error_timeout),
            403 if code == golmok_api::error_code::SUSPENDED => tr!(error_suspended),
            403 => tr!(error_forbidden),
            // Rare enough that keeping the sentence for good costs nothing worth a type.
            429 => Box::leak(tr!(error_rate_limited, minutes = wait.div_ceil(60).max(1)).into_boxed_str()),
            409 => tr!(error_conflict),
            413 => tr!(error_too_large),
            s if *s >= 500 => tr!(error_server),
            _ => tr!(error_unexpected),
        },
    }
}

/// `page`: the error is the whole page (its data did not load), so it carries the page's
/// heading and title; otherwise it is one section of a page that did load.
#[component]
pub fn LoadError(
    error: ApiError,
    #[prop(into)] on_retry: Callback<()>,
    #[prop(optional)] page: bool,
) -> impl IntoView {
    let heading = if page {
        view! { <PageHeading text=tr!(error_title) /> }.into_any()
    } else {
        view! { <h2>{tr!(error_title)}</h2> }.into_any()
    };
    view! {
        <section class="notice notice-error" role="alert">
            {heading}
            <p>{error_text(&error)}</p>
            <button type="button" class="button button-primary" on:click=move |_| on_retry.run(())>
                {tr!(retry)}
            </button>
        </section>
    }
}

/// The not-found screen, used by unknown routes and by missing districts or proposals.
#[component]
pub fn NotFound(title: &'static str, body: &'static str) -> impl IntoView {
    view! {
        <section class="not-found">
            <p class="not-found-mark" aria-hidden="true">"🐸"</p>
            <PageHeading text=title />
            <p>{body}</p>
            <a href=link("/") class="button button-primary">
                {tr!(go_home)}
            </a>
        </section>
    }
}

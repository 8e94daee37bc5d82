//! `*`: an address the app does not know.

use leptos::prelude::*;

use crate::components::load_error::NotFound;
use crate::i18n::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <NotFound
            title=Signal::derive(move || t_string!(i18n, not_found_title).to_string())
            body=Signal::derive(move || t_string!(i18n, not_found_body).to_string())
        />
    }
}

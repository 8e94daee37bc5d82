//! `*`: an address the app does not know.

use leptos::prelude::*;

use crate::components::load_error::NotFound;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <NotFound title=tr!(not_found_title) body=tr!(not_found_body) /> }
}

//! The one chunk of a district's ways of spreading the word: `/d/{slug}/embed` ("Put
//! this on your website", `embed`) and the posters (`poster`).

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::embed::EmbedPage;
use super::poster::PosterPage;
use crate::config::base_path;
use crate::routes::{Address, Page};

#[component]
pub fn SpreadPage() -> impl IntoView {
    // Read once: each of the three is a page of its own to the router, so a move from one
    // to another draws this anew. (Not a context from `routes`: what `routes` does is in
    // the first load, and this chunk is its only reader.)
    let page = use_location().pathname.with_untracked(|path| Address::at(path, &base_path()).page);
    match page {
        Page::Poster => view! { <PosterPage shop=false /> }.into_any(),
        Page::ShopPoster => view! { <PosterPage shop=true /> }.into_any(),
        _ => view! { <EmbedPage /> }.into_any(),
    }
}

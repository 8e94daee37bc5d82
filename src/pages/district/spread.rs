//! The one chunk of a district's ways of spreading the word: `/d/{slug}/embed` ("Put
//! this on your website", `embed`) and the posters (`poster`).

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::embed::EmbedPage;
use super::poster::PosterPage;

/// Which of this chunk's pages a path (one `routes` sent here) shows. Told from the path
/// rather than by a context from `routes`: whatever `routes` does is in the first load,
/// and this chunk is the only reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spread {
    Embed,
    Poster,
    ShopPoster,
}

impl Spread {
    pub fn of(path: &str) -> Spread {
        let mut last = path.split('/').filter(|s| !s.is_empty()).rev();
        match (last.next(), last.next(), last.next()) {
            (Some("poster"), _, Some("shops")) => Spread::ShopPoster,
            (Some("poster"), ..) => Spread::Poster,
            _ => Spread::Embed,
        }
    }
}

#[component]
pub fn SpreadPage() -> impl IntoView {
    // Read once: each of the three is a page of its own to the router (`routes::Page`),
    // so a move from one to another draws this anew.
    match use_location().pathname.with_untracked(|path| Spread::of(path)) {
        Spread::Embed => view! { <EmbedPage /> }.into_any(),
        Spread::Poster => view! { <PosterPage shop=false /> }.into_any(),
        Spread::ShopPoster => view! { <PosterPage shop=true /> }.into_any(),
    }
}

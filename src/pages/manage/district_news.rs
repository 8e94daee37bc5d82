//! The console's news tab: the district's own announcements (상인회 소식), posted and
//! kept by its moderators, and every current announcement of the district with a pin,
//! since what is pinned leads the district's home.

use golmok_api::Announcement;
use leptos::prelude::*;

use super::news::{KeptNews, PostNews, Poster};
use crate::api::use_api;
use crate::state::paged::Paged;

#[component]
pub fn NewsPanel(slug: String) -> impl IntoView {
    let api = use_api();
    let list = {
        let slug = slug.clone();
        Paged::new(
            move |cursor| {
                let (api, slug) = (api.clone(), slug.clone());
                async move { api.district_announcements(&slug, cursor.as_deref(), 20).await }
            },
            |a: &Announcement| a.id,
        )
    };
    let posted = Callback::new(move |_: Announcement| list.retry());
    let poster = Poster::District(slug);
    view! {
        <p class="muted">{tr!(district_news_intro)}</p>
        <PostNews poster=poster.clone() cta=tr!(district_post_cta) on_posted=posted />
        <KeptNews list poster can_pin=true empty=tr!(news_empty) />
    }
}

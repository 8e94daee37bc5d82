//! The console's news tab: the district's own announcements (상인회 소식), posted and
//! kept by its moderators, and every current announcement of the district with a pin,
//! since what is pinned leads the district's home.

use golmok_api::Announcement;
use leptos::prelude::*;

use super::news::{KeptNews, NewsForm, Poster};
use crate::api::use_api;
use crate::state::paged::Paged;

#[component]
pub fn NewsPanel(slug: String) -> impl IntoView {
    let api = use_api();
    let writing = RwSignal::new(false);
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
    let posted = Callback::new(move |_: Announcement| {
        writing.set(false);
        list.retry();
    });
    let poster = Poster::District(slug);
    view! {
        <p class="muted">{tr!(district_news_intro)}</p>
        {
            let poster = poster.clone();
            move || {
                if writing.get() {
                    view! { <NewsForm poster=poster.clone() on_done=posted on_cancel=Callback::new(move |()| writing.set(false)) /> }
                        .into_any()
                } else {
                    view! {
                        <button type="button" class="button button-primary button-wide" on:click=move |_| writing.set(true)>
                            <span aria-hidden="true">"📣 "</span>
                            {tr!(district_post_cta)}
                        </button>
                    }
                    .into_any()
                }
            }
        }
        <KeptNews list poster can_pin=true empty=tr!(news_empty) />
    }
}

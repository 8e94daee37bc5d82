//! `/d/{slug}/announcements`: everything the alley announces now, the district's pinned
//! news first, then the newest.

use golmok_api::Announcement;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::use_api;
use crate::components::announcement_card::AnnouncementCard;
use crate::components::page_heading::PageHeading;
use crate::config::link;
use crate::state::paged::{Paged, Placeholder};

#[component]
pub fn AnnouncementsPage() -> impl IntoView {
    let api = use_api();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|p| p.get("slug").unwrap_or_default()));
    let list = Paged::new(
        move |cursor| {
            let (api, slug) = (api.clone(), slug.get());
            async move { api.district_announcements(&slug, cursor.as_deref(), 20).await }
        },
        |a: &Announcement| a.id,
    );
    view! {
        <section class="form-page news-page">
            <a href=move || link(format!("/d/{}", slug.get())) class="back-link">
                <span aria-hidden="true">"← "</span>
                {tr!(back_to_list)}
            </a>
            <PageHeading text=tr!(news_title) />
            <p class="lede">{tr!(news_intro)}</p>
            <h2 class="sr-only">{tr!(news_heading)}</h2>
            {list.view(Placeholder::Cards, "announcements", tr!(news_empty), |a| {
                view! { <AnnouncementCard announcement=a by_shop=true reportable=true /> }
            })}
        </section>
    }
}

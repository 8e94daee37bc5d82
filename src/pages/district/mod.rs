//! `/d/{slug}`: a district's home — who it is, then its proposals ranked by support.

pub mod embed;
mod feed;
mod filters;
pub mod poster;
pub mod spread;

use golmok_api::{District, Headline};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::use_api;
use crate::components::announcement_card::announcement_kind_label;
use crate::components::kakao_link::kakao_link;
use crate::components::load_error::{LoadError, NotFound};
use crate::components::page_heading::PageHeading;
use crate::components::shop_card::shop_name;
use crate::components::skeleton::DetailSkeleton;
use crate::config::link;
use crate::state::lang;
use crate::state::load::Load;
use feed::ProposalFeed;

#[component]
pub fn DistrictPage() -> impl IntoView {
    let api = use_api();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|p| p.get("slug").unwrap_or_default()));
    let district = Load::new(move || {
        let (api, slug) = (api.clone(), slug.get());
        async move { api.district(&slug).await }
    });
    view! {
            {move || match district.get() {
                None => view! { <DetailSkeleton /> }.into_any(),
                Some(Err(e)) if e.is_not_found() => {
                    view! {
    <NotFound title=tr!(district_not_found_title) body=tr!(not_found_body) />
                    }
                        .into_any()
                }
                Some(Err(error)) => view! { <LoadError error on_retry=move || district.retry() page=true /> }.into_any(),
                Some(Ok(d)) => view! { <DistrictHome district=d /> }.into_any(),
            }}
        }
}

#[component]
fn DistrictHome(district: District) -> impl IntoView {
    let locale = lang::current();
    let slug = district.slug.clone();
    let new_href = format!("/d/{slug}/proposals/new");
    let text = |ko: &str, en: &str| lang::pick(locale, ko, en).to_owned();
    // A long introduction would push the proposals below the fold on a phone: three
    // lines, and a button for the rest.
    let description = text(&district.description, &district.description_en);
    let long = description.chars().count() > 90;
    let expanded = RwSignal::new(false);
    view! {
        <section class="hero district-hero">
            <p class="hero-region">
                <span aria-hidden="true">"📍 "</span>
                {text(&district.region, &district.region_en)}
            </p>
            <PageHeading text=text(&district.name, &district.name_en) />
            <p id="district-description" class="lede" class:clamped=move || long && !expanded.get()>
                {description}
            </p>
            {long
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="more-toggle"
                            aria-expanded=move || if expanded.get() { "true" } else { "false" }
                            aria-controls="district-description"
                            on:click=move |_| expanded.update(|e| *e = !*e)
                        >
                            {move || if expanded.get() { tr!(show_less) } else { tr!(show_more) }}
                        </button>
                    }
                })}
            <DistrictLinks slug=slug.clone() kakao=district.kakao_channel_url.clone() />
        </section>
        <DistrictNews slug=slug.clone() news=district.news.clone() />
        <ProposalFeed slug=slug.clone() />
        // For whoever keeps the district's website; below the feed, so that nothing the
        // boot screen drew moves when the app takes over.
        <a href=link(format!("/d/{slug}/embed")) class="more-link embed-link">
            {tr!(district_embed_link)}
            <span aria-hidden="true">" →"</span>
        </a>
        <div class="sticky-action">
            <a href=link(new_href) class="button button-primary button-wide">
                <span aria-hidden="true">"✍️ "</span>
                {tr!(propose_cta)}
            </a>
        </div>
    }
}

/// The rest of the alley: its shops, its news, and the district's KakaoTalk channel.
/// public/boot.js draws the same while the app loads.
#[component]
fn DistrictLinks(slug: String, kakao: Option<String>) -> impl IntoView {
    view! {
        <nav class="district-links" aria-label=tr!(district_links)>
            <a href=link(format!("/d/{slug}/shops")) class="chip">
                <span aria-hidden="true">"🏪 "</span>
                {tr!(nav_shops)}
            </a>
            <a href=link(format!("/d/{slug}/announcements")) class="chip">
                <span aria-hidden="true">"📣 "</span>
                {tr!(nav_news)}
            </a>
            {kakao.map(|url| kakao_link(url, tr!(district_kakao)))}
        </nav>
    }
}

/// What the alley announces now, pinned first: a few lines, and the way to all of them.
/// They come with the district, so they are drawn with it (public/boot.js draws the
/// same), and nothing below moves when they appear.
#[component]
fn DistrictNews(slug: String, news: Vec<Headline>) -> impl IntoView {
    let locale = lang::current();
    let all = link(format!("/d/{slug}/announcements"));
    (!news.is_empty()).then(|| {
        let lines = news
            .into_iter()
            .map(|h| {
                let by = h.shop.map(|s| view! { <span class="headline-by">{shop_name(locale, &s.name, &s.name_en)}</span> });
                view! {
                    <li class="headline">
                        {h.pinned.then(|| view! { <span class="badge badge-pinned">"📌 "{tr!(announcement_pinned)}</span> })}
                        <span class="badge badge-news">{announcement_kind_label(h.kind)}</span>
                        <a href=all.clone() class="headline-link">{h.title}</a>
                        {by}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="district-news" aria-labelledby="news-heading">
                <h2 id="news-heading" class="section-title">{tr!(news_heading)}</h2>
                <ul class="headlines" role="list">{lines}</ul>
                <a href=all.clone() class="more-link">{tr!(news_all)}<span aria-hidden="true">" →"</span></a>
            </section>
        }
    })
}

//! `/d/{slug}`: a district's home — who it is, then its proposals ranked by support.

use golmok_api::{District, Headline, Proposal, ProposalKind, ProposalSort};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::api::{ProposalQuery, use_api};
use crate::components::announcement_card::announcement_kind_label;
use crate::components::kakao_link::kakao_link;
use crate::components::load_error::{LoadError, NotFound};
use crate::components::page_heading::PageHeading;
use crate::components::proposal_card::ProposalCard;
use crate::components::shop_card::shop_name;
use crate::components::skeleton::{CardSkeletons, DetailSkeleton};
use crate::config::link;
use crate::state::load::Load;
use crate::state::paged::{First, Paged};
use crate::state::{lang, session::use_session};

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
        <ProposalFeed slug />
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

/// The proposals with their kind filter and order, kept in the address (`?kind=&sort=`)
/// so a reload or the back button keeps them, and a "show more" that follows the cursor.
#[component]
fn ProposalFeed(slug: String) -> impl IntoView {
    let api = use_api();
    let session = use_session();
    let query = use_query_map();
    let navigate = use_navigate();
    let kind = Memo::new(move |_| query.with(|q| q.get("kind")).as_deref().and_then(ProposalKind::parse));
    let sort = Memo::new(move |_| match query.with(|q| q.get("sort")).as_deref() {
        Some("new") => ProposalSort::New,
        _ => ProposalSort::Top,
    });

    // Who is looking (their `voted` flags), not what is remembered of them: refreshing the
    // account's name at start must not load the list again.
    let logged_in = Memo::new(move |_| session.is_logged_in());
    let slug = StoredValue::new(slug);
    let list = Paged::new(
        move |cursor| {
            let api = api.clone();
            let _ = logged_in.get();
            let q = ProposalQuery { kind: kind.get(), sort: sort.get(), cursor };
            async move { api.proposals(&slug.get_value(), &q).await }
        },
        |p: &Proposal| p.id,
    );
    // Most visits go on to a proposal: have the rest of its page ready by then (the
    // support button only for those who can support).
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let ready = list.first() == First::Ready;
        if ready {
            crate::lazy::prefetch_when_idle(crate::pages::proposal::TALK);
            if logged_in.get_untracked() {
                crate::lazy::prefetch_when_idle(crate::pages::proposal::SUPPORT);
            }
        }
        ready
    });

    let set_query = move |kind: Option<ProposalKind>, sort: ProposalSort| {
        let mut parts = Vec::new();
        if let Some(k) = kind {
            parts.push(format!("kind={}", k.as_str()));
        }
        if sort == ProposalSort::New {
            parts.push("sort=new".to_owned());
        }
        let path = format!("/d/{}", slug.get_value());
        let href = if parts.is_empty() { path } else { format!("{path}?{}", parts.join("&")) };
        navigate(&href, NavigateOptions { replace: true, scroll: false, ..Default::default() });
    };
    let set_query = StoredValue::new(set_query);

    let kind_button = move |value: Option<ProposalKind>, label: &'static str| {
        view! {
            <button
                type="button"
                class="chip"
                aria-pressed=move || if kind.get() == value { "true" } else { "false" }
                on:click=move |_| set_query.with_value(|f| f(value, sort.get_untracked()))
            >
                {label}
            </button>
        }
    };
    let sort_button = move |value: ProposalSort, label: &'static str| {
        view! {
            <button
                type="button"
                class="chip chip-quiet"
                aria-pressed=move || if sort.get() == value { "true" } else { "false" }
                on:click=move |_| set_query.with_value(|f| f(kind.get_untracked(), value))
            >
                {label}
            </button>
        }
    };

    view! {
        <section class="feed" aria-labelledby="proposals-heading">
            <h2 id="proposals-heading" class="section-title">
                {tr!(proposals_heading)}
            </h2>
            <div class="feed-controls">
                <div class="chips" role="group" aria-label=tr!(filter_label)>
                    {kind_button(None, tr!(filter_all))}
                    {kind_button(Some(ProposalKind::Event), tr!(filter_event))}
                    {kind_button(Some(ProposalKind::Improvement), tr!(filter_improvement))}
                </div>
                <div class="chips" role="group" aria-label=tr!(sort_label)>
                    {sort_button(ProposalSort::Top, tr!(sort_top))}
                    {sort_button(ProposalSort::New, tr!(sort_new))}
                </div>
            </div>
            {move || match list.first() {
                First::Loading => view! { <CardSkeletons /> }.into_any(),
                First::Failed(error) => view! { <LoadError error on_retry=move || list.retry() /> }.into_any(),
                First::Ready if list.is_empty() => view! { <p class="empty">{tr!(proposals_empty)}</p> }.into_any(),
                First::Ready => {
                    view! {
                        <ul class="cards" role="list">
                            {move || list.items().into_iter().map(|p| view! { <ProposalCard proposal=p /> }).collect_view()}
                        </ul>
                        {list.show_more()}
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

//! `/d/{slug}`: a district's home — who it is, then its proposals ranked by support.

use golmok_api::{District, Proposal, ProposalKind, ProposalSort};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::api::{ApiError, ProposalQuery, use_api};
use crate::components::load_error::{LoadError, NotFound};
use crate::components::page_heading::PageHeading;
use crate::components::proposal_card::ProposalCard;
use crate::components::skeleton::{CardSkeletons, DetailSkeleton};
use crate::config::link;
use crate::state::load::Load;
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
        </section>
        <ProposalFeed slug />
        <div class="sticky-action">
            <a href=link(new_href) class="button button-primary button-wide">
                <span aria-hidden="true">"✍️ "</span>
                {tr!(propose_cta)}
            </a>
        </div>
    }
}

/// Where the list is: the first page may still be loading, or have failed.
#[derive(Clone)]
enum Feed {
    Loading,
    Failed(ApiError),
    Ready,
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
    let items = RwSignal::new(Vec::<Proposal>::new());
    let next_cursor = RwSignal::new(None::<String>);
    let feed = RwSignal::new(Feed::Loading);
    let loading_more = RwSignal::new(false);
    // Answers to an older filter must not land in the list of a newer one.
    let generation = StoredValue::new(0u32);
    let prefetched = StoredValue::new(false);
    let reload = RwSignal::new(0u32);

    let slug = StoredValue::new(slug);
    let fetch = move |cursor: Option<String>| {
        let api = api.clone();
        let q = ProposalQuery { kind: kind.get_untracked(), sort: sort.get_untracked(), cursor };
        async move { api.proposals(&slug.get_value(), &q).await }
    };
    let fetch_first = fetch.clone();
    Effect::new(move |_| {
        // Re-run when the filter, the order, the viewer (their `voted` flags) changes, or on retry.
        let _ = (kind.get(), sort.get(), logged_in.get(), reload.get());
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        feed.set(Feed::Loading);
        let request = fetch_first(None);
        spawn_local(async move {
            let answer = request.await;
            // On a first visit the list is usually there already (public/boot.js asked
            // for it): draw it in a task of its own, not in the long one that starts the
            // app and draws the district (the district itself must be drawn in that one,
            // where it replaces the boot screen's drawing of it).
            crate::state::load::next_task().await;
            // Stale, or the page is gone (`try_`: a disposed value must not panic).
            if generation.try_get_value() != Some(mine) {
                return;
            }
            match answer {
                Ok(page) => {
                    items.set(page.items);
                    next_cursor.set(page.next_cursor);
                    feed.set(Feed::Ready);
                    // Most visits go on to a proposal: have its page ready by then.
                    if prefetched.try_get_value() == Some(false) {
                        prefetched.try_set_value(true);
                        crate::lazy::prefetch_when_idle(crate::pages::PROPOSAL);
                    }
                }
                Err(e) => feed.set(Feed::Failed(e)),
            }
        });
    });
    let load_more = move |_: leptos::ev::MouseEvent| {
        let Some(cursor) = next_cursor.get_untracked() else { return };
        let mine = generation.get_value();
        loading_more.set(true);
        let request = fetch(Some(cursor));
        spawn_local(async move {
            let answer = request.await;
            loading_more.set(false);
            if generation.try_get_value() != Some(mine) {
                return;
            }
            match answer {
                Ok(page) => {
                    // Supports move while one reads: a proposal can reach the next page
                    // of "top" too, and must not show twice.
                    items.update(|list| {
                        for p in page.items {
                            if !list.iter().any(|q| q.id == p.id) {
                                list.push(p);
                            }
                        }
                    });
                    next_cursor.set(page.next_cursor);
                }
                Err(e) => feed.set(Feed::Failed(e)),
            }
        });
    };
    let load_more = StoredValue::new(load_more);
    let retry = move || reload.update(|n| *n += 1);

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
            {move || match feed.get() {
                Feed::Loading => view! { <CardSkeletons /> }.into_any(),
                Feed::Failed(error) => view! { <LoadError error on_retry=retry /> }.into_any(),
                Feed::Ready if items.with(Vec::is_empty) => {
                    view! { <p class="empty">{tr!(proposals_empty)}</p> }.into_any()
                }
                Feed::Ready => {
                    view! {
                        <ul class="cards" role="list">
                            {move || {
                                items.get().into_iter().map(|p| view! { <ProposalCard proposal=p /> }).collect_view()
                            }}
                        </ul>
                        {move || {
                            next_cursor.with(Option::is_some).then(|| view! {
                            <button
                                type="button"
                                class="button button-secondary button-wide"
                                disabled=move || loading_more.get()
                                on:click=move |ev| load_more.with_value(|f| f(ev))
                            >
                                {move || {
                                    if loading_more.get() {
                                        tr!(loading)
                                    } else {
                                        tr!(load_more)
                                    }
                                }}
                            </button>
                            })
                        }}
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

//! `/d/{slug}/shops`: the alley's shops, found by name, category, "open now" and the
//! Onnuri mark. The filters live in the address (`?q=&category=&open_now=1&onnuri=1`), so
//! a filtered list can be shared and survives a reload.

use golmok_api::{Shop, ShopCategory};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::api::{ShopQuery, encode, use_api, with_query};
use crate::components::filters::{FilterChip, NoMatch, SearchRow};
use crate::components::load_error::LoadError;
use crate::components::page_heading::PageHeading;
use crate::components::shop_card::{ShopCard, category_label};
use crate::components::skeleton::CardSkeletons;
use crate::config::link;
use crate::state::clock;
use crate::state::paged::{First, Paged};

/// The filters as the address says them; anything unknown is no filter.
fn read_query(get: impl Fn(&str) -> Option<String>) -> ShopQuery {
    let on = |name| matches!(get(name).as_deref(), Some("1" | "true"));
    ShopQuery {
        q: get("q").unwrap_or_default(),
        category: get("category").as_deref().and_then(ShopCategory::parse),
        open_now: on("open_now"),
        onnuri: on("onnuri"),
    }
}

/// The address of the directory with these filters.
pub fn directory_href(slug: &str, query: &ShopQuery) -> String {
    let q = query.q.trim();
    let params = [
        ("q", (!q.is_empty()).then_some(q)),
        ("category", query.category.map(ShopCategory::as_str)),
        ("open_now", query.open_now.then_some("1")),
        ("onnuri", query.onnuri.then_some("1")),
    ];
    with_query(format!("/d/{}/shops", encode(slug)), &params)
}

#[component]
pub fn ShopsPage() -> impl IntoView {
    let api = use_api();
    let params = use_params_map();
    let address = use_query_map();
    let slug = Memo::new(move |_| params.with(|p| p.get("slug").unwrap_or_default()));
    let query = Memo::new(move |_| address.with(|a| read_query(|name| a.get(name))));
    let list = Paged::new(
        move |cursor| {
            let (api, slug, query) = (api.clone(), slug.get(), query.get());
            async move { api.shops(&slug, &query, cursor.as_deref()).await }
        },
        |s: &Shop| s.id,
    );
    let now = clock::seoul_minute();
    let navigate = use_navigate();
    let apply = Callback::new(move |next: ShopQuery| {
        let href = directory_href(&slug.get_untracked(), &next);
        navigate(&href, NavigateOptions { replace: true, scroll: false, ..Default::default() });
    });
    let filtered = move || query.with(|q| *q != ShopQuery::default());
    view! {
        <section class="form-page shops-page">
            <PageHeading text=tr!(shops_title) />
            <p class="lede">{tr!(shops_intro)}</p>
            <ShopFilters query apply />
            <a href=move || link(format!("/d/{}/claim", slug.get())) class="more-link">{tr!(claim_title)}<span aria-hidden="true">" →"</span></a>
            {move || match list.first() {
                    First::Loading => view! { <CardSkeletons /> }.into_any(),
                    First::Failed(error) => view! { <LoadError error on_retry=move || list.retry() /> }.into_any(),
                    First::Ready if list.is_empty() && filtered() => {
                        let clear = link(directory_href(&slug.get(), &ShopQuery::default()));
                        view! { <NoMatch text=tr!(shops_empty) clear /> }.into_any()
                    }
                    First::Ready if list.is_empty() => view! { <p class="empty">{tr!(shops_none)}</p> }.into_any(),
                    First::Ready => {
                        view! {
                            <ul class="cards" role="list">
                                {move || list.items().into_iter().map(|shop| view! { <ShopCard shop now /> }).collect_view()}
                            </ul>
                            {list.show_more()}
                        }
                            .into_any()
                    }
                }}
        </section>
    }
}

/// Search by name (on submit, so a slow phone does not reload the list at every
/// keystroke), then the category and the two switches, which apply at once.
#[component]
fn ShopFilters(query: Memo<ShopQuery>, apply: Callback<ShopQuery>) -> impl IntoView {
    let typed = RwSignal::new(query.get_untracked().q);
    // Back, forward or "clear filters" change the address: the box follows it.
    Effect::new(move |_| typed.set(query.with(|q| q.q.clone())));
    let change = move |edit: &dyn Fn(&mut ShopQuery)| {
        let mut next = query.get_untracked();
        next.q = typed.get_untracked();
        edit(&mut next);
        apply.run(next);
    };
    let toggle = move |label: &'static str, on: fn(&ShopQuery) -> bool, flip: fn(&mut ShopQuery)| {
        let pressed = Signal::derive(move || query.with(on));
        view! { <FilterChip label pressed on_click=move || change(&|q| flip(q)) /> }
    };
    view! {
        <form
            class="shop-filters"
            role="search"
            on:submit=move |ev| {
                ev.prevent_default();
                change(&|_| ());
            }
        >
            <label for="shop-search" class="field-label">{tr!(shop_search_label)}</label>
            <SearchRow id="shop-search" placeholder=tr!(shop_search_placeholder) max=50 typed button="button button-primary" />
            <label for="shop-category" class="field-label">{tr!(shop_category_label)}</label>
            // `selected` draws the first choice; after someone has picked one, only the
            // select's value follows the address (back, forward, clearing the filters).
            <select
                id="shop-category"
                prop:value=move || query.with(|q| q.category.map_or("", ShopCategory::as_str))
                on:change=move |ev| {
                    let category = ShopCategory::parse(&event_target_value(&ev));
                    change(&|q| q.category = category);
                }
            >
                <option value="" selected=move || query.with(|q| q.category.is_none())>{tr!(category_all)}</option>
                {ShopCategory::ALL
                    .into_iter()
                    .map(|c| {
                        view! {
                            <option value=c.as_str() selected=move || query.with(|q| q.category == Some(c))>
                                {category_label(c)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <div class="chips" role="group" aria-label=tr!(shop_filters_label)>
                {toggle(tr!(filter_open_now), |q| q.open_now, |q| q.open_now = !q.open_now)}
                {toggle(tr!(filter_onnuri), |q| q.onnuri, |q| q.onnuri = !q.onnuri)}
            </div>
        </form>
    }
}

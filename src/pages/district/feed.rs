//! The district's proposals, found by words, kind and status, in one of three orders.
//! The filters live in the address (`?q=&kind=&status=&sort=`), so a filtered list can be
//! shared, survives a reload and the back button; "show more" follows the cursor.
//!
//! The controls' code is a chunk of its own (`filters.rs`), fetched once the proposals
//! show: until then they are drawn as they will be, inert, as public/boot.js and the
//! server's first paint draw them too (nothing moves when the real ones arrive).

use golmok_api::{Proposal, ProposalKind, ProposalSort, ProposalStatus};
use leptos::html;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use wasm_bindgen::JsCast as _;

crate::lazy_page!(const FILTERS in district_filters = super::filters::ProposalFilters);

/// What the controls read and change, provided by the feed.
#[derive(Clone, Copy)]
pub struct FeedFilters {
    pub query: Memo<ProposalQuery>,
    pub apply: Callback<ProposalQuery>,
}

use crate::api::{ProposalQuery, encode, use_api, with_query};
use crate::components::filters::NoMatch;
use crate::components::load_error::LoadError;
use crate::components::proposal_card::ProposalCard;
use crate::components::skeleton::CardSkeletons;
use crate::config::link;
use crate::lazy;
use crate::state::paged::{First, Paged};
use crate::state::session::use_session;

/// The filters as the address says them; anything unknown is no filter.
fn read_query(get: impl Fn(&str) -> Option<String>) -> ProposalQuery {
    ProposalQuery {
        kind: get("kind").as_deref().and_then(ProposalKind::parse),
        status: get("status").as_deref().and_then(ProposalStatus::parse),
        sort: match get("sort").as_deref() {
            Some("new") => ProposalSort::New,
            Some("discussed") => ProposalSort::Discussed,
            _ => ProposalSort::Top,
        },
        q: get("q").unwrap_or_default(),
        cursor: None,
    }
}

/// The district page's address with these filters.
fn feed_href(slug: &str, query: &ProposalQuery) -> String {
    let q = query.q.trim();
    let params = [
        ("q", (!q.is_empty()).then_some(q)),
        ("kind", query.kind.map(ProposalKind::as_str)),
        ("status", query.status.map(ProposalStatus::as_str)),
        ("sort", (query.sort != ProposalSort::Top).then(|| query.sort.as_str())),
    ];
    with_query(format!("/d/{}", encode(slug)), &params)
}

#[component]
pub fn ProposalFeed(slug: String) -> impl IntoView {
    let api = use_api();
    let session = use_session();
    let address = use_query_map();
    let query = Memo::new(move |_| address.with(|a| read_query(|name| a.get(name))));
    // Who is looking (their `voted` flags), not what is remembered of them: refreshing the
    // account's name at start must not load the list again.
    let logged_in = Memo::new(move |_| session.is_logged_in());
    let slug = StoredValue::new(slug);
    let list = Paged::new(
        move |cursor| {
            let api = api.clone();
            let _ = logged_in.get();
            let q = ProposalQuery { cursor, ..query.get() };
            async move { api.proposals(&slug.get_value(), &q).await }
        },
        |p: &Proposal| p.id,
    );
    let shown = RwSignal::new(false);
    after_first_page(list, logged_in, shown);
    let navigate = use_navigate();
    let apply = Callback::new(move |next: ProposalQuery| {
        let href = feed_href(&slug.get_value(), &next);
        navigate(&href, NavigateOptions { replace: true, scroll: false, ..Default::default() });
    });
    provide_context(FeedFilters { query, apply });
    let waiting = || controls_drawn().into_any();
    let filtered = move || query.with(|q| q.q.trim() != "" || q.kind.is_some() || q.status.is_some());
    view! {
        <section class="feed" aria-labelledby="proposals-heading">
            <h2 id="proposals-heading" class="section-title">
                {tr!(proposals_heading)}
            </h2>
            {move || if shown.get() { lazy::part(FILTERS, waiting).into_any() } else { waiting() }}
            {move || match list.first() {
                First::Loading => view! { <CardSkeletons /> }.into_any(),
                First::Failed(error) => view! { <LoadError error on_retry=move || list.retry() /> }.into_any(),
                First::Ready if list.is_empty() && filtered() => {
                    let clear = link(feed_href(&slug.get_value(), &ProposalQuery::default()));
                    view! { <NoMatch text=tr!(proposals_no_match) clear /> }.into_any()
                }
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

/// Once the first proposals show, or fail to (the controls must not stay busy for ever):
/// the controls' code comes. Once they show, since most visits go on to a proposal, the
/// rest of its page (the support button only for those who can support).
fn after_first_page(list: Paged<Proposal>, logged_in: Memo<bool>, shown: RwSignal<bool>) {
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let first = list.first();
        if first != First::Loading {
            shown.set(true);
        }
        let ready = first == First::Ready;
        if ready {
            crate::lazy::prefetch_when_idle(crate::pages::proposal::TALK);
            if logged_in.get_untracked() {
                crate::lazy::prefetch_when_idle(crate::pages::proposal::SUPPORT);
            }
        }
        ready
    });
}

/// The controls as they will be, inert and busy while their code arrives: drawn by
/// public/boot.js (`golmokControls`), which draws the boot screen's the same way. One
/// drawing for both, and no second copy of it in the first load's wasm. (Without
/// boot.js, in the wasm tests, the form stays empty until the controls come.)
fn controls_drawn() -> impl IntoView {
    let form = NodeRef::<html::Form>::new();
    Effect::new(move |_| {
        if let Some(form) = form.get() {
            let Some(window) = web_sys::window() else { return };
            let draw = js_sys::Reflect::get(&window, &"golmokControls".into()).ok();
            if let Some(draw) = draw.and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
                let _ = draw.call2(
                    &window,
                    &form,
                    &crate::state::lang::tag(crate::state::lang::current()).into(),
                );
            }
        }
    });
    view! { <form node_ref=form class="feed-controls" role="search" aria-busy="true" inert></form> }
}

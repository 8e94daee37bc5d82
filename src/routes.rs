//! Which page an address shows: the routes of PRODUCT.md, matched by one `match`.
//!
//! leptos_router's `<FlatRoutes>` compiles its matching code once per shape of path (our
//! twelve routes have six), and its view-choosing, async and transition machinery on
//! top: 51 KB of wasm, 18 KB gzip of the first load, measured, for what one slice
//! pattern does here. The router still owns the address (links, history,
//! `use_navigate`, `use_query_map`); this module only turns the path into a page and
//! provides `:slug` and `:id` where `use_params_map` looks for them.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_url};
use leptos_router::location::{BrowserUrl, LocationProvider};
use leptos_router::params::ParamsMap;

use crate::lazy::{self, LazyPage};
use crate::pages::{self, district::DistrictPage, not_found::NotFoundPage, proposal::ProposalPage};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Home,
    Login,
    Register,
    Alley,
    Manage,
    District,
    NewProposal,
    Proposal,
    Announcements,
    Claim,
    Shops,
    Shop,
    Embed,
    /// The poster of the district or of one of its proposals, and of a shop: two pages,
    /// so that a move from one to the other draws the page anew.
    Poster,
    ShopPoster,
    NotFound,
}

/// A page and the parts of its path it reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub page: Page,
    pub slug: Option<String>,
    pub id: Option<String>,
}

impl Address {
    /// The address of `path`, a path inside the app (the router base already taken off).
    /// Empty segments are skipped, so a trailing slash is the same page.
    pub fn of(path: &str) -> Address {
        let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let (page, slug, id) = match parts.as_slice() {
            [] => (Page::Home, None, None),
            ["login"] => (Page::Login, None, None),
            ["register"] => (Page::Register, None, None),
            ["alley"] => (Page::Alley, None, None),
            ["manage"] => (Page::Manage, None, None),
            ["d", slug] => (Page::District, Some(slug), None),
            ["d", slug, "proposals", "new"] => (Page::NewProposal, Some(slug), None),
            ["d", slug, "proposals", id] => (Page::Proposal, Some(slug), Some(id)),
            ["d", slug, "announcements"] => (Page::Announcements, Some(slug), None),
            ["d", slug, "claim"] => (Page::Claim, Some(slug), None),
            ["d", slug, "shops"] => (Page::Shops, Some(slug), None),
            ["d", slug, "shops", id] => (Page::Shop, Some(slug), Some(id)),
            ["d", slug, "embed"] => (Page::Embed, Some(slug), None),
            ["d", slug, "poster"] => (Page::Poster, Some(slug), None),
            ["d", slug, "proposals", id, "poster"] => (Page::Poster, Some(slug), Some(id)),
            ["d", slug, "shops", id, "poster"] => (Page::ShopPoster, Some(slug), Some(id)),
            _ => (Page::NotFound, None, None),
        };
        Address { page, slug: slug.map(|s| (*s).to_owned()), id: id.map(|s| (*s).to_owned()) }
    }

    /// The address of `path`, a whole path (the router's `pathname`): outside the app's
    /// base path, no page.
    pub fn at(path: &str, base: &str) -> Address {
        match path.strip_prefix(base) {
            Some(inside) if inside.is_empty() || inside.starts_with('/') => Address::of(inside),
            _ => Address::of("/-"),
        }
    }

    fn params(&self) -> ParamsMap {
        let mut params = ParamsMap::new();
        if let Some(slug) = &self.slug {
            params.insert("slug", slug.clone());
        }
        if let Some(id) = &self.id {
            params.insert("id", id.clone());
        }
        params
    }
}

/// The current page. A new address of the same page (another proposal, say) only
/// updates its params and query, as `<FlatRoutes>` did; another page replaces the view,
/// and its reactive owner with it. Each page gets params and a URL of its own that
/// follow the address only while it is that page, so a page being left never sees the
/// next page's `:slug` or query.
#[component]
pub fn Pages() -> impl IntoView {
    let location = use_location();
    let url = use_url();
    let base = crate::config::base_path();
    let address = Memo::new(move |_| location.pathname.with(|path| Address::at(path, &base)));
    // The router writes a new address into the history (and scrolls) only once the
    // routes say the new page is there: after every change of the address.
    if let Some(browser) = use_context::<BrowserUrl>() {
        Effect::new(move |_| {
            url.track();
            browser.ready_to_complete();
        });
    }
    let page = Memo::new(move |_| address.with(|a| a.page));
    move || {
        let shown = page.get();
        provide_context(ArcMemo::new(move |before: Option<&ParamsMap>| {
            address.with(|a| match before {
                Some(before) if a.page != shown => before.clone(),
                _ => a.params(),
            })
        }));
        let own_url = ArcRwSignal::new(url.get_untracked());
        provide_context(own_url.clone());
        Effect::new(move |_| {
            let now = url.get();
            if address.with_untracked(|a| a.page) == shown {
                own_url.set(now);
            }
        });
        match lazy_page(shown) {
            Some(lazy) => lazy::page(lazy).into_any(),
            None if shown == Page::District => view! { <DistrictPage /> }.into_any(),
            None if shown == Page::Proposal => view! { <ProposalPage /> }.into_any(),
            None => view! { <NotFoundPage /> }.into_any(),
        }
    }
}

/// The chunk of every page but the two where visits start: a district, and a proposal
/// (its reading view; see `crate::pages`).
fn lazy_page(page: Page) -> Option<LazyPage> {
    Some(match page {
        Page::Home => pages::HOME,
        Page::Login => pages::LOGIN,
        Page::Register => pages::REGISTER,
        Page::Alley => pages::ALLEY,
        Page::Manage => pages::MANAGE,
        Page::NewProposal => pages::NEW_PROPOSAL,
        Page::Announcements => pages::ANNOUNCEMENTS,
        Page::Claim => pages::CLAIM,
        Page::Shops => pages::SHOPS,
        Page::Shop => pages::SHOP,
        Page::Embed | Page::Poster | Page::ShopPoster => pages::SPREAD,
        Page::District | Page::Proposal | Page::NotFound => return None,
    })
}

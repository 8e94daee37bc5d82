//! `/alley`: "My alley" (내 골목) — what the shops one is a regular of announced and
//! answered, and shops' answers to one's own proposals, newest first; then one's own
//! proposals and the ones one supports.

use golmok_api::{FeedItem, FeedKind, HiddenItem, Proposal};
use leptos::prelude::*;

use crate::api::use_api;
use crate::components::announcement_card::AnnouncementCard;
use crate::components::page_heading::PageHeading;
use crate::components::proposal_card::ProposalCard;
use crate::components::shop_answers::ShopAnswer;
use crate::config::link;
use crate::pages::login::login_href;
use crate::state::paged::{First, Paged, Placeholder};
use crate::state::session::use_session;

#[component]
pub fn AlleyPage() -> impl IntoView {
    let session = use_session();
    view! {
        <section class="form-page alley-page">
            <PageHeading text=tr!(alley_title) />
            <p class="lede">{tr!(alley_intro)}</p>
            <a href=link("/manage") class="more-link">{tr!(manage_link)}<span aria-hidden="true">" →"</span></a>
            {move || {
                if session.is_logged_in() {
                    view! {
                        <HiddenOfMine />
                        <AlleyFeed />
                        <MyProposals supports=false />
                        <MyProposals supports=true />
                        <crate::pages::leave::LeaveAccount />
                    }
                    .into_any()
                } else {
                    view! {
                        <div class="notice notice-info">
                            <p>{tr!(alley_login)}</p>
                            <a href=link(login_href("/alley")) class="button button-primary">{tr!(login)}</a>
                        </div>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn AlleyFeed() -> impl IntoView {
    let api = use_api();
    let list = Paged::new(
        move |cursor| {
            let api = api.clone();
            async move { api.my_feed(cursor.as_deref()).await }
        },
        // Announcements and answers have ids of their own: apart by kind.
        |item: &FeedItem| {
            let id = item.item_id();
            if item.kind == FeedKind::Announcement { id * 2 } else { id * 2 + 1 }
        },
    );
    view! {
        <h2 class="sr-only">{tr!(alley_title)}</h2>
        {list.view(Placeholder::Cards, "announcements alley-feed", tr!(alley_empty), feed_line)}
    }
}

/// An announcement, or an answer with the proposal it answers.
fn feed_line(item: FeedItem) -> AnyView {
    let FeedItem { announcement, answer, proposal, to_your_proposal, .. } = item;
    match (announcement, answer, proposal) {
        (Some(a), ..) => {
            view! { <AnnouncementCard announcement=a by_shop=true reportable=true /> }.into_any()
        }
        (None, Some(answer), Some(about)) if to_your_proposal => {
            view! { <ShopAnswer answer about note=tr!(alley_to_you) /> }.into_any()
        }
        (None, Some(answer), Some(about)) => view! { <ShopAnswer answer about /> }.into_any(),
        (None, Some(answer), None) => view! { <ShopAnswer answer /> }.into_any(),
        (None, None, _) => ().into_any(),
    }
}

/// What of one's own the district's moderators hid, and why: shown only when there is
/// something, above the feed, since nobody else can see it any more.
#[component]
fn HiddenOfMine() -> impl IntoView {
    let api = use_api();
    let list = Paged::new(
        move |cursor| {
            let api = api.clone();
            async move { api.my_hidden(cursor.as_deref()).await }
        },
        |h: &HiddenItem| h.target.key(h.target_id),
    );
    let item = |h: HiddenItem| {
        let when = crate::format::relative(&h.hidden_at, crate::state::lang::current(), tr!(just_now));
        view! {
            <li class="timeline-entry">
                <p class="timeline-note">{h.text}</p>
                <p class="timeline-meta"><span class="timeline-actor">{tr!(hidden_why)}</span>" "{h.note}" · "<time datetime=h.hidden_at>{when}</time></p>
            </li>
        }
    };
    move || {
        (list.first() == First::Ready && !list.is_empty()).then(|| {
            view! {
                <section class="notice notice-warning my-hidden" aria-labelledby="my-hidden-heading">
                    <h2 id="my-hidden-heading">{tr!(my_hidden_heading)}</h2>
                    <p>{tr!(my_hidden_intro)}</p>
                    <ul class="timeline" role="list">{move || list.items().into_iter().map(item).collect_view()}</ul>
                    {list.show_more()}
                </section>
            }
        })
    }
}

/// "My proposals" or, with `supports`, the proposals one supports: cards as on the
/// district page, newest first.
#[component]
fn MyProposals(supports: bool) -> impl IntoView {
    let api = use_api();
    let list = Paged::new(
        move |cursor| {
            let api = api.clone();
            async move { api.my_proposals(supports, cursor.as_deref()).await }
        },
        |p: &Proposal| p.id,
    );
    let (id, heading, empty) = if supports {
        ("my-supports", tr!(my_supports_heading), tr!(my_supports_empty))
    } else {
        ("my-proposals", tr!(my_proposals_heading), tr!(my_proposals_empty))
    };
    view! {
        <section class="my-proposals" aria-labelledby=id>
            <h2 id=id class="section-title">{heading}</h2>
            {list.view(Placeholder::Cards, "cards", empty, |p| view! { <ProposalCard proposal=p /> })}
        </section>
    }
}

//! `/d/{slug}/proposals/{id}`: one proposal — read it, support it, talk about it.
//!
//! A proposal is shared as a link, so many visits start here, on a phone, on mobile
//! data. What such a visit needs first is the proposal itself: the reading view is in
//! the first load, like the district page, and supporting ([`support`]) and the
//! conversation ([`talk`]) are chunks of their own, fetched once the proposal is on
//! screen (the district page fetches them ahead when idle). `make bench`: "a visit
//! starting on a proposal".

pub mod answer;
mod author;
pub mod life;
pub mod support;
pub mod talk;

use golmok_api::{Proposal, ProposalKind, ProposalStatus};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{ApiError, use_api};
use crate::components::badges::{KindBadge, StatusBadge};
use crate::components::load_error::{LoadError, NotFound};
use crate::components::page_heading::PageHeading;
use crate::components::skeleton::DetailSkeleton;
use crate::config::link;
use crate::format;
use crate::lazy;
use crate::pages::login::login_href;
use crate::state::lang;
use crate::state::load::Load;
use crate::state::session::use_session;

crate::lazy_page!(pub const SUPPORT in proposal_support = support::Support);
crate::lazy_page!(pub const TALK in proposal_talk = talk::Talk);

/// The proposal on screen, for the parts that come in their own chunks.
#[derive(Clone, Copy)]
pub struct Shown {
    pub id: i64,
    pub voted: RwSignal<bool>,
    pub votes: RwSignal<i64>,
    pub comments: RwSignal<i64>,
    pub answers: i64,
    /// Moves as a moderator answers or the author withdraws it.
    pub status: RwSignal<ProposalStatus>,
    /// The page's copy (who wrote it, what it says), loaded again after an edit.
    pub page: Load<Proposal>,
    /// This page's address, where signing in comes back to.
    pub here: StoredValue<String>,
}

#[component]
pub fn ProposalPage() -> impl IntoView {
    let api = use_api();
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok())));
    let slug = Memo::new(move |_| params.with(|p| p.get("slug").unwrap_or_default()));
    let proposal = Load::new(move || {
        let (api, id) = (api.clone(), id.get());
        // The `voted` flag belongs to whoever is logged in.
        let _ = session.is_logged_in();
        async move {
            match id {
                Some(id) => api.proposal(id).await,
                // An id that is not a number names no proposal.
                None => Err(ApiError::not_found()),
            }
        }
    });
    let missing = || {
        view! { <NotFound title=tr!(proposal_not_found_title) body=tr!(proposal_not_found_body) /> }
            .into_any()
    };
    view! {
        {move || match proposal.get() {
            None => view! { <DetailSkeleton /> }.into_any(),
            Some(Err(e)) if e.is_not_found() => missing(),
            Some(Err(error)) => view! { <LoadError error on_retry=move || proposal.retry() page=true /> }.into_any(),
            // A proposal is found under its own district only.
            Some(Ok(p)) if p.district_slug != slug.get() => missing(),
            Some(Ok(p)) => view! { <ProposalDetail proposal=p page=proposal /> }.into_any(),
        }}
    }
}

/// The proposal, then the shops' answers and the comments once their chunk is in.
#[component]
fn ProposalDetail(proposal: Proposal, page: Load<Proposal>) -> impl IntoView {
    let shown = Shown {
        id: proposal.id,
        voted: RwSignal::new(proposal.voted),
        votes: RwSignal::new(proposal.vote_count),
        comments: RwSignal::new(proposal.comment_count),
        answers: proposal.answer_count,
        status: RwSignal::new(proposal.status),
        page,
        here: StoredValue::new(format!("/d/{}/proposals/{}", proposal.district_slug, proposal.id)),
    };
    provide_context(shown);
    view! {
        <ProposalArticle proposal shown />
        {lazy::part(TALK, || view! { <p class="muted" aria-busy="true">{tr!(loading)}</p> }.into_any())}
    }
}

#[component]
fn ProposalArticle(proposal: Proposal, shown: Shown) -> impl IntoView {
    let back = format!("/d/{}", proposal.district_slug);
    let when = format::date_time(&proposal.created_at, lang::current());
    view! {
        <article class="proposal">
            <a href=link(back) class="back-link">
                <span aria-hidden="true">"← "</span>
                {tr!(back_to_list)}
            </a>
            <div class="card-badges">
                <KindBadge kind=proposal.kind />
                {move || view! { <StatusBadge status=shown.status.get() /> }}
            </div>
            <PageHeading text=proposal.title.clone() class="proposal-title" />
            <p class="byline">
                <span class="sr-only">{tr!(proposed_by)}" "</span>
                <span class="byline-author">{proposal.author.display_name.clone()}</span>
                " · "
                <time datetime=proposal.created_at.clone()>{when}</time>
            </p>
            <EventFacts proposal=&proposal />
            <div class="proposal-body">
                {proposal.body.split("\n\n").map(|para| view! { <p>{para.to_owned()}</p> }).collect_view()}
            </div>
            <div class="proposal-actions">
                <SupportArea shown />
            </div>
        </article>
    }
}

/// When and where an event takes place, when the proposal says.
#[component]
fn EventFacts<'a>(proposal: &'a Proposal) -> impl IntoView {
    let is_event = proposal.kind == ProposalKind::Event;
    let date = proposal.event_date.clone().filter(|_| is_event).map(|d| {
        let shown = format::event_day(&d, lang::current());
        view! {
            <div>
                <dt>
                    <span aria-hidden="true">"📅 "</span>
                    {tr!(event_when)}
                </dt>
                <dd>
                    <time datetime=d>{shown}</time>
                </dd>
            </div>
        }
    });
    let place = proposal.event_place.clone().filter(|_| is_event).map(|place| {
        view! {
            <div>
                <dt>
                    <span aria-hidden="true">"📍 "</span>
                    {tr!(event_where)}
                </dt>
                <dd>{place}</dd>
            </div>
        }
    });
    (date.is_some() || place.is_some()).then(|| view! { <dl class="event-facts">{date}{place}</dl> })
}

/// The support button for members (from its chunk; until then the count in its place),
/// the count and a way to sign in for everyone else.
#[component]
fn SupportArea(shown: Shown) -> impl IntoView {
    let session = use_session();
    let count = move || view! { <span aria-hidden="true">"♡ "</span> {move || tr!(support_count, count = shown.votes.get())} };
    move || {
        if session.is_logged_in() {
            let waiting =
                move || view! { <div class="vote"><p class="vote-total">{count()}</p></div> }.into_any();
            lazy::part(SUPPORT, waiting).into_any()
        } else {
            let href = login_href(&shown.here.get_value());
            view! {
                <div class="vote">
                    <p class="vote-total">{count()}</p>
                    <a href=link(href) class="button button-secondary">
                        {tr!(login_to_support)}
                    </a>
                </div>
            }
            .into_any()
        }
    }
}

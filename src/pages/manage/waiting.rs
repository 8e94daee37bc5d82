//! The district console's tab of proposals waiting for an answer: those that reached the
//! district's goals (ready), most supported first, each with its progress and the
//! moderator's moves and note, as on its own page. A proposal answered here leaves the
//! queue.

use golmok_api::{Proposal, ProposalStatus};
use leptos::prelude::*;

use crate::api::use_api;
use crate::components::badges::StatusBadge;
use crate::components::goals::{GoalBars, Goals};
use crate::config::link;
use crate::pages::proposal::answer::MoveButtons;
use crate::state::paged::{Paged, Placeholder};

/// The district's ready proposals, most supported first.
pub fn waiting_queue(slug: String) -> Paged<Proposal> {
    let api = use_api();
    Paged::new(
        move |cursor| {
            let (api, slug) = (api.clone(), slug.clone());
            async move { api.waiting(&slug, cursor.as_deref()).await }
        },
        |p: &Proposal| p.id,
    )
}

#[component]
pub fn WaitingPanel(queue: Paged<Proposal>) -> impl IntoView {
    queue.view(
        Placeholder::Line,
        "cards",
        tr!(queue_waiting_empty),
        move |proposal| view! { <Waiting proposal queue /> },
    )
}

#[component]
fn Waiting(proposal: Proposal, queue: Paged<Proposal>) -> impl IntoView {
    let status = RwSignal::new(proposal.status);
    let href = format!("/d/{}/proposals/{}", proposal.district_slug, proposal.id);
    let goals = Goals::of(&proposal);
    // Accepted or declined, it leaves the queue (under review, it still waits); someone
    // answered first: the queue as it is now. Only this card goes: the others keep what
    // is typed in them.
    let id = proposal.id;
    let after = Callback::new(move |conflict: bool| {
        if conflict {
            queue.retry();
        } else if matches!(status.get_untracked(), ProposalStatus::Accepted | ProposalStatus::Declined) {
            queue.remove(id);
        }
    });
    view! {
        <li class="card">
            <div class="card-badges">
                {move || view! { <StatusBadge status=status.get() /> }}
            </div>
            <h3 class="card-title">
                <a href=link(href)>{proposal.title}</a>
            </h3>
            {goals.map(|goals| view! { <GoalBars votes=proposal.vote_count goals /> })}
            <MoveButtons id=proposal.id status after />
        </li>
    }
}

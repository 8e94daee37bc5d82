//! A proposal in a list: kind and status, title, one line of text, then the counts.

use golmok_api::Proposal;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::badges::{KindBadge, StatusBadge};
use crate::i18n::*;

#[component]
pub fn ProposalCard(proposal: Proposal) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/d/{}/proposals/{}", proposal.district_slug, proposal.id);
    let (votes, comments) = (proposal.vote_count, proposal.comment_count);
    let first_line = proposal.body.lines().next().unwrap_or_default().to_owned();
    view! {
        <li class="card proposal-card" class:card-voted=proposal.voted>
            <div class="card-badges">
                <KindBadge kind=proposal.kind />
                <StatusBadge status=proposal.status />
            </div>
            <h3 class="card-title">
                <A href=href attr:class="card-link">
                    {proposal.title}
                </A>
            </h3>
            <p class="card-excerpt">{first_line}</p>
            <p class="card-counts">
                <span class="count count-votes">
                    <span aria-hidden="true">{if proposal.voted { "♥ " } else { "♡ " }}</span>
                    {t!(i18n, support_count, count = move || votes)}
                </span>
                <span class="count count-comments">
                    <span aria-hidden="true">"💬 "</span>
                    {t!(i18n, comment_count, count = move || comments)}
                </span>
            </p>
        </li>
    }
}

//! A proposal in a list: kind and status, title, one line of text, then the counts.

use golmok_api::Proposal;
use leptos::prelude::*;

use crate::components::badges::{KindBadge, StatusBadge};
use crate::config::link;

#[component]
pub fn ProposalCard(proposal: Proposal) -> impl IntoView {
    let href = format!("/d/{}/proposals/{}", proposal.district_slug, proposal.id);
    let first_line = proposal.body.lines().next().unwrap_or_default().to_owned();
    view! {
        <li class="card proposal-card" class:card-voted=proposal.voted>
            <div class="card-badges">
                <KindBadge kind=proposal.kind />
                <StatusBadge status=proposal.status />
            </div>
            <h3 class="card-title">
                <a href=link(href) class="card-link">
                    {proposal.title}
                </a>
            </h3>
            <p class="card-excerpt">{first_line}</p>
            <p class="card-counts">
                <span class="count count-votes">
                    <span aria-hidden="true">{if proposal.voted { "♥ " } else { "♡ " }}</span>
                    {tr!(support_count, count = proposal.vote_count)}
                </span>
                <span class="count count-comments">
                    <span aria-hidden="true">"💬 "</span>
                    {tr!(comment_count, count = proposal.comment_count)}
                </span>
                {(proposal.answer_count > 0)
                    .then(|| {
                        view! {
                            <span class="count count-answers">
                                <span aria-hidden="true">"🏪 "</span>
                                {tr!(answer_count, count = proposal.answer_count)}
                            </span>
                        }
                    })}
                {(proposal.pledge_count > 0)
                    .then(|| {
                        view! {
                            <span class="count count-pledges">
                                <span aria-hidden="true">"🤝 "</span>
                                {tr!(pledge_count, count = proposal.pledge_count)}
                            </span>
                        }
                    })}
            </p>
        </li>
    }
}

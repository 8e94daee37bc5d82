//! A proposal in a list: kind and status, title, one line of text, then the counts.
//! While an answer can still come, the first two say how far they are toward the district's
//! goals ("공감 12 / 20") over a bar for the eye, and "ready" or "expired" stands by the
//! status.

use golmok_api::Proposal;
use leptos::prelude::*;

use crate::components::badges::{KindBadge, StatusBadge};
use crate::components::goals::{Goals, goal_badge};
use crate::config::link;

#[component]
pub fn ProposalCard(proposal: Proposal) -> impl IntoView {
    let href = format!("/d/{}/proposals/{}", proposal.district_slug, proposal.id);
    let first_line = proposal.body.lines().next().unwrap_or_default().to_owned();
    let goals = Goals::of(&proposal);
    let (votes_class, votes) = toward(
        "count count-votes",
        tr!(support_count, count = proposal.vote_count),
        proposal.vote_count,
        goals.map(|g| g.support_goal),
    );
    let pledge_goal = goals.map(|g| g.pledge_goal).filter(|goal| *goal > 0);
    let (pledges_class, pledges) = toward(
        "count count-pledges",
        tr!(pledge_count, count = proposal.pledge_count),
        proposal.pledge_count,
        pledge_goal,
    );
    view! {
        <li class="card proposal-card" class:card-voted=proposal.voted>
            <div class="card-badges">
                <KindBadge kind=proposal.kind />
                <StatusBadge status=proposal.status />
                {goal_badge(goals)}
            </div>
            <h3 class="card-title">
                <a href=link(href) class="card-link">
                    {proposal.title}
                </a>
            </h3>
            <p class="card-excerpt">{first_line}</p>
            <p class="card-counts">
                <span class=votes_class>
                    <span aria-hidden="true">{if proposal.voted { "♥ " } else { "♡ " }}</span>
                    {votes}
                </span>
                {(proposal.pledge_count > 0 || pledge_goal.is_some())
                    .then(|| {
                        view! {
                            <span class=pledges_class>
                                <span aria-hidden="true">"🤝 "</span>
                                {pledges}
                            </span>
                        }
                    })}
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
            </p>
        </li>
    }
}

/// A count's class and words, with its goal when it has one: "공감 12 / 20" over a bar
/// (`.count-goal`) filled to the tenth reached (`.fill-N`), which only repeats the words.
fn toward(class: &str, words: String, count: i64, goal: Option<i64>) -> (String, String) {
    match goal {
        Some(goal) => (
            format!("{class} count-goal fill-{}", count.max(0).min(goal) * 10 / goal),
            format!("{words} / {goal}"),
        ),
        None => (class.to_owned(), words),
    }
}

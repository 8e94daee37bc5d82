//! How far a proposal is toward what its district asks before it owes an answer
//! (`support_goal` supports, `pledge_goal` shops pledging), and the two facts that follow:
//! ready (both reached: the moderators must answer) and expired (the window passed first;
//! the counts stay as they were). `golmok_api::progress` is the rule; the server says.

use golmok_api::{Proposal, ProposalStatus};
use leptos::prelude::*;

/// A bar with its numbers for the supports, and one for the shops pledging when the
/// district asks for any. Drawn only while an answer can still come (open, under review):
/// an answered proposal's counts are in its card's counts.
#[component]
pub fn GoalBars(votes: i64, goals: Goals) -> impl IntoView {
    let Goals { support_goal, pledges, pledge_goal, .. } = goals;
    let pledged = (pledge_goal > 0).then(|| bar(tr!(goal_pledges), pledges, pledge_goal));
    view! { <div class="goals">{bar(tr!(goal_supports), votes, support_goal)} {pledged}</div> }
}

/// What a proposal's goals are and where it stands, cut from it.
#[derive(Clone, Copy)]
pub struct Goals {
    support_goal: i64,
    pledges: i64,
    pledge_goal: i64,
    pub ready: bool,
    pub expired: bool,
}

impl Goals {
    /// `None` when there is nothing to reach: answered, withdrawn, or no goal set.
    pub fn of(p: &Proposal) -> Option<Self> {
        let awaiting = matches!(p.status, ProposalStatus::Open | ProposalStatus::UnderReview);
        (awaiting && p.support_goal > 0).then_some(Self {
            support_goal: p.support_goal,
            pledges: p.pledge_count,
            pledge_goal: p.pledge_goal,
            ready: p.ready,
            expired: p.expired,
        })
    }
}

/// One goal: the words say the numbers ("공감 12 / 20"); the bar, for the eye only, says
/// the same.
fn bar(label: &'static str, value: i64, goal: i64) -> impl IntoView {
    let reached = value.clamp(0, goal).to_string();
    view! {
        <div class="goal">
            {label}" "{value}" / "{goal}
            <progress class="goal-bar" aria-hidden="true" max=goal.to_string() value=reached></progress>
        </div>
    }
}

/// "Ready" or "expired" next to the status, in words.
#[component]
pub fn GoalBadge(ready: bool, expired: bool) -> impl IntoView {
    let (class, text) = if ready {
        ("badge badge-ready", tr!(badge_ready))
    } else {
        ("badge badge-expired", tr!(badge_expired))
    };
    (ready || expired).then(|| view! { <span class=class>{text}</span> })
}

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
    pub support_goal: i64,
    pledges: i64,
    pub pledge_goal: i64,
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

    /// Where it stands after the page's own moves (a support taken back, a moderator's
    /// answer), by the server's rule. Only the server knows the proposal's age: its
    /// `expired` stands for "old enough", which the rule reads as a window already past.
    /// A proposal ready when loaded says nothing of its age, so one that loses a support
    /// here after its window shows as expired only once loaded again.
    pub fn after(self, votes: i64, status: ProposalStatus) -> Self {
        let window = golmok_api::Goals {
            supports: self.support_goal,
            pledges: self.pledge_goal,
            expiry_days: if self.expired { -1 } else { i64::MAX },
        };
        let now = golmok_api::progress(status, votes, self.pledges, window, 0);
        Self { ready: now.ready, expired: now.expired, ..self }
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

/// "Ready" or "expired" next to the status, in words; nothing when neither. Shaped as the
/// status badge is, so a card draws both with the same code.
pub fn goal_badge(goals: Option<Goals>) -> Option<impl IntoView> {
    let goals = goals.filter(|g| g.ready || g.expired)?;
    let (class, text) = if goals.ready {
        ("badge badge-ready", tr!(badge_ready))
    } else {
        ("badge badge-expired", tr!(badge_expired))
    };
    Some(view! { <span class=class.to_owned()>{text}</span> })
}

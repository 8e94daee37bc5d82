//! Small labels on cards and proposal pages. Kind and status are words, not just colours.

use golmok_api::{ProposalKind, ProposalStatus};
use leptos::prelude::*;

pub fn kind_label(kind: ProposalKind) -> &'static str {
    match kind {
        ProposalKind::Event => tr!(kind_event),
        ProposalKind::Improvement => tr!(kind_improvement),
    }
}

pub fn status_label(status: ProposalStatus) -> &'static str {
    match status {
        ProposalStatus::Open => tr!(status_open),
        ProposalStatus::UnderReview => tr!(status_under_review),
        ProposalStatus::Accepted => tr!(status_accepted),
        ProposalStatus::Done => tr!(status_done),
        ProposalStatus::Declined => tr!(status_declined),
        ProposalStatus::Withdrawn => tr!(status_withdrawn),
    }
}

#[component]
pub fn KindBadge(kind: ProposalKind) -> impl IntoView {
    let (class, icon) = match kind {
        ProposalKind::Event => ("badge badge-event", "🏮 "),
        ProposalKind::Improvement => ("badge badge-improvement", "🛠️ "),
    };
    view! {
        <span class=class>
            <span aria-hidden="true">{icon}</span>
            {kind_label(kind)}
        </span>
    }
}

#[component]
pub fn StatusBadge(status: ProposalStatus) -> impl IntoView {
    let class = format!("badge badge-status status-{}", status.as_str());
    view! { <span class=class>{status_label(status)}</span> }
}

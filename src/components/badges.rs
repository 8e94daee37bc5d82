//! Small labels on cards and proposal pages. Kind and status are words, not just colours.

use golmok_api::{ProposalKind, ProposalStatus};
use leptos::prelude::*;

use crate::i18n::*;

#[component]
pub fn KindBadge(kind: ProposalKind) -> impl IntoView {
    let i18n = use_i18n();
    let (class, icon) = match kind {
        ProposalKind::Event => ("badge badge-event", "🏮"),
        ProposalKind::Improvement => ("badge badge-improvement", "🛠️"),
    };
    let label = move || kind_label(i18n, kind);
    view! {
        <span class=class>
            <span aria-hidden="true">{icon}" "</span>
            {label}
        </span>
    }
}

pub fn kind_label(i18n: leptos_i18n::I18nContext<Locale>, kind: ProposalKind) -> String {
    match kind {
        ProposalKind::Event => t_string!(i18n, kind_event).to_string(),
        ProposalKind::Improvement => t_string!(i18n, kind_improvement).to_string(),
    }
}

pub fn status_label(i18n: leptos_i18n::I18nContext<Locale>, status: ProposalStatus) -> String {
    match status {
        ProposalStatus::Open => t_string!(i18n, status_open).to_string(),
        ProposalStatus::UnderReview => t_string!(i18n, status_under_review).to_string(),
        ProposalStatus::Accepted => t_string!(i18n, status_accepted).to_string(),
        ProposalStatus::Done => t_string!(i18n, status_done).to_string(),
        ProposalStatus::Declined => t_string!(i18n, status_declined).to_string(),
    }
}

#[component]
pub fn StatusBadge(status: ProposalStatus) -> impl IntoView {
    let i18n = use_i18n();
    let class = format!("badge badge-status status-{}", status.as_str());
    view! { <span class=class>{move || status_label(i18n, status)}</span> }
}

//! Where the proposal stands and how it got there: the timeline, newest first, and the
//! moves whoever is looking may make (part of the conversation's chunk).

use golmok_api::{Mover, ProposalStatus, TimelineEntry, TimelineKind};
use leptos::prelude::*;

use super::Shown;
use super::answer::AnswerForm;
use super::author::AuthorTools;
use crate::api::use_api;
use crate::components::badges::StatusBadge;
use crate::components::goals::{GoalBars, Goals, goal_badge};
use crate::components::load_error::LoadError;
use crate::format;
use crate::state::lang;
use crate::state::paged::{First, Paged};
use crate::state::session::use_session;

#[component]
pub fn Life(shown: Shown) -> impl IntoView {
    let api = use_api();
    let session = use_session();
    let id = shown.id;
    let list = Paged::new(
        move |cursor| {
            let api = api.clone();
            async move { api.timeline(id, cursor.as_deref()).await }
        },
        |e: &TimelineEntry| e.id,
    );
    let (author, district) = shown.loaded().map(|p| (p.author.id, p.district_slug)).unwrap_or_default();
    // Who is looking decides which moves show; the server checks again.
    let roles = Memo::new(move |_| {
        let user = session.user();
        let mut roles = Vec::new();
        if let Some(user) = user {
            if user.moderates(&district) {
                roles.push(Mover::Moderator);
            }
            if user.id == author {
                roles.push(Mover::Author);
            }
        }
        roles
    });
    view! {
        <section class="life" aria-labelledby="life-heading">
            <h2 id="life-heading" class="section-title" tabindex="-1">{tr!(life_heading)}</h2>
            {shown.loaded().and_then(|p| Goals::of(&p)).map(|goals| view! { <Progress shown goals /> })}
            {move || match list.first() {
                First::Loading => view! { <p class="muted">{tr!(loading)}</p> }.into_any(),
                First::Failed(error) => view! { <LoadError error on_retry=move || list.retry() /> }.into_any(),
                First::Ready => view! { <Timeline list /> }.into_any(),
            }}
            {move || roles.with(|r| r.contains(&Mover::Moderator)).then(|| view! { <AnswerForm shown list /> })}
            {move || roles.with(|r| r.contains(&Mover::Author)).then(|| view! { <AuthorTools shown list /> })}
        </section>
    }
}

/// How far the proposal is toward what its district asks before it owes an answer, while
/// one can still come, and what that means: ready (the moderators must answer) or expired
/// (the counts are final). It follows the support button and a moderator's move.
#[component]
fn Progress(shown: Shown, goals: Goals) -> impl IntoView {
    move || {
        let status = shown.status.get();
        let votes = shown.votes.get();
        let now = goals.after(votes, status);
        let said = if now.ready {
            Some(tr!(goals_ready))
        } else if now.expired {
            Some(tr!(goals_expired))
        } else {
            None
        };
        matches!(status, ProposalStatus::Open | ProposalStatus::UnderReview).then(|| {
            view! {
                <div class="goals-status">
                    {goal_badge(Some(now))}
                    {said.map(|text| view! { <p>{text}</p> })}
                    <GoalBars votes goals />
                </div>
            }
        })
    }
}

#[component]
fn Timeline(list: Paged<TimelineEntry>) -> impl IntoView {
    view! {
        {move || list.is_empty().then(|| view! { <p class="empty">{tr!(life_empty)}</p> })}
        <ol class="timeline" role="list">
            {move || list.items().into_iter().map(|entry| view! { <TimelineItem entry /> }).collect_view()}
        </ol>
        {list.show_more()}
    }
}

/// One thing that happened: the new status (or "update"), who in which role, when, and
/// the note, as text.
#[component]
pub fn TimelineItem(entry: TimelineEntry) -> impl IntoView {
    let what = match (entry.kind, entry.status) {
        (TimelineKind::Status, Some(status)) => view! { <StatusBadge status /> }.into_any(),
        _ => view! { <span class="badge badge-update">{tr!(timeline_update)}</span> }.into_any(),
    };
    let role = match entry.actor.role {
        Mover::Moderator => tr!(role_moderator),
        Mover::Author => tr!(role_author),
    };
    let when = format::relative(&entry.created_at, lang::current(), tr!(just_now));
    view! {
        <li class="timeline-entry">
            <p class="timeline-what">{what}</p>
            <p class="timeline-meta">
                <span class="timeline-actor">{entry.actor.display_name}</span>
                " · "
                {role}
                " · "
                <time datetime=entry.created_at>{when}</time>
            </p>
            {(!entry.note.is_empty()).then(|| view! { <p class="timeline-note">{entry.note}</p> })}
        </li>
    }
}

impl Shown {
    /// The proposal as the page loaded it (the conversation's chunk only reads it).
    pub fn loaded(&self) -> Option<golmok_api::Proposal> {
        untrack(|| self.page.get()).and_then(Result::ok)
    }
}

//! The toggles that count people: support (공감) on a proposal, regulars (단골) of a
//! shop. A toggle (`aria-pressed`) that changes at once and rolls back if the server
//! refuses or the network fails, saying so.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use golmok_api::{FollowState, VoteState};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::state::announce::Announcer;

/// Sends the wish (`true` = support) and answers the server's view of the vote.
pub type SendVote = Rc<dyn Fn(bool) -> Pin<Box<dyn Future<Output = Result<VoteState, ApiError>>>>>;

/// Sends the wish (`true` = follow) and answers the server's view of it.
pub type SendFollow = Rc<dyn Fn(bool) -> Pin<Box<dyn Future<Output = Result<FollowState, ApiError>>>>>;

/// Sends the wish and answers the server's view: on or off, and the count.
type SendToggle = Rc<dyn Fn(bool) -> Pin<Box<dyn Future<Output = Result<(bool, i64), ApiError>>>>>;

/// What a toggle says and shows, in the current language.
struct Words {
    class: &'static str,
    icons: [&'static str; 2],
    labels: [&'static str; 2],
    said_on: fn(i64) -> String,
    said_off: &'static str,
    failed: &'static str,
}

#[component]
pub fn VoteToggle(voted: RwSignal<bool>, count: RwSignal<i64>, send: SendVote) -> impl IntoView {
    let send: SendToggle = Rc::new(move |want| {
        let request = send(want);
        Box::pin(async move { request.await.map(|s| (s.voted, s.vote_count)) })
    });
    let words = Words {
        class: "vote-toggle",
        icons: ["♡", "♥"],
        labels: [tr!(support), tr!(supported)],
        said_on: |count| tr!(vote_added, count = count),
        said_off: tr!(vote_removed),
        failed: tr!(vote_failed),
    };
    count_toggle(voted, count, send, words)
}

#[component]
pub fn FollowToggle(following: RwSignal<bool>, count: RwSignal<i64>, send: SendFollow) -> impl IntoView {
    let send: SendToggle = Rc::new(move |want| {
        let request = send(want);
        Box::pin(async move { request.await.map(|s| (s.following, s.follower_count)) })
    });
    let words = Words {
        class: "vote-toggle follow-toggle",
        icons: ["🤍", "🧡"],
        labels: [tr!(follow), tr!(following)],
        said_on: |_| tr!(follow_added).to_owned(),
        said_off: tr!(follow_removed),
        failed: tr!(follow_failed),
    };
    count_toggle(following, count, send, words)
}

fn count_toggle(on: RwSignal<bool>, count: RwSignal<i64>, send: SendToggle, words: Words) -> impl IntoView {
    let announcer = use_context::<Announcer>();
    let pending = RwSignal::new(false);
    let failed = RwSignal::new(None::<&'static str>);
    let Words { class, icons, labels, said_on, said_off, failed: failed_text } = words;

    let toggle = move |_| {
        // One request at a time: a double tap must not send both wishes in a race.
        if pending.get_untracked() {
            return;
        }
        let before = (on.get_untracked(), count.get_untracked());
        let want = !before.0;
        on.set(want);
        count.set(before.1 + if want { 1 } else { -1 });
        failed.set(None);
        pending.set(true);
        let request = send(want);
        spawn_local(async move {
            match request.await {
                Ok((now_on, now_count)) => {
                    on.set(now_on);
                    count.set(now_count);
                    if let Some(a) = announcer {
                        a.say(if now_on { said_on(now_count) } else { said_off.to_owned() });
                    }
                }
                Err(e) => {
                    on.set(before.0);
                    count.set(before.1);
                    // Suspended, or too fast: trying again now would not help, so say why.
                    let text = match e.status() {
                        Some(403 | 429) => crate::components::load_error::error_text(&e),
                        _ => failed_text,
                    };
                    failed.set(Some(text));
                    if let Some(a) = announcer {
                        a.say(text);
                    }
                }
            }
            pending.set(false);
        });
    };
    let pick = move |pair: [&'static str; 2]| move || pair[usize::from(on.get())];

    view! {
        <div class="vote">
            <button
                type="button"
                class=class
                class:on=move || on.get()
                aria-pressed=move || if on.get() { "true" } else { "false" }
                aria-busy=move || pending.get().then_some("true")
                on:click=toggle
            >
                <span class="vote-icon" aria-hidden="true">{pick(icons)}</span>
                <span class="vote-label">{pick(labels)}</span>
                <span class="vote-count">{move || count.get()}</span>
            </button>
            {move || {
                failed.get().map(|text| {
                    view! {
                        <p class="vote-error">
                            <span aria-hidden="true">"⚠ "</span>
                            {text}
                        </p>
                    }
                })
            }}
        </div>
    }
}

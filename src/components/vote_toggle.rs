//! The support button: a toggle (`aria-pressed`) that changes at once and rolls back if
//! the server refuses or the network fails, saying so.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use golmok_api::VoteState;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::state::announce::Announcer;

/// Sends the wish (`true` = support) and answers the server's view of the vote.
pub type SendVote = Rc<dyn Fn(bool) -> Pin<Box<dyn Future<Output = Result<VoteState, ApiError>>>>>;

#[component]
pub fn VoteToggle(voted: RwSignal<bool>, count: RwSignal<i64>, send: SendVote) -> impl IntoView {
    let announcer = use_context::<Announcer>();
    let pending = RwSignal::new(false);
    let failed = RwSignal::new(false);

    let toggle = move |_| {
        // One request at a time: a double tap must not send support and withdrawal in a race.
        if pending.get_untracked() {
            return;
        }
        let before = (voted.get_untracked(), count.get_untracked());
        let want = !before.0;
        voted.set(want);
        count.set(before.1 + if want { 1 } else { -1 });
        failed.set(false);
        pending.set(true);
        let request = send(want);
        spawn_local(async move {
            match request.await {
                Ok(state) => {
                    voted.set(state.voted);
                    count.set(state.vote_count);
                    if let Some(a) = announcer {
                        a.say(if state.voted {
                            tr!(vote_added, count = state.vote_count)
                        } else {
                            tr!(vote_removed).to_owned()
                        });
                    }
                }
                Err(_) => {
                    voted.set(before.0);
                    count.set(before.1);
                    failed.set(true);
                    if let Some(a) = announcer {
                        a.say(tr!(vote_failed));
                    }
                }
            }
            pending.set(false);
        });
    };

    view! {
        <div class="vote">
            <button
                type="button"
                class="vote-toggle"
                class:on=move || voted.get()
                aria-pressed=move || if voted.get() { "true" } else { "false" }
                aria-busy=move || pending.get().then_some("true")
                on:click=toggle
            >
                <span class="vote-icon" aria-hidden="true">
                    {move || if voted.get() { "♥" } else { "♡" }}
                </span>
                <span class="vote-label">
                    {move || if voted.get() { tr!(supported) } else { tr!(support) }}
                </span>
                <span class="vote-count">{move || count.get()}</span>
            </button>
            {move || {
                failed
                    .get()
                    .then(|| {
                        view! {
                            <p class="vote-error">
                                <span aria-hidden="true">"⚠ "</span>
                                {tr!(vote_failed)}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

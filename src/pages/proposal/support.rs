//! Supporting the proposal on screen (a chunk of its own, see the page's module).

use std::rc::Rc;

use leptos::prelude::*;

use super::Shown;
use crate::api::use_api;
use crate::components::vote_toggle::{SendVote, VoteToggle};

/// The support toggle of the proposal the page shows.
#[component]
pub fn Support() -> impl IntoView {
    let api = use_api();
    use_context::<Shown>().map(|shown| {
        let id = shown.id;
        let send: SendVote = Rc::new(move |support| {
            let api = api.clone();
            Box::pin(async move { api.vote(id, support).await })
        });
        view! { <VoteToggle voted=shown.voted count=shown.votes send /> }
    })
}

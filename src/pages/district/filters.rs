//! The district feed's controls: words to search (on submit, so a slow phone does not
//! reload the list at every keystroke), then kind, order and status, which apply at once.
//! A chunk of its own, fetched once the proposals show (see `feed.rs`).

use golmok_api::{ProposalKind, ProposalSort, ProposalStatus, SEARCH_MAX};
use leptos::prelude::*;

use super::feed::FeedFilters;
use crate::api::ProposalQuery;
use crate::components::badges::status_label;
use crate::components::filters::{FilterChip, SearchRow};

#[component]
pub fn ProposalFilters() -> impl IntoView {
    let FeedFilters { query, apply } = expect_context();
    let typed = RwSignal::new(query.get_untracked().q);
    // Back, forward or "clear filters" change the address: the box follows it.
    Effect::new(move |_| typed.set(query.with(|q| q.q.clone())));
    let change = move |edit: &dyn Fn(&mut ProposalQuery)| {
        let mut next = query.get_untracked();
        next.q = typed.get_untracked();
        edit(&mut next);
        apply.run(next);
    };
    let kind_chip = move |value: Option<ProposalKind>, label: &'static str| {
        let pressed = Signal::derive(move || query.with(|q| q.kind == value));
        view! { <FilterChip label pressed on_click=move || change(&|q| q.kind = value) /> }
    };
    let sort_chip = move |value: ProposalSort, label: &'static str| {
        let pressed = Signal::derive(move || query.with(|q| q.sort == value));
        view! { <FilterChip class="chip chip-quiet" label pressed on_click=move || change(&|q| q.sort = value) /> }
    };
    let status_option = move |value: Option<ProposalStatus>, label: &'static str| {
        view! {
            <option value=value.map_or("", ProposalStatus::as_str) selected=move || query.with(|q| q.status == value)>
                {label}
            </option>
        }
    };
    view! {
        <form
            class="feed-controls"
            role="search"
            on:submit=move |ev| {
                ev.prevent_default();
                change(&|_| ());
            }
        >
            <label for="proposal-search" class="sr-only">{tr!(proposal_search_label)}</label>
            <SearchRow id="proposal-search" placeholder=tr!(proposal_search_placeholder) max=SEARCH_MAX typed />
            <div class="chips" role="group" aria-label=tr!(filter_label)>
                {kind_chip(None, tr!(filter_all))}
                {kind_chip(Some(ProposalKind::Event), tr!(filter_event))}
                {kind_chip(Some(ProposalKind::Improvement), tr!(filter_improvement))}
            </div>
            <div class="chips" role="group" aria-label=tr!(sort_label)>
                {sort_chip(ProposalSort::Top, tr!(sort_top))}
                {sort_chip(ProposalSort::New, tr!(sort_new))}
                {sort_chip(ProposalSort::Discussed, tr!(sort_discussed))}
            </div>
            <label for="proposal-status" class="sr-only">{tr!(status_filter_label)}</label>
            // `selected` draws the first choice; after someone has picked one, only the
            // select's value follows the address (back, forward).
            <select
                id="proposal-status"
                class="status-filter"
                prop:value=move || query.with(|q| q.status.map_or("", ProposalStatus::as_str))
                on:change=move |ev| {
                    let status = ProposalStatus::parse(&event_target_value(&ev));
                    change(&|q| q.status = status);
                }
            >
                {status_option(None, tr!(status_all))}
                {ProposalStatus::ALL.into_iter().map(|s| status_option(Some(s), status_label(s))).collect_view()}
            </select>
        </form>
    }
}

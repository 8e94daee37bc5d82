//! The district console's tab of shop claims: who says a shop is theirs, with what the
//! association needs to check, and one tap to confirm or decline with a note the
//! claimant reads.

use golmok_api::validate::{self, field, limits};
use golmok_api::{ShopClaim, Verification, VerificationDecision};
use leptos::prelude::*;

use crate::api::use_api;
use crate::components::field::{Field, Input};
use crate::components::form::{FormFailure, Problems, Submit};
use crate::components::shop_card::category_label;
use crate::format;
use crate::state::announce::use_announcer;
use crate::state::lang;
use crate::state::paged::{Paged, Placeholder};

/// The queue of claims to decide, oldest first; `count` tells the tab how many.
#[component]
pub fn ClaimsPanel(queue: Paged<ShopClaim>) -> impl IntoView {
    queue.view(
        Placeholder::Line,
        "cards",
        tr!(queue_empty),
        move |claim| view! { <PendingClaim claim queue /> },
    )
}

/// The district's claims waiting for a decision.
pub fn pending_queue(slug: String) -> Paged<ShopClaim> {
    let api = use_api();
    Paged::new(
        move |cursor| {
            let (api, slug) = (api.clone(), slug.clone());
            async move { api.pending_claims(&slug, cursor.as_deref()).await }
        },
        |c: &ShopClaim| c.id,
    )
}

/// A claim with what to check, and the decision.
#[component]
fn PendingClaim(claim: ShopClaim, queue: Paged<ShopClaim>) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let ShopClaim { id, shop_id, name, category, business_number, note, claimant, created_at, .. } = claim;
    let decision = RwSignal::new(VerificationDecision::Verify);
    let message = RwSignal::new(String::new());
    let verification = move || Verification { decision: decision.get(), note: message.get() };
    let form =
        Submit::new(Problems::new(move || validate::verification(&verification()).err().unwrap_or_default()));
    let decide = move |chosen: VerificationDecision| {
        decision.set(chosen);
        let api = api.clone();
        form.send(
            validate::verification(&untrack(verification)),
            move |v| async move { api.decide_claim(shop_id, &v).await },
            move |answer| {
                answer?;
                announcer.say(match chosen {
                    VerificationDecision::Verify => tr!(claim_verified),
                    VerificationDecision::Reject => tr!(claim_rejected),
                });
                queue.remove(id);
                Ok(())
            },
        );
    };
    let decide = StoredValue::new(decide);
    let when = format::date_time(&created_at, lang::current());
    view! {
        <li class="card claim-card">
            <div class="card-badges">
                <span class="badge badge-category">{category_label(category)}</span>
            </div>
            <h3 class="card-title">{name}</h3>
            <dl class="facts">
                <div><dt>{tr!(claim_by)}</dt><dd>{claimant.display_name}</dd></div>
                <div><dt>{tr!(field_business_number)}</dt><dd class="business-number">{business_number}</dd></div>
                {(!note.is_empty()).then(|| view! { <div><dt>{tr!(claim_note)}</dt><dd class="claim-note">{note}</dd></div> })}
                <div><dt class="sr-only">{tr!(claimed_at)}</dt><dd><time datetime=created_at.clone()>{when}</time></dd></div>
            </dl>
            <form class="decision" on:submit=move |ev| ev.prevent_default() novalidate>
                <Field
                    id=format!("decision-{id}")
                    name=field::NOTE
                    label=tr!(field_decision_note)
                    value=message
                    problems=form.problems
                    input=Input::Area
                    hint=tr!(decision_note_hint)
                    max=limits::NOTE.1
                />
                <FormFailure failure=form.failure />
                <div class="decision-actions">
                    <button
                        type="button"
                        class="button button-primary"
                        disabled=move || form.sending.get()
                        on:click=move |_| decide.with_value(|d| d(VerificationDecision::Verify))
                    >
                        {tr!(verify_action)}
                    </button>
                    <button
                        type="button"
                        class="button button-secondary"
                        disabled=move || form.sending.get()
                        on:click=move |_| decide.with_value(|d| d(VerificationDecision::Reject))
                    >
                        {tr!(reject_action)}
                    </button>
                </div>
            </form>
        </li>
    }
}

//! `/manage`: one's shop claims and what became of them, and for a district's moderators
//! (운영진) the district's console, whose first tab is the shop claims to decide.

mod claims;
mod console;
mod district_news;
mod merchant;
mod moderators;
mod news;
mod reports;
mod settings;
mod suspensions;
mod waiting;

use golmok_api::{ClaimStatus, Role, ShopClaim};
use leptos::prelude::*;

use crate::api::use_api;
use crate::components::page_heading::PageHeading;
use crate::components::shop_card::category_label;
use crate::config::link;
use crate::pages::login::login_href;
use crate::state::paged::{Paged, Placeholder};
use crate::state::session::use_session;

#[component]
pub fn ManagePage() -> impl IntoView {
    let session = use_session();
    // The districts this person moderates, as the server last said (`/auth/me`).
    let moderated = move || {
        let mut slugs: Vec<String> =
            session.user().map(|u| u.moderated().map(str::to_owned).collect()).unwrap_or_default();
        slugs.sort_unstable();
        slugs.dedup();
        slugs
    };
    // The shops this person owns.
    let owned = move || {
        session
            .user()
            .map(|u| {
                u.roles
                    .into_iter()
                    .filter(|r| r.role == Role::Merchant)
                    .filter_map(|r| r.shop_id)
                    .collect::<Vec<i64>>()
            })
            .unwrap_or_default()
    };
    view! {
        <section class="form-page manage-page">
            <PageHeading text=tr!(manage_title) />
            <p class="lede">{tr!(manage_intro)}</p>
        </section>
        {move || {
            if !session.is_logged_in() {
                return view! {
                    <div class="notice notice-info">
                        <p>{tr!(manage_login)}</p>
                        <a href=link(login_href("/manage")) class="button button-primary">{tr!(login)}</a>
                    </div>
                }
                .into_any();
            }
            view! {
                {owned().into_iter().map(|shop_id| view! { <merchant::MerchantHome shop_id /> }).collect_view()}
                {moderated().into_iter().map(|slug| view! { <console::Console slug /> }).collect_view()}
                <MyClaims />
            }
            .into_any()
        }}
    }
}

pub fn claim_status_label(status: ClaimStatus) -> &'static str {
    match status {
        ClaimStatus::Pending => tr!(claim_status_pending),
        ClaimStatus::Verified => tr!(claim_status_verified),
        ClaimStatus::Rejected => tr!(claim_status_rejected),
    }
}

/// The claims this person made, newest first, with the association's answer.
#[component]
fn MyClaims() -> impl IntoView {
    let api = use_api();
    let list = Paged::new(
        move |cursor| {
            let api = api.clone();
            async move { api.my_claims(cursor.as_deref()).await }
        },
        |c: &ShopClaim| c.id,
    );
    view! {
        <section class="my-claims" aria-labelledby="my-claims-heading">
            <h2 id="my-claims-heading" class="section-title">{tr!(my_claims_heading)}</h2>
            {list.view(Placeholder::Line, "cards", tr!(my_claims_empty), |claim| view! { <MyClaim claim /> })}
        </section>
    }
}

#[component]
fn MyClaim(claim: ShopClaim) -> impl IntoView {
    let status_class = format!("badge badge-status claim-{}", claim.status.as_str());
    let shop_href = format!("/d/{}/shops/{}", claim.district_slug, claim.shop_id);
    let verified = claim.status == ClaimStatus::Verified;
    view! {
        <li class="card claim-card">
            <div class="card-badges">
                <span class=status_class>{claim_status_label(claim.status)}</span>
                <span class="badge badge-category">{category_label(claim.category)}</span>
            </div>
            <h3 class="card-title">
                {if verified {
                    view! { <a href=link(shop_href)>{claim.name}</a> }.into_any()
                } else {
                    view! { <span>{claim.name}</span> }.into_any()
                }}
            </h3>
            {claim.decision_note.filter(|n| !n.is_empty()).map(|note| view! {
                <p class="decision-note">
                    <span class="decision-label">{tr!(decision_note_label)}</span>
                    " "
                    {note}
                </p>
            })}
        </li>
    }
}

//! Shops' answers to a proposal, above the comments: who answered, where the shop
//! stands, what it says and what it promises.

use golmok_api::{Answer, ProposalRef, ReportTarget, Stance};
use leptos::prelude::*;

use crate::api::use_api;
use crate::components::load_error::LoadError;
use crate::components::report::ReportButton;
use crate::components::shop_card::shop_name;
use crate::config::link;
use crate::format;
use crate::state::lang;
use crate::state::load::Load;

pub fn stance_label(stance: Stance) -> &'static str {
    match stance {
        Stance::Support => tr!(stance_support),
        Stance::TakePart => tr!(stance_take_part),
        Stance::Concern => tr!(stance_concern),
        Stance::Cannot => tr!(stance_cannot),
    }
}

/// The section, loaded only when the proposal says shops answered it.
#[component]
pub fn ShopAnswers(proposal_id: i64, count: i64) -> impl IntoView {
    (count > 0).then(|| {
        let api = use_api();
        let list = Load::new(move || {
            let api = api.clone();
            async move { api.answers(proposal_id).await }
        });
        view! {
            <section class="answers" aria-labelledby="answers-heading">
                <h2 id="answers-heading" class="section-title">
                    {tr!(answers_heading)}
                    " "
                    <span class="section-count">{count}</span>
                </h2>
                {move || match list.get() {
                    None => view! { <p class="muted">{tr!(loading)}</p> }.into_any(),
                    Some(Err(error)) => view! { <LoadError error on_retry=move || list.retry() /> }.into_any(),
                    Some(Ok(page)) => view! {
                        <ul class="answer-list" role="list">
                            {page.items.into_iter().map(|answer| {
                                let id = answer.id;
                                view! { <ShopAnswer answer><ReportButton target=ReportTarget::Answer id /></ShopAnswer> }
                            }).collect_view()}
                        </ul>
                    }
                    .into_any(),
                }}
            </section>
        }
    })
}

/// One answer: under a proposal, with the shop that gives it; elsewhere (`about`), with
/// the proposal it answers too, and the shop unless it is the shop's own page.
#[component]
pub fn ShopAnswer(
    answer: Answer,
    #[prop(optional)] about: Option<ProposalRef>,
    #[prop(optional)] without_shop: bool,
    /// A word on why it is shown here ("an answer to your proposal").
    #[prop(optional)]
    note: Option<&'static str>,
    /// What the shop can do to it, at the bottom.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let locale = lang::current();
    // Under its proposal, where it shows once, the byline describes its report button.
    let byline = about.is_none().then(|| format!("answer-{}-by", answer.id));
    let shop = (!without_shop).then(|| {
        let shop = shop_name(locale, &answer.shop.name, &answer.shop.name_en);
        view! {
            <span class="answer-shop">
                <span aria-hidden="true">"🏪 "</span>
                {shop}
            </span>
        }
    });
    let about = about.map(|p| {
        let href = format!("/d/{}/proposals/{}", p.district_slug, p.id);
        view! {
            <p class="answer-about">
                <span class="sr-only">{tr!(answered_proposal)}" "</span>
                <span aria-hidden="true">"↳ "</span>
                <a href=link(href)>{p.title}</a>
            </p>
        }
    });
    let edited = answer.updated_at != answer.created_at;
    let when = format::relative(&answer.updated_at, locale, tr!(just_now));
    let stance_class = format!("badge badge-stance stance-{}", answer.stance.as_str());
    view! {
        <li class="answer">
            <p class="answer-meta" id=byline>
                {note.map(|note| view! { <span class="badge badge-pinned">{note}</span> })}
                {shop}
                <span class=stance_class>{stance_label(answer.stance)}</span>
            </p>
            {about}
            <p class="answer-message">{answer.message}</p>
            {answer.pledge.map(|pledge| {
                view! {
                    <p class="answer-pledge">
                        <span class="pledge-label">
                            <span aria-hidden="true">"🤝 "</span>
                            {tr!(pledge_label)}
                        </span>
                        " "
                        {pledge}
                    </p>
                }
            })}
            <p class="answer-time">
                <time datetime=answer.updated_at.clone()>{when}</time>
                {edited.then(|| view! { " · " {tr!(answer_edited)} })}
            </p>
            {children.map(|actions| view! { <div class="kept-actions">{actions()}</div> })}
        </li>
    }
}

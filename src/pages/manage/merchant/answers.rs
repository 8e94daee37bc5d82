//! The shop's side of the conversation: the district's proposals it has not answered
//! (most supported first), each one tap from an answer, and its answers, each editable.

use golmok_api::validate::{self, field, limits};
use golmok_api::{Answer, AnsweredProposal, NewAnswer, Proposal, Shop, Stance};
use leptos::prelude::*;

use crate::api::use_api;
use crate::components::field::{Field, Input};
use crate::components::form::{FormFailure, Problems, Submit, SubmitOrCancel};
use crate::components::load_error::LoadError;
use crate::components::shop_answers::{ShopAnswer, stance_label};
use crate::config::link;
use crate::state::announce::use_announcer;
use crate::state::paged::{First, Paged, Placeholder};
use crate::storage::{self, keys};

/// The district's proposals this shop has not answered, most supported first;
/// `answered` counts the answers given here.
#[component]
pub fn Waiting(shop: Shop, answered: RwSignal<u32>) -> impl IntoView {
    let api = use_api();
    let (shop_id, slug) = (shop.id, shop.district_slug.clone());
    let list = Paged::new(
        move |cursor| {
            let (api, slug) = (api.clone(), slug.clone());
            async move { api.unanswered(&slug, shop_id, cursor.as_deref()).await }
        },
        |p: &Proposal| p.id,
    );
    view! {
        <section aria-labelledby=format!("waiting-{shop_id}")>
            <h3 id=format!("waiting-{shop_id}") class="subheading">{tr!(waiting_heading)}</h3>
            {list.view(Placeholder::Line, "cards", tr!(waiting_empty), move |proposal| {
                view! { <WaitingProposal proposal shop_id list answered /> }
            })}
        </section>
    }
}

#[component]
fn WaitingProposal(
    proposal: Proposal,
    shop_id: i64,
    list: Paged<Proposal>,
    answered: RwSignal<u32>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let href = format!("/d/{}/proposals/{}", proposal.district_slug, proposal.id);
    let id = proposal.id;
    view! {
        <li class="card waiting-card">
            <h4 class="card-title"><a href=link(href)>{proposal.title}</a></h4>
            <p class="card-counts">{tr!(support_count, count = proposal.vote_count)}</p>
            {move || {
                if open.get() {
                    let done = Callback::new(move |_: Answer| {
                        list.remove(id);
                        answered.update(|n| *n += 1);
                    });
                    view! { <AnswerForm proposal_id=id shop_id on_done=done /> }.into_any()
                } else {
                    view! {
                        <button type="button" class="button button-primary button-wide" on:click=move |_| open.set(true)>
                            {tr!(answer_cta)}
                        </button>
                    }
                    .into_any()
                }
            }}
        </li>
    }
}

/// A stance, a message and, if the shop makes one, a pledge: a new answer, or (`editing`)
/// a change to the shop's answer.
#[component]
fn AnswerForm(
    proposal_id: i64,
    shop_id: i64,
    #[prop(optional)] editing: Option<Answer>,
    on_done: Callback<Answer>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let edit = editing.is_some();
    // A new answer is kept as a draft across a reload; an edit starts from the answer.
    let draft_key = (!edit).then(|| keys::answer_draft(proposal_id, shop_id));
    let first = match editing {
        Some(a) => NewAnswer { stance: a.stance, message: a.message, pledge: a.pledge },
        None => draft_key.as_deref().and_then(storage::load::<NewAnswer>).unwrap_or(NewAnswer {
            stance: Stance::Support,
            message: String::new(),
            pledge: None,
        }),
    };
    let stance = RwSignal::new(first.stance);
    let message = RwSignal::new(first.message);
    let pledge = RwSignal::new(first.pledge.unwrap_or_default());
    if let Some(draft_key) = draft_key.clone() {
        Effect::new(move |_| {
            let draft =
                NewAnswer { stance: stance.get(), message: message.get(), pledge: Some(pledge.get()) };
            let blank = draft.message.trim().is_empty() && pledge.with(|p| p.trim().is_empty());
            storage::save_or_remove(&draft_key, &draft, blank);
        });
    }
    let answer = move || NewAnswer {
        stance: stance.get(),
        message: message.get(),
        pledge: Some(pledge.get()).filter(|p| !p.trim().is_empty()),
    };
    let form = Submit::new(Problems::new(move || validate::new_answer(&answer()).err().unwrap_or_default()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (api, draft_key) = (api.clone(), draft_key.clone());
        form.send(
            validate::new_answer(&untrack(answer)),
            move |a| async move { api.answer(proposal_id, shop_id, &a).await },
            move |answered| {
                let answered = answered?;
                if let Some(key) = &draft_key {
                    storage::remove(key);
                }
                announcer.say(if edit { tr!(answer_saved) } else { tr!(answer_posted) });
                on_done.run(answered);
                Ok(())
            },
        );
    };
    let group = format!("stance-{proposal_id}");
    view! {
        <form class="form answer-form" on:submit=submit novalidate>
            <fieldset class="kind-choice">
                <legend>{tr!(answer_form_label)}</legend>
                {Stance::ALL
                    .into_iter()
                    .map(|s| {
                        view! {
                            <label class="kind-option" class:selected=move || stance.get() == s>
                                <input
                                    type="radio"
                                    name=group.clone()
                                    value=s.as_str()
                                    prop:checked=move || stance.get() == s
                                    on:change=move |_| stance.set(s)
                                />
                                <span class="kind-label">{stance_label(s)}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <Field
                id=format!("message-{proposal_id}")
                name=field::MESSAGE
                label=tr!(field_message)
                value=message
                problems=form.problems
                input=Input::Area
                max=limits::ANSWER_MESSAGE.1
                required=true
            />
            <Field
                id=format!("pledge-{proposal_id}")
                name=field::PLEDGE
                label=tr!(field_pledge)
                value=pledge
                problems=form.problems
                hint=tr!(pledge_hint)
                max=limits::PLEDGE.1
            />
            <FormFailure failure=form.failure />
            <SubmitOrCancel sending=form.sending label=if edit { tr!(save) } else { tr!(answer_submit) } busy=tr!(sending) on_cancel />
        </form>
    }
}

/// The shop's answers, newest first, each editable where it stands.
#[component]
pub fn MyAnswers(shop_id: i64, answered: RwSignal<u32>) -> impl IntoView {
    let api = use_api();
    let list = Paged::new(
        move |cursor| {
            answered.track();
            let api = api.clone();
            async move { api.shop_answers(shop_id, cursor.as_deref()).await }
        },
        |a: &AnsweredProposal| a.answer.id,
    );
    // As in the kept news: an edit redraws its own card, not the list.
    let state = Memo::new(move |_| (list.first(), list.is_empty()));
    view! {
        <section aria-labelledby=format!("my-answers-{shop_id}")>
            <h3 id=format!("my-answers-{shop_id}") class="subheading">{tr!(my_answers_heading)}</h3>
            {move || match state.get() {
                (First::Loading, _) => view! { <p class="muted">{tr!(loading)}</p> }.into_any(),
                (First::Failed(error), _) => view! { <LoadError error on_retry=move || list.retry() /> }.into_any(),
                (First::Ready, true) => view! { <p class="empty">{tr!(my_answers_empty)}</p> }.into_any(),
                (First::Ready, false) => view! {
                    <ul class="answer-list" role="list">
                        <For each=move || list.items() key=|a| a.answer.id let(item)>
                            <MyAnswer item shop_id list />
                        </For>
                    </ul>
                    {list.show_more()}
                }
                .into_any(),
            }}
        </section>
    }
}

#[component]
fn MyAnswer(item: AnsweredProposal, shop_id: i64, list: Paged<AnsweredProposal>) -> impl IntoView {
    let editing = RwSignal::new(false);
    let proposal = item.proposal.clone();
    let current = RwSignal::new(item.answer);
    move || {
        if editing.get() {
            let about = proposal.clone();
            let done = Callback::new(move |answer: Answer| {
                current.set(answer.clone());
                editing.set(false);
                list.replace(AnsweredProposal { proposal: about.clone(), answer });
            });
            view! {
                <li class="answer answer-editing">
                    <p class="answer-about">{proposal.title.clone()}</p>
                    <AnswerForm
                        proposal_id=proposal.id
                        shop_id
                        editing=current.get_untracked()
                        on_done=done
                        on_cancel=Callback::new(move |()| editing.set(false))
                    />
                </li>
            }
            .into_any()
        } else {
            view! {
                <ShopAnswer answer=current.get() about=proposal.clone() without_shop=true>
                    <button type="button" class="button button-secondary" on:click=move |_| editing.set(true)>
                        {tr!(edit)}
                    </button>
                </ShopAnswer>
            }
            .into_any()
        }
    }
}

//! `/d/{slug}/proposals/{id}`: one proposal — read it, support it, talk about it.

use std::rc::Rc;

use golmok_api::validate::{self, field};
use golmok_api::{Comment, NewComment, Proposal, ProposalKind};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::use_api;
use crate::components::badges::{KindBadge, StatusBadge};
use crate::components::field::{Field, Input};
use crate::components::form::{FormFailure, Problems, Submit, SubmitButton};
use crate::components::load_error::{LoadError, NotFound};
use crate::components::page_heading::PageHeading;
use crate::components::shop_answers::ShopAnswers;
use crate::components::skeleton::DetailSkeleton;
use crate::components::vote_toggle::{SendVote, VoteToggle};
use crate::config::link;
use crate::format;
use crate::pages::login::login_href;
use crate::state::announce::use_announcer;
use crate::state::lang;
use crate::state::load::Load;
use crate::state::paged::{First, Paged};
use crate::state::session::use_session;
use crate::storage::{self, keys};

#[component]
pub fn ProposalPage() -> impl IntoView {
    let api = use_api();
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok())));
    let slug = Memo::new(move |_| params.with(|p| p.get("slug").unwrap_or_default()));
    let proposal = Load::new(move || {
        let (api, id) = (api.clone(), id.get());
        // The `voted` flag belongs to whoever is logged in.
        let _ = session.is_logged_in();
        async move {
            match id {
                Some(id) => api.proposal(id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let missing = || {
        view! { <NotFound title=tr!(proposal_not_found_title) body=tr!(proposal_not_found_body) /> }
            .into_any()
    };
    view! {
        {move || match proposal.get() {
            None => view! { <DetailSkeleton /> }.into_any(),
            Some(Ok(None)) => missing(),
            Some(Err(e)) if e.is_not_found() => missing(),
            Some(Err(error)) => view! { <LoadError error on_retry=move || proposal.retry() page=true /> }.into_any(),
            // A proposal is found under its own district only.
            Some(Ok(Some(p))) if p.district_slug != slug.get() => missing(),
            Some(Ok(Some(p))) => view! { <ProposalDetail proposal=p /> }.into_any(),
        }}
    }
}

#[component]
fn ProposalDetail(proposal: Proposal) -> impl IntoView {
    let api = use_api();
    let session = use_session();
    let id = proposal.id;
    let back = format!("/d/{}", proposal.district_slug);
    let here = format!("/d/{}/proposals/{id}", proposal.district_slug);
    let voted = RwSignal::new(proposal.voted);
    let votes = RwSignal::new(proposal.vote_count);
    let comment_count = RwSignal::new(proposal.comment_count);
    let send: SendVote = Rc::new(move |support| {
        let api = api.clone();
        Box::pin(async move { api.vote(id, support).await })
    });
    // Views re-render from `Send` closures; the sender is not `Send`, so it stays here.
    let send = StoredValue::new_local(send);
    let created = proposal.created_at.clone();
    let when = format::date_time(&created, lang::current());
    let event_date = proposal.event_date.clone();
    let title = proposal.title.clone();
    let login_href = login_href(&here);
    view! {
        <article class="proposal">
            <a href=link(back) class="back-link">
                <span aria-hidden="true">"← "</span>
                {tr!(back_to_list)}
            </a>
            <div class="card-badges">
                <KindBadge kind=proposal.kind />
                <StatusBadge status=proposal.status />
            </div>
            <PageHeading text=title class="proposal-title" />
            <p class="byline">
                <span class="sr-only">{tr!(proposed_by)}" "</span>
                <span class="byline-author">{proposal.author.display_name.clone()}</span>
                " · "
                <time datetime=proposal.created_at.clone()>{when}</time>
            </p>
            {(proposal.kind == ProposalKind::Event
                && (proposal.event_date.is_some() || proposal.event_place.is_some()))
                .then(|| {
                    view! {
                        <dl class="event-facts">
                            {event_date
                                .clone()
                                .map(|d| {
                                    let shown = d.clone();
                                    view! {
                                        <div>
                                            <dt>
                                                <span aria-hidden="true">"📅 "</span>
                                                {tr!(event_when)}
                                            </dt>
                                            <dd>
                                                <time datetime=d>
                                                    {format::event_day(&shown, lang::current())}
                                                </time>
                                            </dd>
                                        </div>
                                    }
                                })}
                            {proposal
                                .event_place
                                .clone()
                                .map(|place| {
                                    view! {
                                        <div>
                                            <dt>
                                                <span aria-hidden="true">"📍 "</span>
                                                {tr!(event_where)}
                                            </dt>
                                            <dd>{place}</dd>
                                        </div>
                                    }
                                })}
                        </dl>
                    }
                })}
            <div class="proposal-body">
                {proposal.body.split("\n\n").map(|para| view! { <p>{para.to_owned()}</p> }).collect_view()}
            </div>
            <div class="proposal-actions">
                {move || {
                    if session.is_logged_in() {
                        view! { <VoteToggle voted count=votes send=send.get_value() /> }.into_any()
                    } else {
                        view! {
                            <div class="vote">
                                <p class="vote-total">
                                    <span aria-hidden="true">"♡ "</span>
                                    {move || tr!(support_count, count = votes.get())}
                                </p>
                                <a href=link(login_href.clone()) class="button button-secondary">
                                    {tr!(login_to_support)}
                                </a>
                            </div>
                        }
                            .into_any()
                    }
                }}
            </div>
        </article>
        <ShopAnswers proposal_id=id count=proposal.answer_count />
        <Comments proposal_id=id count=comment_count here />
    }
}

#[component]
fn Comments(proposal_id: i64, count: RwSignal<i64>, here: String) -> impl IntoView {
    let api = use_api();
    let session = use_session();
    let list = Paged::new(
        move |cursor| {
            let api = api.clone();
            async move { api.comments(proposal_id, cursor.as_deref()).await }
        },
        |c: &Comment| c.id,
    );
    let added = RwSignal::new(Vec::<Comment>::new());
    let login_href = login_href(&here);
    view! {
        <section class="comments" aria-labelledby="comments-heading">
            <h2 id="comments-heading" class="section-title">
                {tr!(comments_heading)}
                " "
                <span class="section-count">{move || count.get()}</span>
            </h2>
            {move || match list.first() {
                First::Loading => view! { <p class="muted">{tr!(loading)}</p> }.into_any(),
                First::Failed(error) => view! { <LoadError error on_retry=move || list.retry() /> }.into_any(),
                First::Ready => view! { <CommentThread list added /> }.into_any(),
            }}
            {move || {
                if session.is_logged_in() {
                    view! { <CommentForm proposal_id added count /> }.into_any()
                } else {
                    view! {
                        <a href=link(login_href.clone()) class="button button-secondary button-wide">
                            {tr!(login_to_comment)}
                        </a>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn CommentItem(comment: Comment) -> impl IntoView {
    let created = comment.created_at.clone();
    let when = format::relative(&created, lang::current(), tr!(just_now));
    view! {
        <li class="comment">
            <p class="comment-meta">
                <span class="comment-author">{comment.author.display_name}</span>
                " · "
                <time datetime=comment.created_at>{when}</time>
            </p>
            <p class="comment-body">{comment.body}</p>
        </li>
    }
}

/// The comments, oldest first: the pages loaded, then the ones just written here; the
/// button for more comes after them. A comment written here comes back in a later page
/// of "show more": it stays where it is, after the others, and shows once.
#[component]
fn CommentThread(list: Paged<Comment>, added: RwSignal<Vec<Comment>>) -> impl IntoView {
    let item = |c: Comment| view! { <CommentItem comment=c /> };
    let loaded = move || {
        let mine = added.with(|a| a.iter().map(|c| c.id).collect::<Vec<_>>());
        list.items().into_iter().filter(|c| !mine.contains(&c.id)).map(item).collect_view()
    };
    view! {
        {move || {
            (list.is_empty() && added.with(Vec::is_empty)).then(|| view! { <p class="empty">{tr!(comments_empty)}</p> })
        }}
        <ol class="comment-list" role="list">
            {loaded}
            {move || added.get().into_iter().map(item).collect_view()}
        </ol>
        {list.show_more()}
    }
}

/// Writing a comment. The text is kept as a draft on this device until it is posted.
#[component]
fn CommentForm(proposal_id: i64, added: RwSignal<Vec<Comment>>, count: RwSignal<i64>) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let draft_key = keys::comment_draft(proposal_id);
    let body = RwSignal::new(storage::load::<String>(&draft_key).unwrap_or_default());
    let form = Submit::new(Problems::new(move || {
        validate::new_comment(&NewComment { body: body.get() }).err().unwrap_or_default()
    }));
    {
        let draft_key = draft_key.clone();
        Effect::new(move |_| body.with(|b| storage::save_or_remove(&draft_key, b, b.trim().is_empty())));
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (api, draft_key) = (api.clone(), draft_key.clone());
        form.send(
            validate::new_comment(&NewComment { body: body.get_untracked() }),
            move |new| async move { api.create_comment(proposal_id, &new).await },
            move |answer| {
                let comment = answer?;
                added.update(|list| list.push(comment));
                count.update(|c| *c += 1);
                body.set(String::new());
                form.problems.reset();
                storage::remove(&draft_key);
                announcer.say(tr!(comment_posted));
                Ok(())
            },
        );
    };
    view! {
        <form class="comment-form" on:submit=submit novalidate>
            <Field
                id=field::BODY
                label=tr!(comment_label)
                value=body
                problems=form.problems
                input=Input::Area
                placeholder=tr!(comment_placeholder)
                max=validate::limits::COMMENT.1
            />
            <FormFailure failure=form.failure />
            <SubmitButton sending=form.sending label=tr!(comment_submit) busy=tr!(sending) />
        </form>
    }
}

//! `/d/{slug}/proposals/{id}`: one proposal — read it, support it, talk about it.

use std::rc::Rc;

use golmok_api::{Comment, NewComment, Proposal, ProposalKind, validate};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::use_api;
use crate::components::badges::{KindBadge, StatusBadge};
use crate::components::field::{Field, Input, field_error_text};
use crate::components::load_error::{LoadError, NotFound, error_text};
use crate::components::page_heading::PageHeading;
use crate::components::skeleton::DetailSkeleton;
use crate::components::vote_toggle::{SendVote, VoteToggle};
use crate::format;
use crate::i18n::*;
use crate::state::announce::use_announcer;
use crate::state::session::use_session;
use crate::storage::{self, keys};

#[component]
pub fn ProposalPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok())));
    let proposal = LocalResource::new(move || {
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
    let missing = move || {
        view! {
            <NotFound
                title=Signal::derive(move || t_string!(i18n, proposal_not_found_title).to_string())
                body=Signal::derive(move || t_string!(i18n, proposal_not_found_body).to_string())
            />
        }
        .into_any()
    };
    view! {
        {move || match proposal.get() {
            None => view! { <DetailSkeleton /> }.into_any(),
            Some(Ok(None)) => missing(),
            Some(Err(e)) if e.is_not_found() => missing(),
            Some(Err(error)) => view! { <LoadError error on_retry=move || proposal.refetch() /> }.into_any(),
            Some(Ok(Some(p))) => view! { <ProposalDetail proposal=p /> }.into_any(),
        }}
    }
}

#[component]
fn ProposalDetail(proposal: Proposal) -> impl IntoView {
    let i18n = use_i18n();
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
    let when = move || format::date_time(&created, i18n.get_locale());
    let event_date = proposal.event_date.clone();
    let title = proposal.title.clone();
    let login_href = format!("/login?next={}", String::from(js_sys::encode_uri_component(&here)));
    view! {
        <article class="proposal">
            <A href=back attr:class="back-link">
                <span aria-hidden="true">"← "</span>
                {t!(i18n, back_to_list)}
            </A>
            <div class="card-badges">
                <KindBadge kind=proposal.kind />
                <StatusBadge status=proposal.status />
            </div>
            <PageHeading text=Signal::derive(move || title.clone()) class="proposal-title" />
            <p class="byline">
                <span class="sr-only">{t!(i18n, proposed_by)}" "</span>
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
                                                {t!(i18n, event_when)}
                                            </dt>
                                            <dd>
                                                <time datetime=d>
                                                    {move || format::event_day(&shown, i18n.get_locale())}
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
                                                {t!(i18n, event_where)}
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
                                    {t!(i18n, support_count, count = move || votes.get())}
                                </p>
                                <A href=login_href.clone() attr:class="button button-secondary">
                                    {t!(i18n, login_to_support)}
                                </A>
                            </div>
                        }
                            .into_any()
                    }
                }}
            </div>
        </article>
        <Comments proposal_id=id count=comment_count here />
    }
}

#[component]
fn Comments(proposal_id: i64, count: RwSignal<i64>, here: String) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let session = use_session();
    let list = LocalResource::new({
        let api = api.clone();
        move || {
            let api = api.clone();
            async move { api.comments(proposal_id, None).await }
        }
    });
    let added = RwSignal::new(Vec::<Comment>::new());
    let login_href = format!("/login?next={}", String::from(js_sys::encode_uri_component(&here)));
    view! {
        <section class="comments" aria-labelledby="comments-heading">
            <h2 id="comments-heading" class="section-title">
                {t!(i18n, comments_heading)}
                " "
                <span class="section-count">{move || count.get()}</span>
            </h2>
            {move || match list.get() {
                None => view! { <p class="muted">{t!(i18n, loading)}</p> }.into_any(),
                Some(Err(error)) => view! { <LoadError error on_retry=move || list.refetch() /> }.into_any(),
                Some(Ok(page)) => {
                    let empty = page.items.is_empty();
                    view! {
                        <Show when=move || empty && added.with(Vec::is_empty)>
                            <p class="empty">{t!(i18n, comments_empty)}</p>
                        </Show>
                        <ol class="comment-list" role="list">
                            {page.items.into_iter().map(|c| view! { <CommentItem comment=c /> }).collect_view()}
                            <For
                                each=move || added.get()
                                key=|c| c.id
                                children=|c| view! { <CommentItem comment=c /> }
                            />
                        </ol>
                    }
                        .into_any()
                }
            }}
            {move || {
                if session.is_logged_in() {
                    view! { <CommentForm proposal_id added count /> }.into_any()
                } else {
                    view! {
                        <A href=login_href.clone() attr:class="button button-secondary button-wide">
                            {t!(i18n, login_to_comment)}
                        </A>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn CommentItem(comment: Comment) -> impl IntoView {
    let i18n = use_i18n();
    let created = comment.created_at.clone();
    let when = move || format::relative(&created, i18n.get_locale(), &t_string!(i18n, just_now).to_string());
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

/// Writing a comment. The text is kept as a draft on this device until it is posted.
#[component]
fn CommentForm(proposal_id: i64, added: RwSignal<Vec<Comment>>, count: RwSignal<i64>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let announcer = use_announcer();
    let draft_key = keys::comment_draft(proposal_id);
    let body = RwSignal::new(storage::load::<String>(&draft_key).unwrap_or_default());
    let tried = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    {
        let draft_key = draft_key.clone();
        Effect::new(move |_| body.with(|b| storage::save(&draft_key, b)));
    }
    let error = Signal::derive(move || {
        if !tried.get() {
            return None;
        }
        body.with(|b| validate::comment_body(b).err()).map(|e| field_error_text(i18n, &e))
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        tried.set(true);
        let new = NewComment { body: body.get_untracked() };
        let Ok(new) = validate::new_comment(&new) else { return };
        sending.set(true);
        failure.set(None);
        let (api, draft_key) = (api.clone(), draft_key.clone());
        spawn_local(async move {
            match api.create_comment(proposal_id, &new).await {
                Ok(comment) => {
                    added.update(|list| list.push(comment));
                    count.update(|c| *c += 1);
                    body.set(String::new());
                    tried.set(false);
                    storage::remove(&draft_key);
                    announcer.say(t_string!(i18n, comment_posted).to_string());
                }
                Err(e) => {
                    let text = e
                        .fields()
                        .first()
                        .map(|f| field_error_text(i18n, f))
                        .unwrap_or_else(|| error_text(i18n, &e));
                    announcer.say(text.clone());
                    failure.set(Some(text));
                }
            }
            sending.set(false);
        });
    };
    view! {
        <form class="comment-form" on:submit=submit novalidate>
            <Field
                id="comment-body"
                label=Signal::derive(move || t_string!(i18n, comment_label).to_string())
                value=body
                error
                input=Input::Area
                placeholder=Signal::derive(move || t_string!(i18n, comment_placeholder).to_string())
                max=validate::limits::COMMENT.1
            />
            {move || failure.get().map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
            <button type="submit" class="button button-primary button-wide" disabled=move || sending.get()>
                {move || {
                    if sending.get() {
                        t_string!(i18n, sending).to_string()
                    } else {
                        t_string!(i18n, comment_submit).to_string()
                    }
                }}
            </button>
        </form>
    }
}

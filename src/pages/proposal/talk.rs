//! What is said about the proposal on screen: the shops' answers, then the comments
//! and the form to add one (a chunk of its own, see the page's module).

use golmok_api::validate::{self, field};
use golmok_api::{Comment, NewComment, ReportTarget};
use leptos::prelude::*;

use super::Shown;
use super::life::Life;
use crate::api::use_api;
use crate::components::field::{Field, Input};
use crate::components::form::{FormFailure, Problems, Submit, SubmitButton};
use crate::components::load_error::LoadError;
use crate::components::report::ReportButton;
use crate::components::shop_answers::ShopAnswers;
use crate::config::link;
use crate::format;
use crate::pages::login::login_href;
use crate::state::announce::use_announcer;
use crate::state::lang;
use crate::state::paged::{First, Paged};
use crate::state::session::use_session;
use crate::storage::{self, keys};

#[component]
pub fn Talk() -> impl IntoView {
    use_context::<Shown>().map(|shown| {
        view! {
            <Life shown />
            <ShopAnswers proposal_id=shown.id count=shown.answers />
            <Comments shown />
            <div class="report-proposal">
                <ReportButton target=ReportTarget::Proposal id=shown.id label=tr!(report_proposal_action) />
            </div>
        }
    })
}

#[component]
fn Comments(shown: Shown) -> impl IntoView {
    let api = use_api();
    let session = use_session();
    let proposal_id = shown.id;
    let list = Paged::new(
        move |cursor| {
            let api = api.clone();
            async move { api.comments(proposal_id, cursor.as_deref()).await }
        },
        |c: &Comment| c.id,
    );
    let added = RwSignal::new(Vec::<Comment>::new());
    view! {
        <section class="comments" aria-labelledby="comments-heading">
            <h2 id="comments-heading" class="section-title">
                {tr!(comments_heading)}
                " "
                <span class="section-count">{move || shown.comments.get()}</span>
            </h2>
            {move || match list.first() {
                First::Loading => view! { <p class="muted">{tr!(loading)}</p> }.into_any(),
                First::Failed(error) => view! { <LoadError error on_retry=move || list.retry() /> }.into_any(),
                First::Ready => view! { <CommentThread list added /> }.into_any(),
            }}
            {move || {
                if session.is_logged_in() {
                    view! { <CommentForm proposal_id added count=shown.comments /> }.into_any()
                } else {
                    view! {
                        <a href=link(login_href(&shown.here.get_value())) class="button button-secondary button-wide">
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
            <p class="comment-meta" id=format!("comment-{}-by", comment.id)>
                <span class="comment-author">{comment.author.display_name}</span>
                " · "
                <time datetime=comment.created_at>{when}</time>
            </p>
            <p class="comment-body">{comment.body}</p>
            <ReportButton target=ReportTarget::Comment id=comment.id />
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

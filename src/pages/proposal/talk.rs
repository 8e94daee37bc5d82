//! What is said about the proposal on screen: the shops' answers, then the comments
//! and the form to add one (a chunk of its own, see the page's module).

use golmok_api::validate::{self, field};
use golmok_api::{Comment, CommentStance, NewComment, ReportTarget, StanceCounts};
use leptos::prelude::*;

use super::Shown;
use super::life::Life;
use crate::api::use_api;
use crate::components::field::{Field, Input};
use crate::components::form::{FormFailure, Problems, Submit, SubmitButton};
use crate::components::load_error::LoadError;
use crate::components::report::ReportButton;
use crate::components::share::ShareButton;
use crate::components::shop_answers::ShopAnswers;
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
pub fn Talk() -> impl IntoView {
    use_context::<Shown>().map(|shown| {
        view! {
            <ShareButton path=shown.here.get_value() id="proposal-share" />
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
    let counts = {
        let api = use_api();
        Load::new(move || {
            let api = api.clone();
            async move { api.stances(proposal_id).await }
        })
    };
    view! {
        <section class="comments" aria-labelledby="comments-heading">
            <h2 id="comments-heading" class="section-title">
                {tr!(comments_heading)}
                " "
                <span class="section-count">{move || shown.comments.get()}</span>
            </h2>
            <StanceTally counts />
            {move || match list.first() {
                First::Loading => view! { <p class="muted">{tr!(loading)}</p> }.into_any(),
                First::Failed(error) => view! { <LoadError error on_retry=move || list.retry() /> }.into_any(),
                First::Ready => view! { <CommentThread list added /> }.into_any(),
            }}
            {move || {
                if session.is_logged_in() {
                    view! { <CommentForm proposal_id added count=shown.comments counts /> }.into_any()
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

/// A stance in words.
fn stance_label(stance: CommentStance) -> &'static str {
    match stance {
        CommentStance::For => tr!(stance_for),
        CommentStance::Neutral => tr!(stance_neutral),
        CommentStance::Against => tr!(stance_against),
    }
}

/// "찬성 2 · 중립 1 · 반대 1": where the comments stand, once counted.
#[component]
fn StanceTally(counts: Load<StanceCounts>) -> impl IntoView {
    move || {
        counts.get().and_then(Result::ok).map(|c| {
            let parts = [
                (CommentStance::For, c.in_favour),
                (CommentStance::Neutral, c.neutral),
                (CommentStance::Against, c.against),
            ];
            let text = parts.map(|(s, n)| format!("{} {n}", stance_label(s))).join(" · ");
            view! { <p class="stance-tally muted">{text}</p> }
        })
    }
}

#[component]
fn CommentItem(comment: Comment) -> impl IntoView {
    let created = comment.created_at.clone();
    let when = format::relative(&created, lang::current(), tr!(just_now));
    // Neutral is what a comment says when it says nothing: only a side gets a label,
    // against in the shops' "concern" colours.
    let side = (comment.stance != CommentStance::Neutral).then(|| {
        let against = comment.stance == CommentStance::Against;
        let class = if against { "badge badge-stance stance-concern" } else { "badge badge-stance" };
        view! { <span class=class>{stance_label(comment.stance)}</span> " " }
    });
    view! {
        <li class="comment">
            <p class="comment-meta" id=format!("comment-{}-by", comment.id)>
                {side}
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
fn CommentForm(
    proposal_id: i64,
    added: RwSignal<Vec<Comment>>,
    count: RwSignal<i64>,
    counts: Load<StanceCounts>,
) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let draft_key = keys::comment_draft(proposal_id);
    let body = RwSignal::new(storage::load::<String>(&draft_key).unwrap_or_default());
    let stance = RwSignal::new(CommentStance::Neutral);
    let comment = move || NewComment { body: body.get(), stance: stance.get() };
    let form =
        Submit::new(Problems::new(move || validate::new_comment(&comment()).err().unwrap_or_default()));
    {
        let draft_key = draft_key.clone();
        Effect::new(move |_| body.with(|b| storage::save_or_remove(&draft_key, b, b.trim().is_empty())));
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (api, draft_key) = (api.clone(), draft_key.clone());
        form.send(
            validate::new_comment(&untrack(comment)),
            move |new| async move { api.create_comment(proposal_id, &new).await },
            move |answer| {
                let comment = answer?;
                added.update(|list| list.push(comment));
                count.update(|c| *c += 1);
                body.set(String::new());
                stance.set(CommentStance::Neutral);
                counts.refresh();
                form.problems.reset();
                storage::remove(&draft_key);
                announcer.say(tr!(comment_posted));
                Ok(())
            },
        );
    };
    view! {
        <form class="comment-form" on:submit=submit novalidate>
            <StanceChoice stance />
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

/// For, neutral or against: three options in a row, neutral chosen until another is.
#[component]
fn StanceChoice(stance: RwSignal<CommentStance>) -> impl IntoView {
    let option = move |value: CommentStance| {
        view! {
            <label class="kind-option" class:selected=move || stance.get() == value>
                <input
                    type="radio"
                    name="stance"
                    value=value.as_str()
                    prop:checked=move || stance.get() == value
                    on:change=move |_| stance.set(value)
                />
                {stance_label(value)}
            </label>
        }
    };
    view! {
        <fieldset class="kind-choice stance-choice">
            <legend>{tr!(stance_legend)}</legend>
            {CommentStance::ALL.map(option).into_iter().collect_view()}
        </fieldset>
    }
}

//! Announcements as the people who post them see them: one form that posts a shop's or
//! the district's news or edits it, and the list of what is out, each with edit and
//! delete and, for the district's moderators, pin.

use golmok_api::validate::{self, field, limits};
use golmok_api::{Announcement, AnnouncementKind, AnnouncementUpdate, NewAnnouncement, hours, instants};
use leptos::prelude::*;

use crate::api::use_api;
use crate::components::announcement_card::{AnnouncementCard, announcement_kind_label};
use crate::components::field::{ChoiceField, Field, Input};
use crate::components::form::{FormFailure, Problems, Submit, SubmitOrCancel};
use crate::components::load_error::LoadError;
use crate::state::announce::use_announcer;
use crate::state::paged::{First, Paged};
use crate::storage::{self, keys};

/// Who posts: a shop (by its owner) or the district itself (by a moderator).
#[derive(Debug, Clone, PartialEq)]
pub enum Poster {
    Shop(i64),
    District(String),
}

impl Poster {
    /// Tells the forms of several posters on one page apart.
    fn key(&self) -> String {
        match self {
            Poster::Shop(id) => format!("shop-{id}"),
            Poster::District(slug) => format!("district-{slug}"),
        }
    }
}

/// New news as typed so far, kept across a reload until it is posted.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
struct Draft {
    kind: AnnouncementKind,
    title: String,
    body: String,
    start: String,
    end: String,
}

impl Draft {
    fn is_blank(&self) -> bool {
        [&self.title, &self.body, &self.start, &self.end].iter().all(|s| s.trim().is_empty())
    }
}

/// The Seoul calendar day of an instant, as a date field shows it.
fn seoul_day(instant: &str) -> String {
    instants::parse(instant).map(|s| hours::Moment::in_seoul(s).date()).unwrap_or_default()
}

/// A day typed in a date field as an instant: its first second, or (`last`) its last,
/// in Seoul. Empty stays empty: the server's default.
fn day_instant(day: &str, last: bool) -> Option<String> {
    let day = day.trim();
    let clock = if last { "23:59:59" } else { "00:00:00" };
    (!day.is_empty()).then(|| format!("{day}T{clock}+09:00"))
}

fn now() -> String {
    instants::format(crate::state::clock::unix_seconds())
}

/// A new announcement (`editing` none) or a change to one. Start and last day are
/// optional: it shows from now for 30 days unless told otherwise.
#[component]
pub fn NewsForm(
    poster: Poster,
    #[prop(optional)] editing: Option<Announcement>,
    on_done: Callback<Announcement>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let key = match &editing {
        Some(a) => format!("news-{}", a.id),
        None => format!("news-{}", poster.key()),
    };
    let was = editing.as_ref().map(|a| (seoul_day(&a.starts_at), seoul_day(&a.ends_at)));
    // New news is kept as a draft; an edit starts from what is posted.
    let draft_key = editing.is_none().then(|| keys::news_draft(&poster.key()));
    let first = match &editing {
        Some(a) => {
            let (start, end) = was.clone().unwrap_or_default();
            Draft { kind: a.kind, title: a.title.clone(), body: a.body.clone(), start, end }
        }
        None => draft_key.as_deref().and_then(storage::load::<Draft>).unwrap_or_default(),
    };
    let kind = RwSignal::new(first.kind);
    let title = RwSignal::new(first.title);
    let body = RwSignal::new(first.body);
    let start = RwSignal::new(first.start);
    let end = RwSignal::new(first.end);
    if let Some(draft_key) = draft_key.clone() {
        Effect::new(move |_| {
            let d = Draft {
                kind: kind.get(),
                title: title.get(),
                body: body.get(),
                start: start.get(),
                end: end.get(),
            };
            storage::save_or_remove(&draft_key, &d, d.is_blank());
        });
    }
    let span = editing.as_ref().map(|a| (a.starts_at.clone(), a.ends_at.clone()));
    let editing_id = editing.as_ref().map(|a| a.id);
    // An edit sends a day only when it was changed: a day shown and sent back as it was
    // would move an announcement posted at 10:32 to midnight.
    let changed = move |now: &str, then: Option<&str>, last: bool| {
        if then == Some(now) { None } else { day_instant(now, last) }
    };
    let draft = {
        let was = was.clone();
        move || NewAnnouncement {
            kind: kind.get(),
            title: title.get(),
            body: body.get(),
            starts_at: changed(&start.get(), was.as_ref().map(|w| w.0.as_str()), false),
            ends_at: changed(&end.get(), was.as_ref().map(|w| w.1.as_str()), true),
        }
    };
    let check = {
        let (draft, span) = (draft.clone(), span.clone());
        move || match &span {
            None => validate::new_announcement(&draft(), &now()).map(drop),
            Some((starts, ends)) => {
                validate::announcement_update(&as_update(draft()), (starts, ends)).map(drop)
            }
        }
    };
    let form = Submit::new(Problems::new({
        let check = check.clone();
        move || check().err().unwrap_or_default()
    }));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (api, poster) = (api.clone(), poster.clone());
        let news = untrack(&draft);
        let draft_key = draft_key.clone();
        let done = move |sent: Result<Announcement, _>| {
            let sent = sent?;
            if let Some(key) = &draft_key {
                storage::remove(key);
            }
            announcer.say(if editing_id.is_some() { tr!(news_saved) } else { tr!(news_posted) });
            form.problems.reset();
            on_done.run(sent);
            Ok(())
        };
        // The server fills in the span that was not given: its clock is the one.
        match editing_id {
            Some(id) => form.send(
                untrack(&check).map(|()| as_update(news)),
                move |u| async move { api.update_announcement(id, &u).await },
                done,
            ),
            None => form.send(
                untrack(&check).map(|()| news),
                move |n| async move {
                    match &poster {
                        Poster::Shop(shop) => api.announce(*shop, &n).await,
                        Poster::District(slug) => api.announce_district(slug, &n).await,
                    }
                },
                done,
            ),
        }
    };
    let id = move |part: &str| format!("{key}-{part}");
    view! {
        <form class="form post-form" on:submit=submit novalidate>
            <ChoiceField id=id("kind") label=tr!(field_news_kind) value=kind options=&AnnouncementKind::ALL key=AnnouncementKind::as_str text=announcement_kind_label />
            <Field id=id("title") name=field::TITLE label=tr!(field_news_title) value=title problems=form.problems max=limits::TITLE.1 required=true />
            <Field
                id=id("body")
                name=field::BODY
                label=tr!(field_news_body)
                value=body
                problems=form.problems
                input=Input::Area
                max=limits::ANNOUNCEMENT_BODY.1
                required=true
            />
            <div class="field-row">
                <Field id=id("starts") name=field::STARTS_AT label=tr!(field_news_starts) value=start problems=form.problems input=Input::Date hint=tr!(news_starts_hint) />
                <Field id=id("ends") name=field::ENDS_AT label=tr!(field_news_ends) value=end problems=form.problems input=Input::Date hint=tr!(news_ends_hint) />
            </div>
            <FormFailure failure=form.failure />
            <SubmitOrCancel sending=form.sending label=if editing_id.is_some() { tr!(save) } else { tr!(post_submit) } busy=tr!(sending) on_cancel />
        </form>
    }
}

/// "Post news" in one tap: the button, and in its place the form until it is posted or
/// given up; `on_posted` gets what was posted.
#[component]
pub fn PostNews(poster: Poster, cta: &'static str, on_posted: Callback<Announcement>) -> impl IntoView {
    let writing = RwSignal::new(false);
    let posted = Callback::new(move |a| {
        writing.set(false);
        on_posted.run(a);
    });
    move || {
        if writing.get() {
            view! { <NewsForm poster=poster.clone() on_done=posted on_cancel=Callback::new(move |()| writing.set(false)) /> }
                .into_any()
        } else {
            view! {
                <button type="button" class="button button-primary button-wide" on:click=move |_| writing.set(true)>
                    <span aria-hidden="true">"📣 "</span>
                    {cta}
                </button>
            }
            .into_any()
        }
    }
}

fn as_update(n: NewAnnouncement) -> AnnouncementUpdate {
    AnnouncementUpdate {
        kind: Some(n.kind),
        title: Some(n.title),
        body: Some(n.body),
        starts_at: n.starts_at,
        ends_at: n.ends_at,
    }
}

/// A list of announcements their poster keeps: each can be edited or deleted, and
/// pinned where `can_pin`. `empty` says what an empty list means.
#[component]
pub fn KeptNews(
    list: Paged<Announcement>,
    poster: Poster,
    can_pin: bool,
    empty: &'static str,
) -> impl IntoView {
    // What to show, apart from the items: a change to one item redraws that card (each
    // keeps its own copy), not the list.
    let state = Memo::new(move |_| (list.first(), list.is_empty()));
    move || match state.get() {
        (First::Loading, _) => view! { <p class="muted">{tr!(loading)}</p> }.into_any(),
        (First::Failed(error), _) => view! { <LoadError error on_retry=move || list.retry() /> }.into_any(),
        (First::Ready, true) => view! { <p class="empty">{empty}</p> }.into_any(),
        (First::Ready, false) => {
            let poster = poster.clone();
            view! {
                <ul class="announcements" role="list">
                    <For each=move || list.items() key=|a| a.id let(announcement)>
                        <KeptItem announcement list poster=poster.clone() can_pin />
                    </For>
                </ul>
                {list.show_more()}
            }
            .into_any()
        }
    }
}

/// What one can do to a kept announcement: what shows, and the buttons.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Mode {
    Shown,
    Editing,
    Deleting,
}

#[component]
fn KeptItem(
    announcement: Announcement,
    list: Paged<Announcement>,
    poster: Poster,
    can_pin: bool,
) -> impl IntoView {
    let mode = RwSignal::new(Mode::Shown);
    // A moderator keeps the district's own news; a shop's is its owner's to change.
    let editable = matches!(poster, Poster::Shop(_)) || announcement.shop.is_none();
    let current = RwSignal::new(announcement);
    let changed = Callback::new(move |a: Announcement| {
        current.set(a.clone());
        list.replace(a);
    });
    move || match mode.get() {
        Mode::Editing => view! {
            <li class="announcement announcement-editing">
                <NewsForm
                    poster=poster.clone()
                    editing=current.get_untracked()
                    on_done=Callback::new(move |a| {
                        changed.run(a);
                        mode.set(Mode::Shown);
                    })
                    on_cancel=Callback::new(move |()| mode.set(Mode::Shown))
                />
            </li>
        }
        .into_any(),
        _ => {
            let shown = current.get();
            view! {
                <AnnouncementCard announcement=shown.clone()>
                    <NewsActions announcement=shown list changed mode editable can_pin />
                </AnnouncementCard>
            }
            .into_any()
        }
    }
}

/// Edit, delete (asked twice), and pin.
#[component]
fn NewsActions(
    announcement: Announcement,
    list: Paged<Announcement>,
    changed: Callback<Announcement>,
    mode: RwSignal<Mode>,
    editable: bool,
    can_pin: bool,
) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let id = announcement.id;
    let pinned = announcement.pinned;
    let act = move |pin: Option<bool>| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failed.set(false);
        let api = api.clone();
        leptos::task::spawn_local(async move {
            let ok = match pin {
                Some(pin) => api.pin(id, pin).await.map(|a| changed.run(a)).is_ok(),
                None => api.delete_announcement(id).await.map(|()| list.remove(id)).is_ok(),
            };
            if ok && pin.is_some() {
                // The card is drawn again: the cursor goes back to the button it was on.
                crate::state::load::next_task().await;
                crate::components::form::focus_field(&format!("pin-{id}"));
            }
            announcer.say(match (ok, pin) {
                (false, _) => tr!(save_failed),
                (true, None) => tr!(news_deleted),
                (true, Some(true)) => tr!(news_pinned),
                (true, Some(false)) => tr!(news_unpinned),
            });
            failed.try_set(!ok);
            busy.try_set(false);
            // A delete that failed goes back from its question; nothing else changes the
            // mode (setting it anyway would draw the card again, and lose the cursor).
            if !ok && pin.is_none() {
                mode.try_set(Mode::Shown);
            }
        });
    };
    let act_delete = act.clone();
    view! {
        {move || {
            if mode.get() == Mode::Deleting {
                let act = act_delete.clone();
                return view! {
                    <p class="confirm" role="group" aria-label=tr!(news_delete_confirm)>
                        <span>{tr!(news_delete_confirm)}</span>
                        <button type="button" class="button button-danger" aria-busy=move || busy.get().then_some("true") on:click=move |_| act(None)>{tr!(delete)}</button>
                        <button type="button" class="button button-secondary" on:click=move |_| mode.set(Mode::Shown)>{tr!(cancel)}</button>
                    </p>
                }
                .into_any();
            }
            let act = act.clone();
            view! {
                {editable.then(|| view! {
                    <button type="button" class="button button-secondary" on:click=move |_| mode.set(Mode::Editing)>{tr!(edit)}</button>
                    <button type="button" class="button button-secondary" on:click=move |_| mode.set(Mode::Deleting)>{tr!(delete)}</button>
                })}
                {can_pin.then(|| view! {
                    <button
                        type="button"
                        id=format!("pin-{id}")
                        class="button button-secondary"
                        aria-pressed=if pinned { "true" } else { "false" }
                        aria-busy=move || busy.get().then_some("true")
                        on:click=move |_| act(Some(!pinned))
                    >
                        <span aria-hidden="true">"📌 "</span>
                        {tr!(news_pin)}
                    </button>
                })}
            }
            .into_any()
        }}
        {move || failed.get().then(|| view! { <p class="form-error" role="alert">{tr!(save_failed)}</p> })}
    }
}

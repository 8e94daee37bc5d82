//! Component tests in a real browser (headless Chromium via wasm-bindgen-test): the
//! support and follow toggles, a paged list, the proposal form's validation and draft,
//! a lazy page whose code fails to load, a timeline entry, and a card's goals.

#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use golmok_api::{
    Author, FollowState, Mover, Page, Proposal, ProposalKind, ProposalStatus, TimelineActor, TimelineEntry,
    TimelineKind, VoteState,
};
use golmok_web::api::ApiError;
use golmok_web::app::provide_app_state;
use golmok_web::components::goals::Goals;
use golmok_web::components::proposal_card::ProposalCard;
use golmok_web::components::vote_toggle::{FollowToggle, SendFollow, SendVote, VoteToggle};
use golmok_web::lazy::{self, ChunkError, LazyPage};
use golmok_web::pages::new_proposal::ProposalForm;
use golmok_web::pages::proposal::life::TimelineItem;
use golmok_web::state::paged::{First, Paged};
use golmok_web::state::session::Session;
use golmok_web::storage::{self, keys};
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `view` in a fresh container with the app's state, in Korean.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> HtmlElement {
    storage::save(keys::LANG, &"ko");
    let document = web_sys::window().unwrap().document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_app_state(Session::anonymous(), "http://127.0.0.1:9/api/v1");
        view()
    });
    handle.forget();
    container
}

/// Lets effects and spawned tasks run.
async fn settle() {
    for _ in 0..5 {
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
}

fn find(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).unchecked_into()
}

fn text(root: &HtmlElement, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

/// A sender that answers `answer` after a short wait, remembering what it was asked.
fn sender(answer: Result<i64, ApiError>, asked: Rc<std::cell::RefCell<Vec<bool>>>) -> SendVote {
    Rc::new(move |support| {
        asked.borrow_mut().push(support);
        let answer = answer.clone();
        Box::pin(async move {
            gloo_timers::future::TimeoutFuture::new(20).await;
            answer.map(|count| VoteState { proposal_id: 3, voted: support, vote_count: count })
        })
    })
}

#[wasm_bindgen_test]
async fn vote_toggle_changes_at_once_and_keeps_the_server_count() {
    let asked = Rc::new(std::cell::RefCell::new(Vec::new()));
    let send = sender(Ok(13), asked.clone());
    let root = mount(move || {
        view! { <VoteToggle voted=RwSignal::new(false) count=RwSignal::new(11) send /> }
    });
    let button = find(&root, "button.vote-toggle");
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert_eq!(text(&root, ".vote-count"), "11");
    assert_eq!(text(&root, ".vote-label"), "공감해요");

    button.click();
    // Optimistic: before the server answers.
    gloo_timers::future::TimeoutFuture::new(0).await;
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(text(&root, ".vote-count"), "12");
    assert_eq!(text(&root, ".vote-label"), "공감했어요", "the label changes too, not only colour");

    settle().await;
    assert_eq!(text(&root, ".vote-count"), "13", "the server's count wins once it answers");
    assert_eq!(*asked.borrow(), vec![true]);
    assert!(root.query_selector(".vote-error").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn vote_toggle_rolls_back_and_says_so_when_the_server_refuses() {
    let asked = Rc::new(std::cell::RefCell::new(Vec::new()));
    let refused = ApiError::Status { status: 500, code: "internal".into(), fields: vec![], wait: 0 };
    let send = sender(Err(refused), asked.clone());
    let root = mount(move || {
        view! { <VoteToggle voted=RwSignal::new(true) count=RwSignal::new(5) send /> }
    });
    let button = find(&root, "button.vote-toggle");
    button.click();
    gloo_timers::future::TimeoutFuture::new(0).await;
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert_eq!(text(&root, ".vote-count"), "4");

    settle().await;
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("true"), "rolled back");
    assert_eq!(text(&root, ".vote-count"), "5");
    assert!(text(&root, ".vote-error").contains("공감을 반영하지 못했어요"));
    assert_eq!(*asked.borrow(), vec![false]);
}

#[wasm_bindgen_test]
async fn a_refused_vote_says_why_when_trying_again_would_not_help() {
    let suspended = ApiError::Status { status: 403, code: "suspended".into(), fields: vec![], wait: 0 };
    let send = sender(Err(suspended), Rc::new(std::cell::RefCell::new(Vec::new())));
    let root = mount(move || {
        view! { <VoteToggle voted=RwSignal::new(false) count=RwSignal::new(2) send /> }
    });
    find(&root, "button.vote-toggle").click();
    settle().await;
    assert!(text(&root, ".vote-error").contains("글쓰기를 멈춰 두었어요"), "{}", text(&root, ".vote-error"));
    assert_eq!(text(&root, ".vote-count"), "2");

    // Too fast: how long to wait, in whole minutes, at least one.
    use golmok_web::components::load_error::error_text;
    let limited = |wait| ApiError::Status { status: 429, code: "rate_limited".into(), fields: vec![], wait };
    assert!(error_text(&limited(90)).contains("2분 뒤"), "{}", error_text(&limited(90)));
    assert!(error_text(&limited(1)).contains("1분 뒤"));
    assert!(error_text(&limited(0)).contains("1분 뒤"), "no Retry-After: a minute");
}

#[wasm_bindgen_test]
async fn follow_toggle_says_what_it_did_and_rolls_back_on_failure() {
    let answers = Rc::new(std::cell::RefCell::new(vec![Err(ApiError::Network), Ok(8)]));
    let send: SendFollow = Rc::new(move |follow| {
        let answer = answers.borrow_mut().pop().expect("asked more than twice");
        Box::pin(async move {
            answer.map(|count| FollowState { shop_id: 1, following: follow, follower_count: count })
        })
    });
    let root = mount(move || {
        view! { <FollowToggle following=RwSignal::new(false) count=RwSignal::new(7) send /> }
    });
    let button = find(&root, "button.follow-toggle");
    assert_eq!(text(&root, ".vote-label"), "단골 맺기");
    button.click();
    settle().await;
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!((text(&root, ".vote-label"), text(&root, ".vote-count")), ("단골이에요".into(), "8".into()));

    button.click();
    settle().await;
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("true"), "a failed unfollow is undone");
    assert_eq!(text(&root, ".vote-count"), "8");
    assert!(text(&root, ".vote-error").contains("단골 맺기를 반영하지 못했어요"));
}

/// A list of numbers paged two at a time through `pages`; `fail_once` fails the first
/// request for that cursor.
fn numbers(fail_once: Option<&'static str>) -> Paged<i64> {
    let failed = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    Paged::new(
        move |cursor: Option<String>| {
            let fail = cursor.as_deref() == fail_once
                && fail_once.is_some()
                && !failed.swap(true, std::sync::atomic::Ordering::Relaxed);
            async move {
                gloo_timers::future::TimeoutFuture::new(5).await;
                if fail {
                    return Err(ApiError::Network);
                }
                Ok(match cursor.as_deref() {
                    None => Page { items: vec![1, 2], next_cursor: Some("2".into()) },
                    // 2 again: a count moved and it came back on the next page.
                    Some("2") => Page { items: vec![2, 3, 4], next_cursor: Some("4".into()) },
                    _ => Page { items: vec![5], next_cursor: None },
                })
            }
        },
        |n: &i64| *n,
    )
}

#[wasm_bindgen_test]
async fn paged_lists_show_more_once_each_and_keep_the_list_when_more_fails() {
    let list = StoredValue::new_local(None::<Paged<i64>>);
    let root = mount(move || {
        let paged = numbers(Some("2"));
        list.set_value(Some(paged));
        view! {
            <p class="items">{move || paged.items().iter().map(i64::to_string).collect::<Vec<_>>().join(",")}</p>
            {paged.show_more()}
        }
    });
    settle().await;
    let paged = list.get_value().expect("mounted");
    assert_eq!(paged.first(), First::Ready);
    assert_eq!(text(&root, ".items"), "1,2");

    find(&root, "button").click();
    settle().await;
    assert_eq!(text(&root, ".items"), "1,2", "a failed page leaves the list as it was");
    assert!(text(&root, "[role=alert]").contains("인터넷"), "{}", text(&root, "[role=alert]"));
    assert_eq!(text(&root, "button"), "다시 시도");

    find(&root, "button").click();
    settle().await;
    assert_eq!(text(&root, ".items"), "1,2,3,4", "that page again, and 2 only once");
    assert!(root.query_selector("[role=alert]").unwrap().is_none());
    find(&root, "button").click();
    settle().await;
    assert_eq!(text(&root, ".items"), "1,2,3,4,5");
    assert!(root.query_selector("button").unwrap().is_none(), "nothing more, no button");
}

#[wasm_bindgen_test]
async fn vote_toggle_ignores_a_double_tap_while_sending() {
    let asked = Rc::new(std::cell::RefCell::new(Vec::new()));
    let send = sender(Ok(1), asked.clone());
    let root = mount(move || {
        view! { <VoteToggle voted=RwSignal::new(false) count=RwSignal::new(0) send /> }
    });
    let button = find(&root, "button.vote-toggle");
    button.click();
    button.click();
    settle().await;
    assert_eq!(*asked.borrow(), vec![true], "one request for two quick taps");
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("true"));
}

fn type_into(root: &HtmlElement, selector: &str, value: &str) {
    let input: HtmlInputElement = find(root, selector).unchecked_into();
    input.set_value(value);
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

fn blur(root: &HtmlElement, selector: &str) {
    find(root, selector).dispatch_event(&web_sys::Event::new("blur").unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn proposal_form_shows_field_errors_before_sending_and_keeps_a_draft() {
    storage::remove(&keys::proposal_draft("test-alley"));
    let root = mount(|| {
        view! {
            <Router>
                <ProposalForm slug="test-alley".to_owned() />
            </Router>
        }
    });
    settle().await;

    // Nothing shown before the person has left the field.
    assert!(root.query_selector("#title-error").unwrap().is_none());
    type_into(&root, "#title", "가");
    blur(&root, "#title");
    settle().await;
    assert_eq!(text(&root, "#title-error").trim(), "⚠ 2자 이상 입력해 주세요.");
    let title = find(&root, "#title");
    assert_eq!(title.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(title.get_attribute("aria-describedby").unwrap_or_default().contains("title-error"));

    // Fixing it clears the error as you type.
    type_into(&root, "#title", "가로등 설치 🏮");
    settle().await;
    assert!(root.query_selector("#title-error").unwrap().is_none());
    assert_eq!(title.get_attribute("aria-invalid"), None);

    // Submitting an incomplete form shows every problem and sends nothing.
    find(&root, "button[type=submit]").click();
    settle().await;
    assert_eq!(text(&root, "#body-error").trim(), "⚠ 꼭 입력해 주세요.");

    // What was typed is already a draft on this device.
    let draft: serde_json::Value = storage::load(&keys::proposal_draft("test-alley")).expect("a draft");
    assert_eq!(draft["title"], "가로등 설치 🏮");
    assert_eq!(draft["kind"], "event");
}

#[wasm_bindgen_test]
async fn proposal_form_restores_a_draft_and_hides_event_fields_for_improvements() {
    storage::save(
        &keys::proposal_draft("draft-alley"),
        &serde_json::json!({
            "kind": "improvement", "title": "주차 안내판", "body": "골목 입구에 안내판이 있으면 좋겠어요.",
            "event_date": "", "event_place": ""
        }),
    );
    let root = mount(|| {
        view! {
            <Router>
                <ProposalForm slug="draft-alley".to_owned() />
            </Router>
        }
    });
    settle().await;
    let title: HtmlInputElement = find(&root, "#title").unchecked_into();
    assert_eq!(title.value(), "주차 안내판");
    assert!(text(&root, ".notice-info").contains("초안"), "says the draft is back");
    let event_fields = find(&root, ".field-row");
    assert!(event_fields.has_attribute("hidden"), "no date or place for an improvement");
    let improvement: HtmlInputElement = find(&root, "input[value=improvement]").unchecked_into();
    assert!(improvement.checked());
}

thread_local! {
    static CHUNK_TRIES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// A page whose code fails to load on the first try only, as on a dropped connection.
fn flaky_page() -> LazyPage {
    LazyPage {
        preload: || {
            Box::pin(async {
                let tries = CHUNK_TRIES.with(|t| {
                    t.set(t.get() + 1);
                    t.get()
                });
                gloo_timers::future::TimeoutFuture::new(10).await;
                if tries == 1 { Err(ChunkError) } else { Ok(()) }
            })
        },
        view: || Box::pin(async { Ok(view! { <h1 class="lazy-page">"골목 지도"</h1> }.into_any()) }),
    }
}

#[wasm_bindgen_test]
async fn a_lazy_page_that_fails_to_load_offers_a_retry_that_works() {
    CHUNK_TRIES.with(|t| t.set(0));
    let root = mount(|| lazy::page(flaky_page()));
    // While the code loads: a placeholder, announced as busy.
    assert!(root.query_selector("[aria-busy=true]").unwrap().is_some());
    settle().await;
    assert!(root.query_selector(".lazy-page").unwrap().is_none());
    let alert = find(&root, "[role=alert]");
    assert!(alert.text_content().unwrap_or_default().contains("인터넷 연결"), "says what to check");
    assert!(root.query_selector("[aria-busy=true]").unwrap().is_none(), "no endless spinner");

    find(&root, "[role=alert] button").click();
    settle().await;
    assert_eq!(text(&root, "h1.lazy-page"), "골목 지도");
    assert!(root.query_selector("[role=alert]").unwrap().is_none());
    assert_eq!(CHUNK_TRIES.with(|t| t.get()), 2, "one retry, one more load");
}

#[wasm_bindgen_test]
async fn a_timeline_entry_says_what_who_and_why_in_words_and_as_text() {
    let entry = TimelineEntry {
        id: 1,
        kind: TimelineKind::Status,
        status: Some(ProposalStatus::Declined),
        note: "<b>예산</b>이 없어요\n내년에 다시 봐요".into(),
        actor: TimelineActor { role: Mover::Moderator, display_name: "은구비서로 상인회".into() },
        created_at: "2026-11-20T09:30:00Z".into(),
    };
    let root = mount(move || view! { <ul><TimelineItem entry /></ul> });
    settle().await;
    assert_eq!(text(&root, ".badge-status"), "보류됐어요", "the status in words");
    assert!(find(&root, ".badge-status").class_name().contains("status-declined"));
    assert_eq!(text(&root, ".timeline-actor"), "은구비서로 상인회");
    assert!(text(&root, ".timeline-meta").contains("운영진"), "the role they acted in");
    let note = find(&root, ".timeline-note");
    assert_eq!(note.text_content().unwrap(), "<b>예산</b>이 없어요\n내년에 다시 봐요");
    assert!(note.query_selector("b").unwrap().is_none(), "a note is text, never markup");
    assert_eq!(find(&root, "time").get_attribute("datetime").as_deref(), Some("2026-11-20T09:30:00Z"));

    let update = TimelineEntry {
        id: 2,
        kind: TimelineKind::Update,
        status: None,
        note: String::new(),
        actor: TimelineActor { role: Mover::Author, display_name: "노은동 주민".into() },
        created_at: "2026-11-21T09:30:00Z".into(),
    };
    let root = mount(move || view! { <ul><TimelineItem entry=update /></ul> });
    settle().await;
    assert_eq!(text(&root, ".badge-update"), "소식");
    assert!(text(&root, ".timeline-meta").contains("제안한 분"));
    assert!(root.query_selector(".timeline-note").unwrap().is_none(), "no empty note box");
}

/// A proposal of the demo district (20 supports and 3 pledges asked for), open.
fn proposal(votes: i64, pledges: i64) -> Proposal {
    Proposal {
        id: 9,
        district_slug: "eungubi-seo".into(),
        kind: ProposalKind::Improvement,
        title: "골목 화분".into(),
        body: "입구에 화분을 두어요".into(),
        status: ProposalStatus::Open,
        event_date: None,
        event_place: None,
        author: Author { id: 1, display_name: "노은동 주민".into() },
        vote_count: votes,
        comment_count: 0,
        answer_count: pledges,
        pledge_count: pledges,
        voted: false,
        created_at: "2026-11-20T09:30:00Z".into(),
        ready: votes >= 20 && pledges >= 3,
        expired: false,
        support_goal: 20,
        pledge_goal: 3,
    }
}

#[wasm_bindgen_test]
async fn a_card_counts_toward_its_goals_in_words_over_bars() {
    let root = mount(|| view! { <ul><ProposalCard proposal=proposal(7, 1) /></ul> });
    settle().await;
    assert_eq!(text(&root, ".count-votes"), "♡ 공감 7 / 20");
    assert!(find(&root, ".count-votes").class_name().contains("count-goal fill-3"), "7 of 20: three tenths");
    assert_eq!(text(&root, ".count-pledges"), "🤝 약속 1 / 3");
    assert!(find(&root, ".count-pledges").class_name().contains("fill-3"));
    assert!(root.query_selector(".badge-ready, .badge-expired").unwrap().is_none());

    // Over the goal: the bar stays full. Ready, said in words by the status.
    let root = mount(|| view! { <ul><ProposalCard proposal=proposal(25, 3) /></ul> });
    settle().await;
    assert!(find(&root, ".count-votes").class_name().contains("fill-10"));
    assert_eq!(text(&root, ".badge-ready"), "답변 차례");

    // Expired, with its final counts.
    let expired = Proposal { expired: true, ..proposal(2, 0) };
    let root = mount(move || view! { <ul><ProposalCard proposal=expired /></ul> });
    settle().await;
    assert_eq!(text(&root, ".badge-expired"), "기한 지남");
    assert_eq!(text(&root, ".count-votes"), "♡ 공감 2 / 20");

    // Answered: no goals left, plain counts, no pledge count when there is none.
    let accepted = Proposal { status: ProposalStatus::Accepted, ..proposal(12, 0) };
    let root = mount(move || view! { <ul><ProposalCard proposal=accepted /></ul> });
    settle().await;
    assert_eq!(text(&root, ".count-votes"), "♡ 공감 12");
    assert!(root.query_selector(".count-goal, .count-pledges, .badge-ready").unwrap().is_none());

    // A district that asks for no pledge: supports only.
    let supports_only = Proposal { pledge_goal: 0, ..proposal(3, 0) };
    let root = mount(move || view! { <ul><ProposalCard proposal=supports_only /></ul> });
    settle().await;
    assert_eq!(text(&root, ".count-votes"), "♡ 공감 3 / 20");
    assert!(root.query_selector(".count-pledges").unwrap().is_none());
}

#[wasm_bindgen_test]
fn goals_follow_a_support_and_a_move_made_on_the_page() {
    let goals = |p: Proposal| Goals::of(&p).expect("open, with a goal");
    let reached = goals(proposal(19, 3)).after(20, ProposalStatus::Open);
    assert!(reached.ready && !reached.expired, "the twentieth support makes it ready");
    let taken_back = goals(proposal(20, 3)).after(19, ProposalStatus::Open);
    assert!(!taken_back.ready, "one taken back: not ready any more");
    let short_of_pledges = goals(proposal(19, 2)).after(20, ProposalStatus::Open);
    assert!(!short_of_pledges.ready, "both goals, not one");
    let answered = goals(proposal(20, 3)).after(20, ProposalStatus::Accepted);
    assert!(!answered.ready, "answered: nothing owed");

    let old = goals(Proposal { expired: true, ..proposal(5, 0) });
    assert!(old.after(5, ProposalStatus::Open).expired, "still short: still expired");
    assert!(!old.after(5, ProposalStatus::UnderReview).expired, "under review: being answered");
    let old_reached = Proposal { expired: true, ..proposal(19, 3) };
    let late = goals(old_reached).after(20, ProposalStatus::Open);
    assert!(late.ready && !late.expired, "an expired proposal that reaches the goals is ready");
}

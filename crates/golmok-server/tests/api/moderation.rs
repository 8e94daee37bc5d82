//! Reports and hiding: a report reaches the district's moderators only, a decision
//! closes it, and a hidden item is gone for everyone but its author (who reads why) from
//! every endpoint, list and count; shown again, it is all back.

use golmok_api::{
    Announcement, Answer, Comment, District, FeedItem, HiddenItem, Moderated, Proposal, ProposalKind, Report,
    ReportTarget, ReportedItem, Suspension,
};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{TestServer, demo_server, expect, expect_error, walk_pages};

const QUEUE: &str = "/api/v1/districts/eungubi-seo/reports";

async fn report(s: &TestServer, token: &str, target: &str, id: i64, reason: &str) -> reqwest::Response {
    s.post("/api/v1/reports", Some(token), &json!({"target": target, "target_id": id, "reason": reason}))
        .await
}

async fn decide(s: &TestServer, token: &str, path: &str, hidden: bool, note: &str) -> reqwest::Response {
    s.send_json(Method::PUT, path, Some(token), &json!({"hidden": hidden, "note": note})).await
}

/// A decision made on what the moderator saw: hidden or not (`was_hidden`).
async fn decide_seen(
    s: &TestServer,
    token: &str,
    path: &str,
    (hidden, was): (bool, bool),
    note: &str,
) -> reqwest::Response {
    let body = json!({"hidden": hidden, "note": note, "was_hidden": was});
    s.send_json(Method::PUT, path, Some(token), &body).await
}

#[tokio::test]
async fn a_reported_comment_reaches_the_moderators_who_hide_it_and_its_author_reads_why() {
    let s = demo_server().await;
    let writer = s.register("writer@example.com", "글쓴이").await;
    let reporter = s.register("reporter@example.com", "신고한 이웃").await;
    let moderator = s.login_demo("moderator@example.com").await.token;
    let other_moderator = s.login_demo("moderator2@example.com").await.token;
    let comments_path = "/api/v1/proposals/1/comments";
    let before: Proposal = expect(s.get("/api/v1/proposals/1", None).await, StatusCode::OK).await;
    let comment: Comment = expect(
        s.post(comments_path, Some(&writer.token), &json!({"body": "광고: 싸게 팔아요 010-0000-0000"})).await,
        StatusCode::CREATED,
    )
    .await;

    // A report needs a reason and an item that is there.
    let body = expect_error(
        report(&s, &reporter.token, "comment", comment.id, " ").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(body.error.fields[0].field, "reason");
    expect_error(
        report(&s, &reporter.token, "comment", 999_999, "광고예요").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let res = s
        .post(
            "/api/v1/reports",
            None,
            &json!({"target": "comment", "target_id": comment.id, "reason": "광고"}),
        )
        .await;
    expect_error(res, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let first: Report =
        expect(report(&s, &reporter.token, "comment", comment.id, "광고예요").await, StatusCode::CREATED)
            .await;
    let again: Report =
        expect(report(&s, &reporter.token, "comment", comment.id, "또 광고예요").await, StatusCode::OK).await;
    assert_eq!(again, first, "a second report by the same person adds nothing");
    expect::<Report>(
        report(&s, &moderator, "comment", comment.id, "전화번호가 있어요").await,
        StatusCode::CREATED,
    )
    .await;

    // The district's moderators see it, with every reason and not who gave it.
    let queue: Vec<ReportedItem> = walk_pages(&s, QUEUE, Some(&moderator)).await;
    let item = queue
        .iter()
        .find(|i| i.target == ReportTarget::Comment && i.target_id == comment.id)
        .expect("queued");
    assert_eq!(
        (item.proposal_id, item.text.as_str(), item.author.id),
        (Some(1), comment.body.as_str(), writer.user.id)
    );
    let reasons: Vec<_> = item.reasons.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(reasons, ["광고예요", "전화번호가 있어요"]);
    // Read as sent, not through the contract's types (which would drop any extra field).
    let raw = s.get(QUEUE, Some(&moderator)).await.text().await.unwrap();
    assert!(raw.contains(&writer.user.display_name), "the raw queue is the one read above");
    for told in [reporter.user.display_name.as_str(), "reporter@example.com", "reporter_id"] {
        assert!(!raw.contains(told), "reporters are not named: {told}");
    }
    for token in [&reporter.token, &other_moderator] {
        expect_error(s.get(QUEUE, Some(token)).await, StatusCode::FORBIDDEN, "forbidden").await;
    }

    // Hiding says why; only the district's moderators may.
    let hide = format!("/api/v1/comments/{}/hidden", comment.id);
    expect_error(
        decide(&s, &moderator, &hide, true, "").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    for token in [&reporter.token, &other_moderator, &writer.token] {
        expect_error(decide(&s, token, &hide, true, "광고").await, StatusCode::FORBIDDEN, "forbidden").await;
    }
    let note = "전화번호가 담긴 광고라서 가렸어요.";
    let done: Moderated = expect(decide(&s, &moderator, &hide, true, note).await, StatusCode::OK).await;
    assert_eq!((done.hidden, done.reports_closed), (true, 2));
    assert!(
        walk_pages::<ReportedItem>(&s, QUEUE, Some(&moderator))
            .await
            .iter()
            .all(|i| i.target_id != comment.id || i.target != ReportTarget::Comment)
    );

    // Gone for everyone else: the list, the count, a new report.
    let listed: Vec<Comment> = walk_pages(&s, comments_path, Some(&writer.token)).await;
    assert!(listed.iter().all(|c| c.id != comment.id));
    let after: Proposal = expect(s.get("/api/v1/proposals/1", None).await, StatusCode::OK).await;
    assert_eq!(after.comment_count, before.comment_count);
    expect_error(
        report(&s, &reporter.token, "comment", comment.id, "또요").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    // Other moderators do not learn it exists.
    expect_error(decide(&s, &other_moderator, &hide, false, "").await, StatusCode::NOT_FOUND, "not_found")
        .await;

    // Its author reads why; nobody else has anything hidden.
    let mine: Vec<HiddenItem> = walk_pages(&s, "/api/v1/me/hidden", Some(&writer.token)).await;
    assert_eq!(mine.len(), 1);
    assert_eq!(
        (mine[0].target, mine[0].target_id, mine[0].note.as_str()),
        (ReportTarget::Comment, comment.id, note)
    );
    assert_eq!((mine[0].proposal_id, mine[0].text.as_str()), (Some(1), comment.body.as_str()));
    assert!(walk_pages::<HiddenItem>(&s, "/api/v1/me/hidden", Some(&reporter.token)).await.is_empty());

    // Shown again, it is back, counted, and no longer the author's to wonder about.
    expect::<Moderated>(decide(&s, &moderator, &hide, false, "").await, StatusCode::OK).await;
    let listed: Vec<Comment> = walk_pages(&s, comments_path, None).await;
    assert!(listed.iter().any(|c| c.id == comment.id));
    let back: Proposal = expect(s.get("/api/v1/proposals/1", None).await, StatusCode::OK).await;
    assert_eq!(back.comment_count, before.comment_count + 1);
    assert!(walk_pages::<HiddenItem>(&s, "/api/v1/me/hidden", Some(&writer.token)).await.is_empty());
}

#[tokio::test]
async fn keeping_an_item_closes_its_reports_and_changes_nothing_else() {
    let s = demo_server().await;
    let reporter = s.register("reporter@example.com", "신고한 이웃").await;
    let moderator = s.login_demo("moderator@example.com").await.token;
    expect::<Report>(
        report(&s, &reporter.token, "proposal", 3, "마음에 안 들어요").await,
        StatusCode::CREATED,
    )
    .await;
    let kept: Moderated =
        expect(decide(&s, &moderator, "/api/v1/proposals/3/hidden", false, "").await, StatusCode::OK).await;
    assert_eq!((kept.hidden, kept.reports_closed), (false, 1));
    assert!(walk_pages::<ReportedItem>(&s, QUEUE, Some(&moderator)).await.is_empty());
    expect::<Proposal>(s.get("/api/v1/proposals/3", None).await, StatusCode::OK).await;
    // Reported again after the decision: a new report waits.
    expect::<Report>(
        report(&s, &reporter.token, "proposal", 3, "그래도 이상해요").await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(walk_pages::<ReportedItem>(&s, QUEUE, Some(&moderator)).await.len(), 1);
}

/// Two moderators on one report: the second decided on what they saw, which is no longer
/// so, and is told instead of undoing the first. Keeping hidden what is hidden keeps the
/// note its author read.
#[tokio::test]
async fn a_decision_on_what_changed_meanwhile_is_refused() {
    let s = demo_server().await;
    let writer = s.register("writer@example.com", "글쓴이").await;
    let reporter = s.register("reporter@example.com", "신고한 이웃").await;
    let moderator = s.login_demo("moderator@example.com").await.token;
    let comment: Comment = expect(
        s.post("/api/v1/proposals/1/comments", Some(&writer.token), &json!({"body": "광고예요 광고"})).await,
        StatusCode::CREATED,
    )
    .await;
    expect::<Report>(report(&s, &reporter.token, "comment", comment.id, "광고").await, StatusCode::CREATED)
        .await;
    let seen: Vec<ReportedItem> = walk_pages(&s, QUEUE, Some(&moderator)).await;
    let was = seen.iter().find(|i| i.target_id == comment.id).expect("queued").hidden;
    assert!(!was);
    let hide = format!("/api/v1/comments/{}/hidden", comment.id);
    let first: Moderated =
        expect(decide_seen(&s, &moderator, &hide, (true, was), "광고라서 가렸어요").await, StatusCode::OK)
            .await;
    assert_eq!(first.reports_closed, 1);

    // The second one's "keep" was made on the shown comment: refused, nothing changes.
    expect_error(
        decide_seen(&s, &moderator, &hide, (false, was), "").await,
        StatusCode::CONFLICT,
        "conflict",
    )
    .await;
    let mine: Vec<HiddenItem> = walk_pages(&s, "/api/v1/me/hidden", Some(&writer.token)).await;
    assert_eq!(mine.iter().map(|h| h.note.as_str()).collect::<Vec<_>>(), ["광고라서 가렸어요"]);
    let hidden_at = mine[0].hidden_at.clone();

    // Keeping it hidden, no note needed: the first note and time stay.
    let kept: Moderated =
        expect(decide_seen(&s, &moderator, &hide, (true, true), " ").await, StatusCode::OK).await;
    assert!(kept.hidden);
    let mine: Vec<HiddenItem> = walk_pages(&s, "/api/v1/me/hidden", Some(&writer.token)).await;
    assert_eq!(
        (mine[0].note.as_str(), mine[0].hidden_at.as_str()),
        ("광고라서 가렸어요", hidden_at.as_str())
    );
    // Hiding it anew without a note is still refused; with one, the note is the new one.
    expect_error(
        decide(&s, &moderator, &hide, true, "").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    expect::<Moderated>(decide(&s, &moderator, &hide, true, "다시 보니 사기예요").await, StatusCode::OK)
        .await;
    let mine: Vec<HiddenItem> = walk_pages(&s, "/api/v1/me/hidden", Some(&writer.token)).await;
    assert_eq!(mine[0].note, "다시 보니 사기예요");
    // Shown again on what was seen, it is back.
    expect::<Moderated>(decide_seen(&s, &moderator, &hide, (false, true), "").await, StatusCode::OK).await;
    assert!(walk_pages::<HiddenItem>(&s, "/api/v1/me/hidden", Some(&writer.token)).await.is_empty());
}

/// An announcement deleted while reported leaves nothing to decide: its reports go, and
/// the queue's pages still reach every item after it.
#[tokio::test]
async fn a_deleted_announcement_leaves_the_queue_whole() {
    let s = demo_server().await;
    let reporter = s.register("reporter@example.com", "신고한 이웃").await;
    let moderator = s.login_demo("moderator@example.com").await.token;
    let merchant = s.login_demo("merchant@example.com").await;
    let shop = merchant.user.roles[0].shop_id.unwrap();
    let news: Announcement = expect(
        s.post(
            &format!("/api/v1/shops/{shop}/announcements"),
            Some(&merchant.token),
            &json!({"kind": "sale", "title": "곧 지울 소식", "body": "오늘만 할인해요."}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    expect::<Report>(
        report(&s, &reporter.token, "announcement", news.id, "과장 광고").await,
        StatusCode::CREATED,
    )
    .await;
    for id in [3, 4] {
        expect::<Report>(report(&s, &reporter.token, "proposal", id, "이상해요").await, StatusCode::CREATED)
            .await;
    }
    let at = format!("/api/v1/announcements/{}", news.id);
    let res = s.request(Method::DELETE, &at, Some(&merchant.token)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);

    let queue: Vec<ReportedItem> = walk_pages(&s, &format!("{QUEUE}?limit=1"), Some(&moderator)).await;
    let left: Vec<_> = queue.iter().map(|i| (i.target, i.target_id)).collect();
    assert_eq!(left, [(ReportTarget::Proposal, 3), (ReportTarget::Proposal, 4)]);
}

/// The bakery's answer to the night market (proposal 2), its pledge, the bakery's news,
/// and a proposal: each hidden, and gone from every place it showed; each shown again,
/// back in all of them.
#[tokio::test]
async fn a_hidden_item_is_gone_from_every_list_count_and_feed() {
    let s = demo_server().await;
    let moderator = s.login_demo("moderator@example.com").await.token;
    let resident = s.login_demo("resident@example.com").await.token; // a regular of the bakery
    let merchant = s.login_demo("merchant@example.com").await;
    let shop = merchant.user.roles.iter().find_map(|r| r.shop_id).unwrap();
    let answers: Vec<Answer> = walk_pages(&s, "/api/v1/proposals/2/answers", None).await;
    let answer = answers.iter().find(|a| a.shop.id == shop).expect("the bakery answered").clone();
    let news: Announcement = expect(
        s.post(
            &format!("/api/v1/shops/{shop}/announcements"),
            Some(&merchant.token),
            &json!({"kind": "sale", "title": "빵 할인", "body": "오늘 빵이 반값이에요."}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let p = s.create_proposal(&resident, "곧 가려질 제안", ProposalKind::Improvement).await;

    let counts = |p: &Proposal| (p.answer_count, p.pledge_count);
    let night: Proposal = expect(s.get("/api/v1/proposals/2", None).await, StatusCode::OK).await;
    let visible = Visible::read(&s, &resident, shop, answer.id, news.id, p.id).await;
    assert_eq!(visible, Visible::ALL, "everything shows before");

    for (path, hidden) in [
        (format!("/api/v1/answers/{}/hidden", answer.id), Visible { answer: false, ..Visible::ALL }),
        (format!("/api/v1/announcements/{}/hidden", news.id), Visible { news: false, ..Visible::ALL }),
        (format!("/api/v1/proposals/{}/hidden", p.id), Visible { proposal: false, ..Visible::ALL }),
    ] {
        expect::<Moderated>(decide(&s, &moderator, &path, true, "가렸어요").await, StatusCode::OK).await;
        assert_eq!(Visible::read(&s, &resident, shop, answer.id, news.id, p.id).await, hidden, "{path}");
        if !hidden.answer {
            let now: Proposal = expect(s.get("/api/v1/proposals/2", None).await, StatusCode::OK).await;
            assert_eq!(
                counts(&now),
                (counts(&night).0 - 1, counts(&night).1 - 1),
                "the answer and its pledge"
            );
        }
        expect::<Moderated>(decide(&s, &moderator, &path, false, "").await, StatusCode::OK).await;
        assert_eq!(
            Visible::read(&s, &resident, shop, answer.id, news.id, p.id).await,
            Visible::ALL,
            "{path} shown"
        );
    }
    let now: Proposal = expect(s.get("/api/v1/proposals/2", None).await, StatusCode::OK).await;
    assert_eq!(counts(&now), counts(&night), "counted again");
}

/// Where each of the three shows, as everyone but its author sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Visible {
    answer: bool,
    news: bool,
    proposal: bool,
}

impl Visible {
    const ALL: Visible = Visible { answer: true, news: true, proposal: true };

    /// Each is "visible" only if every place it shows agrees, else the test fails.
    async fn read(s: &TestServer, reader: &str, shop: i64, answer: i64, news: i64, proposal: i64) -> Visible {
        let answer_in = [
            walk_pages::<Answer>(s, "/api/v1/proposals/2/answers", None).await.iter().any(|a| a.id == answer),
            walk_pages::<Value>(s, &format!("/api/v1/shops/{shop}/answers"), None)
                .await
                .iter()
                .any(|a| a["answer"]["id"] == answer),
            walk_pages::<FeedItem>(s, "/api/v1/me/feed", Some(reader))
                .await
                .iter()
                .any(|f| f.answer.as_ref().is_some_and(|a| a.id == answer)),
        ];
        let district: District =
            expect(s.get("/api/v1/districts/eungubi-seo", None).await, StatusCode::OK).await;
        let news_in = [
            walk_pages::<Announcement>(s, "/api/v1/districts/eungubi-seo/announcements", None)
                .await
                .iter()
                .any(|a| a.id == news),
            walk_pages::<Announcement>(s, &format!("/api/v1/shops/{shop}/announcements"), None)
                .await
                .iter()
                .any(|a| a.id == news),
            walk_pages::<FeedItem>(s, "/api/v1/me/feed", Some(reader))
                .await
                .iter()
                .any(|f| f.announcement.as_ref().is_some_and(|a| a.id == news)),
            district.news.iter().any(|a| a.id == news),
        ];
        let one = s.get(&format!("/api/v1/proposals/{proposal}"), None).await.status() == StatusCode::OK;
        let proposal_in = [
            one,
            walk_pages::<Proposal>(s, "/api/v1/districts/eungubi-seo/proposals?limit=50", None)
                .await
                .iter()
                .any(|p| p.id == proposal),
            s.get(&format!("/api/v1/proposals/{proposal}/comments"), None).await.status() == StatusCode::OK,
            s.get(&format!("/api/v1/proposals/{proposal}/timeline"), None).await.status() == StatusCode::OK,
        ];
        let all = |places: &[bool], what: &str| {
            assert!(places.iter().all(|p| *p == places[0]), "{what} shows in some places only: {places:?}");
            places[0]
        };
        Visible {
            answer: all(&answer_in, "the answer"),
            news: all(&news_in, "the news"),
            proposal: all(&proposal_in, "the proposal"),
        }
    }
}

/// A suspended account still reads, and writes in other districts; in the district that
/// suspended it, every write is 403 `suspended` until a moderator lifts it.
#[tokio::test]
async fn a_suspended_account_reads_but_writes_nothing_in_that_district() {
    let s = demo_server().await;
    let moderator = s.login_demo("moderator@example.com").await;
    let resident = s.register("loud@example.com", "시끄러운 이웃").await;
    let merchant = s.login_demo("merchant@example.com").await;
    let shop = merchant.user.roles[0].shop_id.unwrap();
    let own = s.create_proposal(&resident.token, "정지 전에 쓴 제안", ProposalKind::Improvement).await;
    let at = |user: i64| format!("/api/v1/districts/eungubi-seo/suspensions/{user}");
    let note = json!({"note": "같은 광고를 계속 올려서 멈췄어요."});

    // Only with a note, only an account that exists, never a moderator of the district.
    let res =
        s.send_json(Method::PUT, &at(resident.user.id), Some(&moderator.token), &json!({"note": " "})).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let res = s.send_json(Method::PUT, &at(999_999), Some(&moderator.token), &note).await;
    expect_error(res, StatusCode::NOT_FOUND, "not_found").await;
    let res = s.send_json(Method::PUT, &at(moderator.user.id), Some(&moderator.token), &note).await;
    expect_error(res, StatusCode::CONFLICT, "conflict").await;
    for who in [&resident, &merchant] {
        let done: Suspension = expect(
            s.send_json(Method::PUT, &at(who.user.id), Some(&moderator.token), &note).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!((done.user.id, done.suspended_by.id), (who.user.id, moderator.user.id));
    }
    let listed: Vec<Suspension> =
        walk_pages(&s, "/api/v1/districts/eungubi-seo/suspensions?limit=1", Some(&moderator.token)).await;
    assert_eq!(listed.iter().map(|x| x.user.id).collect::<Vec<_>>(), [merchant.user.id, resident.user.id]);
    assert_eq!(listed[1].note, "같은 광고를 계속 올려서 멈췄어요.");

    // Every write there, its own proposal's included, is refused as suspended.
    let p = format!("/api/v1/proposals/{}", own.id);
    let writes = [
        (
            Method::POST,
            "/api/v1/districts/eungubi-seo/proposals".to_owned(),
            json!({"kind": "event", "title": "또 올린 광고", "body": "광고예요 광고"}),
        ),
        (Method::POST, "/api/v1/proposals/1/comments".to_owned(), json!({"body": "광고"})),
        (Method::PUT, "/api/v1/proposals/1/vote".to_owned(), json!({})),
        (Method::PATCH, p.clone(), json!({"title": "고친 제목이에요"})),
        (Method::POST, format!("{p}/updates"), json!({"note": "소식이에요"})),
        (Method::POST, format!("{p}/status"), json!({"status": "withdrawn"})),
        (
            Method::POST,
            "/api/v1/reports".to_owned(),
            json!({"target": "proposal", "target_id": 1, "reason": "싫어요"}),
        ),
    ];
    for (method, path, body) in writes {
        let res = s.send_json(method.clone(), &path, Some(&resident.token), &body).await;
        expect_error(res, StatusCode::FORBIDDEN, "suspended").await;
    }
    let news = json!({"kind": "sale", "title": "정지 중 소식", "body": "할인해요."});
    let res = s.post(&format!("/api/v1/shops/{shop}/announcements"), Some(&merchant.token), &news).await;
    expect_error(res, StatusCode::FORBIDDEN, "suspended").await;
    let answer = json!({"stance": "support", "message": "응원해요"});
    let res = s
        .send_json(
            Method::PUT,
            &format!("/api/v1/proposals/1/answers/{shop}"),
            Some(&merchant.token),
            &answer,
        )
        .await;
    expect_error(res, StatusCode::FORBIDDEN, "suspended").await;

    // It still reads, and writes in another district.
    expect::<Proposal>(s.get(&p, Some(&resident.token)).await, StatusCode::OK).await;
    let elsewhere =
        json!({"kind": "improvement", "title": "동명동에 올린 제안", "body": "카페거리 의자를 늘려요."});
    let res = s.post("/api/v1/districts/dongmyeong/proposals", Some(&resident.token), &elsewhere).await;
    expect::<Proposal>(res, StatusCode::CREATED).await;

    // Lifted, it writes again; lifting twice finds nothing.
    let res = s.request(Method::DELETE, &at(resident.user.id), Some(&moderator.token)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = s.request(Method::DELETE, &at(resident.user.id), Some(&moderator.token)).send().await.unwrap();
    expect_error(res, StatusCode::NOT_FOUND, "not_found").await;
    assert!(s.vote(&resident.token, 1, true).await.voted);
}

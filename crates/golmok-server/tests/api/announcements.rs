//! Announcements: who posts, edits, deletes and pins them, and when they show.

use golmok_api::{Announcement, AnnouncementKind, FieldErrorCode, Page, instants};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{TestServer, demo_server, expect, expect_error, field_codes, walk_pages};

const DISTRICT_FEED: &str = "/api/v1/districts/eungubi-seo/announcements";
const MERCHANT: &str = "merchant@example.com";
const MODERATOR: &str = "moderator@example.com";

/// An instant `days` from now, in Seoul's offset as a phone would send it.
/// `days` from now, written as Seoul time (`…+09:00`): the server answers it in UTC.
fn days_from_now(days: i64) -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    // The UTC text of the instant nine hours later has Seoul's wall clock of this one.
    let seoul_clock = instants::format(now + days * 86_400 + 9 * 3600);
    format!("{}+09:00", &seoul_clock[..19])
}

fn sale(title: &str) -> Value {
    json!({"kind": "sale", "title": title, "body": "금요일 하루만 우유식빵 1+1이에요."})
}

async fn feed(s: &TestServer, path: &str) -> Vec<Announcement> {
    let sep = if path.contains('?') { '&' } else { '?' };
    walk_pages(s, &format!("{path}{sep}limit=1"), None).await
}

async fn bakery(s: &TestServer) -> (String, i64) {
    let merchant = s.login_demo(MERCHANT).await;
    let shop = merchant.user.roles[0].shop_id.unwrap();
    (merchant.token, shop)
}

#[tokio::test]
async fn a_shop_announces_for_thirty_days_and_the_district_pins() {
    let s = demo_server().await;
    let before = feed(&s, DISTRICT_FEED).await;
    let (merchant, shop) = bakery(&s).await;
    let path = format!("/api/v1/shops/{shop}/announcements");
    let posted: Announcement =
        expect(s.post(&path, Some(&merchant), &sale("식빵 1+1")).await, StatusCode::CREATED).await;
    assert_eq!(
        (posted.kind, posted.title.as_str(), posted.pinned),
        (AnnouncementKind::Sale, "식빵 1+1", false)
    );
    assert_eq!(posted.shop.as_ref().map(|s| s.id), Some(shop));
    let (starts, ends) =
        (instants::parse(&posted.starts_at).unwrap(), instants::parse(&posted.ends_at).unwrap());
    assert_eq!(ends - starts, 30 * 86_400, "thirty days unless told");

    let moderator = s.login_demo(MODERATOR).await;
    let notice = json!({"kind": "notice", "title": "골목 대청소 날", "body": "토요일 아침 9시, 다 같이 쓸어요.", "ends_at": days_from_now(7)});
    let district: Announcement =
        expect(s.post(DISTRICT_FEED, Some(&moderator.token), &notice).await, StatusCode::CREATED).await;
    assert_eq!(district.shop, None);

    // Newest first; then pinned first, whatever its age.
    let ids = |list: &[Announcement]| list.iter().map(|a| a.id).collect::<Vec<_>>();
    let now = feed(&s, DISTRICT_FEED).await;
    let new: Vec<i64> = ids(&now).into_iter().filter(|id| !ids(&before).contains(id)).collect();
    assert_eq!(new, vec![district.id, posted.id], "newest first");
    assert_eq!(now.len(), before.len() + 2);
    let pin = |id: i64, method: Method| {
        s.request(method, &format!("/api/v1/announcements/{id}/pin"), Some(&moderator.token)).send()
    };
    let pinned: Announcement = expect(pin(posted.id, Method::PUT).await.unwrap(), StatusCode::OK).await;
    assert!(pinned.pinned);
    let now = feed(&s, DISTRICT_FEED).await;
    assert_eq!(now[0].id, posted.id, "pinned first");
    assert_eq!(now.len(), before.len() + 2, "paging through pinned and unpinned loses none");
    let one_page: Page<Announcement> =
        expect(s.get(&format!("{DISTRICT_FEED}?limit=50"), None).await, StatusCode::OK).await;
    assert_eq!(ids(&one_page.items), ids(&now));
    let unpinned: Announcement = expect(pin(posted.id, Method::DELETE).await.unwrap(), StatusCode::OK).await;
    assert!(!unpinned.pinned);

    let current: Vec<Announcement> = feed(&s, &path).await;
    assert_eq!(current[0].id, posted.id, "the shop's page, newest first");
    assert!(current.iter().all(|a| a.shop.as_ref().is_some_and(|s| s.id == shop)));
    assert!(!feed(&s, &format!("{path}?when=past")).await.iter().any(|a| a.id == posted.id));
}

#[tokio::test]
async fn an_announcement_shows_between_its_start_and_its_end() {
    let s = demo_server().await;
    let (merchant, shop) = bakery(&s).await;
    let path = format!("/api/v1/shops/{shop}/announcements");
    let mut ended = sale("지난주 할인");
    ended["starts_at"] = json!(days_from_now(-8));
    ended["ends_at"] = json!(days_from_now(-1));
    let ended: Announcement = expect(s.post(&path, Some(&merchant), &ended).await, StatusCode::CREATED).await;
    assert!(ended.ends_at.ends_with('Z'), "answered in UTC: {}", ended.ends_at);
    let mut coming = sale("다음 주 할인");
    coming["starts_at"] = json!(days_from_now(2));
    let coming: Announcement =
        expect(s.post(&path, Some(&merchant), &coming).await, StatusCode::CREATED).await;

    let shown: Vec<i64> = feed(&s, DISTRICT_FEED).await.iter().map(|a| a.id).collect();
    assert!(!shown.contains(&ended.id) && !shown.contains(&coming.id));
    let past: Vec<i64> = feed(&s, &format!("{path}?when=past")).await.iter().map(|a| a.id).collect();
    assert!(past.contains(&ended.id) && !past.contains(&coming.id), "past: ended ones only");
    assert!(!feed(&s, &path).await.iter().any(|a| a.id == ended.id || a.id == coming.id));

    // What is still to come, only its owner sees.
    let upcoming = format!("{path}?when=upcoming");
    let mine: Page<Announcement> = expect(s.get(&upcoming, Some(&merchant)).await, StatusCode::OK).await;
    assert!(mine.items.iter().any(|a| a.id == coming.id) && !mine.items.iter().any(|a| a.id == ended.id));
    expect_error(s.get(&upcoming, None).await, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let other = s.register("someone@example.com", "누군가").await;
    expect_error(s.get(&upcoming, Some(&other.token)).await, StatusCode::FORBIDDEN, "forbidden").await;
    let moderator = s.login_demo(MODERATOR).await;
    expect_error(s.get(&upcoming, Some(&moderator.token)).await, StatusCode::FORBIDDEN, "forbidden").await;
    // Nor can anyone report it: its words are not out yet, and must not reach the queue.
    let report = json!({"target": "announcement", "target_id": coming.id, "reason": "미리 봤어요"});
    expect_error(
        s.post("/api/v1/reports", Some(&other.token), &report).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;

    // Moved to start now, it shows; an end before its start is refused.
    let res = s
        .send_json(
            Method::PATCH,
            &format!("/api/v1/announcements/{}", coming.id),
            Some(&merchant),
            &json!({"starts_at": days_from_now(0)}),
        )
        .await;
    let moved: Announcement = expect(res, StatusCode::OK).await;
    assert!(moved.updated_at >= coming.updated_at);
    assert!(feed(&s, DISTRICT_FEED).await.iter().any(|a| a.id == coming.id));
    expect::<Value>(s.post("/api/v1/reports", Some(&other.token), &report).await, StatusCode::CREATED).await;
    let res = s
        .send_json(
            Method::PATCH,
            &format!("/api/v1/announcements/{}", coming.id),
            Some(&merchant),
            &json!({"ends_at": days_from_now(-1)}),
        )
        .await;
    let body = expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(field_codes(&body), vec![("ends_at", FieldErrorCode::Invalid)]);
    expect_error(s.get(&format!("{path}?when=someday"), None).await, StatusCode::BAD_REQUEST, "bad_request")
        .await;
}

#[tokio::test]
async fn each_announcement_has_its_keepers() {
    let s = demo_server().await;
    let (merchant, shop) = bakery(&s).await;
    let moderator = s.login_demo(MODERATOR).await.token;
    let resident = s.login_demo("resident@example.com").await.token;
    let shop_path = format!("/api/v1/shops/{shop}/announcements");
    let notice = json!({"kind": "notice", "title": "골목 대청소 날", "body": "토요일 아침 9시"});

    expect_error(s.post(&shop_path, None, &sale("할인")).await, StatusCode::UNAUTHORIZED, "unauthorized")
        .await;
    for token in [&resident, &moderator] {
        expect_error(
            s.post(&shop_path, Some(token), &sale("할인")).await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
    }
    for token in [&resident, &merchant] {
        expect_error(s.post(DISTRICT_FEED, Some(token), &notice).await, StatusCode::FORBIDDEN, "forbidden")
            .await;
    }
    expect_error(
        s.post("/api/v1/shops/9999/announcements", Some(&merchant), &sale("할인")).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;

    let of_shop: Announcement =
        expect(s.post(&shop_path, Some(&merchant), &sale("할인")).await, StatusCode::CREATED).await;
    let of_district: Announcement =
        expect(s.post(DISTRICT_FEED, Some(&moderator), &notice).await, StatusCode::CREATED).await;
    let edit = json!({"title": "바뀐 제목"});
    let at = |a: &Announcement| format!("/api/v1/announcements/{}", a.id);
    // The shop's: its owner, not the moderator; the district's: its moderators, not a merchant.
    for (item, refused) in [(&of_shop, [&moderator, &resident]), (&of_district, [&merchant, &resident])] {
        for token in refused {
            expect_error(
                s.send_json(Method::PATCH, &at(item), Some(token), &edit).await,
                StatusCode::FORBIDDEN,
                "forbidden",
            )
            .await;
            let res = s.request(Method::DELETE, &at(item), Some(token)).send().await.unwrap();
            expect_error(res, StatusCode::FORBIDDEN, "forbidden").await;
        }
    }
    for token in [&merchant, &resident] {
        let res = s.request(Method::PUT, &format!("{}/pin", at(&of_shop)), Some(token)).send().await.unwrap();
        expect_error(res, StatusCode::FORBIDDEN, "forbidden").await;
    }
    let edited: Announcement =
        expect(s.send_json(Method::PATCH, &at(&of_shop), Some(&merchant), &edit).await, StatusCode::OK).await;
    assert_eq!((edited.title.as_str(), edited.body.as_str()), ("바뀐 제목", of_shop.body.as_str()));
    let edited: Announcement =
        expect(s.send_json(Method::PATCH, &at(&of_district), Some(&moderator), &edit).await, StatusCode::OK)
            .await;
    assert_eq!(edited.title, "바뀐 제목");

    for (item, token) in [(&of_shop, &merchant), (&of_district, &moderator)] {
        let res = s.request(Method::DELETE, &at(item), Some(token)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        expect_error(
            s.send_json(Method::PATCH, &at(item), Some(token), &edit).await,
            StatusCode::NOT_FOUND,
            "not_found",
        )
        .await;
    }
    assert!(!feed(&s, DISTRICT_FEED).await.iter().any(|a| a.id == of_shop.id || a.id == of_district.id));
}

#[tokio::test]
async fn announcements_are_checked_like_everything_typed() {
    let s = demo_server().await;
    let (merchant, shop) = bakery(&s).await;
    let path = format!("/api/v1/shops/{shop}/announcements");
    let before = feed(&s, &path).await;
    let bad = json!({"kind": "sale", "title": "", "body": "가".repeat(2001), "starts_at": "내일", "ends_at": "2026-02-30T00:00:00Z"});
    let body = expect_error(
        s.post(&path, Some(&merchant), &bad).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(
        field_codes(&body),
        vec![
            ("title", FieldErrorCode::Required),
            ("body", FieldErrorCode::TooLong),
            ("starts_at", FieldErrorCode::Invalid),
            ("ends_at", FieldErrorCode::Invalid),
        ]
    );
    let res =
        s.post(&path, Some(&merchant), &json!({"kind": "party", "title": "할인", "body": "본문"})).await;
    assert!(res.status().is_client_error());
    assert_eq!(feed(&s, &path).await, before, "nothing above was stored");
}

#[tokio::test]
async fn the_demo_district_announces() {
    let s = demo_server().await;
    let demo = &golmok_server::seed::DEMO.announcements;
    let now = feed(&s, DISTRICT_FEED).await;
    let current = demo.iter().filter(|a| a.is_current()).count();
    assert_eq!(now.len(), current);
    assert!(now[0].pinned && now[0].shop.is_none(), "the district's pinned notice first");
    // The district's home gets the first three with the district itself.
    let district: golmok_api::District =
        expect(s.get("/api/v1/districts/eungubi-seo", None).await, StatusCode::OK).await;
    let heads: Vec<_> = now.iter().take(3).cloned().map(golmok_api::Headline::from).collect();
    assert_eq!(district.news, heads);
    let listed: Page<golmok_api::District> =
        expect(s.get("/api/v1/districts", None).await, StatusCode::OK).await;
    assert!(listed.items.iter().all(|d| d.news.is_empty()), "not in the list of districts");
    let (_, shop) = bakery(&s).await;
    let past = feed(&s, &format!("/api/v1/shops/{shop}/announcements?when=past")).await;
    let over = demo
        .iter()
        .filter(|a| a.shop == Some("은구비 베이커리") && a.started_ago_min > 0 && !a.is_current())
        .count();
    assert_eq!(past.len(), over, "what is over stays on the shop's page; what is to come is not past");
}

use std::collections::HashSet;

use golmok_api::{FieldErrorCode, Page, Proposal, ProposalKind, ProposalStatus};
use reqwest::StatusCode;
use serde_json::json;

use crate::{DEMO_PROPOSALS, TestServer, demo_server, expect, expect_error, field_codes, walk_pages};

#[tokio::test]
async fn create_and_get() {
    let s = demo_server().await;
    let me = s.register("mina@example.com", "민아").await;
    let body = json!({
        "kind": "event",
        "title": "  맹꽁이 음악회  ",
        "body": "여름밤에 골목에서 작은 음악회를 열어요. 동네 음악가들을 모셔요.",
        "event_date": "2026-08-15",
        "event_place": "은구비서로 공영주차장"
    });
    let p: Proposal = expect(s.post(DEMO_PROPOSALS, Some(&me.token), &body).await, StatusCode::CREATED).await;
    assert_eq!(p.title, "맹꽁이 음악회");
    assert_eq!(p.kind, ProposalKind::Event);
    assert_eq!(p.status, ProposalStatus::Open);
    assert_eq!(p.district_slug, "eungubi-seo");
    assert_eq!(p.event_date.as_deref(), Some("2026-08-15"));
    assert_eq!(p.author.id, me.user.id);
    assert_eq!((p.vote_count, p.comment_count, p.voted), (0, 0, false));

    let got: Proposal =
        expect(s.get(&format!("/api/v1/proposals/{}", p.id), None).await, StatusCode::OK).await;
    assert_eq!(got, p);

    // Improvements have no date or place, whatever was sent.
    let body = json!({"kind": "improvement", "title": "벤치 놓기", "body": "골목 중간에 쉴 수 있는 벤치가 있으면 좋겠어요.",
        "event_date": "2026-08-15", "event_place": "어딘가"});
    let p: Proposal = expect(s.post(DEMO_PROPOSALS, Some(&me.token), &body).await, StatusCode::CREATED).await;
    assert_eq!((p.event_date, p.event_place), (None, None));
}

#[tokio::test]
async fn create_refusals() {
    let s = demo_server().await;
    let me = s.register("mina@example.com", "민아").await;
    let valid = json!({"kind": "improvement", "title": "벤치 놓기", "body": "골목 중간에 쉴 수 있는 벤치가 있으면 좋겠어요."});
    expect_error(s.post(DEMO_PROPOSALS, None, &valid).await, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let res = s.post("/api/v1/districts/nowhere/proposals", Some(&me.token), &valid).await;
    expect_error(res, StatusCode::NOT_FOUND, "not_found").await;

    let res = s
        .post(
            DEMO_PROPOSALS,
            Some(&me.token),
            &json!({"kind": "event", "title": "x", "body": "short", "event_date": "2026-02-30"}),
        )
        .await;
    let body = expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(
        field_codes(&body),
        vec![
            ("title", FieldErrorCode::TooShort),
            ("body", FieldErrorCode::TooShort),
            ("event_date", FieldErrorCode::Invalid)
        ]
    );

    let res = s
        .post(
            DEMO_PROPOSALS,
            Some(&me.token),
            &json!({"kind": "party", "title": "파티", "body": "0123456789"}),
        )
        .await;
    let body = expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(body.error.fields[0].field, "kind");
    assert_eq!(body.error.fields[0].code, FieldErrorCode::Invalid);

    let res = s
        .post(
            DEMO_PROPOSALS,
            Some(&me.token),
            &json!({"kind": "event", "title": "x".repeat(81), "body": null}),
        )
        .await;
    let body = expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(body.error.fields[0].field, "body");
    assert_eq!(body.error.fields[0].code, FieldErrorCode::Required);

    // Nothing above was stored.
    let page: Page<Proposal> =
        expect(s.get(&format!("{DEMO_PROPOSALS}?sort=new&limit=1"), None).await, StatusCode::OK).await;
    assert_eq!(page.items[0].id, golmok_server::seed::DEMO.proposals.len() as i64, "the demo's newest");
}

#[tokio::test]
async fn unknown_and_nasty_ids_are_404() {
    let s = demo_server().await;
    for path in [
        "/api/v1/proposals/999",
        "/api/v1/proposals/-1",
        "/api/v1/proposals/0",
        "/api/v1/proposals/abc",
        "/api/v1/proposals/99999999999999999999999",
        "/api/v1/proposals/1.5",
        "/api/v1/districts/nowhere",
        "/api/v1/districts/nowhere/proposals",
        "/api/v1/proposals/abc/comments",
        // PostgreSQL refuses a NUL in text outright; the answer is the same as SQLite's.
        "/api/v1/districts/eungubi%00seo",
        "/api/v1/districts/eungubi-seo%00/proposals",
    ] {
        expect_error(s.get(path, None).await, StatusCode::NOT_FOUND, "not_found").await;
    }
    let me = s.register("mina@example.com", "민아").await;
    let res = s
        .post(
            "/api/v1/districts/%00/proposals",
            Some(&me.token),
            &json!({"kind": "improvement", "title": "골목 화단 가꾸기", "body": "꽃을 심어요."}),
        )
        .await;
    expect_error(res, StatusCode::NOT_FOUND, "not_found").await;
    let res = s
        .post(
            "/api/v1/auth/login",
            None,
            &json!({"email": "mina@example.com\u{0}", "password": "correct horse battery"}),
        )
        .await;
    expect_error(res, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
}

#[tokio::test]
async fn nasty_queries_are_4xx() {
    let s = demo_server().await;
    for query in [
        "kind=party",
        "sort=best",
        "limit=0",
        "limit=51",
        "limit=1000000",
        "limit=99999999999999999999",
        "limit=-1",
        "limit=abc",
        "cursor=%%%",
        "cursor=bm90LWEtY3Vyc29y",
        "sort=new&cursor=dG9wOjEyOjM",
    ] {
        let res = s.get(&format!("{DEMO_PROPOSALS}?{query}"), None).await;
        expect_error(res, StatusCode::BAD_REQUEST, "bad_request").await;
    }
    // An empty cursor is no cursor: the first page.
    let first: Page<Proposal> = expect(s.get(DEMO_PROPOSALS, None).await, StatusCode::OK).await;
    let empty: Page<Proposal> =
        expect(s.get(&format!("{DEMO_PROPOSALS}?cursor="), None).await, StatusCode::OK).await;
    assert_eq!(empty.items, first.items);
    for path in ["/api/v1/districts?limit=0", "/api/v1/proposals/1/comments?cursor=zzz"] {
        expect_error(s.get(path, None).await, StatusCode::BAD_REQUEST, "bad_request").await;
    }
}

async fn walk(s: &TestServer, query: &str, token: Option<&str>) -> Vec<Proposal> {
    walk_pages(s, &format!("{DEMO_PROPOSALS}?limit=3&{query}"), token).await
}

#[tokio::test]
async fn list_sorts_filters_and_pages() {
    let s = demo_server().await;
    let me = s.register("mina@example.com", "민아").await;
    // The demo's proposals, and five more (not a number to remember: the demo grows).
    let total = golmok_server::seed::DEMO.proposals.len() + 5;
    // More proposals with ties in support, so `top` must break ties by id.
    for i in 0..5 {
        let kind = if i % 2 == 0 { ProposalKind::Event } else { ProposalKind::Improvement };
        let p = s.create_proposal(&me.token, &format!("새 제안 {i}"), kind).await;
        if i < 2 {
            s.vote(&me.token, p.id, true).await;
        }
    }

    let new = walk(&s, "sort=new", None).await;
    assert_eq!(new.len(), total);
    let ids: Vec<i64> = new.iter().map(|p| p.id).collect();
    let mut sorted = ids.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(ids, sorted, "new is newest first");
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), total, "no duplicates");

    let top = walk(&s, "", None).await;
    assert_eq!(top.len(), total);
    assert_eq!(top.iter().map(|p| p.id).collect::<HashSet<_>>().len(), total);
    for pair in top.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(a.vote_count > b.vote_count || (a.vote_count == b.vote_count && a.id > b.id), "{pair:?}");
    }
    assert_ne!(top[0].id, new[0].id, "the demo's order by support differs from newest");
    let explicit_top = walk(&s, "sort=top", None).await;
    assert_eq!(explicit_top, top);

    let events = walk(&s, "kind=event&sort=new", None).await;
    assert!(events.iter().all(|p| p.kind == ProposalKind::Event));
    let improvements = walk(&s, "kind=improvement", None).await;
    assert!(improvements.iter().all(|p| p.kind == ProposalKind::Improvement));
    assert_eq!(events.len() + improvements.len(), total);

    // The first page says how many exist via district.proposal_count.
    let d: golmok_api::District =
        expect(s.get("/api/v1/districts/eungubi-seo", None).await, StatusCode::OK).await;
    assert_eq!(d.proposal_count, total as i64);

    // A page one short of everything points to the rest; a page of exactly everything,
    // full with nothing after it, has no cursor.
    let page: Page<Proposal> =
        expect(s.get(&format!("{DEMO_PROPOSALS}?limit={}", total - 1), None).await, StatusCode::OK).await;
    assert_eq!(page.items.len(), total - 1);
    let rest: Page<Proposal> = expect(
        s.get(&format!("{DEMO_PROPOSALS}?limit=50&cursor={}", page.next_cursor.unwrap()), None).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!((rest.items.len(), rest.next_cursor), (1, None));
    let page: Page<Proposal> =
        expect(s.get(&format!("{DEMO_PROPOSALS}?limit={total}"), None).await, StatusCode::OK).await;
    assert_eq!((page.items.len(), page.next_cursor), (total, None));
}

#[tokio::test]
async fn districts_list_and_get() {
    let s = demo_server().await;
    let page: Page<golmok_api::District> =
        expect(s.get("/api/v1/districts", None).await, StatusCode::OK).await;
    let slugs: Vec<&str> = page.items.iter().map(|d| d.slug.as_str()).collect();
    assert_eq!(slugs, vec![golmok_server::seed::DEMO_DISTRICT, golmok_server::seed::SECOND_DISTRICT]);
    assert_eq!(page.next_cursor, None);
    let d = &page.items[0];
    assert_eq!(d.slug, "eungubi-seo");
    assert_eq!(d.name, "은구비서로 골목형상점가");
    assert!(d.description.contains("맹꽁이"));
    assert!(d.description_en.contains("Maengkkongi"));
    let one: golmok_api::District =
        expect(s.get("/api/v1/districts/eungubi-seo", None).await, StatusCode::OK).await;
    // The same district; alone, it brings its news (see announcements.rs).
    assert_eq!(golmok_api::District { news: Vec::new(), ..one }, *d);

    let empty = TestServer::start().await;
    let page: Page<golmok_api::District> =
        expect(empty.get("/api/v1/districts", None).await, StatusCode::OK).await;
    assert!(page.items.is_empty());
}

/// "My proposals" and "My supports": one's own and the supported, in every district,
/// newest first, paged, without hidden ones, and nobody else's.
#[tokio::test]
async fn my_proposals_and_my_supports() {
    use golmok_api::Proposal;
    use sqlx::Executor as _;

    let s = crate::demo_server().await;
    let me = s.register("mine@example.com", "내 제안 주민").await.token;
    let other = s.register("other@example.com", "다른 주민").await.token;
    let mut mine = Vec::new();
    for n in 0..3 {
        mine.push(s.create_proposal(&me, &format!("내 제안 {n}"), ProposalKind::Improvement).await.id);
    }
    let theirs = s.create_proposal(&other, "남의 제안", ProposalKind::Improvement).await.id;
    // Supports: one of mine, one of theirs, and a demo proposal.
    for id in [mine[0], theirs, 1] {
        s.vote(&me, id, true).await;
    }
    s.vote(&other, mine[1], true).await;

    let listed: Vec<Proposal> = crate::walk_pages(&s, "/api/v1/me/proposals?limit=2", Some(&me)).await;
    let ids: Vec<i64> = listed.iter().map(|p| p.id).collect();
    assert_eq!(ids, [mine[2], mine[1], mine[0]], "mine only, newest first, across pages");
    assert!(listed[2].voted && !listed[1].voted, "voted is the caller's");
    let supported: Vec<Proposal> = crate::walk_pages(&s, "/api/v1/me/supports?limit=2", Some(&me)).await;
    let ids: Vec<i64> = supported.iter().map(|p| p.id).collect();
    assert_eq!(ids, [theirs, mine[0], 1]);
    assert!(supported.iter().all(|p| p.voted));

    // Hidden ones are not listed (the author finds them under /me/hidden).
    let mut db = s.db().await;
    db.execute(sqlx::query("UPDATE proposals SET hidden = TRUE WHERE id = $1").bind(mine[0])).await.unwrap();
    let listed: Vec<Proposal> = crate::walk_pages(&s, "/api/v1/me/proposals", Some(&me)).await;
    assert_eq!(listed.len(), 2);
    let supported: Vec<Proposal> = crate::walk_pages(&s, "/api/v1/me/supports", Some(&me)).await;
    assert_eq!(supported.iter().map(|p| p.id).collect::<Vec<_>>(), [theirs, 1]);
}

/// Finding proposals: by status, by words in the title or text in any case, most
/// discussed first; the filters together; hidden ones never.
#[tokio::test]
async fn the_list_finds_by_status_and_words_and_sorts_by_discussion() {
    let s = demo_server().await;
    let resident = s.login_demo("resident@example.com").await.token;
    let moderator = s.login_demo("moderator@example.com").await.token;
    let mural = s.create_proposal(&resident, "골목 벽화를 다시 그려요", ProposalKind::Improvement).await;
    let english = s.create_proposal(&resident, "A MURAL for the corner", ProposalKind::Event).await;
    let sale = s.create_proposal(&resident, "할인 50% 행사를 열어요", ProposalKind::Event).await;
    let hidden = s.create_proposal(&resident, "벽화 광고예요", ProposalKind::Improvement).await;
    let hide = json!({"hidden": true, "note": "광고"});
    let res = s
        .send_json(
            reqwest::Method::PUT,
            &format!("/api/v1/proposals/{}/hidden", hidden.id),
            Some(&moderator),
            &hide,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let ids = |list: Vec<Proposal>| list.into_iter().map(|p| p.id).collect::<Vec<_>>();
    let found = |q: &str| {
        let query = format!("q={}", urlencode(q));
        let s = &s;
        async move { ids(walk(s, &query, None).await) }
    };

    assert_eq!(found("벽화").await, [mural.id], "a word of the title, not the hidden one");
    assert_eq!(found("  벽화 ").await, [mural.id], "trimmed");
    assert_eq!(found("mural").await, [english.id], "any case");
    assert_eq!(found("50%").await, [sale.id], "% is a character, not a wildcard");
    assert!(found("_").await.is_empty());
    assert!(found("골목을 위한 제안").await.len() >= 3, "the text too");
    assert_eq!(found(" ").await.len(), ids(walk(&s, "", None).await).len(), "blank is no search");
    for bad in ["가".repeat(101), "%00".to_owned()] {
        let res = s.get(&format!("{DEMO_PROPOSALS}?q={bad}"), None).await;
        expect_error(res, StatusCode::BAD_REQUEST, "bad_request").await;
    }

    // By status, and with the other filters.
    let accepted = walk(&s, "status=accepted", None).await;
    assert!(!accepted.is_empty() && accepted.iter().all(|p| p.status == ProposalStatus::Accepted));
    assert!(ids(walk(&s, "status=accepted&q=벽화", None).await).is_empty());
    assert_eq!(ids(walk(&s, "status=open&kind=event&q=MURAL", None).await), [english.id]);
    expect_error(
        s.get(&format!("{DEMO_PROPOSALS}?status=lost"), None).await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;

    // Most discussed first, newest first among equals, page after page.
    for n in 0..3 {
        s.post(
            &format!("/api/v1/proposals/{}/comments", sale.id),
            Some(&resident),
            &json!({"body": format!("좋아요 {n}")}),
        )
        .await;
    }
    let discussed = walk(&s, "sort=discussed", None).await;
    let order: Vec<(i64, i64)> = discussed.iter().map(|p| (p.comment_count, p.id)).collect();
    let mut sorted = order.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(order, sorted);
    let whole: Page<Proposal> =
        expect(s.get(&format!("{DEMO_PROPOSALS}?sort=discussed&limit=50"), None).await, StatusCode::OK).await;
    assert_eq!(ids(whole.items), ids(discussed.clone()), "pages of three agree with one page");
    assert!(discussed.iter().position(|p| p.id == sale.id) < discussed.iter().position(|p| p.id == mural.id));
}

/// "Any case" is A to Z, the same on both engines: to a search É and é are two letters,
/// on SQLite and PostgreSQL alike.
#[tokio::test]
async fn a_search_folds_ascii_letters_only_alike_on_both_engines() {
    let s = demo_server().await;
    let resident = s.login_demo("resident@example.com").await.token;
    let capital = s.create_proposal(&resident, "ÉCLAIR 골목 축제", ProposalKind::Event).await;
    let small = s.create_proposal(&resident, "éclair 야시장", ProposalKind::Event).await;
    let ids = |list: Vec<Proposal>| {
        let mut ids: Vec<i64> = list.into_iter().map(|p| p.id).collect();
        ids.sort();
        ids
    };
    for (q, expected) in [
        ("éclair", vec![small.id]),
        ("ÉCLAIR", vec![capital.id]),
        ("Éclair", vec![capital.id]),
        ("éCLAIR", vec![small.id]),
        ("CLAIR", vec![capital.id, small.id]),
        ("clair 골목", vec![capital.id]),
        ("eclair", vec![]),
    ] {
        let found = ids(walk(&s, &format!("q={}", urlencode(q)), None).await);
        assert_eq!(found, expected, "q={q}");
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

//! Shops answer proposals: one answer per shop, edited in place, counted exactly.

use golmok_api::{Answer, AnsweredProposal, FieldErrorCode, Page, Proposal, ShopClaim, Stance};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{TestServer, demo_server, expect, expect_error, field_codes, walk_pages};

const MERCHANT: &str = "merchant@example.com";

async fn answer(s: &TestServer, token: &str, proposal: i64, shop: i64, body: &Value) -> reqwest::Response {
    s.send_json(Method::PUT, &format!("/api/v1/proposals/{proposal}/answers/{shop}"), Some(token), body).await
}

async fn proposal(s: &TestServer, id: i64) -> Proposal {
    expect(s.get(&format!("/api/v1/proposals/{id}"), None).await, StatusCode::OK).await
}

async fn answers(s: &TestServer, id: i64) -> Vec<Answer> {
    let page: Page<Answer> =
        expect(s.get(&format!("/api/v1/proposals/{id}/answers?limit=50"), None).await, StatusCode::OK).await;
    page.items
}

#[tokio::test]
async fn a_merchant_answers_edits_and_the_counts_follow() {
    let s = demo_server().await;
    let resident = s.register("mina@example.com", "민아").await;
    let p = s.create_proposal(&resident.token, "골목 벼룩시장", golmok_api::ProposalKind::Event).await;
    let merchant = s.login_demo(MERCHANT).await;
    let bakery = merchant.user.roles[0].shop_id.unwrap();

    let first: Answer = expect(
        answer(&s, &merchant.token, p.id, bakery, &json!({"stance": "take_part", "message": "빵을 구워 갈게요!\n테이블도 빌려 드려요.", "pledge": " 참가자 10% 할인 "})).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        (first.stance, first.pledge.as_deref(), first.proposal_id),
        (Stance::TakePart, Some("참가자 10% 할인"), p.id)
    );
    assert_eq!((first.shop.id, first.shop.name.as_str()), (bakery, "은구비 베이커리"));
    assert_eq!(first.created_at, first.updated_at);
    let counted = proposal(&s, p.id).await;
    assert_eq!((counted.answer_count, counted.pledge_count), (1, 1));

    // The same shop again: the answer is edited, not doubled; dropping the pledge counts.
    let edited: Answer = expect(
        answer(
            &s,
            &merchant.token,
            p.id,
            bakery,
            &json!({"stance": "support", "message": "응원해요.", "pledge": ""}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!((edited.id, edited.stance, edited.pledge.as_deref()), (first.id, Stance::Support, None));
    assert!(edited.updated_at >= first.updated_at);
    assert_eq!(answers(&s, p.id).await, vec![edited.clone()]);
    let counted = proposal(&s, p.id).await;
    assert_eq!((counted.answer_count, counted.pledge_count), (1, 0));
    answer(
        &s,
        &merchant.token,
        p.id,
        bakery,
        &json!({"stance": "support", "message": "응원해요.", "pledge": "음료 무료"}),
    )
    .await;
    let counted = proposal(&s, p.id).await;
    assert_eq!((counted.answer_count, counted.pledge_count), (1, 1));

    // In the district's list too.
    let list: Page<Proposal> =
        expect(s.get("/api/v1/districts/eungubi-seo/proposals?sort=new&limit=1", None).await, StatusCode::OK)
            .await;
    assert_eq!((list.items[0].id, list.items[0].answer_count, list.items[0].pledge_count), (p.id, 1, 1));
}

#[tokio::test]
async fn only_a_verified_owner_answers_for_a_shop_of_the_proposals_district() {
    let s = demo_server().await;
    let resident = s.register("mina@example.com", "민아").await;
    let p = s.create_proposal(&resident.token, "골목 벼룩시장", golmok_api::ProposalKind::Event).await;
    let merchant = s.login_demo(MERCHANT).await;
    let bakery = merchant.user.roles[0].shop_id.unwrap();
    let body = json!({"stance": "support", "message": "좋아요"});

    let res =
        s.send_json(Method::PUT, &format!("/api/v1/proposals/{}/answers/{bakery}", p.id), None, &body).await;
    expect_error(res, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let moderator = s.login_demo("moderator@example.com").await;
    for token in [&resident.token, &moderator.token] {
        expect_error(answer(&s, token, p.id, bakery, &body).await, StatusCode::FORBIDDEN, "forbidden").await;
    }
    // A pending claimant is no merchant yet.
    let hopeful = s.register("owner@example.com", "카페 사장").await;
    let claim = json!({"name": "카페 맹꽁", "category": "cafe", "business_number": "1234567890"});
    let claim: ShopClaim = expect(
        s.post("/api/v1/districts/eungubi-seo/shops", Some(&hopeful.token), &claim).await,
        StatusCode::CREATED,
    )
    .await;
    expect_error(
        answer(&s, &hopeful.token, p.id, claim.shop_id, &body).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    // Not for someone else's shop, even as a merchant.
    s.post(
        &format!("/api/v1/shops/{}/verification", claim.shop_id),
        Some(&moderator.token),
        &json!({"decision": "verify"}),
    )
    .await;
    expect_error(answer(&s, &hopeful.token, p.id, bakery, &body).await, StatusCode::FORBIDDEN, "forbidden")
        .await;
    expect_error(
        answer(&s, &merchant.token, p.id, claim.shop_id, &body).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    // A merchant of one district does not answer in another, either way.
    let merchant2 = s.login_demo("merchant2@example.com").await;
    let roastery = merchant2.user.roles[0].shop_id.unwrap();
    assert_eq!(merchant2.user.roles[0].district_slug, "dongmyeong");
    expect_error(
        answer(&s, &merchant2.token, p.id, roastery, &body).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let theirs: Page<Proposal> =
        expect(s.get("/api/v1/districts/dongmyeong/proposals", None).await, StatusCode::OK).await;
    let theirs = theirs.items[0].id;
    expect_error(
        answer(&s, &merchant.token, theirs, bakery, &body).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;

    expect_error(answer(&s, &merchant.token, 9999, bakery, &body).await, StatusCode::NOT_FOUND, "not_found")
        .await;
    expect_error(answer(&s, &merchant.token, 1, 9999, &body).await, StatusCode::NOT_FOUND, "not_found").await;
    assert!(answers(&s, p.id).await.is_empty(), "nothing above was stored");
    assert_eq!(proposal(&s, p.id).await.answer_count, 0);
}

#[tokio::test]
async fn answers_are_checked_like_everything_typed() {
    let s = demo_server().await;
    let merchant = s.login_demo(MERCHANT).await;
    let bakery = merchant.user.roles[0].shop_id.unwrap();
    let body = json!({"stance": "concern", "message": " ", "pledge": "한 줄\n두 줄"});
    let body = expect_error(
        answer(&s, &merchant.token, 1, bakery, &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(
        field_codes(&body),
        vec![("message", FieldErrorCode::Required), ("pledge", FieldErrorCode::Invalid)]
    );
    let long = json!({"stance": "cannot", "message": "가".repeat(1001), "pledge": "가".repeat(201)});
    let body = expect_error(
        answer(&s, &merchant.token, 1, bakery, &long).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(
        field_codes(&body),
        vec![("message", FieldErrorCode::TooLong), ("pledge", FieldErrorCode::TooLong)]
    );
    let res = answer(&s, &merchant.token, 1, bakery, &json!({"stance": "maybe", "message": "음"})).await;
    assert!(res.status().is_client_error());
}

#[tokio::test]
async fn hidden_proposals_take_no_answers() {
    use sqlx::Executor as _;
    let s = demo_server().await;
    let merchant = s.login_demo(MERCHANT).await;
    let bakery = merchant.user.roles[0].shop_id.unwrap();
    let mut db = s.db().await;
    db.execute(sqlx::query("UPDATE proposals SET hidden = $1 WHERE id = 1").bind(true)).await.unwrap();
    let body = json!({"stance": "support", "message": "좋아요"});
    expect_error(answer(&s, &merchant.token, 1, bakery, &body).await, StatusCode::NOT_FOUND, "not_found")
        .await;
    expect_error(s.get("/api/v1/proposals/1/answers", None).await, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn the_demo_answers_with_pledges() {
    let s = demo_server().await;
    let demo = &golmok_server::seed::DEMO.proposals;
    for (i, p) in demo.iter().enumerate() {
        let id = i as i64 + 1;
        let given = answers(&s, id).await;
        assert_eq!(given.len(), p.answers.len(), "{}", p.title);
        let counted = proposal(&s, id).await;
        assert_eq!(counted.answer_count, p.answers.len() as i64);
        assert_eq!(counted.pledge_count, p.answers.iter().filter(|a| a.pledge.is_some()).count() as i64);
    }
    assert!(demo.iter().any(|p| p.answers.iter().any(|a| a.pledge.is_some())), "the demo shows a pledge");
}

/// Every page of a shop's answers, one at a time.
async fn answers_of_shop(s: &TestServer, shop: i64) -> Vec<AnsweredProposal> {
    walk_pages(s, &format!("/api/v1/shops/{shop}/answers?limit=1"), None).await
}

#[tokio::test]
async fn a_shop_page_lists_its_answers_newest_first_without_hidden_proposals() {
    use sqlx::Executor as _;
    let s = demo_server().await;
    let merchant = s.login_demo(MERCHANT).await;
    let bakery = merchant.user.roles[0].shop_id.unwrap();
    let demo = &golmok_server::seed::DEMO.proposals;
    let given: usize =
        demo.iter().map(|p| p.answers.iter().filter(|a| a.shop == "은구비 베이커리").count()).sum();
    let listed = answers_of_shop(&s, bakery).await;
    assert_eq!(listed.len(), given);
    assert!(listed.windows(2).all(|w| w[0].answer.id > w[1].answer.id), "newest first");
    for item in &listed {
        assert_eq!(item.answer.shop.id, bakery);
        assert_eq!(item.proposal.id, item.answer.proposal_id);
        let title = &demo[item.proposal.id as usize - 1].title;
        assert_eq!(&item.proposal.title, title);
        assert_eq!(item.proposal.district_slug, "eungubi-seo");
    }

    // A new answer comes first; a hidden proposal takes its answer away with it.
    let mine = s.create_proposal(&merchant.token, "빵 나눔 장터", golmok_api::ProposalKind::Event).await;
    let body = json!({"stance": "take_part", "message": "식빵 스무 개 낼게요"});
    expect::<Answer>(answer(&s, &merchant.token, mine.id, bakery, &body).await, StatusCode::OK).await;
    assert_eq!(answers_of_shop(&s, bakery).await[0].proposal.title, "빵 나눔 장터");
    let mut db = s.db().await;
    db.execute(sqlx::query("UPDATE proposals SET hidden = $1 WHERE id = $2").bind(true).bind(mine.id))
        .await
        .unwrap();
    assert_eq!(answers_of_shop(&s, bakery).await.len(), given);

    expect_error(s.get("/api/v1/shops/9999/answers", None).await, StatusCode::NOT_FOUND, "not_found").await;
    expect_error(
        s.get(&format!("/api/v1/shops/{bakery}/answers?cursor=nope"), None).await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
}

#[tokio::test]
async fn the_merchants_home_lists_what_the_shop_has_not_answered() {
    let s = demo_server().await;
    let merchant = s.login_demo(MERCHANT).await;
    let bakery = merchant.user.roles[0].shop_id.unwrap();
    let unanswered = |shop: i64, kind: &'static str| {
        let s = &s;
        async move {
            let path = format!("/api/v1/districts/eungubi-seo/proposals?unanswered_by={shop}&limit=2{kind}");
            walk_pages::<Proposal>(s, &path, None).await
        }
    };
    let all: Vec<Proposal> = walk_pages(&s, "/api/v1/districts/eungubi-seo/proposals?limit=50", None).await;
    let answered: Vec<i64> = answers_of_shop(&s, bakery).await.iter().map(|a| a.proposal.id).collect();
    assert!(!answered.is_empty(), "the demo bakery has answered something");

    let waiting = unanswered(bakery, "").await;
    let expected: Vec<i64> = all.iter().map(|p| p.id).filter(|id| !answered.contains(id)).collect();
    assert_eq!(
        waiting.iter().map(|p| p.id).collect::<Vec<_>>(),
        expected,
        "most supported first, pages and all"
    );

    // Answering takes a proposal off the list; other shops' answers do not.
    let first = waiting[0].id;
    let body = json!({"stance": "support", "message": "응원해요"});
    expect::<Answer>(answer(&s, &merchant.token, first, bakery, &body).await, StatusCode::OK).await;
    let after = unanswered(bakery, "").await;
    assert_eq!(after.len(), waiting.len() - 1);
    assert!(after.iter().all(|p| p.id != first));
    assert_eq!(unanswered(9999, "").await.len(), all.len(), "a shop with no answers waits on everything");

    // The filter goes with the others.
    let events = unanswered(bakery, "&kind=event").await;
    assert!(events.iter().all(|p| p.kind == golmok_api::ProposalKind::Event && !answered.contains(&p.id)));
    expect_error(
        s.get("/api/v1/districts/eungubi-seo/proposals?unanswered_by=bakery", None).await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
}

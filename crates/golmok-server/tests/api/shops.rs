//! Becoming a merchant: claims, a moderator's decision, and the roles that follow.

use futures::future::join_all;
use golmok_api::{ClaimStatus, Page, Role, RoleGrant, Shop, ShopCategory, ShopClaim, User};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{TestServer, demo_server, expect, expect_error, field_codes, walk_pages};

const CLAIMS: &str = "/api/v1/districts/eungubi-seo/claims";

/// The district's pending claims but those the demo seeds.
async fn queue(s: &TestServer, moderator: &str) -> Vec<ShopClaim> {
    let page: Page<ShopClaim> =
        expect(s.get(&format!("{CLAIMS}?limit=50"), Some(moderator)).await, StatusCode::OK).await;
    let seeded: Vec<&str> = golmok_server::seed::DEMO.claims.iter().map(|c| c.shop).collect();
    page.items.into_iter().filter(|c| !seeded.contains(&c.name.as_str())).collect()
}
const CLAIM: &str = "/api/v1/districts/eungubi-seo/shops";
const MODERATOR: &str = "moderator@example.com";
const MERCHANT: &str = "merchant@example.com";

fn new_shop(name: &str) -> Value {
    json!({"name": name, "category": "cafe", "business_number": "123-45-67890", "note": "노은역 2번 출구 앞이에요."})
}

/// A demo shop's id, found by name.
async fn demo_shop_id(s: &TestServer, name: &str) -> i64 {
    use sqlx::Row as _;
    let mut db = s.db().await;
    let row =
        sqlx::query("SELECT id FROM shops WHERE name = $1").bind(name).fetch_one(&mut db).await.unwrap();
    row.get::<i64, _>(0)
}

/// The demo's listed shop without an owner (맹꽁이 치킨).
async fn unowned_demo_shop(s: &TestServer) -> i64 {
    demo_shop_id(s, "맹꽁이 치킨").await
}

async fn me(s: &TestServer, token: &str) -> User {
    expect(s.get("/api/v1/auth/me", Some(token)).await, StatusCode::OK).await
}

async fn decide(s: &TestServer, token: &str, shop: i64, body: &Value) -> reqwest::Response {
    s.post(&format!("/api/v1/shops/{shop}/verification"), Some(token), body).await
}

#[tokio::test]
async fn a_new_shop_claimed_verified_makes_a_merchant() {
    let s = demo_server().await;
    let owner = s.register("owner@example.com", "카페 사장").await;
    assert!(owner.user.roles.is_empty(), "a new account is a resident");

    let claim: ShopClaim =
        expect(s.post(CLAIM, Some(&owner.token), &new_shop("카페 맹꽁")).await, StatusCode::CREATED).await;
    assert_eq!(
        (claim.status, claim.name.as_str(), claim.category),
        (ClaimStatus::Pending, "카페 맹꽁", ShopCategory::Cafe)
    );
    assert_eq!(
        (claim.business_number.as_str(), claim.district_slug.as_str()),
        ("123-45-67890", "eungubi-seo")
    );
    assert_eq!(claim.claimant.display_name, "카페 사장");
    assert_eq!((claim.decision_note.as_deref(), claim.decided_at.as_deref()), (None, None));

    // The claimant sees it; the district's moderators see it in their queue.
    let mine: Page<ShopClaim> =
        expect(s.get("/api/v1/me/claims", Some(&owner.token)).await, StatusCode::OK).await;
    assert_eq!(mine.items, vec![claim.clone()]);
    let moderator = s.login_demo(MODERATOR).await;
    assert_eq!(queue(&s, &moderator.token).await, vec![claim.clone()]);

    let decided: ShopClaim = expect(
        decide(&s, &moderator.token, claim.shop_id, &json!({"decision": "verify"})).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!((decided.status, decided.decision_note.as_deref()), (ClaimStatus::Verified, None));
    assert!(decided.decided_at.is_some());

    let merchant =
        RoleGrant { district_slug: "eungubi-seo".into(), role: Role::Merchant, shop_id: Some(claim.shop_id) };
    assert_eq!(me(&s, &owner.token).await.roles, vec![merchant.clone()]);
    let again = s
        .post(
            "/api/v1/auth/login",
            None,
            &json!({"email": "owner@example.com", "password": "correct horse battery"}),
        )
        .await;
    let again: golmok_api::AuthResponse = expect(again, StatusCode::OK).await;
    assert_eq!(again.user.roles, vec![merchant], "login answers the roles too");

    // Out of the queue of pending claims, into the verified ones.
    assert!(queue(&s, &moderator.token).await.is_empty());
    let verified: Page<ShopClaim> =
        expect(s.get(&format!("{CLAIMS}?status=verified"), Some(&moderator.token)).await, StatusCode::OK)
            .await;
    assert_eq!(verified.items, vec![decided.clone()]);
    // Decided once: a second decision finds nothing pending.
    let res =
        decide(&s, &moderator.token, claim.shop_id, &json!({"decision": "reject", "note": "늦었어요"})).await;
    expect_error(res, StatusCode::CONFLICT, "conflict").await;
}

#[tokio::test]
async fn a_rejection_says_why_and_grants_nothing() {
    let s = demo_server().await;
    let owner = s.register("owner@example.com", "카페 사장").await;
    let claim: ShopClaim =
        expect(s.post(CLAIM, Some(&owner.token), &new_shop("카페 맹꽁")).await, StatusCode::CREATED).await;
    let moderator = s.login_demo(MODERATOR).await;

    let body = expect_error(
        decide(&s, &moderator.token, claim.shop_id, &json!({"decision": "reject", "note": "  "})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(field_codes(&body), vec![("note", golmok_api::FieldErrorCode::Required)]);

    let reason = "사업자등록번호가 상호와 맞지 않아요. 등록증 사진과 함께 다시 신청해 주세요.";
    let decided: ShopClaim = expect(
        decide(&s, &moderator.token, claim.shop_id, &json!({"decision": "reject", "note": reason})).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!((decided.status, decided.decision_note.as_deref()), (ClaimStatus::Rejected, Some(reason)));
    let mine: Page<ShopClaim> =
        expect(s.get("/api/v1/me/claims", Some(&owner.token)).await, StatusCode::OK).await;
    assert_eq!(mine.items, vec![decided]);
    assert!(me(&s, &owner.token).await.roles.is_empty());
}

#[tokio::test]
async fn listed_shops_are_claimed_once() {
    let s = demo_server().await;
    let chicken = unowned_demo_shop(&s).await;
    let a = s.register("a@example.com", "치킨집 사장").await;
    let b = s.register("b@example.com", "치킨집 아들").await;
    let claim = |shop: i64| json!({"shop_id": shop, "name": "맹꽁이 치킨", "category": "chicken", "business_number": "3051234567"});

    // Two at the same moment: one is taken, the other told that one is pending.
    let body = claim(chicken);
    let answers = join_all([&a, &b].map(|who| s.post(CLAIM, Some(&who.token), &body))).await;
    let mut statuses: Vec<StatusCode> = answers.iter().map(|r| r.status()).collect();
    statuses.sort();
    assert_eq!(statuses, vec![StatusCode::CREATED, StatusCode::CONFLICT]);

    // The bakery has its owner; unknown shops are not there.
    let bakery: User = me(&s, &s.login_demo(MERCHANT).await.token).await;
    let bakery_id = bakery.roles[0].shop_id.unwrap();
    expect_error(s.post(CLAIM, Some(&a.token), &claim(bakery_id)).await, StatusCode::CONFLICT, "conflict")
        .await;
    expect_error(s.post(CLAIM, Some(&a.token), &claim(9999)).await, StatusCode::NOT_FOUND, "not_found").await;
    let elsewhere = "/api/v1/districts/nowhere/shops";
    expect_error(
        s.post(elsewhere, Some(&a.token), &claim(chicken)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;

    // A new shop waiting for its decision is nobody else's to claim.
    let pending: ShopClaim =
        expect(s.post(CLAIM, Some(&a.token), &new_shop("카페 맹꽁")).await, StatusCode::CREATED).await;
    expect_error(
        s.post(CLAIM, Some(&b.token), &claim(pending.shop_id)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn only_the_districts_moderators_decide() {
    // Among those refused: the moderator of the other demo district. A listed shop's
    // claim: an unlisted one is a 404 to them (a test of its own).
    let s = demo_server().await;
    let owner = s.register("owner@example.com", "치킨집 사장").await;
    let chicken = unowned_demo_shop(&s).await;
    let body = json!({"shop_id": chicken, "name": "맹꽁이 치킨", "category": "chicken", "business_number": "3051234567"});
    let claim: ShopClaim = expect(s.post(CLAIM, Some(&owner.token), &body).await, StatusCode::CREATED).await;
    let verify = json!({"decision": "verify"});

    expect_error(decide(&s, "", claim.shop_id, &verify).await, StatusCode::UNAUTHORIZED, "unauthorized")
        .await;
    expect_error(s.get(CLAIMS, None).await, StatusCode::UNAUTHORIZED, "unauthorized").await;
    for who in [
        owner.token.clone(),
        s.login_demo(MERCHANT).await.token,
        s.login_demo("resident@example.com").await.token,
        s.login_demo("moderator2@example.com").await.token,
    ] {
        expect_error(decide(&s, &who, claim.shop_id, &verify).await, StatusCode::FORBIDDEN, "forbidden")
            .await;
        expect_error(s.get(CLAIMS, Some(&who)).await, StatusCode::FORBIDDEN, "forbidden").await;
    }
    let moderator = s.login_demo(MODERATOR).await;
    expect_error(decide(&s, &moderator.token, 9999, &verify).await, StatusCode::NOT_FOUND, "not_found").await;
    // No claim on it: nothing to decide.
    let florist = demo_shop_id(&s, "골목 꽃집").await;
    expect_error(decide(&s, &moderator.token, florist, &verify).await, StatusCode::CONFLICT, "conflict")
        .await;
    let res = s.get(&format!("{CLAIMS}?status=lost"), Some(&moderator.token)).await;
    expect_error(res, StatusCode::BAD_REQUEST, "bad_request").await;
    // Still pending: nothing above changed it.
    assert_eq!(queue(&s, &moderator.token).await, vec![claim]);
}

#[tokio::test]
async fn the_demo_accounts_roles() {
    let s = demo_server().await;
    let moderator = s.login_demo(MODERATOR).await;
    assert_eq!(
        moderator.user.roles,
        vec![RoleGrant { district_slug: "eungubi-seo".into(), role: Role::Moderator, shop_id: None }]
    );
    let merchant = me(&s, &s.login_demo(MERCHANT).await.token).await;
    assert_eq!(merchant.roles.len(), 1);
    assert_eq!(
        (merchant.roles[0].role, merchant.roles[0].district_slug.as_str()),
        (Role::Merchant, "eungubi-seo")
    );
    assert!(merchant.roles[0].shop_id.is_some());
    // In JSON, a moderator's entry has no shop_id at all.
    let raw: Value = expect(s.get("/api/v1/auth/me", Some(&moderator.token)).await, StatusCode::OK).await;
    assert_eq!(raw["roles"], json!([{"district_slug": "eungubi-seo", "role": "moderator"}]));
    assert!(me(&s, &s.login_demo("resident@example.com").await.token).await.roles.is_empty());
}

#[tokio::test]
async fn claims_are_checked_like_everything_typed() {
    let s = demo_server().await;
    let owner = s.register("owner@example.com", "카페 사장").await;
    for (number, ok) in [
        ("123-45-67890", true),
        ("123 45 67890", true),
        ("1234567890", true),
        ("12345", false),
        ("123-45-6789O", false),
        ("12345678901", false),
    ] {
        let mut body = new_shop(&format!("카페 {number}"));
        body["business_number"] = json!(number);
        let res = s.post(CLAIM, Some(&owner.token), &body).await;
        if ok {
            let claim: ShopClaim = expect(res, StatusCode::CREATED).await;
            assert_eq!(claim.business_number, number, "kept as typed");
        } else {
            let body = expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
            assert_eq!(
                field_codes(&body),
                vec![("business_number", golmok_api::FieldErrorCode::Invalid)],
                "{number}"
            );
        }
    }
    let body = json!({"name": "", "category": "cafe", "business_number": "", "note": "가".repeat(501)});
    let body = expect_error(
        s.post(CLAIM, Some(&owner.token), &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(
        field_codes(&body),
        vec![
            ("name", golmok_api::FieldErrorCode::Required),
            ("business_number", golmok_api::FieldErrorCode::Required),
            ("note", golmok_api::FieldErrorCode::TooLong),
        ]
    );
    let res = s
        .request(Method::POST, CLAIM, Some(&owner.token))
        .json(&json!({"name": "카페", "category": "casino", "business_number": "1234567890"}))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error(), "an unknown category is refused: {}", res.status());
}

const DIRECTORY: &str = "/api/v1/districts/eungubi-seo/shops";

async fn directory(s: &TestServer, query: &str) -> Vec<Shop> {
    walk_pages(s, &format!("{DIRECTORY}?limit=2&{query}"), None).await
}

#[tokio::test]
async fn the_directory_by_name_with_its_filters() {
    let s = demo_server().await;
    let demo = &golmok_server::seed::DEMO.shops;
    let all = directory(&s, "").await;
    assert_eq!(all.len(), demo.len());
    let names: Vec<&str> = all.iter().map(|shop| shop.name.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "가나다 order");
    let one_page: Page<Shop> =
        expect(s.get(&format!("{DIRECTORY}?limit=50"), None).await, StatusCode::OK).await;
    assert_eq!((one_page.items, one_page.next_cursor), (all.clone(), None), "pages add up to the whole");

    let bakeries = directory(&s, "category=bakery").await;
    assert!(!bakeries.is_empty() && bakeries.iter().all(|shop| shop.category == ShopCategory::Bakery));
    let onnuri = directory(&s, "onnuri=true").await;
    assert_eq!(onnuri.len(), demo.iter().filter(|d| d.accepts_onnuri).count());
    assert!(onnuri.iter().all(|shop| shop.accepts_onnuri));
    assert_eq!(directory(&s, "onnuri=false").await, all, "false is no filter");
    let open = directory(&s, "open_now=true").await;
    assert_eq!(open, all.iter().filter(|shop| shop.open_now).cloned().collect::<Vec<_>>());
    for (q, name) in [("치킨", "맹꽁이 치킨"), ("BAKERY", "은구비 베이커리"), ("페%20노", "카페 노은")]
    {
        let found = directory(&s, &format!("q={q}")).await;
        assert_eq!(found.iter().map(|shop| shop.name.as_str()).collect::<Vec<_>>(), vec![name], "q={q}");
    }
    assert!(directory(&s, "q=zzz&category=cafe").await.is_empty());
    // The 50 characters are counted as sent, not after lowercasing ('İ' lowercases to two).
    assert!(directory(&s, &format!("q={}", "%C4%B0".repeat(50))).await.is_empty());
    // An empty cursor is the first page.
    let first: Page<Shop> = expect(s.get(&format!("{DIRECTORY}?cursor="), None).await, StatusCode::OK).await;
    assert_eq!(first.items, all[..first.items.len()].to_vec());

    let negative = base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, "shops:-3");
    for bad in [
        "category=casino",
        "open_now=maybe",
        "limit=0",
        "cursor=zzz",
        &format!("cursor={negative}"),
        &format!("q={}", "가".repeat(51)),
    ] {
        expect_error(
            s.get(&format!("{DIRECTORY}?{bad}"), None).await,
            StatusCode::BAD_REQUEST,
            "bad_request",
        )
        .await;
    }
    expect_error(s.get("/api/v1/districts/nowhere/shops", None).await, StatusCode::NOT_FOUND, "not_found")
        .await;

    // A new shop waits unlisted for its decision, then joins the directory.
    let owner = s.register("owner@example.com", "카페 사장").await;
    let claim: ShopClaim =
        expect(s.post(CLAIM, Some(&owner.token), &new_shop("카페 맹꽁")).await, StatusCode::CREATED).await;
    assert_eq!(directory(&s, "").await.len(), demo.len());
    expect_error(
        s.get(&format!("/api/v1/shops/{}", claim.shop_id), None).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let moderator = s.login_demo(MODERATOR).await;
    decide(&s, &moderator.token, claim.shop_id, &json!({"decision": "verify"})).await;
    let listed: Shop =
        expect(s.get(&format!("/api/v1/shops/{}", claim.shop_id), None).await, StatusCode::OK).await;
    assert_eq!(
        (listed.name.as_str(), listed.verified, listed.category),
        ("카페 맹꽁", true, ShopCategory::Cafe)
    );
    assert_eq!(directory(&s, "").await.len(), demo.len() + 1);
}

#[tokio::test]
async fn no_public_answer_carries_a_business_number() {
    let s = demo_server().await;
    let owner = s.register("owner@example.com", "카페 사장").await;
    let claim: ShopClaim =
        expect(s.post(CLAIM, Some(&owner.token), &new_shop("카페 맹꽁")).await, StatusCode::CREATED).await;
    let moderator = s.login_demo(MODERATOR).await;
    decide(&s, &moderator.token, claim.shop_id, &json!({"decision": "verify"})).await;
    for path in [
        DIRECTORY.to_owned(),
        format!("/api/v1/shops/{}", claim.shop_id),
        "/api/v1/districts/eungubi-seo".to_owned(),
    ] {
        for token in [None, Some(owner.token.as_str())] {
            let text = s.get(&path, token).await.text().await.unwrap();
            assert!(!text.contains("67890") && !text.contains("business"), "{path}: {text}");
        }
    }
}

async fn patch(s: &TestServer, path: &str, token: Option<&str>, body: &Value) -> reqwest::Response {
    s.send_json(Method::PATCH, path, token, body).await
}

#[tokio::test]
async fn the_owner_keeps_the_profile() {
    let s = demo_server().await;
    let merchant = s.login_demo(MERCHANT).await;
    let bakery = merchant.user.roles[0].shop_id.unwrap();
    let path = format!("/api/v1/shops/{bakery}");

    let always = json!({"open": {"starts": "00:00", "ends": "00:00"}});
    let change = json!({
        "name_en": "Eungubi Bakery & Café",
        "phone": "042-123-4567",
        "kakao_channel_url": "pf.kakao.com/_eungubibakery",
        "accepts_onnuri": false,
        "place": "맹꽁이 벽화 맞은편",
        "hours": {"mon": always, "tue": always, "wed": always, "thu": always, "fri": always, "sat": always, "sun": always},
    });
    let changed: Shop = expect(patch(&s, &path, Some(&merchant.token), &change).await, StatusCode::OK).await;
    assert_eq!(changed.name_en, "Eungubi Bakery & Café");
    assert_eq!(changed.name, "은구비 베이커리", "what was not given stays");
    assert_eq!(changed.phone.as_deref(), Some("042-123-4567"));
    assert_eq!(changed.kakao_channel_url.as_deref(), Some("https://pf.kakao.com/_eungubibakery"));
    assert_eq!((changed.accepts_onnuri, changed.open_now, changed.closed_today), (false, true, false));
    let seen: Shop = expect(s.get(&path, None).await, StatusCode::OK).await;
    assert_eq!(seen, changed);

    // Closed today: not open now, whatever the hours say; then open again.
    let closed: Shop =
        expect(patch(&s, &path, Some(&merchant.token), &json!({"closed_today": true})).await, StatusCode::OK)
            .await;
    assert_eq!((closed.closed_today, closed.open_now), (true, false));
    // Always open: the opening under way began today (Seoul), and the app gets its day.
    let seoul_today = golmok_api::hours::Moment::in_seoul(
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64,
    )
    .date();
    assert_eq!(closed.closed_on.as_deref(), Some(seoul_today.as_str()));
    assert!(directory(&s, "open_now=true").await.iter().all(|shop| shop.id != bakery));
    let back: Shop = expect(
        patch(&s, &path, Some(&merchant.token), &json!({"closed_today": false, "phone": ""})).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!((back.closed_today, back.open_now, back.phone), (false, true, None));

    // `null` removes what a shop may lack, as a blank does, and is refused for the rest,
    // naming the field; a refused change keeps nothing.
    let cleared: Shop = expect(
        patch(
            &s,
            &path,
            Some(&merchant.token),
            &json!({"kakao_channel_url": null, "place": null, "name_en": null}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!((cleared.kakao_channel_url, cleared.place.as_str(), cleared.name_en.as_str()), (None, "", ""));
    for field in ["name", "category", "accepts_onnuri", "accepts_local_card", "hours", "closed_today"] {
        let refused = expect_error(
            patch(&s, &path, Some(&merchant.token), &json!({ field: null, "place": "바뀌면 안 되는 곳" }))
                .await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        assert_eq!(field_codes(&refused), [(field, golmok_api::FieldErrorCode::Required)], "{field}");
    }
    let kept: Shop = expect(s.get(&path, None).await, StatusCode::OK).await;
    assert_eq!(kept.place, "", "a refused change changes nothing");

    let body = expect_error(
        patch(&s, &path, Some(&merchant.token), &json!({"hours": {"tue": {"open": {"starts": "25:00", "ends": "09:00"}}}, "kakao_channel_url": "https://open.kakao.com/o/x"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(
        field_codes(&body),
        vec![
            ("kakao_channel_url", golmok_api::FieldErrorCode::Invalid),
            ("hours.tue", golmok_api::FieldErrorCode::Invalid)
        ]
    );

    // Nobody else: not a resident, not a moderator, not another shop's owner.
    expect_error(patch(&s, &path, None, &change).await, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let other = s.register("owner@example.com", "카페 사장").await;
    let claim: ShopClaim =
        expect(s.post(CLAIM, Some(&other.token), &new_shop("카페 맹꽁")).await, StatusCode::CREATED).await;
    let moderator = s.login_demo(MODERATOR).await;
    decide(&s, &moderator.token, claim.shop_id, &json!({"decision": "verify"})).await;
    for token in [&other.token, &moderator.token, &s.login_demo("resident@example.com").await.token] {
        expect_error(
            patch(&s, &path, Some(token), &json!({"name": "내 가게"})).await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
    }
    let res = s.send_json(Method::PATCH, "/api/v1/shops/9999", Some(&merchant.token), &json!({})).await;
    expect_error(res, StatusCode::NOT_FOUND, "not_found").await;
    let unchanged: Shop = expect(s.get(&path, None).await, StatusCode::OK).await;
    assert_eq!(unchanged.name, "은구비 베이커리");
}

#[tokio::test]
async fn the_district_links_its_kakao_channel() {
    let s = demo_server().await;
    let district: golmok_api::District =
        expect(s.get("/api/v1/districts/eungubi-seo", None).await, StatusCode::OK).await;
    assert_eq!(
        district.kakao_channel_url,
        golmok_server::seed::DEMO.district.kakao_channel_url.map(str::to_owned)
    );
    assert!(district.kakao_channel_url.unwrap().starts_with("https://pf.kakao.com/"));
}

#[tokio::test]
async fn a_moderator_decides_no_claim_of_their_own_and_unlisted_shops_stay_unseen() {
    let s = demo_server().await;
    let moderator = s.login_demo(MODERATOR).await;
    let own: ShopClaim =
        expect(s.post(CLAIM, Some(&moderator.token), &new_shop("상인회 카페")).await, StatusCode::CREATED)
            .await;
    let verify = json!({"decision": "verify"});
    expect_error(
        decide(&s, &moderator.token, own.shop_id, &verify).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    // To anyone but the district's moderators, a shop waiting unlisted does not exist.
    for who in [s.login_demo(MERCHANT).await.token, s.login_demo("moderator2@example.com").await.token] {
        expect_error(decide(&s, &who, own.shop_id, &verify).await, StatusCode::NOT_FOUND, "not_found").await;
    }
    assert_eq!(
        queue(&s, &moderator.token).await,
        vec![own],
        "still pending, for another moderator to decide"
    );
}

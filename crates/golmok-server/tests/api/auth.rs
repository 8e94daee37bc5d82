use golmok_api::{AuthResponse, FieldErrorCode, User};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::{TestServer, expect, expect_error, field_codes};

const REGISTER: &str = "/api/v1/auth/register";
const LOGIN: &str = "/api/v1/auth/login";

#[tokio::test]
async fn register_login_me_logout() {
    let s = TestServer::start().await;
    let reg = s.register("  Mina@Example.com ", "민아").await;
    assert_eq!(reg.user.email, "mina@example.com");
    assert_eq!(reg.user.display_name, "민아");
    assert!(reg.user.created_at.ends_with('Z'));

    let me: User = expect(s.get("/api/v1/auth/me", Some(&reg.token)).await, StatusCode::OK).await;
    assert_eq!(me, reg.user);

    let login: AuthResponse = expect(
        s.post(LOGIN, None, &json!({"email": "MINA@example.com", "password": "correct horse battery"})).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(login.user, reg.user);
    assert_ne!(login.token, reg.token);

    let res = s.request(Method::POST, "/api/v1/auth/logout", Some(&login.token)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    expect_error(
        s.get("/api/v1/auth/me", Some(&login.token)).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    // Only that session ends.
    let _: User = expect(s.get("/api/v1/auth/me", Some(&reg.token)).await, StatusCode::OK).await;
}

#[tokio::test]
async fn missing_or_bad_tokens_are_401() {
    let s = TestServer::start().await;
    let res = s.get("/api/v1/auth/me", None).await;
    assert_eq!(res.headers()["www-authenticate"], "Bearer");
    expect_error(res, StatusCode::UNAUTHORIZED, "unauthorized").await;
    expect_error(
        s.get("/api/v1/auth/me", Some("not-a-token")).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    let res =
        s.client.get(s.url("/api/v1/auth/me")).header("authorization", "Basic abc").send().await.unwrap();
    expect_error(res, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let res = s.request(Method::POST, "/api/v1/auth/logout", None).send().await.unwrap();
    expect_error(res, StatusCode::UNAUTHORIZED, "unauthorized").await;
}

#[tokio::test]
async fn duplicate_email_is_409_whatever_the_case() {
    let s = TestServer::start().await;
    s.register("resident@example.com", "주민").await;
    for email in ["resident@example.com", "Resident@Example.com"] {
        let res = s
            .post(
                REGISTER,
                None,
                &json!({"email": email, "password": "another password", "display_name": "다른 주민"}),
            )
            .await;
        expect_error(res, StatusCode::CONFLICT, "email_taken").await;
    }
}

#[tokio::test]
async fn invalid_registration_lists_fields() {
    let s = TestServer::start().await;
    let res = s
        .post(REGISTER, None, &json!({"email": "not-an-email", "password": "short", "display_name": " "}))
        .await;
    let body = expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(
        field_codes(&body),
        vec![
            ("email", FieldErrorCode::Invalid),
            ("password", FieldErrorCode::TooShort),
            ("display_name", FieldErrorCode::Required),
        ]
    );
    assert_eq!(body.error.fields[1].limit, Some(8));

    // Wrong shape: a missing field and a wrong type are 422 too, naming the field.
    let res = s.post(REGISTER, None, &json!({"email": "a@b.kr", "password": "long enough pw"})).await;
    let body = expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(body.error.fields[0].field, "display_name");
    assert_eq!(body.error.fields[0].code, FieldErrorCode::Required);
    let res =
        s.post(REGISTER, None, &json!({"email": 5, "password": "long enough pw", "display_name": "x"})).await;
    let body = expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(body.error.fields[0].field, "email");
}

#[tokio::test]
async fn malformed_unsupported_and_oversized_bodies() {
    let s = TestServer::start().await;
    let raw = |body: Vec<u8>, content_type: Option<&str>| {
        let mut req = s.client.post(s.url(REGISTER)).body(body);
        if let Some(ct) = content_type {
            req = req.header("content-type", ct);
        }
        req.send()
    };
    let res = raw(b"{\"email\": ".to_vec(), Some("application/json")).await.unwrap();
    expect_error(res, StatusCode::BAD_REQUEST, "bad_request").await;
    let res = raw(b"not json at all".to_vec(), Some("application/json")).await.unwrap();
    expect_error(res, StatusCode::BAD_REQUEST, "bad_request").await;
    let res = raw(br#"{"email":"a@b.kr","password":"long enough","display_name":"ab"}"#.to_vec(), None)
        .await
        .unwrap();
    expect_error(res, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
    let res = raw(b"email=a".to_vec(), Some("application/x-www-form-urlencoded")).await.unwrap();
    expect_error(res, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;

    // 100 KiB: refused by the limit layer on Content-Length, before any handler runs.
    let big = format!(
        r#"{{"email":"a@b.kr","password":"long enough","display_name":"{}"}}"#,
        "x".repeat(100 * 1024)
    );
    let res = raw(big.clone().into_bytes(), Some("application/json")).await.unwrap();
    expect_error(res, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
    // The same without a Content-Length (chunked) is cut off while reading.
    let stream = futures::stream::iter(
        big.into_bytes().chunks(8192).map(|c| Ok::<_, std::io::Error>(c.to_vec())).collect::<Vec<_>>(),
    );
    let res = s
        .client
        .post(s.url(REGISTER))
        .header("content-type", "application/json")
        .body(reqwest::Body::wrap_stream(stream))
        .send()
        .await
        .unwrap();
    expect_error(res, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
}

#[tokio::test]
async fn wrong_credentials_are_one_answer() {
    let s = TestServer::start().await;
    s.register("resident@example.com", "주민").await;
    let wrong_pw =
        s.post(LOGIN, None, &json!({"email": "resident@example.com", "password": "wrong password"})).await;
    let a = expect_error(wrong_pw, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    let unknown =
        s.post(LOGIN, None, &json!({"email": "nobody@example.com", "password": "wrong password"})).await;
    let b = expect_error(unknown, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    assert_eq!(a, b);
    let empty = s.post(LOGIN, None, &json!({"email": "", "password": ""})).await;
    expect_error(empty, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
}

#[tokio::test]
async fn concurrent_logins_all_succeed() {
    // Far more logins than hashing permits (one per core): they queue, none deadlocks or
    // is refused, and unknown emails take the same queue. Sixteen logins of one email at
    // one instant are past its failed-login limit (each try counts until it succeeds, see
    // limits.rs): that limit is not what this tests.
    let s =
        TestServer::start_with(|c, _| c.limit_login_failures = golmok_server::limits::Setting(None)).await;
    s.register("resident@example.com", "주민").await;
    let logins = (0..20).map(|i| {
        let email = if i % 5 == 0 { "nobody@example.com" } else { "resident@example.com" };
        s.request(Method::POST, LOGIN, None)
            .json(&json!({"email": email, "password": "correct horse battery"}))
            .send()
    });
    let answers = futures::future::join_all(logins).await;
    for (i, res) in answers.into_iter().enumerate() {
        let res = res.unwrap();
        if i % 5 == 0 {
            expect_error(res, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
        } else {
            let _: AuthResponse = expect(res, StatusCode::OK).await;
        }
    }
}

/// Moves a session's last use `ago` into the past.
async fn age_session(s: &TestServer, token: &str, ago: time::Duration) {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
        .bind(golmok_server::db::clock::before_now(ago))
        .bind(golmok_server::auth::token_hash(token))
        .execute(&mut s.db().await)
        .await
        .unwrap();
}

async fn last_seen(s: &TestServer, token: &str) -> Option<String> {
    sqlx::query_scalar("SELECT last_seen_at FROM sessions WHERE token_hash = $1")
        .bind(golmok_server::auth::token_hash(token))
        .fetch_optional(&mut s.db().await)
        .await
        .unwrap()
}

#[tokio::test]
async fn idle_sessions_expire() {
    let s = TestServer::start().await;
    let idle = s.register("idle@example.com", "쉬는 주민").await.token;
    let active = s.register("active@example.com", "바쁜 주민").await.token;
    age_session(&s, &idle, time::Duration::days(31)).await;
    age_session(&s, &active, time::Duration::days(29)).await;

    let res = s.get("/api/v1/auth/me", Some(&idle)).await;
    assert_eq!(res.headers()["www-authenticate"], "Bearer");
    expect_error(res, StatusCode::UNAUTHORIZED, "unauthorized").await;
    assert_eq!(last_seen(&s, &idle).await, None, "an expired session is deleted");
    // Public reads treat it as no token at all.
    assert_eq!(s.get("/api/v1/districts", Some(&idle)).await.status(), StatusCode::OK);

    // Still within the idle limit: it works, and its use pushes the limit back.
    let _: User = expect(s.get("/api/v1/auth/me", Some(&active)).await, StatusCode::OK).await;
    let seen = last_seen(&s, &active).await.unwrap();
    let today = golmok_server::db::clock::day_from_today(0);
    assert!(seen.starts_with(&today), "refreshed: {seen}");
}

#[tokio::test]
async fn a_busy_database_does_not_fail_the_last_seen_refresh() {
    let s = TestServer::start().await;
    let token = s.register("resident@example.com", "주민").await.token;
    age_session(&s, &token, time::Duration::hours(2)).await;
    let before = last_seen(&s, &token).await;

    // Another writer holds the session (SQLite: the whole database; PostgreSQL: its
    // row): the refresh waits out the lock timeout (5 s) and fails, but the read it rides
    // on still answers.
    let mut writer = s.db().await;
    if s.on_postgres() {
        sqlx::query("BEGIN").execute(&mut writer).await.unwrap();
        sqlx::query("SELECT 1 FROM sessions WHERE token_hash = $1 FOR UPDATE")
            .bind(golmok_server::auth::token_hash(&token))
            .execute(&mut writer)
            .await
            .unwrap();
    } else {
        sqlx::query("BEGIN IMMEDIATE").execute(&mut writer).await.unwrap();
    }
    let res = s.get("/api/v1/auth/me", Some(&token)).await;
    sqlx::query("ROLLBACK").execute(&mut writer).await.unwrap();
    let _: User = expect(res, StatusCode::OK).await;
    assert_eq!(last_seen(&s, &token).await, before, "the refresh did not happen");
}

/// Deleting an account erases who it was and ends its sessions; what it wrote stays
/// under "former member"; a district's last moderator cannot leave it without one.
#[tokio::test]
async fn a_deleted_account_is_gone_but_what_it_wrote_stays_nameless() {
    use golmok_api::{Comment, Proposal, ShopClaim};

    let s = crate::demo_server().await;
    let me = s.register("leaving@example.com", "떠나는 이웃").await;
    let other_session = s
        .post(
            "/api/v1/auth/login",
            None,
            &json!({"email": "leaving@example.com", "password": "correct horse battery"}),
        )
        .await;
    let other: AuthResponse = expect(other_session, StatusCode::OK).await;
    let comment: Comment = expect(
        s.post("/api/v1/proposals/1/comments", Some(&me.token), &json!({"body": "잘 부탁해요"})).await,
        StatusCode::CREATED,
    )
    .await;
    let claim = json!({"name": "떠나는 가게", "category": "cafe", "business_number": "123-45-67890"});
    expect::<ShopClaim>(
        s.post("/api/v1/districts/eungubi-seo/shops", Some(&me.token), &claim).await,
        StatusCode::CREATED,
    )
    .await;
    let delete = |token: &str, password: &str| {
        s.request(Method::DELETE, "/api/v1/auth/me", Some(token))
            .json(&json!({ "password": password }))
            .send()
    };

    // Only with its password.
    expect_error(delete(&me.token, "").await.unwrap(), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    expect_error(
        delete(&me.token, "wrong password").await.unwrap(),
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
    )
    .await;
    let res = s
        .request(Method::DELETE, "/api/v1/auth/me", None)
        .json(&json!({"password": "x"}))
        .send()
        .await
        .unwrap();
    expect_error(res, StatusCode::UNAUTHORIZED, "unauthorized").await;
    assert_eq!(delete(&me.token, "correct horse battery").await.unwrap().status(), StatusCode::NO_CONTENT);

    // Every session ended, the login gone, the email free again.
    for token in [&me.token, &other.token] {
        expect_error(s.get("/api/v1/auth/me", Some(token)).await, StatusCode::UNAUTHORIZED, "unauthorized")
            .await;
    }
    let login = json!({"email": "leaving@example.com", "password": "correct horse battery"});
    expect_error(
        s.post("/api/v1/auth/login", None, &login).await,
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
    )
    .await;

    // What it wrote stays, under no name; its claim (with the business number) is gone.
    let listed: Vec<Comment> = crate::walk_pages(&s, "/api/v1/proposals/1/comments", None).await;
    let kept = listed.iter().find(|c| c.id == comment.id).expect("the comment stays");
    assert_eq!(
        (kept.author.display_name.as_str(), kept.body.as_str()),
        (golmok_server::db::FORMER_MEMBER, "잘 부탁해요")
    );
    let moderator = s.login_demo("moderator@example.com").await.token;
    let claims: Vec<ShopClaim> =
        crate::walk_pages(&s, "/api/v1/districts/eungubi-seo/claims", Some(&moderator)).await;
    assert!(claims.iter().all(|c| c.name != "떠나는 가게"), "no claim of the deleted account waits");
    let mut db = s.db().await;
    let (email,): (String,) = sqlx::query_as("SELECT email FROM users WHERE id = $1")
        .bind(me.user.id)
        .fetch_one(&mut db)
        .await
        .unwrap();
    assert!(!email.contains("leaving"), "the email is erased: {email}");
    // Nobody can make the erased account a moderator, or suspend it: by id, by the email
    // it had (no account has it now), or by its placeholder (no email at all).
    let by_email = |email: &str| {
        let (s, moderator, body) = (&s, &moderator, json!({ "email": email }));
        async move { s.post("/api/v1/districts/eungubi-seo/moderators", Some(moderator), &body).await }
    };
    expect_error(by_email("leaving@example.com").await, StatusCode::NOT_FOUND, "not_found").await;
    expect_error(by_email(&email).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    s.register("leaving@example.com", "다시 온 이웃").await;
    let at = format!("/api/v1/districts/eungubi-seo/moderators/{}", me.user.id);
    let res = s.request(Method::PUT, &at, Some(&moderator)).send().await.unwrap();
    expect_error(res, StatusCode::NOT_FOUND, "not_found").await;

    // dongmyeong has one moderator: they stay until another is appointed.
    let alone = s.login_demo("moderator2@example.com").await.token;
    expect_error(
        delete(&alone, golmok_server::seed::DEMO_PASSWORD).await.unwrap(),
        StatusCode::CONFLICT,
        "conflict",
    )
    .await;
    expect::<Proposal>(s.get("/api/v1/proposals/1", Some(&alone)).await, StatusCode::OK).await;
}

/// What a deleted account leaves of shops: a new shop its pending claim added goes with
/// the claim (a listed shop it claimed stays), and a shop it owned stays, unverified,
/// without the phone and KakaoTalk link that named the owner.
#[tokio::test]
async fn a_deleted_account_leaves_no_shop_of_its_own_and_no_way_to_reach_it() {
    use golmok_api::{Shop, ShopClaim};

    let s = crate::demo_server().await;
    let delete = |token: String, password: &'static str| {
        let s = &s;
        async move {
            let res = s
                .request(Method::DELETE, "/api/v1/auth/me", Some(&token))
                .json(&json!({ "password": password }))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), StatusCode::NO_CONTENT);
        }
    };
    let shop_rows = async |id: i64| -> i64 {
        sqlx::query_scalar("SELECT COUNT(*) FROM shops WHERE id = $1")
            .bind(id)
            .fetch_one(&mut s.db().await)
            .await
            .unwrap()
    };

    // A new shop, waiting for its claim's decision.
    let me = s.register("new-shop@example.com", "새 가게 사장").await;
    let claim = json!({"name": "떠나는 가게", "category": "cafe", "business_number": "123-45-67890"});
    let claim: ShopClaim = expect(
        s.post("/api/v1/districts/eungubi-seo/shops", Some(&me.token), &claim).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(shop_rows(claim.shop_id).await, 1);
    // A listed shop claimed (the demo café's claimant).
    let cafe = s.login_demo("cafe@example.com").await.token;
    let mine: Vec<ShopClaim> = crate::walk_pages(&s, "/api/v1/me/claims", Some(&cafe)).await;
    let listed = mine[0].shop_id;
    delete(me.token, "correct horse battery").await;
    delete(cafe, golmok_server::seed::DEMO_PASSWORD).await;
    assert_eq!(shop_rows(claim.shop_id).await, 0, "the new shop went with its claim");
    let _: Shop = expect(s.get(&format!("/api/v1/shops/{listed}"), None).await, StatusCode::OK).await;

    // A shop owned, with a way to reach its owner.
    let merchant = s.login_demo("merchant@example.com").await;
    let shop = merchant.user.roles.iter().find_map(|r| r.shop_id).expect("the demo merchant's shop");
    let profile = json!({"phone": "010-1234-5678", "kakao_channel_url": "pf.kakao.com/_leaving"});
    let res =
        s.send_json(Method::PATCH, &format!("/api/v1/shops/{shop}"), Some(&merchant.token), &profile).await;
    let before: Shop = expect(res, StatusCode::OK).await;
    assert!(before.phone.is_some() && before.kakao_channel_url.is_some());
    delete(merchant.token, golmok_server::seed::DEMO_PASSWORD).await;
    let after: Shop = expect(s.get(&format!("/api/v1/shops/{shop}"), None).await, StatusCode::OK).await;
    assert_eq!(
        (after.verified, after.phone, after.kakao_channel_url, after.name),
        (false, None, None, before.name),
        "the shop stays, unverified and unreachable through its former owner"
    );
}

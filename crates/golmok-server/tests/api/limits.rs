//! Rate limits: past a limit the answer is 429 `rate_limited` with `Retry-After`, and the
//! limit resets when its window ends; per account, per client address (believing
//! `X-Forwarded-For` only from a trusted proxy), per email and address for failed logins
//! and looser per email from every address (the same for an unknown one), across server
//! processes on one database; never on reads.

use std::time::Duration;

use golmok_server::limits::{Setting, parse_limit};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::{TestServer, expect_error, serve};

fn limit(s: &str) -> Setting {
    parse_limit(s).unwrap()
}

/// A cheap write: supporting proposal 1 (idempotent, so it can be repeated).
async fn support(s: &TestServer, base: &str, token: &str, forwarded: Option<&str>) -> reqwest::Response {
    let mut req = s.client.request(Method::PUT, format!("{base}/api/v1/proposals/1/vote")).bearer_auth(token);
    if let Some(ip) = forwarded {
        req = req.header("x-forwarded-for", ip);
    }
    req.send().await.unwrap()
}

/// The 429's wait, checked to be a whole number of seconds within the window.
async fn refused(res: reqwest::Response, window: u64) -> u64 {
    let wait: u64 = res
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After in seconds");
    assert!((1..=window).contains(&wait), "wait {wait} within a {window} s window");
    expect_error(res, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    wait
}

#[tokio::test]
async fn an_account_past_its_limit_waits_as_told_and_then_writes_again() {
    let s = TestServer::start_with(|c, _| {
        c.demo = true;
        c.limit_writes = limit("3/2s");
    })
    .await;
    let resident = s.register("busy@example.com", "바쁜 이웃").await.token;
    let neighbour = s.register("calm@example.com", "차분한 이웃").await.token;
    // A window may end between two tries: within two windows' worth, one is refused.
    let mut answers = Vec::new();
    let res = loop {
        let res = support(&s, &s.base, &resident, None).await;
        if res.status() != StatusCode::OK {
            break res;
        }
        answers.push(res.status());
        assert!(answers.len() <= 6, "never refused");
    };
    let wait = refused(res, 2).await;
    // Another account is not held back by this one.
    assert_eq!(support(&s, &s.base, &neighbour, None).await.status(), StatusCode::OK);
    // Reads are never limited.
    for _ in 0..5 {
        assert_eq!(s.get("/api/v1/proposals/1", Some(&resident)).await.status(), StatusCode::OK);
    }
    tokio::time::sleep(Duration::from_secs(wait)).await;
    assert_eq!(support(&s, &s.base, &resident, None).await.status(), StatusCode::OK, "the limit reset");
}

/// Past its write limit an account can still sign out and delete itself: neither spends
/// from the limit.
#[tokio::test]
async fn an_account_past_its_limit_can_still_sign_out_and_leave() {
    let s = TestServer::start_with(|c, _| {
        c.demo = true;
        c.limit_writes = limit("2/1h");
    })
    .await;
    let me = s.register("leaving-busy@example.com", "바쁘게 떠나는 이웃").await.token;
    let login = json!({"email": "leaving-busy@example.com", "password": "correct horse battery"});
    let other: golmok_api::AuthResponse =
        crate::expect(s.post("/api/v1/auth/login", None, &login).await, StatusCode::OK).await;
    for _ in 0..2 {
        assert_eq!(support(&s, &s.base, &me, None).await.status(), StatusCode::OK);
    }
    refused(support(&s, &s.base, &me, None).await, 3600).await;
    let res = s.request(Method::POST, "/api/v1/auth/logout", Some(&other.token)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT, "signed out");
    expect_error(
        s.get("/api/v1/auth/me", Some(&other.token)).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    let res = s
        .request(Method::DELETE, "/api/v1/auth/me", Some(&me))
        .json(&json!({"password": "correct horse battery"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT, "deleted");
    expect_error(s.get("/api/v1/auth/me", Some(&me)).await, StatusCode::UNAUTHORIZED, "unauthorized").await;
}

#[tokio::test]
async fn an_address_counts_every_account_behind_it_and_only_a_trusted_proxy_names_it() {
    for trusted in [false, true] {
        let s = TestServer::start_with(|c, _| {
            c.demo = true;
            c.limit_address_writes = limit("3/1h");
            if trusted {
                c.trusted_proxies = vec![golmok_server::limits::parse_proxy("127.0.0.1").unwrap()];
            }
        })
        .await;
        let mut tokens = Vec::new();
        for n in 0..4 {
            tokens.push(s.register(&format!("n{n}@example.com"), &format!("이웃 {n}")).await.token);
        }
        // Four accounts, four claimed addresses, one real peer.
        let mut statuses = Vec::new();
        for (n, token) in tokens.iter().enumerate() {
            let claimed = format!("203.0.113.{n}");
            statuses.push(support(&s, &s.base, token, Some(&claimed)).await.status());
        }
        if trusted {
            assert!(statuses.iter().all(|s| *s == StatusCode::OK), "behind a trusted proxy: four clients");
            // One client behind the proxy, past its limit.
            for _ in 0..2 {
                assert_eq!(
                    support(&s, &s.base, &tokens[1], Some("203.0.113.1")).await.status(),
                    StatusCode::OK
                );
            }
            refused(support(&s, &s.base, &tokens[2], Some("198.51.100.7, 203.0.113.1")).await, 3600).await;
        } else {
            assert_eq!(statuses[..3], [StatusCode::OK; 3]);
            assert_eq!(statuses[3], StatusCode::TOO_MANY_REQUESTS, "a claimed address changes nothing");
        }
    }
}

#[tokio::test]
async fn failed_logins_slow_one_email_down_alike_whether_or_not_it_has_an_account() {
    let s = TestServer::start_with(|c, _| {
        c.demo = true;
        c.limit_login_failures = limit("3/1h");
    })
    .await;
    let login = |email: &'static str, password: &'static str| {
        let s = &s;
        async move {
            s.post("/api/v1/auth/login", None, &json!({"email": email, "password": password})).await.status()
        }
    };
    let mut seen = Vec::new();
    for email in ["resident@example.com", "nobody@example.com"] {
        let mut statuses = Vec::new();
        for _ in 0..3 {
            statuses.push(login(email, "wrong password").await);
        }
        // Past the limit even the right password waits: that is what stops guessing.
        statuses.push(login(email, golmok_server::seed::DEMO_PASSWORD).await);
        seen.push(statuses);
    }
    assert_eq!(
        seen[0],
        [
            StatusCode::UNAUTHORIZED,
            StatusCode::UNAUTHORIZED,
            StatusCode::UNAUTHORIZED,
            StatusCode::TOO_MANY_REQUESTS
        ]
    );
    assert_eq!(seen[0], seen[1], "an unknown email is answered the same");
    // The email is what waits, whatever its case, not everyone.
    let res =
        s.post("/api/v1/auth/login", None, &json!({"email": "Resident@Example.com", "password": "x"})).await;
    refused(res, 3600).await;
    assert_eq!(login("moderator@example.com", golmok_server::seed::DEMO_PASSWORD).await, StatusCode::OK);
}

/// Failed logins count per email and client address: one machine guessing (or locking a
/// known email out on purpose) holds back that email from itself only; every address
/// together has ten times the tries, so a guess spread over many addresses still slows
/// down. Known and unknown emails are answered alike throughout.
#[tokio::test]
async fn failed_logins_hold_back_one_address_and_every_address_only_together() {
    let s = TestServer::start_with(|c, _| {
        c.demo = true;
        c.limit_login_failures = limit("2/1h");
        c.trusted_proxies = vec![golmok_server::limits::parse_proxy("127.0.0.1").unwrap()];
    })
    .await;
    let login = |email: &'static str, password: &'static str, from: String| {
        let s = &s;
        async move {
            s.request(Method::POST, "/api/v1/auth/login", None)
                .header("x-forwarded-for", from)
                .json(&json!({"email": email, "password": password}))
                .send()
                .await
                .unwrap()
        }
    };
    let right = golmok_server::seed::DEMO_PASSWORD;
    let mut seen = Vec::new();
    for email in ["resident@example.com", "nobody@example.com"] {
        let mut statuses = Vec::new();
        // Someone at one address uses up the email's tries there...
        for _ in 0..3 {
            statuses.push(login(email, "wrong password", "203.0.113.66".into()).await.status());
        }
        // ...and the person, elsewhere, is not locked out by it.
        if email == "resident@example.com" {
            assert_eq!(login(email, right, "198.51.100.7".into()).await.status(), StatusCode::OK);
        }
        // Guesses from many addresses, two each, until all of them together reach twenty:
        // then the email waits everywhere, at a new address too.
        for n in 0..9 {
            for _ in 0..2 {
                statuses.push(login(email, "wrong password", format!("192.0.2.{n}")).await.status());
            }
        }
        statuses.push(login(email, "wrong password", "198.51.100.8".into()).await.status());
        seen.push(statuses);
    }
    let mut expected =
        vec![StatusCode::UNAUTHORIZED, StatusCode::UNAUTHORIZED, StatusCode::TOO_MANY_REQUESTS];
    // 2 counted at the first address, 18 from nine others: twenty, the limit.
    expected.extend([StatusCode::UNAUTHORIZED; 18]);
    expected.push(StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(seen[0], expected);
    assert_eq!(seen[0], seen[1], "an unknown email is answered the same");
    let res = login("resident@example.com", right, "198.51.100.9".into()).await;
    refused(res, 3600).await;
    // Another email is not held back by any of it.
    let res = login("moderator@example.com", right, "192.0.2.1".into()).await;
    assert_eq!(res.status(), StatusCode::OK);
}

/// Deleting one's account asks for the password: a wrong one counts as a failed login of
/// the email, so a stolen token is no faster way to guess it; the right one gives its try
/// back.
#[tokio::test]
async fn wrong_passwords_to_delete_an_account_count_as_failed_logins() {
    let s = TestServer::start_with(|c, _| c.limit_login_failures = limit("3/1h")).await;
    let me = s.register("guessed@example.com", "걱정 많은 이웃").await;
    let delete = |password: &'static str| {
        let s = &s;
        let token = me.token.clone();
        async move {
            s.request(Method::DELETE, "/api/v1/auth/me", Some(&token))
                .json(&json!({ "password": password }))
                .send()
                .await
                .unwrap()
        }
    };
    let login = json!({"email": "guessed@example.com", "password": "correct horse battery"});
    // A right password gives its try back: three wrong ones still fit after it.
    assert_eq!(s.post("/api/v1/auth/login", None, &login).await.status(), StatusCode::OK);
    for _ in 0..2 {
        expect_error(delete("a guess").await, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    }
    let wrong_login = json!({"email": "guessed@example.com", "password": "another guess"});
    expect_error(
        s.post("/api/v1/auth/login", None, &wrong_login).await,
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
    )
    .await;
    // Three failures of the email, by either way: both ways wait, the right password too.
    refused(delete("correct horse battery").await, 3600).await;
    refused(s.post("/api/v1/auth/login", None, &login).await, 3600).await;
    assert_eq!(s.get("/api/v1/auth/me", Some(&me.token)).await.status(), StatusCode::OK, "not deleted");
}

#[tokio::test]
async fn registrations_and_logins_have_their_own_limit_per_address() {
    let s = TestServer::start_with(|c, _| {
        c.limit_register = limit("2/1h");
        c.limit_login = limit("2/1h");
        c.cors_origins = vec!["https://portal.example".to_owned()];
    })
    .await;
    s.register("one@example.com", "첫째").await;
    s.register("two@example.com", "둘째").await;
    let body =
        json!({"email": "three@example.com", "password": "correct horse battery", "display_name": "셋"});
    refused(s.post("/api/v1/auth/register", None, &body).await, 3600).await;
    let body = json!({"email": "one@example.com", "password": "correct horse battery"});
    for _ in 0..2 {
        assert_eq!(s.post("/api/v1/auth/login", None, &body).await.status(), StatusCode::OK);
    }
    // An app on another origin may read how long to wait.
    let res = s
        .request(Method::POST, "/api/v1/auth/login", None)
        .header("origin", "https://portal.example")
        .json(&body)
        .send()
        .await
        .unwrap();
    let exposed =
        res.headers().get("access-control-expose-headers").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(exposed.to_ascii_lowercase().contains("retry-after"), "exposed: {exposed}");
    refused(res, 3600).await;
}

/// Two server processes on one database (two pools, as two machines behind a load
/// balancer would have): the limit is one.
#[tokio::test]
async fn a_limit_holds_across_server_processes() {
    let s = TestServer::start_with(|c, _| {
        c.demo = true;
        c.limit_writes = limit("3/1h");
    })
    .await;
    let mut config = golmok_server::Config::new(s.database.clone());
    config.limit_writes = limit("3/1h");
    let other = serve(&config).await;
    let token = s.register("roaming@example.com", "여기저기 이웃").await.token;
    let mut statuses = Vec::new();
    for base in [&s.base, &other, &s.base] {
        statuses.push(support(&s, base, &token, None).await.status());
    }
    assert_eq!(statuses, [StatusCode::OK; 3]);
    refused(support(&s, &other, &token, None).await, 3600).await;
}

/// Guesses sent all at once are each counted before any password is checked: no more get
/// an answer about the password than the limit allows; a good login gives its try back.
#[tokio::test]
async fn a_burst_of_guesses_gets_no_more_tries_than_the_limit() {
    let s = TestServer::start_with(|c, _| {
        c.demo = true;
        c.limit_login_failures = limit("3/1h");
    })
    .await;
    let body = json!({"email": "merchant@example.com", "password": "a guess"});
    let burst = (0..8).map(|_| s.post("/api/v1/auth/login", None, &body));
    let statuses: Vec<StatusCode> =
        futures::future::join_all(burst).await.iter().map(|r| r.status()).collect();
    let answered = statuses.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
    assert!(answered <= 3, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == StatusCode::UNAUTHORIZED || *s == StatusCode::TOO_MANY_REQUESTS));

    // Right passwords do not use the tries up.
    let other = json!({"email": "resident@example.com", "password": golmok_server::seed::DEMO_PASSWORD});
    for _ in 0..5 {
        assert_eq!(s.post("/api/v1/auth/login", None, &other).await.status(), StatusCode::OK);
    }
}

/// A database too busy to count a try (another writer holds the lock past the timeout)
/// lets the request through uncounted: it gets its own answer, not a 503 from the count.
#[tokio::test]
async fn a_busy_database_lets_a_try_through_uncounted() {
    let s = TestServer::start_with(|c, _| c.demo = true).await;
    let mut writer = s.db().await;
    if s.on_postgres() {
        sqlx::query("BEGIN").execute(&mut writer).await.unwrap();
        sqlx::query("LOCK TABLE rate_counts IN EXCLUSIVE MODE").execute(&mut writer).await.unwrap();
    } else {
        sqlx::query("BEGIN IMMEDIATE").execute(&mut writer).await.unwrap();
    }
    // A write without a token: counted for its address first (which waits out the lock
    // timeout and gives up), then refused for what it is.
    let res = s.post(crate::DEMO_PROPOSALS, None, &json!({"kind": "event", "title": "x", "body": "y"})).await;
    sqlx::query("ROLLBACK").execute(&mut writer).await.unwrap();
    expect_error(res, StatusCode::UNAUTHORIZED, "unauthorized").await;
}

/// Counts of windows that are over are forgotten: everything that began before the
/// longest configured window, not a day's worth of every bucket.
#[tokio::test]
async fn windows_older_than_the_longest_limit_are_forgotten() {
    let s = TestServer::start_with(|c, _| {
        c.demo = true;
        c.limit_login = Setting(None);
        c.limit_login_failures = Setting(None);
        c.limit_register = Setting(None);
        c.limit_writes = limit("100/2s");
        c.limit_address_writes = limit("100/1s");
    })
    .await;
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    let mut db = s.db().await;
    for (bucket, start) in [("over", now - 60), ("long over", now - 3600), ("current", now + 3600)] {
        sqlx::query("INSERT INTO rate_counts (bucket, window_start, hits) VALUES ($1, $2, 1)")
            .bind(bucket)
            .bind(start)
            .execute(&mut db)
            .await
            .unwrap();
    }
    // A bucket's first try of a window (a write without a token) sweeps.
    let res = s.post(crate::DEMO_PROPOSALS, None, &json!({"kind": "event", "title": "x", "body": "y"})).await;
    expect_error(res, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let left: Vec<String> =
        sqlx::query_scalar("SELECT bucket FROM rate_counts WHERE bucket IN ('over', 'long over', 'current')")
            .fetch_all(&mut db)
            .await
            .unwrap();
    assert_eq!(left, ["current"]);
}

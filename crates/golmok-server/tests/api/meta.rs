use golmok_api::Health;
use golmok_server::Config;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{TestServer, expect, expect_error};

#[tokio::test]
async fn health_answers_ok() {
    let s = TestServer::start().await;
    let health: Health = expect(s.get("/api/v1/health", None).await, StatusCode::OK).await;
    assert_eq!(health.status, "ok");
    assert_eq!(health.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(health.database, if s.on_postgres() { "postgresql" } else { "sqlite" });
}

#[tokio::test]
async fn openapi_lists_every_path() {
    let s = TestServer::start().await;
    let doc: Value = expect(s.get("/api/v1/openapi.json", None).await, StatusCode::OK).await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for (path, method) in [
        ("/api/v1/health", "get"),
        ("/api/v1/openapi.json", "get"),
        ("/api/v1/auth/register", "post"),
        ("/api/v1/auth/login", "post"),
        ("/api/v1/auth/logout", "post"),
        ("/api/v1/auth/me", "get"),
        ("/api/v1/districts", "get"),
        ("/api/v1/districts/{slug}", "get"),
        ("/api/v1/districts/{slug}/proposals", "get"),
        ("/api/v1/districts/{slug}/proposals", "post"),
        ("/api/v1/proposals/{id}", "get"),
        ("/api/v1/proposals/{id}", "patch"),
        ("/api/v1/proposals/{id}/status", "post"),
        ("/api/v1/proposals/{id}/timeline", "get"),
        ("/api/v1/proposals/{id}/updates", "post"),
        ("/api/v1/reports", "post"),
        ("/api/v1/districts/{slug}/reports", "get"),
        ("/api/v1/districts/{slug}/waiting", "get"),
        ("/api/v1/districts/{slug}/moderators", "post"),
        ("/api/v1/districts/{slug}/moderators/{user_id}", "put"),
        ("/api/v1/me/hidden", "get"),
        ("/api/v1/proposals/{id}/hidden", "put"),
        ("/api/v1/comments/{id}/hidden", "put"),
        ("/api/v1/answers/{id}/hidden", "put"),
        ("/api/v1/announcements/{id}/hidden", "put"),
        ("/api/v1/proposals/{id}/vote", "put"),
        ("/api/v1/proposals/{id}/vote", "delete"),
        ("/api/v1/proposals/{id}/comments", "get"),
        ("/api/v1/proposals/{id}/comments", "post"),
        ("/api/v1/proposals/{id}/answers", "get"),
        ("/api/v1/proposals/{id}/answers/{shop_id}", "put"),
        ("/api/v1/districts/{slug}/shops", "get"),
        ("/api/v1/districts/{slug}/shops", "post"),
        ("/api/v1/districts/{slug}/claims", "get"),
        ("/api/v1/districts/{slug}/announcements", "get"),
        ("/api/v1/districts/{slug}/announcements", "post"),
        ("/api/v1/me/claims", "get"),
        ("/api/v1/me/feed", "get"),
        ("/api/v1/me/proposals", "get"),
        ("/api/v1/me/supports", "get"),
        ("/api/v1/shops/{id}", "get"),
        ("/api/v1/shops/{id}", "patch"),
        ("/api/v1/shops/{id}/verification", "post"),
        ("/api/v1/shops/{id}/follow", "put"),
        ("/api/v1/shops/{id}/follow", "delete"),
        ("/api/v1/shops/{id}/answers", "get"),
        ("/api/v1/shops/{id}/announcements", "get"),
        ("/api/v1/shops/{id}/announcements", "post"),
        ("/api/v1/announcements/{id}", "patch"),
        ("/api/v1/announcements/{id}", "delete"),
        ("/api/v1/announcements/{id}/pin", "put"),
        ("/api/v1/announcements/{id}/pin", "delete"),
    ] {
        assert!(paths.get(path).and_then(|p| p.get(method)).is_some(), "{method} {path} missing");
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for name in [
        "Proposal",
        "NewProposal",
        "ErrorBody",
        "AuthResponse",
        "VoteState",
        "Comment",
        "Shop",
        "ShopClaim",
        "Answer",
        "AnsweredProposal",
        "Announcement",
        "Headline",
        "FeedItem",
        "FollowState",
        "StatusChange",
        "TimelineEntry",
        "ProposalEdit",
        "UpdateNote",
    ] {
        assert!(schemas.contains_key(name), "schema {name} missing");
    }
    assert_eq!(doc["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");

    // Every reference resolves, and operation ids are unique (client generators need both).
    let text = doc.to_string();
    for piece in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = piece.split('"').next().unwrap();
        assert!(schemas.contains_key(name), "dangling $ref to {name}");
    }
    let mut ids = std::collections::HashSet::new();
    for item in paths.values() {
        for op in item.as_object().unwrap().values() {
            let id = op["operationId"].as_str().unwrap();
            assert!(ids.insert(id.to_owned()), "duplicate operationId {id}");
            // Whatever reads a JSON body says what a body that is not one gets.
            if op.get("requestBody").is_some() {
                for status in ["400", "413", "415", "422"] {
                    assert!(op["responses"].get(status).is_some(), "{id} does not document {status}");
                }
            }
        }
    }

    // The strings a client sends carry their rules (golmok_api::patterns).
    for (schema, property) in
        [("NewProposal", "title"), ("NewComment", "body"), ("ShopUpdate", "phone"), ("Span", "starts")]
    {
        let pattern = doc["components"]["schemas"][schema]["properties"][property]["pattern"].as_str();
        assert!(pattern.is_some_and(|p| p.starts_with('^')), "{schema}.{property} has no pattern");
    }
    for schema in ["RegisterRequest", "NewModerator"] {
        let email = &doc["components"]["schemas"][schema]["properties"]["email"];
        assert_eq!(
            (&email["maxLength"], &email["pattern"]),
            (&json!(254), &json!(golmok_api::patterns::email()))
        );
    }
    assert_eq!(doc["components"]["schemas"]["Verification"]["allOf"][0]["then"]["required"][0], "note");
    let answer = &doc["components"]["schemas"]["StatusChange"]["allOf"][0];
    assert_eq!(answer["if"]["properties"]["status"]["enum"], serde_json::json!(["accepted", "declined"]));
    assert_eq!(answer["then"]["required"][0], "note");
    // A district's settings: null clears what may be empty, and nothing else may be null.
    let settings = &doc["components"]["schemas"]["DistrictSettingsUpdate"]["properties"];
    for (property, nullable) in [
        ("name", false),
        ("name_en", false),
        ("description", true),
        ("description_en", true),
        ("kakao_channel_url", true),
        ("support_threshold", false),
        ("pledge_threshold", false),
        ("expiry_days", false),
    ] {
        let types = &settings[property]["type"];
        let null = types == "null" || types.as_array().is_some_and(|t| t.iter().any(|t| t == "null"));
        assert_eq!(null, nullable, "DistrictSettingsUpdate.{property}: {types}");
    }
    // A shop's profile likewise.
    let shop = &doc["components"]["schemas"]["ShopUpdate"]["properties"];
    for (property, nullable) in [
        ("name", false),
        ("name_en", true),
        ("category", false),
        ("description", true),
        ("description_en", true),
        ("place", true),
        ("phone", true),
        ("kakao_channel_url", true),
        ("accepts_onnuri", false),
        ("accepts_local_card", false),
        ("hours", false),
        ("closed_today", false),
    ] {
        let p = &shop[property];
        let types = &p["type"];
        let null = types == "null"
            || types.as_array().is_some_and(|t| t.iter().any(|t| t == "null"))
            || p["oneOf"].as_array().is_some_and(|o| o.iter().any(|t| t["type"] == "null"));
        assert_eq!(null, nullable, "ShopUpdate.{property}: {p}");
    }
    let q = &paths["/api/v1/districts/{slug}/shops"]["get"]["parameters"];
    let q = q.as_array().unwrap().iter().find(|p| p["name"] == "q").unwrap();
    assert_eq!(q["schema"]["maxLength"], 50);
}

#[tokio::test]
async fn unknown_api_routes_and_methods_are_json() {
    let s = TestServer::start().await;
    expect_error(s.get("/api/v1/nothing-here", None).await, StatusCode::NOT_FOUND, "not_found").await;
    expect_error(s.get("/api/unknown", None).await, StatusCode::NOT_FOUND, "not_found").await;
    expect_error(s.get("/api", None).await, StatusCode::NOT_FOUND, "not_found").await;
    let res = s.request(Method::PATCH, "/api/v1/health", None).send().await.unwrap();
    assert!(res.headers().contains_key("allow"));
    expect_error(res, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
}

#[tokio::test]
async fn api_answers_carry_security_headers() {
    let s = TestServer::start().await;
    let res = s.get("/api/v1/health", None).await;
    let h = res.headers();
    assert!(h["content-security-policy"].to_str().unwrap().contains("default-src 'self'"));
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "strict-origin-when-cross-origin");
}

#[tokio::test]
async fn cors_only_for_configured_origins() {
    let s = TestServer::start_with(|c, _| c.cors_origins = vec!["https://district.example".into()]).await;
    // A browser's question before a request: may `origin` send `method` with `headers`?
    let preflight =
        |origin: &'static str, path: &'static str, method: &'static str, headers: &'static str| {
            s.request(Method::OPTIONS, path, None)
                .header("origin", origin)
                .header("access-control-request-method", method)
                .header("access-control-request-headers", headers)
                .send()
        };
    let ok = preflight("https://district.example", "/api/v1/auth/me", "GET", "authorization").await.unwrap();
    assert_eq!(ok.headers()["access-control-allow-origin"], "https://district.example");
    // The service worker's replays carry a key (public/sw.js), and read whether the answer
    // was a replay: a portal whose API is elsewhere must let both through.
    let write = preflight(
        "https://district.example",
        "/api/v1/proposals/3/comments",
        "POST",
        "authorization,content-type,idempotency-key",
    )
    .await
    .unwrap();
    let allowed = write.headers()["access-control-allow-headers"].to_str().unwrap().to_ascii_lowercase();
    assert!(allowed.contains("idempotency-key"), "{allowed}");
    let res =
        s.request(Method::GET, "/api/v1/health", None).header("origin", "https://district.example").send();
    let res = res.await.unwrap();
    let exposed = res.headers()["access-control-expose-headers"].to_str().unwrap().to_ascii_lowercase();
    assert!(exposed.contains("idempotent-replayed"), "{exposed}");
    let other = preflight("https://evil.example", "/api/v1/auth/me", "GET", "authorization").await.unwrap();
    assert!(!other.headers().contains_key("access-control-allow-origin"));

    let plain = TestServer::start().await;
    let res = plain.get("/api/v1/health", None).await;
    assert!(!res.headers().contains_key("access-control-allow-origin"));
}

fn cache_control(res: &reqwest::Response) -> &str {
    res.headers().get("cache-control").map_or("(none)", |v| v.to_str().unwrap())
}

#[tokio::test]
async fn api_answers_are_never_stored() {
    let s = crate::demo_server().await;
    let auth = s.register("resident2@example.com", "주민").await;
    for res in [
        s.get("/api/v1/auth/me", Some(&auth.token)).await,
        s.get("/api/v1/auth/me", None).await,
        s.get(&format!("{}?limit=5", crate::DEMO_PROPOSALS), Some(&auth.token)).await,
        s.get("/api/v1/proposals/3", None).await,
        s.get("/api/v1/nothing-here", None).await,
        s.get("/api/elsewhere", None).await,
        s.post(
            "/api/v1/auth/login",
            None,
            &json!({"email": "resident2@example.com", "password": "correct horse battery"}),
        )
        .await,
        s.request(Method::PUT, "/api/v1/proposals/3/vote", Some(&auth.token)).send().await.unwrap(),
        s.request(Method::POST, "/api/v1/health", None).send().await.unwrap(),
    ] {
        assert_eq!(cache_control(&res), "no-store", "{} {}", res.url(), res.status());
    }
    // Only what is the same for everyone may be kept, and then only if revalidated.
    for path in ["/api/v1/health", "/api/v1/openapi.json"] {
        let res = s.get(path, None).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(cache_control(&res), "no-cache", "{path}");
    }
}

#[tokio::test]
async fn slow_requests_time_out_as_json() {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

    let s = TestServer::start_with(|c, _| c.request_timeout = std::time::Duration::from_millis(300)).await;
    // A body announced but never finished: the handler waits on it until the timeout.
    let mut conn = tokio::net::TcpStream::connect(s.base.strip_prefix("http://").unwrap()).await.unwrap();
    conn.write_all(
        b"POST /api/v1/auth/register HTTP/1.1\r\nHost: golmok\r\nConnection: close\r\n\
          Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"email\":",
    )
    .await
    .unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(std::time::Duration::from_secs(10), conn.read_to_end(&mut answer))
        .await
        .expect("the server answers and closes")
        .unwrap();
    let answer = String::from_utf8(answer).unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    let head = head.to_ascii_lowercase();
    assert!(head.starts_with("http/1.1 408"), "{answer}");
    assert!(head.contains("content-type: application/json"), "{answer}");
    assert!(head.contains("cache-control: no-store"), "{answer}");
    let body: golmok_api::ErrorBody = serde_json::from_str(body).unwrap();
    assert_eq!(body.error.code, golmok_api::error_code::REQUEST_TIMEOUT);

    // Requests that do not dawdle are unaffected.
    assert_eq!(s.get("/api/v1/health", None).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn origins_that_are_not_origins_stop_startup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("golmok.db");
    for (connect_src, cors, flag) in [
        ("https://api.example; script-src 'unsafe-inline'", "https://a.example", "--connect-src"),
        ("https://api.example/v1", "https://a.example", "--connect-src"),
        ("https://api.example", "https://a.example/app", "--cors-origin"),
        ("https://api.example", "a.example", "--cors-origin"),
    ] {
        let mut config = Config::new(db.to_str().unwrap());
        config.connect_src = vec![connect_src.to_owned()];
        config.cors_origins = vec![cors.to_owned()];
        let err = golmok_server::build_app(&config).await.expect_err(connect_src);
        assert!(format!("{err:#}").contains(flag), "{err:#}");
    }
    assert!(!db.exists(), "refused before the database is created");

    let mut config = Config::new(db.to_str().unwrap());
    config.connect_src = vec!["https://API.example/".to_owned(), String::new()];
    config.cors_origins = vec!["*".to_owned()];
    let base = crate::serve(&config).await;
    let res = reqwest::get(format!("{base}/api/v1/health")).await.unwrap();
    let csp = res.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("connect-src 'self' https://api.example;"), "{csp}");
    // `*`: any site's page may call the API (tokens travel in a header, not a cookie).
    let res = reqwest::Client::new()
        .get(format!("{base}/api/v1/health"))
        .header("origin", "https://any.example")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["access-control-allow-origin"], "*");
}

/// What `main` runs: listening on the configured address, serving until told to stop,
/// then returning cleanly.
#[tokio::test]
async fn run_serves_until_shutdown() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::new(dir.path().join("golmok.db").to_str().unwrap());
    let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    config.listen = free.local_addr().unwrap().to_string();
    drop(free);
    let url = format!("http://{}/api/v1/health", config.listen);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(golmok_server::run(config, async {
        let _ = stopped.await;
    }));
    let mut answered = false;
    for _ in 0..100 {
        if reqwest::get(&url).await.is_ok_and(|r| r.status() == StatusCode::OK) {
            answered = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(answered, "run() serves the API");
    assert!(!server.is_finished(), "and keeps serving");
    stop.send(()).unwrap();
    server.await.unwrap().expect("a clean stop");
    assert!(reqwest::get(&url).await.is_err(), "nothing listens any more");
}

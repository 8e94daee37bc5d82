use golmok_api::Health;
use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::{TestServer, expect, expect_error};

#[tokio::test]
async fn health_answers_ok() {
    let s = TestServer::start().await;
    let health: Health = expect(s.get("/api/v1/health", None).await, StatusCode::OK).await;
    assert_eq!(health.status, "ok");
    assert_eq!(health.version, env!("CARGO_PKG_VERSION"));
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
        ("/api/v1/proposals/{id}/vote", "put"),
        ("/api/v1/proposals/{id}/vote", "delete"),
        ("/api/v1/proposals/{id}/comments", "get"),
        ("/api/v1/proposals/{id}/comments", "post"),
    ] {
        assert!(paths.get(path).and_then(|p| p.get(method)).is_some(), "{method} {path} missing");
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for name in ["Proposal", "NewProposal", "ErrorBody", "AuthResponse", "VoteState", "Comment"] {
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
        }
    }
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
    let preflight = |origin: &'static str| {
        s.request(Method::OPTIONS, "/api/v1/auth/me", None)
            .header("origin", origin)
            .header("access-control-request-method", "GET")
            .header("access-control-request-headers", "authorization")
            .send()
    };
    let ok = preflight("https://district.example").await.unwrap();
    assert_eq!(ok.headers()["access-control-allow-origin"], "https://district.example");
    let other = preflight("https://evil.example").await.unwrap();
    assert!(!other.headers().contains_key("access-control-allow-origin"));

    let plain = TestServer::start().await;
    let res = plain.get("/api/v1/health", None).await;
    assert!(!res.headers().contains_key("access-control-allow-origin"));
}

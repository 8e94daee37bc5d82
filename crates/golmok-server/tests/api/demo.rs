use golmok_api::{AuthResponse, District, Page, Proposal, ProposalKind};
use golmok_server::Config;
use reqwest::StatusCode;
use serde_json::json;

use crate::{DEMO_PROPOSALS, TestServer, demo_server, expect, serve};

#[tokio::test]
async fn demo_seed_loads() {
    let s = demo_server().await;
    let d: District = expect(s.get("/api/v1/districts/eungubi-seo", None).await, StatusCode::OK).await;
    assert_eq!(d.region, "대전 유성구 노은동");
    assert_eq!(d.region_en, "Noeun-dong, Yuseong-gu, Daejeon");
    assert!(d.proposal_count >= 6);

    for email in ["resident@example.com", "merchant@example.com", "moderator@example.com"] {
        let res = s
            .post("/api/v1/auth/login", None, &json!({"email": email, "password": "golmok-demo-2026"}))
            .await;
        let auth: AuthResponse = expect(res, StatusCode::OK).await;
        assert_eq!(auth.user.email, email);
    }

    let p3: Proposal = expect(s.get("/api/v1/proposals/3", None).await, StatusCode::OK).await;
    assert_eq!(p3.district_slug, "eungubi-seo");

    let all: Page<Proposal> =
        expect(s.get(&format!("{DEMO_PROPOSALS}?limit=50"), None).await, StatusCode::OK).await;
    assert!(all.items.iter().any(|p| p.kind == ProposalKind::Event && p.event_date.is_some()));
    assert!(all.items.iter().any(|p| p.kind == ProposalKind::Improvement));
    assert!(all.items.iter().all(|p| p.vote_count > 0));
    assert!(all.items.iter().any(|p| p.comment_count > 0));
    let statuses: std::collections::HashSet<_> = all.items.iter().map(|p| p.status).collect();
    assert!(statuses.len() >= 3, "varied statuses: {statuses:?}");
}

#[tokio::test]
async fn demo_seed_twice_does_not_duplicate() {
    let s = demo_server().await;
    let mut config = Config::new(&s.database);
    config.demo = true;
    let again = serve(&config).await;
    let client = reqwest::Client::new();
    for base in [s.base.as_str(), again.as_str()] {
        let districts: Page<District> =
            expect(client.get(format!("{base}/api/v1/districts")).send().await.unwrap(), StatusCode::OK)
                .await;
        assert_eq!(districts.items.len(), 2, "the two demo districts, once");
        let page: Page<Proposal> = expect(
            client.get(format!("{base}{DEMO_PROPOSALS}?limit=50")).send().await.unwrap(),
            StatusCode::OK,
        )
        .await;
        assert_eq!(page.items.len(), golmok_server::seed::DEMO.proposals.len());
    }
}

#[tokio::test]
async fn demo_refuses_a_database_with_other_data() {
    let s = TestServer::start().await;
    s.register("real.person@example.com", "실제 주민").await;
    let mut config = Config::new(&s.database);
    config.demo = true;
    let base = serve(&config).await;
    let districts: Page<District> =
        expect(reqwest::get(format!("{base}/api/v1/districts")).await.unwrap(), StatusCode::OK).await;
    assert!(districts.items.is_empty());
}

#[tokio::test]
async fn database_url_forms() {
    let dir = tempfile::tempdir().unwrap();
    for url in [
        format!("sqlite://{}", dir.path().join("a.db").display()),
        format!("sqlite:{}", dir.path().join("b.db").display()),
        dir.path().join("c.db").display().to_string(),
    ] {
        let base = serve(&Config::new(url.clone())).await;
        let res = reqwest::get(format!("{base}/api/v1/health")).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{url}");
    }
    let refused = golmok_server::build_app(&Config::new("mysql://localhost/x")).await.err().unwrap();
    assert!(format!("{refused:#}").contains("postgres://"), "says what is supported: {refused:#}");
}

//! End-to-end tests: each starts the real server on 127.0.0.1:0 over a real SQLite file
//! in a temporary directory, and talks HTTP to it.

mod auth;
mod comments;
mod demo;
mod meta;
mod proposals;
mod votes;
mod web;

use golmok_api::{AuthResponse, ErrorBody, FieldErrorCode, NewProposal, Proposal, ProposalKind};
use golmok_server::Config;
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use tempfile::TempDir;

pub struct TestServer {
    pub base: String,
    pub client: reqwest::Client,
    pub dir: TempDir,
}

impl TestServer {
    pub async fn start() -> Self {
        Self::start_with(|_, _| {}).await
    }

    /// Starts a server whose config `tweak` may change; the database file lives in `dir`.
    pub async fn start_with(tweak: impl FnOnce(&mut Config, &std::path::Path)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("golmok.db");
        let mut config = Config::new(db.to_str().unwrap());
        tweak(&mut config, dir.path());
        let base = serve(&config).await;
        TestServer { base, client: reqwest::Client::new(), dir }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn request(&self, method: Method, path: &str, token: Option<&str>) -> RequestBuilder {
        let mut req = self.client.request(method, self.url(path));
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        req
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Response {
        self.request(Method::GET, path, token).send().await.unwrap()
    }

    pub async fn send_json(&self, method: Method, path: &str, token: Option<&str>, body: &Value) -> Response {
        self.request(method, path, token).json(body).send().await.unwrap()
    }

    pub async fn post(&self, path: &str, token: Option<&str>, body: &Value) -> Response {
        self.send_json(Method::POST, path, token, body).await
    }

    /// Registers a fresh account and answers its token.
    pub async fn register(&self, email: &str, name: &str) -> AuthResponse {
        let res = self
            .post(
                "/api/v1/auth/register",
                None,
                &json!({"email": email, "password": "correct horse battery", "display_name": name}),
            )
            .await;
        expect(res, StatusCode::CREATED).await
    }

    /// Creates a valid proposal in the demo district.
    pub async fn create_proposal(&self, token: &str, title: &str, kind: ProposalKind) -> Proposal {
        let input = NewProposal {
            kind,
            title: title.to_owned(),
            body: "골목을 위한 제안이에요. 함께 해 주세요!".to_owned(),
            event_date: (kind == ProposalKind::Event).then(|| "2026-07-18".to_owned()),
            event_place: (kind == ProposalKind::Event).then(|| "맹꽁이길".to_owned()),
        };
        let res = self.post(DEMO_PROPOSALS, Some(token), &serde_json::to_value(&input).unwrap()).await;
        expect(res, StatusCode::CREATED).await
    }

    /// A connection of its own to the server's database file, for what the API cannot do
    /// (age a session, hold a write lock).
    pub async fn db(&self) -> sqlx::SqliteConnection {
        use sqlx::ConnectOptions as _;
        sqlx::sqlite::SqliteConnectOptions::new()
            .filename(self.dir.path().join("golmok.db"))
            .connect()
            .await
            .unwrap()
    }

    pub async fn vote(&self, token: &str, id: i64, on: bool) -> golmok_api::VoteState {
        let method = if on { Method::PUT } else { Method::DELETE };
        let res =
            self.request(method, &format!("/api/v1/proposals/{id}/vote"), Some(token)).send().await.unwrap();
        expect(res, StatusCode::OK).await
    }
}

pub const DEMO_PROPOSALS: &str = "/api/v1/districts/eungubi-seo/proposals";

/// A server with the demo district, the only district there is without an admin API.
pub async fn demo_server() -> TestServer {
    TestServer::start_with(|c, _| c.demo = true).await
}

/// Builds the app for `config` and serves it in the background; answers its base URL.
pub async fn serve(config: &Config) -> String {
    let app = golmok_server::build_app(config).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { golmok_server::serve(listener, app, std::future::pending()).await.unwrap() });
    format!("http://{addr}")
}

/// Asserts the status and parses the body.
pub async fn expect<T: DeserializeOwned>(res: Response, status: StatusCode) -> T {
    let actual = res.status();
    let url = res.url().clone();
    let text = res.text().await.unwrap();
    assert_eq!(actual, status, "{url}: {text}");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{url}: {e}: {text}"))
}

/// Asserts an error answer: status, JSON error body with `code`; answers the body.
pub async fn expect_error(res: Response, status: StatusCode, code: &str) -> ErrorBody {
    let content_type = res.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned());
    let body: ErrorBody = expect(res, status).await;
    assert_eq!(body.error.code, code, "{body:?}");
    assert!(!body.error.message.is_empty());
    assert_eq!(content_type.as_deref(), Some("application/json"));
    body
}

/// The `(field, code)` pairs of a `validation_failed` body, in order.
pub fn field_codes(body: &ErrorBody) -> Vec<(&str, FieldErrorCode)> {
    body.error.fields.iter().map(|f| (f.field.as_str(), f.code)).collect()
}

//! End-to-end tests: each starts the real server on 127.0.0.1:0 over a real database and
//! talks HTTP to it. The database is a SQLite file in a temporary directory, or, when
//! GOLMOK_TEST_POSTGRES names a PostgreSQL cluster (`make test` runs the suite a second
//! time on a throwaway one, scripts/with-postgres.sh), a fresh database of its own there:
//! every test runs on both engines.

mod admin;
mod announcements;
mod answers;
mod auth;
mod callers;
mod comments;
mod demo;
mod engines;
mod goals;
mod idempotency;
mod life;
mod limits;
mod meta;
mod moderation;
mod proposals;
mod regulars;
mod shops;
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
    /// The database URL the server runs on.
    pub database: String,
}

/// The PostgreSQL cluster to run on, if any: `postgres://USER@HOST:PORT/DB` of a user
/// who may create databases.
pub fn postgres_cluster() -> Option<String> {
    std::env::var("GOLMOK_TEST_POSTGRES").ok().filter(|url| !url.is_empty())
}

/// A database no other test uses: a SQLite file in `dir`, or a new PostgreSQL database.
pub async fn fresh_database(dir: &std::path::Path) -> String {
    use sqlx::{Connection as _, Executor as _};
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let Some(cluster) = postgres_cluster() else {
        return dir.join("golmok.db").to_str().unwrap().to_owned();
    };
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!("golmok_{}_{n}", std::process::id());
    let mut admin = sqlx::PgConnection::connect(&cluster).await.expect("the test cluster answers");
    admin.execute(format!("CREATE DATABASE {name}").as_str()).await.unwrap();
    let (server, _) = cluster.rsplit_once('/').expect("a database in the cluster URL");
    format!("{server}/{name}")
}

impl TestServer {
    pub async fn start() -> Self {
        Self::start_with(|_, _| {}).await
    }

    /// Starts a server whose config `tweak` may change, on a fresh database; `dir` is
    /// the server's own temporary directory.
    pub async fn start_with(tweak: impl FnOnce(&mut Config, &std::path::Path)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut config = Config::new(fresh_database(dir.path()).await);
        tweak(&mut config, dir.path());
        let base = serve(&config).await;
        TestServer { base, client: reqwest::Client::new(), dir, database: config.database }
    }

    pub fn on_postgres(&self) -> bool {
        self.database.starts_with("postgres")
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

    /// A request with an `Idempotency-Key`.
    pub fn keyed(&self, method: Method, path: &str, token: Option<&str>, key: &str) -> RequestBuilder {
        self.request(method, path, token).header("Idempotency-Key", key)
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

    /// `register` for values owned by the caller (concurrent registrations).
    pub async fn register_owned(&self, email: String, name: String) -> AuthResponse {
        self.register(&email, &name).await
    }

    /// Logs a demo account in (password `golmok-demo-2026`).
    pub async fn login_demo(&self, email: &str) -> AuthResponse {
        let body = json!({"email": email, "password": golmok_server::seed::DEMO_PASSWORD});
        expect(self.post("/api/v1/auth/login", None, &body).await, StatusCode::OK).await
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

    /// A connection of its own to the server's database, for what the API cannot do (age
    /// a session, hold a lock). Its SQL is the server's: `$N` placeholders, both engines.
    pub async fn db(&self) -> sqlx::AnyConnection {
        use sqlx::Connection as _;
        sqlx::any::install_default_drivers();
        let url =
            if self.on_postgres() { self.database.clone() } else { format!("sqlite://{}", self.database) };
        sqlx::AnyConnection::connect(&url).await.unwrap()
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
/// Every item of a list, following `next_cursor` page by page. `path` carries the page
/// size (`limit=N`, else the default 20); no page may be longer than it.
pub async fn walk_pages<T: DeserializeOwned>(s: &TestServer, path: &str, token: Option<&str>) -> Vec<T> {
    let limit = path
        .split(['?', '&'])
        .find_map(|p| p.strip_prefix("limit="))
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(20);
    let sep = if path.contains('?') { '&' } else { '?' };
    let mut all = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let url = match &cursor {
            Some(c) => format!("{path}{sep}cursor={c}"),
            None => path.to_owned(),
        };
        let page: golmok_api::Page<T> = expect(s.get(&url, token).await, StatusCode::OK).await;
        assert!(page.items.len() <= limit, "{url}: a page longer than {limit}");
        all.extend(page.items);
        match page.next_cursor {
            Some(c) => cursor = Some(c),
            None => return all,
        }
    }
}

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

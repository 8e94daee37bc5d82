//! Several server processes on one database, and a database that is not there yet: the
//! scaled shape (PostgreSQL, N stateless servers) and the embedded one (one SQLite file)
//! behave the same. These run real `golmok-server` processes.

use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use futures::future::join_all;
use golmok_api::{AuthResponse, Health, Page, Proposal, ProposalKind};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::{expect, expect_error, fresh_database, postgres_cluster};

/// A `golmok-server` process of its own; killed when dropped.
struct Process {
    child: Child,
    base: String,
}

impl Process {
    /// Starts the binary on `database` and waits until it says where it listens.
    fn start(database: &str, demo: bool) -> Self {
        let mut command = Command::new(env!("CARGO_BIN_EXE_golmok-server"));
        command
            .args(["--listen", "127.0.0.1:0", "--database", database])
            .env("RUST_LOG", "golmok_server=warn")
            .env_remove("GOLMOK_DEMO")
            .env_remove("GOLMOK_STATIC")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        if demo {
            command.arg("--demo");
        }
        let mut child = command.spawn().expect("the server binary starts");
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let base = loop {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(rest) = line.strip_prefix("Golmok is running at ") {
                        break rest.trim_end_matches('/').to_owned();
                    }
                }
                _ => {
                    let status = child.wait();
                    panic!("the server exited before listening: {status:?}");
                }
            }
        };
        Process { child, base }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts two processes at the same moment.
fn start_two(database: &str, demo: bool) -> (Process, Process) {
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| Process::start(database, demo));
        let b = s.spawn(|| Process::start(database, demo));
        (a.join().unwrap(), b.join().unwrap())
    });
    (a, b)
}

#[tokio::test]
async fn two_servers_starting_together_on_an_empty_database_make_one_schema_and_one_demo() {
    let dir = tempfile::tempdir().unwrap();
    let database = fresh_database(dir.path()).await;
    let (a, b) = tokio::task::spawn_blocking(move || start_two(&database, true)).await.unwrap();
    let client = reqwest::Client::new();
    for server in [&a, &b] {
        let health: Health =
            expect(client.get(server.url("/api/v1/health")).send().await.unwrap(), StatusCode::OK).await;
        assert_eq!(health.database, if postgres_cluster().is_some() { "postgresql" } else { "sqlite" });
        let districts: Page<serde_json::Value> =
            expect(client.get(server.url("/api/v1/districts")).send().await.unwrap(), StatusCode::OK).await;
        assert_eq!(districts.items.len(), 2, "the two demo districts, seeded once");
        let login = client
            .post(server.url("/api/v1/auth/login"))
            .json(&json!({"email": "resident@example.com", "password": "golmok-demo-2026"}))
            .send()
            .await
            .unwrap();
        let _: AuthResponse = expect(login, StatusCode::OK).await;
    }
    // Both see the same proposals: one data set, not two.
    let list =
        |server: &Process| client.get(server.url("/api/v1/districts/eungubi-seo/proposals?sort=new")).send();
    let from_a: Page<Proposal> = expect(list(&a).await.unwrap(), StatusCode::OK).await;
    let from_b: Page<Proposal> = expect(list(&b).await.unwrap(), StatusCode::OK).await;
    assert_eq!(from_a, from_b);
    let ids: Vec<i64> = from_a.items.iter().map(|p| p.id).collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids, unique);
}

#[tokio::test]
async fn supports_through_two_servers_at_once_count_exactly() {
    const USERS: usize = 100;
    let dir = tempfile::tempdir().unwrap();
    let database = fresh_database(dir.path()).await;
    let first = Process::start(&database, true);
    let second = Process::start(&database, false);
    let servers = [&first, &second];
    let client = reqwest::Client::new();

    // A hundred residents, registered through both servers. Setting the scene only: a
    // 503 (SQLite busy past its timeout, on a loaded machine) is retried, as clients do.
    let tokens: Vec<String> = join_all((0..USERS).map(|i| {
        let (client, server) = (client.clone(), servers[i % 2]);
        async move {
            let body = json!({"email": format!("neighbour{i}@example.com"), "password": "correct horse battery", "display_name": format!("이웃 {i}")});
            let mut tries = 0;
            loop {
                let res = client.post(server.url("/api/v1/auth/register")).json(&body).send().await.unwrap();
                tries += 1;
                if res.status() == StatusCode::SERVICE_UNAVAILABLE && tries < 5 {
                    continue;
                }
                break expect::<AuthResponse>(res, StatusCode::CREATED).await.token;
            }
        }
    }))
    .await;
    let proposal: Proposal = expect(
        client
            .post(first.url("/api/v1/districts/eungubi-seo/proposals"))
            .bearer_auth(&tokens[0])
            .json(&json!({"kind": ProposalKind::Improvement.as_str(), "title": "골목 벤치를 늘려 주세요", "body": "쉬어 갈 곳이 필요해요."}))
            .send()
            .await
            .unwrap(),
        StatusCode::CREATED,
    )
    .await;
    let vote_path = format!("/api/v1/proposals/{}/vote", proposal.id);

    for (method, expected) in [(Method::PUT, USERS as i64), (Method::DELETE, 0)] {
        let started = Instant::now();
        let answers = join_all(tokens.iter().enumerate().map(|(i, token)| {
            client.request(method.clone(), servers[i % 2].url(&vote_path)).bearer_auth(token).send()
        }))
        .await;
        for res in answers {
            assert_eq!(res.unwrap().status(), StatusCode::OK, "every support is taken ({method})");
        }
        for server in servers {
            let seen: Proposal = expect(
                client.get(server.url(&format!("/api/v1/proposals/{}", proposal.id))).send().await.unwrap(),
                StatusCode::OK,
            )
            .await;
            assert_eq!(seen.vote_count, expected, "{method}, after {:?}", started.elapsed());
        }
    }
}

/// A TCP relay in front of the test cluster, to make PostgreSQL disappear and come back.
struct Relay {
    port: u16,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl Relay {
    /// A port nothing listens on yet.
    fn reserve() -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        Relay { port, task: None }
    }

    /// Starts relaying to `target` (`HOST:PORT`).
    async fn open(&mut self, target: String) {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", self.port)).await.unwrap();
        self.task = Some(tokio::spawn(async move {
            let mut connections = tokio::task::JoinSet::new();
            while let Ok((mut inbound, _)) = listener.accept().await {
                let target = target.clone();
                connections.spawn(async move {
                    if let Ok(mut outbound) = tokio::net::TcpStream::connect(target).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
            }
        }));
    }

    /// Stops listening and cuts every connection.
    fn close(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

/// `postgres://USER@HOST:PORT/DB` and the same through `port` on this machine.
fn via(database: &str, port: u16) -> (String, String) {
    let (scheme_user, rest) = database.split_once('@').unwrap();
    let (host_port, db) = rest.split_once('/').unwrap();
    (host_port.to_owned(), format!("{scheme_user}@127.0.0.1:{port}/{db}"))
}

#[tokio::test]
async fn the_server_waits_for_a_postgresql_that_comes_up_late() {
    if postgres_cluster().is_none() {
        return; // PostgreSQL only: a SQLite file is there when the server is.
    }
    let dir = tempfile::tempdir().unwrap();
    let database = fresh_database(dir.path()).await;
    let mut relay = Relay::reserve();
    let (target, late) = via(&database, relay.port);
    let started = Instant::now();
    let opening = tokio::spawn(async move { golmok_server::Store::open(&late).await });
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(!opening.is_finished(), "still waiting for the database");
    relay.open(target).await;
    let store = opening.await.unwrap().expect("opened once the database came up");
    assert!(started.elapsed() >= Duration::from_millis(1500));
    store.ping().await.unwrap();
    relay.close();
}

#[tokio::test]
async fn health_says_when_postgresql_does_not_answer() {
    if postgres_cluster().is_none() {
        return; // PostgreSQL only: it is the database that can be elsewhere and down.
    }
    let dir = tempfile::tempdir().unwrap();
    let database = fresh_database(dir.path()).await;
    let mut relay = Relay::reserve();
    let (target, through_relay) = via(&database, relay.port);
    relay.open(target.clone()).await;
    let base = crate::serve(&golmok_server::Config::new(through_relay)).await;
    let health = || reqwest::get(format!("{base}/api/v1/health"));
    assert_eq!(health().await.unwrap().status(), StatusCode::OK);

    relay.close();
    expect_error(health().await.unwrap(), StatusCode::SERVICE_UNAVAILABLE, "unavailable").await;

    relay.open(target).await;
    let mut back = false;
    for _ in 0..100 {
        if health().await.unwrap().status() == StatusCode::OK {
            back = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(back, "healthy again once the database is back");
    relay.close();
}

/// The same requests to a server on SQLite and one on PostgreSQL get the same answers,
/// byte for byte but for the moments things happened (checked to be RFC 3339 UTC on
/// both): ids, counts, ordering, cursors, errors.
#[tokio::test]
async fn sqlite_and_postgresql_answer_the_same() {
    if postgres_cluster().is_none() {
        return; // Needs both engines.
    }
    let dir = tempfile::tempdir().unwrap();
    let mut on_sqlite = golmok_server::Config::new(dir.path().join("golmok.db").to_str().unwrap());
    let mut on_postgres = golmok_server::Config::new(fresh_database(dir.path()).await);
    on_sqlite.demo = true;
    on_postgres.demo = true;
    let sqlite = conversation(&crate::serve(&on_sqlite).await).await;
    let postgres = conversation(&crate::serve(&on_postgres).await).await;
    assert_eq!(sqlite.len(), postgres.len());
    for ((step, a), (_, b)) in sqlite.iter().zip(&postgres) {
        assert_eq!(a, b, "{step}: SQLite said\n{a}\nPostgreSQL said\n{b}");
    }
}

/// A resident's visit, written and read, as (what was asked, the status and body that
/// came back, timestamps checked and blanked, tokens blanked).
async fn conversation(base: &str) -> Vec<(String, String)> {
    let client = reqwest::Client::new();
    let mut said = Vec::new();
    let mut ask = async |method: Method, path: &str, token: Option<&str>, body: Option<serde_json::Value>| {
        let mut req = client.request(method.clone(), format!("{base}{path}"));
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        if let Some(body) = body {
            req = req.json(&body);
        }
        let res = req.send().await.unwrap();
        let status = res.status();
        let body: serde_json::Value = res.json().await.unwrap_or(serde_json::Value::Null);
        let mut shown = body.clone();
        blank_times(&mut shown);
        said.push((format!("{method} {path}"), format!("{status} {shown}")));
        body
    };
    let register = |email: &str, name: &str| {
        Some(json!({"email": email, "password": "correct horse battery", "display_name": name}))
    };
    let mina = ask(Method::POST, "/api/v1/auth/register", None, register("mina@example.com", "민아")).await;
    let mina = mina["token"].as_str().unwrap().to_owned();
    let jun = ask(Method::POST, "/api/v1/auth/register", None, register("jun@example.com", "준호")).await;
    let jun = jun["token"].as_str().unwrap().to_owned();
    let proposal = ask(
        Method::POST,
        "/api/v1/districts/eungubi-seo/proposals",
        Some(&mina),
        Some(json!({"kind": "event", "title": "골목 영화의 밤", "body": "토요일 저녁, 빈 벽에 영화를 비춰요.", "event_date": "2027-05-01", "event_place": "맹꽁이길"})),
    )
    .await;
    let id = proposal["id"].as_i64().unwrap();
    ask(Method::PUT, &format!("/api/v1/proposals/{id}/vote"), Some(&jun), None).await;
    ask(Method::PUT, &format!("/api/v1/proposals/{id}/vote"), Some(&jun), None).await;
    ask(Method::PUT, "/api/v1/proposals/2/vote", Some(&jun), None).await;
    ask(Method::DELETE, "/api/v1/proposals/2/vote", Some(&jun), None).await;
    for text in ["좋아요!", "돗자리 가져갈게요", "비가 오면요?"] {
        ask(
            Method::POST,
            &format!("/api/v1/proposals/{id}/comments"),
            Some(&jun),
            Some(json!({"body": text})),
        )
        .await;
    }
    ask(Method::GET, "/api/v1/districts", None, None).await;
    ask(Method::GET, "/api/v1/districts/eungubi-seo", None, None).await;
    for sort in ["new", "top"] {
        let mut path = format!("/api/v1/districts/eungubi-seo/proposals?sort={sort}&limit=3");
        loop {
            let page = ask(Method::GET, &path, Some(&jun), None).await;
            let Some(cursor) = page["next_cursor"].as_str() else { break };
            path = format!("/api/v1/districts/eungubi-seo/proposals?sort={sort}&limit=3&cursor={cursor}");
        }
    }
    ask(Method::GET, "/api/v1/districts/eungubi-seo/proposals?kind=event", None, None).await;
    // Searches fold A to Z and nothing else on both.
    let accented = json!({"kind": "improvement", "title": "ÉCLAIR 골목 벽화", "body": "ÉCLAIR처럼 달콤한 벽화를 그려요"});
    ask(Method::POST, "/api/v1/districts/eungubi-seo/proposals", Some(&mina), Some(accented)).await;
    for q in ["%C3%A9clair", "%C3%89CLAIR", "eclair", "%EB%B2%BD%ED%99%94"] {
        ask(Method::GET, &format!("/api/v1/districts/eungubi-seo/proposals?q={q}"), None, None).await;
    }
    ask(Method::GET, &format!("/api/v1/proposals/{id}"), Some(&jun), None).await;
    let first = ask(Method::GET, &format!("/api/v1/proposals/{id}/comments?limit=2"), None, None).await;
    let cursor = first["next_cursor"].as_str().unwrap().to_owned();
    ask(Method::GET, &format!("/api/v1/proposals/{id}/comments?limit=2&cursor={cursor}"), None, None).await;
    ask(Method::GET, "/api/v1/auth/me", Some(&mina), None).await;
    // A shop claimed and decided, and the roles that follow.
    let claim = json!({"name": "카페 맹꽁", "category": "cafe", "business_number": "123-45-67890", "note": "새 가게예요"});
    let claim = ask(Method::POST, "/api/v1/districts/eungubi-seo/shops", Some(&mina), Some(claim)).await;
    let shop = claim["shop_id"].as_i64().unwrap();
    let login = json!({"email": "moderator@example.com", "password": golmok_server::seed::DEMO_PASSWORD});
    let moderator = ask(Method::POST, "/api/v1/auth/login", None, Some(login)).await;
    let moderator = moderator["token"].as_str().unwrap().to_owned();
    ask(Method::GET, "/api/v1/districts/eungubi-seo/claims", Some(&moderator), None).await;
    let verify = json!({"decision": "verify", "note": "확인했어요"});
    ask(Method::POST, &format!("/api/v1/shops/{shop}/verification"), Some(&moderator), Some(verify)).await;
    ask(Method::GET, "/api/v1/auth/me", Some(&mina), None).await;
    ask(Method::GET, "/api/v1/me/claims", Some(&mina), None).await;
    let always = json!({"open": {"starts": "00:00", "ends": "00:00"}});
    let profile =
        json!({"phone": "042-123-4567", "accepts_onnuri": true, "hours": {"mon": always, "sun": always}});
    ask(Method::PATCH, &format!("/api/v1/shops/{shop}"), Some(&mina), Some(profile)).await;
    ask(Method::GET, "/api/v1/districts/eungubi-seo/shops?limit=3", None, None).await;
    let pledge = json!({"stance": "take_part", "message": "영화 상영 날 팝콘을 드릴게요", "pledge": "참가자 음료 무료"});
    ask(Method::PUT, &format!("/api/v1/proposals/{id}/answers/{shop}"), Some(&mina), Some(pledge)).await;
    let edit = json!({"stance": "support", "message": "응원해요"});
    ask(Method::PUT, &format!("/api/v1/proposals/{id}/answers/{shop}"), Some(&mina), Some(edit)).await;
    ask(Method::GET, &format!("/api/v1/proposals/{id}/answers"), None, None).await;
    ask(Method::GET, "/api/v1/proposals/3/answers", None, None).await;
    ask(Method::GET, &format!("/api/v1/shops/{shop}/answers"), None, None).await;
    ask(Method::GET, &format!("/api/v1/proposals/{id}"), None, None).await;
    let sale = json!({"kind": "sale", "title": "개업 기념 할인", "body": "이번 주 아메리카노 반값", "ends_at": "2099-01-01T09:00:00+09:00"});
    let sale =
        ask(Method::POST, &format!("/api/v1/shops/{shop}/announcements"), Some(&mina), Some(sale)).await;
    let sale = sale["id"].as_i64().unwrap();
    ask(Method::PUT, &format!("/api/v1/announcements/{sale}/pin"), Some(&moderator), None).await;
    ask(Method::GET, "/api/v1/districts/eungubi-seo/announcements?limit=2", None, None).await;
    ask(Method::GET, &format!("/api/v1/shops/{shop}/announcements"), None, None).await;
    ask(Method::GET, "/api/v1/shops/1/announcements?when=past", None, None).await;
    ask(Method::PUT, "/api/v1/shops/1/follow", Some(&jun), None).await;
    ask(Method::PUT, &format!("/api/v1/shops/{shop}/follow"), Some(&jun), None).await;
    ask(Method::GET, "/api/v1/me/feed?limit=3", Some(&jun), None).await;
    ask(Method::GET, "/api/v1/me/feed", Some(&mina), None).await;
    ask(Method::DELETE, "/api/v1/shops/1/follow", Some(&jun), None).await;
    ask(Method::GET, "/api/v1/districts/eungubi-seo/shops?onnuri=true&q=%EC%B9%B4%ED%8E%98", None, None)
        .await;
    // Refusals. Last: on PostgreSQL a refused INSERT still uses up an id (sequences do
    // not roll back), so ids after it may differ; the README says so.
    ask(Method::GET, "/api/v1/proposals/9999", None, None).await;
    ask(
        Method::POST,
        "/api/v1/districts/eungubi-seo/proposals",
        Some(&mina),
        Some(json!({"kind": "event", "title": "", "body": ""})),
    )
    .await;
    ask(Method::POST, "/api/v1/auth/register", None, register("MINA@example.com", "또 민아")).await;
    said
}

/// Checks every RFC 3339 UTC timestamp (`at`, `…_at`, unless null) and replaces it with `<time>`, and
/// blanks tokens, which are random.
fn blank_times(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(fields) => {
            for (name, field) in fields.iter_mut() {
                if name == "next_cursor" && field.as_str().is_some_and(is_feed_cursor) {
                    // The feed's cursor carries the moment of its last item.
                    *field = json!("<feed cursor>");
                } else if (name == "at" || name.ends_with("_at")) && !field.is_null() {
                    let time = field.as_str().unwrap_or_default();
                    let shape: String =
                        time.chars().map(|c| if c.is_ascii_digit() { '0' } else { c }).collect();
                    assert_eq!(shape, "0000-00-00T00:00:00Z", "{name} = {field}");
                    *field = json!("<time>");
                } else if name == "token" {
                    *field = json!("<token>");
                } else {
                    blank_times(field);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(blank_times),
        _ => {}
    }
}

/// A managed PostgreSQL wants TLS: with `sslmode=verify-full` the server checks the
/// database's certificate against the CA it is given, and will not talk in the clear.
#[tokio::test]
async fn postgresql_over_verified_tls() {
    let (Some(_), Ok(ca)) = (postgres_cluster(), std::env::var("GOLMOK_TEST_POSTGRES_CA")) else {
        return; // PostgreSQL only.
    };
    let dir = tempfile::tempdir().unwrap();
    let database = fresh_database(dir.path()).await;
    let base =
        crate::serve(&golmok_server::Config::new(format!("{database}?sslmode=verify-full&sslrootcert={ca}")))
            .await;
    let health: Health =
        expect(reqwest::get(format!("{base}/api/v1/health")).await.unwrap(), StatusCode::OK).await;
    assert_eq!(health.database, "postgresql");

    // Without it, the system's CAs do not vouch for the cluster's certificate: refused at
    // once, not waited for as if the database were down.
    let started = Instant::now();
    let refused = golmok_server::Store::open(&format!("{database}?sslmode=verify-full"))
        .await
        .err()
        .expect("a certificate no trusted CA signed is refused");
    assert!(started.elapsed() < Duration::from_secs(10), "{refused:#}");
}

fn is_feed_cursor(cursor: &str) -> bool {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cursor)
        .is_ok_and(|text| text.starts_with(b"feed:"))
}

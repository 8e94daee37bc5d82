//! Golmok's reference server: the JSON API under `/api/v1` over SQLite, and optionally
//! the built SPA. `main.rs` only parses flags and calls [`run`]; tests call
//! [`build_app`] and serve it on a port of their own.

pub mod admin;
pub mod auth;
pub mod config;
pub mod db;
pub mod error;
pub mod extract;
pub mod first_paint;
pub mod idempotency;
pub mod limits;
pub mod link_preview;
pub mod openapi;
pub mod routes;
pub mod seed;
pub mod web;

use std::{future::Future, time::Duration};

use anyhow::Context;
use axum::{
    Router,
    http::{HeaderName, HeaderValue, Method, StatusCode, header},
    middleware,
};
use tower_http::{
    compression::CompressionLayer,
    cors::{AllowOrigin, CorsLayer},
    limit::RequestBodyLimitLayer,
    set_header::SetResponseHeaderLayer,
    timeout::TimeoutLayer,
    trace::TraceLayer,
};

pub use config::Config;
pub use db::Store;

/// Largest request body accepted. Proposals are at most 5000 characters (up to 20 KB of
/// UTF-8), so this leaves room without letting anyone stream megabytes at us.
pub const BODY_LIMIT: usize = 64 * 1024;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub passwords: auth::Passwords,
    pub static_site: Option<web::StaticSite>,
    pub limits: std::sync::Arc<limits::Limits>,
}

/// Opens the database (migrating and, with `--demo`, seeding it) and builds the whole
/// application: API, static files, and the layers around them.
pub async fn build_app(config: &Config) -> anyhow::Result<Router> {
    let store = open_store(config).await?;
    router(config, store)
}

/// Checks the configuration, then opens the database, migrating and, with `--demo`,
/// seeding it.
async fn open_store(config: &Config) -> anyhow::Result<Store> {
    config.validate()?;
    let store = Store::open(&config.database).await?.with_clock(config.clock.clone());
    if config.demo {
        let outcome = seed::seed_demo(&store).await.context("cannot seed the demo data")?;
        match outcome {
            db::SeedOutcome::Seeded => tracing::info!("seeded the demo district {}", seed::DEMO_DISTRICT),
            db::SeedOutcome::AlreadySeeded => tracing::info!("demo data already present"),
            db::SeedOutcome::NotEmpty => {
                tracing::warn!("--demo ignored: the database already holds other data")
            }
        }
    }
    Ok(store)
}

/// The application around an already opened store.
pub fn router(config: &Config, store: Store) -> anyhow::Result<Router> {
    let static_site = match &config.static_dir {
        Some(dir) => {
            anyhow::ensure!(
                dir.join("index.html").is_file(),
                "no index.html in the static directory {dir:?}"
            );
            Some(web::StaticSite::new(dir.clone(), &config.connect_src, config.public_url()?)?)
        }
        None => None,
    };
    let limits = std::sync::Arc::new(config.limits());
    let state = AppState { store, passwords: auth::Passwords::new(), static_site, limits };

    let csp = HeaderValue::from_str(&web::content_security_policy(&config.connect_src)?)
        .context("--connect-src holds characters not allowed in a header")?;

    // Layers run outside-in in the reverse order of `.layer` calls: tracing sees
    // everything, security and cache headers land on every answer, and `json_errors`
    // sits outside the timeout and the body limit so their bare refusals become JSON.
    //
    // The body limit is this one layer: it refuses an oversized Content-Length at once,
    // and caps a chunked body with a length error that axum's extractors report as 413.
    // Axum's own `DefaultBodyLimit` (2 MB) still applies but can never be reached first.
    let mut app = Router::new()
        .nest(
            golmok_api::API_PREFIX,
            routes::router()
                // Inside the address limit: a flood of keyed writes is refused before it
                // costs the database anything.
                .layer(middleware::from_fn_with_state(state.clone(), idempotency::replay))
                .layer(middleware::from_fn_with_state(state.clone(), limits::by_address)),
        )
        .fallback(web::fallback)
        .with_state(state)
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, config.request_timeout))
        .layer(middleware::from_fn(error::json_errors));
    if let Some(cors) = cors_layer(&config.cors_origins)? {
        app = app.layer(cors);
    }
    let app = app
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn(web::api_cache_control))
        .layer(SetResponseHeaderLayer::if_not_present(header::CONTENT_SECURITY_POLICY, csp))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(TraceLayer::new_for_http());
    Ok(app)
}

/// Cross-origin access for the configured origins only; none means same-origin only.
fn cors_layer(origins: &[String]) -> anyhow::Result<Option<CorsLayer>> {
    let any = origins.iter().any(|o| o.trim() == "*");
    let listed: Vec<String> = origins.iter().filter(|o| o.trim() != "*").cloned().collect();
    let listed = config::origins("--cors-origin", &listed)?;
    if !any && listed.is_empty() {
        return Ok(None);
    }
    // Bearer tokens travel in a header, not a cookie, so credentials mode is never needed
    // and `*` is safe to offer.
    let allow = if any {
        AllowOrigin::any()
    } else {
        let values = listed.iter().map(|o| HeaderValue::from_str(o)).collect::<Result<Vec<_>, _>>()?;
        AllowOrigin::list(values)
    };
    Ok(Some(
        CorsLayer::new()
            .allow_origin(allow)
            .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
            .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE, idempotency::IDEMPOTENCY_KEY])
            .expose_headers([
                HeaderName::from_static("www-authenticate"),
                header::RETRY_AFTER,
                idempotency::REPLAYED,
            ])
            .max_age(Duration::from_secs(3600)),
    ))
}

/// Builds the app, listens on `config.listen`, and serves until `shutdown` resolves.
/// The command line: the server's flags, and optionally one of the commands for whoever
/// runs it (`district create`, `moderator add`, …), which works on the database and ends.
#[derive(Debug, clap::Parser)]
#[command(name = "golmok-server", version, about = "Golmok: the participation portal for alley districts")]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    #[command(subcommand)]
    pub admin: Option<admin::Admin>,
}

/// Runs one command for whoever runs the server on the configured database (migrated
/// first, never seeded), writing what it did to `out`.
pub async fn administer(
    config: &Config,
    command: admin::Admin,
    out: &mut impl std::io::Write,
) -> anyhow::Result<()> {
    config.validate()?;
    let store = Store::open(&config.database).await?;
    let done = admin::run(&store, command, out).await;
    store.close().await;
    done
}

pub async fn run(config: Config, shutdown: impl Future<Output = ()> + Send + 'static) -> anyhow::Result<()> {
    let store = open_store(&config).await?;
    let app = router(&config, store.clone())?;
    let listener = tokio::net::TcpListener::bind(&config.listen)
        .await
        .with_context(|| format!("cannot listen on {}", config.listen))?;
    let addr = listener.local_addr()?;
    println!("Golmok is running at http://{addr}/");
    serve(listener, app, shutdown).await.context("server error")?;
    // Said goodbye to, PostgreSQL ends the sessions at once instead of finding them gone;
    // SQLite folds its write-ahead log into the file.
    store.close().await;
    Ok(())
}

/// Serves `app` on `listener` until `shutdown` resolves; [`run`] and the tests both
/// serve through here.
///
/// Every connection has Nagle's algorithm off. A response goes out as two writes, its
/// head and then its body (a file's, say); with Nagle on, the body waits until the client
/// acknowledges the head, and clients delay that acknowledgement by up to 40 ms. Every
/// file after the first on a kept-alive connection came that much late.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use axum::serve::ListenerExt as _;
    let listener = listener.tap_io(|tcp| {
        if let Err(error) = tcp.set_nodelay(true) {
            tracing::warn!(%error, "cannot turn Nagle's algorithm off for a connection");
        }
    });
    // The peer's address, for rate limits (see `limits`).
    let app = app.into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app).with_graceful_shutdown(shutdown).await
}

/// Resolves on Ctrl-C or SIGTERM, the signals a terminal or a service manager sends.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

//! `Idempotency-Key`: a write sent twice is done once.
//!
//! A phone on a subway platform sends a comment, and the connection drops before the
//! answer comes back: did it arrive? The app's service worker (public/sw.js) keeps such a
//! write and sends it again when the connection returns, with the key it was first sent
//! with; so does a person pressing "send" again on the same draft. The server answers
//! a key it has seen with the first answer, marked `Idempotent-Replayed: true`, and does
//! nothing twice.
//!
//! Keys belong to the signed-in account and last a day. Only successes are kept: a
//! refused or failed write did nothing, so trying it again with its key does it afresh.
//! The same key on another request (method, path or body) is a 409
//! `idempotency_key_reused`; while the first request is being answered, a second one is a
//! 409 `request_in_progress` with `Retry-After`. Requests without the header, reads and
//! anonymous requests pass untouched.

use axum::{
    body::{Body, to_bytes},
    extract::{OriginalUri, Request, State},
    http::{HeaderName, HeaderValue, Method, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use golmok_api::error_code;
use sha2::{Digest, Sha256};

use crate::{AppState, BODY_LIMIT, auth, db::Claim, error::ApiError};

pub const IDEMPOTENCY_KEY: HeaderName = HeaderName::from_static("idempotency-key");
pub const REPLAYED: HeaderName = HeaderName::from_static("idempotent-replayed");

/// How long an answer is kept.
const KEPT_FOR: i64 = 24 * 3600;
/// How long a first request may hold its key unanswered before a retry takes it over: far
/// beyond the server's request timeout, so only a request whose server stopped is overtaken.
const HELD_FOR: i64 = 120;
/// The longest key: a UUID is 36 characters; room for any client's scheme.
const LONGEST_KEY: usize = 100;

/// The layer on the API's routes.
pub async fn replay(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match answer(&state, request, next).await {
        Ok(response) | Err(Refused(response)) => response,
    }
}

struct Refused(Response);

impl From<ApiError> for Refused {
    fn from(error: ApiError) -> Self {
        Refused(error.into_response())
    }
}

async fn answer(state: &AppState, request: Request, next: Next) -> Result<Response, Refused> {
    if matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return Ok(next.run(request).await);
    }
    let Some(key) = request.headers().get(IDEMPOTENCY_KEY) else {
        return Ok(next.run(request).await);
    };
    let key = valid_key(key)?.to_owned();
    let (mut parts, body) = request.into_parts();
    // Whose key: an unknown token goes on to the handler, which refuses it as it would.
    let known = auth::Bearer::of(&mut parts.extensions, &parts.headers, state).await?;
    let Some(user) = known.user().cloned() else {
        return Ok(next.run(Request::from_parts(parts, body)).await);
    };
    let body = to_bytes(body, BODY_LIMIT).await.map_err(|_| ApiError::PayloadTooLarge)?;
    // The whole path: inside the API's routes, `parts.uri` has lost its prefix.
    let uri = parts.extensions.get::<OriginalUri>().map_or(&parts.uri, |original| &original.0);
    let fingerprint = fingerprint(&parts.method, uri.path_and_query().map_or("", |p| p.as_str()), &body);

    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let claim = state
        .store
        .claim_key(user.id, &key, &fingerprint, now, now - HELD_FOR, now - KEPT_FOR)
        .await
        .map_err(ApiError::from)?;
    match claim {
        Claim::Fresh => {}
        Claim::Answered { status, body } => return Ok(replayed(status, body)),
        Claim::InProgress => {
            let mut response = ApiError::Conflict {
                code: error_code::REQUEST_IN_PROGRESS,
                message: "The first request with this Idempotency-Key is still being answered.".to_owned(),
            }
            .into_response();
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            return Ok(response);
        }
        Claim::Mismatch => {
            return Err(ApiError::Conflict {
                code: error_code::IDEMPOTENCY_KEY_REUSED,
                message: "This Idempotency-Key was used for another request.".to_owned(),
            }
            .into());
        }
    }

    // The write runs to its end and its answer is kept even when this request is dropped
    // (the phone's connection gone, the server's timeout): otherwise the key would stay
    // held with no answer, and a retry once it is stale would do the write a second time.
    let task = tokio::spawn({
        let (state, key) = (state.clone(), key.clone());
        async move {
            let response = next.run(Request::from_parts(parts, Body::from(body))).await;
            record(&state, user.id, &key, response).await
        }
    });
    match task.await {
        Ok(answer) => answer,
        Err(_) => {
            forget(state, user.id, &key).await;
            Err(ApiError::Internal(anyhow::anyhow!("a keyed write's task ended without an answer")).into())
        }
    }
}

/// Keeps a success as the key's answer, or lets the key go; answers the response.
async fn record(state: &AppState, user: i64, key: &str, response: Response) -> Result<Response, Refused> {
    let status = response.status();
    if !status.is_success() {
        forget(state, user, key).await;
        return Ok(response);
    }
    let (parts, body) = response.into_parts();
    // The API's answers are small JSON documents, already whole in memory.
    let Ok(bytes) = to_bytes(body, usize::MAX).await else {
        forget(state, user, key).await;
        return Err(ApiError::Internal(anyhow::anyhow!("an answer's body could not be read")).into());
    };
    match std::str::from_utf8(&bytes) {
        Ok(text) => {
            let kept = if text.is_empty() { None } else { Some(text) };
            if let Err(err) = state.store.keep_answer(user, key, status.as_u16(), kept).await {
                // The write is done; only its replay is lost. A retry then does it again,
                // which is no worse than having no key.
                tracing::warn!("cannot keep the answer for an idempotency key: {err}");
                forget(state, user, key).await;
            }
        }
        Err(_) => forget(state, user, key).await,
    }
    Ok(Response::from_parts(parts, Body::from(bytes)))
}

/// A key is 1 to 100 visible ASCII characters (a UUID, say).
fn valid_key(value: &HeaderValue) -> Result<&str, ApiError> {
    value
        .to_str()
        .ok()
        .filter(|key| (1..=LONGEST_KEY).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic()))
        .ok_or_else(|| {
            ApiError::BadRequest(format!(
                "Idempotency-Key must be 1 to {LONGEST_KEY} visible ASCII characters."
            ))
        })
}

fn fingerprint(method: &Method, path: &str, body: &[u8]) -> String {
    let mut hash = Sha256::new();
    hash.update(method.as_str());
    hash.update(b"\n");
    hash.update(path);
    hash.update(b"\n");
    hash.update(body);
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn replayed(status: u16, body: Option<String>) -> Response {
    let status = axum::http::StatusCode::from_u16(status).unwrap_or(axum::http::StatusCode::OK);
    let mut response = match body {
        Some(body) => (status, [(header::CONTENT_TYPE, "application/json")], body).into_response(),
        None => status.into_response(),
    };
    response.headers_mut().insert(REPLAYED, HeaderValue::from_static("true"));
    response
}

async fn forget(state: &AppState, user: i64, key: &str) {
    if let Err(err) = state.store.forget_key(user, key).await {
        tracing::warn!("cannot let an idempotency key go: {err}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A write whose request is dropped before it is answered (here by the server's
    /// timeout, as a phone's lost connection drops it too) still finishes and keeps its
    /// answer: the retry with its key gets that answer, and the write is done once.
    #[tokio::test]
    async fn a_dropped_request_still_keeps_its_answer() {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::time::Duration;

        use axum::{Router, http::StatusCode, middleware, routing::post};

        let dir = tempfile::tempdir().unwrap();
        let config = crate::Config::new(dir.path().join("golmok.db").to_str().unwrap());
        let store = crate::Store::open(&config.database).await.unwrap();
        let user = store.create_user("mina@example.com", "-", "민아").await.unwrap();
        let (token, hash) = crate::auth::new_token().unwrap();
        store.create_session(user.id, &hash).await.unwrap();
        let state = AppState {
            store: store.clone(),
            passwords: crate::auth::Passwords::new(),
            static_site: None,
            limits: Arc::new(config.limits()),
        };
        let done = Arc::new(AtomicUsize::new(0));
        let slow = {
            let done = done.clone();
            move || async move {
                tokio::time::sleep(Duration::from_millis(300)).await;
                done.fetch_add(1, Ordering::SeqCst);
                (StatusCode::CREATED, [(header::CONTENT_TYPE, "application/json")], "{\"written\":true}")
            }
        };
        let app = Router::new()
            .route("/slow", post(slow))
            .layer(middleware::from_fn_with_state(state.clone(), replay))
            .with_state(state)
            .layer(tower_http::timeout::TimeoutLayer::with_status_code(
                StatusCode::REQUEST_TIMEOUT,
                Duration::from_millis(100),
            ));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        let client = reqwest::Client::new();
        let send = || {
            client.post(format!("{base}/slow")).bearer_auth(&token).header("Idempotency-Key", "k-slow").send()
        };

        assert_eq!(send().await.unwrap().status(), StatusCode::REQUEST_TIMEOUT);
        tokio::time::sleep(Duration::from_millis(600)).await;
        assert_eq!(done.load(Ordering::SeqCst), 1, "the write went on to its end");
        let again = send().await.unwrap();
        assert_eq!(again.status(), StatusCode::CREATED);
        assert_eq!(again.headers().get(REPLAYED).unwrap(), "true");
        assert_eq!(again.text().await.unwrap(), "{\"written\":true}");
        assert_eq!(done.load(Ordering::SeqCst), 1, "and was done once");
    }

    #[test]
    fn keys_are_short_visible_ascii() {
        let ok = |s: &str| valid_key(&HeaderValue::from_str(s).unwrap()).is_ok();
        assert!(ok("0b5c2a0e-3f1d-4e6b-9a77-1c2d3e4f5a6b"));
        assert!(ok("k"));
        assert!(ok(&"k".repeat(LONGEST_KEY)));
        assert!(!ok(&"k".repeat(LONGEST_KEY + 1)));
        assert!(!ok(""));
        assert!(!ok("two words"));
        assert!(valid_key(&HeaderValue::from_bytes("키".as_bytes()).unwrap()).is_err());
    }

    #[test]
    fn a_fingerprint_tells_requests_apart() {
        let post = fingerprint(&Method::POST, "/api/v1/proposals/1/comments", b"{\"body\":\"a\"}");
        assert_eq!(post, fingerprint(&Method::POST, "/api/v1/proposals/1/comments", b"{\"body\":\"a\"}"));
        assert_ne!(post, fingerprint(&Method::POST, "/api/v1/proposals/1/comments", b"{\"body\":\"b\"}"));
        assert_ne!(post, fingerprint(&Method::POST, "/api/v1/proposals/2/comments", b"{\"body\":\"a\"}"));
        assert_ne!(post, fingerprint(&Method::PUT, "/api/v1/proposals/1/comments", b"{\"body\":\"a\"}"));
        // The separators keep a path's end from passing for the body's start.
        assert_ne!(fingerprint(&Method::POST, "/a", b"b"), fingerprint(&Method::POST, "/a\nb", b""));
    }
}

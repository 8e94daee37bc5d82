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
    // Whose key: an unknown token goes on to the handler, which refuses it as it would.
    let user = match auth::bearer_in(request.headers()) {
        Some(token) => state.store.user_for_token(&auth::token_hash(token)).await.map_err(ApiError::from)?,
        None => None,
    };
    let Some(user) = user else {
        return Ok(next.run(request).await);
    };
    let (parts, body) = request.into_parts();
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

    let response = next.run(Request::from_parts(parts, Body::from(body))).await;
    let status = response.status();
    if !status.is_success() {
        forget(state, user.id, &key).await;
        return Ok(response);
    }
    let (parts, body) = response.into_parts();
    // The API's answers are small JSON documents, already whole in memory.
    let Ok(bytes) = to_bytes(body, usize::MAX).await else {
        forget(state, user.id, &key).await;
        return Err(ApiError::Internal(anyhow::anyhow!("an answer's body could not be read")).into());
    };
    match std::str::from_utf8(&bytes) {
        Ok(text) => {
            let kept = if text.is_empty() { None } else { Some(text) };
            if let Err(err) = state.store.keep_answer(user.id, &key, status.as_u16(), kept).await {
                // The write is done; only its replay is lost. A retry then does it again,
                // which is no worse than having no key.
                tracing::warn!("cannot keep the answer for an idempotency key: {err}");
                forget(state, user.id, &key).await;
            }
        }
        Err(_) => forget(state, user.id, &key).await,
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

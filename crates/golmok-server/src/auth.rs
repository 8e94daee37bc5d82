//! Passwords, bearer tokens and the extractors that tell who is calling.

use std::{
    sync::{Arc, LazyLock},
    time::Duration,
};

use anyhow::Context;
use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier, password_hash::SaltString};
use axum::{
    extract::FromRequestParts,
    http::{Method, header, request::Parts},
};
use base64::{Engine as _, engine::general_purpose::URL_SAFE_NO_PAD};
use golmok_api::User;
use sha2::{Digest, Sha256};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::{
    AppState,
    error::{ApiError, ApiResult},
    limits::{self, Spend},
};

/// How long a password check may queue for the hashing capacity before the caller is told
/// to come back later. Longer than a normal queue ever gets, short enough that a flood is
/// answered with 503s instead of piling up requests.
pub const PASSWORD_QUEUE_WAIT: Duration = Duration::from_secs(5);

/// The server's capacity for Argon2 work, shared by every request. Each hash holds about
/// 19 MiB and a core for tens of milliseconds, so without a cap a burst of logins fills
/// the blocking pool (512 threads) and memory; with one, the excess waits or gets a 503.
#[derive(Clone)]
pub struct Passwords {
    permits: Arc<Semaphore>,
    wait: Duration,
}

impl Passwords {
    /// One hash at a time per core: more in parallel would only queue on the CPU, while
    /// each still holds its memory.
    pub fn new() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Self::with_limits(cores, PASSWORD_QUEUE_WAIT)
    }

    pub fn with_limits(permits: usize, wait: Duration) -> Self {
        Passwords { permits: Arc::new(Semaphore::new(permits.max(1))), wait }
    }

    async fn permit(&self) -> ApiResult<OwnedSemaphorePermit> {
        match tokio::time::timeout(self.wait, self.permits.clone().acquire_owned()).await {
            Ok(Ok(permit)) => Ok(permit),
            Ok(Err(closed)) => Err(ApiError::Internal(anyhow::Error::new(closed))),
            Err(_) => {
                tracing::warn!("password hashing saturated; refusing a request");
                Err(ApiError::Unavailable)
            }
        }
    }

    pub async fn hash(&self, password: String) -> ApiResult<String> {
        let permit = self.permit().await?;
        Ok(hash_password_with(password, Some(permit)).await?)
    }

    /// [`verify_password`] within the cap. Unknown emails (`stored` is `None`) queue and
    /// hash like the others, so neither timing nor a 503 tells them apart.
    pub async fn verify(&self, password: String, stored: Option<String>) -> ApiResult<bool> {
        let permit = self.permit().await?;
        Ok(verify_password_with(password, stored, Some(permit)).await?)
    }
}

impl Default for Passwords {
    fn default() -> Self {
        Self::new()
    }
}

/// Argon2id with the crate's default (OWASP-recommended) parameters. Hashing takes tens
/// of milliseconds of CPU by design, so it runs on the blocking pool, never on the
/// async workers. Not capped: for startup (seeding); requests go through [`Passwords`].
pub async fn hash_password(password: String) -> anyhow::Result<String> {
    hash_password_with(password, None).await
}

// The permit moves into the blocking task: a request that is dropped (client gone,
// timeout) does not stop the hashing already started, so the capacity must stay taken
// until the work itself ends.
async fn hash_password_with(
    password: String,
    permit: Option<OwnedSemaphorePermit>,
) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
        let salt = SaltString::encode_b64(&salt).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
        let hash = Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map_err(|e| anyhow::anyhow!("hashing: {e}"))?;
        Ok(hash.to_string())
    })
    .await
    .context("hashing task failed")?
}

/// Verified against when the email is unknown, so that "no such account" takes as long
/// as "wrong password" and does not reveal who has one. What it hashes does not matter:
/// a match against it is never accepted.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    let salt = SaltString::encode_b64(b"golmok-dummy-salt").expect("static salt is valid");
    Argon2::default().hash_password(b"no account", &salt).expect("hashing a constant works").to_string()
});

/// Checks a password; with no stored hash it still does the work, then answers false.
/// Not capped; requests go through [`Passwords::verify`].
pub async fn verify_password(password: String, stored: Option<String>) -> anyhow::Result<bool> {
    verify_password_with(password, stored, None).await
}

async fn verify_password_with(
    password: String,
    stored: Option<String>,
    permit: Option<OwnedSemaphorePermit>,
) -> anyhow::Result<bool> {
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let known = stored.is_some();
        let hash = stored.unwrap_or_else(|| DUMMY_HASH.clone());
        let Ok(parsed) = PasswordHash::new(&hash) else {
            // A corrupt stored hash must not lock the whole login path into 500s.
            tracing::error!("unparseable password hash in the database");
            return false;
        };
        let ok = Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok();
        ok && known
    })
    .await
    .context("verification task failed")
}

/// A new bearer token and the hash under which it is stored. The token is 32 random
/// bytes; only its SHA-256 reaches the database.
pub fn new_token() -> anyhow::Result<(String, String)> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let hash = token_hash(&token);
    Ok((token, hash))
}

pub fn token_hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The token from `Authorization: Bearer TOKEN`, if the header has that shape.
fn bearer(headers: &axum::http::HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty() && token.len() <= 256).then_some(token)
}

/// The signed-in caller; rejects with 401 when the token is missing, unknown or revoked.
/// `user.roles` is empty here: a handler that needs roles asks the store, for the
/// district at hand.
pub struct CurrentUser {
    pub user: User,
    /// Identifies this session, for logout.
    pub token_hash: String,
}

/// The request's bearer token and whose it is (`None`: no token, or one nobody holds),
/// looked up once per request: a layer that asks first (`idempotency`) leaves the answer
/// in the request's extensions for the handler's extractor.
#[derive(Clone)]
pub struct Bearer(Option<(User, String)>);

impl Bearer {
    pub async fn of(
        extensions: &mut axum::http::Extensions,
        headers: &axum::http::HeaderMap,
        state: &AppState,
    ) -> ApiResult<Bearer> {
        if let Some(known) = extensions.get::<Bearer>() {
            return Ok(known.clone());
        }
        let known = match bearer(headers) {
            None => Bearer(None),
            Some(token) => {
                let hash = token_hash(token);
                Bearer(state.store.user_for_token(&hash).await?.map(|user| (user, hash)))
            }
        };
        extensions.insert(known.clone());
        Ok(known)
    }

    pub fn user(&self) -> Option<&User> {
        self.0.as_ref().map(|(user, _)| user)
    }
}

impl CurrentUser {
    async fn signed_in(parts: &mut Parts, state: &AppState) -> ApiResult<Self> {
        let Bearer(known) = Bearer::of(&mut parts.extensions, &parts.headers, state).await?;
        let (user, token_hash) = known.ok_or(ApiError::Unauthorized)?;
        Ok(CurrentUser { user, token_hash })
    }
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let current = Self::signed_in(parts, state).await?;
        // Every write by an account spends from its limit, whichever address it comes from.
        if !matches!(parts.method, Method::GET | Method::HEAD) {
            limits::spend(state, Spend::Write, &current.user.id.to_string()).await?;
        }
        Ok(current)
    }
}

/// The signed-in caller of signing out or deleting the account, which spend nothing from
/// the account's write limit: someone past it (or whose token is being abused past it)
/// must still be able to end the session or leave. Both end writing rather than add to
/// it, and deleting asks for the password, which the failed-login limits count.
pub struct Leaving(pub CurrentUser);

impl FromRequestParts<AppState> for Leaving {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        CurrentUser::signed_in(parts, state).await.map(Leaving)
    }
}

/// The caller if signed in, for public reads that personalise (`voted`). A stale or
/// revoked token reads as anonymous: public pages must not fail because of it, and the
/// client learns about the token on its next write.
pub struct MaybeUser(pub Option<User>);

impl MaybeUser {
    pub fn id(&self) -> Option<i64> {
        self.0.as_ref().map(|u| u.id)
    }
}

impl FromRequestParts<AppState> for MaybeUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let known = Bearer::of(&mut parts.extensions, &parts.headers, state).await?;
        Ok(MaybeUser(known.user().cloned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn password_round_trip() {
        let hash = hash_password("golmok-demo-2026".to_owned()).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("golmok-demo-2026".to_owned(), Some(hash.clone())).await.unwrap());
        assert!(!verify_password("wrong".to_owned(), Some(hash)).await.unwrap());
        assert!(!verify_password("anything".to_owned(), None).await.unwrap());
    }

    #[tokio::test]
    async fn passwords_wait_for_capacity_then_refuse() {
        let passwords = Passwords::with_limits(1, Duration::from_millis(50));
        let held = passwords.permits.clone().acquire_owned().await.unwrap();
        assert!(matches!(passwords.verify("x".to_owned(), None).await, Err(ApiError::Unavailable)));
        assert!(matches!(passwords.hash("x".to_owned()).await, Err(ApiError::Unavailable)));
        drop(held);
        let hash = passwords.hash("golmok-demo-2026".to_owned()).await.unwrap();
        assert!(passwords.verify("golmok-demo-2026".to_owned(), Some(hash)).await.unwrap());
        // Every permit came back: none is leaked by the blocking tasks.
        assert_eq!(passwords.permits.available_permits(), 1);
    }

    #[test]
    fn tokens_are_random_and_hashed() {
        let (a, ha) = new_token().unwrap();
        let (b, _) = new_token().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(ha, token_hash(&a));
        assert_eq!(ha.len(), 64);
    }
}

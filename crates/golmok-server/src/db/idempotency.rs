//! The answers kept for writes sent with an `Idempotency-Key` (see `idempotency.rs`).

use super::{Store, StoreResult};

/// What a key holds when a request arrives with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// The key is this request's now: answer it, then keep or forget the answer.
    Fresh,
    /// The same request was answered before: this is its answer.
    Answered { status: u16, body: Option<String> },
    /// The same request is being answered right now, by another connection.
    InProgress,
    /// The key was used for another request.
    Mismatch,
}

impl Store {
    /// Takes `key` for `user`'s request with `fingerprint` at `now` (seconds), or says what
    /// it already holds. Keys older than `expired_before` are forgotten first; a request
    /// that took the key before `stale_before` and never finished (its server stopped) no
    /// longer holds it.
    pub async fn claim_key(
        &self,
        user: i64,
        key: &str,
        fingerprint: &str,
        now: i64,
        stale_before: i64,
        expired_before: i64,
    ) -> StoreResult<Claim> {
        on_pool!(self, pool => sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1")
            .bind(expired_before)
            .execute(pool)
            .await
            .map(|_| ()))?;
        let taken = on_pool!(self, pool => sqlx::query(
            "INSERT INTO idempotency_keys (user_id, key, fingerprint, created_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (user_id, key) DO NOTHING",
        )
        .bind(user)
        .bind(key)
        .bind(fingerprint)
        .bind(now)
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))?;
        if taken == 1 {
            return Ok(Claim::Fresh);
        }
        let held: Option<(String, Option<i32>, Option<String>)> = on_pool!(self, pool => sqlx::query_as(
            "SELECT fingerprint, status, body FROM idempotency_keys WHERE user_id = $1 AND key = $2",
        )
        .bind(user)
        .bind(key)
        .fetch_optional(pool)
        .await)?;
        let Some((held_fingerprint, status, body)) = held else {
            // Forgotten between the two statements (its request failed): one more try is
            // the caller's, like any request that meets a busy key.
            return Ok(Claim::InProgress);
        };
        if held_fingerprint != fingerprint {
            return Ok(Claim::Mismatch);
        }
        if let Some(status) = status {
            return Ok(Claim::Answered { status: u16::try_from(status).unwrap_or(500), body });
        }
        let revived = on_pool!(self, pool => sqlx::query(
            "UPDATE idempotency_keys SET created_at = $3
             WHERE user_id = $1 AND key = $2 AND status IS NULL AND created_at < $4",
        )
        .bind(user)
        .bind(key)
        .bind(now)
        .bind(stale_before)
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))?;
        Ok(if revived == 1 { Claim::Fresh } else { Claim::InProgress })
    }

    /// Keeps the answer to the request that holds `key`.
    pub async fn keep_answer(
        &self,
        user: i64,
        key: &str,
        status: u16,
        body: Option<&str>,
    ) -> StoreResult<()> {
        on_pool!(self, pool => sqlx::query(
            "UPDATE idempotency_keys SET status = $3, body = $4 WHERE user_id = $1 AND key = $2",
        )
        .bind(user)
        .bind(key)
        .bind(i32::from(status))
        .bind(body)
        .execute(pool)
        .await
        .map(|_| ()))?;
        Ok(())
    }

    /// Lets `key` go: its request was refused or failed, and may be tried again.
    pub async fn forget_key(&self, user: i64, key: &str) -> StoreResult<()> {
        on_pool!(self, pool => sqlx::query("DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2")
            .bind(user)
            .bind(key)
            .execute(pool)
            .await
            .map(|_| ()))?;
        Ok(())
    }
}

//! The counts behind rate limits (see `limits.rs`).

use super::{Store, StoreResult};

impl Store {
    /// Counts a try in `bucket`'s window beginning at `start`; answers the window's tries
    /// so far. A bucket's first try of a window also forgets every bucket's windows that
    /// began before `oldest` (the start of the longest limit's current window at the
    /// latest), so the table holds about one window per bucket active within it.
    pub async fn hit(&self, bucket: &str, start: i64, oldest: i64) -> StoreResult<i64> {
        let hits: i64 = on_pool!(self, pool => sqlx::query_scalar(
            "INSERT INTO rate_counts (bucket, window_start, hits) VALUES ($1, $2, 1)
             ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_counts.hits + 1
             RETURNING hits",
        )
        .bind(bucket)
        .bind(start)
        .fetch_one(pool)
        .await)?;
        if hits == 1 {
            on_pool!(self, pool => sqlx::query("DELETE FROM rate_counts WHERE window_start < $1")
                .bind(oldest)
                .execute(pool)
                .await
                .map(|_| ()))?;
        }
        Ok(hits)
    }

    /// The tries in `bucket`'s window beginning at `start`, without counting one.
    pub async fn hits(&self, bucket: &str, start: i64) -> StoreResult<i64> {
        let hits: Option<i64> = on_pool!(self, pool => sqlx::query_scalar(
            "SELECT hits FROM rate_counts WHERE bucket = $1 AND window_start = $2",
        )
        .bind(bucket)
        .bind(start)
        .fetch_optional(pool)
        .await)?;
        Ok(hits.unwrap_or(0))
    }

    /// Takes one try back from `bucket`'s window beginning at `start`, if it has any.
    pub async fn unhit(&self, bucket: &str, start: i64) -> StoreResult<()> {
        on_pool!(self, pool => sqlx::query(
            "UPDATE rate_counts SET hits = hits - 1 WHERE bucket = $1 AND window_start = $2 AND hits > 0",
        )
        .bind(bucket)
        .bind(start)
        .execute(pool)
        .await
        .map(|_| ()))?;
        Ok(())
    }
}

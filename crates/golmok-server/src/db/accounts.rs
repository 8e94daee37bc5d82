//! Users and their sessions.

use golmok_api::User;
use sqlx::FromRow;
use time::Duration;

use super::{Store, StoreError, StoreResult, clock};

#[derive(FromRow)]
struct UserRow {
    id: i64,
    email: String,
    display_name: String,
    created_at: String,
}

impl From<UserRow> for User {
    fn from(r: UserRow) -> Self {
        // Roles are looked up where they are answered (`Store::roles`), not on every request.
        User {
            id: r.id,
            email: r.email,
            display_name: r.display_name,
            created_at: r.created_at,
            roles: Vec::new(),
        }
    }
}

#[derive(FromRow)]
struct UserWithHashRow {
    #[sqlx(flatten)]
    user: UserRow,
    password_hash: String,
}

/// A session is looked up on every authenticated request; touching `last_seen_at` each
/// time would turn every read into a write, so it is refreshed at most hourly.
const LAST_SEEN_RESOLUTION: Duration = Duration::hours(1);

/// A session unused for this long is over: a token left on a shared or lost device stops
/// working by itself. Counted from `last_seen_at`, so it is up to an hour early.
pub const SESSION_IDLE_DAYS: u32 = 30;

impl Store {
    /// `email` must already be normalised (lower-cased). A taken email is
    /// `StoreError::Conflict("email")`, decided by the UNIQUE index, not by a racy pre-check.
    pub async fn create_user(
        &self,
        email: &str,
        password_hash: &str,
        display_name: &str,
    ) -> StoreResult<User> {
        on_pool!(self, pool => sqlx::query_as::<_, UserRow>(
            "INSERT INTO users (email, password_hash, display_name, created_at) VALUES ($1, $2, $3, $4)
             RETURNING id, email, display_name, created_at",
        )
        .bind(email)
        .bind(password_hash)
        .bind(display_name)
        .bind(clock::now())
        .fetch_one(pool)
        .await)
        .map(User::from)
        .map_err(|e| match StoreError::from(e) {
            StoreError::Conflict(_) => StoreError::Conflict("email"),
            other => other,
        })
    }

    /// The user and their password hash, for login.
    pub async fn find_user_by_email(&self, email: &str) -> StoreResult<Option<(User, String)>> {
        if !super::could_be_stored(email) {
            return Ok(None);
        }
        let row = on_pool!(self, pool => sqlx::query_as::<_, UserWithHashRow>(
            "SELECT id, email, display_name, created_at, password_hash FROM users WHERE email = $1",
        )
        .bind(email)
        .fetch_optional(pool)
        .await)?;
        Ok(row.map(|r| (r.user.into(), r.password_hash)))
    }

    pub async fn create_session(&self, user_id: i64, token_hash: &str) -> StoreResult<()> {
        on_pool!(self, pool => sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)",
        )
            .bind(token_hash)
            .bind(user_id)
            .bind(clock::now())
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(())
    }

    /// The user a live session belongs to. A session idle for [`SESSION_IDLE_DAYS`] is gone:
    /// it answers `None`, like a revoked one, and is deleted on the way.
    pub async fn user_for_token(&self, token_hash: &str) -> StoreResult<Option<User>> {
        #[derive(FromRow)]
        struct Row {
            #[sqlx(flatten)]
            user: UserRow,
            stale: bool,
            expired: bool,
        }
        let row = on_pool!(self, pool => sqlx::query_as::<_, Row>(
            "SELECT u.id, u.email, u.display_name, u.created_at,
                    s.last_seen_at < $1 AS stale,
                    s.last_seen_at < $2 AS expired
             FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.token_hash = $3",
        )
        .bind(clock::before_now(LAST_SEEN_RESOLUTION))
        .bind(clock::before_now(Duration::days(SESSION_IDLE_DAYS.into())))
        .bind(token_hash)
        .fetch_optional(pool)
        .await)?;
        let Some(row) = row else { return Ok(None) };
        if row.expired {
            // The answer is "signed out" whether or not the row goes now; a row left
            // behind is refused the same way next time.
            if let Err(e) = self.delete_session(token_hash).await {
                tracing::warn!(error = %e, "could not delete an expired session");
            }
            return Ok(None);
        }
        if row.stale {
            // Only bookkeeping: a busy database must not turn a read into an error. The
            // next request past the hour tries again.
            let touched = on_pool!(self, pool => sqlx::query(
                "UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2",
            )
            .bind(clock::now())
            .bind(token_hash)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()));
            if let Err(e) = touched {
                tracing::warn!(error = %StoreError::from(e), "could not refresh a session's last_seen_at");
            }
        }
        Ok(Some(row.user.into()))
    }

    pub async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
        on_pool!(self, pool => sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(())
    }
}

/// The name that stands where a deleted account's name stood, in both of the app's
/// languages: it is data, read by whoever reads what they wrote.
pub const FORMER_MEMBER: &str = "탈퇴한 사용자 · former member";

/// What deleting an account came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deletion {
    Deleted,
    /// It is the last moderator of a district, which must not be left without one.
    LastModerator,
}

impl Store {
    /// Deletes an account as Korea's Personal Information Protection Act expects: its email
    /// and name are erased (what it wrote stays, under [`FORMER_MEMBER`]), its sessions end,
    /// and what would still identify it goes: its shop claims (with their business
    /// registration numbers) and the unlisted shops only they were about, follows, roles,
    /// suspensions, and shop ownership with the shops' phone and KakaoTalk link. One
    /// exclusive transaction, so it cannot leave a district without moderators.
    pub async fn delete_account(&self, user_id: i64) -> StoreResult<Deletion> {
        use super::BeginExclusive as _;
        Ok(on_pool!(self, pool => {
            let mut tx = pool.begin_exclusive().await?;
            let alone: bool = sqlx::query_scalar(
                "SELECT EXISTS (SELECT 1 FROM district_roles r WHERE r.user_id = $1 AND r.role = 'moderator'
                     AND NOT EXISTS (SELECT 1 FROM district_roles o WHERE o.district_id = r.district_id
                                     AND o.role = 'moderator' AND o.user_id <> $1))",
            )
            .bind(user_id)
            .fetch_one(&mut *tx)
            .await?;
            if alone {
                Deletion::LastModerator
            } else {
                for sql in [
                    "DELETE FROM sessions WHERE user_id = $1",
                    "DELETE FROM district_roles WHERE user_id = $1",
                    "DELETE FROM follows WHERE user_id = $1",
                    // A new shop its claim added is only that claim's question, unlisted
                    // and named by the claimant; once the claim goes, nobody would ever see
                    // or decide it. Kept if anything else points at it.
                    "DELETE FROM shops WHERE NOT listed AND owner_user_id IS NULL
                         AND id IN (SELECT shop_id FROM shop_claims WHERE user_id = $1)
                         AND NOT EXISTS (SELECT 1 FROM shop_claims c WHERE c.shop_id = shops.id AND c.user_id <> $1)
                         AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.shop_id = shops.id)
                         AND NOT EXISTS (SELECT 1 FROM announcements n WHERE n.shop_id = shops.id)
                         AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.shop_id = shops.id)",
                    "DELETE FROM shop_claims WHERE user_id = $1",
                    "DELETE FROM suspensions WHERE user_id = $1",
                    // The shop stays, unverified, for a next owner to claim; its phone and
                    // KakaoTalk link are often the owner's own and would still name them.
                    "UPDATE shops SET owner_user_id = NULL, verified = FALSE, phone = NULL, kakao_channel_url = NULL
                     WHERE owner_user_id = $1",
                ] {
                    sqlx::query(sql).bind(user_id).execute(&mut *tx).await?;
                }
                // The placeholder keeps email's UNIQUE and lower-case rules and is no
                // address at all (no `@`: nobody can register it first); the hash matches
                // no password and marks the account as deleted.
                sqlx::query(
                    "UPDATE users SET email = 'deleted-' || CAST(id AS TEXT),
                         display_name = $2, password_hash = '!' WHERE id = $1",
                )
                .bind(user_id)
                .bind(FORMER_MEMBER)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Deletion::Deleted
            }
        }))
    }
}

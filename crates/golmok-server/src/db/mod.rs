//! Storage. This is the only module that speaks SQL: handlers call typed `Store` methods
//! and get contract types back, so another engine (PostgreSQL) can be added behind the
//! same methods without touching the routes.

mod accounts;
mod demo;
mod districts;
mod proposals;

use std::{str::FromStr, time::Duration};

use anyhow::Context;
use sqlx::{
    SqlitePool,
    error::ErrorKind,
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
};

pub use demo::{
    DemoComment, DemoData, DemoDistrict, DemoProposal, DemoShop, DemoUser, EventDay, SeedOutcome,
};
pub use proposals::{ProposalAfter, ProposalFilter};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// What can go wrong in storage that a caller may want to tell apart.
#[derive(Debug)]
pub enum StoreError {
    /// A UNIQUE constraint refused the row; the text says what kind of thing.
    Conflict(&'static str),
    /// A foreign key pointed at nothing.
    Missing,
    /// The database stayed locked past the busy timeout, or no connection was free.
    Busy,
    Other(sqlx::Error),
}

pub type StoreResult<T> = Result<T, StoreError>;

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::PoolTimedOut => StoreError::Busy,
            sqlx::Error::Database(db) => match db.kind() {
                ErrorKind::UniqueViolation => StoreError::Conflict("record"),
                ErrorKind::ForeignKeyViolation => StoreError::Missing,
                // SQLITE_BUSY (5) and SQLITE_LOCKED (6), with or without extended codes.
                _ if db
                    .code()
                    .and_then(|c| c.parse::<i32>().ok())
                    .is_some_and(|c| matches!(c & 0xff, 5 | 6)) =>
                {
                    StoreError::Busy
                }
                _ => StoreError::Other(e),
            },
            _ => StoreError::Other(e),
        }
    }
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Conflict(what) => write!(f, "{what} already exists"),
            StoreError::Missing => f.write_str("referenced row does not exist"),
            StoreError::Busy => f.write_str("database busy"),
            StoreError::Other(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for StoreError {}

#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
}

impl Store {
    /// Opens (creating if needed) the database and brings its schema up to date.
    ///
    /// Accepts `sqlite://FILE`, `sqlite:FILE`, `sqlite::memory:` or a plain file path.
    pub async fn open(url: &str) -> anyhow::Result<Self> {
        let options = if url.starts_with("sqlite:") {
            SqliteConnectOptions::from_str(url).with_context(|| format!("bad database URL {url:?}"))?
        } else if url.contains("://") {
            anyhow::bail!("unsupported database URL {url:?}: use sqlite://FILE or a file path");
        } else {
            SqliteConnectOptions::new().filename(url)
        };
        let in_memory = url.contains(":memory:");
        let options = options
            .create_if_missing(true)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5))
            // WAL lets readers go on while one writer writes; NORMAL is durable in WAL
            // except for the last transactions on power loss, the usual trade-off.
            .journal_mode(if in_memory { SqliteJournalMode::Memory } else { SqliteJournalMode::Wal })
            .synchronous(SqliteSynchronous::Normal);
        let pool = SqlitePoolOptions::new()
            // An in-memory database exists once per connection: keep exactly one, forever.
            .max_connections(if in_memory { 1 } else { 8 })
            .min_connections(if in_memory { 1 } else { 0 })
            .idle_timeout(if in_memory { None } else { Some(Duration::from_secs(600)) })
            .max_lifetime(if in_memory { None } else { Some(Duration::from_secs(3600)) })
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await
            .with_context(|| format!("cannot open database {url:?}"))?;
        MIGRATOR.run(&pool).await.context("cannot migrate the database")?;
        Ok(Store { pool })
    }

    /// Whether the database answers, for health checks.
    pub async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

//! Storage. This is the only module that speaks SQL: handlers call typed `Store` methods
//! and get contract types back, never knowing which engine runs.
//!
//! Two engines: SQLite (one file, the embedded default) and PostgreSQL (a city of
//! districts, several server processes on one database). Every query is one SQL text for
//! both, with `$N` placeholders, which both drivers read, and `on_pool!` compiles the code
//! around it once per engine. Where the engines really differ, the difference is named:
//! the schema's types and triggers (`migrations/sqlite`, `migrations/postgres`, with the
//! same meaning), how a transaction that decides before it writes takes its lock
//! ([`Store::begin_exclusive`]), and errors (`StoreError::from`). Times are computed here
//! ([`clock`]), not by either engine's date functions, which have nothing in common.

/// Runs `$body` with `$pool` bound to this store's pool, whichever engine it is: the body
/// is compiled once for each, so one SQL text serves both.
macro_rules! on_pool {
    ($store:expr, $pool:ident => $body:expr) => {
        match &$store.pool {
            $crate::db::Pool::Sqlite($pool) => $body,
            $crate::db::Pool::Postgres($pool) => $body,
        }
    };
}

mod accounts;
pub use accounts::{Deletion, FORMER_MEMBER};
mod announcements;
mod answers;
pub mod clock;
mod demo;
mod districts;
mod feed;
mod idempotency;
pub use idempotency::Claim;
mod life;
mod limits;
mod moderation;
mod proposals;
mod shops;

use std::{str::FromStr, time::Duration};

use anyhow::Context;
use sqlx::{
    PgPool, SqlitePool,
    error::ErrorKind,
    postgres::{PgConnectOptions, PgPoolOptions},
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
};

pub use announcements::{PinnedAfter, Showing, StoredAnnouncement};
pub use demo::{
    DemoAnnouncement, DemoAnswer, DemoClaim, DemoComment, DemoData, DemoDistrict, DemoEvent, DemoProposal,
    DemoShop, DemoUser, EventDay, SeedOutcome,
};
pub use districts::Dismissal;
pub use feed::{FeedAfter, kind_rank};
pub use moderation::{Decided, ItemPlace};
pub use proposals::{ProposalAfter, ProposalFilter};
pub use shops::{ClaimFilter, ClaimRefusal, OwnedShop};

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// How long the server waits for its database at start: PostgreSQL may come up a few
/// seconds after the servers (a fresh container, a failover), and several processes
/// migrating one new SQLite file take turns.
pub(crate) const START_PATIENCE: Duration = Duration::from_secs(60);

/// What can go wrong in storage that a caller may want to tell apart.
#[derive(Debug)]
pub enum StoreError {
    /// A UNIQUE constraint refused the row; the text says what kind of thing.
    Conflict(&'static str),
    /// A foreign key pointed at nothing.
    Missing,
    /// The database could not take this now (locked past the busy timeout, no free
    /// connection, a serialization failure, unreachable): worth trying again later.
    Busy,
    Other(sqlx::Error),
}

pub type StoreResult<T> = Result<T, StoreError>;

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        if is_busy(&e) {
            return StoreError::Busy;
        }
        match &e {
            sqlx::Error::Database(db) => match db.kind() {
                ErrorKind::UniqueViolation => StoreError::Conflict("record"),
                ErrorKind::ForeignKeyViolation => StoreError::Missing,
                _ => StoreError::Other(e),
            },
            _ => StoreError::Other(e),
        }
    }
}

/// Whether the database could not take this *now*, on either engine: no connection free
/// or reachable, or it refused for a moment.
fn is_busy(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed => true,
        // The network, not the answer: a certificate no CA vouches for also arrives as an
        // I/O error (InvalidData), and waiting does not mend it.
        sqlx::Error::Io(io) => io.kind() != std::io::ErrorKind::InvalidData,
        sqlx::Error::Database(db) => {
            let engine = if db.try_downcast_ref::<sqlx::postgres::PgDatabaseError>().is_some() {
                Engine::Postgres
            } else {
                Engine::Sqlite
            };
            db.code().is_some_and(|code| is_busy_code(engine, &code))
        }
        _ => false,
    }
}

/// PostgreSQL: serialization_failure, deadlock_detected, lock_not_available,
/// query_canceled (a statement timeout), admin_shutdown, cannot_connect_now.
/// SQLite: SQLITE_BUSY (5) and SQLITE_LOCKED (6), with or without extended codes. Each
/// engine's codes only: PostgreSQL's 22021 (a NUL byte in text) ends in 0x05 too.
fn is_busy_code(engine: Engine, code: &str) -> bool {
    match engine {
        Engine::Postgres => matches!(code, "40001" | "40P01" | "55P03" | "57014" | "57P01" | "57P03"),
        Engine::Sqlite => code.parse::<i32>().is_ok_and(|c| matches!(c & 0xff, 5 | 6)),
    }
}

/// Whether text given to look something up could be stored at all. Nothing stored holds a
/// NUL (validation refuses control characters), and PostgreSQL refuses NUL in a text
/// parameter with an error where SQLite finds nothing: lookups of such text answer
/// "not there" without asking, the same on both engines.
fn could_be_stored(text: &str) -> bool {
    !text.contains('\0')
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
pub(crate) enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Which engine a store runs on, for logs and for the few tests that must know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
pub struct Store {
    pool: Pool,
    /// "Now" for a proposal's expiry; see [`clock::Clock`].
    clock: clock::Clock,
}

impl Store {
    /// Opens (creating if needed) the database and brings its schema up to date.
    ///
    /// `postgres://…` or `postgresql://…` is PostgreSQL; `sqlite://FILE`, `sqlite:FILE`,
    /// `sqlite::memory:` or a plain file path is SQLite.
    pub async fn open(url: &str) -> anyhow::Result<Self> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Self::open_postgres(url).await
        } else {
            Self::open_sqlite(url).await
        }
    }

    async fn open_sqlite(url: &str) -> anyhow::Result<Self> {
        let options = if url.starts_with("sqlite:") {
            SqliteConnectOptions::from_str(url).with_context(|| format!("bad database URL {url:?}"))?
        } else if url.contains("://") {
            anyhow::bail!(
                "unsupported database URL {url:?}: use sqlite://FILE, a file path, or postgres://USER:PASS@HOST/DB"
            );
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
        let pool_options = SqlitePoolOptions::new()
            // An in-memory database exists once per connection: keep exactly one, forever.
            .max_connections(if in_memory { 1 } else { 8 })
            .min_connections(if in_memory { 1 } else { 0 })
            .idle_timeout(if in_memory { None } else { Some(Duration::from_secs(600)) })
            .max_lifetime(if in_memory { None } else { Some(Duration::from_secs(3600)) })
            .acquire_timeout(Duration::from_secs(10));
        // Several processes starting on one new file must not both create the schema.
        // PostgreSQL's migrator locks; SQLite's takes no lock of its own, so the servers
        // take turns through an OS lock on a file beside the database (where SQLite keeps
        // its -wal and -shm), and later ones find the schema there.
        let turn = if in_memory { None } else { Some(MigrationTurn::wait(options.get_filename()).await?) };
        let pool = patiently(url, || async {
            let pool = pool_options.clone().connect_with(options.clone()).await?;
            if let Err(e) = SQLITE_MIGRATIONS.run(&pool).await {
                pool.close().await;
                return Err(e.into());
            }
            Ok(pool)
        })
        .await?;
        drop(turn);
        Ok(Store { pool: Pool::Sqlite(pool), clock: clock::Clock::default() })
    }

    async fn open_postgres(url: &str) -> anyhow::Result<Self> {
        let options = PgConnectOptions::from_str(url)
            .with_context(|| format!("bad database URL {}", redact(url)))?
            // As SQLite's busy timeout: a write that cannot have its rows within 5 s gives
            // up (the API answers 503) instead of holding a request until its timeout.
            .options([("lock_timeout", "5s")]);
        let pool_options = PgPoolOptions::new()
            .max_connections(16)
            .min_connections(0)
            .idle_timeout(Some(Duration::from_secs(600)))
            .max_lifetime(Some(Duration::from_secs(3600)))
            .acquire_timeout(Duration::from_secs(10));
        // PostgreSQL's migrator holds an advisory lock while it works: servers starting
        // together on a new database take turns, and all find the same schema.
        let pool = patiently(url, || async {
            let pool = pool_options.clone().connect_with(options.clone()).await?;
            if let Err(e) = POSTGRES_MIGRATIONS.run(&pool).await {
                pool.close().await;
                return Err(e.into());
            }
            Ok(pool)
        })
        .await?;
        Ok(Store { pool: Pool::Postgres(pool), clock: clock::Clock::default() })
    }

    /// This store on `clock` for a proposal's expiry (tests move theirs ahead).
    pub fn with_clock(mut self, clock: clock::Clock) -> Self {
        self.clock = clock;
        self
    }

    pub fn engine(&self) -> Engine {
        match self.pool {
            Pool::Sqlite(_) => Engine::Sqlite,
            Pool::Postgres(_) => Engine::Postgres,
        }
    }

    /// Whether the database answers, for health checks.
    pub async fn ping(&self) -> StoreResult<()> {
        on_pool!(self, pool => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    pub async fn close(&self) {
        on_pool!(self, pool => pool.close().await);
    }
}

/// A transaction that decides before it writes ("is the database still empty?") must hold
/// the write lock from its first statement, or two servers both read "empty" and both
/// write, or someone registers between the look and the writing. The engines take that
/// lock differently. Only the demo seed, once per start, takes it.
pub(crate) trait BeginExclusive {
    type Database: sqlx::Database;
    async fn begin_exclusive(&self) -> sqlx::Result<sqlx::Transaction<'static, Self::Database>>;
}

impl BeginExclusive for SqlitePool {
    type Database = sqlx::Sqlite;
    /// SQLite: IMMEDIATE takes the write lock at BEGIN (waiting out the busy timeout);
    /// a deferred transaction that reads first fails outright when it later must write.
    async fn begin_exclusive(&self) -> sqlx::Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
        self.begin_with("BEGIN IMMEDIATE").await
    }
}

impl BeginExclusive for PgPool {
    type Database = sqlx::Postgres;
    /// PostgreSQL: EXCLUSIVE locks on the tables the seed looks at, for the transaction's
    /// length. Readers go on; every writer of those tables (a registration, another
    /// server's seed) waits, as all writers wait for SQLite's IMMEDIATE.
    async fn begin_exclusive(&self) -> sqlx::Result<sqlx::Transaction<'static, sqlx::Postgres>> {
        let mut tx = self.begin().await?;
        sqlx::query("LOCK TABLE users, districts IN EXCLUSIVE MODE").execute(&mut *tx).await?;
        Ok(tx)
    }
}

/// An exclusive OS lock on `FILE-migrate-lock`, held while one server migrates an SQLite
/// database; released when dropped. Never the database file itself: closing any other
/// descriptor of it would drop SQLite's own locks in this process.
struct MigrationTurn(std::fs::File);

impl MigrationTurn {
    async fn wait(database: &std::path::Path) -> anyhow::Result<Self> {
        let mut path = database.as_os_str().to_owned();
        path.push("-migrate-lock");
        let path = std::path::PathBuf::from(path);
        let shown = path.display().to_string();
        let file = tokio::task::spawn_blocking(move || -> std::io::Result<std::fs::File> {
            let file = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path)?;
            file.lock()?;
            Ok(file)
        })
        .await
        .context("the migration lock's task failed")?
        .with_context(|| format!("cannot lock {shown}"))?;
        Ok(MigrationTurn(file))
    }
}

impl Drop for MigrationTurn {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

/// What can stop a database from opening: only the busy kind is worth waiting out.
enum OpenError {
    Sqlx(sqlx::Error),
    Migrate(sqlx::migrate::MigrateError),
}

impl From<sqlx::Error> for OpenError {
    fn from(e: sqlx::Error) -> Self {
        OpenError::Sqlx(e)
    }
}

impl From<sqlx::migrate::MigrateError> for OpenError {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        OpenError::Migrate(e)
    }
}

impl OpenError {
    fn is_transient(&self) -> bool {
        match self {
            OpenError::Sqlx(e) | OpenError::Migrate(sqlx::migrate::MigrateError::Execute(e)) => is_busy(e),
            OpenError::Migrate(_) => false,
        }
    }
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::Sqlx(e) => write!(f, "{e}"),
            OpenError::Migrate(e) => write!(f, "cannot migrate: {e}"),
        }
    }
}

/// Tries `open` until it works, a lasting error comes, or [`START_PATIENCE`] is spent,
/// saying in the log what it waits for.
async fn patiently<T, F, Fut>(url: &str, open: F) -> anyhow::Result<T>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Result<T, OpenError>>,
{
    let started = std::time::Instant::now();
    let mut pause = Duration::from_millis(100);
    loop {
        match open().await {
            Ok(value) => return Ok(value),
            Err(e) if e.is_transient() && started.elapsed() < START_PATIENCE => {
                tracing::warn!(
                    database = %redact(url),
                    error = %e,
                    "the database does not answer yet; trying again in {} ms",
                    pause.as_millis()
                );
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_secs(2));
            }
            Err(e) => anyhow::bail!("cannot open database {}: {e}", redact(url)),
        }
    }
}

/// A database URL fit for a log: without its password.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_stay_out_of_logs() {
        assert_eq!(
            redact("postgres://golmok:s3cret@db.example:5432/golmok"),
            "postgres://golmok:***@db.example:5432/golmok"
        );
        assert_eq!(redact("postgres://golmok@localhost/golmok"), "postgres://golmok@localhost/golmok");
        assert_eq!(redact("golmok.db"), "golmok.db");
        assert_eq!(redact("sqlite://golmok.db"), "sqlite://golmok.db");
    }

    #[test]
    fn busy_codes_of_both_engines() {
        for busy in ["5", "261", "517", "6"] {
            assert!(is_busy_code(Engine::Sqlite, busy), "{busy}");
        }
        for other in ["19", "2067", "1"] {
            assert!(!is_busy_code(Engine::Sqlite, other), "{other}");
        }
        for busy in ["40001", "40P01", "55P03", "57014", "57P01", "57P03"] {
            assert!(is_busy_code(Engine::Postgres, busy), "{busy}");
            assert!(!is_busy_code(Engine::Sqlite, busy), "{busy}");
        }
        // 22021 (NUL in text), 22022 and 42501 (no privilege) read as numbers end in 0x05
        // or 0x06: on PostgreSQL they are not "busy", and a missing privilege is lasting.
        for other in ["23505", "42P01", "22021", "22022", "42501", "5", "6"] {
            assert!(!is_busy_code(Engine::Postgres, other), "{other}");
        }
    }
}

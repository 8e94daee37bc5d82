//! Times as the database keeps them: RFC 3339 in UTC, to the second
//! (`2026-11-27T09:30:00Z`), which sorts as text and reaches the wire unchanged. They are
//! computed here, so SQLite and PostgreSQL store the same text; the schemas' DEFAULTs
//! write the same form (`strftime` there, `golmok_now()` here).

use time::{Duration, OffsetDateTime, format_description::BorrowedFormatItem, macros::format_description};

const INSTANT: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
const DAY: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

/// This moment, as stored.
pub fn now() -> String {
    instant(OffsetDateTime::now_utc())
}

/// The moment `ago` before now, as stored (for "seen in the last hour" and the demo's
/// past).
pub fn before_now(ago: Duration) -> String {
    instant(OffsetDateTime::now_utc() - ago)
}

/// Today in UTC plus `days`, as `YYYY-MM-DD`.
pub fn day_from_today(days: i64) -> String {
    // A four-digit year formats for the next 7000 years; nothing here can fail.
    (OffsetDateTime::now_utc() + Duration::days(days)).format(DAY).unwrap_or_default()
}

/// This moment on the districts' clock (Seoul), for "open now" and "closed today".
pub fn seoul_now() -> golmok_api::hours::Moment {
    golmok_api::hours::Moment::in_seoul(OffsetDateTime::now_utc().unix_timestamp())
}

/// The server's "now" for a proposal's age (when it was made, and whether it expired):
/// real time, plus however far a test moved it ahead. Nothing in the server moves it, so
/// in production it is the system clock. Every other time (when a support or a comment
/// was written, what shows now) stays on [`now`]: moving this clock ahead ages every
/// proposal at once, which is what a test of "60 days later" needs without touching the
/// rows, and a proposal made after the move is born at the moved time, so it is young.
/// It lives in the [`super::Store`], not in a global, so tests running side by side in
/// one process each move their own server's clock.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    ahead: std::sync::Arc<std::sync::atomic::AtomicI64>,
}

impl Clock {
    /// Seconds since 1970 on this clock.
    pub fn unix_now(&self) -> i64 {
        OffsetDateTime::now_utc().unix_timestamp() + self.ahead.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// This moment on this clock, as stored.
    pub fn now(&self) -> String {
        instant(
            OffsetDateTime::now_utc()
                + Duration::seconds(self.ahead.load(std::sync::atomic::Ordering::Relaxed)),
        )
    }

    /// Moves this clock, and every server given a clone of it, `by` ahead (tests only).
    pub fn advance(&self, by: Duration) {
        self.ahead.fetch_add(by.whole_seconds(), std::sync::atomic::Ordering::Relaxed);
    }
}

fn instant(t: OffsetDateTime) -> String {
    t.format(INSTANT).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_forms() {
        let t = OffsetDateTime::from_unix_timestamp(1_795_167_000).unwrap();
        assert_eq!(instant(t), "2026-11-20T09:30:00Z");
        let now = now();
        assert_eq!(now.len(), 20);
        assert!(before_now(Duration::hours(1)) < now, "earlier sorts first as text");
        assert_eq!(day_from_today(0), now[..10]);
        assert!(day_from_today(1) > day_from_today(0));
    }

    #[test]
    fn a_clock_runs_real_time_until_moved_and_its_clones_move_with_it() {
        let clock = Clock::default();
        let real = OffsetDateTime::now_utc().unix_timestamp();
        assert!((clock.unix_now() - real).abs() <= 1);
        let shared = clock.clone();
        shared.advance(Duration::days(61));
        assert!((clock.unix_now() - real - 61 * 86_400).abs() <= 1);
        let stored = golmok_api::instants::parse(&clock.now()).unwrap();
        assert!((stored - clock.unix_now()).abs() <= 1, "stored as it reads");
    }
}

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
}

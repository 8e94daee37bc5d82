//! Opening hours and "open now" (지금 영업 중): one rule, here, for the server (a shop's
//! `open_now`, the directory's filter) and for the app (a badge that stays right while a
//! page is open).
//!
//! Times are wall-clock times of the district. Every district is in Korea, whose one
//! time zone (Asia/Seoul) is UTC+9 all year, with no daylight saving: a fixed offset is
//! the whole time-zone rule, and no time-zone database is needed in the wasm.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// Seconds east of UTC of Asia/Seoul, all year.
pub const SEOUL_OFFSET_SECONDS: i64 = 9 * 3600;

const DAY_MINUTES: u16 = 24 * 60;

/// From one clock time to another, `HH:MM` (00:00 to 23:59). An end at or before the
/// start runs past midnight (`18:00`–`02:00`); the same time twice is 24 hours.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Span {
    pub starts: String,
    pub ends: String,
}

/// One weekday's hours: when the shop opens and closes, and a break inside (브레이크
/// 타임), if any.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct DayHours {
    pub open: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub break_time: Option<Span>,
}

/// A week of hours; `null` is a day the shop is closed (정기 휴무).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct WeeklyHours {
    pub mon: Option<DayHours>,
    pub tue: Option<DayHours>,
    pub wed: Option<DayHours>,
    pub thu: Option<DayHours>,
    pub fri: Option<DayHours>,
    pub sat: Option<DayHours>,
    pub sun: Option<DayHours>,
}

impl WeeklyHours {
    /// Monday is 0.
    pub fn day(&self, weekday: u8) -> Option<&DayHours> {
        match weekday % 7 {
            0 => self.mon.as_ref(),
            1 => self.tue.as_ref(),
            2 => self.wed.as_ref(),
            3 => self.thu.as_ref(),
            4 => self.fri.as_ref(),
            5 => self.sat.as_ref(),
            _ => self.sun.as_ref(),
        }
    }

    /// Whether no day has hours: nothing is known, so the shop is never "open now".
    pub fn is_empty(&self) -> bool {
        (0..7).all(|d| self.day(d).is_none())
    }
}

/// `HH:MM` as minutes after midnight; `None` unless a real clock time in that form.
pub fn clock_minutes(text: &str) -> Option<u16> {
    let b = text.as_bytes();
    if b.len() != 5 || b[2] != b':' || !b[..2].iter().chain(&b[3..]).all(u8::is_ascii_digit) {
        return None;
    }
    let hours = u16::from(b[0] - b'0') * 10 + u16::from(b[1] - b'0');
    let minutes = u16::from(b[3] - b'0') * 10 + u16::from(b[4] - b'0');
    (hours < 24 && minutes < 60).then_some(hours * 60 + minutes)
}

/// A moment on a district's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    /// Days since 1970-01-01 on the district's calendar.
    pub day: i64,
    /// Minutes after midnight, 0 to 1439.
    pub minute: u16,
}

impl Moment {
    /// The moment `unix_seconds` in Seoul.
    pub fn in_seoul(unix_seconds: i64) -> Self {
        let local = unix_seconds + SEOUL_OFFSET_SECONDS;
        Moment { day: local.div_euclid(86_400), minute: (local.rem_euclid(86_400) / 60) as u16 }
    }

    /// Monday is 0 (1970-01-01 was a Thursday).
    pub fn weekday(&self) -> u8 {
        (self.day + 3).rem_euclid(7) as u8
    }

    /// The calendar date, `YYYY-MM-DD`.
    pub fn date(&self) -> String {
        date_of_day(self.day)
    }
}

/// `YYYY-MM-DD` of a day counted from 1970-01-01 (the proleptic Gregorian calendar, by
/// Howard Hinnant's `civil_from_days`).
pub fn date_of_day(day: i64) -> String {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Minutes from the span's start to its end: 1 to 1440.
fn span_length(starts: u16, ends: u16) -> u16 {
    if ends > starts { ends - starts } else { ends + DAY_MINUTES - starts }
}

/// The opening `at` falls in, if any: how many days back it began (0 today, 1 a night
/// that began yesterday and runs past midnight), that day's hours, and how many minutes
/// into it `at` is. Breaks are inside an opening; unreadable times open nothing.
fn opening_at(hours: &WeeklyHours, at: Moment) -> Option<(u16, &DayHours, u16, u16)> {
    // The moment belongs to at most one of them.
    // `day` counts weekdays modulo 7: six days on is the day before.
    for (days_back, weekday) in [(0, at.weekday()), (1, at.weekday() + 6)] {
        let Some(day) = hours.day(weekday) else { continue };
        let (Some(starts), Some(ends)) = (clock_minutes(&day.open.starts), clock_minutes(&day.open.ends))
        else {
            continue;
        };
        let since_opening = days_back * DAY_MINUTES + at.minute;
        let Some(into) = since_opening.checked_sub(starts) else { continue };
        if into < span_length(starts, ends) {
            return Some((days_back, day, starts, into));
        }
    }
    None
}

/// Whether a shop with these hours is open at `at`. `closed_on` is a day the merchant
/// said "closed today" (`YYYY-MM-DD`): that day's opening, including its hours past the
/// next midnight, does not happen. Unreadable times count as closed.
pub fn is_open(hours: &WeeklyHours, closed_on: Option<&str>, at: Moment) -> bool {
    let Some((days_back, day, starts, into)) = opening_at(hours, at) else { return false };
    if closed_on.is_some_and(|closed| closed == date_of_day(at.day - i64::from(days_back))) {
        return false;
    }
    !day.break_time.as_ref().is_some_and(|b| in_break(b, starts, into))
}

/// The day whose opening "closed today" closes at `at`: yesterday while a night that
/// began yesterday still runs past midnight, today otherwise (days since 1970-01-01).
pub fn opening_day(hours: &WeeklyHours, at: Moment) -> i64 {
    match opening_at(hours, at) {
        Some((days_back, ..)) => at.day - i64::from(days_back),
        None => at.day,
    }
}

/// Whether `into` minutes after an opening at `starts` falls in the break.
fn in_break(break_time: &Span, starts: u16, into: u16) -> bool {
    let (Some(b_starts), Some(b_ends)) = (clock_minutes(&break_time.starts), clock_minutes(&break_time.ends))
    else {
        return false;
    };
    let from = span_length(starts, b_starts) % DAY_MINUTES;
    let to = span_length(starts, b_ends) % DAY_MINUTES;
    (from..to).contains(&into)
}

/// Whether a break lies strictly inside the opening, in order: it starts after the shop
/// opens and ends before it closes.
pub fn break_fits(open: &Span, break_time: &Span) -> bool {
    let times = [&open.starts, &open.ends, &break_time.starts, &break_time.ends].map(|t| clock_minutes(t));
    let [Some(starts), Some(ends), Some(b_starts), Some(b_ends)] = times else { return false };
    let length = span_length(starts, ends);
    let from = span_length(starts, b_starts) % DAY_MINUTES;
    let to = span_length(starts, b_ends) % DAY_MINUTES;
    0 < from && from < to && to < length
}

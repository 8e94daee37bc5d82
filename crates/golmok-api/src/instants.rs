//! Instants as the API writes them: RFC 3339 in UTC, to the second
//! (`2026-11-27T09:30:00Z`), which sort as text. Clients may send any offset
//! (`2026-11-27T18:30:00+09:00`); it is read here and written back in UTC, the same on
//! both sides, without a date library in the wasm.

use crate::hours::date_of_day;

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's
/// `days_from_civil`).
pub fn day_of_date(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(year: i64, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    }
}

/// Seconds since 1970-01-01T00:00:00Z of an RFC 3339 instant with seconds and a `Z` or
/// `±HH:MM` offset (fractions of a second are dropped); `None` unless exactly that.
pub fn parse(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let num = |from: usize, to: usize| -> Option<i64> {
        let part = text.get(from..to)?;
        part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok()).flatten()
    };
    let (year, month, day) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    let (hour, minute, second) = (num(11, 13)?, num(14, 16)?, num(17, 19)?);
    let month = u32::try_from(month).ok()?;
    let day = u32::try_from(day).ok()?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        rest = &fraction[digits..];
    }
    let offset = match rest.as_bytes() {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let digits = [h1, h2, m1, m2];
            if !digits.iter().all(|d| d.is_ascii_digit()) {
                return None;
            }
            let hours = i64::from((h1 - b'0') * 10 + (h2 - b'0'));
            let minutes = i64::from((m1 - b'0') * 10 + (m2 - b'0'));
            if hours > 23 || minutes > 59 {
                return None;
            }
            let seconds = hours * 3600 + minutes * 60;
            if *sign == b'+' { seconds } else { -seconds }
        }
        _ => return None,
    };
    Some(day_of_date(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

/// The API's form of an instant: UTC, to the second.
pub fn format(unix_seconds: i64) -> String {
    let day = unix_seconds.div_euclid(86_400);
    let second = unix_seconds.rem_euclid(86_400);
    format!("{}T{:02}:{:02}:{:02}Z", date_of_day(day), second / 3600, second % 3600 / 60, second % 60)
}

/// An instant as typed, in the API's form; `None` unless RFC 3339 (see [`parse`]) in the
/// years 2000 to 2999.
pub fn normalize(text: &str) -> Option<String> {
    let seconds = parse(text.trim())?;
    let formatted = format(seconds);
    formatted.starts_with('2').then_some(formatted).filter(|f| f.len() == 20)
}

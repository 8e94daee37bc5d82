//! "Open now": the one rule the server and the app share.

use golmok_api::hours::{self, Moment, break_fits, clock_minutes, date_of_day, is_open};
use golmok_api::{DayHours, Span, WeeklyHours};

fn span(starts: &str, ends: &str) -> Span {
    Span { starts: starts.into(), ends: ends.into() }
}

fn day(starts: &str, ends: &str) -> Option<DayHours> {
    Some(DayHours { open: span(starts, ends), break_time: None })
}

fn every_day(hours: Option<DayHours>) -> WeeklyHours {
    WeeklyHours {
        mon: hours.clone(),
        tue: hours.clone(),
        wed: hours.clone(),
        thu: hours.clone(),
        fri: hours.clone(),
        sat: hours.clone(),
        sun: hours,
    }
}

/// 2026-11-27 (a Friday) at `hh:mm` in Seoul, `days` later.
fn at(days: i64, hh: u16, mm: u16) -> Moment {
    // 2026-11-27T00:00:00+09:00
    let midnight = 1_795_705_200;
    Moment::in_seoul(midnight + days * 86_400 + i64::from(hh) * 3600 + i64::from(mm) * 60)
}

#[test]
fn seoul_is_nine_hours_ahead_all_year() {
    let friday = at(0, 0, 0);
    assert_eq!((friday.date(), friday.weekday(), friday.minute), ("2026-11-27".to_owned(), 4, 0));
    // 2026-11-26T23:59:00Z is 08:59 on Friday in Seoul.
    let m = Moment::in_seoul(1_795_737_540);
    assert_eq!((m.date(), m.minute), ("2026-11-27".to_owned(), 8 * 60 + 59));
    assert_eq!(at(3, 12, 0).weekday(), 0, "Monday");
    assert_eq!(Moment::in_seoul(0).date(), "1970-01-01");
    assert_eq!(date_of_day(-1), "1969-12-31");
    for (day, date) in
        [(19_782, "2024-02-29"), (20_089, "2025-01-01"), (11_016, "2000-02-29"), (47_541, "2100-03-01")]
    {
        assert_eq!(date_of_day(day), date);
    }
    assert_eq!(hours::SEOUL_OFFSET_SECONDS, 32_400);
}

#[test]
fn clock_times() {
    assert_eq!(clock_minutes("00:00"), Some(0));
    assert_eq!(clock_minutes("09:05"), Some(545));
    assert_eq!(clock_minutes("23:59"), Some(1439));
    for bad in ["24:00", "12:60", "9:00", "09:0", "0900", "09-00", "aa:bb", "09:00 ", "１２:00"] {
        assert_eq!(clock_minutes(bad), None, "{bad:?}");
    }
}

#[test]
fn a_day_shop_opens_at_its_opening_and_closes_at_its_closing() {
    let hours = every_day(day("10:00", "21:00"));
    assert!(!is_open(&hours, None, at(0, 9, 59)));
    assert!(is_open(&hours, None, at(0, 10, 0)));
    assert!(is_open(&hours, None, at(0, 20, 59)));
    assert!(!is_open(&hours, None, at(0, 21, 0)));
    assert!(!is_open(&WeeklyHours::default(), None, at(0, 12, 0)), "no hours known: never open");
}

#[test]
fn hours_past_midnight_belong_to_the_day_they_began() {
    // A bar open Friday 18:00 to 02:00, closed on Saturday.
    let hours = WeeklyHours { fri: day("18:00", "02:00"), ..Default::default() };
    assert!(!is_open(&hours, None, at(0, 1, 0)), "Friday 01:00: Thursday did not open");
    assert!(is_open(&hours, None, at(0, 18, 0)));
    assert!(is_open(&hours, None, at(0, 23, 59)));
    assert!(is_open(&hours, None, at(1, 1, 59)), "Saturday 01:59 is still Friday night");
    assert!(!is_open(&hours, None, at(1, 2, 0)));
    assert!(!is_open(&hours, None, at(1, 18, 0)), "Saturday is closed");
}

#[test]
fn twenty_four_hours() {
    let hours = every_day(day("00:00", "00:00"));
    for (d, h, m) in [(0, 0, 0), (0, 12, 0), (0, 23, 59), (1, 0, 0)] {
        assert!(is_open(&hours, None, at(d, h, m)));
    }
    let from_nine = WeeklyHours { fri: day("09:00", "09:00"), ..Default::default() };
    assert!(is_open(&from_nine, None, at(1, 8, 59)), "09:00 to 09:00 the next morning");
    assert!(!is_open(&from_nine, None, at(1, 9, 0)));
}

#[test]
fn a_break_closes_the_shop_for_its_length() {
    let lunch_shop =
        Some(DayHours { open: span("11:00", "21:00"), break_time: Some(span("15:00", "17:00")) });
    let hours = every_day(lunch_shop);
    assert!(is_open(&hours, None, at(0, 14, 59)));
    assert!(!is_open(&hours, None, at(0, 15, 0)));
    assert!(!is_open(&hours, None, at(0, 16, 59)));
    assert!(is_open(&hours, None, at(0, 17, 0)));
    // A break after midnight, in a night that began the day before.
    let night = WeeklyHours {
        fri: Some(DayHours { open: span("18:00", "04:00"), break_time: Some(span("00:30", "01:00")) }),
        ..Default::default()
    };
    assert!(is_open(&night, None, at(1, 0, 29)));
    assert!(!is_open(&night, None, at(1, 0, 45)));
    assert!(is_open(&night, None, at(1, 1, 0)));
}

#[test]
fn closed_today_closes_that_days_opening_only() {
    let hours = every_day(day("18:00", "02:00"));
    assert!(!is_open(&hours, Some("2026-11-27"), at(0, 19, 0)));
    assert!(!is_open(&hours, Some("2026-11-27"), at(1, 1, 0)), "its night past midnight too");
    assert!(is_open(&hours, Some("2026-11-27"), at(0, 1, 0)), "Thursday's night was not closed");
    assert!(is_open(&hours, Some("2026-11-26"), at(0, 19, 0)), "yesterday's closing is over");
}

#[test]
fn breaks_must_lie_inside_the_opening() {
    assert!(break_fits(&span("11:00", "21:00"), &span("15:00", "17:00")));
    assert!(break_fits(&span("18:00", "04:00"), &span("23:30", "00:30")));
    assert!(break_fits(&span("00:00", "00:00"), &span("03:00", "05:00")));
    for (open, brk) in [
        (("11:00", "21:00"), ("11:00", "12:00")),
        (("11:00", "21:00"), ("20:00", "21:00")),
        (("11:00", "21:00"), ("17:00", "15:00")),
        (("11:00", "21:00"), ("09:00", "10:00")),
        (("11:00", "21:00"), ("20:00", "22:00")),
        (("11:00", "21:00"), ("15:00", "15:00")),
        (("11:00", "21:00"), ("15:00", "x")),
    ] {
        assert!(!break_fits(&span(open.0, open.1), &span(brk.0, brk.1)), "{open:?} {brk:?}");
    }
}

#[test]
fn closed_today_means_the_opening_under_way() {
    use golmok_api::hours::opening_day;
    let night = every_day(day("18:00", "02:00"));
    let friday = at(0, 12, 0).day;
    assert_eq!(opening_day(&night, at(0, 1, 0)), friday - 1, "01:00: Thursday's night is under way");
    assert_eq!(opening_day(&night, at(0, 2, 0)), friday, "02:00: it is over, today's is next");
    assert_eq!(opening_day(&night, at(0, 19, 0)), friday);
    assert_eq!(opening_day(&WeeklyHours::default(), at(0, 1, 0)), friday, "no hours: today");
    // Closing at 01:00 closes the night under way, which began on Thursday.
    let thursday = date_of_day(friday - 1);
    assert!(!is_open(&night, Some(&thursday), at(0, 1, 0)));
    assert!(is_open(&night, Some(&thursday), at(0, 19, 0)), "and not Friday's");
}

#[test]
fn each_weekday_has_its_own_hours() {
    let week = WeeklyHours {
        mon: day("01:00", "02:00"),
        tue: day("02:00", "03:00"),
        wed: day("03:00", "04:00"),
        thu: day("04:00", "05:00"),
        fri: day("05:00", "06:00"),
        sat: day("06:00", "07:00"),
        sun: day("07:00", "08:00"),
    };
    for weekday in 0..7u8 {
        let opens = week.day(weekday).map(|d| d.open.starts.clone());
        assert_eq!(opens, Some(format!("{:02}:00", weekday + 1)), "weekday {weekday}");
    }
    assert_eq!(week.day(7), week.day(0), "counted modulo 7");
    assert!(!week.is_empty());
    assert!(WeeklyHours::default().is_empty());
    assert!(!WeeklyHours { sun: day("07:00", "08:00"), ..Default::default() }.is_empty());
}

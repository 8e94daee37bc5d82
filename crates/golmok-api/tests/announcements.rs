//! Announcements' rules, and the instants they are shown between.

use golmok_api::instants::{day_of_date, format, normalize, parse};
use golmok_api::validate;
use golmok_api::*;

const NOW: &str = "2026-11-27T09:30:00Z";

fn new(starts: Option<&str>, ends: Option<&str>) -> NewAnnouncement {
    NewAnnouncement {
        kind: AnnouncementKind::Sale,
        title: " 식빵 1+1 ".into(),
        body: "금요일 하루만요!\n오후 5시부터".into(),
        starts_at: starts.map(Into::into),
        ends_at: ends.map(Into::into),
    }
}

#[test]
fn instants_in_any_offset_come_back_in_utc() {
    assert_eq!(normalize("2026-11-27T18:30:00+09:00").as_deref(), Some("2026-11-27T09:30:00Z"));
    assert_eq!(normalize("2026-11-27T09:30:00Z").as_deref(), Some("2026-11-27T09:30:00Z"));
    assert_eq!(normalize(" 2026-11-28T01:00:00.123+09:00 ").as_deref(), Some("2026-11-27T16:00:00Z"));
    assert_eq!(normalize("2026-03-01T00:30:00-05:00").as_deref(), Some("2026-03-01T05:30:00Z"));
    assert_eq!(normalize("2024-02-29T23:00:00-02:00").as_deref(), Some("2024-03-01T01:00:00Z"));
    assert_eq!(normalize("2026-01-01T08:00:00+09:00").as_deref(), Some("2025-12-31T23:00:00Z"));
    for bad in [
        "2026-11-27",
        "2026-11-27T09:30Z",
        "2026-11-27 09:30:00Z",
        "2026-11-27T09:30:00",
        "2026-02-29T09:30:00Z",
        "2026-11-31T09:30:00Z",
        "2026-11-27T24:00:00Z",
        "2026-11-27T09:60:00Z",
        "2026-11-27T09:30:00+9:00",
        "2026-11-27T09:30:00+24:00",
        "2026-11-27T09:30:00.Z",
        "1999-12-31T23:59:59Z",
        "tomorrow",
    ] {
        assert_eq!(normalize(bad), None, "{bad:?}");
    }
    assert_eq!(parse("1970-01-01T00:00:00Z"), Some(0));
    assert_eq!(format(1_795_167_000), "2026-11-20T09:30:00Z");
    assert_eq!(day_of_date(2000, 3, 1), 11_017);
    assert_eq!(format(parse(NOW).unwrap()), NOW);
}

#[test]
fn an_announcement_shows_from_now_for_thirty_days_unless_told() {
    let ok = validate::new_announcement(&new(None, None), NOW).unwrap();
    assert_eq!(ok.title, "식빵 1+1");
    assert_eq!(ok.starts_at.as_deref(), Some(NOW));
    assert_eq!(ok.ends_at.as_deref(), Some("2026-12-27T09:30:00Z"));
    let later = validate::new_announcement(&new(Some("2026-12-01T10:00:00+09:00"), None), NOW).unwrap();
    assert_eq!(
        (later.starts_at.as_deref(), later.ends_at.as_deref()),
        (Some("2026-12-01T01:00:00Z"), Some("2026-12-31T01:00:00Z"))
    );
    let both = validate::new_announcement(
        &new(Some("2026-11-28T09:00:00+09:00"), Some("2026-11-28T21:00:00+09:00")),
        NOW,
    )
    .unwrap();
    assert_eq!(both.ends_at.as_deref(), Some("2026-11-28T12:00:00Z"));

    for (starts, ends, field) in [
        (Some("2026-11-28T09:00:00Z"), Some("2026-11-28T09:00:00Z"), "ends_at"),
        (None, Some("2026-11-27T09:00:00Z"), "ends_at"),
        (Some("soon"), None, "starts_at"),
        (None, Some("2026-13-01T00:00:00Z"), "ends_at"),
    ] {
        let errors = validate::new_announcement(&new(starts, ends), NOW).unwrap_err();
        assert_eq!(
            (errors[0].field.as_str(), errors[0].code),
            (field, FieldErrorCode::Invalid),
            "{starts:?} {ends:?}"
        );
    }
    let empty = NewAnnouncement { title: "".into(), body: " ".into(), ..new(None, None) };
    let errors = validate::new_announcement(&empty, NOW).unwrap_err();
    let found: Vec<_> = errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
    assert_eq!(found, vec![("title", FieldErrorCode::Required), ("body", FieldErrorCode::Required)]);
    let long = NewAnnouncement { body: "가".repeat(2001), ..new(None, None) };
    assert_eq!(validate::new_announcement(&long, NOW).unwrap_err()[0].code, FieldErrorCode::TooLong);
}

#[test]
fn an_edit_keeps_the_span_in_order() {
    let current = ("2026-11-27T00:00:00Z", "2026-12-27T00:00:00Z");
    let nothing = validate::announcement_update(&AnnouncementUpdate::default(), current).unwrap();
    assert_eq!(nothing, AnnouncementUpdate::default());
    let end_earlier =
        AnnouncementUpdate { ends_at: Some("2026-12-01T00:00:00+09:00".into()), ..Default::default() };
    assert_eq!(
        validate::announcement_update(&end_earlier, current).unwrap().ends_at.as_deref(),
        Some("2026-11-30T15:00:00Z")
    );
    let start_after_end =
        AnnouncementUpdate { starts_at: Some("2027-01-01T00:00:00Z".into()), ..Default::default() };
    let errors = validate::announcement_update(&start_after_end, current).unwrap_err();
    assert_eq!((errors[0].field.as_str(), errors[0].code), ("ends_at", FieldErrorCode::Invalid));
    let retitled = AnnouncementUpdate {
        title: Some(" 오늘만 1+1 ".into()),
        kind: Some(AnnouncementKind::Event),
        ..Default::default()
    };
    let ok = validate::announcement_update(&retitled, current).unwrap();
    assert_eq!((ok.title.as_deref(), ok.kind), (Some("오늘만 1+1"), Some(AnnouncementKind::Event)));
    for k in AnnouncementKind::ALL {
        assert_eq!(AnnouncementKind::parse(k.as_str()), Some(k));
        assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
    }
}

#[test]
fn instants_piece_by_piece() {
    let base = "2026-11-27T09:30:15Z";
    assert_eq!(parse(base), Some(1_795_771_815));
    // Each separator on its own.
    for (at, c) in [(4, '/'), (7, '/'), (10, ' '), (13, '.'), (16, '.')] {
        let mut broken: Vec<char> = base.chars().collect();
        broken[at] = c;
        let broken: String = broken.into_iter().collect();
        assert_eq!(parse(&broken), None, "{broken}");
    }
    assert_eq!(parse("2026-11-27t09:30:15z"), parse(base), "lower-case t and z");
    // The clock's edges.
    assert_eq!(parse("2026-11-27T23:59:59Z"), Some(parse("2026-11-28T00:00:00Z").unwrap() - 1));
    for bad in ["2026-11-27T24:00:00Z", "2026-11-27T23:60:00Z", "2026-11-27T23:59:60Z"] {
        assert_eq!(parse(bad), None, "{bad}");
    }
    // Offsets with minutes, both signs, and their edges.
    assert_eq!(parse("2026-11-27T15:00:15+05:30"), parse(base));
    assert_eq!(parse("2026-11-27T06:00:15-03:30"), parse(base));
    assert_eq!(parse("2026-11-28T09:29:15+23:59"), parse(base));
    for bad in [
        "2026-11-27T09:30:15+23:60",
        "2026-11-27T09:30:15+24:00",
        "2026-11-27T09:30:15+0a:00",
        "2026-11-27T09:30:15+05-30",
        "2026-11-27T09:30:15ZZ",
    ] {
        assert_eq!(parse(bad), None, "{bad}");
    }
    // Leap years and month lengths.
    for (date, ok) in [
        ("2024-02-29", true),
        ("2000-02-29", true),
        ("2100-02-29", false),
        ("2025-02-29", false),
        ("2025-02-28", true),
        ("2026-04-30", true),
        ("2026-04-31", false),
        ("2026-06-31", false),
        ("2026-09-31", false),
        ("2026-11-31", false),
        ("2026-07-31", true),
        ("2026-13-01", false),
        ("2026-00-01", false),
        ("2026-01-00", false),
    ] {
        assert_eq!(parse(&format!("{date}T00:00:00Z")).is_some(), ok, "{date}");
    }
}

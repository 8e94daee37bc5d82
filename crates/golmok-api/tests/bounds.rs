//! Every rule at exactly its edges: one character under and over each limit, the days
//! around February's end, the characters multi-line text allows and single-line text
//! refuses. `cargo mutants -p golmok-api` found each of these untested.

use golmok_api::validate::{self, limits};
use golmok_api::*;

type Check = fn(&str) -> Result<String, FieldError>;

/// Each text rule, with its field name and limits.
const TEXT_RULES: [(Check, &str, (usize, usize)); 4] = [
    (validate::title, "title", limits::TITLE),
    (validate::body, "body", limits::BODY),
    (validate::comment_body, "body", limits::COMMENT),
    (validate::display_name, "display_name", limits::DISPLAY_NAME),
];

fn place(raw: &str) -> Result<String, FieldError> {
    validate::event_place(Some(raw)).map(|p| p.unwrap_or_default())
}

#[test]
fn text_lengths_at_their_limits() {
    let mut rules = TEXT_RULES.to_vec();
    rules.push((place, "event_place", limits::EVENT_PLACE));
    for (check, field, (min, max)) in rules {
        if min > 1 {
            let short = check(&"맹".repeat(min - 1)).unwrap_err();
            assert_eq!(
                (short.field.as_str(), short.code, short.limit),
                (field, FieldErrorCode::TooShort, Some(min as u32))
            );
        }
        assert_eq!(check(&"맹".repeat(min)).unwrap().chars().count(), min, "{field} at its minimum");
        assert_eq!(check(&"맹".repeat(max)).unwrap().chars().count(), max, "{field} at its maximum");
        let long = check(&"맹".repeat(max + 1)).unwrap_err();
        assert_eq!(
            (long.field.as_str(), long.code, long.limit),
            (field, FieldErrorCode::TooLong, Some(max as u32))
        );
    }
}

#[test]
fn password_lengths_at_their_limits() {
    let (min, max) = limits::PASSWORD;
    assert_eq!((min, max), (8, 128));
    let short = validate::new_password(&"p".repeat(min - 1)).unwrap_err();
    assert_eq!((short.code, short.limit), (FieldErrorCode::TooShort, Some(8)));
    assert!(validate::new_password(&"p".repeat(min)).is_ok());
    assert!(validate::new_password(&"맹".repeat(max)).is_ok(), "characters, not bytes");
    let long = validate::new_password(&"p".repeat(max + 1)).unwrap_err();
    assert_eq!((long.code, long.limit), (FieldErrorCode::TooLong, Some(128)));
}

#[test]
fn the_email_rule_piece_by_piece() {
    let at_limit = format!("{}@example.com", "a".repeat(limits::EMAIL.1 - "@example.com".len()));
    assert_eq!(validate::email(&at_limit).unwrap().len(), 254);
    let over = format!("a{at_limit}");
    let error = validate::email(&over).unwrap_err();
    assert_eq!((error.code, error.limit), (FieldErrorCode::TooLong, Some(254)));

    assert_eq!(validate::email("A@B.CO").unwrap(), "a@b.co");
    assert_eq!(validate::email("주민@골목.한국").unwrap(), "주민@골목.한국");
    for bad in [
        "no-at.example.com",
        "@example.com",
        "a@b@example.com",
        "a@localhost",
        "a@.example.com",
        "a@example.com.",
        "a b@example.com",
        "a@exa\tmple.com",
        "a@exa\u{7}mple.com",
        "a@exa\u{3000}mple.com",
    ] {
        let error = validate::email(bad).unwrap_err();
        assert_eq!((error.field.as_str(), error.code), ("email", FieldErrorCode::Invalid), "{bad:?}");
    }
    assert_eq!(validate::email("  ").unwrap_err().code, FieldErrorCode::Required);
}

#[test]
fn february_and_the_month_ends() {
    for good in
        ["2024-02-29", "2025-02-28", "2000-02-29", "2026-04-30", "2026-01-31", "2000-01-01", "2999-12-31"]
    {
        assert_eq!(validate::event_date(Some(good)).unwrap().as_deref(), Some(good));
    }
    // Each separator on its own, and a trailing character, too.
    for bad in [
        "2025-02-29",
        "2026-02-30",
        "2100-02-29",
        "2026-04-31",
        "2026-01-32",
        "2026-01-00",
        "3000-01-01",
        "2026-11/27",
        "2026/11-27",
        "2026-11-271",
    ] {
        let error = validate::event_date(Some(bad)).unwrap_err();
        assert_eq!((error.field.as_str(), error.code), ("event_date", FieldErrorCode::Invalid), "{bad}");
    }
    assert_eq!(validate::event_date(Some("  ")).unwrap(), None, "blank is no date");
}

#[test]
fn line_breaks_and_tabs_only_in_multi_line_text() {
    for inside in ['\n', '\t', '\r'] {
        let text = format!("골목 축제를{inside}열어요 다 같이");
        assert_eq!(validate::body(&text).unwrap(), text, "{inside:?} in a body");
        assert_eq!(validate::comment_body(&text).unwrap(), text, "{inside:?} in a comment");
        for single in [validate::title, validate::display_name, place] {
            assert_eq!(single(&text).unwrap_err().code, FieldErrorCode::Invalid, "{inside:?} on one line");
        }
    }
    // Other control characters, anywhere.
    assert_eq!(validate::body("골목 축제를\u{7}열어요 다 같이").unwrap_err().code, FieldErrorCode::Invalid);
}

#[test]
fn sorts_say_their_own_names() {
    for (sort, name) in [(ProposalSort::Top, "top"), (ProposalSort::New, "new")] {
        assert_eq!(sort.as_str(), name);
        assert_eq!(serde_json::to_value(sort).unwrap(), name);
    }
}

#[test]
fn field_errors_describe_themselves() {
    let describe = |code, limit| FieldError { field: "title".into(), code, limit }.describe();
    assert_eq!(describe(FieldErrorCode::Required, None), "title is required");
    assert_eq!(describe(FieldErrorCode::TooShort, Some(2)), "title needs at least 2 characters");
    assert_eq!(describe(FieldErrorCode::TooLong, Some(80)), "title allows at most 80 characters");
    assert_eq!(describe(FieldErrorCode::Invalid, None), "title is not valid");
}

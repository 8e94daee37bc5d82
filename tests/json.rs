//! The JSON reader (`golmok_web::json`): what the API sends becomes the contract's types,
//! and anything of another shape is refused rather than half-read.

#![cfg(target_arch = "wasm32")]

use golmok_api::{ErrorBody, FieldErrorCode, Page, Proposal, ProposalKind, ProposalStatus, User};
use golmok_web::json::{parse, stringify};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PROPOSAL: &str = r#"{
  "id": 3, "district_slug": "eungubi-seo", "kind": "event", "title": "맹꽁이 야시장",
  "body": "토요일 밤에\n골목에서", "status": "under_review", "event_date": "2026-07-18",
  "event_place": null, "author": {"id": 7, "display_name": "노은동 주민"},
  "vote_count": 12, "comment_count": 0, "voted": true, "created_at": "2026-05-01T09:00:00Z"
}"#;

#[wasm_bindgen_test]
fn reads_a_page_of_proposals() {
    let text = format!(r#"{{"items": [{PROPOSAL}], "next_cursor": "abc"}}"#);
    let page: Page<Proposal> = parse(&text).expect("a page of proposals");
    assert_eq!(page.next_cursor.as_deref(), Some("abc"));
    let p = &page.items[0];
    assert_eq!((p.id, p.kind, p.status), (3, ProposalKind::Event, ProposalStatus::UnderReview));
    assert_eq!(p.body, "토요일 밤에\n골목에서");
    assert_eq!(p.event_date.as_deref(), Some("2026-07-18"));
    assert_eq!(p.event_place, None, "null is None");
    assert_eq!((p.author.id, p.vote_count, p.voted), (7, 12, true));
    let empty: Page<Proposal> = parse(r#"{"items": [], "next_cursor": null}"#).unwrap();
    assert!(empty.items.is_empty() && empty.next_cursor.is_none());
}

#[wasm_bindgen_test]
fn missing_optional_and_defaulted_fields_are_fine() {
    let body: ErrorBody =
        parse(r#"{"error": {"code": "not_found", "message": "no such proposal"}}"#).unwrap();
    assert_eq!(body.error.code, "not_found");
    assert!(body.error.fields.is_empty(), "`fields` defaults to empty");
    let body: ErrorBody = parse(
        r#"{"error": {"code": "validation_failed", "message": "m",
            "fields": [{"field": "title", "code": "too_long", "limit": 100}]}}"#,
    )
    .unwrap();
    assert_eq!(body.error.fields[0].field, "title");
    assert_eq!(body.error.fields[0].code, FieldErrorCode::TooLong);
    assert_eq!(body.error.fields[0].limit, Some(100));
    // Fields the client does not know are skipped, not refused: the server may add some.
    let user: User =
        parse(r#"{"id": 1, "email": "a@example.com", "display_name": "A", "created_at": "x", "roles": []}"#)
            .unwrap();
    assert_eq!(user.display_name, "A");
}

#[wasm_bindgen_test]
fn refuses_what_does_not_fit() {
    let user = |json: &str| parse::<User>(json);
    assert!(user(r#"{"id": 1, "email": "a@example.com", "created_at": "x"}"#).is_none(), "field missing");
    assert!(
        user(r#"{"id": "1", "email": "a", "display_name": "A", "created_at": "x"}"#).is_none(),
        "string id"
    );
    assert!(
        user(r#"{"id": 1.5, "email": "a", "display_name": "A", "created_at": "x"}"#).is_none(),
        "fraction"
    );
    assert!(user("null").is_none());
    assert!(user("{").is_none(), "not JSON at all");
    assert!(parse::<ProposalKind>(r#""festival""#).is_none(), "unknown variant");
    assert_eq!(parse::<ProposalKind>(r#""improvement""#), Some(ProposalKind::Improvement));
    assert!(parse::<u8>("300").is_none(), "out of range");
    assert_eq!(parse::<i64>("-42"), Some(-42));
    assert_eq!(parse::<f64>("1.5"), Some(1.5));
    assert_eq!(parse::<Vec<bool>>("[true, false]"), Some(vec![true, false]));
}

#[wasm_bindgen_test]
fn what_is_written_reads_back() {
    let page: Page<Proposal> = parse(&format!(r#"{{"items": [{PROPOSAL}], "next_cursor": null}}"#)).unwrap();
    let text = stringify(&page).expect("written");
    assert_eq!(parse::<Page<Proposal>>(&text), Some(page));
}

#[wasm_bindgen_test]
fn each_type_takes_only_its_own_shape() {
    // A struct is an object: an array of its fields in order is not read as one.
    assert!(parse::<golmok_api::Author>(r#"[7, "노은동 주민"]"#).is_none(), "struct from an array");
    assert!(parse::<Vec<bool>>(r#"{"0": true}"#).is_none(), "list from an object");
    assert!(parse::<String>("12").is_none(), "string from a number");
    assert!(parse::<bool>("1").is_none(), "bool from a number");
    assert!(parse::<i64>("true").is_none(), "number from a bool");
    assert!(parse::<f64>(r#""1.5""#).is_none(), "float from a string");
    assert_eq!(parse::<f64>("2"), Some(2.0), "a whole number is a float too");
    assert!(parse::<u32>("-1").is_none(), "negative into unsigned");
    assert_eq!(parse::<i32>("-7"), Some(-7));
    assert!(parse::<i64>("9007199254740993").is_none(), "beyond what a JS number holds exactly");
    assert_eq!(parse::<()>("null"), Some(()));
    assert!(parse::<()>("0").is_none());
    assert_eq!(parse::<(i64, String)>(r#"[1, "a"]"#), Some((1, "a".to_owned())));
    // Fields nobody reads are skipped whatever they hold, nested or not.
    let user: golmok_api::Author =
        parse(r#"{"id": 7, "extra": {"deep": [1, {"x": null}]}, "display_name": "A"}"#).unwrap();
    assert_eq!((user.id, user.display_name.as_str()), (7, "A"));
}

//! A proposal's life: every move by every mover, and the official note.

use ProposalStatus::*;
use golmok_api::validate::{self, limits};
use golmok_api::*;

/// The whole rule, written out as the issue states it: (from, to, who may).
const ALLOWED: [(ProposalStatus, ProposalStatus, Mover); 7] = [
    (Open, UnderReview, Mover::Moderator),
    (Open, Accepted, Mover::Moderator),
    (Open, Declined, Mover::Moderator),
    (UnderReview, Accepted, Mover::Moderator),
    (UnderReview, Declined, Mover::Moderator),
    (Accepted, Done, Mover::Moderator),
    (Open, Withdrawn, Mover::Author),
];

#[test]
fn every_move_is_allowed_exactly_as_the_rule_says() {
    for from in ProposalStatus::ALL {
        for to in ProposalStatus::ALL {
            for by in [Mover::Moderator, Mover::Author] {
                let allowed = ALLOWED.contains(&(from, to, by));
                assert_eq!(from.can_move(to, by), allowed, "{from:?} → {to:?} by {by:?}");
                assert_eq!(from.moves(by).contains(&to), allowed, "{from:?} → {to:?} by {by:?}");
            }
        }
    }
}

#[test]
fn a_life_ends_at_declined_done_or_withdrawn() {
    for end in [Declined, Done, Withdrawn] {
        assert!(end.moves(Mover::Moderator).is_empty(), "{end:?}");
        assert!(end.moves(Mover::Author).is_empty(), "{end:?}");
    }
    // Nothing moves back to open, and no one moves a proposal to where it already is.
    for from in ProposalStatus::ALL {
        for by in [Mover::Moderator, Mover::Author] {
            assert!(!from.can_move(Open, by), "{from:?} → Open by {by:?}");
            assert!(!from.can_move(from, by), "{from:?} → itself by {by:?}");
        }
    }
}

fn change(status: ProposalStatus, note: &str) -> StatusChange {
    StatusChange { status, note: note.into() }
}

#[test]
fn accepting_and_declining_need_the_official_note() {
    for status in [Accepted, Declined] {
        assert!(status.needs_note());
        for blank in ["", "   ", "\n"] {
            let problems = validate::status_change(&change(status, blank)).unwrap_err();
            assert_eq!(problems.len(), 1);
            assert_eq!((problems[0].field.as_str(), problems[0].code), ("note", FieldErrorCode::Required));
        }
        let ok =
            validate::status_change(&change(status, "  상인회에서 함께 준비해요.\n날짜는 곧 알려 드려요. "))
                .unwrap();
        assert_eq!(ok.note, "상인회에서 함께 준비해요.\n날짜는 곧 알려 드려요.", "trimmed, lines kept");
        assert_eq!(ok.status, status);
    }
    for status in [Open, UnderReview, Done, Withdrawn] {
        assert!(!status.needs_note(), "{status:?}");
        assert_eq!(
            validate::status_change(&change(status, "  ")).unwrap().note,
            "",
            "{status:?}: blank is no note"
        );
        assert_eq!(validate::status_change(&change(status, " 검토할게요 ")).unwrap().note, "검토할게요");
    }
}

#[test]
fn a_note_is_at_most_its_limit_for_every_move() {
    let (_, max) = limits::NOTE;
    for status in ProposalStatus::ALL {
        let at = "가".repeat(max);
        assert_eq!(
            validate::status_change(&change(status, &at)).unwrap().note,
            at,
            "{status:?} at the limit"
        );
        let over = "가".repeat(max + 1);
        let problems = validate::status_change(&change(status, &over)).unwrap_err();
        assert_eq!(
            (problems[0].field.as_str(), problems[0].code),
            ("note", FieldErrorCode::TooLong),
            "{status:?}"
        );
    }
}

#[test]
fn moves_and_timeline_entries_read_as_the_api_writes_them() {
    let body: StatusChange = serde_json::from_str(r#"{"status": "under_review"}"#).unwrap();
    assert_eq!(body, change(UnderReview, ""), "the note may be left out");
    assert_eq!(ProposalStatus::parse("withdrawn"), Some(Withdrawn));
    assert_eq!(serde_json::to_value(Withdrawn).unwrap(), "withdrawn");

    let entry = TimelineEntry {
        id: 7,
        kind: TimelineKind::Status,
        status: Some(Accepted),
        note: "함께 준비해요".into(),
        actor: TimelineActor { role: Mover::Moderator, display_name: "은구비서로 상인회".into() },
        created_at: "2026-11-28T03:00:00Z".into(),
    };
    let json = serde_json::to_value(&entry).unwrap();
    assert_eq!(json["kind"], "status");
    assert_eq!(json["status"], "accepted");
    assert_eq!(json["actor"]["role"], "moderator");
    assert_eq!(serde_json::from_value::<TimelineEntry>(json).unwrap(), entry);

    let update = TimelineEntry { kind: TimelineKind::Update, status: None, ..entry };
    let json = serde_json::to_value(&update).unwrap();
    assert!(json.get("status").is_none(), "an update has no status: {json}");
    assert_eq!(json["kind"], "update");
}

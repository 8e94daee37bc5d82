//! A proposal's life: every move by every mover, and the official note; reports and
//! moderators' decisions.

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

#[test]
fn who_is_refused_a_move_with_403_and_who_with_409() {
    use MoveRefusal::*;
    let moderator = [Mover::Moderator];
    let author = [Mover::Author];
    let both = [Mover::Moderator, Mover::Author];
    // Allowed, in the role that allows it.
    assert_eq!(Open.mover_for(Accepted, &moderator), Ok(Mover::Moderator));
    assert_eq!(Open.mover_for(Withdrawn, &author), Ok(Mover::Author));
    assert_eq!(Open.mover_for(Withdrawn, &both), Ok(Mover::Author), "a moderator's own proposal");
    assert_eq!(Open.mover_for(Declined, &both), Ok(Mover::Moderator));
    // Nobody with no role at all.
    for to in ProposalStatus::ALL {
        assert_eq!(Open.mover_for(to, &[]), Err(NotTheirs), "{to:?}");
    }
    // A role that never makes the move: the author accepting, a moderator withdrawing.
    assert_eq!(Open.mover_for(Accepted, &author), Err(NotTheirs));
    assert_eq!(UnderReview.mover_for(Done, &author), Err(NotTheirs));
    assert_eq!(Open.mover_for(Withdrawn, &moderator), Err(NotTheirs));
    // The role makes it, not from here.
    assert_eq!(Done.mover_for(Accepted, &moderator), Err(NotFromHere));
    assert_eq!(Open.mover_for(Done, &moderator), Err(NotFromHere));
    assert_eq!(UnderReview.mover_for(Withdrawn, &author), Err(NotFromHere));
    assert_eq!(Accepted.mover_for(Withdrawn, &both), Err(NotFromHere));
    // No one ever moves back to open: the life says no, whoever asks.
    assert_eq!(Accepted.mover_for(Open, &moderator), Err(NotFromHere));
    assert_eq!(Withdrawn.mover_for(Open, &author), Err(NotFromHere));
    // Every allowed move of the table is found, every other refused.
    for from in ProposalStatus::ALL {
        for to in ProposalStatus::ALL {
            for roles in [&moderator[..], &author[..], &both[..]] {
                let allowed = ALLOWED.iter().any(|(f, t, by)| (*f, *t) == (from, to) && roles.contains(by));
                assert_eq!(from.mover_for(to, roles).is_ok(), allowed, "{from:?} → {to:?} by {roles:?}");
            }
        }
    }
}

#[test]
fn reachable_by_is_the_union_of_every_status_moves() {
    for to in ProposalStatus::ALL {
        for by in [Mover::Moderator, Mover::Author] {
            let any = ALLOWED.iter().any(|(_, t, b)| (*t, *b) == (to, by));
            assert_eq!(ProposalStatus::reachable_by(to, by), any, "{to:?} by {by:?}");
        }
    }
}

fn proposal(kind: ProposalKind) -> Proposal {
    Proposal {
        id: 1,
        district_slug: "eungubi-seo".into(),
        kind,
        title: "골목 벽화를 다시".into(),
        body: "낡은 벽화를 주민과 함께 다시 그려요.".into(),
        status: Open,
        event_date: (kind == ProposalKind::Event).then(|| "2026-12-19".into()),
        event_place: (kind == ProposalKind::Event).then(|| "맹꽁이길".into()),
        author: Author { id: 3, display_name: "주민".into() },
        vote_count: 0,
        comment_count: 0,
        answer_count: 0,
        pledge_count: 0,
        voted: false,
        created_at: "2026-11-28T03:00:00Z".into(),
        ready: false,
        expired: false,
        support_goal: 20,
        pledge_goal: 3,
    }
}

#[test]
fn an_edit_changes_what_it_names_and_is_checked_as_a_new_proposal() {
    let event = proposal(ProposalKind::Event);
    let nothing = validate::proposal_edit(&event, &ProposalEdit::default()).unwrap();
    assert_eq!(
        (nothing.title.as_str(), nothing.event_date.as_deref(), nothing.event_place.as_deref()),
        ("골목 벽화를 다시", Some("2026-12-19"), Some("맹꽁이길"))
    );
    assert_eq!(nothing.kind, ProposalKind::Event);
    let edit = ProposalEdit {
        title: Some("  골목 벽화를 새로 ".into()),
        event_place: Some(" ".into()),
        ..ProposalEdit::default()
    };
    let edited = validate::proposal_edit(&event, &edit).unwrap();
    assert_eq!(edited.title, "골목 벽화를 새로", "trimmed");
    assert_eq!(edited.body, event.body, "left out, kept");
    assert_eq!(edited.event_place, None, "blank removes the place");
    assert_eq!(edited.event_date.as_deref(), Some("2026-12-19"));

    let bad = ProposalEdit { title: Some("가".into()), event_date: Some("2026-02-30".into()), ..edit };
    let problems = validate::proposal_edit(&event, &bad).unwrap_err();
    let fields: Vec<_> = problems.iter().map(|p| (p.field.as_str(), p.code)).collect();
    assert_eq!(fields, [("title", FieldErrorCode::TooShort), ("event_date", FieldErrorCode::Invalid)]);

    // An improvement has no day or place, whatever the edit says.
    let improvement = proposal(ProposalKind::Improvement);
    let dated = ProposalEdit { event_date: Some("2026-12-19".into()), ..ProposalEdit::default() };
    assert_eq!(validate::proposal_edit(&improvement, &dated).unwrap().event_date, None);

    let json: ProposalEdit = serde_json::from_str(r#"{"body": "새 내용이에요, 열 자 넘게."}"#).unwrap();
    assert_eq!((json.title, json.body.as_deref()), (None, Some("새 내용이에요, 열 자 넘게.")));
}

#[test]
fn an_update_note_is_required_and_bounded() {
    let note = |n: &str| validate::update_note(&UpdateNote { note: n.into() });
    assert_eq!(note(" 날짜가 바뀌었어요\n12월 19일로요 ").unwrap().note, "날짜가 바뀌었어요\n12월 19일로요");
    assert_eq!(note("  ").unwrap_err()[0].code, FieldErrorCode::Required);
    let (_, max) = limits::NOTE;
    assert!(note(&"가".repeat(max)).is_ok());
    assert_eq!(note(&"가".repeat(max + 1)).unwrap_err()[0].code, FieldErrorCode::TooLong);
}

#[test]
fn a_report_needs_a_reason_and_hiding_needs_a_note() {
    let report = |reason: &str| {
        validate::new_report(&NewReport {
            target: ReportTarget::Comment,
            target_id: 7,
            reason: reason.into(),
        })
    };
    let ok = report("  광고예요\n전화번호가 있어요 ").unwrap();
    assert_eq!(
        (ok.reason.as_str(), ok.target, ok.target_id),
        ("광고예요\n전화번호가 있어요", ReportTarget::Comment, 7)
    );
    let problems = report(" ").unwrap_err();
    assert_eq!((problems[0].field.as_str(), problems[0].code), ("reason", FieldErrorCode::Required));
    let (_, max) = limits::NOTE;
    assert!(report(&"가".repeat(max)).is_ok());
    assert_eq!(report(&"가".repeat(max + 1)).unwrap_err()[0].code, FieldErrorCode::TooLong);

    let decide = |hidden: bool, note: &str| {
        validate::visibility(&Visibility { hidden, note: note.into(), ..Visibility::default() })
    };
    let seen = |hidden: bool, was: bool, note: &str| {
        validate::visibility(&Visibility { hidden, note: note.into(), was_hidden: Some(was) })
    };
    let kept = seen(true, true, " ").unwrap();
    assert_eq!((kept.note.as_str(), kept.was_hidden), ("", Some(true)), "kept hidden: the first note stays");
    assert_eq!(seen(true, false, " ").unwrap_err()[0].code, FieldErrorCode::Required, "hiding anew says why");
    assert_eq!(seen(false, true, " ").unwrap().was_hidden, Some(true), "what was seen goes along");
    assert_eq!(seen(true, true, &"가".repeat(max + 1)).unwrap_err()[0].code, FieldErrorCode::TooLong);
    assert_eq!(decide(true, " ").unwrap_err()[0].code, FieldErrorCode::Required, "hiding says why");
    assert_eq!(decide(true, " 광고라서 가렸어요 ").unwrap().note, "광고라서 가렸어요");
    assert_eq!(decide(false, " ").unwrap().note, "", "keeping may say nothing");
    assert_eq!(decide(false, &"가".repeat(max + 1)).unwrap_err()[0].code, FieldErrorCode::TooLong);
    for target in ReportTarget::ALL {
        assert_eq!(ReportTarget::parse(target.as_str()), Some(target));
        assert_eq!(serde_json::to_value(target).unwrap(), target.as_str());
    }
    assert_eq!(ReportTarget::parse("shop"), None);
    let paths: Vec<_> = ReportTarget::ALL.iter().map(|t| t.collection()).collect();
    assert_eq!(paths, ["proposals", "comments", "answers", "announcements"]);
    // Every kind's key of every id is its own.
    let mut keys: Vec<_> = ReportTarget::ALL.iter().flat_map(|t| (1..=5).map(move |id| t.key(id))).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), 20);
    assert_eq!((ReportTarget::Proposal.key(3), ReportTarget::Announcement.key(3)), (12, 15));
}

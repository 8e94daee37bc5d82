//! The contract's promises: validation rules and JSON shapes.

use golmok_api::validate::{self, limits};
use golmok_api::*;
use serde_json::json;

fn codes(errors: &[FieldError]) -> Vec<(&str, FieldErrorCode)> {
    errors.iter().map(|e| (e.field.as_str(), e.code)).collect()
}

fn proposal(kind: ProposalKind, title: &str, body: &str) -> NewProposal {
    NewProposal { kind, title: title.into(), body: body.into(), event_date: None, event_place: None }
}

const GOOD_BODY: &str = "골목 입구에 가로등이 없어서 밤에 너무 어두워요.";

#[test]
fn empty_and_whitespace_only_fields_are_required() {
    for blank in ["", "   ", "\n\t ", "\u{3000}"] {
        let errors = validate::new_proposal(&proposal(ProposalKind::Event, blank, blank)).unwrap_err();
        assert_eq!(
            codes(&errors),
            vec![("title", FieldErrorCode::Required), ("body", FieldErrorCode::Required)],
            "input {blank:?}"
        );
    }
}

#[test]
fn lengths_count_characters_not_bytes() {
    // 80 Hangul syllables are 240 bytes in UTF-8 but exactly the limit.
    let korean_80 = "맹".repeat(limits::TITLE.1);
    let ok = validate::new_proposal(&proposal(ProposalKind::Event, &korean_80, GOOD_BODY)).unwrap();
    assert_eq!(ok.title.chars().count(), 80);

    let korean_81 = "맹".repeat(limits::TITLE.1 + 1);
    let errors = validate::new_proposal(&proposal(ProposalKind::Event, &korean_81, GOOD_BODY)).unwrap_err();
    assert_eq!(errors[0].code, FieldErrorCode::TooLong);
    assert_eq!(errors[0].limit, Some(80));
}

#[test]
fn too_short_reports_the_minimum() {
    let errors = validate::new_proposal(&proposal(ProposalKind::Improvement, "가", "짧아요")).unwrap_err();
    assert_eq!(
        errors,
        vec![
            FieldError { field: "title".into(), code: FieldErrorCode::TooShort, limit: Some(2) },
            FieldError { field: "body".into(), code: FieldErrorCode::TooShort, limit: Some(10) },
        ]
    );
}

#[test]
fn emoji_and_korean_text_are_accepted_and_trimmed() {
    let input = proposal(
        ProposalKind::Event,
        "  🐸 맹꽁이 축제 🎉  ",
        "  맹꽁이길에서 여름밤 축제를 열어요! 🏮\n다 같이 와요.  ",
    );
    let ok = validate::new_proposal(&input).unwrap();
    assert_eq!(ok.title, "🐸 맹꽁이 축제 🎉");
    assert!(ok.body.starts_with("맹꽁이길") && ok.body.ends_with("와요."));
    assert!(ok.body.contains('\n'), "bodies keep their line breaks");
}

#[test]
fn invisible_tricks_are_refused_but_emoji_joiners_are_not() {
    for sneaky in ["evil\u{202E}txt.exe", "zero\u{200B}width", "\u{2066}isolated\u{2069}"] {
        let errors = validate::new_proposal(&proposal(ProposalKind::Event, sneaky, GOOD_BODY)).unwrap_err();
        assert_eq!(codes(&errors), vec![("title", FieldErrorCode::Invalid)], "{sneaky:?}");
        assert!(validate::display_name(sneaky).is_err());
    }
    let family = "가족 나들이 👨\u{200D}👩\u{200D}👧";
    assert!(validate::title(family).is_ok(), "the zero-width joiner builds emoji");
}

#[test]
fn titles_are_single_line() {
    let errors =
        validate::new_proposal(&proposal(ProposalKind::Event, "첫 줄\n둘째 줄", GOOD_BODY)).unwrap_err();
    assert_eq!(codes(&errors), vec![("title", FieldErrorCode::Invalid)]);
}

#[test]
fn event_fields_are_checked_for_events_and_dropped_for_improvements() {
    let mut event = proposal(ProposalKind::Event, "여름밤 야시장", GOOD_BODY);
    event.event_date = Some("2026-02-30".into());
    event.event_place = Some("x".repeat(101));
    let errors = validate::new_proposal(&event).unwrap_err();
    assert_eq!(
        codes(&errors),
        vec![("event_date", FieldErrorCode::Invalid), ("event_place", FieldErrorCode::TooLong)]
    );

    event.event_date = Some("2028-02-29".into());
    event.event_place = Some("  맹꽁이길 입구  ".into());
    let ok = validate::new_proposal(&event).unwrap();
    assert_eq!(ok.event_date.as_deref(), Some("2028-02-29"));
    assert_eq!(ok.event_place.as_deref(), Some("맹꽁이길 입구"));

    event.event_date = Some("".into());
    event.event_place = Some("   ".into());
    let ok = validate::new_proposal(&event).unwrap();
    assert_eq!((ok.event_date, ok.event_place), (None, None), "blank optionals become none");

    // An improvement has no date or place: well-formed ones are dropped, a date that is
    // no date is refused all the same.
    let mut improvement = proposal(ProposalKind::Improvement, "가로등 설치", GOOD_BODY);
    improvement.event_date = Some("2027-01-05".into());
    improvement.event_place = Some("somewhere".into());
    let ok = validate::new_proposal(&improvement).unwrap();
    assert_eq!((ok.event_date, ok.event_place), (None, None));
    improvement.event_date = Some("nonsense".into());
    let errors = validate::new_proposal(&improvement).unwrap_err();
    assert_eq!(codes(&errors), vec![("event_date", FieldErrorCode::Invalid)]);
}

#[test]
fn calendar_dates_are_real_dates() {
    for good in ["2026-11-27", "2028-02-29", "2000-02-29", "2026-12-31"] {
        assert!(validate::event_date(Some(good)).is_ok(), "{good}");
    }
    for bad in [
        "2026-13-01",
        "2026-00-10",
        "2027-02-29",
        "2100-02-29",
        "26-11-27",
        "2026/11/27",
        "2026-1-27",
        "２０２６-11-27",
        "1999-12-31",
    ] {
        assert!(validate::event_date(Some(bad)).is_err(), "{bad}");
    }
}

#[test]
fn registration_rules() {
    let ok = validate::register(&RegisterRequest {
        email: "  Resident@Example.COM ".into(),
        password: " pass word 🐸 ".into(),
        display_name: " 노은동 주민 ".into(),
    })
    .unwrap();
    assert_eq!(ok.email, "resident@example.com");
    assert_eq!(ok.password, " pass word 🐸 ", "passwords are kept exactly as typed");
    assert_eq!(ok.display_name, "노은동 주민");

    let errors = validate::register(&RegisterRequest {
        email: "not-an-email".into(),
        password: "short".into(),
        display_name: "".into(),
    })
    .unwrap_err();
    assert_eq!(
        codes(&errors),
        vec![
            ("email", FieldErrorCode::Invalid),
            ("password", FieldErrorCode::TooShort),
            ("display_name", FieldErrorCode::Required)
        ]
    );

    for bad in ["a@b", "@example.com", "a@@example.com", "a b@example.com", "a@.com", "a@example."] {
        assert!(validate::email(bad).is_err(), "{bad}");
    }
    assert!(validate::new_password("        ").is_err(), "whitespace-only password");
    assert!(validate::new_password(&"가".repeat(129)).is_err());
    assert!(validate::display_name(&"🐸".repeat(31)).is_err());
}

#[test]
fn comments_and_login() {
    assert!(validate::new_comment(&NewComment { body: "좋아요 👍".into(), ..NewComment::default() }).is_ok());
    assert_eq!(
        codes(
            &validate::new_comment(&NewComment { body: " \n ".into(), ..NewComment::default() }).unwrap_err()
        ),
        vec![("body", FieldErrorCode::Required)]
    );
    assert!(validate::new_comment(&NewComment { body: "a".repeat(1001), ..NewComment::default() }).is_err());

    let errors = validate::login(&LoginRequest { email: " ".into(), password: "".into() }).unwrap_err();
    assert_eq!(
        codes(&errors),
        vec![("email", FieldErrorCode::Required), ("password", FieldErrorCode::Required)]
    );
}

#[test]
fn proposal_json_round_trip_and_shape() {
    let p = Proposal {
        id: 3,
        district_slug: "eungubi-seo".into(),
        kind: ProposalKind::Improvement,
        title: "가로등 🏮".into(),
        body: "밤길이 어두워요".into(),
        status: ProposalStatus::UnderReview,
        event_date: None,
        event_place: None,
        author: Author { id: 1, display_name: "주민".into() },
        vote_count: 12,
        comment_count: 2,
        answer_count: 1,
        pledge_count: 1,
        voted: true,
        created_at: "2026-11-27T10:30:00Z".into(),
        ready: false,
        expired: false,
        support_goal: 20,
        pledge_goal: 3,
    };
    let value = serde_json::to_value(&p).unwrap();
    assert_eq!(value["kind"], "improvement");
    assert_eq!(value["status"], "under_review");
    for key in [
        "id",
        "kind",
        "title",
        "body",
        "status",
        "vote_count",
        "comment_count",
        "answer_count",
        "pledge_count",
        "created_at",
        "ready",
        "expired",
        "support_goal",
        "pledge_goal",
    ] {
        assert!(value.get(key).is_some(), "proposal JSON has {key}");
    }
    let back: Proposal = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(back, p);
    // A proposal as written before the goals existed still reads: not ready, not
    // expired, no goals.
    let mut older = value;
    for key in ["ready", "expired", "support_goal", "pledge_goal"] {
        older.as_object_mut().unwrap().remove(key);
    }
    let older: Proposal = serde_json::from_value(older).unwrap();
    assert_eq!((older.ready, older.expired, older.support_goal, older.pledge_goal), (false, false, 0, 0));
}

#[test]
fn page_error_and_request_shapes() {
    let page = Page {
        items: vec![Comment {
            id: 1,
            proposal_id: 3,
            author: Author { id: 2, display_name: "Merchant".into() },
            body: "찬성해요".into(),
            stance: CommentStance::For,
            created_at: "2026-11-27T10:30:00Z".into(),
        }],
        next_cursor: None,
    };
    let value = serde_json::to_value(&page).unwrap();
    assert_eq!(value["next_cursor"], serde_json::Value::Null);
    assert_eq!(value["items"][0]["stance"], "for");
    // Written before stances, or by a client that says none: neutral.
    let mut old = value.clone();
    old["items"][0].as_object_mut().unwrap().remove("stance");
    assert_eq!(serde_json::from_value::<Page<Comment>>(old).unwrap().items[0].stance, CommentStance::Neutral);
    for stance in CommentStance::ALL {
        assert_eq!(CommentStance::parse(stance.as_str()), Some(stance));
        assert_eq!(serde_json::to_value(stance).unwrap(), stance.as_str());
    }
    assert_eq!(CommentStance::parse("maybe"), None);
    let counts = serde_json::to_value(StanceCounts { in_favour: 2, neutral: 1, against: 0 }).unwrap();
    assert_eq!(counts, serde_json::json!({"for": 2, "neutral": 1, "against": 0}));
    assert_eq!(serde_json::from_value::<Page<Comment>>(value).unwrap(), page);

    let err = ErrorBody {
        error: ErrorDetail { code: "not_found".into(), message: "No such proposal".into(), fields: vec![] },
    };
    assert_eq!(
        serde_json::to_value(&err).unwrap(),
        json!({"error": {"code": "not_found", "message": "No such proposal"}})
    );

    // Optional event fields may be left out by clients.
    let np: NewProposal =
        serde_json::from_value(json!({"kind": "event", "title": "t", "body": "b"})).unwrap();
    assert_eq!(np.event_date, None);
    assert!(
        serde_json::from_value::<NewProposal>(json!({"kind": "party", "title": "t", "body": "b"})).is_err()
    );

    let fe = FieldError { field: "title".into(), code: FieldErrorCode::TooLong, limit: Some(80) };
    assert_eq!(
        serde_json::to_value(&fe).unwrap(),
        json!({"field": "title", "code": "too_long", "limit": 80})
    );
}

#[test]
fn enums_parse_their_own_names() {
    for k in ProposalKind::ALL {
        assert_eq!(ProposalKind::parse(k.as_str()), Some(k));
    }
    for s in ProposalStatus::ALL {
        assert_eq!(ProposalStatus::parse(s.as_str()), Some(s));
    }
    assert_eq!(ProposalKind::parse("party"), None);
}

#[test]
fn a_feed_item_is_known_by_what_it_carries() {
    use golmok_api::FeedItem;
    let at = "2026-11-27T09:30:00Z";
    let shop = serde_json::json!({"id": 1, "name": "빵집", "name_en": "", "category": "bakery"});
    let announcement: FeedItem = serde_json::from_value(serde_json::json!({
        "at": at, "kind": "announcement",
        "announcement": {"id": 41, "district_slug": "d", "shop": shop, "kind": "sale", "title": "할인",
            "body": "우유식빵", "starts_at": at, "ends_at": at, "pinned": false, "created_at": at, "updated_at": at},
    }))
    .unwrap();
    assert_eq!(announcement.item_id(), 41);
    let answer: FeedItem = serde_json::from_value(serde_json::json!({
        "at": at, "kind": "answer",
        "answer": {"id": 17, "proposal_id": 3, "shop": shop, "stance": "support", "message": "좋아요",
            "created_at": at, "updated_at": at},
    }))
    .unwrap();
    assert_eq!(answer.item_id(), 17);
}

#[test]
fn a_language_tag_names_a_language_golmok_speaks_or_none() {
    for (tag, expected) in [
        ("ko", Some("ko")),
        ("ko-KR", Some("ko")),
        (" KO ", Some("ko")),
        ("en", Some("en")),
        ("en-US", Some("en")),
        ("En-gb", Some("en")),
        ("ko_KR", Some("ko")),
        ("kok", None),
        ("enm", None),
        ("ja", None),
        ("e", None),
        ("", None),
        ("*", None),
        ("한국어", None),
        ("ko-", Some("ko")),
        ("k", None),
    ] {
        assert_eq!(golmok_api::language(tag), expected, "{tag:?}");
    }
}

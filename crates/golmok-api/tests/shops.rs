//! The rules of claims and decisions, and the shop vocabulary.

use golmok_api::validate::{self, limits};
use golmok_api::*;

fn claim(name: &str, number: &str, note: &str) -> NewShopClaim {
    NewShopClaim {
        shop_id: None,
        name: name.into(),
        category: ShopCategory::Bakery,
        business_number: number.into(),
        note: note.into(),
    }
}

#[test]
fn business_numbers_are_ten_digits_as_people_write_them() {
    for good in ["123-45-67890", "1234567890", "123 45 67890", " 123-45-67890 "] {
        assert_eq!(validate::business_number(good).unwrap(), good.trim(), "{good:?}");
    }
    for bad in
        ["123-45-6789", "123-45-678901", "123-45-6789O", "123.45.67890", "１２３-45-67890", "12345-67890a"]
    {
        let error = validate::business_number(bad).unwrap_err();
        assert_eq!(
            (error.field.as_str(), error.code),
            ("business_number", FieldErrorCode::Invalid),
            "{bad:?}"
        );
    }
    assert_eq!(validate::business_number("  ").unwrap_err().code, FieldErrorCode::Required);
}

#[test]
fn a_claim_is_trimmed_and_its_note_may_be_blank() {
    let ok = validate::new_shop_claim(&claim("  은구비 베이커리 ", "123-45-67890", "  \n ")).unwrap();
    assert_eq!(
        (ok.name.as_str(), ok.note.as_str(), ok.category),
        ("은구비 베이커리", "", ShopCategory::Bakery)
    );
    let note = "영업한 지 20년 됐어요.\n사업자등록증은 가게에 걸려 있어요.";
    assert_eq!(validate::new_shop_claim(&claim("빵집", "1234567890", note)).unwrap().note, note);

    let errors = validate::new_shop_claim(&claim(
        &"가".repeat(limits::SHOP_NAME.1 + 1),
        "1",
        &"가".repeat(limits::NOTE.1 + 1),
    ))
    .unwrap_err();
    let found: Vec<_> = errors.iter().map(|e| (e.field.as_str(), e.code, e.limit)).collect();
    assert_eq!(
        found,
        vec![
            ("name", FieldErrorCode::TooLong, Some(50)),
            ("business_number", FieldErrorCode::Invalid, None),
            ("note", FieldErrorCode::TooLong, Some(500)),
        ]
    );
    assert!(
        validate::new_shop_claim(&claim(
            &"가".repeat(limits::SHOP_NAME.1),
            "1234567890",
            &"가".repeat(limits::NOTE.1)
        ))
        .is_ok()
    );
}

#[test]
fn a_rejection_needs_its_reason() {
    let decide = |decision, note: &str| validate::verification(&Verification { decision, note: note.into() });
    assert_eq!(decide(VerificationDecision::Verify, "  ").unwrap().note, "");
    assert_eq!(decide(VerificationDecision::Verify, " 확인 ").unwrap().note, "확인");
    let errors = decide(VerificationDecision::Reject, " ").unwrap_err();
    assert_eq!((errors[0].field.as_str(), errors[0].code), ("note", FieldErrorCode::Required));
    assert_eq!(decide(VerificationDecision::Reject, " 번호가 달라요 ").unwrap().note, "번호가 달라요");
    assert_eq!(
        decide(VerificationDecision::Reject, &"가".repeat(501)).unwrap_err()[0].code,
        FieldErrorCode::TooLong
    );
}

#[test]
fn shop_words_parse_their_own_names() {
    for c in ShopCategory::ALL {
        assert_eq!(ShopCategory::parse(c.as_str()), Some(c));
        assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
    }
    assert_eq!(ShopCategory::parse("casino"), None);
    for s in ClaimStatus::ALL {
        assert_eq!(ClaimStatus::parse(s.as_str()), Some(s));
        assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
    }
    assert_eq!(ClaimStatus::parse("lost"), None);
    let grant = RoleGrant { district_slug: "eungubi-seo".into(), role: Role::Merchant, shop_id: Some(3) };
    assert_eq!(
        serde_json::to_value(&grant).unwrap(),
        serde_json::json!({"district_slug": "eungubi-seo", "role": "merchant", "shop_id": 3})
    );
    let user: User = serde_json::from_value(serde_json::json!({
        "id": 1, "email": "a@b.co", "display_name": "주민", "created_at": "2026-11-27T09:30:00Z"
    }))
    .unwrap();
    assert!(user.roles.is_empty(), "roles default to none");
}

fn hours_of(open: (&str, &str), break_time: Option<(&str, &str)>) -> WeeklyHours {
    let day = DayHours {
        open: Span { starts: open.0.into(), ends: open.1.into() },
        break_time: break_time.map(|(s, e)| Span { starts: s.into(), ends: e.into() }),
    };
    WeeklyHours { mon: Some(day.clone()), sat: Some(day), ..Default::default() }
}

#[test]
fn a_profile_change_checks_only_what_it_changes() {
    let none = validate::shop_update(&ShopUpdate::default()).unwrap();
    assert_eq!(none, ShopUpdate::default(), "nothing given, nothing changed");

    let change = ShopUpdate {
        name: Some(" 은구비 베이커리 ".into()),
        name_en: Some("  ".into()),
        description: Some("매일 아침 7시에 구워요.\n일요일은 쉬어요.".into()),
        place: Some(" 맹꽁이 벽화에서 두 번째 집 ".into()),
        phone: Some(" 042-123-4567 ".into()),
        kakao_channel_url: Some("pf.kakao.com/_xhxbGs/".into()),
        accepts_onnuri: Some(true),
        accepts_local_card: Some(false),
        category: Some(ShopCategory::Cafe),
        hours: Some(hours_of(("18:00", "02:00"), Some(("23:30", "00:30")))),
        closed_today: Some(true),
        ..Default::default()
    };
    let ok = validate::shop_update(&change).unwrap();
    assert_eq!(ok.name.as_deref(), Some("은구비 베이커리"));
    assert_eq!(ok.name_en.as_deref(), Some(""), "a blank English name is no English name");
    assert_eq!(ok.place.as_deref(), Some("맹꽁이 벽화에서 두 번째 집"));
    assert_eq!(ok.phone.as_deref(), Some("042-123-4567"));
    assert_eq!(ok.kakao_channel_url.as_deref(), Some("https://pf.kakao.com/_xhxbGs"));
    assert_eq!(
        (ok.accepts_onnuri, ok.closed_today, ok.hours),
        (Some(true), Some(true), change.hours.clone())
    );
    assert_eq!(
        (ok.accepts_local_card, ok.category),
        (Some(false), Some(ShopCategory::Cafe)),
        "passed through"
    );
    let cleared = validate::shop_update(&ShopUpdate {
        phone: Some(" ".into()),
        kakao_channel_url: Some("".into()),
        ..Default::default()
    })
    .unwrap();
    assert_eq!((cleared.phone.as_deref(), cleared.kakao_channel_url.as_deref()), (Some(""), Some("")));

    let bad = ShopUpdate {
        name: Some(" ".into()),
        description: Some("가".repeat(limits::SHOP_DESCRIPTION.1 + 1)),
        place: Some("한 줄\n두 줄".into()),
        phone: Some("call me".into()),
        kakao_channel_url: Some("https://open.kakao.com/o/abc".into()),
        hours: Some(hours_of(("10:00", "21:00"), Some(("20:00", "22:00")))),
        ..Default::default()
    };
    let errors = validate::shop_update(&bad).unwrap_err();
    let found: Vec<_> = errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
    assert_eq!(
        found,
        vec![
            ("name", FieldErrorCode::Required),
            ("description", FieldErrorCode::TooLong),
            ("place", FieldErrorCode::Invalid),
            ("phone", FieldErrorCode::Invalid),
            ("kakao_channel_url", FieldErrorCode::Invalid),
            ("hours.mon", FieldErrorCode::Invalid),
            ("hours.sat", FieldErrorCode::Invalid),
        ]
    );
    let unreadable = hours_of(("9:00", "21:00"), None);
    let errors =
        validate::shop_update(&ShopUpdate { hours: Some(unreadable), ..Default::default() }).unwrap_err();
    assert_eq!(errors[0].field, "hours.mon");
}

#[test]
fn phone_numbers_as_people_write_them() {
    for good in ["042-123-4567", "010 1234 5678", "(042) 123-4567", "+82 42-123-4567", "15881234"] {
        assert_eq!(validate::phone(good).unwrap(), good);
    }
    for bad in ["123-456", "042-123-4567 ext 2", "042+123+4567", "0421234567890123", "０４２-123-4567"] {
        assert_eq!(validate::phone(bad).unwrap_err().code, FieldErrorCode::Invalid, "{bad:?}");
    }
}

#[test]
fn kakao_channels_and_nothing_else() {
    for (typed, stored) in [
        ("pf.kakao.com/_xhxbGs", "https://pf.kakao.com/_xhxbGs"),
        ("https://pf.kakao.com/_xhxbGs", "https://pf.kakao.com/_xhxbGs"),
        ("http://pf.kakao.com/_xhxbGs/", "https://pf.kakao.com/_xhxbGs"),
        (" HTTPS://PF.KAKAO.COM/_xhxbGs/chat?utm_source=qr ", "https://pf.kakao.com/_xhxbGs/chat"),
        ("pf.kakao.com/_ab-c_d#home", "https://pf.kakao.com/_ab-c_d"),
    ] {
        assert_eq!(validate::kakao_channel_url(typed).unwrap(), stored, "{typed:?}");
    }
    for bad in [
        "https://open.kakao.com/o/gAbc",
        "https://pf.kakao.com.evil.example/_x",
        "https://evil.example/pf.kakao.com/_x",
        "pf.kakao.com/",
        "pf.kakao.com//_x",
        "pf.kakao.com/_x y",
        "javascript:alert(1)//pf.kakao.com/_x",
        "ftp://pf.kakao.com/_x",
        "https://user@pf.kakao.com/_x",
    ] {
        assert_eq!(validate::kakao_channel_url(bad).unwrap_err().code, FieldErrorCode::Invalid, "{bad:?}");
    }
}

#[test]
fn an_answer_and_its_pledge() {
    let given = |message: &str, pledge: Option<&str>| {
        validate::new_answer(&NewAnswer {
            stance: Stance::TakePart,
            message: message.into(),
            pledge: pledge.map(Into::into),
        })
    };
    let ok = given(" 함께할게요\n테이블도 빌려 드려요 ", Some(" 밤 10시까지 열어요 ")).unwrap();
    assert_eq!(
        (ok.message.as_str(), ok.pledge.as_deref()),
        ("함께할게요\n테이블도 빌려 드려요", Some("밤 10시까지 열어요"))
    );
    assert_eq!(given("좋아요", Some("  ")).unwrap().pledge, None, "a blank pledge is none");
    assert_eq!(given("좋아요", None).unwrap().pledge, None);
    assert!(given(&"가".repeat(limits::ANSWER_MESSAGE.1), Some(&"가".repeat(limits::PLEDGE.1))).is_ok());
    let errors = given(&"가".repeat(1001), Some(&"가".repeat(201))).unwrap_err();
    let found: Vec<_> = errors.iter().map(|e| (e.field.as_str(), e.code, e.limit)).collect();
    assert_eq!(
        found,
        vec![
            ("message", FieldErrorCode::TooLong, Some(1000)),
            ("pledge", FieldErrorCode::TooLong, Some(200))
        ]
    );
    for s in Stance::ALL {
        assert_eq!(Stance::parse(s.as_str()), Some(s));
        assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
    }
    assert_eq!(Stance::parse("maybe"), None);
}

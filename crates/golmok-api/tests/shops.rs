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

//! Founding a district: its address and names.

use golmok_api::validate::{self, limits};
use golmok_api::{DistrictSettings, DistrictSettingsUpdate, FieldErrorCode, NewDistrict};

#[test]
fn a_slug_is_lower_case_letters_digits_and_single_inner_hyphens() {
    for ok in ["eungubi-seo", "dongmyeong", "a1", "gwangjang-2026", &"a".repeat(limits::SLUG.1)] {
        assert_eq!(validate::slug(ok).as_deref(), Ok(ok), "{ok}");
    }
    assert_eq!(validate::slug("  eungubi-seo ").as_deref(), Ok("eungubi-seo"), "trimmed");
    for (bad, code) in [
        ("", FieldErrorCode::Required),
        ("  ", FieldErrorCode::Required),
        ("Eungubi", FieldErrorCode::Invalid),
        ("eun gubi", FieldErrorCode::Invalid),
        ("은구비", FieldErrorCode::Invalid),
        ("1st-street", FieldErrorCode::Invalid),
        ("-alley", FieldErrorCode::Invalid),
        ("alley-", FieldErrorCode::Invalid),
        ("al--ley", FieldErrorCode::Invalid),
        ("al_ley", FieldErrorCode::Invalid),
        ("a", FieldErrorCode::TooShort),
    ] {
        let e = validate::slug(bad).unwrap_err();
        assert_eq!((e.field.as_str(), e.code), ("slug", code), "{bad:?}");
    }
    let long = validate::slug(&"a".repeat(limits::SLUG.1 + 1)).unwrap_err();
    assert_eq!((long.code, long.limit), (FieldErrorCode::TooLong, Some(limits::SLUG.1 as u32)));
    assert_eq!(validate::slug("a").unwrap_err().limit, Some(limits::SLUG.0 as u32));
}

#[test]
fn a_district_needs_its_address_and_both_names() {
    let d = NewDistrict {
        slug: "gwangjang".into(),
        name: " 광장시장 골목 ".into(),
        name_en: "Gwangjang Alley".into(),
        region: "  ".into(),
        ..NewDistrict::default()
    };
    let ok = validate::new_district(&d).unwrap();
    assert_eq!((ok.name.as_str(), ok.region.as_str()), ("광장시장 골목", ""), "trimmed; blank is none");
    let missing =
        validate::new_district(&NewDistrict { slug: "X".into(), ..NewDistrict::default() }).unwrap_err();
    let fields: Vec<_> = missing.iter().map(|p| (p.field.as_str(), p.code)).collect();
    assert_eq!(
        fields,
        [
            ("slug", FieldErrorCode::Invalid),
            ("name", FieldErrorCode::Required),
            ("name_en", FieldErrorCode::Required)
        ]
    );
    let long = NewDistrict { description: "가".repeat(limits::DISTRICT_DESCRIPTION.1 + 1), ..d };
    assert_eq!(validate::new_district(&long).unwrap_err()[0].field, "description");
}

#[test]
fn a_user_moderates_the_districts_granted_as_moderator_only() {
    use golmok_api::{Role, RoleGrant, User};
    let grant = |slug: &str, role| RoleGrant { district_slug: slug.into(), role, shop_id: None };
    let user = User {
        id: 1,
        email: "m@example.com".into(),
        display_name: "운영자".into(),
        created_at: String::new(),
        roles: vec![grant("dongmyeong", Role::Merchant), grant("eungubi-seo", Role::Moderator)],
    };
    assert_eq!(user.moderated().collect::<Vec<_>>(), ["eungubi-seo"]);
    assert!(user.moderates("eungubi-seo"));
    assert!(!user.moderates("dongmyeong"), "a shop there is not a seat on its console");
    assert!(!user.moderates("eungubi"));
}

#[test]
fn a_districts_settings_change_keeps_its_numbers_in_range_and_its_names_real() {
    use golmok_api::{DistrictSettingsUpdate, FieldError};
    let check = |u: DistrictSettingsUpdate| validate::district_settings(&u);
    let codes = |e: Vec<FieldError>| e.into_iter().map(|e| (e.field, e.code)).collect::<Vec<_>>();
    let n = |support: i64, pledge: i64, days: i64| DistrictSettingsUpdate {
        support_threshold: Some(support),
        pledge_threshold: Some(pledge),
        expiry_days: Some(days),
        ..DistrictSettingsUpdate::default()
    };
    for (s, p, d) in [(1, 0, 7), (10_000, 100, 365), (20, 3, 60)] {
        assert_eq!(check(n(s, p, d)), Ok(n(s, p, d)), "{s} {p} {d}");
    }
    for (s, p, d, field) in [
        (0, 0, 7, "support_threshold"),
        (10_001, 0, 7, "support_threshold"),
        (1, -1, 7, "pledge_threshold"),
        (1, 101, 7, "pledge_threshold"),
        (1, 0, 6, "expiry_days"),
        (1, 0, 366, "expiry_days"),
    ] {
        assert_eq!(codes(check(n(s, p, d)).unwrap_err()), [(field.to_owned(), FieldErrorCode::Invalid)]);
    }
    let names = DistrictSettingsUpdate {
        name: Some("  은구비서로 ".into()),
        description: Some(" ".into()),
        kakao_channel_url: Some(" ".into()),
        ..DistrictSettingsUpdate::default()
    };
    let ok = check(names).unwrap();
    assert_eq!(
        (ok.name.as_deref(), ok.description.as_deref(), ok.kakao_channel_url.as_deref(), ok.name_en),
        (Some("은구비서로"), Some(""), Some(""), None),
        "trimmed; blank introduction and channel allowed; left out stays out"
    );
    let bad = DistrictSettingsUpdate {
        name_en: Some(" ".into()),
        kakao_channel_url: Some("https://example.com/x".into()),
        ..DistrictSettingsUpdate::default()
    };
    assert_eq!(
        codes(check(bad).unwrap_err()),
        [
            ("name_en".to_owned(), FieldErrorCode::Required),
            ("kakao_channel_url".to_owned(), FieldErrorCode::Invalid)
        ]
    );
}

#[test]
fn null_in_a_settings_change_clears_what_a_district_may_lack_and_is_refused_for_the_rest() {
    use golmok_api::DistrictSettingsUpdate;
    let read = |json: &str| serde_json::from_str::<DistrictSettingsUpdate>(json);
    assert_eq!(read("{}").unwrap(), DistrictSettingsUpdate::default(), "left out is left out");
    let cleared =
        read(r#"{"description": null, "description_en": null, "kakao_channel_url": null}"#).unwrap();
    let blank = Some(String::new());
    assert_eq!(
        (cleared.description, cleared.description_en, cleared.kakao_channel_url),
        (blank.clone(), blank.clone(), blank),
        "null is a blank text"
    );
    for field in ["name", "name_en", "support_threshold", "pledge_threshold", "expiry_days", "embed_origins"]
    {
        let e = read(&format!(r#"{{"{field}": null}}"#)).unwrap_err();
        assert!(e.to_string().starts_with("invalid type: null"), "{field}: {e}");
    }
    let given = read(r#"{"name": "은구비서로", "support_threshold": 25}"#).unwrap();
    assert_eq!((given.name.as_deref(), given.support_threshold), (Some("은구비서로"), Some(25)));
    // What the app sends reads back the same.
    let sent = DistrictSettingsUpdate { expiry_days: Some(30), ..DistrictSettingsUpdate::default() };
    assert_eq!(read(&serde_json::to_string(&sent).unwrap()).unwrap(), sent);
}

#[test]
fn a_moderator_is_appointed_by_an_email_as_registration_reads_one() {
    use golmok_api::NewModerator;
    let appoint = |email: &str| validate::new_moderator(&NewModerator { email: email.into() });
    assert_eq!(appoint("  Neighbour@Example.COM ").unwrap().email, "neighbour@example.com", "as stored");
    assert_eq!(appoint("주민@골목.한국").unwrap().email, "주민@골목.한국");
    let over = format!("{}@example.com", "a".repeat(limits::EMAIL.1));
    for (bad, code) in [
        ("", FieldErrorCode::Required),
        ("   ", FieldErrorCode::Required),
        ("not-an-email", FieldErrorCode::Invalid),
        ("a@b", FieldErrorCode::Invalid),
        ("a b@example.com", FieldErrorCode::Invalid),
        // A deleted account's placeholder is no address: never appointed by it.
        ("deleted-7", FieldErrorCode::Invalid),
        (&over, FieldErrorCode::TooLong),
    ] {
        let e = appoint(bad).unwrap_err();
        let fields: Vec<_> = e.iter().map(|p| (p.field.as_str(), p.code)).collect();
        assert_eq!(fields, [("email", code)], "{bad:?}");
        assert_eq!(validate::email(bad).unwrap_err().code, code, "the registration's rule: {bad:?}");
    }
    let read: NewModerator = serde_json::from_str(r#"{"email": "a@b.co"}"#).unwrap();
    assert_eq!(read, NewModerator { email: "a@b.co".into() });
}

#[test]
fn a_settings_form_sends_only_what_it_changed() {
    let now = DistrictSettings {
        name: "은구비서로".into(),
        name_en: "Eungubi-seo".into(),
        description: "골목 소개".into(),
        description_en: String::new(),
        kakao_channel_url: Some("https://pf.kakao.com/_abc".into()),
        support_threshold: 20,
        pledge_threshold: 3,
        expiry_days: 60,
        embed_origins: vec!["https://district.example".into()],
    };
    let whole = |support_threshold, description_en: &str, kakao: &str| DistrictSettingsUpdate {
        name: Some(" 은구비서로 ".into()),
        name_en: Some("Eungubi-seo".into()),
        description: Some("골목 소개".into()),
        description_en: Some(description_en.into()),
        kakao_channel_url: Some(kakao.into()),
        support_threshold: Some(support_threshold),
        pledge_threshold: Some(3),
        expiry_days: Some(60),
        // As the form's lines come: a blank line and spaces are no change.
        embed_origins: Some(vec![" https://district.example".into(), String::new()]),
    };
    assert_eq!(
        whole(20, "", "https://pf.kakao.com/_abc").changes_from(&now),
        DistrictSettingsUpdate::default(),
        "nothing changed (spaces around a name are no change)"
    );
    assert_eq!(
        whole(25, "An alley", "https://pf.kakao.com/_abc").changes_from(&now),
        DistrictSettingsUpdate {
            support_threshold: Some(25),
            description_en: Some("An alley".into()),
            ..DistrictSettingsUpdate::default()
        }
    );
    // Clearing the channel is a change; a district without one stays without.
    assert_eq!(
        whole(20, "", " ").changes_from(&now),
        DistrictSettingsUpdate { kakao_channel_url: Some(" ".into()), ..DistrictSettingsUpdate::default() }
    );
    let without = DistrictSettings { kakao_channel_url: None, ..now.clone() };
    assert_eq!(whole(20, "", "").changes_from(&without), DistrictSettingsUpdate::default());
}

#[test]
fn a_district_lets_origins_embed_its_widget_and_nothing_more() {
    let allow =
        |list: &[&str]| validate::embed_origins(&list.iter().map(|o| o.to_string()).collect::<Vec<_>>());
    assert_eq!(
        allow(&[" HTTPS://District.Example/ ", "", "http://localhost:8123", "https://district.example"])
            .unwrap(),
        ["https://district.example", "http://localhost:8123"],
        "as a browser writes an origin, each once, blanks skipped"
    );
    assert_eq!(allow(&["http://127.0.0.1:65535", "https://a-b.c1.kr"]).unwrap().len(), 2);
    assert_eq!(allow(&[]).unwrap(), Vec::<String>::new(), "empty: any site");
    for bad in [
        "district.example",
        "ftp://district.example",
        "https://district.example/news",
        "https://district.example; script-src *",
        "https://district example",
        "https://*.district.example",
        "https://-district.example",
        "https://district..example",
        "https://district.example:0",
        "https://district.example:65536",
        "https://district.example:",
        "https://user@district.example",
        "https://",
        "'self'",
        "*",
    ] {
        let e = allow(&[bad]).unwrap_err();
        assert_eq!((e.field.as_str(), e.code), ("embed_origins", FieldErrorCode::Invalid), "{bad:?}");
    }
    let many: Vec<String> = (0..21).map(|n| format!("https://site{n}.example")).collect();
    let e = validate::embed_origins(&many).unwrap_err();
    assert_eq!((e.field.as_str(), e.code), ("embed_origins", FieldErrorCode::Invalid), "21 sites");
    assert!(validate::embed_origins(&many[..20]).is_ok());
    // Through the settings change, as the server reads it.
    let change = DistrictSettingsUpdate {
        embed_origins: Some(vec!["https://District.example".into()]),
        ..DistrictSettingsUpdate::default()
    };
    let checked = validate::district_settings(&change).unwrap();
    assert_eq!(checked.embed_origins.unwrap(), ["https://district.example"]);
    let bad = DistrictSettingsUpdate {
        embed_origins: Some(vec!["nope".into()]),
        ..DistrictSettingsUpdate::default()
    };
    let fields: Vec<_> =
        validate::district_settings(&bad).unwrap_err().into_iter().map(|e| e.field).collect();
    assert_eq!(fields, ["embed_origins"]);
}

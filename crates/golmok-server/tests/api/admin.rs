//! The server's own command line: founding a district and appointing its moderators,
//! which the running server sees at once; a district never loses its last moderator.

use clap::Parser as _;
use golmok_api::{District, Role, User};
use golmok_server::{Cli, Config, admin::Admin};
use reqwest::StatusCode;

use crate::{TestServer, expect, expect_error};

fn command(args: &[&str]) -> Admin {
    let cli = Cli::try_parse_from(std::iter::once("golmok-server").chain(args.iter().copied()))
        .unwrap_or_else(|e| panic!("{args:?}: {e}"));
    cli.admin.expect("a command")
}

/// Runs a command on the test server's database: what it printed, or why it refused.
async fn admin(s: &TestServer, args: &[&str]) -> Result<String, String> {
    let mut out = Vec::new();
    let done = golmok_server::administer(&Config::new(s.database.clone()), command(args), &mut out).await;
    done.map(|()| String::from_utf8(out).unwrap()).map_err(|e| format!("{e:#}"))
}

const CREATE: [&str; 8] =
    ["district", "create", "--slug", "gwangjang", "--name", "광장시장 골목", "--name-en", "Gwangjang Alley"];

#[tokio::test]
async fn a_district_founded_from_the_command_line_is_on_the_portal_at_once() {
    let s = TestServer::start().await;
    // The flags still parse without a command, and --database goes after one too.
    let plain = Cli::try_parse_from(["golmok-server", "--database", "x.db", "--demo"]).unwrap();
    assert!(plain.admin.is_none() && plain.config.demo && plain.config.database == "x.db");
    let after = Cli::try_parse_from(["golmok-server", "district", "list", "--database", "y.db"]).unwrap();
    assert_eq!(after.config.database, "y.db");

    let said = admin(&s, &CREATE).await.unwrap();
    assert!(said.contains("gwangjang"), "{said}");
    let d: District = expect(s.get("/api/v1/districts/gwangjang", None).await, StatusCode::OK).await;
    assert_eq!(
        (d.name.as_str(), d.name_en.as_str(), d.proposal_count),
        ("광장시장 골목", "Gwangjang Alley", 0)
    );

    // Refusals say why and change nothing.
    let again = admin(&s, &CREATE).await.unwrap_err();
    assert!(again.contains("exists already"), "{again}");
    let mut bad = CREATE;
    bad[3] = "Gwang Jang";
    let refused = admin(&s, &bad).await.unwrap_err();
    assert!(refused.contains("slug"), "{refused}");
    expect_error(s.get("/api/v1/districts/Gwang%20Jang", None).await, StatusCode::NOT_FOUND, "not_found")
        .await;
    let listed = admin(&s, &["district", "list"]).await.unwrap();
    assert_eq!(listed.lines().count(), 1, "{listed}");
}

#[tokio::test]
async fn moderators_are_appointed_and_removed_but_never_the_last() {
    let s = TestServer::start().await;
    admin(&s, &CREATE).await.unwrap();
    let lee = s.register("Lee@Example.com", "이 운영진").await;
    let kim = s.register("kim@example.com", "김 운영진").await;
    let claims = "/api/v1/districts/gwangjang/claims";
    expect_error(s.get(claims, Some(&lee.token)).await, StatusCode::FORBIDDEN, "forbidden").await;

    let none =
        admin(&s, &["moderator", "add", "--district", "gwangjang", "--email", "nobody@example.com"]).await;
    assert!(none.unwrap_err().contains("sign up"), "an unknown account is not created");
    let nowhere =
        admin(&s, &["moderator", "add", "--district", "nowhere", "--email", "lee@example.com"]).await;
    assert!(nowhere.unwrap_err().contains("no district"));
    // Emails as people type them.
    admin(&s, &["moderator", "add", "--district", "gwangjang", "--email", " LEE@example.com "])
        .await
        .unwrap();
    let twice =
        admin(&s, &["moderator", "add", "--district", "gwangjang", "--email", "lee@example.com"]).await;
    assert!(twice.unwrap().contains("already"));
    expect::<serde_json::Value>(s.get(claims, Some(&lee.token)).await, StatusCode::OK).await;
    let me: User = expect(s.get("/api/v1/auth/me", Some(&lee.token)).await, StatusCode::OK).await;
    assert!(me.roles.iter().any(|r| r.role == Role::Moderator && r.district_slug == "gwangjang"));

    let last =
        admin(&s, &["moderator", "remove", "--district", "gwangjang", "--email", "lee@example.com"]).await;
    assert!(last.unwrap_err().contains("last moderator"));
    let not =
        admin(&s, &["moderator", "remove", "--district", "gwangjang", "--email", "kim@example.com"]).await;
    assert!(not.unwrap_err().contains("does not moderate"));
    admin(&s, &["moderator", "add", "--district", "gwangjang", "--email", "kim@example.com"]).await.unwrap();
    let listed = admin(&s, &["moderator", "list", "--district", "gwangjang"]).await.unwrap();
    assert_eq!(listed, "lee@example.com\t이 운영진\nkim@example.com\t김 운영진\n");
    admin(&s, &["moderator", "remove", "--district", "gwangjang", "--email", "lee@example.com"])
        .await
        .unwrap();
    expect_error(s.get(claims, Some(&lee.token)).await, StatusCode::FORBIDDEN, "forbidden").await;
    expect::<serde_json::Value>(s.get(claims, Some(&kim.token)).await, StatusCode::OK).await;
}

/// The two moderators of a district removed at the same moment: one removal goes
/// through, the other finds the last moderator and stops.
#[tokio::test]
async fn two_removals_at_once_leave_one_moderator() {
    let s = TestServer::start().await;
    admin(&s, &CREATE).await.unwrap();
    for email in ["a@example.com", "b@example.com"] {
        s.register(email, "운영진").await;
        admin(&s, &["moderator", "add", "--district", "gwangjang", "--email", email]).await.unwrap();
    }
    let (a, b) = tokio::join!(
        admin(&s, &["moderator", "remove", "--district", "gwangjang", "--email", "a@example.com"]),
        admin(&s, &["moderator", "remove", "--district", "gwangjang", "--email", "b@example.com"]),
    );
    assert_eq!(u8::from(a.is_ok()) + u8::from(b.is_ok()), 1, "{a:?} {b:?}");
    let left = admin(&s, &["moderator", "list", "--district", "gwangjang"]).await.unwrap();
    assert_eq!(left.lines().count(), 1, "{left}");
}

/// A district's moderators keep its settings and appoint and remove each other from the
/// console's endpoints; the district never loses its last moderator.
#[tokio::test]
async fn moderators_set_their_district_and_appoint_each_other() {
    use golmok_api::{Author, DistrictSettings};
    use reqwest::{Method, StatusCode};
    use serde_json::json;

    use crate::{demo_server, expect, expect_error};

    let s = demo_server().await;
    let moderator = s.login_demo("moderator@example.com").await;
    let other = s.login_demo("moderator2@example.com").await.token;
    let resident = s.login_demo("resident@example.com").await;
    let settings = "/api/v1/districts/eungubi-seo/settings";

    let before: DistrictSettings =
        expect(s.get(settings, Some(&moderator.token)).await, StatusCode::OK).await;
    assert_eq!((before.support_threshold, before.pledge_threshold, before.expiry_days), (20, 3, 60));
    for (token, status, code) in [
        (None, StatusCode::UNAUTHORIZED, "unauthorized"),
        (Some(&other), StatusCode::FORBIDDEN, "forbidden"),
        (Some(&resident.token), StatusCode::FORBIDDEN, "forbidden"),
    ] {
        expect_error(s.get(settings, token.map(String::as_str)).await, status, code).await;
    }

    let change = json!({"support_threshold": 30, "name_en": " Eungubi-seo Street ", "kakao_channel_url": ""});
    let after: DistrictSettings =
        expect(s.send_json(Method::PATCH, settings, Some(&moderator.token), &change).await, StatusCode::OK)
            .await;
    assert_eq!(
        (after.support_threshold, after.pledge_threshold, after.name_en.as_str()),
        (30, 3, "Eungubi-seo Street")
    );
    assert_eq!(
        (after.name, after.kakao_channel_url),
        (before.name, None),
        "left out kept, blank channel removed"
    );
    let public: golmok_api::District =
        expect(s.get("/api/v1/districts/eungubi-seo", None).await, StatusCode::OK).await;
    assert_eq!((public.name_en.as_str(), public.kakao_channel_url), ("Eungubi-seo Street", None));
    let bad = json!({"support_threshold": 0, "expiry_days": 400, "name": " ", "kakao_channel_url": "https://example.com"});
    let body = expect_error(
        s.send_json(Method::PATCH, settings, Some(&moderator.token), &bad).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let fields: Vec<_> = body.error.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["name", "kakao_channel_url", "support_threshold", "expiry_days"]);

    // Appointing: the new moderator may then do what moderators do, removing included.
    let moderators = "/api/v1/districts/eungubi-seo/moderators";
    let at = |id: i64| format!("{moderators}/{id}");
    let list: Vec<Author> = expect(
        s.request(Method::PUT, &at(resident.user.id), Some(&moderator.token)).send().await.unwrap(),
        StatusCode::OK,
    )
    .await;
    assert_eq!(list.iter().map(|a| a.id).collect::<Vec<_>>(), [moderator.user.id, resident.user.id]);
    let res = s.request(Method::PUT, &at(999_999), Some(&moderator.token)).send().await.unwrap();
    expect_error(res, StatusCode::NOT_FOUND, "not_found").await;
    let res = s.request(Method::PUT, &at(resident.user.id), Some(&other)).send().await.unwrap();
    expect_error(res, StatusCode::FORBIDDEN, "forbidden").await;
    expect::<DistrictSettings>(s.get(settings, Some(&resident.token)).await, StatusCode::OK).await;
    let res = s.request(Method::DELETE, &at(moderator.user.id), Some(&resident.token)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = s.request(Method::DELETE, &at(moderator.user.id), Some(&resident.token)).send().await.unwrap();
    expect_error(res, StatusCode::NOT_FOUND, "not_found").await;
    // Alone now, the last moderator stays.
    let res = s.request(Method::DELETE, &at(resident.user.id), Some(&resident.token)).send().await.unwrap();
    expect_error(res, StatusCode::CONFLICT, "conflict").await;
    let left: Vec<Author> = expect(s.get(moderators, Some(&resident.token)).await, StatusCode::OK).await;
    assert_eq!(left.iter().map(|a| a.id).collect::<Vec<_>>(), [resident.user.id]);
    expect_error(s.get(settings, Some(&moderator.token)).await, StatusCode::FORBIDDEN, "forbidden").await;
}

/// The console appoints by the email a moderator knows, in any case, as it does by id:
/// a suspension there is lifted, again changes nothing, and the new moderator is one at
/// once. An email no account has is 404, something that is no email 422.
#[tokio::test]
async fn moderators_appoint_a_neighbour_by_the_email_they_know() {
    use golmok_api::{Author, DistrictSettings, FieldErrorCode, Page, Suspension};
    use reqwest::{Method, StatusCode};
    use serde_json::json;

    use crate::{demo_server, expect, expect_error, field_codes};

    let s = demo_server().await;
    let moderator = s.login_demo("moderator@example.com").await;
    let other = s.login_demo("moderator2@example.com").await.token;
    let neighbour = s.register("neighbour@example.com", "새 운영자").await;
    let third = s.register("third@example.com", "세 번째 운영자").await;
    let moderators = "/api/v1/districts/eungubi-seo/moderators";
    let appoint = |token: Option<&str>, email: &str| {
        let (s, token, body) = (&s, token.map(str::to_owned), json!({ "email": email }));
        async move { s.post(moderators, token.as_deref(), &body).await }
    };
    let ids = |list: &[Author]| list.iter().map(|a| a.id).collect::<Vec<_>>();

    // The district's moderators only, and the district must exist.
    for (token, status, code) in [
        (None, StatusCode::UNAUTHORIZED, "unauthorized"),
        (Some(other.as_str()), StatusCode::FORBIDDEN, "forbidden"),
        (Some(neighbour.token.as_str()), StatusCode::FORBIDDEN, "forbidden"),
    ] {
        expect_error(appoint(token, "neighbour@example.com").await, status, code).await;
    }
    let nowhere = s
        .post("/api/v1/districts/nowhere/moderators", Some(&moderator.token), &json!({"email": "a@b.co"}))
        .await;
    expect_error(nowhere, StatusCode::NOT_FOUND, "not_found").await;

    // Registration's email rule: 422 naming the field; an address nobody has, 404.
    for (bad, code) in [(" not-an-email ", FieldErrorCode::Invalid), ("  ", FieldErrorCode::Required)] {
        let refused = appoint(Some(&moderator.token), bad).await;
        let body = expect_error(refused, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(field_codes(&body), [("email", code)], "{bad:?}");
    }
    let unknown = appoint(Some(&moderator.token), "Nobody@Example.com").await;
    let body = expect_error(unknown, StatusCode::NOT_FOUND, "not_found").await;
    assert!(body.error.message.contains("email"), "says what was not found: {}", body.error.message);

    // In any case, with spaces around: the account registered lower-cased. Again: no change.
    for _ in 0..2 {
        let list: Vec<Author> =
            expect(appoint(Some(&moderator.token), "  NeighBour@Example.COM ").await, StatusCode::OK).await;
        assert_eq!(ids(&list), [moderator.user.id, neighbour.user.id]);
    }
    let listed: Vec<Author> = expect(s.get(moderators, Some(&moderator.token)).await, StatusCode::OK).await;
    assert_eq!(ids(&listed), [moderator.user.id, neighbour.user.id]);

    // The new moderator is one at once: the settings, and appointing in turn, which lifts
    // a suspension there as appointing by id does.
    let settings = "/api/v1/districts/eungubi-seo/settings";
    expect::<DistrictSettings>(s.get(settings, Some(&neighbour.token)).await, StatusCode::OK).await;
    let suspend = format!("/api/v1/districts/eungubi-seo/suspensions/{}", third.user.id);
    let note = json!({"note": "잠시 멈춰요"});
    expect::<serde_json::Value>(
        s.send_json(Method::PUT, &suspend, Some(&moderator.token), &note).await,
        StatusCode::OK,
    )
    .await;
    let list: Vec<Author> =
        expect(appoint(Some(&neighbour.token), "THIRD@example.com").await, StatusCode::OK).await;
    assert_eq!(ids(&list), [moderator.user.id, neighbour.user.id, third.user.id]);
    let suspended: Page<Suspension> = expect(
        s.get("/api/v1/districts/eungubi-seo/suspensions", Some(&neighbour.token)).await,
        StatusCode::OK,
    )
    .await;
    assert!(suspended.items.iter().all(|x| x.user.id != third.user.id), "the new moderator starts clean");
    expect::<DistrictSettings>(s.get(settings, Some(&third.token)).await, StatusCode::OK).await;
}

/// `null` in a settings change clears what a district may lack (an introduction, its
/// channel) and is refused for what it may not (a name, a number), naming the field;
/// nothing of a refused change is kept.
#[tokio::test]
async fn null_clears_what_a_district_may_lack_and_is_refused_for_the_rest() {
    use golmok_api::DistrictSettings;
    use reqwest::{Method, StatusCode};
    use serde_json::json;

    use crate::{demo_server, expect, expect_error, field_codes};

    let s = demo_server().await;
    let moderator = s.login_demo("moderator@example.com").await.token;
    let settings = "/api/v1/districts/eungubi-seo/settings";
    let patch = |body: serde_json::Value| {
        let (s, moderator) = (&s, &moderator);
        async move { s.send_json(Method::PATCH, settings, Some(moderator), &body).await }
    };
    let set = json!({"description_en": "An alley of bakeries", "kakao_channel_url": "pf.kakao.com/_eungubi"});
    let before: DistrictSettings = expect(patch(set).await, StatusCode::OK).await;
    assert!(before.kakao_channel_url.is_some() && !before.description_en.is_empty());

    let cleared: DistrictSettings =
        expect(patch(json!({"description_en": null, "kakao_channel_url": null})).await, StatusCode::OK).await;
    assert_eq!(
        (cleared.description_en.as_str(), cleared.kakao_channel_url.as_deref()),
        ("", None),
        "null clears"
    );
    assert_eq!(cleared.description, before.description, "left out is kept");

    for field in ["name", "name_en", "support_threshold", "pledge_threshold", "expiry_days"] {
        let body = json!({ field: null, "description": "바뀌면 안 되는 소개" });
        let refused =
            expect_error(patch(body).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(field_codes(&refused), [(field, golmok_api::FieldErrorCode::Required)]);
    }
    let after: DistrictSettings = expect(s.get(settings, Some(&moderator)).await, StatusCode::OK).await;
    assert_eq!(after, cleared, "a refused change changes nothing");
}

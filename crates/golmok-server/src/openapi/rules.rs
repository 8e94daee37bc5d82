//! What the annotations cannot say, added to the generated document: the exact rules of
//! every string a client sends (`golmok_api::patterns`, tested against the validation
//! they describe), the answers every JSON body can get (400, 413, 415), and that a
//! rejection needs a note. Done on the document's JSON, after generation, so the types
//! keep their plain derives.

use golmok_api::patterns::{self, optional_text, text};
use golmok_api::validate::limits;
use serde_json::{Value, json};

/// `(schema, property, constraints)`: merged into the property's schema.
fn string_rules() -> Vec<(&'static str, &'static str, Value)> {
    let p = |pattern: String| json!({ "pattern": pattern });
    vec![
        ("NewProposal", "title", p(text(limits::TITLE, false))),
        ("NewProposal", "body", p(text(limits::BODY, true))),
        ("NewProposal", "event_date", p(patterns::optional_date())),
        ("NewProposal", "event_place", p(optional_text(limits::EVENT_PLACE, false))),
        ("NewComment", "body", p(text(limits::COMMENT, true))),
        ("ProposalEdit", "title", p(text(limits::TITLE, false))),
        ("ProposalEdit", "body", p(text(limits::BODY, true))),
        ("ProposalEdit", "event_date", p(patterns::optional_date())),
        ("ProposalEdit", "event_place", p(optional_text(limits::EVENT_PLACE, false))),
        ("StatusChange", "note", p(optional_text(limits::NOTE, true))),
        ("UpdateNote", "note", p(text(limits::NOTE, true))),
        ("NewReport", "reason", p(text(limits::NOTE, true))),
        ("NewSuspension", "note", p(text(limits::NOTE, true))),
        ("Visibility", "note", p(optional_text(limits::NOTE, true))),
        ("RegisterRequest", "email", json!({ "pattern": patterns::email(), "maxLength": limits::EMAIL.1 })),
        (
            "RegisterRequest",
            "password",
            json!({ "minLength": limits::PASSWORD.0, "maxLength": limits::PASSWORD.1, "pattern": patterns::NOT_BLANK }),
        ),
        ("RegisterRequest", "display_name", p(text(limits::DISPLAY_NAME, false))),
        // Appointing by email reads it as registering does.
        ("NewModerator", "email", json!({ "pattern": patterns::email(), "maxLength": limits::EMAIL.1 })),
        // Login asks only for something: old passwords must keep working.
        ("LoginRequest", "email", json!({ "pattern": patterns::NOT_BLANK })),
        ("LoginRequest", "password", json!({ "minLength": 1 })),
        ("DeleteAccount", "password", json!({ "minLength": 1 })),
        ("NewShopClaim", "name", p(text(limits::SHOP_NAME, false))),
        ("NewShopClaim", "business_number", p(patterns::business_number())),
        ("NewShopClaim", "note", p(optional_text(limits::NOTE, true))),
        ("Verification", "note", p(optional_text(limits::NOTE, true))),
        ("ShopUpdate", "name", p(text(limits::SHOP_NAME, false))),
        ("ShopUpdate", "name_en", p(optional_text(limits::SHOP_NAME, false))),
        ("ShopUpdate", "description", p(optional_text(limits::SHOP_DESCRIPTION, true))),
        ("ShopUpdate", "description_en", p(optional_text(limits::SHOP_DESCRIPTION, true))),
        ("ShopUpdate", "place", p(optional_text(limits::SHOP_PLACE, false))),
        ("ShopUpdate", "phone", p(patterns::optional_phone())),
        ("ShopUpdate", "kakao_channel_url", p(patterns::optional_kakao())),
        ("DistrictSettingsUpdate", "name", p(text(limits::DISTRICT_NAME, false))),
        ("DistrictSettingsUpdate", "name_en", p(text(limits::DISTRICT_NAME, false))),
        ("DistrictSettingsUpdate", "description", p(optional_text(limits::DISTRICT_DESCRIPTION, true))),
        ("DistrictSettingsUpdate", "description_en", p(optional_text(limits::DISTRICT_DESCRIPTION, true))),
        ("DistrictSettingsUpdate", "kakao_channel_url", p(patterns::optional_kakao())),
        (
            "DistrictSettingsUpdate",
            "embed_origins",
            json!({ "items": { "type": "string", "pattern": patterns::optional_embed_origin() } }),
        ),
        ("Span", "starts", json!({ "pattern": patterns::CLOCK })),
        ("Span", "ends", json!({ "pattern": patterns::CLOCK })),
        ("NewAnswer", "message", p(text(limits::ANSWER_MESSAGE, true))),
        ("NewAnswer", "pledge", p(optional_text(limits::PLEDGE, false))),
        ("NewAnnouncement", "title", p(text(limits::TITLE, false))),
        ("NewAnnouncement", "body", p(text(limits::ANNOUNCEMENT_BODY, true))),
        ("NewAnnouncement", "starts_at", p(patterns::optional_instant())),
        ("NewAnnouncement", "ends_at", p(patterns::optional_instant())),
        ("AnnouncementUpdate", "title", p(text(limits::TITLE, false))),
        ("AnnouncementUpdate", "body", p(text(limits::ANNOUNCEMENT_BODY, true))),
        ("AnnouncementUpdate", "starts_at", p(patterns::required_instant())),
        ("AnnouncementUpdate", "ends_at", p(patterns::required_instant())),
    ]
}

/// The writes a district's suspended accounts are refused there (`routes::moderation::writes_in`).
pub const SUSPENDABLE: [&str; 14] = [
    "create_proposal",
    "support_proposal",
    "withdraw_support",
    "create_comment",
    "answer_proposal",
    "move_proposal",
    "edit_proposal",
    "add_proposal_update",
    "report",
    "claim_shop",
    "update_shop",
    "announce_for_shop",
    "update_announcement",
    "delete_announcement",
];

/// What any operation that reads a JSON body may also answer.
fn body_errors() -> [(&'static str, &'static str); 3] {
    [
        ("400", "`bad_request`: the body is not JSON"),
        ("413", "`payload_too_large`: the body is over 64 KiB"),
        ("415", "`unsupported_media_type`: the body is not `Content-Type: application/json`"),
    ]
}

pub fn apply(doc: &mut Value) {
    let error = |description: &str| {
        json!({
            "description": description,
            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ErrorBody" } } }
        })
    };
    // Every write may meet a rate limit (`limits.rs`); reads never do.
    let mut limited = error("`rate_limited`: too many tries too fast");
    limited["headers"] = json!({
        "Retry-After": { "description": "Seconds to wait", "schema": { "type": "integer", "minimum": 1 } }
    });
    let mut suspendable = 0;
    if let Some(paths) = doc["paths"].as_object_mut() {
        for (method, operation) in
            paths.values_mut().filter_map(Value::as_object_mut).flat_map(|item| item.iter_mut())
        {
            let Some(responses) = operation["responses"].as_object_mut() else { continue };
            if method != "get" {
                responses.entry("429").or_insert_with(|| limited.clone());
            }
            let id = operation.get("operationId").and_then(Value::as_str).unwrap_or_default();
            if SUSPENDABLE.contains(&id) {
                suspendable += 1;
                let Some(responses) = operation["responses"].as_object_mut() else { continue };
                let suspended =
                    "`suspended`: the district's moderators suspended the caller from writing there";
                match responses.get_mut("403").and_then(|r| r.get_mut("description")) {
                    Some(Value::String(said)) => *said = format!("{said}; or {suspended}"),
                    _ => {
                        responses.insert("403".to_owned(), error(suspended));
                    }
                }
            }
            if operation.get("requestBody").is_none() {
                continue;
            }
            if let Some(responses) = operation["responses"].as_object_mut() {
                for (status, description) in body_errors() {
                    responses.entry(status).or_insert_with(|| error(description));
                }
            }
        }
    }
    assert_eq!(suspendable, SUSPENDABLE.len(), "an operation of SUSPENDABLE is not in the document");
    let schemas = &mut doc["components"]["schemas"];
    for (schema, property, rules) in string_rules() {
        let target = &mut schemas[schema]["properties"][property];
        assert!(target.is_object(), "the document has no {schema}.{property}");
        if let (Some(target), Some(rules)) = (target.as_object_mut(), rules.as_object()) {
            target.extend(rules.clone());
        }
    }
    // Accepting and declining say why: the note is required then (ProposalStatus::needs_note).
    let answers: Vec<&str> =
        golmok_api::ProposalStatus::ALL.iter().filter(|s| s.needs_note()).map(|s| s.as_str()).collect();
    schemas["StatusChange"]["allOf"] = json!([{
        "if": {
            "properties": { "status": { "enum": answers } },
            "required": ["status"]
        },
        "then": { "required": ["note"], "properties": { "note": { "pattern": text(limits::NOTE, true) } } }
    }]);
    // Hiding says why: its author reads the note; keeping hidden what was hidden need not.
    schemas["Visibility"]["allOf"] = json!([{
        "if": {
            "properties": { "hidden": { "const": true }, "was_hidden": { "not": { "const": true } } },
            "required": ["hidden"]
        },
        "then": { "required": ["note"], "properties": { "note": { "pattern": text(limits::NOTE, true) } } }
    }]);
    // A rejection says why: the note is required then.
    schemas["Verification"]["allOf"] = json!([{
        "if": { "properties": { "decision": { "const": "reject" } }, "required": ["decision"] },
        "then": { "required": ["note"], "properties": { "note": { "pattern": text(limits::NOTE, true) } } }
    }]);
}

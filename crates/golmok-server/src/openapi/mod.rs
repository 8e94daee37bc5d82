//! The OpenAPI 3 document, generated from the handlers' annotations and the contract
//! types, so it cannot drift from the code. It is the API's source of truth beyond the
//! fixed points in PRODUCT.md.

mod rules;

use std::sync::LazyLock;

use axum::{http::header, response::IntoResponse};
use golmok_api::{
    ClaimStatus, ErrorBody, ErrorDetail, FieldError, FieldErrorCode, ProposalKind, ProposalSort,
    ProposalStatus, Role, ShopCategory,
};
use utoipa::{
    Modify, OpenApi,
    openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
};

use crate::routes::{
    announcements, answers, auth, comments, districts, feed, health, life, moderation, proposals, shops,
    votes,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Golmok API",
        description = "Participation portal for Korean alley commercial districts (골목형 상점가): \
            residents propose and support events and improvements, merchants answer. \
            Every error is `{\"error\": {\"code\", \"message\", \"fields\"?}}` with a 4xx status. \
            A signed-in write may carry an `Idempotency-Key` header (1 to 100 visible ASCII \
            characters): sent again with the same key within a day, it gets the first \
            successful answer again, marked `Idempotent-Replayed: true`, and is not done twice; \
            the same key on another request is a 409 `idempotency_key_reused`, and while the \
            first is being answered a 409 `request_in_progress` with `Retry-After`.",
    ),
    paths(
        health::health,
        openapi_json,
        auth::register,
        auth::login,
        auth::logout,
        auth::me,
        auth::delete_me,
        districts::list,
        districts::get,
        proposals::list,
        proposals::create,
        proposals::get,
        proposals::mine,
        proposals::supported,
        proposals::waiting,
        life::edit,
        life::move_status,
        life::timeline,
        life::add_update,
        moderation::report,
        moderation::queue,
        moderation::mine,
        moderation::hide_proposal,
        moderation::hide_comment,
        moderation::hide_answer,
        moderation::hide_announcement,
        moderation::suspend,
        moderation::lift,
        moderation::suspensions,
        districts::settings,
        districts::update_settings,
        districts::moderators,
        districts::appoint,
        districts::appoint_by_email,
        districts::dismiss,
        votes::support,
        votes::withdraw,
        comments::list,
        comments::create,
        comments::stances,
        announcements::create_for_shop,
        announcements::create_for_district,
        announcements::list_for_district,
        announcements::list_for_shop,
        announcements::update,
        announcements::delete,
        announcements::pin,
        announcements::unpin,
        answers::list,
        answers::of_shop,
        answers::put,
        shops::list,
        shops::get,
        shops::update,
        shops::follow,
        feed::mine,
        shops::unfollow,
        shops::claim,
        shops::mine,
        shops::of_district,
        shops::verify,
    ),
    components(schemas(
        ErrorBody, ErrorDetail, FieldError, FieldErrorCode, ProposalKind, ProposalSort, ProposalStatus, Role,
        ShopCategory, ClaimStatus,
    )),
    modifiers(&BearerAuth),
    tags(
        (name = "meta", description = "Health and this document"),
        (name = "auth", description = "Accounts and bearer tokens"),
        (name = "districts", description = "Alley commercial districts"),
        (name = "proposals", description = "Event and improvement proposals"),
        (name = "votes", description = "Support (공감) for proposals"),
        (name = "comments", description = "Comments on proposals"),
        (name = "moderation", description = "Reports, hiding, and what of one's own was hidden"),
        (name = "life", description = "A proposal's status, its author's edits and updates, and its timeline"),
        (name = "shops", description = "Shops, and claims that make their owners merchants"),
        (name = "answers", description = "Shops' answers to proposals, with pledges"),
        (name = "announcements", description = "Shops' and districts' announcements"),
        (name = "regulars", description = "Following shops (단골) and \"My alley\""),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("Token from POST /api/v1/auth/register or /auth/login"))
                    .build(),
            ),
        );
    }
}

/// The generated document with what annotations cannot say (`rules`).
pub fn document() -> serde_json::Value {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).expect("the OpenAPI document serialises");
    rules::apply(&mut doc);
    doc
}

static DOCUMENT: LazyLock<String> = LazyLock::new(|| document().to_string());

/// This document.
#[utoipa::path(
    get, path = "/api/v1/openapi.json", operation_id = "openapi", tag = "meta",
    responses((status = 200, description = "This OpenAPI 3 document", content_type = "application/json"))
)]
pub async fn openapi_json() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], DOCUMENT.as_str())
}

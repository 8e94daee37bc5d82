//! Announcements: shops' news and the district's own, shown from start to end; pinned
//! by moderators.

use axum::{extract::State, http::StatusCode};
use golmok_api::{Announcement, AnnouncementUpdate, ErrorBody, NewAnnouncement, Page, validate};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{PageParams, Pager, decode_cursor, encode_cursor, page_limit, paginate};
use crate::{
    AppState,
    auth::{CurrentUser, MaybeUser},
    db::{PinnedAfter, Showing, StoredAnnouncement, clock},
    error::{ApiError, ApiResult},
    extract::{Json, Path, Query},
};

async fn created(state: &AppState, id: i64) -> ApiResult<(StatusCode, Json<Announcement>)> {
    let stored =
        state.store.announcement(id).await?.ok_or_else(|| anyhow::anyhow!("announcement {id} vanished"))?;
    Ok((StatusCode::CREATED, Json(stored.announcement)))
}

/// Posts an announcement for a shop: its verified owner only.
#[utoipa::path(
    post, path = "/api/v1/shops/{id}/announcements", operation_id = "announce_for_shop", tag = "announcements",
    params(("id" = i64, Path, description = "Shop id")),
    request_body = NewAnnouncement,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The announcement, its span filled in", body = Announcement),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not the shop's verified owner", body = ErrorBody),
        (status = 404, description = "`not_found`: no such listed shop", body = ErrorBody),
        (status = 422, description = "`validation_failed`, with `fields`", body = ErrorBody),
    )
)]
pub async fn create_for_shop(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<i64>,
    Json(input): Json<NewAnnouncement>,
) -> ApiResult<(StatusCode, Json<Announcement>)> {
    let shop = state.store.shop(id, clock::seoul_now(), None).await?.ok_or(ApiError::NotFound("shop"))?;
    if !shop.is_merchant(current.user.id) {
        return Err(ApiError::Forbidden);
    }
    super::moderation::writes_in(&state, shop.district_id, current.user.id).await?;
    let input = validate::new_announcement(&input, &clock::now()).map_err(ApiError::Validation)?;
    let id = state.store.create_announcement(shop.district_id, Some(id), current.user.id, &input).await?;
    created(&state, id).await
}

/// Posts an announcement for the whole district: its moderators only.
#[utoipa::path(
    post, path = "/api/v1/districts/{slug}/announcements", operation_id = "announce_for_district", tag = "announcements",
    params(("slug" = String, Path, description = "District slug")),
    request_body = NewAnnouncement,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The announcement, its span filled in", body = Announcement),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a moderator of this district", body = ErrorBody),
        (status = 404, description = "`not_found`: no such district", body = ErrorBody),
        (status = 422, description = "`validation_failed`, with `fields`", body = ErrorBody),
    )
)]
pub async fn create_for_district(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(slug): Path<String>,
    Json(input): Json<NewAnnouncement>,
) -> ApiResult<(StatusCode, Json<Announcement>)> {
    let district_id = state.store.district_id(&slug).await?.ok_or(ApiError::NotFound("district"))?;
    if !state.store.is_moderator(district_id, current.user.id).await? {
        return Err(ApiError::Forbidden);
    }
    let input = validate::new_announcement(&input, &clock::now()).map_err(ApiError::Validation)?;
    let id = state.store.create_announcement(district_id, None, current.user.id, &input).await?;
    created(&state, id).await
}

/// A district's announcements showing now: pinned first, then newest.
#[utoipa::path(
    get, path = "/api/v1/districts/{slug}/announcements", operation_id = "list_announcements", tag = "announcements",
    params(("slug" = String, Path, description = "District slug"), PageParams),
    responses(
        (status = 200, description = "A page of current announcements", body = Page<Announcement>),
        (status = 400, description = "`bad_request`: bad cursor or limit", body = ErrorBody),
        (status = 404, description = "`not_found`: no such district", body = ErrorBody),
    )
)]
pub async fn list_for_district(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(params): Query<PageParams>,
) -> ApiResult<Json<Page<Announcement>>> {
    let limit = page_limit(params.limit)?;
    let after = super::cursor_param(&params.cursor).map(|c| decode_cursor(c, "ann", 2)).transpose()?;
    let after = after.map(|n| PinnedAfter { pinned: n[0] != 0, id: n[1] });
    let district_id = state.store.district_id(&slug).await?.ok_or(ApiError::NotFound("district"))?;
    let items = state.store.current_announcements(district_id, after, limit + 1).await?;
    Ok(Json(paginate(items, limit, |a| {
        encode_cursor(&["ann".into(), i64::from(a.pinned).to_string(), a.id.to_string()])
    })))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ShopAnnouncementParams {
    /// `current` (the default): showing now; `past`: over; `upcoming`: not showing yet,
    /// for the shop's verified owner only.
    #[param(inline)]
    pub when: Option<When>,
    /// `next_cursor` of the previous page; omit for the first page.
    pub cursor: Option<String>,
    /// Items per page, 1 to 50 (default 20).
    #[param(minimum = 1, maximum = 50)]
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum When {
    #[default]
    Current,
    Past,
    Upcoming,
}

/// A shop's announcements, newest first: showing now, or past ones.
#[utoipa::path(
    get, path = "/api/v1/shops/{id}/announcements", operation_id = "shop_announcements", tag = "announcements",
    params(("id" = i64, Path, description = "Shop id"), ShopAnnouncementParams),
    responses(
        (status = 200, description = "A page of the shop's announcements", body = Page<Announcement>),
        (status = 400, description = "`bad_request`: unknown `when`, bad cursor or limit", body = ErrorBody),
        (status = 401, description = "`unauthorized`: `upcoming` without a token", body = ErrorBody),
        (status = 403, description = "`forbidden`: `upcoming` by anyone but the shop's verified owner", body = ErrorBody),
        (status = 404, description = "`not_found`: no such listed shop", body = ErrorBody),
    )
)]
pub async fn list_for_shop(
    State(state): State<AppState>,
    viewer: MaybeUser,
    Path(id): Path<i64>,
    Query(params): Query<ShopAnnouncementParams>,
) -> ApiResult<Json<Page<Announcement>>> {
    let pager = Pager::new("sa", params.limit, super::cursor_param(&params.cursor))?;
    let shop = state.store.shop(id, clock::seoul_now(), None).await?.ok_or(ApiError::NotFound("shop"))?;
    let showing = match params.when.unwrap_or_default() {
        When::Current => Showing::Current,
        When::Past => Showing::Past,
        // What is not out yet is the merchant's draft of the days ahead, not news.
        When::Upcoming => match viewer.id() {
            None => return Err(ApiError::Unauthorized),
            Some(user) if !shop.is_merchant(user) => return Err(ApiError::Forbidden),
            Some(_) => Showing::Upcoming,
        },
    };
    let items = state.store.shop_announcements(id, showing, pager.start, pager.look_ahead()).await?;
    Ok(Json(pager.page(items, |a| a.id)))
}

/// The announcement, if `user_id` may change it: a shop's by the shop's verified owner,
/// the district's own by its moderators.
async fn changeable(state: &AppState, id: i64, user_id: i64) -> ApiResult<StoredAnnouncement> {
    let stored = state.store.announcement(id).await?.ok_or(ApiError::NotFound("announcement"))?;
    let allowed = match &stored.announcement.shop {
        Some(shop) => state
            .store
            .shop(shop.id, clock::seoul_now(), None)
            .await?
            .is_some_and(|shop| shop.is_merchant(user_id)),
        None => state.store.is_moderator(stored.district_id, user_id).await?,
    };
    if !allowed {
        return Err(ApiError::Forbidden);
    }
    super::moderation::writes_in(state, stored.district_id, user_id).await?;
    Ok(stored)
}

/// Changes an announcement: only the fields given.
#[utoipa::path(
    patch, path = "/api/v1/announcements/{id}", operation_id = "update_announcement", tag = "announcements",
    params(("id" = i64, Path, description = "Announcement id")),
    request_body = AnnouncementUpdate,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The announcement, changed", body = Announcement),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: neither the shop's verified owner nor, for the district's own, its moderator", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`conflict`: another edit moved its span meanwhile", body = ErrorBody),
        (status = 422, description = "`validation_failed`, with `fields`", body = ErrorBody),
    )
)]
pub async fn update(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<i64>,
    Json(input): Json<AnnouncementUpdate>,
) -> ApiResult<Json<Announcement>> {
    let stored = changeable(&state, id, current.user.id).await?;
    let span = (stored.announcement.starts_at.as_str(), stored.announcement.ends_at.as_str());
    let change = validate::announcement_update(&input, span).map_err(ApiError::Validation)?;
    if !state.store.update_announcement(id, &change).await? && state.store.announcement(id).await?.is_some() {
        return Err(ApiError::Conflict {
            code: golmok_api::error_code::CONFLICT,
            message: "The announcement changed meanwhile; reload it and try again.".to_owned(),
        });
    }
    let changed = state.store.announcement(id).await?.ok_or(ApiError::NotFound("announcement"))?;
    Ok(Json(changed.announcement))
}

/// Deletes an announcement, by whoever may change it.
#[utoipa::path(
    delete, path = "/api/v1/announcements/{id}", operation_id = "delete_announcement", tag = "announcements",
    params(("id" = i64, Path, description = "Announcement id")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn delete(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<StatusCode> {
    changeable(&state, id, current.user.id).await?;
    state.store.delete_announcement(id).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn set_pin(state: &AppState, user_id: i64, id: i64, pinned: bool) -> ApiResult<Json<Announcement>> {
    let stored = state.store.announcement(id).await?.ok_or(ApiError::NotFound("announcement"))?;
    if !state.store.is_moderator(stored.district_id, user_id).await? {
        return Err(ApiError::Forbidden);
    }
    state.store.pin_announcement(id, pinned).await?;
    let changed = state.store.announcement(id).await?.ok_or(ApiError::NotFound("announcement"))?;
    Ok(Json(changed.announcement))
}

/// Pins an announcement of the district first on its home: moderators only.
#[utoipa::path(
    put, path = "/api/v1/announcements/{id}/pin", operation_id = "pin_announcement", tag = "announcements",
    params(("id" = i64, Path, description = "Announcement id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Pinned (also when it already was)", body = Announcement),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a moderator of its district", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn pin(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<Announcement>> {
    set_pin(&state, current.user.id, id, true).await
}

/// Unpins an announcement: moderators only.
#[utoipa::path(
    delete, path = "/api/v1/announcements/{id}/pin", operation_id = "unpin_announcement", tag = "announcements",
    params(("id" = i64, Path, description = "Announcement id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Not pinned (also when it already was not)", body = Announcement),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a moderator of its district", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn unpin(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<Announcement>> {
    set_pin(&state, current.user.id, id, false).await
}

use axum::extract::State;
use golmok_api::{
    Author, District, DistrictSettings, DistrictSettingsUpdate, ErrorBody, Headline, NewModerator, Page,
    validate,
};

use super::{PageParams, Pager, moderated};
use crate::{
    AppState,
    auth::CurrentUser,
    db::{Dismissal, Store, StoreResult},
    error::{ApiError, ApiResult},
    extract::{Json, Path, Query},
};

/// All districts, oldest first.
#[utoipa::path(
    get, path = "/api/v1/districts", operation_id = "list_districts", tag = "districts",
    params(PageParams),
    responses(
        (status = 200, description = "A page of districts", body = Page<District>),
        (status = 400, description = "`bad_request`: bad cursor or limit", body = ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    Query(params): Query<PageParams>,
) -> ApiResult<Json<Page<District>>> {
    let pager = Pager::new("d", params.limit, super::cursor_param(&params.cursor))?;
    let rows = state.store.list_districts(pager.start, pager.look_ahead()).await?;
    let page = pager.page(rows, |(id, _)| *id);
    Ok(Json(Page { items: page.items.into_iter().map(|(_, d)| d).collect(), next_cursor: page.next_cursor }))
}

/// One district.
#[utoipa::path(
    get, path = "/api/v1/districts/{slug}", operation_id = "get_district", tag = "districts",
    params(("slug" = String, Path, description = "District slug, e.g. `eungubi-seo`")),
    responses(
        (status = 200, description = "The district", body = District),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn get(State(state): State<AppState>, Path(slug): Path<String>) -> ApiResult<Json<District>> {
    home(&state.store, &slug).await?.map(Json).ok_or(ApiError::NotFound("district"))
}

/// The district as its home shows it: with its news, in the one request the home makes
/// before drawing anything (and in its first paint, `crate::first_paint`).
pub async fn home(store: &Store, slug: &str) -> StoreResult<Option<District>> {
    let Some((id, mut district)) = store.get_district(slug).await? else { return Ok(None) };
    let news = store.current_announcements(id, None, HOME_NEWS).await?;
    district.news = news.into_iter().map(Headline::from).collect();
    Ok(Some(district))
}

/// How many announcements the district's home shows.
const HOME_NEWS: u32 = 3;

/// The district's settings: its moderators only.
#[utoipa::path(
    get, path = "/api/v1/districts/{slug}/settings", operation_id = "district_settings", tag = "districts",
    params(("slug" = String, Path, description = "District slug")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The settings", body = DistrictSettings),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a moderator of this district", body = ErrorBody),
        (status = 404, description = "`not_found`: no such district", body = ErrorBody),
    )
)]
pub async fn settings(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(slug): Path<String>,
) -> ApiResult<Json<DistrictSettings>> {
    let district = moderated(&state, &slug, &current).await?;
    let found = state.store.district_settings(district).await?;
    found.map(Json).ok_or(ApiError::NotFound("district"))
}

/// Changes the district's settings, only the fields given: names and introduction in both
/// languages, its KakaoTalk channel, the supports and pledges that make a proposal ready
/// for an answer, the days before an open one expires. `null` (or a blank text) clears an
/// introduction or the channel; `null` for a name or a number is refused (422, the field
/// `required`). Its moderators only.
#[utoipa::path(
    patch, path = "/api/v1/districts/{slug}/settings", operation_id = "update_district_settings", tag = "districts",
    params(("slug" = String, Path, description = "District slug")),
    request_body = DistrictSettingsUpdate,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The settings, changed", body = DistrictSettings),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a moderator of this district", body = ErrorBody),
        (status = 404, description = "`not_found`: no such district", body = ErrorBody),
        (status = 422, description = "`validation_failed`, with `fields`; `null` for a name or a number is `required`", body = ErrorBody),
    )
)]
pub async fn update_settings(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(slug): Path<String>,
    Json(input): Json<DistrictSettingsUpdate>,
) -> ApiResult<Json<DistrictSettings>> {
    let district = moderated(&state, &slug, &current).await?;
    let change = validate::district_settings(&input).map_err(ApiError::Validation)?;
    state.store.update_district_settings(district, &change).await?;
    let found = state.store.district_settings(district).await?;
    found.map(Json).ok_or(ApiError::NotFound("district"))
}

/// The district's moderators, in the order they were appointed: its moderators only.
#[utoipa::path(
    get, path = "/api/v1/districts/{slug}/moderators", operation_id = "district_moderators", tag = "districts",
    params(("slug" = String, Path, description = "District slug")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The moderators", body = Vec<Author>),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a moderator of this district", body = ErrorBody),
        (status = 404, description = "`not_found`: no such district", body = ErrorBody),
    )
)]
pub async fn moderators(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(slug): Path<String>,
) -> ApiResult<Json<Vec<Author>>> {
    let district = moderated(&state, &slug, &current).await?;
    Ok(Json(state.store.moderator_authors(district).await?))
}

/// Makes an account a moderator of the district (again: no change): its moderators only.
#[utoipa::path(
    put, path = "/api/v1/districts/{slug}/moderators/{user_id}", operation_id = "appoint_moderator", tag = "districts",
    params(("slug" = String, Path, description = "District slug"), ("user_id" = i64, Path, description = "The account")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The district's moderators now", body = Vec<Author>),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a moderator of this district", body = ErrorBody),
        (status = 404, description = "`not_found`: no such district or account", body = ErrorBody),
    )
)]
pub async fn appoint(
    State(state): State<AppState>,
    current: CurrentUser,
    Path((slug, user_id)): Path<(String, i64)>,
) -> ApiResult<Json<Vec<Author>>> {
    let district = moderated(&state, &slug, &current).await?;
    appoint_in(&state, district, user_id).await
}

/// Makes the account with this email (in any case) a moderator of the district (again:
/// no change), as `PUT …/moderators/{user_id}` does: its moderators only.
#[utoipa::path(
    post, path = "/api/v1/districts/{slug}/moderators", operation_id = "appoint_moderator_by_email", tag = "districts",
    params(("slug" = String, Path, description = "District slug")),
    request_body = NewModerator,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The district's moderators now", body = Vec<Author>),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a moderator of this district", body = ErrorBody),
        (status = 404, description = "`not_found`: no such district, or no account has this email", body = ErrorBody),
        (status = 422, description = "`validation_failed`, with `fields`: `email` is no email", body = ErrorBody),
    )
)]
pub async fn appoint_by_email(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(slug): Path<String>,
    Json(input): Json<NewModerator>,
) -> ApiResult<Json<Vec<Author>>> {
    let district = moderated(&state, &slug, &current).await?;
    let input = validate::new_moderator(&input).map_err(ApiError::Validation)?;
    // Looked up as login does: emails are stored lower-cased, and validation lower-cased
    // this one. A deleted account's email is gone (its placeholder is no address).
    let Some((user, _)) = state.store.find_user_by_email(&input.email).await? else {
        return Err(ApiError::NotFound("account with this email"));
    };
    appoint_in(&state, district, user.id).await
}

/// Appoints an account, by id or by email, unless there is none (or it was deleted):
/// the district's moderators now.
async fn appoint_in(state: &AppState, district: i64, user_id: i64) -> ApiResult<Json<Vec<Author>>> {
    if !state.store.user_exists(user_id).await? {
        return Err(ApiError::NotFound("account"));
    }
    // A suspension there would contradict the role: the new moderator starts clean.
    state.store.lift_suspension(district, user_id).await?;
    state.store.appoint_moderator(district, user_id).await?;
    Ok(Json(state.store.moderator_authors(district).await?))
}

/// Removes a moderator of the district, never its last one (409): its moderators only.
#[utoipa::path(
    delete, path = "/api/v1/districts/{slug}/moderators/{user_id}", operation_id = "dismiss_moderator", tag = "districts",
    params(("slug" = String, Path, description = "District slug"), ("user_id" = i64, Path, description = "The account")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "No longer a moderator here"),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a moderator of this district", body = ErrorBody),
        (status = 404, description = "`not_found`: no such district, or the account does not moderate it", body = ErrorBody),
        (status = 409, description = "`conflict`: the district's last moderator", body = ErrorBody),
    )
)]
pub async fn dismiss(
    State(state): State<AppState>,
    current: CurrentUser,
    Path((slug, user_id)): Path<(String, i64)>,
) -> ApiResult<axum::http::StatusCode> {
    let district = moderated(&state, &slug, &current).await?;
    match state.store.dismiss_moderator(district, user_id).await? {
        Dismissal::Removed => Ok(axum::http::StatusCode::NO_CONTENT),
        Dismissal::NotModerator => Err(ApiError::NotFound("moderator")),
        Dismissal::LastOne => Err(ApiError::Conflict {
            code: golmok_api::error_code::CONFLICT,
            message: "A district keeps at least one moderator; appoint another first.".to_owned(),
        }),
    }
}

//! Shops: the directory, a shop's page and its owner's changes; becoming a merchant by a
//! claim, and a moderator's decision on it.

use axum::{extract::State, http::StatusCode};
use golmok_api::{
    ClaimStatus, ErrorBody, FollowState, NewShopClaim, Page, Shop, ShopCategory, ShopClaim, ShopUpdate,
    Verification, error_code, validate,
};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{PageParams, Pager};
use crate::{
    AppState,
    auth::{CurrentUser, MaybeUser},
    db::{ClaimFilter, ClaimRefusal, StoreError, clock},
    error::{ApiError, ApiResult},
    extract::{Json, Path, Query},
};

/// Claims a shop: a listed one without an owner (`shop_id`), or a new one.
#[utoipa::path(
    post, path = "/api/v1/districts/{slug}/shops", operation_id = "claim_shop", tag = "shops",
    params(("slug" = String, Path, description = "District slug")),
    request_body = NewShopClaim,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The claim, `pending` until a moderator of the district decides", body = ShopClaim),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 404, description = "`not_found`: no such district, or no listed shop `shop_id` in it", body = ErrorBody),
        (status = 409, description = "`conflict`: the shop has an owner, or a claim on it is pending", body = ErrorBody),
        (status = 422, description = "`validation_failed`, with `fields`", body = ErrorBody),
    )
)]
pub async fn claim(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(slug): Path<String>,
    Json(input): Json<NewShopClaim>,
) -> ApiResult<(StatusCode, Json<ShopClaim>)> {
    let district_id = state.store.district_id(&slug).await?.ok_or(ApiError::NotFound("district"))?;
    super::moderation::writes_in(&state, district_id, current.user.id).await?;
    let input = validate::new_shop_claim(&input).map_err(ApiError::Validation)?;
    let conflict =
        |message: &str| ApiError::Conflict { code: error_code::CONFLICT, message: message.to_owned() };
    match state.store.create_claim(district_id, current.user.id, &input).await {
        Ok(Ok(claim)) => Ok((StatusCode::CREATED, Json(claim))),
        Ok(Err(ClaimRefusal::NoSuchShop)) => Err(ApiError::NotFound("shop")),
        Ok(Err(ClaimRefusal::Owned)) => Err(conflict("This shop already has an owner.")),
        Err(StoreError::Conflict(_)) => Err(conflict("A claim on this shop is waiting for a decision.")),
        Err(e) => Err(e.into()),
    }
}

/// The signed-in user's claims, newest first, with their decisions.
#[utoipa::path(
    get, path = "/api/v1/me/claims", operation_id = "my_claims", tag = "shops",
    params(PageParams),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of the user's claims", body = Page<ShopClaim>),
        (status = 400, description = "`bad_request`: bad cursor or limit", body = ErrorBody),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
    )
)]
pub async fn mine(
    State(state): State<AppState>,
    current: CurrentUser,
    Query(params): Query<PageParams>,
) -> ApiResult<Json<Page<ShopClaim>>> {
    let pager = Pager::new("claim", params.limit, super::cursor_param(&params.cursor))?;
    let items = state.store.claims_of_user(current.user.id, pager.start, pager.look_ahead()).await?;
    Ok(Json(pager.page(items, |c| c.id)))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ClaimListParams {
    /// Which claims: `pending` (the default), `verified` or `rejected`.
    pub status: Option<ClaimStatus>,
    /// `next_cursor` of the previous page; omit for the first page.
    pub cursor: Option<String>,
    /// Items per page, 1 to 50 (default 20).
    #[param(minimum = 1, maximum = 50)]
    pub limit: Option<u32>,
}

/// A district's claims, oldest first: the queue its moderators work through.
#[utoipa::path(
    get, path = "/api/v1/districts/{slug}/claims", operation_id = "district_claims", tag = "shops",
    params(("slug" = String, Path, description = "District slug"), ClaimListParams),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of claims, business numbers included", body = Page<ShopClaim>),
        (status = 400, description = "`bad_request`: unknown status, bad cursor or limit", body = ErrorBody),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a moderator of this district", body = ErrorBody),
        (status = 404, description = "`not_found`: no such district", body = ErrorBody),
    )
)]
pub async fn of_district(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(slug): Path<String>,
    Query(params): Query<ClaimListParams>,
) -> ApiResult<Json<Page<ShopClaim>>> {
    let pager = Pager::new("claim", params.limit, super::cursor_param(&params.cursor))?;
    let district_id = state.store.district_id(&slug).await?.ok_or(ApiError::NotFound("district"))?;
    if !state.store.is_moderator(district_id, current.user.id).await? {
        return Err(ApiError::Forbidden);
    }
    let filter = ClaimFilter {
        district_id,
        status: params.status.unwrap_or(ClaimStatus::Pending),
        after: pager.start,
        limit: pager.look_ahead(),
    };
    let items = state.store.claims_of_district(&filter).await?;
    Ok(Json(pager.page(items, |c| c.id)))
}

/// Decides a shop's pending claim: `verify` makes the claimant its owner (a merchant)
/// and lists the shop; `reject` says why.
#[utoipa::path(
    post, path = "/api/v1/shops/{id}/verification", operation_id = "verify_shop", tag = "shops",
    params(("id" = i64, Path, description = "Shop id")),
    request_body = Verification,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The claim, decided", body = ShopClaim),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a moderator of the shop's district, or the claim is the moderator's own", body = ErrorBody),
        (status = 404, description = "`not_found`: no such shop (an unlisted one, to all but its district's moderators)", body = ErrorBody),
        (status = 409, description = "`conflict`: no claim on this shop is pending", body = ErrorBody),
        (status = 422, description = "`validation_failed`: a rejection needs a note", body = ErrorBody),
    )
)]
pub async fn verify(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<i64>,
    Json(input): Json<Verification>,
) -> ApiResult<Json<ShopClaim>> {
    let (district_id, listed) = state.store.shop_district(id).await?.ok_or(ApiError::NotFound("shop"))?;
    if !state.store.is_moderator(district_id, current.user.id).await? {
        // A shop that waits unlisted is nobody else's business, not even that it exists.
        return Err(if listed { ApiError::Forbidden } else { ApiError::NotFound("shop") });
    }
    // Nobody decides their own claim, moderators included.
    if state.store.pending_claimant(id).await? == Some(current.user.id) {
        return Err(ApiError::Forbidden);
    }
    let input = validate::verification(&input).map_err(ApiError::Validation)?;
    let conflict =
        |message: &str| ApiError::Conflict { code: error_code::CONFLICT, message: message.to_owned() };
    match state.store.decide_claim(id, current.user.id, input.decision, &input.note).await {
        Ok(Some(claim)) => Ok(Json(claim)),
        Ok(None) => Err(conflict("No claim on this shop is waiting for a decision.")),
        Err(StoreError::Conflict(_)) => Err(conflict("This shop already has an owner.")),
        Err(e) => Err(e.into()),
    }
}

/// Longest search text, in characters.
const MAX_QUERY: usize = 50;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ShopListParams {
    /// Name contains this (Korean or English name, any case, spaces around it ignored),
    /// up to 50 characters.
    #[param(max_length = 50)]
    pub q: Option<String>,
    pub category: Option<ShopCategory>,
    /// Only shops open at the moment of asking (Seoul time).
    pub open_now: Option<bool>,
    /// Only shops that take Onnuri gift certificates.
    pub onnuri: Option<bool>,
    /// `next_cursor` of the previous page; omit for the first page.
    pub cursor: Option<String>,
    /// Items per page, 1 to 50 (default 20).
    #[param(minimum = 1, maximum = 50)]
    pub limit: Option<u32>,
}

/// A district's shop directory, by name (가나다).
#[utoipa::path(
    get, path = "/api/v1/districts/{slug}/shops", operation_id = "list_shops", tag = "shops",
    params(("slug" = String, Path, description = "District slug"), ShopListParams),
    responses(
        (status = 200, description = "A page of listed shops", body = Page<Shop>),
        (status = 400, description = "`bad_request`: unknown category, a search over 50 characters, bad cursor or limit", body = ErrorBody),
        (status = 404, description = "`not_found`: no such district", body = ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    viewer: MaybeUser,
    Path(slug): Path<String>,
    Query(params): Query<ShopListParams>,
) -> ApiResult<Json<Page<Shop>>> {
    // The cursor is how many shops of this order came before.
    let pager = Pager::new("shops", params.limit, super::cursor_param(&params.cursor))?;
    let skip = pager.start.unwrap_or(0);
    if skip < 0 {
        return Err(ApiError::BadRequest("cursor is not valid for this list".to_owned()));
    }
    // Counted as sent: what the document says, and what a client can check.
    let raw = params.q.as_deref().unwrap_or_default();
    if raw.chars().count() > MAX_QUERY {
        return Err(ApiError::BadRequest(format!("q allows at most {MAX_QUERY} characters")));
    }
    let query = raw.trim().to_lowercase();
    let district_id = state.store.district_id(&slug).await?.ok_or(ApiError::NotFound("district"))?;
    let mut shops = state.store.shops_of_district(district_id, clock::seoul_now(), viewer.id()).await?;
    shops.retain(|s| {
        params.category.is_none_or(|c| s.category == c)
            && (params.open_now != Some(true) || s.open_now)
            && (params.onnuri != Some(true) || s.accepts_onnuri)
            && (query.is_empty()
                || s.name.to_lowercase().contains(&query)
                || s.name_en.to_lowercase().contains(&query))
    });
    // Hangul syllables are in 가나다 order in Unicode: code point order is the order
    // people expect, on both engines alike.
    shops.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    let skip = usize::try_from(skip).unwrap_or(usize::MAX);
    let items: Vec<(usize, Shop)> =
        shops.into_iter().enumerate().skip(skip).take(pager.look_ahead() as usize).collect();
    let page = pager.page(items, |(i, _)| i64::try_from(i + 1).unwrap_or(i64::MAX));
    Ok(Json(Page { items: page.items.into_iter().map(|(_, s)| s).collect(), next_cursor: page.next_cursor }))
}

/// A shop's page: its profile, whether it is open now, its follower count.
#[utoipa::path(
    get, path = "/api/v1/shops/{id}", operation_id = "get_shop", tag = "shops",
    params(("id" = i64, Path, description = "Shop id")),
    responses(
        (status = 200, description = "The shop", body = Shop),
        (status = 404, description = "`not_found`: no such listed shop", body = ErrorBody),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    viewer: MaybeUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<Shop>> {
    let found =
        state.store.shop(id, clock::seoul_now(), viewer.id()).await?.ok_or(ApiError::NotFound("shop"))?;
    Ok(Json(found.shop))
}

/// Changes a shop's profile: its verified owner only.
#[utoipa::path(
    patch, path = "/api/v1/shops/{id}", operation_id = "update_shop", tag = "shops",
    params(("id" = i64, Path, description = "Shop id")),
    request_body = ShopUpdate,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The shop, changed", body = Shop),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not this shop's verified owner", body = ErrorBody),
        (status = 404, description = "`not_found`: no such listed shop", body = ErrorBody),
        (status = 422, description = "`validation_failed`, with `fields` (`hours.mon` … `hours.sun` for a day)", body = ErrorBody),
    )
)]
pub async fn update(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<i64>,
    Json(input): Json<ShopUpdate>,
) -> ApiResult<Json<Shop>> {
    let now = clock::seoul_now();
    let found = state.store.shop(id, now, None).await?.ok_or(ApiError::NotFound("shop"))?;
    if !found.is_merchant(current.user.id) {
        return Err(ApiError::Forbidden);
    }
    super::moderation::writes_in(&state, found.district_id, current.user.id).await?;
    let change = validate::shop_update(&input).map_err(ApiError::Validation)?;
    // "Closed today" closes the opening under way (a night that began yesterday, after
    // midnight), or today's: with the hours as they will be.
    let hours = change.hours.as_ref().unwrap_or(&found.shop.hours);
    let opening = golmok_api::hours::date_of_day(golmok_api::hours::opening_day(hours, now));
    state.store.update_shop(id, &change, &opening).await?;
    let changed =
        state.store.shop(id, now, Some(current.user.id)).await?.ok_or(ApiError::NotFound("shop"))?;
    Ok(Json(changed.shop))
}

async fn set_follow(state: &AppState, user: &CurrentUser, id: i64, on: bool) -> ApiResult<Json<FollowState>> {
    state.store.set_follow(id, user.user.id, on).await?.map(Json).ok_or(ApiError::NotFound("shop"))
}

/// Follows a shop (단골 맺기): its news comes to "My alley". Nobody but the follower
/// learns who follows; the shop sees a count.
#[utoipa::path(
    put, path = "/api/v1/shops/{id}/follow", operation_id = "follow_shop", tag = "regulars",
    params(("id" = i64, Path, description = "Shop id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Following (also when it already was)", body = FollowState),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 404, description = "`not_found`: no such listed shop", body = ErrorBody),
    )
)]
pub async fn follow(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<FollowState>> {
    set_follow(&state, &current, id, true).await
}

/// Stops following a shop.
#[utoipa::path(
    delete, path = "/api/v1/shops/{id}/follow", operation_id = "unfollow_shop", tag = "regulars",
    params(("id" = i64, Path, description = "Shop id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Not following (also when it already was not)", body = FollowState),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 404, description = "`not_found`: no such listed shop", body = ErrorBody),
    )
)]
pub async fn unfollow(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<FollowState>> {
    set_follow(&state, &current, id, false).await
}

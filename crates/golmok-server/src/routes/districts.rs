use axum::extract::State;
use golmok_api::{District, ErrorBody, Headline, Page};

use super::{PageParams, Pager};
use crate::{
    AppState,
    db::{Store, StoreResult},
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

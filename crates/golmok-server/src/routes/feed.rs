//! "My alley" (내 골목): the signed-in resident's news from the shops they follow.

use axum::extract::State;
use golmok_api::{ErrorBody, FeedItem, FeedKind, Page, instants};

use super::{PageParams, decode_cursor, encode_cursor, page_limit, paginate};
use crate::{
    AppState,
    auth::CurrentUser,
    db::{FeedAfter, kind_rank},
    error::{ApiError, ApiResult},
    extract::{Json, Query},
};

fn cursor_of(item: &FeedItem) -> String {
    let at = instants::parse(&item.at).unwrap_or_default();
    encode_cursor(&[
        "feed".into(),
        at.to_string(),
        kind_rank(item.kind).to_string(),
        item.item_id().to_string(),
    ])
}

fn cursor_after(cursor: &str) -> ApiResult<FeedAfter> {
    let n = decode_cursor(cursor, "feed", 3)?;
    let kind = match n[1] {
        1 => FeedKind::Announcement,
        0 => FeedKind::Answer,
        _ => return Err(ApiError::BadRequest("cursor is not valid for this list".to_owned())),
    };
    Ok(FeedAfter { at: n[0], kind, id: n[2] })
}

/// What the shops the user follows announced and answered, and shops' answers to the
/// user's own proposals, newest first.
#[utoipa::path(
    get, path = "/api/v1/me/feed", operation_id = "my_feed", tag = "regulars",
    params(PageParams),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of the feed", body = Page<FeedItem>),
        (status = 400, description = "`bad_request`: bad cursor or limit", body = ErrorBody),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
    )
)]
pub async fn mine(
    State(state): State<AppState>,
    current: CurrentUser,
    Query(params): Query<PageParams>,
) -> ApiResult<Json<Page<FeedItem>>> {
    let limit = page_limit(params.limit)?;
    let after = super::cursor_param(&params.cursor).map(cursor_after).transpose()?;
    let items = state.store.feed(current.user.id, after, limit + 1).await?;
    Ok(Json(paginate(items, limit, cursor_of)))
}

use axum::{extract::State, http::StatusCode};
use golmok_api::{Comment, ErrorBody, NewComment, Page, StanceCounts, validate};

use super::{PageParams, Pager};
use crate::{
    AppState,
    auth::CurrentUser,
    error::{ApiError, ApiResult},
    extract::{Json, Path, Query},
};

/// A proposal's comments, oldest first, as a conversation reads.
#[utoipa::path(
    get, path = "/api/v1/proposals/{id}/comments", operation_id = "list_comments", tag = "comments",
    params(("id" = i64, Path, description = "Proposal id"), PageParams),
    responses(
        (status = 200, description = "A page of comments", body = Page<Comment>),
        (status = 400, description = "`bad_request`: bad cursor or limit", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(params): Query<PageParams>,
) -> ApiResult<Json<Page<Comment>>> {
    let pager = Pager::new("c", params.limit, super::cursor_param(&params.cursor))?;
    if !state.store.proposal_visible(id).await? {
        return Err(ApiError::NotFound("proposal"));
    }
    let items = state.store.list_comments(id, pager.start, pager.look_ahead()).await?;
    Ok(Json(pager.page(items, |c| c.id)))
}

/// Comments on a proposal.
#[utoipa::path(
    post, path = "/api/v1/proposals/{id}/comments", operation_id = "create_comment", tag = "comments",
    params(("id" = i64, Path, description = "Proposal id")),
    request_body = NewComment,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The new comment", body = Comment),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 422, description = "`validation_failed`, with `fields`", body = ErrorBody),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<i64>,
    Json(input): Json<NewComment>,
) -> ApiResult<(StatusCode, Json<Comment>)> {
    super::moderation::writes_on_proposal(&state, id, current.user.id).await?;
    let input = validate::new_comment(&input).map_err(ApiError::Validation)?;
    let comment = state
        .store
        .create_comment(id, current.user.id, &input)
        .await?
        .ok_or(ApiError::NotFound("proposal"))?;
    Ok((StatusCode::CREATED, Json(comment)))
}

/// How many of a proposal's comments are for it, neutral and against.
#[utoipa::path(
    get, path = "/api/v1/proposals/{id}/stances", operation_id = "comment_stances", tag = "comments",
    params(("id" = i64, Path, description = "Proposal id")),
    responses(
        (status = 200, description = "The counts, of visible comments", body = StanceCounts),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn stances(State(state): State<AppState>, Path(id): Path<i64>) -> ApiResult<Json<StanceCounts>> {
    state.store.stance_counts(id).await?.map(Json).ok_or(ApiError::NotFound("proposal"))
}

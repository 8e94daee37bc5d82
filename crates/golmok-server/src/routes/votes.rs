//! Support ("공감") for a proposal: PUT to support, DELETE to withdraw. Both are
//! idempotent, so a client can retry after a dropped connection without fear.

use axum::extract::State;
use golmok_api::{ErrorBody, VoteState};

use crate::{
    AppState,
    auth::CurrentUser,
    error::{ApiError, ApiResult},
    extract::{Json, Path},
};

async fn set(state: &AppState, user: &CurrentUser, id: i64, voted: bool) -> ApiResult<Json<VoteState>> {
    super::moderation::writes_on_proposal(state, id, user.user.id).await?;
    state.store.set_vote(id, user.user.id, voted).await?.map(Json).ok_or(ApiError::NotFound("proposal"))
}

/// Supports a proposal.
#[utoipa::path(
    put, path = "/api/v1/proposals/{id}/vote", operation_id = "support_proposal", tag = "votes",
    params(("id" = i64, Path, description = "Proposal id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Supported (also when it already was)", body = VoteState),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn support(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<VoteState>> {
    set(&state, &current, id, true).await
}

/// Withdraws support.
#[utoipa::path(
    delete, path = "/api/v1/proposals/{id}/vote", operation_id = "withdraw_support", tag = "votes",
    params(("id" = i64, Path, description = "Proposal id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Not supported (also when it already was not)", body = VoteState),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn withdraw(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<VoteState>> {
    set(&state, &current, id, false).await
}

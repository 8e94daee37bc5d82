//! A proposal's life: its status moved by the district's moderators (or withdrawn by its
//! author), its author's edits and update notes, and the timeline that shows them.

use axum::{extract::State, http::StatusCode};
use golmok_api::{
    ErrorBody, MoveRefusal, Mover, Page, Proposal, ProposalEdit, StatusChange, TimelineEntry, UpdateNote,
    error_code, validate,
};

use super::moderation::writes_in;
use super::{PageParams, Pager};
use crate::{
    AppState,
    auth::CurrentUser,
    error::{ApiError, ApiResult},
    extract::{Json, Path, Query},
};

fn conflict(message: &str) -> ApiError {
    ApiError::Conflict { code: error_code::CONFLICT, message: message.to_owned() }
}

/// A visible proposal as the caller sees it, with its district.
async fn proposal_for(state: &AppState, id: i64, user_id: i64) -> ApiResult<(Proposal, i64)> {
    state.store.proposal_in_district(id, Some(user_id)).await?.ok_or(ApiError::NotFound("proposal"))
}

/// Moves a proposal: a moderator of its district reviews, accepts, declines or marks
/// done, with an official note for accepting and declining; its author withdraws it while
/// it is open. Every move is kept in the timeline.
#[utoipa::path(
    post, path = "/api/v1/proposals/{id}/status", operation_id = "move_proposal", tag = "life",
    params(("id" = i64, Path, description = "Proposal id")),
    request_body = StatusChange,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The proposal in its new status", body = Proposal),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: neither a moderator of its district (for their moves) nor its author (for withdrawing)", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`conflict`: not a move its status allows (e.g. accepting what is done)", body = ErrorBody),
        (status = 422, description = "`validation_failed`: the note is missing (accepting, declining) or too long", body = ErrorBody),
    )
)]
pub async fn move_status(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<i64>,
    Json(input): Json<StatusChange>,
) -> ApiResult<Json<Proposal>> {
    let user = current.user.id;
    let (proposal, district) = proposal_for(&state, id, user).await?;
    let mut roles = Vec::with_capacity(2);
    if state.store.is_moderator(district, user).await? {
        roles.push(Mover::Moderator);
    }
    if proposal.author.id == user {
        roles.push(Mover::Author);
    }
    let by = proposal.status.mover_for(input.status, &roles);
    if by == Err(MoveRefusal::NotTheirs) {
        return Err(ApiError::Forbidden);
    }
    // Withdrawing is a write like any other (moderators are never suspended where they are).
    writes_in(&state, district, user).await?;
    // A missing note is told before the state: the form needs fixing either way.
    let change = validate::status_change(&input).map_err(ApiError::Validation)?;
    let by = by.map_err(|_| conflict("This proposal's status does not allow that move."))?;
    if !state.store.move_proposal(id, proposal.status, change.status, (user, by), &change.note).await? {
        // Moved (or hidden) by someone else since it was read.
        return Err(match state.store.get_proposal(id, Some(user)).await? {
            Some(_) => conflict("Someone moved this proposal just now; look at it again."),
            None => ApiError::NotFound("proposal"),
        });
    }
    let moved = state.store.get_proposal(id, Some(user)).await?.ok_or(ApiError::NotFound("proposal"))?;
    Ok(Json(moved))
}

/// A proposal's timeline, newest first: every move with who made it and the note, and
/// its author's update notes.
#[utoipa::path(
    get, path = "/api/v1/proposals/{id}/timeline", operation_id = "proposal_timeline", tag = "life",
    params(("id" = i64, Path, description = "Proposal id"), PageParams),
    responses(
        (status = 200, description = "A page of the timeline, newest first", body = Page<TimelineEntry>),
        (status = 400, description = "`bad_request`: bad cursor or limit", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn timeline(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(params): Query<PageParams>,
) -> ApiResult<Json<Page<TimelineEntry>>> {
    let pager = Pager::new("t", params.limit, super::cursor_param(&params.cursor))?;
    if !state.store.proposal_visible(id).await? {
        return Err(ApiError::NotFound("proposal"));
    }
    let items = state.store.timeline(id, pager.start, pager.look_ahead()).await?;
    Ok(Json(pager.page(items, |e| e.id)))
}

/// Rewrites a proposal: its author, while it is open and nobody supports it yet (after
/// that, an update note says what changed). Fields left out stay as they are.
#[utoipa::path(
    patch, path = "/api/v1/proposals/{id}", operation_id = "edit_proposal", tag = "life",
    params(("id" = i64, Path, description = "Proposal id")),
    request_body = ProposalEdit,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The proposal as edited", body = Proposal),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not its author", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`conflict`: it has supports or is no longer open", body = ErrorBody),
        (status = 422, description = "`validation_failed`, with `fields`", body = ErrorBody),
    )
)]
pub async fn edit(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<i64>,
    Json(input): Json<ProposalEdit>,
) -> ApiResult<Json<Proposal>> {
    let user = current.user.id;
    let (proposal, district) = proposal_for(&state, id, user).await?;
    if proposal.author.id != user {
        return Err(ApiError::Forbidden);
    }
    writes_in(&state, district, user).await?;
    let edited = validate::proposal_edit(&proposal, &input).map_err(ApiError::Validation)?;
    if !state.store.edit_proposal(id, user, &edited).await? {
        return Err(conflict(
            "People support this proposal now (or it is no longer open): add an update instead.",
        ));
    }
    let proposal = state.store.get_proposal(id, Some(user)).await?.ok_or(ApiError::NotFound("proposal"))?;
    Ok(Json(proposal))
}

/// Adds an update note to a proposal: its author, at any point of its life.
#[utoipa::path(
    post, path = "/api/v1/proposals/{id}/updates", operation_id = "add_proposal_update", tag = "life",
    params(("id" = i64, Path, description = "Proposal id")),
    request_body = UpdateNote,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The timeline's new entry", body = TimelineEntry),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not its author", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 422, description = "`validation_failed`: the note is missing or too long", body = ErrorBody),
    )
)]
pub async fn add_update(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<i64>,
    Json(input): Json<UpdateNote>,
) -> ApiResult<(StatusCode, Json<TimelineEntry>)> {
    let user = current.user.id;
    let (proposal, district) = proposal_for(&state, id, user).await?;
    if proposal.author.id != user {
        return Err(ApiError::Forbidden);
    }
    writes_in(&state, district, user).await?;
    let update = validate::update_note(&input).map_err(ApiError::Validation)?;
    let added =
        state.store.add_update(id, user, &update.note).await?.ok_or(ApiError::NotFound("proposal"))?;
    let entry = state.store.timeline(id, Some(added + 1), 1).await?.into_iter().next();
    let entry = entry.ok_or_else(|| anyhow::anyhow!("update {added} vanished right after insert"))?;
    Ok((StatusCode::CREATED, Json(entry)))
}

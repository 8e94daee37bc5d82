//! Shops' answers to proposals: where a shop stands, what it says, what it promises.

use axum::extract::State;
use golmok_api::{Answer, AnsweredProposal, ErrorBody, NewAnswer, Page, validate};

use super::{PageParams, Pager};
use crate::{
    AppState,
    auth::CurrentUser,
    db::clock,
    error::{ApiError, ApiResult},
    extract::{Json, Path, Query},
};

/// A proposal's answers from shops, first given first.
#[utoipa::path(
    get, path = "/api/v1/proposals/{id}/answers", operation_id = "list_answers", tag = "answers",
    params(("id" = i64, Path, description = "Proposal id"), PageParams),
    responses(
        (status = 200, description = "A page of answers", body = Page<Answer>),
        (status = 400, description = "`bad_request`: bad cursor or limit", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(params): Query<PageParams>,
) -> ApiResult<Json<Page<Answer>>> {
    let pager = Pager::new("a", params.limit, super::cursor_param(&params.cursor))?;
    if state.store.proposal_district(id).await?.is_none() {
        return Err(ApiError::NotFound("proposal"));
    }
    let items = state.store.list_answers(id, pager.start, pager.look_ahead()).await?;
    Ok(Json(pager.page(items, |a| a.id)))
}

/// A shop's answers to proposals, newest first, each with the proposal it answers.
#[utoipa::path(
    get, path = "/api/v1/shops/{id}/answers", operation_id = "shop_answers", tag = "answers",
    params(("id" = i64, Path, description = "Shop id"), PageParams),
    responses(
        (status = 200, description = "A page of the shop's answers", body = Page<AnsweredProposal>),
        (status = 400, description = "`bad_request`: bad cursor or limit", body = ErrorBody),
        (status = 404, description = "`not_found`: no such listed shop", body = ErrorBody),
    )
)]
pub async fn of_shop(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(params): Query<PageParams>,
) -> ApiResult<Json<Page<AnsweredProposal>>> {
    let pager = Pager::new("sh", params.limit, super::cursor_param(&params.cursor))?;
    state.store.shop(id, clock::seoul_now(), None).await?.ok_or(ApiError::NotFound("shop"))?;
    let items = state.store.answers_of_shop(id, pager.start, pager.look_ahead()).await?;
    Ok(Json(pager.page(items, |a| a.answer.id)))
}

/// Answers a proposal for a shop, or edits the shop's answer: its verified owner only,
/// for a proposal of the shop's own district.
#[utoipa::path(
    put, path = "/api/v1/proposals/{id}/answers/{shop_id}", operation_id = "answer_proposal", tag = "answers",
    params(("id" = i64, Path, description = "Proposal id"), ("shop_id" = i64, Path, description = "Shop id")),
    request_body = NewAnswer,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The shop's answer, new or edited (`updated_at` moves)", body = Answer),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not the shop's verified owner, or a proposal of another district", body = ErrorBody),
        (status = 404, description = "`not_found`: no such proposal or listed shop", body = ErrorBody),
        (status = 422, description = "`validation_failed`, with `fields`", body = ErrorBody),
    )
)]
pub async fn put(
    State(state): State<AppState>,
    current: CurrentUser,
    Path((id, shop_id)): Path<(i64, i64)>,
    Json(input): Json<NewAnswer>,
) -> ApiResult<Json<Answer>> {
    let district = state.store.proposal_district(id).await?.ok_or(ApiError::NotFound("proposal"))?;
    let shop =
        state.store.shop(shop_id, clock::seoul_now(), None).await?.ok_or(ApiError::NotFound("shop"))?;
    if !shop.is_merchant(current.user.id) || shop.district_id != district {
        return Err(ApiError::Forbidden);
    }
    super::moderation::writes_in(&state, district, current.user.id).await?;
    let input = validate::new_answer(&input).map_err(ApiError::Validation)?;
    let answer = state.store.put_answer(id, shop_id, current.user.id, &input).await?;
    answer.map(Json).ok_or(ApiError::NotFound("proposal"))
}

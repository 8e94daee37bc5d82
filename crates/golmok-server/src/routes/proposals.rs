use axum::{extract::State, http::StatusCode};
use golmok_api::{
    ErrorBody, NewProposal, Page, Proposal, ProposalKind, ProposalSort, ProposalStatus, validate,
};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{PageParams, Pager, decode_cursor, encode_cursor, moderated, page_limit, paginate};
use crate::{
    AppState,
    auth::{CurrentUser, MaybeUser},
    db::{ProposalAfter, ProposalFilter},
    error::{ApiError, ApiResult},
    extract::{Json, Path, Query},
};

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProposalListParams {
    /// Only this kind; both when omitted.
    pub kind: Option<ProposalKind>,
    /// Only proposals in this status; all when omitted.
    pub status: Option<ProposalStatus>,
    /// Words the title or the text contains, A to Z in any case ("벽화" finds "골목 벽화를
    /// 다시", "mural" finds "MURAL"; other letters as typed: "é" does not find "É"); up to
    /// 100 characters, blank is no search.
    #[param(max_length = 100, pattern = r"^[^\x00]*$")]
    pub q: Option<String>,
    /// `top` (most supported first, the default), `new` (newest first) or `discussed`
    /// (most comments first).
    pub sort: Option<ProposalSort>,
    /// Only the proposals this shop has not answered yet: the merchant's home. Answers
    /// are public, so anyone may ask.
    pub unanswered_by: Option<i64>,
    /// `next_cursor` of the previous page; omit for the first page.
    pub cursor: Option<String>,
    /// Items per page, 1 to 50 (default 20).
    #[param(minimum = 1, maximum = 50)]
    pub limit: Option<u32>,
}

fn cursor_after(sort: ProposalSort, cursor: &str) -> Result<ProposalAfter, ApiError> {
    Ok(match sort {
        ProposalSort::Top => {
            let n = decode_cursor(cursor, "top", 2)?;
            ProposalAfter::Top { vote_count: n[0], id: n[1] }
        }
        ProposalSort::New => ProposalAfter::New { id: decode_cursor(cursor, "new", 1)?[0] },
        ProposalSort::Discussed => {
            let n = decode_cursor(cursor, "discussed", 2)?;
            ProposalAfter::Discussed { comment_count: n[0], id: n[1] }
        }
    })
}

fn cursor_of(sort: ProposalSort, p: &Proposal) -> String {
    match sort {
        ProposalSort::Top => encode_cursor(&["top".into(), p.vote_count.to_string(), p.id.to_string()]),
        ProposalSort::New => encode_cursor(&["new".into(), p.id.to_string()]),
        ProposalSort::Discussed => {
            encode_cursor(&["discussed".into(), p.comment_count.to_string(), p.id.to_string()])
        }
    }
}

/// A district's proposals.
#[utoipa::path(
    get, path = "/api/v1/districts/{slug}/proposals", operation_id = "list_proposals", tag = "proposals",
    params(("slug" = String, Path, description = "District slug"), ProposalListParams),
    responses(
        (status = 200, description = "A page of proposals; `voted` is set for the caller", body = Page<Proposal>),
        (status = 400, description = "`bad_request`: unknown kind, status or sort, a search over 100 characters, bad cursor or limit", body = ErrorBody),
        (status = 404, description = "`not_found`: no such district", body = ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    viewer: MaybeUser,
    Path(slug): Path<String>,
    Query(params): Query<ProposalListParams>,
) -> ApiResult<Json<Page<Proposal>>> {
    let limit = page_limit(params.limit)?;
    let sort = params.sort.unwrap_or_default();
    let after = super::cursor_param(&params.cursor).map(|c| cursor_after(sort, c)).transpose()?;
    let q = params.q.as_deref().unwrap_or_default();
    if q.chars().count() > golmok_api::SEARCH_MAX || q.contains('\0') {
        return Err(ApiError::BadRequest(format!(
            "q must be at most {} characters, without NUL",
            golmok_api::SEARCH_MAX
        )));
    }
    let search = Some(q.trim()).filter(|q| !q.is_empty());
    let district_id = state.store.district_id(&slug).await?.ok_or(ApiError::NotFound("district"))?;
    let filter = ProposalFilter {
        district_id,
        kind: params.kind,
        status: params.status,
        search: search.map(str::to_owned),
        unanswered_by: params.unanswered_by,
        ready_only: false,
        sort,
        after,
        limit: limit + 1,
        viewer: viewer.id(),
    };
    let items = state.store.list_proposals(&filter).await?;
    Ok(Json(paginate(items, limit, |p| cursor_of(sort, p))))
}

/// The moderators' queue "waiting for an answer": the district's ready proposals
/// (`ready`: open or under review, with the supports and pledges its settings ask for),
/// most supported first (ties: newest first). Not the longest waiting first, as the
/// reports are: when a proposal became ready is not kept, and it may drop out and come
/// back as supports and pledges come and go. A proposal leaves the queue when a
/// moderator accepts or declines it. Its moderators only.
#[utoipa::path(
    get, path = "/api/v1/districts/{slug}/waiting", operation_id = "waiting_proposals", tag = "proposals",
    params(("slug" = String, Path, description = "District slug"), PageParams),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of the district's ready proposals; `voted` is set for the caller", body = Page<Proposal>),
        (status = 400, description = "`bad_request`: bad cursor or limit", body = ErrorBody),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a moderator of this district", body = ErrorBody),
        (status = 404, description = "`not_found`: no such district", body = ErrorBody),
    )
)]
pub async fn waiting(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(slug): Path<String>,
    Query(params): Query<PageParams>,
) -> ApiResult<Json<Page<Proposal>>> {
    let limit = page_limit(params.limit)?;
    // The district list's `top` order and key, under a cursor of its own.
    let after = super::cursor_param(&params.cursor)
        .map(|c| decode_cursor(c, "waiting", 2).map(|n| ProposalAfter::Top { vote_count: n[0], id: n[1] }))
        .transpose()?;
    let district_id = moderated(&state, &slug, &current).await?;
    let filter = ProposalFilter {
        district_id,
        kind: None,
        status: None,
        search: None,
        unanswered_by: None,
        ready_only: true,
        sort: ProposalSort::Top,
        after,
        limit: limit + 1,
        viewer: Some(current.user.id),
    };
    let items = state.store.list_proposals(&filter).await?;
    Ok(Json(paginate(items, limit, |p| {
        encode_cursor(&["waiting".into(), p.vote_count.to_string(), p.id.to_string()])
    })))
}

/// Proposes an event or an improvement.
#[utoipa::path(
    post, path = "/api/v1/districts/{slug}/proposals", operation_id = "create_proposal", tag = "proposals",
    params(("slug" = String, Path, description = "District slug")),
    request_body = NewProposal,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The new proposal, `open`", body = Proposal),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 404, description = "`not_found`: no such district", body = ErrorBody),
        (status = 422, description = "`validation_failed`, with `fields`", body = ErrorBody),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(slug): Path<String>,
    Json(input): Json<NewProposal>,
) -> ApiResult<(StatusCode, Json<Proposal>)> {
    let district_id = state.store.district_id(&slug).await?.ok_or(ApiError::NotFound("district"))?;
    super::moderation::writes_in(&state, district_id, current.user.id).await?;
    let input = validate::new_proposal(&input).map_err(ApiError::Validation)?;
    let id = state.store.create_proposal(district_id, current.user.id, &input).await?;
    let proposal = state
        .store
        .get_proposal(id, Some(current.user.id))
        .await?
        .ok_or_else(|| anyhow::anyhow!("proposal {id} vanished right after insert"))?;
    Ok((StatusCode::CREATED, Json(proposal)))
}

/// One proposal.
#[utoipa::path(
    get, path = "/api/v1/proposals/{id}", operation_id = "get_proposal", tag = "proposals",
    params(("id" = i64, Path, description = "Proposal id")),
    responses(
        (status = 200, description = "The proposal; `voted` is set for the caller", body = Proposal),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    viewer: MaybeUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<Proposal>> {
    state.store.get_proposal(id, viewer.id()).await?.map(Json).ok_or(ApiError::NotFound("proposal"))
}

/// "My proposals": the caller's own, in every district, newest first.
#[utoipa::path(
    get, path = "/api/v1/me/proposals", operation_id = "my_proposals", tag = "proposals",
    params(PageParams),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of the caller's proposals", body = Page<Proposal>),
        (status = 400, description = "`bad_request`: bad cursor or limit", body = ErrorBody),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
    )
)]
pub async fn mine(
    State(state): State<AppState>,
    current: CurrentUser,
    Query(params): Query<PageParams>,
) -> ApiResult<Json<Page<Proposal>>> {
    let pager = Pager::new("mp", params.limit, super::cursor_param(&params.cursor))?;
    let items = state.store.proposals_of(current.user.id, pager.start, pager.look_ahead()).await?;
    Ok(Json(pager.page(items, |p| p.id)))
}

/// "My supports": the proposals the caller supports, in every district, newest first.
#[utoipa::path(
    get, path = "/api/v1/me/supports", operation_id = "my_supports", tag = "proposals",
    params(PageParams),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of the proposals the caller supports", body = Page<Proposal>),
        (status = 400, description = "`bad_request`: bad cursor or limit", body = ErrorBody),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
    )
)]
pub async fn supported(
    State(state): State<AppState>,
    current: CurrentUser,
    Query(params): Query<PageParams>,
) -> ApiResult<Json<Page<Proposal>>> {
    let pager = Pager::new("ms", params.limit, super::cursor_param(&params.cursor))?;
    let items = state.store.supported_by(current.user.id, pager.start, pager.look_ahead()).await?;
    Ok(Json(pager.page(items, |p| p.id)))
}

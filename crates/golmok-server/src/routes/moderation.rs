//! Reports and hiding: anyone signed in reports an item, the district's moderators work
//! through the queue and hide or keep each item with a note; authors see what of theirs
//! was hidden, and why.

use axum::{extract::State, http::StatusCode};
use golmok_api::{
    ErrorBody, HiddenItem, Moderated, NewReport, NewSuspension, Page, Report, ReportTarget, ReportedItem,
    Suspension, Visibility, validate,
};

use super::{PageParams, Pager, moderated};
use crate::{
    AppState,
    auth::CurrentUser,
    db::Decided,
    error::{ApiError, ApiResult},
    extract::{Json, Path, Query},
};

/// Reports an item to its district's moderators, with a reason. Reporting the same item
/// again while the first report waits changes nothing.
#[utoipa::path(
    post, path = "/api/v1/reports", operation_id = "report", tag = "moderation",
    request_body = NewReport,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The report, waiting for the district's moderators", body = Report),
        (status = 200, description = "The caller's report of this item that already waits", body = Report),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 404, description = "`not_found`: no such item, or it is hidden", body = ErrorBody),
        (status = 422, description = "`validation_failed`: the reason is missing or too long", body = ErrorBody),
    )
)]
pub async fn report(
    State(state): State<AppState>,
    current: CurrentUser,
    Json(input): Json<NewReport>,
) -> ApiResult<(StatusCode, Json<Report>)> {
    let place = state.store.item_place(input.target, input.target_id).await?;
    let place = place.filter(|p| !p.gone).ok_or(ApiError::NotFound("item"))?;
    writes_in(&state, place.district_id, current.user.id).await?;
    let input = validate::new_report(&input).map_err(ApiError::Validation)?;
    let (report, new) = state
        .store
        .add_report(place.district_id, input.target, input.target_id, current.user.id, &input.reason)
        .await?;
    Ok((if new { StatusCode::CREATED } else { StatusCode::OK }, Json(report)))
}

/// The district's reported items waiting for a decision, the longest waiting first,
/// each with every reason given (not who gave it): its moderators only.
#[utoipa::path(
    get, path = "/api/v1/districts/{slug}/reports", operation_id = "district_reports", tag = "moderation",
    params(("slug" = String, Path, description = "District slug"), PageParams),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of reported items", body = Page<ReportedItem>),
        (status = 400, description = "`bad_request`: bad cursor or limit", body = ErrorBody),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a moderator of this district", body = ErrorBody),
        (status = 404, description = "`not_found`: no such district", body = ErrorBody),
    )
)]
pub async fn queue(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(slug): Path<String>,
    Query(params): Query<PageParams>,
) -> ApiResult<Json<Page<ReportedItem>>> {
    let pager = Pager::new("r", params.limit, super::cursor_param(&params.cursor))?;
    let district = moderated(&state, &slug, &current).await?;
    let items = state.store.reported_items(district, pager.start, pager.look_ahead()).await?;
    let page = pager.page(items, |(first, _)| *first);
    Ok(Json(Page {
        items: page.items.into_iter().map(|(_, item)| item).collect(),
        next_cursor: page.next_cursor,
    }))
}

/// What of the caller's the moderators hid, and why, the latest first.
#[utoipa::path(
    get, path = "/api/v1/me/hidden", operation_id = "my_hidden", tag = "moderation",
    params(PageParams),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of the caller's hidden items", body = Page<HiddenItem>),
        (status = 400, description = "`bad_request`: bad cursor or limit", body = ErrorBody),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
    )
)]
pub async fn mine(
    State(state): State<AppState>,
    current: CurrentUser,
    Query(params): Query<PageParams>,
) -> ApiResult<Json<Page<HiddenItem>>> {
    let pager = Pager::new("h", params.limit, super::cursor_param(&params.cursor))?;
    let skip = pager.start.unwrap_or(0).max(0);
    let items = state.store.hidden_of(current.user.id, skip, pager.look_ahead()).await?;
    // The cursor is how many came before the next page: the order has no single key.
    let counted: Vec<_> = items.into_iter().zip(skip + 1..).collect();
    let page = pager.page(counted, |(_, n)| *n);
    Ok(Json(Page {
        items: page.items.into_iter().map(|(item, _)| item).collect(),
        next_cursor: page.next_cursor,
    }))
}

/// Hides or shows an item for a moderator of its district, closing its open reports.
async fn decide(
    state: AppState,
    current: CurrentUser,
    target: ReportTarget,
    id: i64,
    input: Visibility,
) -> ApiResult<Json<Moderated>> {
    let place = state.store.item_place(target, id).await?.ok_or(ApiError::NotFound("item"))?;
    if !state.store.is_moderator(place.district_id, current.user.id).await? {
        // Hidden items stay unknown to those who may not see them.
        return Err(if place.gone { ApiError::NotFound("item") } else { ApiError::Forbidden });
    }
    let input = validate::visibility(&input).map_err(ApiError::Validation)?;
    match state.store.set_hidden(target, id, &input, current.user.id).await? {
        Decided::Closed(reports_closed) => Ok(Json(Moderated {
            target,
            target_id: id,
            hidden: input.hidden,
            note: input.note,
            reports_closed,
        })),
        Decided::Changed => Err(ApiError::Conflict {
            code: golmok_api::error_code::CONFLICT,
            message: "Another moderator decided on it meanwhile; look again.".to_owned(),
        }),
    }
}

macro_rules! hide_route {
    ($name:ident, $target:expr, $path:literal, $op:literal, $what:literal) => {
        #[doc = concat!("Hides (with the note its author reads) or shows ", $what, ": a moderator of its district. Its open reports close with the decision.")]
        #[utoipa::path(
            put, path = $path, operation_id = $op, tag = "moderation",
            params(("id" = i64, Path, description = "Item id")),
            request_body = Visibility,
            security(("bearer" = [])),
            responses(
                (status = 200, description = "The decision", body = Moderated),
                (status = 401, description = "`unauthorized`", body = ErrorBody),
                (status = 403, description = "`forbidden`: not a moderator of its district", body = ErrorBody),
                (status = 404, description = "`not_found`", body = ErrorBody),
                (status = 409, description = "`conflict`: no longer hidden or shown as `was_hidden` says", body = ErrorBody),
                (status = 422, description = "`validation_failed`: hiding without a note, or a note too long", body = ErrorBody),
            )
        )]
        pub async fn $name(
            State(state): State<AppState>,
            current: CurrentUser,
            Path(id): Path<i64>,
            Json(input): Json<Visibility>,
        ) -> ApiResult<Json<Moderated>> {
            decide(state, current, $target, id, input).await
        }
    };
}

hide_route!(
    hide_proposal,
    ReportTarget::Proposal,
    "/api/v1/proposals/{id}/hidden",
    "hide_proposal",
    "a proposal"
);
hide_route!(hide_comment, ReportTarget::Comment, "/api/v1/comments/{id}/hidden", "hide_comment", "a comment");
hide_route!(
    hide_answer,
    ReportTarget::Answer,
    "/api/v1/answers/{id}/hidden",
    "hide_answer",
    "a shop's answer"
);
hide_route!(
    hide_announcement,
    ReportTarget::Announcement,
    "/api/v1/announcements/{id}/hidden",
    "hide_announcement",
    "an announcement"
);

/// 403 `suspended` if the district's moderators suspended `user_id` from writing there:
/// every write in a district asks this first.
pub async fn writes_in(state: &AppState, district_id: i64, user_id: i64) -> ApiResult<()> {
    if state.store.is_suspended(district_id, user_id).await? { Err(ApiError::Suspended) } else { Ok(()) }
}

/// Stops an account from writing in the district (proposing, supporting, commenting,
/// answering, announcing, reporting), with a note on why; it still reads, and writes
/// elsewhere. Suspending again replaces the note. The district's moderators only, and
/// never one of them.
#[utoipa::path(
    put, path = "/api/v1/districts/{slug}/suspensions/{user_id}", operation_id = "suspend", tag = "moderation",
    params(("slug" = String, Path, description = "District slug"), ("user_id" = i64, Path, description = "The account")),
    request_body = NewSuspension,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The suspension", body = Suspension),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a moderator of this district", body = ErrorBody),
        (status = 404, description = "`not_found`: no such district or account", body = ErrorBody),
        (status = 409, description = "`conflict`: the account moderates this district", body = ErrorBody),
        (status = 422, description = "`validation_failed`: the note is missing or too long", body = ErrorBody),
    )
)]
pub async fn suspend(
    State(state): State<AppState>,
    current: CurrentUser,
    Path((slug, user_id)): Path<(String, i64)>,
    Json(input): Json<NewSuspension>,
) -> ApiResult<Json<Suspension>> {
    let district = moderated(&state, &slug, &current).await?;
    let input = validate::new_suspension(&input).map_err(ApiError::Validation)?;
    if !state.store.user_exists(user_id).await? {
        return Err(ApiError::NotFound("account"));
    }
    if state.store.is_moderator(district, user_id).await? {
        return Err(ApiError::Conflict {
            code: golmok_api::error_code::CONFLICT,
            message: "A moderator of this district cannot be suspended from it; remove the role first."
                .to_owned(),
        });
    }
    Ok(Json(state.store.suspend(district, user_id, &input.note, current.user.id).await?))
}

/// Lets a suspended account write in the district again: its moderators only.
#[utoipa::path(
    delete, path = "/api/v1/districts/{slug}/suspensions/{user_id}", operation_id = "lift_suspension", tag = "moderation",
    params(("slug" = String, Path, description = "District slug"), ("user_id" = i64, Path, description = "The account")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "It may write here again"),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a moderator of this district", body = ErrorBody),
        (status = 404, description = "`not_found`: no such district, or the account is not suspended here", body = ErrorBody),
    )
)]
pub async fn lift(
    State(state): State<AppState>,
    current: CurrentUser,
    Path((slug, user_id)): Path<(String, i64)>,
) -> ApiResult<StatusCode> {
    let district = moderated(&state, &slug, &current).await?;
    if state.store.lift_suspension(district, user_id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound("suspension"))
    }
}

/// The district's suspended accounts, by account: its moderators only.
#[utoipa::path(
    get, path = "/api/v1/districts/{slug}/suspensions", operation_id = "suspensions", tag = "moderation",
    params(("slug" = String, Path, description = "District slug"), PageParams),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of suspensions", body = Page<Suspension>),
        (status = 400, description = "`bad_request`: bad cursor or limit", body = ErrorBody),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a moderator of this district", body = ErrorBody),
        (status = 404, description = "`not_found`: no such district", body = ErrorBody),
    )
)]
pub async fn suspensions(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(slug): Path<String>,
    Query(params): Query<PageParams>,
) -> ApiResult<Json<Page<Suspension>>> {
    let pager = Pager::new("s", params.limit, super::cursor_param(&params.cursor))?;
    let district = moderated(&state, &slug, &current).await?;
    let items = state.store.suspensions(district, pager.start, pager.look_ahead()).await?;
    Ok(Json(pager.page(items, |s| s.user.id)))
}

/// [`writes_in`] the district of proposal `id`; nothing to refuse if there is no such
/// (visible) proposal, which the write itself answers with 404.
pub async fn writes_on_proposal(state: &AppState, id: i64, user_id: i64) -> ApiResult<()> {
    match state.store.proposal_district(id).await? {
        Some(district) => writes_in(state, district, user_id).await,
        None => Ok(()),
    }
}

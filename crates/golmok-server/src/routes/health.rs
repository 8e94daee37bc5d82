use axum::extract::State;
use golmok_api::{ErrorBody, Health};

use crate::{AppState, error::ApiResult, extract::Json};

/// Liveness and readiness: answers 200 only while the database answers.
#[utoipa::path(
    get, path = "/api/v1/health", operation_id = "health", tag = "meta",
    responses(
        (status = 200, description = "The server and its database are up", body = Health),
        (status = 503, description = "The database does not answer", body = ErrorBody),
    )
)]
pub async fn health(State(state): State<AppState>) -> ApiResult<Json<Health>> {
    state.store.ping().await?;
    Ok(Json(Health { status: "ok".to_owned(), version: env!("CARGO_PKG_VERSION").to_owned() }))
}

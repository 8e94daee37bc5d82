use axum::extract::State;
use golmok_api::{ErrorBody, Health};

use crate::{
    AppState,
    error::{ApiError, ApiResult},
    extract::Json,
};

/// A load balancer asks often and waits little: a database that has not answered in this
/// long is as good as down.
const PING_PATIENCE: std::time::Duration = std::time::Duration::from_secs(2);

/// Liveness and readiness: answers 200 only while the database answers.
#[utoipa::path(
    get, path = "/api/v1/health", operation_id = "health", tag = "meta",
    responses(
        (status = 200, description = "The server and its database are up", body = Health),
        (status = 503, description = "The database does not answer", body = ErrorBody),
    )
)]
pub async fn health(State(state): State<AppState>) -> ApiResult<Json<Health>> {
    match tokio::time::timeout(PING_PATIENCE, state.store.ping()).await {
        Ok(Ok(())) => {}
        Ok(Err(error)) => {
            tracing::warn!(%error, "health: the database does not answer");
            return Err(ApiError::Unavailable);
        }
        Err(_) => return Err(ApiError::Unavailable),
    }
    let database = match state.store.engine() {
        crate::db::Engine::Sqlite => "sqlite",
        crate::db::Engine::Postgres => "postgresql",
    };
    Ok(Json(Health {
        status: "ok".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        database: database.to_owned(),
    }))
}

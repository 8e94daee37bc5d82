//! The one error type of the API and how each case reaches the client.
//!
//! Handlers return `Result<_, ApiError>`; everything a client can cause maps to a 4xx with
//! the contract's `ErrorBody`. `Internal` is for bugs and broken infrastructure only: it is
//! logged with its cause and answered with a generic message, so internals never leak.

use axum::{
    Json,
    extract::Request,
    http::{HeaderValue, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use golmok_api::{ErrorBody, ErrorDetail, FieldError, error_code};

use crate::db::StoreError;

#[derive(Debug)]
pub enum ApiError {
    BadRequest(String),
    Validation(Vec<FieldError>),
    /// No usable bearer token.
    Unauthorized,
    /// Login with an unknown email or a wrong password; deliberately the same answer.
    InvalidCredentials,
    Forbidden,
    /// The district's moderators suspended the caller from writing there.
    Suspended,
    NotFound(&'static str),
    MethodNotAllowed,
    Conflict {
        code: &'static str,
        message: String,
    },
    PayloadTooLarge,
    UnsupportedMediaType,
    /// The database or the password hashing capacity is saturated; the client may retry.
    Unavailable,
    /// The request, body included, took longer than the server allows.
    RequestTimeout,
    /// Too many tries too fast: come back in `retry_after` seconds.
    RateLimited {
        retry_after: u64,
    },
    Internal(anyhow::Error),
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn email_taken() -> Self {
        ApiError::Conflict {
            code: error_code::EMAIL_TAKEN,
            message: "An account with this email already exists.".to_owned(),
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Unauthorized | ApiError::InvalidCredentials => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden | ApiError::Suspended => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Conflict { .. } => StatusCode::CONFLICT,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest(_) => error_code::BAD_REQUEST,
            ApiError::Validation(_) => error_code::VALIDATION_FAILED,
            ApiError::Unauthorized => error_code::UNAUTHORIZED,
            ApiError::InvalidCredentials => error_code::INVALID_CREDENTIALS,
            ApiError::Forbidden => error_code::FORBIDDEN,
            ApiError::Suspended => error_code::SUSPENDED,
            ApiError::NotFound(_) => error_code::NOT_FOUND,
            ApiError::MethodNotAllowed => error_code::METHOD_NOT_ALLOWED,
            ApiError::Conflict { code, .. } => code,
            ApiError::PayloadTooLarge => error_code::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => error_code::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unavailable => error_code::UNAVAILABLE,
            ApiError::RequestTimeout => error_code::REQUEST_TIMEOUT,
            ApiError::RateLimited { .. } => error_code::RATE_LIMITED,
            ApiError::Internal(_) => error_code::INTERNAL,
        }
    }

    fn message(&self) -> String {
        match self {
            ApiError::BadRequest(m) => m.clone(),
            ApiError::Validation(fields) if fields.is_empty() => {
                "The request body does not have the expected shape.".to_owned()
            }
            ApiError::Validation(fields) => {
                fields.iter().map(FieldError::describe).collect::<Vec<_>>().join("; ")
            }
            ApiError::Unauthorized => "Sign in first: a valid bearer token is required.".to_owned(),
            ApiError::InvalidCredentials => "Email or password is not correct.".to_owned(),
            ApiError::Forbidden => "You are not allowed to do this.".to_owned(),
            ApiError::Suspended => {
                "The district's moderators suspended this account from writing here.".to_owned()
            }
            ApiError::NotFound(what) => format!("No such {what}."),
            ApiError::MethodNotAllowed => "This method is not allowed here.".to_owned(),
            ApiError::Conflict { message, .. } => message.clone(),
            ApiError::PayloadTooLarge => "The request body is too large.".to_owned(),
            ApiError::UnsupportedMediaType => "Send JSON with `Content-Type: application/json`.".to_owned(),
            ApiError::Unavailable => "The server is busy; try again in a moment.".to_owned(),
            ApiError::RequestTimeout => "The request took too long; try again.".to_owned(),
            ApiError::RateLimited { retry_after } => {
                format!("Too many tries too fast; try again in {retry_after} seconds.")
            }
            ApiError::Internal(_) => "Something went wrong on our side.".to_owned(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match &self {
            ApiError::Internal(e) => tracing::error!(error = ?e, "internal error"),
            ApiError::Unavailable => tracing::warn!("service unavailable: server busy"),
            _ => {}
        }
        let status = self.status();
        let fields = match &self {
            ApiError::Validation(fields) => fields.clone(),
            _ => Vec::new(),
        };
        let body = ErrorBody {
            error: ErrorDetail { code: self.code().to_owned(), message: self.message(), fields },
        };
        let mut res = (status, Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            res.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        if let ApiError::RateLimited { retry_after } = self {
            res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
        }
        res
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict(what) => ApiError::Conflict {
                code: error_code::CONFLICT,
                message: format!("This {what} already exists."),
            },
            StoreError::Missing => ApiError::NotFound("resource"),
            StoreError::Busy => ApiError::Unavailable,
            StoreError::Other(e) => ApiError::Internal(e.into()),
        }
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(e: anyhow::Error) -> Self {
        ApiError::Internal(e)
    }
}

/// Turns every error answer under `/api` that is not already ours (unknown route, wrong
/// method, a body refused by a limit layer) into the contract's JSON error, so clients
/// can always parse errors the same way.
pub async fn json_errors(req: Request, next: Next) -> Response {
    let is_api = crate::web::is_api_path(req.uri().path());
    let res = next.run(req).await;
    let status = res.status();
    if !is_api || !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json {
        return res;
    }
    let error = match status {
        StatusCode::NOT_FOUND => ApiError::NotFound("route"),
        StatusCode::METHOD_NOT_ALLOWED => ApiError::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::UnsupportedMediaType,
        StatusCode::UNAUTHORIZED => ApiError::Unauthorized,
        StatusCode::FORBIDDEN => ApiError::Forbidden,
        StatusCode::SERVICE_UNAVAILABLE => ApiError::Unavailable,
        StatusCode::REQUEST_TIMEOUT => ApiError::RequestTimeout,
        s if s.is_server_error() => ApiError::Internal(anyhow::anyhow!("{s} from a layer")),
        s => ApiError::BadRequest(s.canonical_reason().unwrap_or("Bad request").to_owned()),
    };
    let mut out = error.into_response();
    // Keep the status (e.g. 408) and headers such as `Allow` that the layer chose.
    *out.status_mut() = status;
    for (name, value) in res.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH && !out.headers().contains_key(name)
        {
            out.headers_mut().insert(name.clone(), value.clone());
        }
    }
    out
}

//! What can go wrong talking to the API, in terms a page can act on.

use gloo_net::http::Response;
use golmok_api::{ErrorBody, FieldError, error_code};

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The request never got an answer: offline, DNS, CORS, server down.
    Network,
    /// No answer within the client's timeout.
    Timeout,
    /// The server answered with an error status and (usually) the uniform error body.
    /// `wait`: seconds to wait before trying again (a 429's `Retry-After`), else 0.
    Status { status: u16, code: String, fields: Vec<FieldError>, wait: u32 },
    /// The server answered something that is not the promised JSON.
    Decode,
}

impl ApiError {
    pub(super) fn from_transport(err: gloo_net::Error) -> Self {
        match err {
            gloo_net::Error::JsError(js) if js.name == "TimeoutError" || js.name == "AbortError" => {
                ApiError::Timeout
            }
            _ => ApiError::Network,
        }
    }

    /// What the server answers for what does not exist, for a page that knows before asking.
    pub fn not_found() -> Self {
        ApiError::Status {
            status: 404,
            code: golmok_api::error_code::NOT_FOUND.to_owned(),
            fields: Vec::new(),
            wait: 0,
        }
    }

    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Status { status, .. } => Some(*status),
            _ => None,
        }
    }

    pub fn code(&self) -> Option<&str> {
        match self {
            ApiError::Status { code, .. } => Some(code),
            _ => None,
        }
    }

    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404)
    }

    pub fn is_unauthorized(&self) -> bool {
        self.status() == Some(401) && self.code() != Some(error_code::INVALID_CREDENTIALS)
    }

    /// Field problems of a 422, for showing next to the inputs.
    pub fn fields(&self) -> &[FieldError] {
        match self {
            ApiError::Status { fields, .. } => fields,
            _ => &[],
        }
    }
}

/// Passes a success response through; turns an error status into `ApiError::Status`.
pub(super) async fn check(response: Response) -> Result<Response, ApiError> {
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    let wait = response.headers().get("retry-after").and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = response.text().await.ok().and_then(|text| crate::json::parse::<ErrorBody>(&text));
    let (code, fields) = match body {
        Some(body) => (body.error.code, body.error.fields),
        // A proxy's HTML error page, say: keep the status, which is what matters.
        None => (String::new(), Vec::new()),
    };
    Err(ApiError::Status { status, code, fields, wait })
}

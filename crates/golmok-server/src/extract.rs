//! Extractors whose rejections are `ApiError`s, so a malformed request gets the same JSON
//! error shape as everything else instead of axum's plain-text rejections.

use axum::{
    body::Bytes,
    extract::{FromRequest, FromRequestParts, Request},
    http::{header, request::Parts},
    response::{IntoResponse, Response},
};
use golmok_api::{FieldError, FieldErrorCode};
use serde::{Serialize, de::DeserializeOwned};

use crate::error::ApiError;

/// JSON body in, JSON body out.
///
/// Malformed JSON is 400, well-formed JSON of the wrong shape is 422 with the offending
/// field named (found with `serde_path_to_error`), a missing content type 415, and a body
/// over the limit 413.
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !has_json_content_type(&req) {
            return Err(ApiError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::PayloadTooLarge
            } else {
                ApiError::BadRequest(rejection.body_text())
            }
        })?;
        parse_json(&bytes).map(Json)
    }
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

fn has_json_content_type(req: &Request) -> bool {
    let Some(value) = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    essence == "application/json" || (essence.starts_with("application/") && essence.ends_with("+json"))
}

fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    // Syntax first, on its own: serde reports some well-formed values of the wrong type
    // (`"kind": {}` for an enum) as syntax errors when it reads text straight into a type.
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| ApiError::BadRequest(format!("Malformed JSON: {e}")))?;
    // Every body of the contract is an object; serde would read an array into a struct
    // field by field.
    if !value.is_object() {
        return Err(ApiError::Validation(Vec::new()));
    }
    serde_path_to_error::deserialize(value).map_err(|err| {
        let path = err.path().to_string();
        ApiError::Validation(field_error(&path, err.inner()))
    })
}

/// Names the field a serde data error is about, in the contract's terms.
fn field_error(path: &str, err: &serde_json::Error) -> Vec<FieldError> {
    let message = err.to_string();
    // serde reports a missing field at its parent's path, naming it in backticks.
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or_default();
        let field = if path == "." { name.to_owned() } else { format!("{path}.{name}") };
        return vec![FieldError { field, code: FieldErrorCode::Required, limit: None }];
    }
    if path == "." {
        // The body as a whole has the wrong type (e.g. an array): no single field to blame.
        return Vec::new();
    }
    let code = if message.starts_with("invalid type: null") {
        FieldErrorCode::Required
    } else {
        FieldErrorCode::Invalid
    };
    vec![FieldError { field: path.to_owned(), code, limit: None }]
}

/// Query string; anything it cannot parse (unknown `kind`, `limit=abc`) is a 400.
pub struct Query<T>(pub T);

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| Query(q.0))
            .map_err(|e| ApiError::BadRequest(e.body_text()))
    }
}

/// Path parameters; one that cannot parse (a non-numeric id) names nothing that exists,
/// so it is a 404 rather than a 400.
pub struct Path<T>(pub T);

impl<T, S> FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| Path(p.0))
            .map_err(|_| ApiError::NotFound("resource"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use golmok_api::NewProposal;

    fn fields(e: ApiError) -> Vec<(String, FieldErrorCode)> {
        match e {
            ApiError::Validation(f) => f.into_iter().map(|f| (f.field, f.code)).collect(),
            other => panic!("expected validation error, got {other:?}"),
        }
    }

    #[test]
    fn missing_field_is_required() {
        let e = parse_json::<NewProposal>(br#"{"kind":"event","body":"x"}"#).err().unwrap();
        assert_eq!(fields(e), vec![("title".to_owned(), FieldErrorCode::Required)]);
    }

    #[test]
    fn unknown_enum_is_invalid() {
        let e = parse_json::<NewProposal>(br#"{"kind":"party","title":"a","body":"b"}"#).err().unwrap();
        assert_eq!(fields(e), vec![("kind".to_owned(), FieldErrorCode::Invalid)]);
    }

    #[test]
    fn syntax_error_is_bad_request() {
        assert!(matches!(parse_json::<NewProposal>(b"{\"kind\":"), Err(ApiError::BadRequest(_))));
        let trailing = parse_json::<golmok_api::NewComment>(br#"{"body":"x"} x"#);
        assert!(matches!(trailing, Err(ApiError::BadRequest(_))));
    }

    #[test]
    fn well_formed_json_of_the_wrong_type_is_a_validation_error() {
        for kind in ["{}", "0", "false", "null", "[]"] {
            let body = format!(r#"{{"kind":{kind},"title":"ab","body":"0123456789a"}}"#);
            let e = parse_json::<NewProposal>(body.as_bytes()).err().unwrap();
            let code = if kind == "null" { FieldErrorCode::Required } else { FieldErrorCode::Invalid };
            assert_eq!(fields(e), vec![("kind".to_owned(), code)], "{kind}");
        }
    }

    #[test]
    fn a_body_that_is_not_an_object_is_refused_whole() {
        for body in [&b"[]"[..], b"[null]", br#"["a comment"]"#, b"\"text\"", b"7", b"null"] {
            let e = parse_json::<golmok_api::NewComment>(body).err().unwrap();
            assert!(
                matches!(&e, ApiError::Validation(f) if f.is_empty()),
                "{}",
                String::from_utf8_lossy(body)
            );
        }
    }
}

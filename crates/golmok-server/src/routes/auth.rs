use axum::{extract::State, http::StatusCode};
use golmok_api::{AuthResponse, DeleteAccount, ErrorBody, LoginRequest, RegisterRequest, User, validate};

use crate::{
    AppState,
    auth::{self, CurrentUser, Leaving},
    db::{Deletion, StoreError},
    error::{ApiError, ApiResult},
    extract::Json,
    limits::{self, ClientAddress},
};

async fn start_session(state: &AppState, mut user: User) -> ApiResult<AuthResponse> {
    let (token, token_hash) = auth::new_token()?;
    state.store.create_session(user.id, &token_hash).await?;
    user.roles = state.store.roles(user.id).await?;
    Ok(AuthResponse { token, user })
}

/// Creates an account and signs it in.
#[utoipa::path(
    post, path = "/api/v1/auth/register", operation_id = "register", tag = "auth",
    request_body = RegisterRequest,
    responses(
        (status = 201, description = "Account created; the token is signed in", body = AuthResponse),
        (status = 409, description = "`email_taken`", body = ErrorBody),
        (status = 422, description = "`validation_failed`, with `fields`", body = ErrorBody),
        (status = 503, description = "`unavailable`: too many sign-ups or sign-ins at once; retry", body = ErrorBody),
    )
)]
pub async fn register(
    State(state): State<AppState>,
    Json(input): Json<RegisterRequest>,
) -> ApiResult<(StatusCode, Json<AuthResponse>)> {
    let input = validate::register(&input).map_err(ApiError::Validation)?;
    let hash = state.passwords.hash(input.password).await?;
    let user =
        state.store.create_user(&input.email, &hash, &input.display_name).await.map_err(|e| match e {
            StoreError::Conflict(_) => ApiError::email_taken(),
            other => other.into(),
        })?;
    Ok((StatusCode::CREATED, Json(start_session(&state, user).await?)))
}

/// Signs in with email and password.
#[utoipa::path(
    post, path = "/api/v1/auth/login", operation_id = "login", tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = AuthResponse),
        (status = 401, description = "`invalid_credentials`: unknown email or wrong password", body = ErrorBody),
        (status = 422, description = "`validation_failed`: email or password missing", body = ErrorBody),
        (status = 503, description = "`unavailable`: too many sign-ups or sign-ins at once; retry", body = ErrorBody),
    )
)]
pub async fn login(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    Json(input): Json<LoginRequest>,
) -> ApiResult<Json<AuthResponse>> {
    let input = validate::login(&input).map_err(ApiError::Validation)?;
    // Guessing one account's password slows down to a few tries a quarter hour, and the
    // same holds for an email with no account: the answers must not tell them apart.
    // `validate::login` lower-cased the email, as emails are stored.
    let email = input.email;
    let found = state.store.find_user_by_email(&email).await?;
    let (user, hash) = match found {
        Some((user, hash)) => (Some(user), Some(hash)),
        None => (None, None),
    };
    let ok = password_is_right(&state, client, &email, input.password, hash).await?;
    match user {
        Some(user) if ok => Ok(Json(start_session(&state, user).await?)),
        _ => Err(ApiError::InvalidCredentials),
    }
}

/// Checks a password for `email` (its stored hash, or none for an unknown email), counted
/// against the email's failed logins first (`limits::spend_password_try`): past them it
/// is 429 without checking, so guessing slows down; a right one gives its tries back.
async fn password_is_right(
    state: &AppState,
    client: std::net::IpAddr,
    email: &str,
    password: String,
    stored: Option<String>,
) -> ApiResult<bool> {
    limits::spend_password_try(state, email, client).await?;
    let ok = state.passwords.verify(password, stored).await?;
    if ok {
        limits::refund_password_try(state, email, client).await?;
    }
    Ok(ok)
}

/// Revokes the token used for this request.
#[utoipa::path(
    post, path = "/api/v1/auth/logout", operation_id = "logout", tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Signed out; the token no longer works"),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
    )
)]
pub async fn logout(State(state): State<AppState>, Leaving(current): Leaving) -> ApiResult<StatusCode> {
    state.store.delete_session(&current.token_hash).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The signed-in user.
#[utoipa::path(
    get, path = "/api/v1/auth/me", operation_id = "me", tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The signed-in user, with `roles`", body = User),
        (status = 401, description = "`unauthorized`", body = ErrorBody),
    )
)]
pub async fn me(State(state): State<AppState>, current: CurrentUser) -> ApiResult<Json<User>> {
    let mut user = current.user;
    user.roles = state.store.roles(user.id).await?;
    Ok(Json(user))
}

/// Deletes the caller's account, with its password: email and name erased, every session
/// ended, shop claims (and the unlisted shops they added), follows, roles and shop
/// ownership (with the shops' phone and KakaoTalk link) gone; what it wrote stays under
/// "탈퇴한 사용자 · former member". A district's last moderator appoints another first.
#[utoipa::path(
    delete, path = "/api/v1/auth/me", operation_id = "delete_account", tag = "auth",
    request_body = DeleteAccount,
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Deleted; its tokens no longer work"),
        (status = 401, description = "`unauthorized`, or `invalid_credentials`: not its password (counted as a failed login of its email)", body = ErrorBody),
        (status = 409, description = "`conflict`: the last moderator of a district", body = ErrorBody),
        (status = 422, description = "`validation_failed`: no password", body = ErrorBody),
    )
)]
pub async fn delete_me(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    Leaving(current): Leaving,
    Json(input): Json<DeleteAccount>,
) -> ApiResult<StatusCode> {
    let input = validate::delete_account(&input).map_err(ApiError::Validation)?;
    let hash = state.store.find_user_by_email(&current.user.email).await?.map(|(_, hash)| hash);
    // A stolen token must not become a way to guess the password faster than logging in.
    if !password_is_right(&state, client, &current.user.email, input.password, hash).await? {
        return Err(ApiError::InvalidCredentials);
    }
    match state.store.delete_account(current.user.id).await? {
        Deletion::Deleted => Ok(StatusCode::NO_CONTENT),
        Deletion::LastModerator => Err(ApiError::Conflict {
            code: golmok_api::error_code::CONFLICT,
            message: "The last moderator of a district cannot leave it without one; appoint another first."
                .to_owned(),
        }),
    }
}

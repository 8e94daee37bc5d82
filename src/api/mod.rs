//! The typed client of the Golmok JSON API. Pages call these methods and never build
//! URLs or parse bodies themselves.

mod error;

pub use error::ApiError;

use std::sync::Arc;

use gloo_net::http::{Method, RequestBuilder, Response};
use golmok_api::{
    Answer, AuthResponse, Comment, District, LoginRequest, NewComment, NewProposal, Page, Proposal,
    ProposalKind, ProposalSort, RegisterRequest, User, VoteState,
};
use leptos::prelude::*;
use serde::{Serialize, de::DeserializeOwned};

use crate::state::session::Session;

/// A request that takes longer than this is given up, so a stalled mobile connection
/// ends in a retry button instead of an endless spinner.
const TIMEOUT_MS: u32 = 15_000;

/// What `GET …/proposals` is asked for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProposalQuery {
    pub kind: Option<ProposalKind>,
    pub sort: ProposalSort,
    pub cursor: Option<String>,
}

#[derive(Clone)]
pub struct Api {
    root: Arc<str>,
    session: Session,
}

/// The client provided by `App`.
pub fn use_api() -> Api {
    expect_context::<Api>()
}

impl Api {
    pub fn new(root: impl Into<Arc<str>>, session: Session) -> Self {
        Api { root: root.into(), session }
    }

    pub async fn districts(&self) -> Result<Page<District>, ApiError> {
        self.get("/districts").await
    }

    pub async fn district(&self, slug: &str) -> Result<District, ApiError> {
        self.get(&format!("/districts/{}", encode(slug))).await
    }

    pub async fn proposals(&self, district: &str, query: &ProposalQuery) -> Result<Page<Proposal>, ApiError> {
        let mut path = format!("/districts/{}/proposals?sort={}", encode(district), query.sort.as_str());
        if let Some(kind) = query.kind {
            path.push_str("&kind=");
            path.push_str(kind.as_str());
        }
        if let Some(cursor) = &query.cursor {
            path.push_str("&cursor=");
            path.push_str(&encode(cursor));
        }
        self.get(&path).await
    }

    pub async fn proposal(&self, id: i64) -> Result<Proposal, ApiError> {
        self.get(&format!("/proposals/{id}")).await
    }

    pub async fn create_proposal(&self, district: &str, new: &NewProposal) -> Result<Proposal, ApiError> {
        self.send(Method::POST, &format!("/districts/{}/proposals", encode(district)), Some(new)).await
    }

    /// Supports (`true`) or withdraws support (`false`); both are idempotent.
    pub async fn vote(&self, proposal: i64, support: bool) -> Result<VoteState, ApiError> {
        let method = if support { Method::PUT } else { Method::DELETE };
        self.send(method, &format!("/proposals/{proposal}/vote"), None::<&()>).await
    }

    /// Shops' answers to a proposal; one page holds every shop of a district.
    pub async fn answers(&self, proposal: i64) -> Result<Page<Answer>, ApiError> {
        self.get(&format!("/proposals/{proposal}/answers?limit=50")).await
    }

    pub async fn comments(&self, proposal: i64, cursor: Option<&str>) -> Result<Page<Comment>, ApiError> {
        let mut path = format!("/proposals/{proposal}/comments");
        if let Some(cursor) = cursor {
            path.push_str("?cursor=");
            path.push_str(&encode(cursor));
        }
        self.get(&path).await
    }

    pub async fn create_comment(&self, proposal: i64, new: &NewComment) -> Result<Comment, ApiError> {
        self.send(Method::POST, &format!("/proposals/{proposal}/comments"), Some(new)).await
    }

    pub async fn register(&self, req: &RegisterRequest) -> Result<AuthResponse, ApiError> {
        self.send(Method::POST, "/auth/register", Some(req)).await
    }

    pub async fn login(&self, req: &LoginRequest) -> Result<AuthResponse, ApiError> {
        self.send(Method::POST, "/auth/login", Some(req)).await
    }

    pub async fn me(&self) -> Result<User, ApiError> {
        self.get("/auth/me").await
    }

    /// Revokes `token` on the server. The session has already forgotten it: logging out
    /// must not wait for the network.
    pub async fn logout(&self, token: String) -> Result<(), ApiError> {
        let response = self.request_as(Method::POST, "/auth/logout", None::<&()>, Some(token)).await?;
        error::check(response).await.map(drop)
    }

    async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        self.send(Method::GET, path, None::<&()>).await
    }

    async fn send<T: DeserializeOwned, B: Serialize>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
    ) -> Result<T, ApiError> {
        let response = error::check(self.request(method, path, body).await?).await?;
        error::decode(&response).await.ok_or(ApiError::Decode)
    }

    async fn request<B: Serialize>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
    ) -> Result<Response, ApiError> {
        self.request_as(method, path, body, self.session.token_untracked()).await
    }

    /// A request with `sent` as its token, the session's or, for logout, one it forgot.
    async fn request_as<B: Serialize>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
        sent: Option<String>,
    ) -> Result<Response, ApiError> {
        let url = format!("{}{path}", self.root);
        if method == Method::GET
            && let Some(response) = prefetched(&url, sent.as_deref()).await
        {
            return Ok(Response::from(response));
        }
        let signal = web_sys::AbortSignal::timeout_with_u32(TIMEOUT_MS);
        let mut builder = RequestBuilder::new(&url)
            .method(method)
            .header("Accept", "application/json")
            .abort_signal(Some(&signal));
        if let Some(token) = &sent {
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        let request = match body {
            Some(body) => {
                let json = crate::json::stringify(body).ok_or(ApiError::Decode)?;
                builder.header("Content-Type", "application/json").body(json)
            }
            None => builder.build(),
        }
        .map_err(|_| ApiError::Network)?;
        let response = request.send().await.map_err(ApiError::from_transport)?;
        // The token was revoked or expired: forget it so the UI offers a fresh login. Not
        // when the 401 is about a password typed at login, nor when the person has
        // logged in afresh since this request left.
        let about_credentials = path.starts_with("/auth/login") || path.starts_with("/auth/register");
        if response.status() == 401
            && !about_credentials
            && sent.is_some()
            && sent == self.session.token_untracked()
        {
            self.session.forget();
        }
        Ok(response)
    }
}

/// The answer to a GET that public/boot.js made while the wasm was still downloading (the
/// district page's two), if it asked for this very URL with this very token: taken once,
/// so a retry asks the server afresh. A failed prefetch is no answer: the app asks itself.
async fn prefetched(url: &str, token: Option<&str>) -> Option<web_sys::Response> {
    use js_sys::Reflect;
    use wasm_bindgen::{JsCast as _, JsValue};

    let window: JsValue = web_sys::window()?.into();
    let store = Reflect::get(&window, &"golmokPrefetch".into()).ok().filter(JsValue::is_object)?;
    let key = JsValue::from_str(url);
    let entry = Reflect::get(&store, &key).ok().filter(JsValue::is_object)?;
    let _ = Reflect::delete_property(store.unchecked_ref::<js_sys::Object>(), &key);
    if Reflect::get(&entry, &"token".into()).ok()?.as_string().as_deref() != token {
        return None;
    }
    let answer: js_sys::Promise = Reflect::get(&entry, &"response".into()).ok()?.dyn_into().ok()?;
    wasm_bindgen_futures::JsFuture::from(answer).await.ok()?.dyn_into().ok()
}

fn encode(part: &str) -> String {
    String::from(js_sys::encode_uri_component(part))
}

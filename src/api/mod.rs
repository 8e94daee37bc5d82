//! The typed client of the Golmok JSON API. Pages call these methods and never build
//! URLs or parse bodies themselves.

mod error;

pub use error::ApiError;

use std::sync::Arc;

use gloo_net::http::{Method, RequestBuilder, Response};
use golmok_api::{
    Announcement, AnnouncementUpdate, Answer, AnsweredProposal, AuthResponse, Author, Comment, DeleteAccount,
    District, DistrictSettings, DistrictSettingsUpdate, FeedItem, FollowState, HiddenItem, LoginRequest,
    Moderated, NewAnnouncement, NewAnswer, NewComment, NewModerator, NewProposal, NewReport, NewShopClaim,
    NewSuspension, Page, Proposal, ProposalEdit, ProposalKind, ProposalSort, ProposalStatus, RegisterRequest,
    Report, ReportTarget, ReportedItem, Shop, ShopCategory, ShopClaim, ShopUpdate, StanceCounts,
    StatusChange, Suspension, TimelineEntry, UpdateNote, User, Verification, Visibility, VoteState,
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
    pub status: Option<ProposalStatus>,
    pub sort: ProposalSort,
    /// Words to find in title and text; empty: no search.
    pub q: String,
    pub cursor: Option<String>,
}

/// Which of a shop's announcements: out now, over, or (for its owner) still to come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewsWhen {
    Current,
    Past,
    Upcoming,
}

/// What `GET …/shops` is asked for: the directory's filters, as in its address.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ShopQuery {
    pub q: String,
    pub category: Option<ShopCategory>,
    pub open_now: bool,
    pub onnuri: bool,
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
        let path = format!("/districts/{}/proposals", encode(district));
        // public/boot.js asks for the first page in this same order, to hand it over.
        let q = query.q.trim();
        let params = [
            ("sort", Some(query.sort.as_str())),
            ("kind", query.kind.map(ProposalKind::as_str)),
            ("status", query.status.map(ProposalStatus::as_str)),
            ("q", (!q.is_empty()).then_some(q)),
            ("cursor", query.cursor.as_deref()),
        ];
        self.get(&with_query(path, &params)).await
    }

    /// The district's proposals this shop has not answered, most supported first: the
    /// merchant's home. Apart from `proposals` so the district page's code stays small.
    pub async fn unanswered(
        &self,
        district: &str,
        shop: i64,
        cursor: Option<&str>,
    ) -> Result<Page<Proposal>, ApiError> {
        let path = format!("/districts/{}/proposals", encode(district));
        let shop = shop.to_string();
        self.get(&with_query(
            path,
            &[("sort", Some("top")), ("unanswered_by", Some(&shop)), ("cursor", cursor)],
        ))
        .await
    }

    pub async fn proposal(&self, id: i64) -> Result<Proposal, ApiError> {
        self.get(&format!("/proposals/{id}")).await
    }

    pub async fn create_proposal(&self, district: &str, new: &NewProposal) -> Result<Proposal, ApiError> {
        self.send(Method::POST, &format!("/districts/{}/proposals", encode(district)), Some(new)).await
    }

    /// Moves a proposal (a moderator's answer, or its author withdrawing it).
    pub async fn move_proposal(&self, id: i64, change: &StatusChange) -> Result<Proposal, ApiError> {
        self.send(Method::POST, &format!("/proposals/{id}/status"), Some(change)).await
    }

    /// What happened to a proposal, newest first.
    pub async fn timeline(&self, id: i64, cursor: Option<&str>) -> Result<Page<TimelineEntry>, ApiError> {
        self.get(&with_query(format!("/proposals/{id}/timeline"), &[("cursor", cursor)])).await
    }

    /// Its author rewrites a proposal nobody supports yet.
    pub async fn edit_proposal(&self, id: i64, edit: &ProposalEdit) -> Result<Proposal, ApiError> {
        self.send(Method::PATCH, &format!("/proposals/{id}"), Some(edit)).await
    }

    /// Its author's update note on a proposal.
    pub async fn add_update(&self, id: i64, update: &UpdateNote) -> Result<TimelineEntry, ApiError> {
        self.send(Method::POST, &format!("/proposals/{id}/updates"), Some(update)).await
    }

    /// Tells the district's moderators something should not be there.
    pub async fn report(&self, report: &NewReport) -> Result<Report, ApiError> {
        self.send(Method::POST, "/reports", Some(report)).await
    }

    /// What the district's moderators set for it.
    pub async fn district_settings(&self, district: &str) -> Result<DistrictSettings, ApiError> {
        self.get(&format!("/districts/{}/settings", encode(district))).await
    }

    pub async fn update_district_settings(
        &self,
        district: &str,
        update: &DistrictSettingsUpdate,
    ) -> Result<DistrictSettings, ApiError> {
        let path = format!("/districts/{}/settings", encode(district));
        self.send(Method::PATCH, &path, Some(update)).await
    }

    /// The district's moderators, for its moderators.
    pub async fn moderators(&self, district: &str) -> Result<Vec<Author>, ApiError> {
        self.get(&format!("/districts/{}/moderators", encode(district))).await
    }

    /// Makes the account with this email a moderator of the district: its moderators now.
    pub async fn appoint_moderator(
        &self,
        district: &str,
        who: &NewModerator,
    ) -> Result<Vec<Author>, ApiError> {
        let path = format!("/districts/{}/moderators", encode(district));
        self.send(Method::POST, &path, Some(who)).await
    }

    /// Never the district's last one (409).
    pub async fn dismiss_moderator(&self, district: &str, user: i64) -> Result<(), ApiError> {
        let path = format!("/districts/{}/moderators/{user}", encode(district));
        error::check(self.request(Method::DELETE, &path, None).await?).await.map(drop)
    }

    /// The district's proposals waiting for its moderators' answer (ready), most
    /// supported first.
    pub async fn waiting(&self, district: &str, cursor: Option<&str>) -> Result<Page<Proposal>, ApiError> {
        let path = format!("/districts/{}/waiting", encode(district));
        self.get(&with_query(path, &[("cursor", cursor)])).await
    }

    /// The district's reported items waiting for a decision, for its moderators.
    pub async fn reports(
        &self,
        district: &str,
        cursor: Option<&str>,
    ) -> Result<Page<ReportedItem>, ApiError> {
        let path = format!("/districts/{}/reports", encode(district));
        self.get(&with_query(path, &[("cursor", cursor)])).await
    }

    /// A moderator stops an account from writing in the district, saying why.
    pub async fn suspend(
        &self,
        district: &str,
        user: i64,
        s: &NewSuspension,
    ) -> Result<Suspension, ApiError> {
        let path = format!("/districts/{}/suspensions/{user}", encode(district));
        self.send(Method::PUT, &path, Some(s)).await
    }

    /// Lets a suspended account write in the district again.
    pub async fn lift_suspension(&self, district: &str, user: i64) -> Result<(), ApiError> {
        let path = format!("/districts/{}/suspensions/{user}", encode(district));
        error::check(self.request(Method::DELETE, &path, None).await?).await.map(drop)
    }

    /// The district's suspended accounts, for its moderators.
    pub async fn suspensions(
        &self,
        district: &str,
        cursor: Option<&str>,
    ) -> Result<Page<Suspension>, ApiError> {
        let path = format!("/districts/{}/suspensions", encode(district));
        self.get(&with_query(path, &[("cursor", cursor)])).await
    }

    /// A moderator hides an item (with the note its author reads) or keeps it.
    pub async fn set_hidden(
        &self,
        target: ReportTarget,
        id: i64,
        v: &Visibility,
    ) -> Result<Moderated, ApiError> {
        self.send(Method::PUT, &format!("/{}/{id}/hidden", target.collection()), Some(v)).await
    }

    /// "My proposals" (`supports == false`) or "My supports": newest first.
    pub async fn my_proposals(
        &self,
        supports: bool,
        cursor: Option<&str>,
    ) -> Result<Page<Proposal>, ApiError> {
        let path = if supports { "/me/supports" } else { "/me/proposals" };
        self.get(&with_query(path.to_owned(), &[("cursor", cursor)])).await
    }

    /// What of the user's the moderators hid, and why.
    pub async fn my_hidden(&self, cursor: Option<&str>) -> Result<Page<HiddenItem>, ApiError> {
        self.get(&with_query("/me/hidden".to_owned(), &[("cursor", cursor)])).await
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
        self.get(&with_query(format!("/proposals/{proposal}/comments"), &[("cursor", cursor)])).await
    }

    /// How many of a proposal's comments stand where.
    pub async fn stances(&self, proposal: i64) -> Result<StanceCounts, ApiError> {
        self.get(&format!("/proposals/{proposal}/stances")).await
    }

    pub async fn create_comment(&self, proposal: i64, new: &NewComment) -> Result<Comment, ApiError> {
        self.send(Method::POST, &format!("/proposals/{proposal}/comments"), Some(new)).await
    }

    pub async fn shops(
        &self,
        district: &str,
        query: &ShopQuery,
        cursor: Option<&str>,
    ) -> Result<Page<Shop>, ApiError> {
        let path = format!("/districts/{}/shops", encode(district));
        let q = query.q.trim();
        let params = [
            ("q", (!q.is_empty()).then_some(q)),
            ("category", query.category.map(ShopCategory::as_str)),
            ("open_now", query.open_now.then_some("true")),
            ("onnuri", query.onnuri.then_some("true")),
            ("cursor", cursor),
        ];
        self.get(&with_query(path, &params)).await
    }

    pub async fn shop(&self, id: i64) -> Result<Shop, ApiError> {
        self.get(&format!("/shops/{id}")).await
    }

    /// Changes a shop's profile (only the fields given), by its verified owner.
    pub async fn update_shop(&self, id: i64, update: &ShopUpdate) -> Result<Shop, ApiError> {
        self.send(Method::PATCH, &format!("/shops/{id}"), Some(update)).await
    }

    /// Follows (`true`, 단골 맺기) or unfollows (`false`); both are idempotent.
    pub async fn follow(&self, shop: i64, follow: bool) -> Result<FollowState, ApiError> {
        let method = if follow { Method::PUT } else { Method::DELETE };
        self.send(method, &format!("/shops/{shop}/follow"), None::<&()>).await
    }

    /// A shop's answers to proposals, newest first, 50 a page: a shop answers a few
    /// proposals a month, and the merchant's home tells answered from not by one page.
    pub async fn shop_answers(
        &self,
        shop: i64,
        cursor: Option<&str>,
    ) -> Result<Page<AnsweredProposal>, ApiError> {
        let params = [("limit", Some("50")), ("cursor", cursor)];
        self.get(&with_query(format!("/shops/{shop}/answers"), &params)).await
    }

    /// A shop's announcements showing now, over, or (to its owner) still to come, newest
    /// first.
    pub async fn shop_announcements(
        &self,
        shop: i64,
        when: NewsWhen,
        cursor: Option<&str>,
    ) -> Result<Page<Announcement>, ApiError> {
        let when = match when {
            NewsWhen::Current => "current",
            NewsWhen::Past => "past",
            NewsWhen::Upcoming => "upcoming",
        };
        let params = [("when", Some(when)), ("cursor", cursor)];
        self.get(&with_query(format!("/shops/{shop}/announcements"), &params)).await
    }

    /// The district's announcements showing now, pinned first, `limit` a page.
    pub async fn district_announcements(
        &self,
        district: &str,
        cursor: Option<&str>,
        limit: u32,
    ) -> Result<Page<Announcement>, ApiError> {
        let path = format!("/districts/{}/announcements", encode(district));
        let limit = limit.to_string();
        self.get(&with_query(path, &[("limit", Some(&limit)), ("cursor", cursor)])).await
    }

    /// "My alley": what the followed shops announced and answered, and answers to the
    /// user's own proposals, newest first.
    pub async fn my_feed(&self, cursor: Option<&str>) -> Result<Page<FeedItem>, ApiError> {
        self.get(&with_query("/me/feed".to_owned(), &[("cursor", cursor)])).await
    }

    /// "This shop is mine": a claim for a listed shop without an owner, or a new shop.
    pub async fn claim_shop(&self, district: &str, claim: &NewShopClaim) -> Result<ShopClaim, ApiError> {
        self.send(Method::POST, &format!("/districts/{}/shops", encode(district)), Some(claim)).await
    }

    /// The user's own claims, newest first.
    pub async fn my_claims(&self, cursor: Option<&str>) -> Result<Page<ShopClaim>, ApiError> {
        self.get(&with_query("/me/claims".to_owned(), &[("cursor", cursor)])).await
    }

    /// A district's pending claims, for its moderators, oldest first.
    pub async fn pending_claims(
        &self,
        district: &str,
        cursor: Option<&str>,
    ) -> Result<Page<ShopClaim>, ApiError> {
        let path = format!("/districts/{}/claims", encode(district));
        self.get(&with_query(path, &[("status", Some("pending")), ("cursor", cursor)])).await
    }

    /// A moderator's decision on the pending claim of `shop`.
    pub async fn decide_claim(&self, shop: i64, decision: &Verification) -> Result<ShopClaim, ApiError> {
        self.send(Method::POST, &format!("/shops/{shop}/verification"), Some(decision)).await
    }

    /// The shop's answer to a proposal, new or edited, by its verified owner.
    pub async fn answer(&self, proposal: i64, shop: i64, answer: &NewAnswer) -> Result<Answer, ApiError> {
        self.send(Method::PUT, &format!("/proposals/{proposal}/answers/{shop}"), Some(answer)).await
    }

    /// A shop's announcement, by its verified owner.
    pub async fn announce(&self, shop: i64, news: &NewAnnouncement) -> Result<Announcement, ApiError> {
        self.send(Method::POST, &format!("/shops/{shop}/announcements"), Some(news)).await
    }

    /// The district's own announcement, by one of its moderators.
    pub async fn announce_district(
        &self,
        district: &str,
        news: &NewAnnouncement,
    ) -> Result<Announcement, ApiError> {
        self.send(Method::POST, &format!("/districts/{}/announcements", encode(district)), Some(news)).await
    }

    /// Changes an announcement (only the fields given), by whoever may post it.
    pub async fn update_announcement(
        &self,
        id: i64,
        update: &AnnouncementUpdate,
    ) -> Result<Announcement, ApiError> {
        self.send(Method::PATCH, &format!("/announcements/{id}"), Some(update)).await
    }

    pub async fn delete_announcement(&self, id: i64) -> Result<(), ApiError> {
        let response = self.request(Method::DELETE, &format!("/announcements/{id}"), None).await?;
        error::check(response).await.map(drop)
    }

    /// Pins (`true`) or unpins an announcement on the district's home, by a moderator.
    pub async fn pin(&self, id: i64, pinned: bool) -> Result<Announcement, ApiError> {
        let method = if pinned { Method::PUT } else { Method::DELETE };
        self.send(method, &format!("/announcements/{id}/pin"), None::<&()>).await
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

    /// Deletes the signed-in account, with its password (`DELETE /auth/me`).
    pub async fn delete_account(&self, req: &DeleteAccount) -> Result<(), ApiError> {
        let json = crate::json::stringify(req).ok_or(ApiError::Decode)?;
        error::check(self.request(Method::DELETE, "/auth/me", Some(json)).await?).await.map(drop)
    }

    /// Revokes `token` on the server. The session has already forgotten it: logging out
    /// must not wait for the network.
    pub async fn logout(&self, token: String) -> Result<(), ApiError> {
        let response = self.request_as(Method::POST, "/auth/logout", None, Some(token)).await?;
        error::check(response).await.map(drop)
    }

    async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        parse(&self.text(Method::GET, path, None).await?)
    }

    async fn send<T: DeserializeOwned, B: Serialize>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
    ) -> Result<T, ApiError> {
        let json = match body {
            Some(body) => Some(crate::json::stringify(body).ok_or(ApiError::Decode)?),
            None => None,
        };
        parse(&self.text(method, path, json).await?)
    }

    /// The body of a successful answer. Not generic on purpose: the request, its checks
    /// and the wait are compiled once, not once per type of answer (2 KB of wasm each).
    async fn text(&self, method: Method, path: &str, json: Option<String>) -> Result<String, ApiError> {
        let response = error::check(self.request(method, path, json).await?).await?;
        response.text().await.map_err(|_| ApiError::Decode)
    }

    async fn request(&self, method: Method, path: &str, json: Option<String>) -> Result<Response, ApiError> {
        self.request_as(method, path, json, self.session.token_untracked()).await
    }

    /// A request with `sent` as its token, the session's or, for logout, one it forgot.
    async fn request_as(
        &self,
        method: Method,
        path: &str,
        json: Option<String>,
        sent: Option<String>,
    ) -> Result<Response, ApiError> {
        let url = format!("{}{path}", self.root);
        let method_was_delete = method == Method::DELETE;
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
        let request = match json {
            Some(json) => builder.header("Content-Type", "application/json").body(json),
            None => builder.build(),
        }
        .map_err(|_| ApiError::Network)?;
        let response = request.send().await.map_err(ApiError::from_transport)?;
        // The token was revoked or expired: forget it so the UI offers a fresh login. Not
        // when the 401 is about a password typed at login, nor when the person has
        // logged in afresh since this request left.
        // Deleting one's account asks for the password too: a wrong one keeps the session.
        let about_credentials = path.starts_with("/auth/login")
            || path.starts_with("/auth/register")
            || (method_was_delete && path == "/auth/me");
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

/// An answer's body as `T`; anything else is not the promised JSON.
fn parse<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    crate::json::parse(text).ok_or(ApiError::Decode)
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

/// `path?a=1&b=2` with the parameters that have a value, each encoded.
pub fn with_query(mut path: String, params: &[(&str, Option<&str>)]) -> String {
    let mut separator = '?';
    for (name, value) in params {
        if let Some(value) = value {
            path.push(separator);
            path.push_str(name);
            path.push('=');
            path.push_str(&encode(value));
            separator = '&';
        }
    }
    path
}

/// One part of an address (a path segment or a query value), percent-encoded.
pub fn encode(part: &str) -> String {
    String::from(js_sys::encode_uri_component(part))
}

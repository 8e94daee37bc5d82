//! Request and response bodies.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::validate::FieldError;

/// Every error answer: `{"error": {"code": "...", "message": "..."}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ErrorDetail {
    /// Stable machine-readable code, e.g. `validation_failed`, `unauthorized`, `not_found`.
    pub code: String,
    /// Human-readable English explanation; clients show their own translated text.
    pub message: String,
    /// Per-field problems for `validation_failed`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

/// Stable error codes. Clients branch on these, never on messages.
pub mod error_code {
    pub const BAD_REQUEST: &str = "bad_request";
    pub const VALIDATION_FAILED: &str = "validation_failed";
    pub const UNAUTHORIZED: &str = "unauthorized";
    pub const INVALID_CREDENTIALS: &str = "invalid_credentials";
    pub const FORBIDDEN: &str = "forbidden";
    pub const NOT_FOUND: &str = "not_found";
    pub const METHOD_NOT_ALLOWED: &str = "method_not_allowed";
    pub const EMAIL_TAKEN: &str = "email_taken";
    pub const CONFLICT: &str = "conflict";
    pub const PAYLOAD_TOO_LARGE: &str = "payload_too_large";
    pub const REQUEST_TIMEOUT: &str = "request_timeout";
    pub const UNSUPPORTED_MEDIA_TYPE: &str = "unsupported_media_type";
    pub const INTERNAL: &str = "internal";
    pub const UNAVAILABLE: &str = "unavailable";
    /// 429: too many tries too fast; `Retry-After` says how many seconds to wait.
    pub const RATE_LIMITED: &str = "rate_limited";
    /// 403: a moderator suspended the account from this district.
    pub const SUSPENDED: &str = "suspended";
    /// An `Idempotency-Key` already used for another request by the same account.
    pub const IDEMPOTENCY_KEY_REUSED: &str = "idempotency_key_reused";
    /// The first request with this `Idempotency-Key` is still being answered.
    pub const REQUEST_IN_PROGRESS: &str = "request_in_progress";
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Health {
    pub status: String,
    pub version: String,
    /// The engine that answered: `sqlite` or `postgresql`. (When the database does not
    /// answer, health is a 503 error instead.)
    pub database: String,
}

/// A list page. `next_cursor` is opaque; pass it back as `?cursor=` for the next page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

// ---------------------------------------------------------------- accounts

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct RegisterRequest {
    pub email: String,
    pub password: String,
    pub display_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

/// `DELETE /auth/me`: the account's password, so that a phone left signed in on a
/// table cannot delete its owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct DeleteAccount {
    pub password: String,
}

/// The signed-in user, as they see themselves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct User {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub created_at: String,
    /// What this user may do beyond a resident, district by district: in the answers of
    /// `GET /auth/me`, login and registration.
    #[serde(default)]
    pub roles: Vec<crate::shops::RoleGrant>,
}

impl User {
    /// The districts this user moderates (slugs, as granted).
    pub fn moderated(&self) -> impl Iterator<Item = &str> {
        self.roles
            .iter()
            .filter(|r| r.role == crate::shops::Role::Moderator)
            .map(|r| r.district_slug.as_str())
    }

    /// Whether this user moderates the district `slug`.
    pub fn moderates(&self, slug: &str) -> bool {
        self.moderated().any(|s| s == slug)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct AuthResponse {
    /// Bearer token for `Authorization: Bearer TOKEN`; revoked by `POST /auth/logout`.
    pub token: String,
    pub user: User,
}

/// How another user appears next to what they wrote: no email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Author {
    pub id: i64,
    pub display_name: String,
}

// ---------------------------------------------------------------- districts

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct District {
    pub slug: String,
    /// Korean name, the official one.
    pub name: String,
    pub name_en: String,
    pub description: String,
    pub description_en: String,
    /// Where it is, e.g. "대전 유성구 노은동".
    pub region: String,
    pub region_en: String,
    pub proposal_count: i64,
    /// The district's own KakaoTalk channel (`https://pf.kakao.com/…`), if it has one.
    #[serde(default)]
    pub kakao_channel_url: Option<String>,
    /// What the alley announces now, for its home: up to three, pinned first, then the
    /// newest. Filled by `GET /districts/{slug}`, empty in the list of districts; all of
    /// them are at `GET /districts/{slug}/announcements`.
    #[serde(default)]
    pub news: Vec<crate::announcements::Headline>,
}

// ---------------------------------------------------------------- proposals

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProposalKind {
    #[default]
    Event,
    Improvement,
}

impl ProposalKind {
    pub const ALL: [ProposalKind; 2] = [ProposalKind::Event, ProposalKind::Improvement];

    pub fn as_str(self) -> &'static str {
        match self {
            ProposalKind::Event => "event",
            ProposalKind::Improvement => "improvement",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Where a proposal stands. New proposals are `open`; who moves them where is
/// [`ProposalStatus::moves`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProposalStatus {
    Open,
    UnderReview,
    Accepted,
    Done,
    Declined,
    /// Taken back by its author while it was open.
    Withdrawn,
}

impl ProposalStatus {
    pub const ALL: [ProposalStatus; 6] = [
        ProposalStatus::Open,
        ProposalStatus::UnderReview,
        ProposalStatus::Accepted,
        ProposalStatus::Done,
        ProposalStatus::Declined,
        ProposalStatus::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProposalStatus::Open => "open",
            ProposalStatus::UnderReview => "under_review",
            ProposalStatus::Accepted => "accepted",
            ProposalStatus::Done => "done",
            ProposalStatus::Declined => "declined",
            ProposalStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// List order: `top` by support, `new` newest first, `discussed` by comments (ties:
/// newest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProposalSort {
    #[default]
    Top,
    New,
    Discussed,
}

impl ProposalSort {
    pub fn as_str(self) -> &'static str {
        match self {
            ProposalSort::Top => "top",
            ProposalSort::New => "new",
            ProposalSort::Discussed => "discussed",
        }
    }
}

/// The longest search (`q`) a proposal list takes, in characters.
pub const SEARCH_MAX: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Proposal {
    pub id: i64,
    pub district_slug: String,
    pub kind: ProposalKind,
    pub title: String,
    pub body: String,
    pub status: ProposalStatus,
    /// Events only: the day, `YYYY-MM-DD`.
    pub event_date: Option<String>,
    /// Events only: where, free text.
    pub event_place: Option<String>,
    pub author: Author,
    pub vote_count: i64,
    pub comment_count: i64,
    /// Shops that answered it.
    #[serde(default)]
    pub answer_count: i64,
    /// Of those answers, the ones with a pledge.
    #[serde(default)]
    pub pledge_count: i64,
    /// Whether the caller supports it; always false without a token.
    pub voted: bool,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// `open` or `under_review` with at least `support_goal` supports and `pledge_goal`
    /// pledges: the district owes it an answer, and it waits in the moderators' queue
    /// (`GET /districts/{slug}/waiting`) until one of them accepts or declines it. A fact
    /// shown on the proposal, not a status (`golmok_api::progress` is the rule).
    #[serde(default)]
    pub ready: bool,
    /// `open`, not ready, and older than its district's `expiry_days` days: kept and
    /// shown with its final counts, never deleted. A fact, not a status.
    #[serde(default)]
    pub expired: bool,
    /// Supports its district asks for (the district's `support_threshold`), so a card
    /// draws its progress without the district.
    #[serde(default)]
    pub support_goal: i64,
    /// Shops pledging that its district asks for (`pledge_threshold`; 0: none needed).
    #[serde(default)]
    pub pledge_goal: i64,
}

/// What a district asks of a proposal before it owes an answer: its settings'
/// `support_threshold`, `pledge_threshold` and `expiry_days`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Goals {
    pub supports: i64,
    pub pledges: i64,
    /// Days an open proposal has to reach both.
    pub expiry_days: i64,
}

/// Where a proposal stands against its district's [`Goals`]: facts shown on it, not
/// statuses (a moderator's move is what changes a status).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub ready: bool,
    pub expired: bool,
}

/// The one rule of `ready` and `expired`, for the server that fills them and the app
/// that explains them:
///
/// - `ready`: the status is `open` or `under_review` (the district has not answered
///   yet) and it has at least `goals.supports` supports and `goals.pledges` pledges;
/// - `expired`: the status is `open`, it is not ready, and it is older than
///   `goals.expiry_days` days: `age_seconds` (now minus `created_at`) is more than
///   that many times 86,400. On the day itself it is not expired yet.
///
/// The counts are the visible ones (`vote_count`, `pledge_count`): a hidden answer's
/// pledge does not count.
pub fn progress(
    status: ProposalStatus,
    vote_count: i64,
    pledge_count: i64,
    goals: Goals,
    age_seconds: i64,
) -> Progress {
    let awaiting = matches!(status, ProposalStatus::Open | ProposalStatus::UnderReview);
    let ready = awaiting && vote_count >= goals.supports && pledge_count >= goals.pledges;
    let expired =
        status == ProposalStatus::Open && !ready && age_seconds > goals.expiry_days.saturating_mul(86_400);
    Progress { ready, expired }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct NewProposal {
    pub kind: ProposalKind,
    pub title: String,
    pub body: String,
    #[serde(default)]
    pub event_date: Option<String>,
    #[serde(default)]
    pub event_place: Option<String>,
}

/// Answer of `PUT`/`DELETE /proposals/{id}/vote`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct VoteState {
    pub proposal_id: i64,
    pub voted: bool,
    pub vote_count: i64,
}

// ---------------------------------------------------------------- comments

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Comment {
    pub id: i64,
    pub proposal_id: i64,
    pub author: Author,
    pub body: String,
    /// Where it stands on the proposal.
    #[serde(default)]
    pub stance: CommentStance,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct NewComment {
    pub body: String,
    /// `neutral` when not given.
    #[serde(default)]
    pub stance: CommentStance,
}

/// Where a comment stands on its proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CommentStance {
    For,
    #[default]
    Neutral,
    Against,
}

impl CommentStance {
    pub const ALL: [CommentStance; 3] = [CommentStance::For, CommentStance::Neutral, CommentStance::Against];

    pub fn as_str(self) -> &'static str {
        match self {
            CommentStance::For => "for",
            CommentStance::Neutral => "neutral",
            CommentStance::Against => "against",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        CommentStance::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// `GET /proposals/{id}/stances`: how many of its visible comments stand where.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct StanceCounts {
    #[serde(rename = "for")]
    pub in_favour: i64,
    pub neutral: i64,
    pub against: i64,
}

//! Reports and hiding: anyone signed in reports what should not be there, the district's
//! moderators hide it or keep it, with a note its author reads.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::types::Author;

/// What can be reported (and hidden).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportTarget {
    Proposal,
    Comment,
    /// A shop's answer to a proposal.
    Answer,
    Announcement,
}

impl ReportTarget {
    pub const ALL: [ReportTarget; 4] =
        [ReportTarget::Proposal, ReportTarget::Comment, ReportTarget::Answer, ReportTarget::Announcement];

    pub fn as_str(self) -> &'static str {
        match self {
            ReportTarget::Proposal => "proposal",
            ReportTarget::Comment => "comment",
            ReportTarget::Answer => "answer",
            ReportTarget::Announcement => "announcement",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        ReportTarget::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The path segment (and table) of its kind: `/{collection}/{id}/hidden`.
    pub fn collection(self) -> &'static str {
        match self {
            ReportTarget::Proposal => "proposals",
            ReportTarget::Comment => "comments",
            ReportTarget::Answer => "answers",
            ReportTarget::Announcement => "announcements",
        }
    }

    /// One number for an item of any kind (ids are per kind), for keyed lists.
    pub fn key(self, id: i64) -> i64 {
        id * 4 + self as i64
    }
}

/// `POST /reports`: what is wrong with an item, in the reporter's words (1 to 500
/// characters; see [`crate::validate::new_report`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct NewReport {
    pub target: ReportTarget,
    pub target_id: i64,
    pub reason: String,
}

/// A report as its reporter gets it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Report {
    pub id: i64,
    pub target: ReportTarget,
    pub target_id: i64,
    pub reason: String,
    /// RFC 3339, UTC.
    pub created_at: String,
}

/// One reason given for a reported item, in the moderators' queue. Who reported is not
/// shown: a neighbour reporting a neighbour should not fear being named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ReportReason {
    pub reason: String,
    pub created_at: String,
}

/// An item with reports waiting for a decision (`GET /districts/{slug}/reports`), the
/// longest waiting first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ReportedItem {
    pub target: ReportTarget,
    pub target_id: i64,
    /// The proposal it is, or belongs to (for a link); none for an announcement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal_id: Option<i64>,
    /// What it says: a proposal's or announcement's title and text, a comment's or
    /// answer's text.
    pub text: String,
    /// Who wrote it (for an answer or a shop's announcement, the shop's owner).
    pub author: Author,
    /// Whether it is hidden now (a report can come in after it was hidden).
    pub hidden: bool,
    /// Every reason given, oldest first.
    pub reasons: Vec<ReportReason>,
}

/// `PUT /{proposals,comments,answers,announcements}/{id}/hidden`: a moderator hides the
/// item (`true`, with the note its author reads) or keeps or shows it again (`false`, the
/// note optional). Either closes the item's open reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Visibility {
    pub hidden: bool,
    #[serde(default)]
    pub note: String,
    /// Whether the item was hidden when the moderator looked (the queue's `hidden`). When
    /// given and no longer so, nothing changes and the answer is 409 `conflict`: two
    /// moderators deciding at once never undo each other unseen. Keeping hidden what was
    /// hidden (`hidden` and `was_hidden` both true) may leave the note out: the first
    /// note stays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub was_hidden: Option<bool>,
}

impl Visibility {
    /// Hides what was hidden already: the decision keeps it as it is.
    pub fn keeps_hidden(&self) -> bool {
        self.hidden && self.was_hidden == Some(true)
    }
}

/// The decision, as the moderator gets it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Moderated {
    pub target: ReportTarget,
    pub target_id: i64,
    pub hidden: bool,
    pub note: String,
    /// How many open reports the decision closed.
    pub reports_closed: i64,
}

/// Something of the caller's that moderators hid, and why (`GET /me/hidden`, the latest
/// first): nobody else sees it any more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct HiddenItem {
    pub target: ReportTarget,
    pub target_id: i64,
    /// The proposal it is, or belongs to; none for an announcement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal_id: Option<i64>,
    pub text: String,
    /// The moderators' note.
    pub note: String,
    /// RFC 3339, UTC.
    pub hidden_at: String,
}

/// `PUT /districts/{slug}/suspensions/{user_id}`: a moderator stops an account from
/// writing in the district, saying why (1 to 500 characters, required).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct NewSuspension {
    pub note: String,
}

/// An account suspended from writing in a district, as its moderators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Suspension {
    pub user: Author,
    pub note: String,
    pub suspended_by: Author,
    /// RFC 3339, UTC.
    pub created_at: String,
}

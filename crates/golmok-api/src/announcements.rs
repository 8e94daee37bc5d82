//! Announcements: a shop's news (a sale, changed hours, an event, a notice) or the
//! district's own, shown from their start until their end.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::answers::ShopRef;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AnnouncementKind {
    /// 할인·행사 상품
    Sale,
    /// 영업시간 안내
    Hours,
    /// 이벤트
    Event,
    /// 알림
    #[default]
    Notice,
}

impl AnnouncementKind {
    pub const ALL: [AnnouncementKind; 4] =
        [AnnouncementKind::Sale, AnnouncementKind::Hours, AnnouncementKind::Event, AnnouncementKind::Notice];

    pub fn as_str(self) -> &'static str {
        match self {
            AnnouncementKind::Sale => "sale",
            AnnouncementKind::Hours => "hours",
            AnnouncementKind::Event => "event",
            AnnouncementKind::Notice => "notice",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A new announcement. Times are RFC 3339 with any offset; they come back in UTC.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct NewAnnouncement {
    pub kind: AnnouncementKind,
    /// 2 to 80 characters, one line.
    pub title: String,
    /// 1 to 2000 characters, line breaks allowed.
    pub body: String,
    /// When it starts showing; now when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts_at: Option<String>,
    /// When it stops showing, after `starts_at`; 30 days after the start when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends_at: Option<String>,
}

/// Changes to an announcement: only the fields given change.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct AnnouncementUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<AnnouncementKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Announcement {
    pub id: i64,
    pub district_slug: String,
    /// The shop that announces; `null` for the district's own.
    pub shop: Option<ShopRef>,
    pub kind: AnnouncementKind,
    pub title: String,
    pub body: String,
    pub starts_at: String,
    pub ends_at: String,
    /// Pinned by a moderator: first on the district's home.
    pub pinned: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// An announcement in a line, as the district's home lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Headline {
    pub id: i64,
    /// The shop that announces; `null` for the district's own.
    pub shop: Option<ShopRef>,
    pub kind: AnnouncementKind,
    pub title: String,
    pub pinned: bool,
}

impl From<Announcement> for Headline {
    fn from(a: Announcement) -> Self {
        Headline { id: a.id, shop: a.shop, kind: a.kind, title: a.title, pinned: a.pinned }
    }
}

/// A proposal named beside something about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ProposalRef {
    pub id: i64,
    pub district_slug: String,
    pub title: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FeedKind {
    /// A followed shop announced something: `announcement` is set.
    Announcement,
    /// A shop answered a proposal: `answer` and `proposal` are set.
    Answer,
}

/// One line of "My alley" (내 골목): what followed shops announced and answered, and
/// shops' answers to the reader's own proposals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct FeedItem {
    /// When it happened: an announcement's start, an answer's last edit.
    pub at: String,
    pub kind: FeedKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub announcement: Option<Announcement>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<crate::answers::Answer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal: Option<ProposalRef>,
    /// An answer to one of the reader's own proposals.
    #[serde(default)]
    pub to_your_proposal: bool,
}

impl FeedItem {
    /// The id of the announcement or answer it carries (ids are per kind).
    pub fn item_id(&self) -> i64 {
        self.announcement.as_ref().map(|a| a.id).or(self.answer.as_ref().map(|a| a.id)).unwrap_or_default()
    }
}

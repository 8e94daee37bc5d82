//! A proposal's life: who may move it where, and what its timeline shows.
//!
//! One rule for both sides: the server refuses every other move with 409, and the app
//! offers only the moves this allows to whoever is looking.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::types::ProposalStatus;

/// Who asks to move a proposal. One person may be both (a moderator who proposed it):
/// each move is allowed if either role allows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Mover {
    /// A moderator of the proposal's district: answers for the district.
    Moderator,
    /// Whoever wrote the proposal.
    Author,
}

impl ProposalStatus {
    /// Where `by` may move a proposal that is in this status. The moderators review,
    /// answer (accept or decline) and finish what they accepted; the author may only take
    /// back an open proposal. Declined, done and withdrawn are where a life ends.
    pub fn moves(self, by: Mover) -> &'static [ProposalStatus] {
        use ProposalStatus::*;
        match (by, self) {
            (Mover::Moderator, Open) => &[UnderReview, Accepted, Declined],
            (Mover::Moderator, UnderReview) => &[Accepted, Declined],
            (Mover::Moderator, Accepted) => &[Done],
            (Mover::Author, Open) => &[Withdrawn],
            _ => &[],
        }
    }

    /// Whether `by` may move a proposal from this status to `to`.
    pub fn can_move(self, to: ProposalStatus, by: Mover) -> bool {
        self.moves(by).contains(&to)
    }

    /// A move here is the district's answer, so it carries an official note saying why.
    pub fn needs_note(self) -> bool {
        matches!(self, ProposalStatus::Accepted | ProposalStatus::Declined)
    }
}

/// `POST /proposals/{id}/status`: move a proposal, with a note (required for `accepted`
/// and `declined`, up to 500 characters; see [`crate::validate::status_change`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct StatusChange {
    pub status: ProposalStatus,
    #[serde(default)]
    pub note: String,
}

/// What happened to a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    /// It moved to `status`.
    Status,
    /// Its author added an update note (a proposal with supports is no longer edited).
    Update,
}

/// Who did it, as the timeline names them: the role they acted in and their name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct TimelineActor {
    pub role: Mover,
    pub display_name: String,
}

/// One entry of a proposal's timeline (`GET /proposals/{id}/timeline`, newest first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct TimelineEntry {
    pub id: i64,
    pub kind: TimelineKind,
    /// The status it moved to, for `status`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ProposalStatus>,
    /// The official note or the update; may be empty for a move that needs none.
    pub note: String,
    pub actor: TimelineActor,
    /// RFC 3339, UTC.
    pub created_at: String,
}

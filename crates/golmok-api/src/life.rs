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

/// Why a caller may not move a proposal where they asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveRefusal {
    /// No role the caller holds ever makes this move (403): a resident accepting, a
    /// moderator withdrawing someone else's proposal.
    NotTheirs,
    /// Their role makes this move, but not from where the proposal is now (409).
    NotFromHere,
}

impl ProposalStatus {
    /// Whether `by` makes a move to `to` from any status at all.
    pub fn reachable_by(to: ProposalStatus, by: Mover) -> bool {
        ProposalStatus::ALL.iter().any(|from| from.can_move(to, by))
    }

    /// The role in which a caller holding `roles` moves a proposal from here to `to`,
    /// or why not. The server answers 403 or 409 from this; the app offers only `moves`.
    /// A move no role ever makes (back to `open`, to where it already is) is a conflict
    /// with the proposal's life, not a question of rights, once the caller has a role.
    pub fn mover_for(self, to: ProposalStatus, roles: &[Mover]) -> Result<Mover, MoveRefusal> {
        if let Some(by) = roles.iter().copied().find(|by| self.can_move(to, *by)) {
            return Ok(by);
        }
        let theirs = roles.iter().any(|by| ProposalStatus::reachable_by(to, *by));
        let anyones =
            [Mover::Moderator, Mover::Author].iter().any(|by| ProposalStatus::reachable_by(to, *by));
        if roles.is_empty() || (anyones && !theirs) {
            Err(MoveRefusal::NotTheirs)
        } else {
            Err(MoveRefusal::NotFromHere)
        }
    }
}

/// `PATCH /proposals/{id}`: its author rewrites it, until the first support (then the
/// author adds an [`UpdateNote`] instead, so supporters never find they backed
/// something else). Fields left out stay as they are; the kind never changes. The result
/// is checked as a new proposal is ([`crate::validate::proposal_edit`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ProposalEdit {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Blank removes the day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_date: Option<String>,
    /// Blank removes the place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_place: Option<String>,
}

impl ProposalEdit {
    /// The proposal as it would read with this edit.
    pub fn applied_to(&self, p: &crate::Proposal) -> crate::NewProposal {
        let pick = |new: &Option<String>, old: &Option<String>| new.clone().or_else(|| old.clone());
        crate::NewProposal {
            kind: p.kind,
            title: self.title.clone().unwrap_or_else(|| p.title.clone()),
            body: self.body.clone().unwrap_or_else(|| p.body.clone()),
            event_date: pick(&self.event_date, &p.event_date),
            event_place: pick(&self.event_place, &p.event_place),
        }
    }
}

/// `POST /proposals/{id}/updates`: its author tells supporters what changed or happened
/// (1 to 500 characters); it shows in the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct UpdateNote {
    pub note: String,
}

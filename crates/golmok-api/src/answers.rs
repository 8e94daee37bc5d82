//! A shop's answer to a proposal: where it stands, what it says, and what it promises.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::shops::ShopCategory;

/// Where a shop stands on a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// 찬성해요
    #[default]
    Support,
    /// 함께할게요: the shop takes part.
    TakePart,
    /// 걱정돼요
    Concern,
    /// 어려워요
    Cannot,
}

impl Stance {
    pub const ALL: [Stance; 4] = [Stance::Support, Stance::TakePart, Stance::Concern, Stance::Cannot];

    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Support => "support",
            Stance::TakePart => "take_part",
            Stance::Concern => "concern",
            Stance::Cannot => "cannot",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A shop's answer as its verified owner gives it, new or edited.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct NewAnswer {
    pub stance: Stance,
    /// 1 to 1000 characters, line breaks allowed.
    pub message: String,
    /// One concrete promise ("그날 밤 10시까지 문 열어요"), 1 to 200 characters, one
    /// line; blank or absent for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pledge: Option<String>,
}

/// The shop behind an answer, as much as a reader needs beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ShopRef {
    pub id: i64,
    pub name: String,
    pub name_en: String,
    pub category: ShopCategory,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Answer {
    pub id: i64,
    pub proposal_id: i64,
    pub shop: ShopRef,
    pub stance: Stance,
    pub message: String,
    pub pledge: Option<String>,
    pub created_at: String,
    /// Later than `created_at` once the answer was edited.
    pub updated_at: String,
}

/// A shop's answer with the proposal it answers: a line of the shop's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct AnsweredProposal {
    pub proposal: crate::announcements::ProposalRef,
    pub answer: Answer,
}

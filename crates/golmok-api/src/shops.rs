//! Shops and the people behind them: roles, claims and a moderator's decision.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::types::Author;

/// What a shop is, from a fixed set of keys; clients show the key translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ShopCategory {
    /// 식당
    Restaurant,
    /// 치킨·호프
    Chicken,
    /// 카페
    Cafe,
    /// 빵집
    Bakery,
    /// 반찬가게
    SideDishes,
    /// 식료품·청과
    Grocery,
    /// 꽃집
    Florist,
    /// 철물·생활용품
    Hardware,
    /// 옷·잡화
    Fashion,
    /// 미용실·네일
    Beauty,
    /// 약국·병원
    Health,
    /// 학원·공방
    Classes,
    /// 세탁·수선 등 생활 서비스
    Services,
    /// 그 밖의 가게
    #[default]
    Other,
}

impl ShopCategory {
    pub const ALL: [ShopCategory; 14] = [
        ShopCategory::Restaurant,
        ShopCategory::Chicken,
        ShopCategory::Cafe,
        ShopCategory::Bakery,
        ShopCategory::SideDishes,
        ShopCategory::Grocery,
        ShopCategory::Florist,
        ShopCategory::Hardware,
        ShopCategory::Fashion,
        ShopCategory::Beauty,
        ShopCategory::Health,
        ShopCategory::Classes,
        ShopCategory::Services,
        ShopCategory::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ShopCategory::Restaurant => "restaurant",
            ShopCategory::Chicken => "chicken",
            ShopCategory::Cafe => "cafe",
            ShopCategory::Bakery => "bakery",
            ShopCategory::SideDishes => "side_dishes",
            ShopCategory::Grocery => "grocery",
            ShopCategory::Florist => "florist",
            ShopCategory::Hardware => "hardware",
            ShopCategory::Fashion => "fashion",
            ShopCategory::Beauty => "beauty",
            ShopCategory::Health => "health",
            ShopCategory::Classes => "classes",
            ShopCategory::Services => "services",
            ShopCategory::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// A power someone holds in a district.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Decides claims, and later moderates: the district's merchant association (상인회)
    /// or office.
    Moderator,
    /// The verified owner of a shop.
    Merchant,
}

/// One role of the signed-in user. A user may hold several, in one district too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct RoleGrant {
    pub district_slug: String,
    pub role: Role,
    /// The shop, for `merchant`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shop_id: Option<i64>,
}

/// "This shop is mine": a claim for a listed shop without an owner (`shop_id`), or for a
/// new shop (no `shop_id`). Private to the claimant and the district's moderators.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct NewShopClaim {
    /// A listed shop of the district that has no owner yet; omit to add a new shop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shop_id: Option<i64>,
    /// The shop's name as the claimant knows it (1 to 50 characters).
    pub name: String,
    pub category: ShopCategory,
    /// 사업자등록번호 as typed: 10 digits, hyphens and spaces allowed (`123-45-67890`).
    /// Shown to the district's moderators only, never in public JSON.
    pub business_number: String,
    /// Anything that helps the moderators decide (up to 500 characters).
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    Pending,
    Verified,
    Rejected,
}

impl ClaimStatus {
    pub const ALL: [ClaimStatus; 3] = [ClaimStatus::Pending, ClaimStatus::Verified, ClaimStatus::Rejected];

    pub fn as_str(self) -> &'static str {
        match self {
            ClaimStatus::Pending => "pending",
            ClaimStatus::Verified => "verified",
            ClaimStatus::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// A claim as its claimant and the district's moderators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ShopClaim {
    pub id: i64,
    /// The shop claimed: a listed one, or the new one the claim added (unlisted until
    /// verified).
    pub shop_id: i64,
    pub district_slug: String,
    pub claimant: Author,
    pub name: String,
    pub category: ShopCategory,
    pub business_number: String,
    pub note: String,
    pub status: ClaimStatus,
    /// Why, from the moderator who decided; `null` while pending.
    pub decision_note: Option<String>,
    pub decided_at: Option<String>,
    pub created_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum VerificationDecision {
    Verify,
    Reject,
}

/// A moderator's decision on a shop's pending claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Verification {
    pub decision: VerificationDecision,
    /// Shown to the claimant: why (required to reject, up to 500 characters).
    #[serde(default)]
    pub note: String,
}

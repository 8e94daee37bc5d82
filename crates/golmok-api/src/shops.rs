//! Shops and the people behind them: roles, claims and a moderator's decision.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::hours::WeeklyHours;
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

/// A shop as everyone sees it. Never its business number, never who follows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Shop {
    pub id: i64,
    pub district_slug: String,
    pub name: String,
    /// English name; empty when the merchant has not given one.
    pub name_en: String,
    pub category: ShopCategory,
    /// A moderator has verified its owner.
    pub verified: bool,
    pub description: String,
    pub description_en: String,
    /// Where in the alley, as people say it ("두꺼비 벽화에서 두 번째 집").
    pub place: String,
    pub phone: Option<String>,
    /// `https://pf.kakao.com/…`
    pub kakao_channel_url: Option<String>,
    /// Takes Onnuri gift certificates (온누리상품권).
    pub accepts_onnuri: bool,
    /// Takes the local gift card (지역화폐).
    pub accepts_local_card: bool,
    pub hours: WeeklyHours,
    /// The merchant closed today, unplanned: the opening under way, or today's
    /// (`golmok_api::hours::opening_day`).
    pub closed_today: bool,
    /// The day (`YYYY-MM-DD`, Seoul) the merchant last said "closed today", so the app can
    /// keep `open_now` right by the same rule while a page stays open.
    #[serde(default)]
    pub closed_on: Option<String>,
    /// Open at the moment of the answer, by `golmok_api::hours::is_open` in Seoul time.
    pub open_now: bool,
    pub follower_count: i64,
    /// Whether the caller follows it (단골); always false without a token.
    #[serde(default)]
    pub following: bool,
}

/// Whether the caller follows a shop, and how many do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct FollowState {
    pub shop_id: i64,
    pub following: bool,
    pub follower_count: i64,
}

/// Changes to a shop's profile, by its verified owner: only the fields given change.
/// What a shop may lack (its English name, introductions, place, phone, KakaoTalk
/// channel) is removed by `null` or by a blank text alike; what it may not (its name,
/// category, payment flags, hours, today's closing) cannot be `null`: that is refused,
/// naming the field (`required`), rather than read as "left out", as a district's
/// settings are.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ShopUpdate {
    #[serde(
        default,
        deserialize_with = "crate::districts::not_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub name: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::districts::null_clears",
        skip_serializing_if = "Option::is_none"
    )]
    pub name_en: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::districts::not_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub category: Option<ShopCategory>,
    #[serde(
        default,
        deserialize_with = "crate::districts::null_clears",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::districts::null_clears",
        skip_serializing_if = "Option::is_none"
    )]
    pub description_en: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::districts::null_clears",
        skip_serializing_if = "Option::is_none"
    )]
    pub place: Option<String>,
    /// Digits with hyphens, spaces or parentheses, 8 to 12 digits (`042-123-4567`).
    #[serde(
        default,
        deserialize_with = "crate::districts::null_clears",
        skip_serializing_if = "Option::is_none"
    )]
    pub phone: Option<String>,
    /// A `pf.kakao.com/…` link, with or without `https://`; stored as `https://`.
    #[serde(
        default,
        deserialize_with = "crate::districts::null_clears",
        skip_serializing_if = "Option::is_none"
    )]
    pub kakao_channel_url: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::districts::not_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub accepts_onnuri: Option<bool>,
    #[serde(
        default,
        deserialize_with = "crate::districts::not_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub accepts_local_card: Option<bool>,
    #[serde(
        default,
        deserialize_with = "crate::districts::not_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub hours: Option<WeeklyHours>,
    /// `true`: closed for the rest of today (Seoul); `false`: open as usual after all.
    #[serde(
        default,
        deserialize_with = "crate::districts::not_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub closed_today: Option<bool>,
}

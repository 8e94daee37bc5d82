//! Running a district: what its founding takes. Whoever runs the server creates districts
//! from the command line (`golmok-server district create`); the rules here are the same
//! for the console's settings to come.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// A new district: its address and its names in both languages (see
/// [`crate::validate::new_district`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct NewDistrict {
    /// In its address, `/d/{slug}`: 2 to 40 of `a-z`, `0-9` and single hyphens, starting
    /// with a letter (`eungubi-seo`).
    pub slug: String,
    pub name: String,
    pub name_en: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub region_en: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub description_en: String,
}

/// What a district's moderators set for it (`GET /districts/{slug}/settings`): its names
/// and introduction in both languages, its KakaoTalk channel, and what forces an answer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct DistrictSettings {
    pub name: String,
    pub name_en: String,
    pub description: String,
    pub description_en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kakao_channel_url: Option<String>,
    /// Supports a proposal needs to be ready for the district's answer (1 to 10000).
    pub support_threshold: i64,
    /// Shops pledging something it needs, too (0 to 100; 0: none needed).
    pub pledge_threshold: i64,
    /// Days an open proposal has to reach both before it shows as expired (7 to 365).
    pub expiry_days: i64,
}

/// `PATCH /districts/{slug}/settings`: only the fields given; an empty
/// `kakao_channel_url` removes the channel.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct DistrictSettingsUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kakao_channel_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 10000))]
    pub support_threshold: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100))]
    pub pledge_threshold: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 7, maximum = 365))]
    pub expiry_days: Option<i64>,
}

/// The ranges of a district's numbers: `(min, max)`.
pub mod ranges {
    pub const SUPPORT_THRESHOLD: (i64, i64) = (1, 10_000);
    pub const PLEDGE_THRESHOLD: (i64, i64) = (0, 100);
    pub const EXPIRY_DAYS: (i64, i64) = (7, 365);
}

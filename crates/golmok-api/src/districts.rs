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
    /// The websites that may show the district's widget in a frame, as origins
    /// (`https://district.example`); empty: any site may.
    #[serde(default)]
    pub embed_origins: Vec<String>,
}

impl DistrictSettings {
    /// What these settings ask of a proposal.
    pub fn goals(&self) -> crate::Goals {
        crate::Goals {
            supports: self.support_threshold,
            pledges: self.pledge_threshold,
            expiry_days: self.expiry_days,
        }
    }
}

/// `PATCH /districts/{slug}/settings`: only the fields given. What a district may lack
/// (the introductions, the KakaoTalk channel) is cleared by `null` or by a blank text
/// alike; what it may not (its names, its numbers) cannot be `null`: that is refused,
/// naming the field (`required`), rather than read as "left out".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct DistrictSettingsUpdate {
    #[serde(default, deserialize_with = "not_null", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "not_null", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub name_en: Option<String>,
    /// `null` or blank: no introduction.
    #[serde(default, deserialize_with = "null_clears", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `null` or blank: no introduction in English.
    #[serde(default, deserialize_with = "null_clears", skip_serializing_if = "Option::is_none")]
    pub description_en: Option<String>,
    /// `null` or blank: no channel.
    #[serde(default, deserialize_with = "null_clears", skip_serializing_if = "Option::is_none")]
    pub kakao_channel_url: Option<String>,
    #[serde(default, deserialize_with = "not_null", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 10000, nullable = false))]
    pub support_threshold: Option<i64>,
    #[serde(default, deserialize_with = "not_null", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100, nullable = false))]
    pub pledge_threshold: Option<i64>,
    #[serde(default, deserialize_with = "not_null", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 7, maximum = 365, nullable = false))]
    pub expiry_days: Option<i64>,
    /// Up to 20 origins, `http` or `https` with a host and perhaps a port, nothing after
    /// (`invalid` otherwise, more than 20 included); `[]`: any site may embed the widget.
    #[serde(default, deserialize_with = "not_null", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false, max_items = 20))]
    pub embed_origins: Option<Vec<String>>,
}

impl DistrictSettingsUpdate {
    /// Only what differs from `now`, the settings the editor started from: a form that
    /// sends just that cannot undo what another moderator saved meanwhile in the fields
    /// this one left alone. A blank text and an absent one are the same (see above).
    pub fn changes_from(self, now: &DistrictSettings) -> Self {
        fn text(new: Option<String>, old: &str) -> Option<String> {
            new.filter(|new| new.trim() != old)
        }
        fn number(new: Option<i64>, old: i64) -> Option<i64> {
            new.filter(|new| *new != old)
        }
        DistrictSettingsUpdate {
            name: text(self.name, &now.name),
            name_en: text(self.name_en, &now.name_en),
            description: text(self.description, &now.description),
            description_en: text(self.description_en, &now.description_en),
            kakao_channel_url: text(
                self.kakao_channel_url,
                now.kakao_channel_url.as_deref().unwrap_or_default(),
            ),
            support_threshold: number(self.support_threshold, now.support_threshold),
            pledge_threshold: number(self.pledge_threshold, now.pledge_threshold),
            expiry_days: number(self.expiry_days, now.expiry_days),
            embed_origins: self.embed_origins.filter(|new| {
                let lines = new.iter().map(|o| o.trim()).filter(|o| !o.is_empty());
                !lines.eq(now.embed_origins.iter().map(String::as_str))
            }),
        }
    }
}

/// A field that may be left out but not be `null`. serde reads `null` into an `Option` as
/// `None`, the same as left out, which would silently ignore a client asking to clear
/// something that cannot be cleared; read as the value itself, `null` is a type error,
/// which the server answers as `required` for that field.
pub(crate) fn not_null<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}

/// A text that `null` clears, as a blank one does: `Some("")`, not the `None` of "left out".
pub(crate) fn null_clears<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Option::<String>::deserialize(d).map(|v| Some(v.unwrap_or_default()))
}

/// The ranges of a district's numbers: `(min, max)`.
pub mod ranges {
    pub const SUPPORT_THRESHOLD: (i64, i64) = (1, 10_000);
    pub const PLEDGE_THRESHOLD: (i64, i64) = (0, 100);
    pub const EXPIRY_DAYS: (i64, i64) = (7, 365);
    /// How many sites a district may let embed its widget.
    pub const EMBED_ORIGINS: usize = 20;
}

/// `POST /districts/{slug}/moderators`: appoints the account with this email, as a
/// moderator knows a neighbour by it (see [`crate::validate::new_moderator`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct NewModerator {
    /// The account's email, in any case: emails are stored lower-cased.
    pub email: String,
}

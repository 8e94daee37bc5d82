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

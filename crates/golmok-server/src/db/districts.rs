//! Districts.

use golmok_api::District;
use sqlx::FromRow;

use super::{Store, StoreResult};

#[derive(FromRow)]
struct DistrictRow {
    id: i64,
    slug: String,
    name: String,
    name_en: String,
    description: String,
    description_en: String,
    region: String,
    region_en: String,
    proposal_count: i64,
    kakao_channel_url: Option<String>,
}

impl From<DistrictRow> for District {
    fn from(r: DistrictRow) -> Self {
        District {
            slug: r.slug,
            name: r.name,
            name_en: r.name_en,
            description: r.description,
            description_en: r.description_en,
            region: r.region,
            region_en: r.region_en,
            proposal_count: r.proposal_count,
            kakao_channel_url: r.kakao_channel_url,
            news: Vec::new(),
        }
    }
}

const SELECT_DISTRICT: &str = "SELECT d.id, d.slug, d.name, d.name_en, d.description, d.description_en,
        d.region, d.region_en, d.kakao_channel_url,
        (SELECT count(*) FROM proposals p WHERE p.district_id = d.id AND NOT p.hidden) AS proposal_count
    FROM districts d";

impl Store {
    /// Districts in creation order, after the one with id `after`; answers each with its
    /// id, which is the pagination key.
    pub async fn list_districts(&self, after: Option<i64>, limit: u32) -> StoreResult<Vec<(i64, District)>> {
        let sql = format!("{SELECT_DISTRICT} WHERE d.id > $1 ORDER BY d.id LIMIT $2");
        let rows = on_pool!(self, pool => sqlx::query_as::<_, DistrictRow>(&sql)
            .bind(after.unwrap_or(0))
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await)?;
        Ok(rows.into_iter().map(|r| (r.id, r.into())).collect())
    }

    /// A district and its internal id.
    pub async fn get_district(&self, slug: &str) -> StoreResult<Option<(i64, District)>> {
        if !super::could_be_stored(slug) {
            return Ok(None);
        }
        let sql = format!("{SELECT_DISTRICT} WHERE d.slug = $1");
        let row = on_pool!(self, pool => sqlx::query_as::<_, DistrictRow>(&sql)
            .bind(slug)
            .fetch_optional(pool)
            .await)?;
        Ok(row.map(|r| (r.id, District::from(r))))
    }

    /// The internal id of a district, which other queries are keyed by.
    pub async fn district_id(&self, slug: &str) -> StoreResult<Option<i64>> {
        if !super::could_be_stored(slug) {
            return Ok(None);
        }
        Ok(on_pool!(self, pool => sqlx::query_scalar("SELECT id FROM districts WHERE slug = $1")
            .bind(slug)
            .fetch_optional(pool)
            .await)?)
    }
}

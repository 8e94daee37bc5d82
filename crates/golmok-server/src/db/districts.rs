//! Districts.

use golmok_api::{Author, District, DistrictSettings, DistrictSettingsUpdate};
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

/// What became of a request to remove a moderator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dismissal {
    Removed,
    /// They do not moderate this district.
    NotModerator,
    /// They are its only moderator: a district is never left without one.
    LastOne,
}

impl Store {
    /// Founds a district (validated already); `StoreError::Conflict` when the slug is
    /// taken. Answers its id.
    pub async fn create_district(&self, d: &golmok_api::NewDistrict) -> StoreResult<i64> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "INSERT INTO districts (slug, name, name_en, region, region_en, description, description_en, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(&d.slug)
        .bind(&d.name)
        .bind(&d.name_en)
        .bind(&d.region)
        .bind(&d.region_en)
        .bind(&d.description)
        .bind(&d.description_en)
        .bind(super::clock::now())
        .fetch_one(pool)
        .await)?)
    }

    /// Makes a user a moderator of the district; `false` if they were one already.
    pub async fn appoint_moderator(&self, district_id: i64, user_id: i64) -> StoreResult<bool> {
        let added = on_pool!(self, pool => sqlx::query(
            "INSERT INTO district_roles (district_id, user_id, role, created_at) VALUES ($1, $2, 'moderator', $3)
             ON CONFLICT (district_id, user_id) DO NOTHING",
        )
        .bind(district_id)
        .bind(user_id)
        .bind(super::clock::now())
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))?;
        Ok(added == 1)
    }

    /// Removes a moderator, unless they are the district's last: counted and removed in
    /// one exclusive transaction, so two removals at once cannot both leave it empty.
    pub async fn dismiss_moderator(&self, district_id: i64, user_id: i64) -> StoreResult<Dismissal> {
        use super::BeginExclusive as _;
        Ok(on_pool!(self, pool => {
            let mut tx = pool.begin_exclusive().await?;
            let (count, theirs): (i64, i64) = sqlx::query_as(
                "SELECT COUNT(*), COALESCE(SUM(CASE WHEN user_id = $2 THEN 1 ELSE 0 END), 0)
                 FROM district_roles WHERE district_id = $1 AND role = 'moderator'",
            )
            .bind(district_id)
            .bind(user_id)
            .fetch_one(&mut *tx)
            .await?;
            let outcome = match (theirs, count) {
                (0, _) => Dismissal::NotModerator,
                (_, 1) => Dismissal::LastOne,
                _ => {
                    sqlx::query("DELETE FROM district_roles WHERE district_id = $1 AND user_id = $2 AND role = 'moderator'")
                        .bind(district_id)
                        .bind(user_id)
                        .execute(&mut *tx)
                        .await?;
                    Dismissal::Removed
                }
            };
            tx.commit().await?;
            outcome
        }))
    }

    /// A district's moderators, by email and name, in the order they were appointed.
    pub async fn moderators(&self, district_id: i64) -> StoreResult<Vec<(String, String)>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT u.email, u.display_name FROM district_roles r JOIN users u ON u.id = r.user_id
             WHERE r.district_id = $1 AND r.role = 'moderator' ORDER BY r.created_at, u.id",
        )
        .bind(district_id)
        .fetch_all(pool)
        .await)?)
    }
}

impl Store {
    /// What the district's moderators set for it.
    pub async fn district_settings(&self, district_id: i64) -> StoreResult<Option<DistrictSettings>> {
        let row: Option<SettingsRow> = on_pool!(self, pool => sqlx::query_as(
            "SELECT name, name_en, description, description_en, kakao_channel_url, support_threshold,
                pledge_threshold, expiry_days, embed_origins
             FROM districts WHERE id = $1",
        )
        .bind(district_id)
        .fetch_optional(pool)
        .await)?;
        Ok(row.map(|r| DistrictSettings {
            name: r.name,
            name_en: r.name_en,
            description: r.description,
            description_en: r.description_en,
            kakao_channel_url: r.kakao_channel_url,
            support_threshold: r.support_threshold,
            pledge_threshold: r.pledge_threshold,
            expiry_days: r.expiry_days,
            embed_origins: r.embed_origins.split_whitespace().map(str::to_owned).collect(),
        }))
    }

    /// The sites that may frame the widget of the district with this slug (empty: any),
    /// or `None` for no such district.
    pub async fn embed_origins(&self, slug: &str) -> StoreResult<Option<Vec<String>>> {
        let row: Option<(String,)> = on_pool!(self, pool => sqlx::query_as(
            "SELECT embed_origins FROM districts WHERE slug = $1",
        )
        .bind(slug)
        .fetch_optional(pool)
        .await)?;
        Ok(row.map(|(list,)| list.split_whitespace().map(str::to_owned).collect()))
    }

    /// Changes the settings given (checked); a blank channel removes it.
    pub async fn update_district_settings(
        &self,
        district_id: i64,
        c: &DistrictSettingsUpdate,
    ) -> StoreResult<()> {
        on_pool!(self, pool => sqlx::query(
            "UPDATE districts SET name = COALESCE($2, name), name_en = COALESCE($3, name_en),
                description = COALESCE($4, description), description_en = COALESCE($5, description_en),
                kakao_channel_url = CASE WHEN CAST($6 AS TEXT) IS NULL THEN kakao_channel_url ELSE NULLIF($6, '') END,
                support_threshold = COALESCE($7, support_threshold),
                pledge_threshold = COALESCE($8, pledge_threshold), expiry_days = COALESCE($9, expiry_days),
                embed_origins = COALESCE($10, embed_origins)
             WHERE id = $1",
        )
        .bind(district_id)
        .bind(c.name.as_deref())
        .bind(c.name_en.as_deref())
        .bind(c.description.as_deref())
        .bind(c.description_en.as_deref())
        .bind(c.kakao_channel_url.as_deref())
        .bind(c.support_threshold)
        .bind(c.pledge_threshold)
        .bind(c.expiry_days)
        // Checked origins hold no space: one space apart, as the header lists them.
        .bind(c.embed_origins.as_ref().map(|list| list.join(" ")))
        .execute(pool)
        .await
        .map(|_| ()))?;
        Ok(())
    }

    /// A district's moderators, as others see them, in the order they were appointed.
    pub async fn moderator_authors(&self, district_id: i64) -> StoreResult<Vec<Author>> {
        let rows: Vec<(i64, String)> = on_pool!(self, pool => sqlx::query_as(
            "SELECT u.id, u.display_name FROM district_roles r JOIN users u ON u.id = r.user_id
             WHERE r.district_id = $1 AND r.role = 'moderator' ORDER BY r.created_at, u.id",
        )
        .bind(district_id)
        .fetch_all(pool)
        .await)?;
        Ok(rows.into_iter().map(|(id, display_name)| Author { id, display_name }).collect())
    }
}

#[derive(FromRow)]
struct SettingsRow {
    name: String,
    name_en: String,
    description: String,
    description_en: String,
    kakao_channel_url: Option<String>,
    support_threshold: i64,
    pledge_threshold: i64,
    expiry_days: i64,
    embed_origins: String,
}

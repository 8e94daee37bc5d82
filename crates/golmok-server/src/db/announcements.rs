//! Announcements of shops and of districts.

use golmok_api::{
    Announcement, AnnouncementKind, AnnouncementUpdate, NewAnnouncement, ShopCategory, ShopRef,
};
use sqlx::FromRow;

use super::{Store, StoreResult, clock};

pub(super) const SELECT_ANNOUNCEMENTS: &str =
    "SELECT a.id, a.district_id, d.slug AS district_slug, a.shop_id,
        s.name AS shop_name, s.name_en AS shop_name_en, s.category AS shop_category, a.kind, a.title,
        a.body, a.starts_at, a.ends_at, a.pinned, a.created_at, a.updated_at
    FROM announcements a
    JOIN districts d ON d.id = a.district_id
    LEFT JOIN shops s ON s.id = a.shop_id";

#[derive(FromRow)]
pub(super) struct AnnouncementRow {
    id: i64,
    district_id: i64,
    district_slug: String,
    shop_id: Option<i64>,
    shop_name: Option<String>,
    shop_name_en: Option<String>,
    shop_category: Option<String>,
    kind: String,
    title: String,
    body: String,
    starts_at: String,
    ends_at: String,
    pinned: bool,
    created_at: String,
    updated_at: String,
}

/// An announcement with what decides rights over it (never answered).
pub struct StoredAnnouncement {
    pub announcement: Announcement,
    pub district_id: i64,
}

impl From<AnnouncementRow> for StoredAnnouncement {
    fn from(r: AnnouncementRow) -> Self {
        let shop = r.shop_id.map(|id| ShopRef {
            id,
            name: r.shop_name.unwrap_or_default(),
            name_en: r.shop_name_en.unwrap_or_default(),
            category: r.shop_category.as_deref().and_then(ShopCategory::parse).unwrap_or_default(),
        });
        StoredAnnouncement {
            district_id: r.district_id,
            announcement: Announcement {
                id: r.id,
                district_slug: r.district_slug,
                shop,
                // The CHECK constraint admits only the contract's kinds.
                kind: AnnouncementKind::parse(&r.kind).unwrap_or_default(),
                title: r.title,
                body: r.body,
                starts_at: r.starts_at,
                ends_at: r.ends_at,
                pinned: r.pinned,
                created_at: r.created_at,
                updated_at: r.updated_at,
            },
        }
    }
}

/// Where a page of a district's current announcements starts: after this one, in the
/// order pinned first, then newest.
#[derive(Debug, Clone, Copy)]
pub struct PinnedAfter {
    pub pinned: bool,
    pub id: i64,
}

/// Which of a shop's announcements: showing now, or over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Showing {
    Current,
    Past,
    /// Not showing yet: for the shop's owner only.
    Upcoming,
}

impl Store {
    /// Posts an announcement (validated, span filled in) for a shop or, with no shop,
    /// for the district.
    pub async fn create_announcement(
        &self,
        district_id: i64,
        shop_id: Option<i64>,
        author_id: i64,
        a: &NewAnnouncement,
    ) -> StoreResult<i64> {
        let now = clock::now();
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "INSERT INTO announcements (district_id, shop_id, author_id, kind, title, body, starts_at, ends_at,
                                        created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
        )
        .bind(district_id)
        .bind(shop_id)
        .bind(author_id)
        .bind(a.kind.as_str())
        .bind(&a.title)
        .bind(&a.body)
        .bind(a.starts_at.as_deref())
        .bind(a.ends_at.as_deref())
        .bind(now)
        .fetch_one(pool)
        .await)?)
    }

    /// A visible announcement, current or not.
    pub async fn announcement(&self, id: i64) -> StoreResult<Option<StoredAnnouncement>> {
        let sql = format!("{SELECT_ANNOUNCEMENTS} WHERE a.id = $1 AND NOT a.hidden");
        let row = on_pool!(self, pool => sqlx::query_as::<_, AnnouncementRow>(&sql).bind(id).fetch_optional(pool).await)?;
        Ok(row.map(StoredAnnouncement::from))
    }

    /// A district's announcements showing now: pinned first, then newest.
    pub async fn current_announcements(
        &self,
        district_id: i64,
        after: Option<PinnedAfter>,
        limit: u32,
    ) -> StoreResult<Vec<Announcement>> {
        let sql = format!(
            "{SELECT_ANNOUNCEMENTS}
             WHERE a.district_id = $1 AND NOT a.hidden AND a.starts_at <= $2 AND a.ends_at > $2
               AND (a.pinned = $3 AND a.id < $4 OR a.pinned <> $3 AND $3)
             ORDER BY a.pinned DESC, a.id DESC LIMIT $5"
        );
        // No cursor: as if after a pinned item past every id: all pinned, then the rest.
        let after = after.unwrap_or(PinnedAfter { pinned: true, id: i64::MAX });
        let rows = on_pool!(self, pool => sqlx::query_as::<_, AnnouncementRow>(&sql)
            .bind(district_id)
            .bind(clock::now())
            .bind(after.pinned)
            .bind(after.id)
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await)?;
        Ok(rows.into_iter().map(|r| StoredAnnouncement::from(r).announcement).collect())
    }

    /// A shop's announcements showing now, over, or still to come, newest first, before id
    /// `before`.
    pub async fn shop_announcements(
        &self,
        shop_id: i64,
        showing: Showing,
        before: Option<i64>,
        limit: u32,
    ) -> StoreResult<Vec<Announcement>> {
        let when = match showing {
            Showing::Current => "a.starts_at <= $2 AND a.ends_at > $2",
            Showing::Past => "a.ends_at <= $2",
            Showing::Upcoming => "a.starts_at > $2",
        };
        let sql = format!(
            "{SELECT_ANNOUNCEMENTS} WHERE a.shop_id = $1 AND NOT a.hidden AND {when} AND a.id < $3
             ORDER BY a.id DESC LIMIT $4"
        );
        let rows = on_pool!(self, pool => sqlx::query_as::<_, AnnouncementRow>(&sql)
            .bind(shop_id)
            .bind(clock::now())
            .bind(before.unwrap_or(i64::MAX))
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await)?;
        Ok(rows.into_iter().map(|r| StoredAnnouncement::from(r).announcement).collect())
    }

    /// Changes the fields given (validated already). One statement, which changes nothing
    /// (`false`) if the span it would make is out of order: another edit moved the other
    /// end since this one was checked.
    pub async fn update_announcement(&self, id: i64, change: &AnnouncementUpdate) -> StoreResult<bool> {
        let changed = on_pool!(self, pool => sqlx::query(
            "UPDATE announcements SET
                kind = COALESCE(CAST($2 AS TEXT), kind),
                title = COALESCE(CAST($3 AS TEXT), title),
                body = COALESCE(CAST($4 AS TEXT), body),
                starts_at = COALESCE(CAST($5 AS TEXT), starts_at),
                ends_at = COALESCE(CAST($6 AS TEXT), ends_at),
                updated_at = $7
             WHERE id = $1 AND NOT hidden
               AND COALESCE(CAST($6 AS TEXT), ends_at) > COALESCE(CAST($5 AS TEXT), starts_at)",
        )
        .bind(id)
        .bind(change.kind.map(AnnouncementKind::as_str))
        .bind(change.title.as_deref())
        .bind(change.body.as_deref())
        .bind(change.starts_at.as_deref())
        .bind(change.ends_at.as_deref())
        .bind(clock::now())
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))?;
        Ok(changed == 1)
    }

    /// Deletes it, and the reports of it still waiting: there is nothing left to decide.
    pub async fn delete_announcement(&self, id: i64) -> StoreResult<()> {
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM announcements WHERE id = $1").bind(id).execute(&mut *tx).await?;
            sqlx::query("DELETE FROM reports WHERE target = 'announcement' AND target_id = $1 AND decision IS NULL")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await
        })?;
        Ok(())
    }

    pub async fn pin_announcement(&self, id: i64, pinned: bool) -> StoreResult<()> {
        on_pool!(self, pool => sqlx::query("UPDATE announcements SET pinned = $2 WHERE id = $1")
            .bind(id)
            .bind(pinned)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(())
    }
}

//! Shops, the claims that make someone a shop's owner, and who may do what.

use golmok_api::{
    Author, ClaimStatus, FollowState, NewShopClaim, Role, RoleGrant, Shop, ShopCategory, ShopClaim,
    ShopUpdate, VerificationDecision, WeeklyHours, hours::Moment,
};
use sqlx::FromRow;

use super::{Store, StoreError, StoreResult, clock};

const SELECT_CLAIMS: &str = "SELECT c.id, c.shop_id, d.slug AS district_slug, u.id AS claimant_id,
        u.display_name AS claimant_name, c.name, c.category, c.business_number, c.note, c.status,
        c.decision_note, c.decided_at, c.created_at
    FROM shop_claims c
    JOIN shops s ON s.id = c.shop_id
    JOIN districts d ON d.id = s.district_id
    JOIN users u ON u.id = c.user_id";

#[derive(FromRow)]
struct ClaimRow {
    id: i64,
    shop_id: i64,
    district_slug: String,
    claimant_id: i64,
    claimant_name: String,
    name: String,
    category: String,
    business_number: String,
    note: String,
    status: String,
    decision_note: Option<String>,
    decided_at: Option<String>,
    created_at: String,
}

impl From<ClaimRow> for ShopClaim {
    fn from(r: ClaimRow) -> Self {
        ShopClaim {
            id: r.id,
            shop_id: r.shop_id,
            district_slug: r.district_slug,
            claimant: Author { id: r.claimant_id, display_name: r.claimant_name },
            name: r.name,
            // Only the contract's keys are ever written; an unknown one reads as `other`.
            category: ShopCategory::parse(&r.category).unwrap_or_default(),
            business_number: r.business_number,
            note: r.note,
            status: ClaimStatus::parse(&r.status).unwrap_or(ClaimStatus::Pending),
            decision_note: r.decision_note,
            decided_at: r.decided_at,
            created_at: r.created_at,
        }
    }
}

const SELECT_SHOPS: &str = "SELECT s.id, d.slug AS district_slug, s.name, s.name_en, s.category, s.verified,
        s.description, s.description_en, s.place, s.phone, s.kakao_channel_url, s.accepts_onnuri,
        s.accepts_local_card, s.hours, s.closed_on, s.follower_count, s.owner_user_id, s.district_id,
        EXISTS (SELECT 1 FROM follows f WHERE f.shop_id = s.id AND f.user_id = $1) AS following
    FROM shops s JOIN districts d ON d.id = s.district_id";

#[derive(FromRow)]
struct ShopRow {
    id: i64,
    district_slug: String,
    name: String,
    name_en: String,
    category: String,
    verified: bool,
    description: String,
    description_en: String,
    place: String,
    phone: Option<String>,
    kakao_channel_url: Option<String>,
    accepts_onnuri: bool,
    accepts_local_card: bool,
    hours: String,
    closed_on: Option<String>,
    follower_count: i64,
    owner_user_id: Option<i64>,
    district_id: i64,
    following: bool,
}

/// A listed shop with what decides rights over it (never answered).
pub struct OwnedShop {
    pub shop: Shop,
    pub owner: Option<i64>,
    pub district_id: i64,
}

impl OwnedShop {
    /// Whether `user_id` is this shop's verified owner: a merchant for it.
    pub fn is_merchant(&self, user_id: i64) -> bool {
        self.shop.verified && self.owner == Some(user_id)
    }
}

impl ShopRow {
    /// The shop as it stands at `now`: "open now" and "closed today" are answers about
    /// that moment.
    fn at(self, now: Moment) -> OwnedShop {
        // Only the contract's WeeklyHours is ever written; unreadable hours are no hours.
        let hours: WeeklyHours = serde_json::from_str(&self.hours).unwrap_or_default();
        let opening = golmok_api::hours::date_of_day(golmok_api::hours::opening_day(&hours, now));
        let closed_today = self.closed_on.as_deref() == Some(opening.as_str());
        let open_now = golmok_api::hours::is_open(&hours, self.closed_on.as_deref(), now);
        let shop = Shop {
            id: self.id,
            district_slug: self.district_slug,
            name: self.name,
            name_en: self.name_en,
            category: ShopCategory::parse(&self.category).unwrap_or_default(),
            verified: self.verified,
            description: self.description,
            description_en: self.description_en,
            place: self.place,
            phone: self.phone,
            kakao_channel_url: self.kakao_channel_url,
            accepts_onnuri: self.accepts_onnuri,
            accepts_local_card: self.accepts_local_card,
            hours,
            closed_today,
            closed_on: self.closed_on,
            open_now,
            follower_count: self.follower_count,
            following: self.following,
        };
        OwnedShop { shop, owner: self.owner_user_id, district_id: self.district_id }
    }
}

/// Why a claim was not taken, besides a claim already pending for the shop (the unique
/// index: `StoreError::Conflict`).
#[derive(Debug, PartialEq, Eq)]
pub enum ClaimRefusal {
    /// No listed shop with that id in the district.
    NoSuchShop,
    /// The shop has an owner already.
    Owned,
}

/// Which claims of a district to list, and from where.
pub struct ClaimFilter {
    pub district_id: i64,
    pub status: ClaimStatus,
    /// Oldest first, after this claim id: a queue, worked from its front.
    pub after: Option<i64>,
    pub limit: u32,
}

impl Store {
    /// What `user_id` may do beyond a resident: moderator of districts, merchant of the
    /// verified shops they own.
    pub async fn roles(&self, user_id: i64) -> StoreResult<Vec<RoleGrant>> {
        let rows: Vec<(String, String, Option<i64>)> = on_pool!(self, pool => sqlx::query_as(
            "SELECT d.slug, 'moderator', CAST(NULL AS BIGINT)
             FROM district_roles r JOIN districts d ON d.id = r.district_id
             WHERE r.user_id = $1 AND r.role = 'moderator'
             UNION ALL
             SELECT d.slug, 'merchant', s.id
             FROM shops s JOIN districts d ON d.id = s.district_id
             WHERE s.owner_user_id = $1 AND s.verified AND s.listed",
        )
        .bind(user_id)
        .fetch_all(pool)
        .await)?;
        // Ordered here, not by the engines, whose text collations differ.
        let mut rows = rows;
        rows.sort();
        Ok(rows
            .into_iter()
            .map(|(district_slug, role, shop_id)| RoleGrant {
                district_slug,
                role: if role == "moderator" { Role::Moderator } else { Role::Merchant },
                shop_id,
            })
            .collect())
    }

    /// Whether `user_id` moderates the district.
    pub async fn is_moderator(&self, district_id: i64, user_id: i64) -> StoreResult<bool> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM district_roles
                            WHERE district_id = $1 AND user_id = $2 AND role = 'moderator')",
        )
        .bind(district_id)
        .bind(user_id)
        .fetch_one(pool)
        .await)?)
    }

    /// The district a shop belongs to and whether it is listed (an unlisted one waits for
    /// its claim's decision).
    pub async fn shop_district(&self, shop_id: i64) -> StoreResult<Option<(i64, bool)>> {
        Ok(on_pool!(self, pool => sqlx::query_as("SELECT district_id, listed FROM shops WHERE id = $1")
            .bind(shop_id)
            .fetch_optional(pool)
            .await)?)
    }

    /// Who made the shop's pending claim, if one is pending.
    pub async fn pending_claimant(&self, shop_id: i64) -> StoreResult<Option<i64>> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "SELECT user_id FROM shop_claims WHERE shop_id = $1 AND status = 'pending'",
        )
        .bind(shop_id)
        .fetch_optional(pool)
        .await)?)
    }

    /// Files a claim. For a new shop, the shop is created unlisted in the same
    /// transaction; a listed one must have no owner. Every statement here writes first
    /// (a SQLite transaction that reads before it writes fails at once when another
    /// writer is busy), so two claims at once queue, and the pending-claim index turns
    /// the second into `StoreError::Conflict`.
    pub async fn create_claim(
        &self,
        district_id: i64,
        user_id: i64,
        claim: &NewShopClaim,
    ) -> StoreResult<Result<ShopClaim, ClaimRefusal>> {
        let now = clock::now();
        let id: Option<i64> = on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let shop_id: Option<i64> = match claim.shop_id {
                // Taking the shop's row lock first (a write) re-checks "no owner yet" against
                // a decision that commits meanwhile, on PostgreSQL as on SQLite.
                Some(shop_id) => {
                    let free = sqlx::query(
                        "UPDATE shops SET listed = listed
                         WHERE id = $1 AND district_id = $2 AND owner_user_id IS NULL AND listed",
                    )
                    .bind(shop_id)
                    .bind(district_id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    (free == 1).then_some(shop_id)
                }
                None => Some(
                    sqlx::query_scalar(
                        "INSERT INTO shops (district_id, name, category, listed, verified, created_at)
                         VALUES ($1, $2, $3, FALSE, FALSE, $4) RETURNING id",
                    )
                    .bind(district_id)
                    .bind(&claim.name)
                    .bind(claim.category.as_str())
                    .bind(&now)
                    .fetch_one(&mut *tx)
                    .await?,
                ),
            };
            match shop_id {
                None => None,
                Some(shop_id) => {
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO shop_claims (shop_id, user_id, name, category, business_number, note, created_at)
                         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                    )
                    .bind(shop_id)
                    .bind(user_id)
                    .bind(&claim.name)
                    .bind(claim.category.as_str())
                    .bind(&claim.business_number)
                    .bind(&claim.note)
                    .bind(&now)
                    .fetch_one(&mut *tx)
                    .await?;
                    tx.commit().await?;
                    Some(id)
                }
            }
        });
        if let Some(id) = id {
            return Ok(Ok(self.claim(id).await?.ok_or(StoreError::Missing)?));
        }
        // Refused: say why, for the shop as it is now.
        let owner: Option<(Option<i64>,)> = on_pool!(self, pool => sqlx::query_as(
            "SELECT owner_user_id FROM shops WHERE id = $1 AND district_id = $2 AND listed",
        )
        .bind(claim.shop_id)
        .bind(district_id)
        .fetch_optional(pool)
        .await)?;
        Ok(Err(match owner {
            Some((Some(_),)) => ClaimRefusal::Owned,
            _ => ClaimRefusal::NoSuchShop,
        }))
    }

    async fn claim(&self, id: i64) -> StoreResult<Option<ShopClaim>> {
        let sql = format!("{SELECT_CLAIMS} WHERE c.id = $1");
        let row =
            on_pool!(self, pool => sqlx::query_as::<_, ClaimRow>(&sql).bind(id).fetch_optional(pool).await)?;
        Ok(row.map(ShopClaim::from))
    }

    /// A user's own claims, newest first, before the claim with id `before`.
    pub async fn claims_of_user(
        &self,
        user_id: i64,
        before: Option<i64>,
        limit: u32,
    ) -> StoreResult<Vec<ShopClaim>> {
        let sql = format!("{SELECT_CLAIMS} WHERE c.user_id = $1 AND c.id < $2 ORDER BY c.id DESC LIMIT $3");
        let rows = on_pool!(self, pool => sqlx::query_as::<_, ClaimRow>(&sql)
            .bind(user_id)
            .bind(before.unwrap_or(i64::MAX))
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await)?;
        Ok(rows.into_iter().map(ShopClaim::from).collect())
    }

    /// A district's claims in one state, oldest first.
    pub async fn claims_of_district(&self, filter: &ClaimFilter) -> StoreResult<Vec<ShopClaim>> {
        let sql = format!(
            "{SELECT_CLAIMS} WHERE s.district_id = $1 AND c.status = $2 AND c.id > $3 ORDER BY c.id LIMIT $4"
        );
        let rows = on_pool!(self, pool => sqlx::query_as::<_, ClaimRow>(&sql)
            .bind(filter.district_id)
            .bind(filter.status.as_str())
            .bind(filter.after.unwrap_or(0))
            .bind(i64::from(filter.limit))
            .fetch_all(pool)
            .await)?;
        Ok(rows.into_iter().map(ShopClaim::from).collect())
    }

    /// Decides the shop's pending claim. Verifying makes the claimant the owner and lists
    /// the shop. `None`: no claim is pending (decided already, or never made).
    /// `StoreError::Conflict("owner")`: the shop has come to have an owner meanwhile.
    pub async fn decide_claim(
        &self,
        shop_id: i64,
        moderator_id: i64,
        decision: VerificationDecision,
        note: &str,
    ) -> StoreResult<Option<ShopClaim>> {
        let status = match decision {
            VerificationDecision::Verify => ClaimStatus::Verified,
            VerificationDecision::Reject => ClaimStatus::Rejected,
        };
        let note = (!note.is_empty()).then_some(note);
        let decided: Option<i64> = on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            // One statement decides: two moderators deciding at once cannot both win.
            let claim: Option<(i64, i64)> = sqlx::query_as(
                "UPDATE shop_claims SET status = $2, decision_note = $3, decided_by = $4, decided_at = $5
                 WHERE shop_id = $1 AND status = 'pending' AND user_id <> $4 RETURNING id, user_id",
            )
            .bind(shop_id)
            .bind(status.as_str())
            .bind(note)
            .bind(moderator_id)
            .bind(clock::now())
            .fetch_optional(&mut *tx)
            .await?;
            match claim {
                None => None,
                Some((id, claimant)) => {
                    if status == ClaimStatus::Verified {
                        let owned = sqlx::query(
                            "UPDATE shops SET owner_user_id = $2, verified = TRUE, listed = TRUE
                             WHERE id = $1 AND owner_user_id IS NULL",
                        )
                        .bind(shop_id)
                        .bind(claimant)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                        if owned == 0 {
                            return Err(StoreError::Conflict("owner"));
                        }
                    }
                    tx.commit().await?;
                    Some(id)
                }
            }
        });
        match decided {
            Some(id) => self.claim(id).await,
            None => Ok(None),
        }
    }
    /// A listed shop, as it stands at `now`, `following` set for `viewer`.
    pub async fn shop(&self, id: i64, now: Moment, viewer: Option<i64>) -> StoreResult<Option<OwnedShop>> {
        let sql = format!("{SELECT_SHOPS} WHERE s.id = $2 AND s.listed");
        let row = on_pool!(self, pool => sqlx::query_as::<_, ShopRow>(&sql)
            .bind(viewer.unwrap_or(0))
            .bind(id)
            .fetch_optional(pool)
            .await)?;
        Ok(row.map(|r| r.at(now)))
    }

    /// Every listed shop of a district, as they stand at `now`, in no particular order.
    /// A district has tens of shops, a few hundred at most: the directory filters and
    /// orders them in Rust, with the same "open now" rule as the app, and the same order
    /// on both engines (whose text collations differ).
    pub async fn shops_of_district(
        &self,
        district_id: i64,
        now: Moment,
        viewer: Option<i64>,
    ) -> StoreResult<Vec<Shop>> {
        let sql = format!("{SELECT_SHOPS} WHERE s.district_id = $2 AND s.listed");
        let rows = on_pool!(self, pool => sqlx::query_as::<_, ShopRow>(&sql)
            .bind(viewer.unwrap_or(0))
            .bind(district_id)
            .fetch_all(pool)
            .await)?;
        Ok(rows.into_iter().map(|r| r.at(now).shop).collect())
    }

    /// Changes the fields given (validated already). An empty phone or channel removes
    /// it; `closed_today` sets or clears today's date (`today`, Seoul). One statement.
    pub async fn update_shop(&self, id: i64, change: &ShopUpdate, today: &str) -> StoreResult<()> {
        let hours = change
            .hours
            .as_ref()
            .map(serde_json::to_string)
            .transpose()
            .map_err(|e| StoreError::Other(sqlx::Error::Encode(e.into())))?;
        on_pool!(self, pool => sqlx::query(
            "UPDATE shops SET
                name = COALESCE(CAST($2 AS TEXT), name),
                name_en = COALESCE(CAST($3 AS TEXT), name_en),
                category = COALESCE(CAST($4 AS TEXT), category),
                description = COALESCE(CAST($5 AS TEXT), description),
                description_en = COALESCE(CAST($6 AS TEXT), description_en),
                place = COALESCE(CAST($7 AS TEXT), place),
                phone = CASE WHEN CAST($8 AS TEXT) IS NULL THEN phone
                             WHEN CAST($8 AS TEXT) = '' THEN NULL ELSE CAST($8 AS TEXT) END,
                kakao_channel_url = CASE WHEN CAST($9 AS TEXT) IS NULL THEN kakao_channel_url
                             WHEN CAST($9 AS TEXT) = '' THEN NULL ELSE CAST($9 AS TEXT) END,
                accepts_onnuri = COALESCE(CAST($10 AS BOOLEAN), accepts_onnuri),
                accepts_local_card = COALESCE(CAST($11 AS BOOLEAN), accepts_local_card),
                hours = COALESCE(CAST($12 AS TEXT), hours),
                closed_on = CASE WHEN CAST($13 AS BOOLEAN) IS NULL THEN closed_on
                             WHEN CAST($13 AS BOOLEAN) THEN CAST($14 AS TEXT) ELSE NULL END
             WHERE id = $1 AND listed",
        )
        .bind(id)
        .bind(change.name.as_deref())
        .bind(change.name_en.as_deref())
        .bind(change.category.map(ShopCategory::as_str))
        .bind(change.description.as_deref())
        .bind(change.description_en.as_deref())
        .bind(change.place.as_deref())
        .bind(change.phone.as_deref())
        .bind(change.kakao_channel_url.as_deref())
        .bind(change.accepts_onnuri)
        .bind(change.accepts_local_card)
        .bind(hours.as_deref())
        .bind(change.closed_today)
        .bind(today)
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))?;
        Ok(())
    }
    /// Follows (`true`) or stops following; twice changes nothing. `None` when the shop
    /// is not listed. One statement on `follows`; the count follows by trigger.
    pub async fn set_follow(&self, shop_id: i64, user_id: i64, on: bool) -> StoreResult<Option<FollowState>> {
        let change = if on {
            "INSERT INTO follows (shop_id, user_id, created_at)
             SELECT CAST($1 AS BIGINT), CAST($2 AS BIGINT), CAST($3 AS TEXT)
             WHERE EXISTS (SELECT 1 FROM shops WHERE id = $1 AND listed)
             ON CONFLICT (shop_id, user_id) DO NOTHING"
        } else {
            "DELETE FROM follows WHERE shop_id = $1 AND user_id = $2
             AND EXISTS (SELECT 1 FROM shops WHERE id = $1 AND listed)"
        };
        on_pool!(self, pool => {
            let query = sqlx::query(change).bind(shop_id).bind(user_id);
            let query = if on { query.bind(clock::now()) } else { query };
            query.execute(pool).await.map(|done| done.rows_affected())
        })?;
        // Following is what was just asked for, whatever the row was before; the count is
        // the trigger's.
        let count: Option<i64> = on_pool!(self, pool => sqlx::query_scalar(
            "SELECT follower_count FROM shops WHERE id = $1 AND listed",
        )
        .bind(shop_id)
        .fetch_optional(pool)
        .await)?;
        Ok(count.map(|follower_count| FollowState { shop_id, following: on, follower_count }))
    }
}

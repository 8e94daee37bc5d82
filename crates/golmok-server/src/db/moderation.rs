//! Reports and hiding: the queue of reported items, a moderator's decision, and what of
//! an author's was hidden. Every reportable thing is read through the `moderated_items`
//! view (migrations/*/…_reports.sql), one list over the four tables.

use golmok_api::{Author, HiddenItem, ReportReason, ReportTarget, ReportedItem};
use sqlx::FromRow;

use super::{Store, StoreError, StoreResult, clock};

/// Where a reportable item is and whether others can see it.
#[derive(Debug, Clone, Copy)]
pub struct ItemPlace {
    pub district_id: i64,
    /// Out of everyone's sight but its author's and moderators': hidden itself, part of a
    /// hidden proposal, or an announcement not showing yet (a shop's draft of sorts).
    pub gone: bool,
}

#[derive(FromRow)]
struct ItemRow {
    /// The id of the item's first open report (queue rows only).
    #[sqlx(default)]
    first: i64,
    /// One reason given (queue rows only: a row per open report).
    #[sqlx(default)]
    reason: String,
    #[sqlx(default)]
    reported_at: String,
    target: String,
    target_id: i64,
    proposal_id: Option<i64>,
    title: Option<String>,
    body: String,
    author_id: i64,
    author_name: String,
    hidden: bool,
    hidden_note: Option<String>,
    hidden_at: Option<String>,
}

impl ItemRow {
    fn target(&self) -> StoreResult<ReportTarget> {
        ReportTarget::parse(&self.target).ok_or_else(|| {
            StoreError::Other(sqlx::Error::Decode(format!("unexpected target {:?}", self.target).into()))
        })
    }

    /// A title and its text read as one: the title, a blank line, the text.
    fn text(&self) -> String {
        match &self.title {
            Some(title) => format!("{title}\n\n{}", self.body),
            None => self.body.clone(),
        }
    }
}

const SELECT_ITEMS: &str = "SELECT i.target, i.target_id, i.proposal_id, i.title, i.body, i.author_id,
        u.display_name AS author_name, i.hidden, i.hidden_note, i.hidden_at
    FROM moderated_items i JOIN users u ON u.id = i.author_id";

/// What a decision did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decided {
    /// Done; this many open reports closed with it.
    Closed(i64),
    /// The item was no longer as the moderator saw it (`was_hidden`): nothing changed.
    Changed,
}

impl Store {
    /// The district of an item and whether it is out of sight; `None` if there is none.
    pub async fn item_place(&self, target: ReportTarget, id: i64) -> StoreResult<Option<ItemPlace>> {
        // An announcement is only in sight from its start: before, its shop is still
        // writing it, and nobody else may read it, nor report it into the queue.
        let row: Option<(i64, bool)> = on_pool!(self, pool => sqlx::query_as(
            "SELECT i.district_id, (i.gone OR COALESCE(n.starts_at > $3, FALSE)) AS gone
             FROM moderated_items i
             LEFT JOIN announcements n ON i.target = 'announcement' AND n.id = i.target_id
             WHERE i.target = $1 AND i.target_id = $2",
        )
        .bind(target.as_str())
        .bind(id)
        .bind(clock::now())
        .fetch_optional(pool)
        .await)?;
        Ok(row.map(|(district_id, gone)| ItemPlace { district_id, gone }))
    }

    /// Files a report; the same person's open report of the same item is answered again
    /// instead of a second one. Answers the report and whether it is new.
    pub async fn add_report(
        &self,
        district_id: i64,
        target: ReportTarget,
        target_id: i64,
        reporter: i64,
        reason: &str,
    ) -> StoreResult<(golmok_api::Report, bool)> {
        // A decision can close the open report between the insert that met it and the
        // read of it: then the report goes in anew, as if the decision had come first.
        for _ in 0..3 {
            let added: Option<(i64, String)> = on_pool!(self, pool => sqlx::query_as(
                "INSERT INTO reports (district_id, target, target_id, reporter_id, reason, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (target, target_id, reporter_id) WHERE decision IS NULL DO NOTHING
                 RETURNING id, created_at",
            )
            .bind(district_id)
            .bind(target.as_str())
            .bind(target_id)
            .bind(reporter)
            .bind(reason)
            .bind(clock::now())
            .fetch_optional(pool)
            .await)?;
            if let Some((id, created_at)) = added {
                let reason = reason.to_owned();
                return Ok((golmok_api::Report { id, target, target_id, reason, created_at }, true));
            }
            let open: Option<(i64, String, String)> = on_pool!(self, pool => sqlx::query_as(
                "SELECT id, reason, created_at FROM reports
                 WHERE target = $1 AND target_id = $2 AND reporter_id = $3 AND decision IS NULL",
            )
            .bind(target.as_str())
            .bind(target_id)
            .bind(reporter)
            .fetch_optional(pool)
            .await)?;
            if let Some((id, reason, created_at)) = open {
                return Ok((golmok_api::Report { id, target, target_id, reason, created_at }, false));
            }
        }
        Err(StoreError::Other(sqlx::Error::Protocol("a report kept meeting decisions".into())))
    }

    /// Hides or shows an item and closes its open reports with the decision, in one
    /// transaction, unless it is no longer hidden or shown as `was_hidden` says.
    pub async fn set_hidden(
        &self,
        target: ReportTarget,
        id: i64,
        decision: &golmok_api::Visibility,
        moderator: i64,
    ) -> StoreResult<Decided> {
        let now = clock::now();
        // Hidden again, it keeps when and why it was first hidden unless a note is given.
        let hide = format!(
            "UPDATE {} SET hidden = $2,
                 hidden_note = CASE WHEN $2 THEN COALESCE(NULLIF($3, ''), hidden_note) END,
                 hidden_at = CASE WHEN $2 THEN CASE WHEN hidden THEN COALESCE(hidden_at, $4) ELSE $4 END END
             WHERE id = $1 AND (CAST($5 AS BOOLEAN) IS NULL OR hidden = CAST($5 AS BOOLEAN))",
            target.collection()
        );
        let hidden = decision.hidden;
        let decided = on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let changed = sqlx::query(&hide)
                .bind(id)
                .bind(hidden)
                .bind(decision.note.as_str())
                .bind(&now)
                .bind(decision.was_hidden)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if changed == 0 {
                Decided::Changed
            } else {
                let closed = sqlx::query(
                    "UPDATE reports SET decision = $3, decided_by = $4, decision_note = $5, decided_at = $6
                     WHERE target = $1 AND target_id = $2 AND decision IS NULL",
                )
                .bind(target.as_str())
                .bind(id)
                .bind(if hidden { "hidden" } else { "kept" })
                .bind(moderator)
                .bind(decision.note.as_str())
                .bind(&now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                tx.commit().await?;
                Decided::Closed(i64::try_from(closed).unwrap_or(i64::MAX))
            }
        });
        Ok(decided)
    }

    /// A page of the district's reported items waiting for a decision, the longest
    /// waiting first: after the item whose first open report is `after`. Each comes with
    /// the id of its first open report (the page's cursor).
    pub async fn reported_items(
        &self,
        district_id: i64,
        after: Option<i64>,
        limit: u32,
    ) -> StoreResult<Vec<(i64, ReportedItem)>> {
        // The page is chosen among items that still exist, then read a row per reason.
        let sql = "WITH waiting AS (
                SELECT r.target, r.target_id, MIN(r.id) AS first
                FROM reports r
                JOIN moderated_items m ON m.target = r.target AND m.target_id = r.target_id
                WHERE r.district_id = $1 AND r.decision IS NULL
                GROUP BY r.target, r.target_id HAVING MIN(r.id) > $2
                ORDER BY first LIMIT $3)
            SELECT w.first, i.target, i.target_id, i.proposal_id, i.title, i.body, i.author_id,
                u.display_name AS author_name, i.hidden, i.hidden_note, i.hidden_at,
                r.reason, r.created_at AS reported_at
            FROM waiting w
            JOIN moderated_items i ON i.target = w.target AND i.target_id = w.target_id
            JOIN users u ON u.id = i.author_id
            JOIN reports r ON r.target = w.target AND r.target_id = w.target_id AND r.decision IS NULL
            ORDER BY w.first, r.id";
        let rows = on_pool!(self, pool => sqlx::query_as::<_, ItemRow>(sql)
            .bind(district_id)
            .bind(after.unwrap_or(0))
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await)?;
        let mut items: Vec<(i64, ReportedItem)> = Vec::new();
        for row in rows {
            let reason = ReportReason { reason: row.reason.clone(), created_at: row.reported_at.clone() };
            match items.last_mut() {
                Some((first, item)) if *first == row.first => item.reasons.push(reason),
                _ => items.push((
                    row.first,
                    ReportedItem {
                        target: row.target()?,
                        target_id: row.target_id,
                        proposal_id: row.proposal_id,
                        text: row.text(),
                        author: Author { id: row.author_id, display_name: row.author_name.clone() },
                        hidden: row.hidden,
                        reasons: vec![reason],
                    },
                )),
            }
        }
        Ok(items)
    }

    /// What of `author`'s is hidden, the latest hidden first, after skipping `skip`.
    pub async fn hidden_of(&self, author: i64, skip: i64, limit: u32) -> StoreResult<Vec<HiddenItem>> {
        // Rows hidden before `hidden_at` existed have none: both engines put them last.
        let sql = format!(
            "{SELECT_ITEMS} WHERE i.author_id = $1 AND i.hidden
             ORDER BY COALESCE(i.hidden_at, '') DESC, i.target, i.target_id DESC LIMIT $2 OFFSET $3"
        );
        let rows = on_pool!(self, pool => sqlx::query_as::<_, ItemRow>(&sql)
            .bind(author)
            .bind(i64::from(limit))
            .bind(skip)
            .fetch_all(pool)
            .await)?;
        rows.into_iter()
            .map(|row| {
                Ok(HiddenItem {
                    target: row.target()?,
                    target_id: row.target_id,
                    proposal_id: row.proposal_id,
                    text: row.text(),
                    note: row.hidden_note.clone().unwrap_or_default(),
                    hidden_at: row.hidden_at.clone().unwrap_or_default(),
                })
            })
            .collect()
    }
}

#[derive(FromRow)]
struct SuspensionRow {
    user_id: i64,
    user_name: String,
    note: String,
    by_id: i64,
    by_name: String,
    created_at: String,
}

impl From<SuspensionRow> for golmok_api::Suspension {
    fn from(r: SuspensionRow) -> Self {
        golmok_api::Suspension {
            user: Author { id: r.user_id, display_name: r.user_name },
            note: r.note,
            suspended_by: Author { id: r.by_id, display_name: r.by_name },
            created_at: r.created_at,
        }
    }
}

const SELECT_SUSPENSIONS: &str = "SELECT s.user_id, u.display_name AS user_name, s.note,
        s.suspended_by AS by_id, b.display_name AS by_name, s.created_at
    FROM suspensions s JOIN users u ON u.id = s.user_id JOIN users b ON b.id = s.suspended_by";

impl Store {
    /// Suspends `user` from writing in the district (again: with the new note).
    pub async fn suspend(
        &self,
        district_id: i64,
        user_id: i64,
        note: &str,
        moderator: i64,
    ) -> StoreResult<golmok_api::Suspension> {
        on_pool!(self, pool => sqlx::query(
            "INSERT INTO suspensions (district_id, user_id, note, suspended_by, created_at)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (district_id, user_id)
             DO UPDATE SET note = excluded.note, suspended_by = excluded.suspended_by,
                 created_at = excluded.created_at",
        )
        .bind(district_id)
        .bind(user_id)
        .bind(note)
        .bind(moderator)
        .bind(clock::now())
        .execute(pool)
        .await
        .map(|_| ()))?;
        let sql = format!("{SELECT_SUSPENSIONS} WHERE s.district_id = $1 AND s.user_id = $2");
        let row = on_pool!(self, pool => sqlx::query_as::<_, SuspensionRow>(&sql)
            .bind(district_id)
            .bind(user_id)
            .fetch_optional(pool)
            .await)?;
        // Lifted in the instant between: as the moderator asked, it was suspended.
        row.map(Into::into).ok_or(StoreError::Missing)
    }

    /// Lets `user` write in the district again; whether it was suspended.
    pub async fn lift_suspension(&self, district_id: i64, user_id: i64) -> StoreResult<bool> {
        let gone = on_pool!(self, pool => sqlx::query("DELETE FROM suspensions WHERE district_id = $1 AND user_id = $2")
            .bind(district_id)
            .bind(user_id)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(gone == 1)
    }

    pub async fn is_suspended(&self, district_id: i64, user_id: i64) -> StoreResult<bool> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM suspensions WHERE district_id = $1 AND user_id = $2)",
        )
        .bind(district_id)
        .bind(user_id)
        .fetch_one(pool)
        .await)?)
    }

    /// The district's suspended accounts, by account id, after `after`.
    pub async fn suspensions(
        &self,
        district_id: i64,
        after: Option<i64>,
        limit: u32,
    ) -> StoreResult<Vec<golmok_api::Suspension>> {
        let sql = format!(
            "{SELECT_SUSPENSIONS} WHERE s.district_id = $1 AND s.user_id > $2 ORDER BY s.user_id LIMIT $3"
        );
        let rows = on_pool!(self, pool => sqlx::query_as::<_, SuspensionRow>(&sql)
            .bind(district_id)
            .bind(after.unwrap_or(0))
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await)?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
}

impl Store {
    /// An account that exists and was not deleted (`delete_account` leaves `!` as its hash).
    pub async fn user_exists(&self, user_id: i64) -> StoreResult<bool> {
        Ok(
            on_pool!(self, pool => sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM users WHERE id = $1 AND password_hash <> '!')")
            .bind(user_id)
            .fetch_one(pool)
            .await)?,
        )
    }
}

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
    /// Hidden itself, or it belongs to a hidden proposal.
    pub gone: bool,
}

#[derive(FromRow)]
struct ItemRow {
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

/// The table that holds each kind of item.
fn table(target: ReportTarget) -> &'static str {
    match target {
        ReportTarget::Proposal => "proposals",
        ReportTarget::Comment => "comments",
        ReportTarget::Answer => "answers",
        ReportTarget::Announcement => "announcements",
    }
}

impl Store {
    /// The district of an item and whether it is out of sight; `None` if there is none.
    pub async fn item_place(&self, target: ReportTarget, id: i64) -> StoreResult<Option<ItemPlace>> {
        let row: Option<(i64, bool)> = on_pool!(self, pool => sqlx::query_as(
            "SELECT district_id, gone FROM moderated_items WHERE target = $1 AND target_id = $2",
        )
        .bind(target.as_str())
        .bind(id)
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
        let added: Option<i64> = on_pool!(self, pool => sqlx::query_scalar(
            "INSERT INTO reports (district_id, target, target_id, reporter_id, reason, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (target, target_id, reporter_id) WHERE decision IS NULL DO NOTHING
             RETURNING id",
        )
        .bind(district_id)
        .bind(target.as_str())
        .bind(target_id)
        .bind(reporter)
        .bind(reason)
        .bind(clock::now())
        .fetch_optional(pool)
        .await)?;
        let (id, reason, created_at): (i64, String, String) = on_pool!(self, pool => sqlx::query_as(
            "SELECT id, reason, created_at FROM reports
             WHERE target = $1 AND target_id = $2 AND reporter_id = $3 AND decision IS NULL",
        )
        .bind(target.as_str())
        .bind(target_id)
        .bind(reporter)
        .fetch_one(pool)
        .await)?;
        Ok((golmok_api::Report { id, target, target_id, reason, created_at }, added.is_some()))
    }

    /// Hides or shows an item and closes its open reports with the decision, in one
    /// transaction. Answers how many reports it closed.
    pub async fn set_hidden(
        &self,
        target: ReportTarget,
        id: i64,
        hidden: bool,
        note: &str,
        moderator: i64,
    ) -> StoreResult<i64> {
        let now = clock::now();
        let hide = format!(
            "UPDATE {} SET hidden = $2, hidden_note = $3, hidden_at = $4 WHERE id = $1",
            table(target)
        );
        let (note_kept, at) = if hidden { (Some(note), Some(now.as_str())) } else { (None, None) };
        let closed = on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(&hide).bind(id).bind(hidden).bind(note_kept).bind(at).execute(&mut *tx).await?;
            let closed = sqlx::query(
                "UPDATE reports SET decision = $3, decided_by = $4, decision_note = $5, decided_at = $6
                 WHERE target = $1 AND target_id = $2 AND decision IS NULL",
            )
            .bind(target.as_str())
            .bind(id)
            .bind(if hidden { "hidden" } else { "kept" })
            .bind(moderator)
            .bind(note)
            .bind(&now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            tx.commit().await?;
            closed
        });
        Ok(i64::try_from(closed).unwrap_or(i64::MAX))
    }

    /// A page of the district's reported items waiting for a decision, the longest
    /// waiting first: after the item whose first open report is `after`.
    pub async fn reported_items(
        &self,
        district_id: i64,
        after: Option<i64>,
        limit: u32,
    ) -> StoreResult<Vec<(i64, ReportedItem)>> {
        let waiting: Vec<(String, i64, i64)> = on_pool!(self, pool => sqlx::query_as(
            "SELECT target, target_id, MIN(id) AS first FROM reports
             WHERE district_id = $1 AND decision IS NULL
             GROUP BY target, target_id HAVING MIN(id) > $2 ORDER BY first LIMIT $3",
        )
        .bind(district_id)
        .bind(after.unwrap_or(0))
        .bind(i64::from(limit))
        .fetch_all(pool)
        .await)?;
        let item_sql = format!("{SELECT_ITEMS} WHERE i.target = $1 AND i.target_id = $2");
        let mut items = Vec::with_capacity(waiting.len());
        // A page is a moderator's screenful: a few queries each is cheap and plain.
        for (target, target_id, first) in waiting {
            let row = on_pool!(self, pool => sqlx::query_as::<_, ItemRow>(&item_sql)
                .bind(&target)
                .bind(target_id)
                .fetch_optional(pool)
                .await)?;
            // Deleted since it was reported (an announcement, say): nothing to decide.
            let Some(row) = row else { continue };
            let reasons: Vec<(String, String)> = on_pool!(self, pool => sqlx::query_as(
                "SELECT reason, created_at FROM reports
                 WHERE target = $1 AND target_id = $2 AND decision IS NULL ORDER BY id",
            )
            .bind(&target)
            .bind(target_id)
            .fetch_all(pool)
            .await)?;
            let item = ReportedItem {
                target: row.target()?,
                target_id,
                proposal_id: row.proposal_id,
                text: row.text(),
                author: Author { id: row.author_id, display_name: row.author_name },
                hidden: row.hidden,
                reasons: reasons
                    .into_iter()
                    .map(|(reason, created_at)| ReportReason { reason, created_at })
                    .collect(),
            };
            items.push((first, item));
        }
        Ok(items)
    }

    /// What of `author`'s is hidden, the latest hidden first, after skipping `skip`.
    pub async fn hidden_of(&self, author: i64, skip: i64, limit: u32) -> StoreResult<Vec<HiddenItem>> {
        let sql = format!(
            "{SELECT_ITEMS} WHERE i.author_id = $1 AND i.hidden
             ORDER BY i.hidden_at DESC, i.target, i.target_id DESC LIMIT $2 OFFSET $3"
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

//! A proposal's life: moves of its status, its author's edits and update notes, and the
//! timeline that keeps all of it.

use golmok_api::{Mover, NewProposal, ProposalStatus, TimelineActor, TimelineEntry, TimelineKind};
use sqlx::FromRow;

use super::{Store, StoreError, StoreResult, clock};

#[derive(FromRow)]
struct EventRow {
    id: i64,
    kind: String,
    status: Option<String>,
    note: String,
    role: String,
    actor_name: String,
    created_at: String,
}

impl TryFrom<EventRow> for TimelineEntry {
    type Error = StoreError;

    fn try_from(r: EventRow) -> Result<Self, StoreError> {
        let bad = |what: &str, value: &str| {
            StoreError::Other(sqlx::Error::Decode(
                format!("unexpected {what} {value:?} in proposal_events").into(),
            ))
        };
        let kind = match r.kind.as_str() {
            "status" => TimelineKind::Status,
            "update" => TimelineKind::Update,
            other => return Err(bad("kind", other)),
        };
        let role = match r.role.as_str() {
            "moderator" => Mover::Moderator,
            "author" => Mover::Author,
            other => return Err(bad("role", other)),
        };
        let status = match r.status {
            Some(s) => Some(ProposalStatus::parse(&s).ok_or_else(|| bad("status", &s))?),
            None => None,
        };
        Ok(TimelineEntry {
            id: r.id,
            kind,
            status,
            note: r.note,
            actor: TimelineActor { role, display_name: r.actor_name },
            created_at: r.created_at,
        })
    }
}

fn role_text(role: Mover) -> &'static str {
    match role {
        Mover::Moderator => "moderator",
        Mover::Author => "author",
    }
}

impl Store {
    /// Moves a visible proposal from `from` to `to` and records who did it, in one
    /// transaction. `false` when it is no longer in `from` (someone moved it first) or
    /// has been hidden: the caller reads it again and answers from what it finds.
    pub async fn move_proposal(
        &self,
        id: i64,
        from: ProposalStatus,
        to: ProposalStatus,
        actor: (i64, Mover),
        note: &str,
    ) -> StoreResult<bool> {
        let now = clock::now();
        Ok(on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            // Compare and set: of two moderators answering at once, one finds it moved.
            let moved = sqlx::query("UPDATE proposals SET status = $3 WHERE id = $1 AND status = $2 AND NOT hidden")
                .bind(id)
                .bind(from.as_str())
                .bind(to.as_str())
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if moved == 1 {
                sqlx::query(
                    "INSERT INTO proposal_events (proposal_id, kind, status, note, actor_id, role, created_at)
                     VALUES ($1, 'status', $2, $3, $4, $5, $6)",
                )
                .bind(id)
                .bind(to.as_str())
                .bind(note)
                .bind(actor.0)
                .bind(role_text(actor.1))
                .bind(&now)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
            }
            moved == 1
        }))
    }

    /// Adds its author's update note to a visible proposal; answers the entry's id.
    pub async fn add_update(&self, id: i64, author_id: i64, note: &str) -> StoreResult<Option<i64>> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "INSERT INTO proposal_events (proposal_id, kind, note, actor_id, role, created_at)
             SELECT id, 'update', $3, author_id, 'author', $4
             FROM proposals WHERE id = $1 AND author_id = $2 AND NOT hidden
             RETURNING id",
        )
        .bind(id)
        .bind(author_id)
        .bind(note)
        .bind(clock::now())
        .fetch_optional(pool)
        .await)?)
    }

    /// Rewrites an open proposal nobody supports yet (validated already). `false` when it
    /// has gained a support, moved on or been hidden since the caller looked: one
    /// statement decides, so a support arriving at the same moment wins or the edit does,
    /// never both.
    pub async fn edit_proposal(&self, id: i64, author_id: i64, p: &NewProposal) -> StoreResult<bool> {
        let edited = on_pool!(self, pool => sqlx::query(
            "UPDATE proposals SET title = $3, body = $4, event_date = $5, event_place = $6
             WHERE id = $1 AND author_id = $2 AND status = 'open' AND vote_count = 0 AND NOT hidden",
        )
        .bind(id)
        .bind(author_id)
        .bind(&p.title)
        .bind(&p.body)
        .bind(&p.event_date)
        .bind(&p.event_place)
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))?;
        Ok(edited == 1)
    }

    /// A proposal's timeline, newest first, before the entry with id `before`.
    pub async fn timeline(
        &self,
        id: i64,
        before: Option<i64>,
        limit: u32,
    ) -> StoreResult<Vec<TimelineEntry>> {
        let rows = on_pool!(self, pool => sqlx::query_as::<_, EventRow>(
            "SELECT e.id, e.kind, e.status, e.note, e.role, u.display_name AS actor_name, e.created_at
             FROM proposal_events e JOIN users u ON u.id = e.actor_id
             WHERE e.proposal_id = $1 AND e.id < $2 ORDER BY e.id DESC LIMIT $3",
        )
        .bind(id)
        .bind(before.unwrap_or(i64::MAX))
        .bind(i64::from(limit))
        .fetch_all(pool)
        .await)?;
        rows.into_iter().map(TimelineEntry::try_from).collect()
    }
}

//! Proposals, the supports (votes) on them, and their comments.

use golmok_api::{
    Author, Comment, CommentStance, Goals, NewComment, NewProposal, Proposal, ProposalKind, ProposalSort,
    ProposalStatus, StanceCounts, VoteState, instants,
};
use sqlx::FromRow;

use super::{Engine, Store, StoreError, StoreResult, clock};

/// Where a page of proposals starts: just after this item in the list's own order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProposalAfter {
    Top { vote_count: i64, id: i64 },
    New { id: i64 },
    Discussed { comment_count: i64, id: i64 },
}

#[derive(Debug, Clone)]
pub struct ProposalFilter {
    pub district_id: i64,
    pub kind: Option<ProposalKind>,
    pub status: Option<ProposalStatus>,
    /// Words the title or the text contains, A to Z in any case (trimmed, not empty).
    pub search: Option<String>,
    /// Leave out the proposals this shop answered (hidden answers too: the shop edits
    /// those rather than answering again).
    pub unanswered_by: Option<i64>,
    /// Only the ready ones ([`golmok_api::progress`]): the moderators' queue "waiting for
    /// an answer".
    pub ready_only: bool,
    pub sort: ProposalSort,
    pub after: Option<ProposalAfter>,
    pub limit: u32,
    /// Whose `voted` flag to compute.
    pub viewer: Option<i64>,
}

#[derive(FromRow)]
struct ProposalRow {
    id: i64,
    district_id: i64,
    district_slug: String,
    kind: String,
    title: String,
    body: String,
    status: String,
    event_date: Option<String>,
    event_place: Option<String>,
    author_id: i64,
    author_name: String,
    vote_count: i64,
    comment_count: i64,
    answer_count: i64,
    pledge_count: i64,
    voted: bool,
    created_at: String,
    support_threshold: i64,
    pledge_threshold: i64,
    expiry_days: i64,
}

impl ProposalRow {
    /// The proposal, with `ready` and `expired` as of `now` (seconds since 1970, the
    /// store's clock) by the contract's rule, the one place the server decides them.
    fn into_proposal(self, now: i64) -> Result<Proposal, StoreError> {
        let r = self;
        let kind = ProposalKind::parse(&r.kind).ok_or_else(|| decode_error("kind", &r.kind))?;
        let status = ProposalStatus::parse(&r.status).ok_or_else(|| decode_error("status", &r.status))?;
        let created =
            instants::parse(&r.created_at).ok_or_else(|| decode_error("created_at", &r.created_at))?;
        let goals =
            Goals { supports: r.support_threshold, pledges: r.pledge_threshold, expiry_days: r.expiry_days };
        let progress = golmok_api::progress(status, r.vote_count, r.pledge_count, goals, now - created);
        Ok(Proposal {
            id: r.id,
            district_slug: r.district_slug,
            kind,
            title: r.title,
            body: r.body,
            status,
            event_date: r.event_date,
            event_place: r.event_place,
            author: Author { id: r.author_id, display_name: r.author_name },
            vote_count: r.vote_count,
            comment_count: r.comment_count,
            answer_count: r.answer_count,
            pledge_count: r.pledge_count,
            voted: r.voted,
            created_at: r.created_at,
            ready: progress.ready,
            expired: progress.expired,
            support_goal: r.support_threshold,
            pledge_goal: r.pledge_threshold,
        })
    }
}

fn decode_error(column: &str, value: &str) -> StoreError {
    StoreError::Other(sqlx::Error::Decode(format!("unexpected {column} {value:?} in proposals").into()))
}

#[derive(FromRow)]
struct CommentRow {
    id: i64,
    proposal_id: i64,
    author_id: i64,
    author_name: String,
    body: String,
    stance: String,
    created_at: String,
}

impl From<CommentRow> for Comment {
    fn from(r: CommentRow) -> Self {
        Comment {
            id: r.id,
            proposal_id: r.proposal_id,
            author: Author { id: r.author_id, display_name: r.author_name },
            body: r.body,
            // The CHECK constraint admits only the contract's stances.
            stance: CommentStance::parse(&r.stance).unwrap_or_default(),
            created_at: r.created_at,
        }
    }
}

/// Start of every proposal query: `$1` is the viewer whose `voted` flag it computes. The
/// district's goals come along, read at once: a change of the settings shows on the next
/// read of every proposal.
const SELECT_PROPOSALS: &str =
    "SELECT p.id, p.district_id, d.slug AS district_slug, p.kind, p.title, p.body, p.status,
        p.event_date, p.event_place, p.author_id, u.display_name AS author_name, p.vote_count,
        p.comment_count, p.answer_count, p.pledge_count, p.created_at,
        d.support_threshold, d.pledge_threshold, d.expiry_days,
        EXISTS (SELECT 1 FROM votes v WHERE v.proposal_id = p.id AND v.user_id = $1) AS voted
    FROM proposals p
    JOIN districts d ON d.id = p.district_id
    JOIN users u ON u.id = p.author_id";

/// `ready` of [`golmok_api::progress`] in SQL, for the one list that filters by it (the
/// moderators' queue must page in the database). It needs no clock; the API tests hold
/// it to the contract's rule (every proposal the queue lists says `ready`, and every
/// ready one is in the queue).
const READY: &str = "p.status IN ('open', 'under_review')
    AND p.vote_count >= d.support_threshold AND p.pledge_count >= d.pledge_threshold";

const SELECT_COMMENTS: &str =
    "SELECT c.id, c.proposal_id, c.author_id, u.display_name AS author_name, c.body, c.stance,
        c.created_at
    FROM comments c JOIN users u ON u.id = c.author_id";

/// `%words%` with A to Z in lower case (as [`ascii_lower`] folds the text), and LIKE's own
/// characters (`%`, `_`, `\`) escaped: a search for "50%" finds "50%", not everything.
fn like_pattern(search: &str) -> String {
    let mut out = String::with_capacity(search.len() + 2);
    out.push('%');
    for c in search.to_ascii_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// `text` with A to Z in lower case and every other character as it is, the same on both
/// engines. SQLite's `lower()` is just that; PostgreSQL's follows the database's locale
/// (É becomes é under most), so there the 26 letters are spelled out. Folding every
/// letter on both would need ICU in SQLite, which the bundled library lacks.
fn ascii_lower(engine: Engine, text: &str) -> String {
    match engine {
        Engine::Sqlite => format!("lower({text})"),
        Engine::Postgres => {
            format!("translate({text}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')")
        }
    }
}

impl Store {
    /// Rows as proposals, all as of one moment on the store's clock.
    fn proposals(&self, rows: Vec<ProposalRow>) -> StoreResult<Vec<Proposal>> {
        let now = self.clock.unix_now();
        rows.into_iter().map(|r| r.into_proposal(now)).collect()
    }

    /// One page of a district's visible proposals in the filter's order.
    pub async fn list_proposals(&self, f: &ProposalFilter) -> StoreResult<Vec<Proposal>> {
        // $1 the viewer, $2 the district, then what the filter has, in this order.
        let mut sql = format!("{SELECT_PROPOSALS} WHERE NOT p.hidden AND p.district_id = $2");
        let mut next = 3;
        let mut param = || {
            next += 1;
            format!("${}", next - 1)
        };
        if f.kind.is_some() {
            sql.push_str(&format!(" AND p.kind = {}", param()));
        }
        if f.status.is_some() {
            sql.push_str(&format!(" AND p.status = {}", param()));
        }
        if f.search.is_some() {
            // LIKE with the pattern's own characters escaped, on A to Z in lower case on
            // both sides (Hangul has no case): the same on both engines.
            let q = param();
            let (title, body) = (ascii_lower(self.engine(), "p.title"), ascii_lower(self.engine(), "p.body"));
            sql.push_str(&format!(" AND ({title} LIKE {q} ESCAPE '\\' OR {body} LIKE {q} ESCAPE '\\')"));
        }
        if f.ready_only {
            sql.push_str(&format!(" AND {READY}"));
        }
        if f.unanswered_by.is_some() {
            sql.push_str(&format!(
                " AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.proposal_id = p.id AND a.shop_id = {})",
                param()
            ));
        }
        match f.after {
            Some(ProposalAfter::Top { .. }) => {
                let (votes, id) = (param(), param());
                sql.push_str(&format!(
                    " AND (p.vote_count < {votes} OR (p.vote_count = {votes} AND p.id < {id}))"
                ));
            }
            Some(ProposalAfter::New { .. }) => sql.push_str(&format!(" AND p.id < {}", param())),
            Some(ProposalAfter::Discussed { .. }) => {
                let (comments, id) = (param(), param());
                sql.push_str(&format!(
                    " AND (p.comment_count < {comments} OR (p.comment_count = {comments} AND p.id < {id}))"
                ));
            }
            None => {}
        }
        sql.push_str(match f.sort {
            ProposalSort::Top => " ORDER BY p.vote_count DESC, p.id DESC",
            ProposalSort::New => " ORDER BY p.id DESC",
            ProposalSort::Discussed => " ORDER BY p.comment_count DESC, p.id DESC",
        });
        sql.push_str(&format!(" LIMIT {}", param()));
        let rows = on_pool!(self, pool => {
            let mut q = sqlx::query_as::<_, ProposalRow>(&sql).bind(f.viewer).bind(f.district_id);
            if let Some(kind) = f.kind {
                q = q.bind(kind.as_str());
            }
            if let Some(status) = f.status {
                q = q.bind(status.as_str());
            }
            if let Some(search) = &f.search {
                q = q.bind(like_pattern(search));
            }
            if let Some(shop) = f.unanswered_by {
                q = q.bind(shop);
            }
            match f.after {
                Some(ProposalAfter::Top { vote_count, id }) => q = q.bind(vote_count).bind(id),
                Some(ProposalAfter::New { id }) => q = q.bind(id),
                Some(ProposalAfter::Discussed { comment_count, id }) => q = q.bind(comment_count).bind(id),
                None => {}
            }
            q.bind(i64::from(f.limit)).fetch_all(pool).await
        })?;
        self.proposals(rows)
    }

    /// A page of someone's own visible proposals in every district, newest first, before
    /// the proposal `before`: "My proposals".
    pub async fn proposals_of(
        &self,
        author: i64,
        before: Option<i64>,
        limit: u32,
    ) -> StoreResult<Vec<Proposal>> {
        let sql = format!(
            "{SELECT_PROPOSALS} WHERE NOT p.hidden AND p.author_id = $1 AND p.id < $2 ORDER BY p.id DESC LIMIT $3"
        );
        let rows = on_pool!(self, pool => sqlx::query_as::<_, ProposalRow>(&sql)
            .bind(author)
            .bind(before.unwrap_or(i64::MAX))
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await)?;
        self.proposals(rows)
    }

    /// A page of the visible proposals someone supports, newest first, before the
    /// proposal `before`: "My supports".
    pub async fn supported_by(
        &self,
        user: i64,
        before: Option<i64>,
        limit: u32,
    ) -> StoreResult<Vec<Proposal>> {
        let sql = format!(
            "{SELECT_PROPOSALS} WHERE NOT p.hidden AND p.id < $2
               AND EXISTS (SELECT 1 FROM votes v WHERE v.proposal_id = p.id AND v.user_id = $1)
             ORDER BY p.id DESC LIMIT $3"
        );
        let rows = on_pool!(self, pool => sqlx::query_as::<_, ProposalRow>(&sql)
            .bind(user)
            .bind(before.unwrap_or(i64::MAX))
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await)?;
        self.proposals(rows)
    }

    /// A visible proposal, with `voted` for `viewer`.
    pub async fn get_proposal(&self, id: i64, viewer: Option<i64>) -> StoreResult<Option<Proposal>> {
        Ok(self.proposal_in_district(id, viewer).await?.map(|(proposal, _)| proposal))
    }

    /// A visible proposal, with `voted` for `viewer`, and the id of its district, which
    /// rights over it are checked against: one read for both.
    pub async fn proposal_in_district(
        &self,
        id: i64,
        viewer: Option<i64>,
    ) -> StoreResult<Option<(Proposal, i64)>> {
        let sql = format!("{SELECT_PROPOSALS} WHERE NOT p.hidden AND p.id = $2");
        let row = on_pool!(self, pool => sqlx::query_as::<_, ProposalRow>(&sql)
            .bind(viewer)
            .bind(id)
            .fetch_optional(pool)
            .await)?;
        let now = self.clock.unix_now();
        row.map(|r| {
            let district = r.district_id;
            r.into_proposal(now).map(|proposal| (proposal, district))
        })
        .transpose()
    }

    /// Stores an already validated proposal; answers its id.
    pub async fn create_proposal(
        &self,
        district_id: i64,
        author_id: i64,
        p: &NewProposal,
    ) -> StoreResult<i64> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "INSERT INTO proposals (district_id, author_id, kind, title, body, event_date, event_place, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(district_id)
        .bind(author_id)
        .bind(p.kind.as_str())
        .bind(&p.title)
        .bind(&p.body)
        .bind(&p.event_date)
        .bind(&p.event_place)
        // Its age is told on the store's clock; see `clock::Clock`.
        .bind(self.clock.now())
        .fetch_one(pool)
        .await)?)
    }

    /// Supports (`true`) or withdraws support (`false`); doing it twice changes nothing.
    /// `None` when the proposal does not exist or is hidden.
    ///
    /// The change is one statement on `votes` and the counter follows by an AFTER trigger
    /// (which ON CONFLICT DO NOTHING does not fire), so concurrent supports, from any
    /// number of server processes, can neither double-count nor lose a count.
    pub async fn set_vote(
        &self,
        proposal_id: i64,
        user_id: i64,
        voted: bool,
    ) -> StoreResult<Option<VoteState>> {
        let change = if voted {
            // The WHERE also keeps the SQLite parser from reading ON CONFLICT as a join;
            // the casts tell PostgreSQL the parameters' types where nothing else does.
            "INSERT INTO votes (proposal_id, user_id, created_at)
             SELECT CAST($1 AS BIGINT), CAST($2 AS BIGINT), CAST($3 AS TEXT)
             WHERE EXISTS (SELECT 1 FROM proposals WHERE id = $1 AND NOT hidden)
             ON CONFLICT (proposal_id, user_id) DO NOTHING"
        } else {
            // A hidden proposal is frozen as it was: withdrawing changes nothing there.
            "DELETE FROM votes WHERE proposal_id = $1 AND user_id = $2
             AND EXISTS (SELECT 1 FROM proposals WHERE id = $1 AND NOT hidden)"
        };
        on_pool!(self, pool => {
            let query = sqlx::query(change).bind(proposal_id).bind(user_id);
            let query = if voted { query.bind(clock::now()) } else { query };
            query.execute(pool).await.map(|done| done.rows_affected())
        })?;
        let state: Option<(i64, bool)> = on_pool!(self, pool => sqlx::query_as(
            "SELECT p.vote_count,
                    EXISTS (SELECT 1 FROM votes v WHERE v.proposal_id = p.id AND v.user_id = $2)
             FROM proposals p WHERE p.id = $1 AND NOT p.hidden",
        )
        .bind(proposal_id)
        .bind(user_id)
        .fetch_optional(pool)
        .await)?;
        Ok(state.map(|(vote_count, voted)| VoteState { proposal_id, voted, vote_count }))
    }

    /// Whether a proposal exists and is visible.
    pub async fn proposal_visible(&self, id: i64) -> StoreResult<bool> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM proposals WHERE id = $1 AND NOT hidden)",
        )
        .bind(id)
        .fetch_one(pool)
        .await)?)
    }

    /// Visible comments of a proposal, oldest first, after the comment with id `after`.
    pub async fn list_comments(
        &self,
        proposal_id: i64,
        after: Option<i64>,
        limit: u32,
    ) -> StoreResult<Vec<Comment>> {
        let sql = format!(
            "{SELECT_COMMENTS} WHERE c.proposal_id = $1 AND NOT c.hidden AND c.id > $2 ORDER BY c.id LIMIT $3"
        );
        let rows = on_pool!(self, pool => sqlx::query_as::<_, CommentRow>(&sql)
            .bind(proposal_id)
            .bind(after.unwrap_or(0))
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await)?;
        Ok(rows.into_iter().map(Comment::from).collect())
    }

    /// Adds an already validated comment; `None` when the proposal does not exist or is
    /// hidden. `comment_count` follows by trigger.
    pub async fn create_comment(
        &self,
        proposal_id: i64,
        author_id: i64,
        new: &NewComment,
    ) -> StoreResult<Option<Comment>> {
        let id: Option<i64> = on_pool!(self, pool => sqlx::query_scalar(
            "INSERT INTO comments (proposal_id, author_id, body, created_at, stance)
             SELECT CAST($1 AS BIGINT), CAST($2 AS BIGINT), CAST($3 AS TEXT), CAST($4 AS TEXT), CAST($5 AS TEXT)
             WHERE EXISTS (SELECT 1 FROM proposals WHERE id = $1 AND NOT hidden)
             RETURNING id",
        )
        .bind(proposal_id)
        .bind(author_id)
        .bind(&new.body)
        .bind(clock::now())
        .bind(new.stance.as_str())
        .fetch_optional(pool)
        .await)?;
        let Some(id) = id else { return Ok(None) };
        let sql = format!("{SELECT_COMMENTS} WHERE c.id = $1");
        let row =
            on_pool!(self, pool => sqlx::query_as::<_, CommentRow>(&sql).bind(id).fetch_one(pool).await)?;
        Ok(Some(row.into()))
    }
}

impl Store {
    /// How many of a visible proposal's visible comments stand where; `None` if there is
    /// no such proposal.
    pub async fn stance_counts(&self, proposal_id: i64) -> StoreResult<Option<StanceCounts>> {
        if !self.proposal_visible(proposal_id).await? {
            return Ok(None);
        }
        let rows: Vec<(String, i64)> = on_pool!(self, pool => sqlx::query_as(
            "SELECT stance, COUNT(*) FROM comments WHERE proposal_id = $1 AND NOT hidden GROUP BY stance",
        )
        .bind(proposal_id)
        .fetch_all(pool)
        .await)?;
        let mut counts = StanceCounts::default();
        for (stance, n) in rows {
            match CommentStance::parse(&stance) {
                Some(CommentStance::For) => counts.in_favour = n,
                Some(CommentStance::Against) => counts.against = n,
                _ => counts.neutral += n,
            }
        }
        Ok(Some(counts))
    }
}

//! Shops' answers to proposals.

use golmok_api::{Answer, AnsweredProposal, NewAnswer, ProposalRef, ShopCategory, ShopRef, Stance};
use sqlx::FromRow;

use super::{Store, StoreResult, clock};

/// The columns of an `AnswerRow`, for every query that reads answers (`a`) with their
/// shop (`s`): a macro, so `concat!` builds each query at compile time.
macro_rules! answer_columns {
    () => {
        "a.id, a.proposal_id, s.id AS shop_id, s.name AS shop_name, s.name_en AS shop_name_en,
        s.category AS shop_category, a.stance, a.message, a.pledge, a.created_at, a.updated_at"
    };
}

const SELECT_ANSWERS: &str =
    concat!("SELECT ", answer_columns!(), " FROM answers a JOIN shops s ON s.id = a.shop_id");

#[derive(FromRow)]
pub(super) struct AnswerRow {
    id: i64,
    proposal_id: i64,
    shop_id: i64,
    shop_name: String,
    shop_name_en: String,
    shop_category: String,
    stance: String,
    message: String,
    pledge: Option<String>,
    created_at: String,
    updated_at: String,
}

/// Answers with the proposal each answers (`a` the answer, `p` the proposal).
pub(super) const SELECT_ANSWERED: &str = concat!(
    "SELECT ",
    answer_columns!(),
    ", d.slug AS district_slug, p.title AS proposal_title, p.author_id AS proposal_author_id
    FROM answers a
    JOIN shops s ON s.id = a.shop_id
    JOIN proposals p ON p.id = a.proposal_id
    JOIN districts d ON d.id = p.district_id"
);

#[derive(FromRow)]
pub(super) struct AnsweredRow {
    #[sqlx(flatten)]
    answer: AnswerRow,
    /// Who proposed it, for "an answer to your proposal".
    pub(super) proposal_author_id: i64,
    district_slug: String,
    proposal_title: String,
}

impl From<AnsweredRow> for AnsweredProposal {
    fn from(row: AnsweredRow) -> Self {
        let answer = Answer::from(row.answer);
        let proposal = ProposalRef {
            id: answer.proposal_id,
            district_slug: row.district_slug,
            title: row.proposal_title,
        };
        AnsweredProposal { proposal, answer }
    }
}

impl From<AnswerRow> for Answer {
    fn from(r: AnswerRow) -> Self {
        Answer {
            id: r.id,
            proposal_id: r.proposal_id,
            shop: ShopRef {
                id: r.shop_id,
                name: r.shop_name,
                name_en: r.shop_name_en,
                category: ShopCategory::parse(&r.shop_category).unwrap_or_default(),
            },
            // The CHECK constraint admits only the contract's stances.
            stance: Stance::parse(&r.stance).unwrap_or_default(),
            message: r.message,
            pledge: r.pledge,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

impl Store {
    /// The district of a visible proposal.
    pub async fn proposal_district(&self, id: i64) -> StoreResult<Option<i64>> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "SELECT district_id FROM proposals WHERE id = $1 AND NOT hidden",
        )
        .bind(id)
        .fetch_optional(pool)
        .await)?)
    }

    /// The shop's answer to the proposal, new or replacing the one it had; `None` when the
    /// proposal is hidden or gone. One statement: the counters follow by trigger.
    pub async fn put_answer(
        &self,
        proposal_id: i64,
        shop_id: i64,
        author_id: i64,
        answer: &NewAnswer,
    ) -> StoreResult<Option<Answer>> {
        let id: Option<i64> = on_pool!(self, pool => sqlx::query_scalar(
            // The WHERE also keeps the SQLite parser from reading ON CONFLICT as a join.
            "INSERT INTO answers (proposal_id, shop_id, author_id, stance, message, pledge, created_at, updated_at)
             SELECT CAST($1 AS BIGINT), CAST($2 AS BIGINT), CAST($3 AS BIGINT), CAST($4 AS TEXT),
                    CAST($5 AS TEXT), CAST($6 AS TEXT), CAST($7 AS TEXT), CAST($7 AS TEXT)
             WHERE EXISTS (SELECT 1 FROM proposals WHERE id = $1 AND NOT hidden)
             ON CONFLICT (proposal_id, shop_id) DO UPDATE SET
                author_id = excluded.author_id, stance = excluded.stance, message = excluded.message,
                pledge = excluded.pledge, updated_at = excluded.updated_at
             RETURNING id",
        )
        .bind(proposal_id)
        .bind(shop_id)
        .bind(author_id)
        .bind(answer.stance.as_str())
        .bind(&answer.message)
        .bind(answer.pledge.as_deref())
        .bind(clock::now())
        .fetch_optional(pool)
        .await)?;
        let Some(id) = id else { return Ok(None) };
        let sql = format!("{SELECT_ANSWERS} WHERE a.id = $1");
        let row =
            on_pool!(self, pool => sqlx::query_as::<_, AnswerRow>(&sql).bind(id).fetch_optional(pool).await)?;
        Ok(row.map(Answer::from))
    }

    /// A proposal's visible answers, first given first, after the answer with id `after`.
    pub async fn list_answers(
        &self,
        proposal_id: i64,
        after: Option<i64>,
        limit: u32,
    ) -> StoreResult<Vec<Answer>> {
        let sql = format!(
            "{SELECT_ANSWERS} WHERE a.proposal_id = $1 AND NOT a.hidden AND a.id > $2 ORDER BY a.id LIMIT $3"
        );
        let rows = on_pool!(self, pool => sqlx::query_as::<_, AnswerRow>(&sql)
            .bind(proposal_id)
            .bind(after.unwrap_or(0))
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await)?;
        Ok(rows.into_iter().map(Answer::from).collect())
    }

    /// A shop's visible answers to visible proposals, newest first, before the answer
    /// with id `before`.
    pub async fn answers_of_shop(
        &self,
        shop_id: i64,
        before: Option<i64>,
        limit: u32,
    ) -> StoreResult<Vec<AnsweredProposal>> {
        let sql = format!(
            "{SELECT_ANSWERED} WHERE a.shop_id = $1 AND NOT a.hidden AND NOT p.hidden AND a.id < $2
             ORDER BY a.id DESC LIMIT $3"
        );
        let rows = on_pool!(self, pool => sqlx::query_as::<_, AnsweredRow>(&sql)
            .bind(shop_id)
            .bind(before.unwrap_or(i64::MAX))
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await)?;
        Ok(rows.into_iter().map(AnsweredProposal::from).collect())
    }
}

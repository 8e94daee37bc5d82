//! "My alley": followed shops' announcements showing now and their answers, and answers
//! to the reader's own proposals, newest first, from two tables merged in one order.

use golmok_api::{Answer, FeedItem, FeedKind, ProposalRef, instants};
use sqlx::FromRow;

use super::announcements::{AnnouncementRow, SELECT_ANNOUNCEMENTS, StoredAnnouncement};
use super::answers::AnswerRow;
use super::{Store, StoreResult, clock};

/// Where a page of the feed starts: just after this item in the order "newest first,
/// announcements before answers of the same second, higher id first".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedAfter {
    pub at: i64,
    pub kind: FeedKind,
    pub id: i64,
}

/// The order's rank of a kind at the same instant.
pub fn kind_rank(kind: FeedKind) -> i64 {
    match kind {
        FeedKind::Announcement => 1,
        FeedKind::Answer => 0,
    }
}

#[derive(FromRow)]
struct FeedAnswerRow {
    #[sqlx(flatten)]
    answer: AnswerRow,
    district_slug: String,
    proposal_title: String,
    to_your_proposal: bool,
}

/// Items strictly after the cursor: `$3` the instant, `$4` the kind's rank, `$5` the id;
/// `{at}` the item's instant column and `{rank}` its kind's rank.
fn after(at: &str, rank: i64) -> String {
    format!("({at} < $3 OR ({at} = $3 AND ({rank} < $4 OR ({rank} = $4 AND a.id < $5))))")
}

impl Store {
    /// A page of the feed of `user_id`, up to `limit` items.
    pub async fn feed(
        &self,
        user_id: i64,
        cursor: Option<FeedAfter>,
        limit: u32,
    ) -> StoreResult<Vec<FeedItem>> {
        let now = clock::now();
        let (at, rank, id) = match cursor {
            Some(c) => (instants::format(c.at), kind_rank(c.kind), c.id),
            // Past everything: a rank above both kinds.
            None => ("9999-12-31T23:59:59Z".to_owned(), 2, i64::MAX),
        };
        let followed = "SELECT f.shop_id FROM follows f WHERE f.user_id = $1";
        let announcements_sql = format!(
            "{SELECT_ANNOUNCEMENTS}
             WHERE a.shop_id IN ({followed}) AND NOT a.hidden AND a.starts_at <= $2 AND a.ends_at > $2 AND {}
             ORDER BY a.starts_at DESC, a.id DESC LIMIT $6",
            after("a.starts_at", kind_rank(FeedKind::Announcement))
        );
        let answers_sql = format!(
            "SELECT a.id, a.proposal_id, s.id AS shop_id, s.name AS shop_name, s.name_en AS shop_name_en,
                    s.category AS shop_category, a.stance, a.message, a.pledge, a.created_at, a.updated_at,
                    d.slug AS district_slug, p.title AS proposal_title, p.author_id = $1 AS to_your_proposal
             FROM answers a
             JOIN shops s ON s.id = a.shop_id
             JOIN proposals p ON p.id = a.proposal_id
             JOIN districts d ON d.id = p.district_id
             WHERE NOT a.hidden AND NOT p.hidden AND (a.shop_id IN ({followed}) OR p.author_id = $1)
               AND a.updated_at <= $2 AND {}
             ORDER BY a.updated_at DESC, a.id DESC LIMIT $6",
            after("a.updated_at", kind_rank(FeedKind::Answer))
        );
        let announcements = on_pool!(self, pool => sqlx::query_as::<_, AnnouncementRow>(&announcements_sql)
            .bind(user_id)
            .bind(&now)
            .bind(&at)
            .bind(rank)
            .bind(id)
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await)?;
        let answers = on_pool!(self, pool => sqlx::query_as::<_, FeedAnswerRow>(&answers_sql)
            .bind(user_id)
            .bind(&now)
            .bind(&at)
            .bind(rank)
            .bind(id)
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await)?;

        let mut items: Vec<FeedItem> = announcements
            .into_iter()
            .map(|row| {
                let announcement = StoredAnnouncement::from(row).announcement;
                FeedItem {
                    at: announcement.starts_at.clone(),
                    kind: FeedKind::Announcement,
                    announcement: Some(announcement),
                    answer: None,
                    proposal: None,
                    to_your_proposal: false,
                }
            })
            .chain(answers.into_iter().map(|row| {
                let answer = Answer::from(row.answer);
                let proposal = ProposalRef {
                    id: answer.proposal_id,
                    district_slug: row.district_slug,
                    title: row.proposal_title,
                };
                FeedItem {
                    at: answer.updated_at.clone(),
                    kind: FeedKind::Answer,
                    answer: Some(answer),
                    announcement: None,
                    proposal: Some(proposal),
                    to_your_proposal: row.to_your_proposal,
                }
            }))
            .collect();
        items.sort_by(|a, b| {
            (b.at.as_str(), kind_rank(b.kind), item_id(b)).cmp(&(
                a.at.as_str(),
                kind_rank(a.kind),
                item_id(a),
            ))
        });
        items.truncate(limit as usize);
        Ok(items)
    }
}

/// The id of the announcement or answer an item carries.
pub fn item_id(item: &FeedItem) -> i64 {
    item.announcement.as_ref().map(|a| a.id).or(item.answer.as_ref().map(|a| a.id)).unwrap_or_default()
}

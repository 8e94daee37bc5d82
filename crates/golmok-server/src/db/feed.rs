//! "My alley": followed shops' announcements showing now and their answers, and answers
//! to the reader's own proposals, newest first, from two tables merged in one order.

use golmok_api::{AnsweredProposal, FeedItem, FeedKind, instants};

use super::announcements::{AnnouncementRow, SELECT_ANNOUNCEMENTS, StoredAnnouncement};
use super::answers::{AnsweredRow, SELECT_ANSWERED};
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
            "{SELECT_ANSWERED}
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
        let answers = on_pool!(self, pool => sqlx::query_as::<_, AnsweredRow>(&answers_sql)
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
                let to_your_proposal = row.proposal_author_id == user_id;
                let AnsweredProposal { answer, proposal } = row.into();
                FeedItem {
                    at: answer.updated_at.clone(),
                    kind: FeedKind::Answer,
                    answer: Some(answer),
                    announcement: None,
                    proposal: Some(proposal),
                    to_your_proposal,
                }
            }))
            .collect();
        items.sort_by(|a, b| {
            (b.at.as_str(), kind_rank(b.kind), b.item_id()).cmp(&(
                a.at.as_str(),
                kind_rank(a.kind),
                a.item_id(),
            ))
        });
        items.truncate(limit as usize);
        Ok(items)
    }
}

//! Writing the demo data set. The content itself lives in `crate::seed`; this is only
//! the SQL, run in one transaction so a crash mid-way leaves no half-seeded district, and
//! holding the write lock from its first statement, so servers starting together on an
//! empty database seed it exactly once.

use std::collections::HashMap;

use golmok_api::{AnnouncementKind, ProposalKind, ProposalStatus, Stance};
use time::Duration;

use super::{BeginExclusive as _, Store, StoreError, StoreResult, clock};

pub struct DemoDistrict {
    pub slug: &'static str,
    pub name: &'static str,
    pub name_en: &'static str,
    pub description: &'static str,
    pub description_en: &'static str,
    pub region: &'static str,
    pub region_en: &'static str,
    pub kakao_channel_url: Option<&'static str>,
    /// The sites that may frame its widget, space-separated ("": any).
    pub embed_origins: &'static str,
}

pub struct DemoUser {
    pub email: &'static str,
    pub display_name: &'static str,
}

pub struct DemoShop {
    pub name: &'static str,
    pub name_en: &'static str,
    pub category: &'static str,
    pub description: &'static str,
    pub description_en: &'static str,
    /// Email of the verified owner, if any.
    pub owner: Option<&'static str>,
    pub place: &'static str,
    pub accepts_onnuri: bool,
    pub accepts_local_card: bool,
    /// Open Monday to Sunday?
    pub open_days: [bool; 7],
    pub open: (&'static str, &'static str),
    pub break_time: Option<(&'static str, &'static str)>,
    pub phone: Option<&'static str>,
    pub kakao_channel_url: Option<&'static str>,
    /// Emails of the residents who follow it (단골).
    pub followers: &'static [&'static str],
}

impl DemoShop {
    pub fn hours(&self) -> golmok_api::WeeklyHours {
        let span =
            |(starts, ends): (&str, &str)| golmok_api::Span { starts: starts.into(), ends: ends.into() };
        let day = |open: bool| {
            open.then(|| golmok_api::DayHours {
                open: span(self.open),
                break_time: self.break_time.map(span),
            })
        };
        let [mon, tue, wed, thu, fri, sat, sun] = self.open_days.map(day);
        golmok_api::WeeklyHours { mon, tue, wed, thu, fri, sat, sun }
    }
}

pub struct DemoComment {
    pub author: &'static str,
    pub body: &'static str,
    /// Minutes before now.
    pub ago_min: u32,
}

/// An announcement of a shop (by its owner) or of the district (by its first moderator).
pub struct DemoAnnouncement {
    pub shop: Option<&'static str>,
    pub kind: AnnouncementKind,
    pub title: &'static str,
    pub body: &'static str,
    /// Minutes before now that it started showing; negative: it starts that much later.
    pub started_ago_min: i32,
    /// How long it shows; started long enough ago, it is over.
    pub days: u32,
    pub pinned: bool,
}

impl DemoAnnouncement {
    /// Whether it shows at the moment of seeding: started, not yet over.
    pub fn is_current(&self) -> bool {
        self.started_ago_min >= 0 && i64::from(self.started_ago_min) < i64::from(self.days) * 24 * 60
    }
}

/// A shop's answer, by the shop's owner (who must be its verified owner).
pub struct DemoAnswer {
    /// The shop's name.
    pub shop: &'static str,
    pub stance: Stance,
    pub message: &'static str,
    pub pledge: Option<&'static str>,
    /// Minutes before now.
    pub ago_min: u32,
}

pub struct DemoProposal {
    pub author: &'static str,
    pub kind: ProposalKind,
    pub title: &'static str,
    pub body: &'static str,
    pub status: ProposalStatus,
    pub event_day: Option<EventDay>,
    pub event_place: Option<&'static str>,
    /// Minutes before now.
    pub ago_min: u32,
    /// Emails of the users who support it.
    pub voters: &'static [&'static str],
    pub comments: &'static [DemoComment],
    /// Its timeline, oldest first: the district's moves (by its first moderator) and the
    /// author's updates. The last move must land on `status`.
    pub timeline: &'static [DemoEvent],
    /// Shops' answers.
    pub answers: &'static [DemoAnswer],
}

/// A move of a demo proposal's status (`status`), or its author's update (`None`).
#[derive(Debug, Clone, Copy)]
pub struct DemoEvent {
    pub status: Option<ProposalStatus>,
    pub note: &'static str,
    /// Minutes before now.
    pub ago_min: u32,
}

/// When a demo event happens, relative to the day of seeding so it stays upcoming
/// whenever the demo runs.
#[derive(Debug, Clone, Copy)]
pub enum EventDay {
    InDays(u32),
    /// The next occurrence of this `MM-DD`, for events tied to a season.
    Next(&'static str),
}

pub struct DemoData {
    pub district: DemoDistrict,
    pub users: &'static [DemoUser],
    /// Emails of the district's moderators.
    pub moderators: &'static [&'static str],
    pub shops: &'static [DemoShop],
    /// Oldest first, so ids follow time.
    pub proposals: &'static [DemoProposal],
    /// Oldest first.
    pub announcements: &'static [DemoAnnouncement],
    /// Claims waiting for the district's moderators, on listed shops without an owner.
    pub claims: &'static [DemoClaim],
}

/// A pending claim: someone says a listed shop is theirs.
pub struct DemoClaim {
    pub claimant: &'static str,
    /// The listed shop's name.
    pub shop: &'static str,
    pub business_number: &'static str,
    pub note: &'static str,
    /// Minutes before now.
    pub ago_min: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedOutcome {
    Seeded,
    AlreadySeeded,
    /// The database holds other data: demo accounts with a published password must never
    /// appear next to real ones.
    NotEmpty,
}

fn ago(minutes: u32) -> String {
    clock::before_now(Duration::minutes(minutes.into()))
}

/// The next `MM-DD` strictly after `today` (`YYYY-MM-DD`).
fn next_occurrence(today: &str, month_day: &str) -> String {
    let year: u32 = today.get(..4).and_then(|y| y.parse().ok()).unwrap_or(2026);
    let this_year = today.get(5..).is_some_and(|md| md < month_day);
    format!("{}-{month_day}", if this_year { year } else { year + 1 })
}

/// What seeding would find: the demo district already there, other data, or neither.
const EXISTING: &str = "SELECT EXISTS (SELECT 1 FROM districts WHERE slug = $1),
        EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM districts)";

/// `None`: an empty database, to seed.
fn outcome((district, anything): (bool, bool)) -> Option<SeedOutcome> {
    if district {
        Some(SeedOutcome::AlreadySeeded)
    } else if anything {
        Some(SeedOutcome::NotEmpty)
    } else {
        None
    }
}

impl Store {
    /// Whether the demo district is there already, or anything else is; cheap, so callers
    /// can skip hashing the demo password when there is nothing to do.
    pub async fn demo_outcome_without_seeding(&self, slug: &str) -> StoreResult<Option<SeedOutcome>> {
        let found = on_pool!(self, pool => sqlx::query_as(EXISTING).bind(slug).fetch_one(pool).await)?;
        Ok(outcome(found))
    }

    /// Writes the demo data sets into an empty database, in one transaction; every user
    /// gets `password_hash`.
    /// The first set's district decides whether the demo is there already.
    pub async fn seed_demo(&self, sets: &[&DemoData], password_hash: &str) -> StoreResult<SeedOutcome> {
        let today = clock::day_from_today(0);
        let Some(first) = sets.first() else { return Ok(SeedOutcome::AlreadySeeded) };
        on_pool!(self, pool => {
            let mut tx = pool.begin_exclusive().await?;
            // Asked again under the lock: another server may have seeded or someone
            // registered since the first look.
            let found = sqlx::query_as(EXISTING).bind(first.district.slug).fetch_one(&mut *tx).await?;
            if let Some(outcome) = outcome(found) {
                return Ok(outcome);
            }
            for demo in sets {

            let d = &demo.district;
            let district_id: i64 = sqlx::query_scalar(
                "INSERT INTO districts (slug, name, name_en, description, description_en, region, region_en,
                                        created_at, kakao_channel_url, embed_origins)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            )
            .bind(d.slug)
            .bind(d.name)
            .bind(d.name_en)
            .bind(d.description)
            .bind(d.description_en)
            .bind(d.region)
            .bind(d.region_en)
            .bind(ago(60 * 24 * 60))
            .bind(d.kakao_channel_url)
            .bind(d.embed_origins)
            .fetch_one(&mut *tx)
            .await?;

            let mut users = HashMap::new();
            for u in demo.users {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO users (email, password_hash, display_name, created_at)
                     VALUES ($1, $2, $3, $4) RETURNING id",
                )
                .bind(u.email)
                .bind(password_hash)
                .bind(u.display_name)
                .bind(ago(60 * 24 * 45))
                .fetch_one(&mut *tx)
                .await?;
                users.insert(u.email, id);
            }
            let user = |email: &str| users.get(email).copied().ok_or(StoreError::Missing);

            for email in demo.moderators {
                sqlx::query(
                    "INSERT INTO district_roles (district_id, user_id, role, created_at)
                     VALUES ($1, $2, 'moderator', $3)",
                )
                    .bind(district_id)
                    .bind(user(email)?)
                    .bind(ago(60 * 24 * 45))
                    .execute(&mut *tx)
                    .await?;
            }

            let mut shops = HashMap::new();
            for s in demo.shops {
                let owner = s.owner.map(user).transpose()?;
                let shop_id: i64 = sqlx::query_scalar(
                    "INSERT INTO shops (district_id, name, name_en, category, description, description_en,
                                        owner_user_id, verified, created_at, place, accepts_onnuri,
                                        accepts_local_card, hours, phone, kakao_channel_url)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
                )
                .bind(district_id)
                .bind(s.name)
                .bind(s.name_en)
                .bind(s.category)
                .bind(s.description)
                .bind(s.description_en)
                .bind(owner)
                .bind(owner.is_some())
                .bind(ago(60 * 24 * 50))
                .bind(s.place)
                .bind(s.accepts_onnuri)
                .bind(s.accepts_local_card)
                .bind(serde_json::to_string(&s.hours()).map_err(|e| StoreError::Other(sqlx::Error::Encode(e.into())))?)
                .bind(s.phone)
                .bind(s.kakao_channel_url)
                .fetch_one(&mut *tx)
                .await?;
                for (i, follower) in s.followers.iter().enumerate() {
                    sqlx::query("INSERT INTO follows (shop_id, user_id, created_at) VALUES ($1, $2, $3)")
                        .bind(shop_id)
                        .bind(user(follower)?)
                        .bind(ago(60 * 24 * (40 - i as u32)))
                        .execute(&mut *tx)
                        .await?;
                }
                shops.insert(s.name, (shop_id, owner));
            }
            let shop = |name: &str| shops.get(name).copied().ok_or(StoreError::Missing);

            // Who answers for the district in its timelines.
            let moderator = demo.moderators.first().and_then(|m| user(m).ok());
            for p in demo.proposals {
                let event_date = p.event_day.map(|day| match day {
                    EventDay::InDays(n) => clock::day_from_today(n.into()),
                    EventDay::Next(month_day) => next_occurrence(&today, month_day),
                });
                let proposal_id: i64 = sqlx::query_scalar(
                    "INSERT INTO proposals (district_id, author_id, kind, title, body, status, event_date,
                                            event_place, created_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                )
                .bind(district_id)
                .bind(user(p.author)?)
                .bind(p.kind.as_str())
                .bind(p.title)
                .bind(p.body)
                .bind(p.status.as_str())
                .bind(event_date)
                .bind(p.event_place)
                .bind(ago(p.ago_min))
                .fetch_one(&mut *tx)
                .await?;
                for (i, voter) in p.voters.iter().enumerate() {
                    sqlx::query("INSERT INTO votes (proposal_id, user_id, created_at) VALUES ($1, $2, $3)")
                        .bind(proposal_id)
                        .bind(user(voter)?)
                        .bind(ago(p.ago_min.saturating_sub(30 * (i as u32 + 1))))
                        .execute(&mut *tx)
                        .await?;
                }
                for c in p.comments {
                    sqlx::query(
                        "INSERT INTO comments (proposal_id, author_id, body, created_at) VALUES ($1, $2, $3, $4)",
                    )
                    .bind(proposal_id)
                    .bind(user(c.author)?)
                    .bind(c.body)
                    .bind(ago(c.ago_min))
                    .execute(&mut *tx)
                    .await?;
                }
                for e in p.timeline {
                    let (kind, actor, role) = match e.status {
                        Some(_) => ("status", moderator.ok_or(StoreError::Missing)?, "moderator"),
                        None => ("update", user(p.author)?, "author"),
                    };
                    sqlx::query(
                        "INSERT INTO proposal_events (proposal_id, kind, status, note, actor_id, role, created_at)
                         VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    )
                    .bind(proposal_id)
                    .bind(kind)
                    .bind(e.status.map(|s| s.as_str()))
                    .bind(e.note)
                    .bind(actor)
                    .bind(role)
                    .bind(ago(e.ago_min))
                    .execute(&mut *tx)
                    .await?;
                }
                for a in p.answers {
                    let (shop_id, owner) = shop(a.shop)?;
                    sqlx::query(
                        "INSERT INTO answers (proposal_id, shop_id, author_id, stance, message, pledge,
                                              created_at, updated_at)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
                    )
                    .bind(proposal_id)
                    .bind(shop_id)
                    .bind(owner.ok_or(StoreError::Missing)?)
                    .bind(a.stance.as_str())
                    .bind(a.message)
                    .bind(a.pledge)
                    .bind(ago(a.ago_min))
                    .execute(&mut *tx)
                    .await?;
                }
            }

            for a in demo.announcements {
                let (shop_id, author) = match a.shop {
                    Some(name) => {
                        let (id, owner) = shop(name)?;
                        (Some(id), owner.ok_or(StoreError::Missing)?)
                    }
                    None => (None, user(demo.moderators.first().copied().unwrap_or_default())?),
                };
                let started = Duration::minutes(i64::from(a.started_ago_min));
                let starts = clock::before_now(started);
                let ends = clock::before_now(started - Duration::days(a.days.into()));
                sqlx::query(
                    "INSERT INTO announcements (district_id, shop_id, author_id, kind, title, body, starts_at, ends_at,
                                                pinned, created_at, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $7, $7)",
                )
                .bind(district_id)
                .bind(shop_id)
                .bind(author)
                .bind(a.kind.as_str())
                .bind(a.title)
                .bind(a.body)
                .bind(&starts)
                .bind(ends)
                .bind(a.pinned)
                .execute(&mut *tx)
                .await?;
            }

            for c in demo.claims {
                let (shop_id, _) = shop(c.shop)?;
                let listed = demo.shops.iter().find(|s| s.name == c.shop).ok_or(StoreError::Missing)?;
                sqlx::query(
                    "INSERT INTO shop_claims (shop_id, user_id, name, category, business_number, note, created_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(shop_id)
                .bind(user(c.claimant)?)
                .bind(listed.name)
                .bind(listed.category)
                .bind(c.business_number)
                .bind(c.note)
                .bind(ago(c.ago_min))
                .execute(&mut *tx)
                .await?;
            }

            }
            tx.commit().await?;
            Ok(SeedOutcome::Seeded)
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn next_occurrence() {
        assert_eq!(super::next_occurrence("2026-11-27", "07-18"), "2027-07-18");
        assert_eq!(super::next_occurrence("2026-03-01", "07-18"), "2026-07-18");
        assert_eq!(super::next_occurrence("2026-07-18", "07-18"), "2027-07-18");
    }
}

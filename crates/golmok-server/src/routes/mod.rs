//! HTTP handlers, one module per resource, and the pagination rules they share.

pub mod announcements;
pub mod answers;
pub mod auth;
pub mod comments;
pub mod districts;
pub mod feed;
pub mod health;
pub mod life;
pub mod moderation;
pub mod proposals;
pub mod shops;
pub mod votes;

use axum::{
    Router,
    routing::{get, post, put},
};
use base64::{Engine as _, engine::general_purpose::URL_SAFE_NO_PAD};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::{AppState, auth::CurrentUser, error::ApiError};

/// Every `/api/v1` route; paths are relative to that prefix.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/health", get(health::health))
        .route("/openapi.json", get(crate::openapi::openapi_json))
        .route("/auth/register", post(auth::register))
        .route("/auth/login", post(auth::login))
        .route("/auth/logout", post(auth::logout))
        .route("/auth/me", get(auth::me).delete(auth::delete_me))
        .route("/districts", get(districts::list))
        .route("/districts/{slug}", get(districts::get))
        .route("/districts/{slug}/proposals", get(proposals::list).post(proposals::create))
        .route("/districts/{slug}/shops", get(shops::list).post(shops::claim))
        .route("/shops/{id}", get(shops::get).patch(shops::update))
        .route("/districts/{slug}/claims", get(shops::of_district))
        .route("/me/claims", get(shops::mine))
        .route("/me/feed", get(feed::mine))
        .route("/me/proposals", get(proposals::mine))
        .route("/me/supports", get(proposals::supported))
        .route("/shops/{id}/verification", post(shops::verify))
        .route("/shops/{id}/follow", put(shops::follow).delete(shops::unfollow))
        .route(
            "/shops/{id}/announcements",
            get(announcements::list_for_shop).post(announcements::create_for_shop),
        )
        .route(
            "/districts/{slug}/announcements",
            get(announcements::list_for_district).post(announcements::create_for_district),
        )
        .route(
            "/announcements/{id}",
            axum::routing::patch(announcements::update).delete(announcements::delete),
        )
        .route("/announcements/{id}/pin", put(announcements::pin).delete(announcements::unpin))
        .route("/proposals/{id}", get(proposals::get).patch(life::edit))
        .route("/proposals/{id}/status", post(life::move_status))
        .route("/proposals/{id}/timeline", get(life::timeline))
        .route("/proposals/{id}/updates", post(life::add_update))
        .route("/reports", post(moderation::report))
        .route("/districts/{slug}/reports", get(moderation::queue))
        .route("/districts/{slug}/waiting", get(proposals::waiting))
        .route("/me/hidden", get(moderation::mine))
        .route("/districts/{slug}/suspensions", get(moderation::suspensions))
        .route("/districts/{slug}/settings", get(districts::settings).patch(districts::update_settings))
        .route("/districts/{slug}/moderators", get(districts::moderators).post(districts::appoint_by_email))
        .route("/districts/{slug}/moderators/{user_id}", put(districts::appoint).delete(districts::dismiss))
        .route("/districts/{slug}/suspensions/{user_id}", put(moderation::suspend).delete(moderation::lift))
        .route("/proposals/{id}/hidden", put(moderation::hide_proposal))
        .route("/comments/{id}/hidden", put(moderation::hide_comment))
        .route("/answers/{id}/hidden", put(moderation::hide_answer))
        .route("/announcements/{id}/hidden", put(moderation::hide_announcement))
        .route("/proposals/{id}/vote", put(votes::support).delete(votes::withdraw))
        .route("/proposals/{id}/comments", get(comments::list).post(comments::create))
        .route("/proposals/{id}/stances", get(comments::stances))
        .route("/proposals/{id}/answers", get(answers::list))
        .route("/shops/{id}/answers", get(answers::of_shop))
        .route("/proposals/{id}/answers/{shop_id}", put(answers::put))
}

/// `?cursor=&limit=` of plain lists.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// `next_cursor` of the previous page; omit for the first page.
    pub cursor: Option<String>,
    /// Items per page, 1 to 50 (default 20).
    #[param(minimum = 1, maximum = 50)]
    pub limit: Option<u32>,
}

pub const DEFAULT_LIMIT: u32 = 20;
pub const MAX_LIMIT: u32 = 50;

/// The page size asked for, refusing rather than clamping values outside the documented
/// range so a client bug shows up at once.
pub fn page_limit(limit: Option<u32>) -> Result<u32, ApiError> {
    match limit {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(_) => Err(ApiError::BadRequest(format!("limit must be between 1 and {MAX_LIMIT}"))),
    }
}

/// The paging of a list whose cursor is one number (an id, or how many to skip): how
/// many a page, where the page starts, and the page with the cursor to the next. Lists
/// keyed by more than one number use `decode_cursor` and `paginate` themselves.
#[derive(Debug, Clone, Copy)]
pub struct Pager {
    prefix: &'static str,
    /// Items per page, as asked (or the default).
    pub limit: u32,
    /// The number in the cursor: the page starts after (or before) it.
    pub start: Option<i64>,
}

impl Pager {
    /// Reads `?limit=` and `?cursor=`, refusing a cursor of another list.
    pub fn new(prefix: &'static str, limit: Option<u32>, cursor: Option<&str>) -> Result<Self, ApiError> {
        let limit = page_limit(limit)?;
        let start = cursor.map(|c| decode_cursor(c, prefix, 1)).transpose()?.map(|n| n[0]);
        Ok(Pager { prefix, limit, start })
    }

    /// How many to fetch: one more than a page, to know whether another page follows.
    pub fn look_ahead(&self) -> u32 {
        self.limit + 1
    }

    /// The page of `items` (fetched with `look_ahead`), the next cursor made of `key` of
    /// the last one kept.
    pub fn page<T>(&self, items: Vec<T>, key: impl Fn(&T) -> i64) -> golmok_api::Page<T> {
        paginate(items, self.limit, |item| encode_cursor(&[self.prefix.to_owned(), key(item).to_string()]))
    }
}

/// The district `slug`, for one of its moderators: 404 if there is none, 403 for others.
/// The console's endpoints (its queues, suspensions, settings, moderators) all begin here.
async fn moderated(state: &AppState, slug: &str, current: &CurrentUser) -> Result<i64, ApiError> {
    let district = state.store.district_id(slug).await?.ok_or(ApiError::NotFound("district"))?;
    if !state.store.is_moderator(district, current.user.id).await? {
        return Err(ApiError::Forbidden);
    }
    Ok(district)
}

/// `?cursor=` as given; an empty one asks for the first page, as none does.
pub fn cursor_param(cursor: &Option<String>) -> Option<&str> {
    cursor.as_deref().filter(|c| !c.is_empty())
}

/// Cursors are opaque to clients: base64url of a short text naming the list and the sort
/// key of the last item returned. The prefix stops a cursor from one list (or sort order)
/// from being accepted by another.
pub fn encode_cursor(parts: &[String]) -> String {
    URL_SAFE_NO_PAD.encode(parts.join(":"))
}

/// The numbers in a cursor made by `encode_cursor` with `prefix` and `n` numbers.
pub fn decode_cursor(cursor: &str, prefix: &str, n: usize) -> Result<Vec<i64>, ApiError> {
    let bad = || ApiError::BadRequest("cursor is not valid for this list".to_owned());
    let text = URL_SAFE_NO_PAD
        .decode(cursor.as_bytes())
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .ok_or_else(bad)?;
    let mut parts = text.split(':');
    if parts.next() != Some(prefix) {
        return Err(bad());
    }
    let numbers = parts.map(|p| p.parse::<i64>()).collect::<Result<Vec<_>, _>>().map_err(|_| bad())?;
    if numbers.len() == n { Ok(numbers) } else { Err(bad()) }
}

/// Splits off the look-ahead item fetched to learn whether another page exists, and
/// makes the cursor from the last item kept.
pub fn paginate<T>(mut items: Vec<T>, limit: u32, cursor_of: impl Fn(&T) -> String) -> golmok_api::Page<T> {
    let more = items.len() > limit as usize;
    items.truncate(limit as usize);
    let next_cursor = if more { items.last().map(cursor_of) } else { None };
    golmok_api::Page { items, next_cursor }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pager_reads_its_own_cursors_only_and_writes_the_next() {
        let first = Pager::new("c", Some(2), None).unwrap();
        assert_eq!((first.limit, first.start, first.look_ahead()), (2, None, 3));
        let page = first.page(vec![10, 11, 12], |n| *n);
        assert_eq!(page.items, vec![10, 11]);
        let next = page.next_cursor.expect("a third item came back");
        assert_eq!(Pager::new("c", Some(2), Some(&next)).unwrap().start, Some(11));
        assert!(Pager::new("d", Some(2), Some(&next)).is_err(), "another list's cursor");
        assert!(Pager::new("c", Some(0), None).is_err() && Pager::new("c", Some(51), None).is_err());
        assert_eq!(Pager::new("c", None, None).unwrap().limit, DEFAULT_LIMIT);
        assert_eq!(first.page(vec![10, 11], |n| *n).next_cursor, None, "a full page, nothing after");
    }

    #[test]
    fn paginate_keeps_limit_items_and_points_past_the_last_kept() {
        let cursor = |n: &i32| n.to_string();
        // The look-ahead item came back: another page exists, after the last one kept.
        let page = paginate(vec![1, 2, 3, 4], 3, cursor);
        assert_eq!((page.items, page.next_cursor), (vec![1, 2, 3], Some("3".to_owned())));
        // Exactly a full page and nothing after it: no cursor to an empty page.
        let page = paginate(vec![1, 2, 3], 3, cursor);
        assert_eq!((page.items, page.next_cursor), (vec![1, 2, 3], None));
        let page = paginate(vec![1], 3, cursor);
        assert_eq!((page.items, page.next_cursor), (vec![1], None));
        let page = paginate(Vec::new(), 3, cursor);
        assert_eq!((page.items, page.next_cursor), (vec![], None));
    }

    #[test]
    fn cursor_round_trip() {
        let c = encode_cursor(&["top".into(), "12".into(), "345".into()]);
        assert_eq!(decode_cursor(&c, "top", 2).unwrap(), vec![12, 345]);
        assert!(decode_cursor(&c, "new", 1).is_err());
        assert!(decode_cursor("!!!", "top", 2).is_err());
        assert!(decode_cursor(&encode_cursor(&["top".into(), "x".into(), "1".into()]), "top", 2).is_err());
    }

    #[test]
    fn limits() {
        assert_eq!(page_limit(None).unwrap(), 20);
        assert_eq!(page_limit(Some(50)).unwrap(), 50);
        assert!(page_limit(Some(0)).is_err());
        assert!(page_limit(Some(51)).is_err());
    }
}

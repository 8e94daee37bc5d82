//! What forces an answer: a proposal with the supports and pledges its district asks for
//! is `ready` and waits in the moderators' queue until one of them moves it; an open one
//! past the district's window without them is `expired`, and stays. Time passes on a
//! clock the test moves ahead (`Config::clock`).

use golmok_api::{Answer, DistrictSettings, Page, Proposal, ProposalKind};
use golmok_server::db::clock::Clock;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use time::Duration;

use crate::{DEMO_PROPOSALS, TestServer, expect, expect_error, walk_pages};

const SETTINGS: &str = "/api/v1/districts/eungubi-seo/settings";
const WAITING: &str = "/api/v1/districts/eungubi-seo/waiting";

/// The demo district on a clock of the test's.
async fn server_on(clock: &Clock) -> TestServer {
    let clock = clock.clone();
    TestServer::start_with(move |c, _| {
        c.demo = true;
        c.clock = clock;
    })
    .await
}

async fn proposal(s: &TestServer, id: i64, token: Option<&str>) -> Proposal {
    expect(s.get(&format!("/api/v1/proposals/{id}"), token).await, StatusCode::OK).await
}

async fn set(s: &TestServer, moderator: &str, change: Value) -> DistrictSettings {
    expect(s.send_json(Method::PATCH, SETTINGS, Some(moderator), &change).await, StatusCode::OK).await
}

async fn moved(s: &TestServer, moderator: &str, id: i64, change: Value) -> Proposal {
    let path = format!("/api/v1/proposals/{id}/status");
    expect(s.post(&path, Some(moderator), &change).await, StatusCode::OK).await
}

async fn waiting_ids(s: &TestServer, moderator: &str) -> Vec<i64> {
    walk_pages::<Proposal>(s, &format!("{WAITING}?limit=2"), Some(moderator))
        .await
        .iter()
        .map(|p| p.id)
        .collect()
}

/// `(ready, expired)` of proposal `id` wherever a proposal shows: alone, in its
/// district's list and in its author's; all must agree.
async fn flags(s: &TestServer, id: i64, author: &str) -> (bool, bool) {
    let alone = proposal(s, id, None).await;
    let listed: Vec<Proposal> = walk_pages(s, &format!("{DEMO_PROPOSALS}?sort=new&limit=50"), None).await;
    let listed = listed.into_iter().find(|p| p.id == id).expect("still listed: nothing is deleted");
    let mine: Vec<Proposal> = walk_pages(s, "/api/v1/me/proposals?limit=50", Some(author)).await;
    let mine = mine.into_iter().find(|p| p.id == id).expect("still the author's");
    for other in [&listed, &mine] {
        assert_eq!(
            (other.ready, other.expired, other.support_goal, other.pledge_goal),
            (alone.ready, alone.expired, alone.support_goal, alone.pledge_goal),
            "proposal {id}: the same wherever it shows"
        );
    }
    (alone.ready, alone.expired)
}

#[tokio::test]
async fn an_open_proposal_expires_after_the_districts_window_and_stays_with_its_counts() {
    let clock = Clock::default();
    let s = server_on(&clock).await;
    let moderator = s.login_demo("moderator@example.com").await.token;
    let author = s.register("aging@example.com", "오래된 제안자").await.token;
    let neighbour = s.register("aging-neighbour@example.com", "이웃").await.token;
    let p = s.create_proposal(&author, "가로등을 더 밝게", ProposalKind::Improvement).await;
    assert_eq!(
        (p.ready, p.expired, p.support_goal, p.pledge_goal),
        (false, false, 20, 3),
        "the demo's goals"
    );
    s.vote(&neighbour, p.id, true).await;

    clock.advance(Duration::days(59));
    assert_eq!(flags(&s, p.id, &author).await, (false, false), "59 days: still within 60");
    clock.advance(Duration::days(2));
    assert_eq!(flags(&s, p.id, &author).await, (false, true), "61 days: expired");
    let expired = proposal(&s, p.id, Some(&neighbour)).await;
    assert_eq!((expired.vote_count, expired.voted), (1, true), "shown with its final counts");

    // The district's window, changed, applies at once, both ways.
    set(&s, &moderator, json!({"expiry_days": 90})).await;
    assert_eq!(flags(&s, p.id, &author).await, (false, false));
    set(&s, &moderator, json!({"expiry_days": 60})).await;
    assert_eq!(flags(&s, p.id, &author).await, (false, true));

    // Goals it meets make it ready, and a ready proposal is not expired: it waits.
    set(&s, &moderator, json!({"support_threshold": 1, "pledge_threshold": 0})).await;
    assert_eq!(flags(&s, p.id, &author).await, (true, false));
    assert!(waiting_ids(&s, &moderator).await.contains(&p.id));
    set(&s, &moderator, json!({"support_threshold": 2})).await;
    assert_eq!(flags(&s, p.id, &author).await, (false, true), "goals raised: expired again");

    // Only an open proposal expires: one under review is the district's to answer.
    moved(&s, &moderator, p.id, json!({"status": "under_review"})).await;
    assert_eq!(flags(&s, p.id, &author).await, (false, false));

    // A new proposal on the same (moved) clock is young.
    let young = s.create_proposal(&author, "새로 올린 제안", ProposalKind::Event).await;
    assert_eq!((young.ready, young.expired), (false, false));
}

#[tokio::test]
async fn reaching_both_goals_makes_a_proposal_ready_and_waiting_until_a_moderator_moves_it() {
    let s = server_on(&Clock::default()).await;
    let moderator = s.login_demo("moderator@example.com").await.token;
    let merchant = s.login_demo("merchant@example.com").await;
    let shop = merchant.user.roles.iter().find_map(|r| r.shop_id).expect("the bakery");
    let author = s.register("ready@example.com", "준비된 제안자").await.token;
    let supporters = [
        s.register("ready-1@example.com", "이웃 하나").await.token,
        s.register("ready-2@example.com", "이웃 둘").await.token,
    ];
    let settings = set(&s, &moderator, json!({"support_threshold": 2, "pledge_threshold": 1})).await;
    assert_eq!((settings.support_threshold, settings.pledge_threshold), (2, 1));
    let p = s.create_proposal(&author, "골목 벼룩시장", ProposalKind::Event).await;
    assert_eq!((p.support_goal, p.pledge_goal), (2, 1), "the goals as the district sets them now");

    s.vote(&supporters[0], p.id, true).await;
    s.vote(&supporters[1], p.id, true).await;
    assert_eq!(flags(&s, p.id, &author).await, (false, false), "supports without a pledge");
    assert!(!waiting_ids(&s, &moderator).await.contains(&p.id));

    let answer_path = format!("/api/v1/proposals/{}/answers/{shop}", p.id);
    let pledge = json!({"stance": "take_part", "message": "함께해요", "pledge": "그날 빵을 나눠요"});
    let answer: Answer =
        expect(s.send_json(Method::PUT, &answer_path, Some(&merchant.token), &pledge).await, StatusCode::OK)
            .await;
    assert_eq!(flags(&s, p.id, &author).await, (true, false), "both goals: ready for everyone");
    assert!(proposal(&s, p.id, Some(&supporters[0])).await.ready);
    assert!(waiting_ids(&s, &moderator).await.contains(&p.id));

    // A support withdrawn, or a pledge hidden by the moderators, no longer counts.
    s.vote(&supporters[1], p.id, false).await;
    assert_eq!(flags(&s, p.id, &author).await, (false, false));
    s.vote(&supporters[1], p.id, true).await;
    let hide = format!("/api/v1/answers/{}/hidden", answer.id);
    let hidden = json!({"hidden": true, "note": "광고예요"});
    expect::<Value>(s.send_json(Method::PUT, &hide, Some(&moderator), &hidden).await, StatusCode::OK).await;
    let without = proposal(&s, p.id, None).await;
    assert_eq!((without.pledge_count, without.ready), (0, false), "a hidden answer's pledge does not count");
    assert!(!waiting_ids(&s, &moderator).await.contains(&p.id));
    let shown = json!({"hidden": false});
    expect::<Value>(s.send_json(Method::PUT, &hide, Some(&moderator), &shown).await, StatusCode::OK).await;
    assert_eq!(flags(&s, p.id, &author).await, (true, false));

    // Goals raised past it take it out of the queue at once, lowered bring it back.
    set(&s, &moderator, json!({"support_threshold": 3})).await;
    assert_eq!(flags(&s, p.id, &author).await, (false, false));
    assert!(!waiting_ids(&s, &moderator).await.contains(&p.id));
    set(&s, &moderator, json!({"support_threshold": 2})).await;

    // Under review it still waits for the answer; accepted, it has one.
    let reviewed = moved(&s, &moderator, p.id, json!({"status": "under_review"})).await;
    assert!(reviewed.ready);
    assert!(waiting_ids(&s, &moderator).await.contains(&p.id));
    let accepted =
        moved(&s, &moderator, p.id, json!({"status": "accepted", "note": "상인회가 열어요"})).await;
    assert_eq!((accepted.ready, accepted.expired), (false, false));
    assert_eq!(flags(&s, p.id, &author).await, (false, false));
    assert!(!waiting_ids(&s, &moderator).await.contains(&p.id), "moved on: out of the queue");
}

#[tokio::test]
async fn the_waiting_queue_is_the_ready_proposals_most_supported_first_for_the_moderators_only() {
    let s = server_on(&Clock::default()).await;
    let moderator = s.login_demo("moderator@example.com").await.token;
    let other_moderator = s.login_demo("moderator2@example.com").await.token;
    let author = s.register("queue@example.com", "줄 선 제안자").await.token;
    let neighbours = [
        s.register("queue-1@example.com", "이웃 하나").await.token,
        s.register("queue-2@example.com", "이웃 둘").await.token,
    ];
    set(&s, &moderator, json!({"support_threshold": 1, "pledge_threshold": 0})).await;
    let mut made = Vec::new();
    for (n, votes) in [1, 2, 1, 0].into_iter().enumerate() {
        let p = s.create_proposal(&author, &format!("줄 선 제안 {n}"), ProposalKind::Improvement).await;
        for token in &neighbours[..votes] {
            s.vote(token, p.id, true).await;
        }
        made.push(p.id);
    }

    // Page by page (two a page), every ready proposal of the district once, in order.
    let queue: Vec<Proposal> = walk_pages(&s, &format!("{WAITING}?limit=2"), Some(&moderator)).await;
    assert!(queue.iter().all(|p| p.ready && p.district_slug == "eungubi-seo"));
    let keys: Vec<(i64, i64)> = queue.iter().map(|p| (p.vote_count, p.id)).collect();
    let mut sorted = keys.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(keys, sorted, "most supported first, then newest");
    let all: Vec<Proposal> = walk_pages(&s, &format!("{DEMO_PROPOSALS}?limit=50"), None).await;
    let mut ready: Vec<i64> = all.iter().filter(|p| p.ready).map(|p| p.id).collect();
    let mut queued: Vec<i64> = queue.iter().map(|p| p.id).collect();
    ready.sort_unstable();
    queued.sort_unstable();
    assert_eq!(queued, ready, "the queue is exactly the ready ones");
    let mine: Vec<i64> = queue.iter().map(|p| p.id).filter(|id| made.contains(id)).collect();
    assert_eq!(mine, vec![made[1], made[2], made[0]], "2 supports, then 1 (newest first); none: not ready");

    // Its moderators only; other lists' cursors and bad pages are 400, never 500.
    expect_error(s.get(WAITING, None).await, StatusCode::UNAUTHORIZED, "unauthorized").await;
    expect_error(s.get(WAITING, Some(&author)).await, StatusCode::FORBIDDEN, "forbidden").await;
    expect_error(s.get(WAITING, Some(&other_moderator)).await, StatusCode::FORBIDDEN, "forbidden").await;
    let nowhere = "/api/v1/districts/nowhere/waiting";
    expect_error(s.get(nowhere, Some(&moderator)).await, StatusCode::NOT_FOUND, "not_found").await;
    let listed: Page<Proposal> =
        expect(s.get(&format!("{DEMO_PROPOSALS}?limit=1"), None).await, StatusCode::OK).await;
    let foreign = listed.next_cursor.expect("more than one proposal");
    for query in
        [format!("cursor={foreign}"), "cursor=%00".to_owned(), "limit=0".to_owned(), "limit=51".to_owned()]
    {
        let res = s.get(&format!("{WAITING}?{query}"), Some(&moderator)).await;
        expect_error(res, StatusCode::BAD_REQUEST, "bad_request").await;
    }
}

/// Every list of proposals carries the goals, not only the district's.
#[tokio::test]
async fn every_list_of_proposals_carries_the_goals() {
    let s = server_on(&Clock::default()).await;
    let moderator = s.login_demo("moderator@example.com").await.token;
    let merchant = s.login_demo("merchant@example.com").await;
    let shop = merchant.user.roles.iter().find_map(|r| r.shop_id).expect("the bakery");
    let author = s.register("goals@example.com", "목표 제안자").await.token;
    set(&s, &moderator, json!({"support_threshold": 7, "pledge_threshold": 2})).await;
    let p = s.create_proposal(&author, "목표를 보여 주세요", ProposalKind::Improvement).await;
    s.vote(&author, p.id, true).await;
    for (path, token) in [
        (format!("{DEMO_PROPOSALS}?limit=50"), None),
        (format!("{DEMO_PROPOSALS}?unanswered_by={shop}&limit=50"), None),
        ("/api/v1/me/proposals".to_owned(), Some(author.as_str())),
        ("/api/v1/me/supports".to_owned(), Some(author.as_str())),
    ] {
        let items: Vec<Proposal> = walk_pages(&s, &path, token).await;
        let found = items.iter().find(|q| q.id == p.id).unwrap_or_else(|| panic!("{path}: listed"));
        assert_eq!((found.support_goal, found.pledge_goal), (7, 2), "{path}");
        assert!(items.iter().all(|q| q.support_goal == 7 && q.pledge_goal == 2), "{path}: one district");
    }
}

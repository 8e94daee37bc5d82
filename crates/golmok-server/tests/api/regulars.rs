//! Regulars (단골): following shops, counts that never name anyone, and "My alley".

use futures::future::join_all;
use golmok_api::{FeedItem, FeedKind, FollowState, Page, Shop};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::{TestServer, demo_server, expect, expect_error, walk_pages};

const MERCHANT: &str = "merchant@example.com";

async fn bakery(s: &TestServer) -> (String, i64) {
    let merchant = s.login_demo(MERCHANT).await;
    let shop = merchant.user.roles[0].shop_id.unwrap();
    (merchant.token, shop)
}

async fn follow(s: &TestServer, token: &str, shop: i64, on: bool) -> reqwest::Response {
    let method = if on { Method::PUT } else { Method::DELETE };
    s.request(method, &format!("/api/v1/shops/{shop}/follow"), Some(token)).send().await.unwrap()
}

async fn feed(s: &TestServer, token: &str) -> Vec<FeedItem> {
    walk_pages(s, "/api/v1/me/feed?limit=1", Some(token)).await
}

#[tokio::test]
async fn following_counts_exactly_and_names_nobody() {
    let s = demo_server().await;
    let (merchant, shop) = bakery(&s).await;
    let mina = s.register("mina@example.com", "민아").await;
    let path = format!("/api/v1/shops/{shop}");
    // The demo's regulars.
    let base = expect::<Shop>(s.get(&path, None).await, StatusCode::OK).await.follower_count;
    for _ in 0..2 {
        let state: FollowState = expect(follow(&s, &mina.token, shop, true).await, StatusCode::OK).await;
        assert_eq!((state.shop_id, state.following, state.follower_count), (shop, true, base + 1));
    }
    let seen: Shop = expect(s.get(&path, Some(&mina.token)).await, StatusCode::OK).await;
    assert_eq!((seen.following, seen.follower_count), (true, base + 1));
    let anonymous: Shop = expect(s.get(&path, None).await, StatusCode::OK).await;
    assert_eq!((anonymous.following, anonymous.follower_count), (false, base + 1));
    let listed: Page<Shop> = expect(
        s.get("/api/v1/districts/eungubi-seo/shops?limit=50", Some(&mina.token)).await,
        StatusCode::OK,
    )
    .await;
    assert!(listed.items.iter().all(|x| x.following == (x.id == shop)));
    // What the merchant sees: a count, no one's name or address.
    for path in [path.clone(), "/api/v1/districts/eungubi-seo/shops".to_owned()] {
        let text = s.get(&path, Some(&merchant)).await.text().await.unwrap();
        assert!(!text.contains("mina@example.com") && !text.contains("민아"), "{text}");
    }

    // Thirty at once, through one server: exactly thirty more, then none.
    let neighbours =
        join_all((0..30).map(|i| s.register_owned(format!("n{i}@example.com"), format!("이웃 {i}")))).await;
    for (on, expected) in [(true, base + 31), (false, base + 1)] {
        let answers = join_all(neighbours.iter().map(|n| follow(&s, &n.token, shop, on))).await;
        assert!(answers.iter().all(|r| r.status() == StatusCode::OK));
        let seen: Shop = expect(s.get(&path, None).await, StatusCode::OK).await;
        assert_eq!(seen.follower_count, expected);
    }
    let state: FollowState = expect(follow(&s, &mina.token, shop, false).await, StatusCode::OK).await;
    assert_eq!((state.following, state.follower_count), (false, base));

    let res = s.request(Method::PUT, &format!("/api/v1/shops/{shop}/follow"), None).send().await.unwrap();
    expect_error(res, StatusCode::UNAUTHORIZED, "unauthorized").await;
    expect_error(follow(&s, &mina.token, 9999, true).await, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn my_alley_brings_the_news_of_followed_shops_and_answers_to_my_proposals() {
    let s = demo_server().await;
    let (merchant, shop) = bakery(&s).await;
    let mina = s.register("mina@example.com", "민아").await;
    assert!(feed(&s, &mina.token).await.is_empty(), "following nobody, proposing nothing");

    // Her own proposal, answered by a shop she does not follow.
    let mine = s.create_proposal(&mina.token, "골목 벼룩시장", golmok_api::ProposalKind::Event).await;
    let body =
        json!({"stance": "take_part", "message": "자리 하나 맡을게요", "pledge": "참가자 빵 10% 할인"});
    s.send_json(
        Method::PUT,
        &format!("/api/v1/proposals/{}/answers/{shop}", mine.id),
        Some(&merchant),
        &body,
    )
    .await;
    let items = feed(&s, &mina.token).await;
    assert_eq!(items.len(), 1);
    assert_eq!((items[0].kind, items[0].to_your_proposal), (FeedKind::Answer, true));
    assert_eq!(items[0].proposal.as_ref().map(|p| p.title.as_str()), Some("골목 벼룩시장"));

    // Following the bakery: its started announcements and all its answers, newest first.
    follow(&s, &mina.token, shop, true).await;
    let items = feed(&s, &mina.token).await;
    let demo = &golmok_server::seed::DEMO;
    // Announcements showing now; what is over stays on the shop's page only.
    let announcements =
        demo.announcements.iter().filter(|a| a.shop == Some("은구비 베이커리") && a.is_current()).count();
    let answers =
        demo.proposals.iter().flat_map(|p| p.answers).filter(|a| a.shop == "은구비 베이커리").count();
    assert_eq!(items.len(), announcements + answers + 1);
    assert!(items.windows(2).all(|w| w[0].at >= w[1].at), "newest first");
    assert_eq!(
        items[0].answer.as_ref().map(|a| a.proposal_id),
        Some(mine.id),
        "the newest: the answer just given"
    );
    assert!(items.iter().all(|i| match i.kind {
        FeedKind::Announcement =>
            i.announcement.as_ref().is_some_and(|a| a.shop.as_ref().is_some_and(|s| s.id == shop)),
        FeedKind::Answer => i.answer.is_some() && i.proposal.is_some(),
    }));
    let whole: Page<FeedItem> =
        expect(s.get("/api/v1/me/feed?limit=50", Some(&mina.token)).await, StatusCode::OK).await;
    assert_eq!(whole.items, items, "pages add up to the whole");

    // A new announcement comes first; unfollowing leaves only the answer to her proposal.
    let sale = json!({"kind": "sale", "title": "오늘만 1+1", "body": "저녁 7시까지"});
    s.post(&format!("/api/v1/shops/{shop}/announcements"), Some(&merchant), &sale).await;
    assert_eq!(
        feed(&s, &mina.token).await[0].announcement.as_ref().map(|a| a.title.as_str()),
        Some("오늘만 1+1")
    );
    follow(&s, &mina.token, shop, false).await;
    assert_eq!(feed(&s, &mina.token).await.len(), 1);

    expect_error(s.get("/api/v1/me/feed", None).await, StatusCode::UNAUTHORIZED, "unauthorized").await;
    expect_error(
        s.get("/api/v1/me/feed?cursor=zzz", Some(&mina.token)).await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
}

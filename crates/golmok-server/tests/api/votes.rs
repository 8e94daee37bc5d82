use golmok_api::{Page, Proposal};
use reqwest::{Method, StatusCode};

use crate::{DEMO_PROPOSALS, demo_server, expect, expect_error};

#[tokio::test]
async fn vote_is_idempotent_and_shows_as_voted() {
    let s = demo_server().await;
    let me = s.register("mina@example.com", "민아").await;
    let other = s.register("jun@example.com", "준호").await;
    let p = s.create_proposal(&me.token, "골목 화단 가꾸기", golmok_api::ProposalKind::Improvement).await;

    for _ in 0..2 {
        let v = s.vote(&me.token, p.id, true).await;
        assert_eq!((v.proposal_id, v.voted, v.vote_count), (p.id, true, 1));
    }
    let path = format!("/api/v1/proposals/{}", p.id);
    let mine: Proposal = expect(s.get(&path, Some(&me.token)).await, StatusCode::OK).await;
    assert_eq!((mine.voted, mine.vote_count), (true, 1));
    let theirs: Proposal = expect(s.get(&path, Some(&other.token)).await, StatusCode::OK).await;
    assert_eq!((theirs.voted, theirs.vote_count), (false, 1));
    let anonymous: Proposal = expect(s.get(&path, None).await, StatusCode::OK).await;
    assert!(!anonymous.voted);

    let list: Page<Proposal> =
        expect(s.get(&format!("{DEMO_PROPOSALS}?sort=new&limit=50"), Some(&me.token)).await, StatusCode::OK)
            .await;
    let listed = list.items.iter().find(|x| x.id == p.id).unwrap();
    assert!(listed.voted);
    assert!(list.items.iter().filter(|x| x.id != p.id).all(|x| !x.voted));

    for _ in 0..2 {
        let v = s.vote(&me.token, p.id, false).await;
        assert_eq!((v.voted, v.vote_count), (false, 0));
    }
    let after: Proposal = expect(s.get(&path, Some(&me.token)).await, StatusCode::OK).await;
    assert_eq!((after.voted, after.vote_count), (false, 0));
}

#[tokio::test]
async fn vote_refusals() {
    let s = demo_server().await;
    let me = s.register("mina@example.com", "민아").await;
    for method in [Method::PUT, Method::DELETE] {
        let res = s.request(method.clone(), "/api/v1/proposals/3/vote", None).send().await.unwrap();
        expect_error(res, StatusCode::UNAUTHORIZED, "unauthorized").await;
        for id in ["999", "-3", "abc"] {
            let res = s
                .request(method.clone(), &format!("/api/v1/proposals/{id}/vote"), Some(&me.token))
                .send()
                .await
                .unwrap();
            expect_error(res, StatusCode::NOT_FOUND, "not_found").await;
        }
    }
    let res = s.request(Method::POST, "/api/v1/proposals/3/vote", Some(&me.token)).send().await.unwrap();
    expect_error(res, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_concurrent_supports_count_fifty() {
    let s = demo_server().await;
    let author = s.register("author@example.com", "제안자").await;
    let p = s.create_proposal(&author.token, "동시 공감 시험", golmok_api::ProposalKind::Improvement).await;

    let users = futures::future::join_all((0..50).map(|i| {
        let s = &s;
        async move { s.register(&format!("user{i}@example.com"), &format!("주민 {i}")).await.token }
    }))
    .await;

    let url = s.url(&format!("/api/v1/proposals/{}/vote", p.id));
    let tasks: Vec<_> = users
        .into_iter()
        .map(|token| {
            let client = s.client.clone();
            let url = url.clone();
            tokio::spawn(async move { client.put(url).bearer_auth(token).send().await.unwrap().status() })
        })
        .collect();
    for status in futures::future::join_all(tasks).await {
        assert_eq!(status.unwrap(), StatusCode::OK);
    }
    let after: Proposal =
        expect(s.get(&format!("/api/v1/proposals/{}", p.id), None).await, StatusCode::OK).await;
    assert_eq!(after.vote_count, 50);
}

/// A hidden proposal is frozen: neither supporting nor withdrawing changes it, and both
/// answer 404 as for a proposal that does not exist.
#[tokio::test]
async fn votes_on_a_hidden_proposal_change_nothing() {
    use sqlx::Executor as _;
    let s = demo_server().await;
    let me = s.register("mina@example.com", "민아").await;
    let other = s.register("jun@example.com", "준호").await;
    let p = s.create_proposal(&me.token, "골목 화단 가꾸기", golmok_api::ProposalKind::Improvement).await;
    s.vote(&me.token, p.id, true).await;

    let hide =
        |hidden: bool| sqlx::query("UPDATE proposals SET hidden = $1 WHERE id = $2").bind(hidden).bind(p.id);
    let mut db = s.db().await;
    db.execute(hide(true)).await.unwrap();
    let path = format!("/api/v1/proposals/{}/vote", p.id);
    for (method, token) in [(Method::DELETE, &me.token), (Method::PUT, &other.token)] {
        let res = s.request(method, &path, Some(token)).send().await.unwrap();
        expect_error(res, StatusCode::NOT_FOUND, "not_found").await;
    }
    db.execute(hide(false)).await.unwrap();

    let mine: Proposal =
        expect(s.get(&format!("/api/v1/proposals/{}", p.id), Some(&me.token)).await, StatusCode::OK).await;
    assert_eq!((mine.voted, mine.vote_count), (true, 1), "the support stayed and nothing was added");
}

use std::collections::HashSet;

use golmok_api::{Comment, FieldErrorCode, Page, Proposal};
use reqwest::StatusCode;
use serde_json::json;

use crate::{demo_server, expect, expect_error, walk_pages};

#[tokio::test]
async fn create_list_and_count() {
    let s = demo_server().await;
    let me = s.register("mina@example.com", "민아").await;
    let p = s.create_proposal(&me.token, "골목 벼룩시장", golmok_api::ProposalKind::Event).await;
    let path = format!("/api/v1/proposals/{}/comments", p.id);

    let mut created = Vec::new();
    for i in 0..7 {
        let c: Comment = expect(
            s.post(&path, Some(&me.token), &json!({"body": format!("  좋아요 {i}  ")})).await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(c.body, format!("좋아요 {i}"));
        assert_eq!((c.proposal_id, c.author.id), (p.id, me.user.id));
        assert_eq!(c.author.display_name, "민아");
        created.push(c);
    }

    let after: Proposal =
        expect(s.get(&format!("/api/v1/proposals/{}", p.id), None).await, StatusCode::OK).await;
    assert_eq!(after.comment_count, 7);

    // Oldest first, walked three at a time.
    let seen: Vec<Comment> = walk_pages(&s, &format!("{path}?limit=3"), None).await;
    assert_eq!(seen, created);
    assert_eq!(seen.iter().map(|c| c.id).collect::<HashSet<_>>().len(), 7);

    // The demo's proposal 3 (ids follow the demo's order) already has a conversation.
    let page: Page<Comment> = expect(s.get("/api/v1/proposals/3/comments", None).await, StatusCode::OK).await;
    let demo = &golmok_server::seed::DEMO.proposals[2];
    assert!(!demo.comments.is_empty());
    assert_eq!(
        page.items.iter().map(|c| c.body.as_str()).collect::<Vec<_>>(),
        demo.comments.iter().map(|c| c.body).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn comment_refusals() {
    let s = demo_server().await;
    let me = s.register("mina@example.com", "민아").await;
    let ok = json!({"body": "좋은 생각이에요"});
    expect_error(
        s.post("/api/v1/proposals/3/comments", None, &ok).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    expect_error(
        s.post("/api/v1/proposals/999/comments", Some(&me.token), &ok).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    expect_error(s.get("/api/v1/proposals/999/comments", None).await, StatusCode::NOT_FOUND, "not_found")
        .await;
    let res = s.post("/api/v1/proposals/3/comments", Some(&me.token), &json!({"body": "   "})).await;
    let body = expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(
        (body.error.fields[0].field.as_str(), body.error.fields[0].code),
        ("body", FieldErrorCode::Required)
    );
    let res =
        s.post("/api/v1/proposals/3/comments", Some(&me.token), &json!({"body": "가".repeat(1001)})).await;
    let body = expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(body.error.fields[0].code, FieldErrorCode::TooLong);
    let p: Proposal = expect(s.get("/api/v1/proposals/3", None).await, StatusCode::OK).await;
    assert_eq!(p.comment_count, 2);
}

/// A comment says where it stands (neutral when it does not say); the proposal counts
/// its visible comments by stance.
#[tokio::test]
async fn comments_carry_a_stance_and_the_proposal_counts_them() {
    use golmok_api::{CommentStance, StanceCounts};
    let s = demo_server().await;
    let me = s.register("stance@example.com", "입장 있는 이웃").await.token;
    let moderator = s.login_demo("moderator@example.com").await.token;
    let p = s.create_proposal(&me, "입장을 묻는 제안", golmok_api::ProposalKind::Improvement).await;
    let path = format!("/api/v1/proposals/{}/comments", p.id);
    let at = format!("/api/v1/proposals/{}/stances", p.id);
    assert_eq!(expect::<StanceCounts>(s.get(&at, None).await, StatusCode::OK).await, StanceCounts::default());
    let mut made = Vec::new();
    for body in [
        json!({"body": "좋아요", "stance": "for"}),
        json!({"body": "글쎄요"}),
        json!({"body": "반대해요", "stance": "against"}),
        json!({"body": "찬성!", "stance": "for"}),
    ] {
        let c: Comment = expect(s.post(&path, Some(&me), &body).await, StatusCode::CREATED).await;
        made.push(c);
    }
    assert_eq!(
        made.iter().map(|c| c.stance).collect::<Vec<_>>(),
        [CommentStance::For, CommentStance::Neutral, CommentStance::Against, CommentStance::For]
    );
    let listed: Vec<Comment> = walk_pages(&s, &path, None).await;
    assert_eq!(listed.iter().filter(|c| c.stance == CommentStance::For).count(), 2);
    assert_eq!(
        expect::<StanceCounts>(s.get(&at, None).await, StatusCode::OK).await,
        StanceCounts { in_favour: 2, neutral: 1, against: 1 }
    );
    let raw: serde_json::Value =
        expect(s.get(&format!("/api/v1/proposals/{}/stances", p.id), None).await, StatusCode::OK).await;
    assert_eq!(raw, json!({"for": 2, "neutral": 1, "against": 1}));

    // A hidden comment no longer counts; an unknown stance is refused.
    let hide = json!({"hidden": true, "note": "광고"});
    let res = s
        .send_json(
            reqwest::Method::PUT,
            &format!("/api/v1/comments/{}/hidden", made[0].id),
            Some(&moderator),
            &hide,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        expect::<StanceCounts>(s.get(&at, None).await, StatusCode::OK).await,
        StanceCounts { in_favour: 1, neutral: 1, against: 1 }
    );
    let res = s.post(&path, Some(&me), &json!({"body": "음", "stance": "maybe"})).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    expect_error(s.get("/api/v1/proposals/999999/stances", None).await, StatusCode::NOT_FOUND, "not_found")
        .await;
}

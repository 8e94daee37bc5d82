//! `Idempotency-Key`: a write sent again with its key is answered, not done, twice.

use golmok_api::{Comment, Page, ProposalKind};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::{demo_server, expect, expect_error};

#[tokio::test]
async fn a_comment_sent_twice_is_written_once() {
    let s = demo_server().await;
    let me = s.register("mina@example.com", "민아").await;
    let p = s.create_proposal(&me.token, "골목 벼룩시장", ProposalKind::Event).await;
    let path = format!("/api/v1/proposals/{}/comments", p.id);
    let send = |key: &'static str, body: &'static str| {
        s.keyed(Method::POST, &path, Some(&me.token), key).json(&json!({"body": body}))
    };

    let first = send("k-1", "좋아요").send().await.unwrap();
    assert_eq!(first.headers().get("idempotent-replayed"), None);
    let first: Comment = expect(first, StatusCode::CREATED).await;
    let again = send("k-1", "좋아요").send().await.unwrap();
    assert_eq!(again.headers().get("idempotent-replayed").unwrap(), "true");
    let again: Comment = expect(again, StatusCode::CREATED).await;
    assert_eq!(again, first);

    // Another key is another comment; the same key on another body is refused.
    expect::<Comment>(send("k-2", "좋아요").send().await.unwrap(), StatusCode::CREATED).await;
    expect_error(send("k-1", "싫어요").send().await.unwrap(), StatusCode::CONFLICT, "idempotency_key_reused")
        .await;

    let page: Page<Comment> = expect(s.get(&path, None).await, StatusCode::OK).await;
    assert_eq!(page.items.len(), 2);

    // Keys are the account's own: someone else's k-1 is theirs to use.
    let other = s.register("jun@example.com", "준호").await;
    let theirs = s
        .keyed(Method::POST, &path, Some(&other.token), "k-1")
        .json(&json!({"body": "좋아요"}))
        .send()
        .await
        .unwrap();
    let theirs: Comment = expect(theirs, StatusCode::CREATED).await;
    assert_eq!(theirs.author.id, other.user.id);
    let page: Page<Comment> = expect(s.get(&path, None).await, StatusCode::OK).await;
    assert_eq!(page.items.len(), 3);
}

#[tokio::test]
async fn a_refused_write_is_not_kept() {
    let s = demo_server().await;
    let me = s.register("mina@example.com", "민아").await;
    let p = s.create_proposal(&me.token, "골목 벼룩시장", ProposalKind::Event).await;
    let path = format!("/api/v1/proposals/{}/comments", p.id);
    let blank = || s.keyed(Method::POST, &path, Some(&me.token), "k-blank").json(&json!({"body": "   "}));
    expect_error(blank().send().await.unwrap(), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    // Refused again, not replayed: the refusal did nothing, and the key holds nothing.
    let second = blank().send().await.unwrap();
    assert_eq!(second.headers().get("idempotent-replayed"), None);
    expect_error(second, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let mut db = s.db().await;
    let kept: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM idempotency_keys").fetch_one(&mut db).await.unwrap();
    assert_eq!(kept, 0);
}

#[tokio::test]
async fn a_support_and_a_proposal_replay_their_answers() {
    let s = demo_server().await;
    let me = s.register("mina@example.com", "민아").await;
    let vote = || s.keyed(Method::PUT, "/api/v1/proposals/3/vote", Some(&me.token), "v-1");
    let first: golmok_api::VoteState = expect(vote().send().await.unwrap(), StatusCode::OK).await;
    let replayed = vote().send().await.unwrap();
    assert_eq!(replayed.headers().get("idempotent-replayed").unwrap(), "true");
    assert_eq!(expect::<golmok_api::VoteState>(replayed, StatusCode::OK).await, first);

    let new = json!({"kind": "improvement", "title": "골목 가로등 교체", "body": "밤길이 어두워요. 가로등을 밝은 것으로 바꿔 주세요."});
    let propose = || {
        s.keyed(Method::POST, "/api/v1/districts/eungubi-seo/proposals", Some(&me.token), "p-1").json(&new)
    };
    let made: golmok_api::Proposal = expect(propose().send().await.unwrap(), StatusCode::CREATED).await;
    let again: golmok_api::Proposal = expect(propose().send().await.unwrap(), StatusCode::CREATED).await;
    assert_eq!(again.id, made.id);
    let mine: Page<golmok_api::Proposal> =
        expect(s.get("/api/v1/me/proposals", Some(&me.token)).await, StatusCode::OK).await;
    assert_eq!(mine.items.iter().filter(|p| p.title == "골목 가로등 교체").count(), 1);
}

#[tokio::test]
async fn a_key_being_answered_holds_until_it_is_stale() {
    let s = demo_server().await;
    let me = s.register("mina@example.com", "민아").await;
    let path = "/api/v1/proposals/3/comments";
    // A first request whose server stopped before answering: its row has no status.
    let taken_at = |ago: i64| time::OffsetDateTime::now_utc().unix_timestamp() - ago;
    let fingerprint = {
        use sha2::Digest as _;
        let body = serde_json::to_vec(&json!({"body": "좋아요"})).unwrap();
        let mut hash = sha2::Sha256::new();
        hash.update(format!("POST\n{path}\n"));
        hash.update(&body);
        hash.finalize().iter().map(|b| format!("{b:02x}")).collect::<String>()
    };
    let mut db = s.db().await;
    sqlx::query(
        "INSERT INTO idempotency_keys (user_id, key, fingerprint, created_at) VALUES ($1, 'busy', $2, $3)",
    )
    .bind(me.user.id)
    .bind(&fingerprint)
    .bind(taken_at(5))
    .execute(&mut db)
    .await
    .unwrap();
    let send = || s.keyed(Method::POST, path, Some(&me.token), "busy").json(&json!({"body": "좋아요"}));
    let busy = send().send().await.unwrap();
    assert_eq!(busy.headers().get("retry-after").unwrap(), "1");
    expect_error(busy, StatusCode::CONFLICT, "request_in_progress").await;

    sqlx::query("UPDATE idempotency_keys SET created_at = $1")
        .bind(taken_at(600))
        .execute(&mut db)
        .await
        .unwrap();
    expect::<Comment>(send().send().await.unwrap(), StatusCode::CREATED).await;
    let replayed = send().send().await.unwrap();
    assert_eq!(replayed.headers().get("idempotent-replayed").unwrap(), "true");
}

#[tokio::test]
async fn bad_keys_and_anonymous_writes() {
    let s = demo_server().await;
    let ok = json!({"body": "좋아요"});
    let me = s.register("mina@example.com", "민아").await;
    let long = "k".repeat(101);
    for key in ["", "two words", long.as_str()] {
        let res = s
            .keyed(Method::POST, "/api/v1/proposals/3/comments", Some(&me.token), key)
            .json(&ok)
            .send()
            .await
            .unwrap();
        expect_error(res, StatusCode::BAD_REQUEST, "bad_request").await;
    }
    // Without a session the key means nothing: the write is refused as it would be.
    let res =
        s.keyed(Method::POST, "/api/v1/proposals/3/comments", None, "k").json(&ok).send().await.unwrap();
    expect_error(res, StatusCode::UNAUTHORIZED, "unauthorized").await;
    // A read with a key is a read.
    let res = s.keyed(Method::GET, "/api/v1/proposals/3", None, "").send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

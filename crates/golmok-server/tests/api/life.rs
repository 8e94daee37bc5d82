//! A proposal's life in the database: the statuses it may take, and the migration that
//! added `withdrawn` (a rebuild of `proposals` on SQLite) keeping everything around it.

use golmok_api::{Proposal, ProposalStatus};
use reqwest::StatusCode;
use sqlx::{Connection as _, Executor as _};

use crate::{demo_server, expect};

/// How many rows hang off the proposals, and the counts the triggers keep.
async fn around_proposals(db: &mut sqlx::AnyConnection) -> Vec<i64> {
    let mut counts = Vec::new();
    for sql in [
        "SELECT COUNT(*) FROM proposals",
        "SELECT COUNT(*) FROM votes",
        "SELECT COUNT(*) FROM comments",
        "SELECT COUNT(*) FROM answers",
        "SELECT COALESCE(SUM(vote_count + comment_count + answer_count + pledge_count), 0) FROM proposals",
    ] {
        let (n,): (i64,) = sqlx::query_as(sql).fetch_one(&mut *db).await.unwrap();
        counts.push(n);
    }
    counts
}

#[tokio::test]
async fn every_status_of_the_contract_is_one_the_database_takes() {
    let s = demo_server().await;
    let mut db = s.db().await;
    for status in ProposalStatus::ALL {
        db.execute(sqlx::query("UPDATE proposals SET status = $1 WHERE id = 1").bind(status.as_str()))
            .await
            .unwrap_or_else(|e| panic!("{status:?}: {e}"));
        let p: Proposal = expect(s.get("/api/v1/proposals/1", None).await, StatusCode::OK).await;
        assert_eq!(p.status, status);
    }
    let refused =
        db.execute(sqlx::query("UPDATE proposals SET status = $1 WHERE id = 1").bind("archived")).await;
    assert!(refused.is_err(), "the CHECK still refuses what the contract does not know");
}

/// The SQLite rebuild, run again on a database full of votes, comments and answers, as
/// it would run if a server stopped before recording it: nothing is lost, the triggers
/// still count, and deleting a proposal still takes its comments with it.
#[tokio::test]
async fn rebuilding_proposals_keeps_what_hangs_off_them() {
    let s = demo_server().await;
    if s.on_postgres() {
        return; // PostgreSQL changes the constraint in place.
    }
    let mut db = s.db().await;
    // The newest proposal deleted: its id must not come back.
    let (newest,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM proposals").fetch_one(&mut db).await.unwrap();
    db.execute(sqlx::query("DELETE FROM proposals WHERE id = $1").bind(newest)).await.unwrap();
    let before = around_proposals(&mut db).await;
    assert!(
        before[1] > 0 && before[2] > 0 && before[3] > 0,
        "the demo has votes, comments, answers: {before:?}"
    );

    // As sqlx applies a migration: in a transaction.
    let mut tx = db.begin().await.unwrap();
    tx.execute(include_str!("../../migrations/sqlite/20261128000000_withdrawn.sql")).await.unwrap();
    tx.commit().await.unwrap();

    assert_eq!(around_proposals(&mut db).await, before);
    let (next,): (i64,) = sqlx::query_as("SELECT seq FROM sqlite_sequence WHERE name = 'proposals'")
        .fetch_one(&mut db)
        .await
        .unwrap();
    assert_eq!(next, newest, "the sequence goes on from the deleted proposal's id");
    let (fks,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM pragma_foreign_key_check").fetch_one(&mut db).await.unwrap();
    assert_eq!(fks, 0, "no row points at nothing");

    // The vote triggers still keep the count, through the API.
    let resident = s.login_demo("resident@example.com").await;
    let p: Proposal = expect(s.get("/api/v1/proposals/2", Some(&resident.token)).await, StatusCode::OK).await;
    let state = s.vote(&resident.token, 2, !p.voted).await;
    assert_eq!(state.vote_count, p.vote_count + if p.voted { -1 } else { 1 });

    // And the cascade still holds: the migration switched foreign keys on again.
    let (comments,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM comments WHERE proposal_id = 1")
        .fetch_one(&mut db)
        .await
        .unwrap();
    assert!(comments > 0);
    db.execute("DELETE FROM proposals WHERE id = 1").await.unwrap();
    let (left,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM comments WHERE proposal_id = 1")
        .fetch_one(&mut db)
        .await
        .unwrap();
    assert_eq!(left, 0);
}

//! A proposal's life: who moves it where, the timeline that keeps every move, its
//! author's edits and updates; and in the database, the statuses it may take and the
//! migration that added `withdrawn` (a rebuild of `proposals` on SQLite).

use golmok_api::{
    FieldErrorCode, MoveRefusal, Mover, Page, Proposal, ProposalKind, ProposalStatus, TimelineEntry,
    TimelineKind,
};
use reqwest::{Method, StatusCode};
use serde_json::json;
use sqlx::{Connection as _, Executor as _};

use crate::{TestServer, demo_server, expect, expect_error, field_codes, walk_pages};

fn status_path(id: i64) -> String {
    format!("/api/v1/proposals/{id}/status")
}

async fn move_to(
    s: &TestServer,
    token: &str,
    id: i64,
    status: ProposalStatus,
    note: &str,
) -> reqwest::Response {
    s.post(&status_path(id), Some(token), &json!({"status": status, "note": note})).await
}

async fn timeline(s: &TestServer, id: i64) -> Vec<TimelineEntry> {
    walk_pages(s, &format!("/api/v1/proposals/{id}/timeline?limit=2"), None).await
}

async fn set_status(s: &TestServer, id: i64, status: ProposalStatus) {
    let mut db = s.db().await;
    db.execute(sqlx::query("UPDATE proposals SET status = $1 WHERE id = $2").bind(status.as_str()).bind(id))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_moderator_answers_a_proposal_and_the_timeline_keeps_every_move() {
    let s = demo_server().await;
    let resident = s.login_demo("resident@example.com").await;
    let moderator = s.login_demo("moderator@example.com").await;
    let p = s.create_proposal(&resident.token, "골목 벽화를 다시 그려요", ProposalKind::Improvement).await;
    assert!(timeline(&s, p.id).await.is_empty(), "a new proposal has no moves yet");

    let reviewed: Proposal =
        expect(move_to(&s, &moderator.token, p.id, ProposalStatus::UnderReview, "").await, StatusCode::OK)
            .await;
    assert_eq!(reviewed.status, ProposalStatus::UnderReview);
    // Accepting says why: without the note the move is refused and nothing changes.
    let body = expect_error(
        move_to(&s, &moderator.token, p.id, ProposalStatus::Accepted, "  ").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(field_codes(&body), [("note", FieldErrorCode::Required)]);
    let note = "상인회에서 벽화 작가를 찾아볼게요.\n봄에 함께 그려요.";
    let accepted: Proposal =
        expect(move_to(&s, &moderator.token, p.id, ProposalStatus::Accepted, note).await, StatusCode::OK)
            .await;
    assert_eq!(accepted.status, ProposalStatus::Accepted);
    let seen: Proposal =
        expect(s.get(&format!("/api/v1/proposals/{}", p.id), None).await, StatusCode::OK).await;
    assert_eq!(seen.status, ProposalStatus::Accepted, "everyone sees the answer");
    // A done proposal cannot be declined, nor moved back.
    expect::<Proposal>(move_to(&s, &moderator.token, p.id, ProposalStatus::Done, "").await, StatusCode::OK)
        .await;
    for to in [ProposalStatus::Declined, ProposalStatus::Open, ProposalStatus::Accepted] {
        expect_error(
            move_to(&s, &moderator.token, p.id, to, "이유가 있어요").await,
            StatusCode::CONFLICT,
            "conflict",
        )
        .await;
    }

    let entries = timeline(&s, p.id).await;
    let moves: Vec<_> = entries.iter().map(|e| (e.kind, e.status, e.note.as_str())).collect();
    assert_eq!(
        moves,
        [
            (TimelineKind::Status, Some(ProposalStatus::Done), ""),
            (TimelineKind::Status, Some(ProposalStatus::Accepted), note),
            (TimelineKind::Status, Some(ProposalStatus::UnderReview), ""),
        ],
        "newest first, the refused moves not in it"
    );
    for e in &entries {
        assert_eq!(
            (e.actor.role, e.actor.display_name.as_str()),
            (Mover::Moderator, moderator.user.display_name.as_str())
        );
        assert_eq!(e.created_at.len(), 20, "RFC 3339 to the second: {}", e.created_at);
    }
    assert!(entries[0].id > entries[1].id && entries[1].id > entries[2].id);
}

/// Through HTTP, every (from, to) by each kind of caller gets what the contract's rule
/// says: 200 for an allowed move, 403 for a role that never makes it, 409 otherwise.
#[tokio::test]
async fn every_move_by_every_caller_gets_what_the_rule_says() {
    let s = demo_server().await;
    let author = s.login_demo("resident@example.com").await;
    let moderator = s.login_demo("moderator@example.com").await;
    let other_moderator = s.login_demo("moderator2@example.com").await;
    let p = s.create_proposal(&author.token, "모든 움직임을 시험해요", ProposalKind::Improvement).await;
    let callers = [
        (&author.token, &[Mover::Author][..]),
        (&moderator.token, &[Mover::Moderator][..]),
        (&other_moderator.token, &[][..]),
    ];
    for from in ProposalStatus::ALL {
        for to in ProposalStatus::ALL {
            for (token, roles) in callers {
                set_status(&s, p.id, from).await;
                let res = move_to(&s, token, p.id, to, "공식 답변이에요").await;
                let expected = match from.mover_for(to, roles) {
                    Ok(_) => StatusCode::OK,
                    Err(MoveRefusal::NotTheirs) => StatusCode::FORBIDDEN,
                    Err(MoveRefusal::NotFromHere) => StatusCode::CONFLICT,
                };
                assert_eq!(res.status(), expected, "{from:?} → {to:?} by {roles:?}");
            }
        }
    }
    // Seven allowed moves, by whoever may make each: seven entries.
    assert_eq!(timeline(&s, p.id).await.len(), 7);
}

#[tokio::test]
async fn the_author_withdraws_an_open_proposal_only() {
    let s = demo_server().await;
    let author = s.login_demo("resident@example.com").await;
    let p = s.create_proposal(&author.token, "철회할 제안이에요", ProposalKind::Improvement).await;
    let gone: Proposal =
        expect(move_to(&s, &author.token, p.id, ProposalStatus::Withdrawn, "").await, StatusCode::OK).await;
    assert_eq!(gone.status, ProposalStatus::Withdrawn);
    let entries = timeline(&s, p.id).await;
    assert_eq!(entries.len(), 1);
    assert_eq!((entries[0].actor.role, entries[0].status), (Mover::Author, Some(ProposalStatus::Withdrawn)));
    // Still there for everyone, withdrawn, with what it gathered.
    let seen: Proposal =
        expect(s.get(&format!("/api/v1/proposals/{}", p.id), None).await, StatusCode::OK).await;
    assert_eq!(seen.status, ProposalStatus::Withdrawn);
    expect_error(
        move_to(&s, &author.token, p.id, ProposalStatus::Withdrawn, "").await,
        StatusCode::CONFLICT,
        "conflict",
    )
    .await;
    // Someone else's proposal is not theirs to withdraw, moderator or not.
    let moderator = s.login_demo("moderator@example.com").await;
    let other = s.create_proposal(&author.token, "다른 사람의 제안이에요", ProposalKind::Improvement).await;
    for token in [&moderator.token, &s.login_demo("merchant@example.com").await.token] {
        expect_error(
            move_to(&s, token, other.id, ProposalStatus::Withdrawn, "").await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
    }
    let res = s.post(&status_path(other.id), None, &json!({"status": "withdrawn"})).await;
    expect_error(res, StatusCode::UNAUTHORIZED, "unauthorized").await;
}

/// Two moderators answer the same proposal at the same moment, one accepting and one
/// declining: one answer stands, the other is told it came second, and the timeline
/// has one entry.
#[tokio::test]
async fn of_two_answers_at_once_one_stands() {
    let s = demo_server().await;
    let author = s.login_demo("resident@example.com").await;
    let moderator = s.login_demo("moderator@example.com").await;
    for round in 0..4 {
        let p = s
            .create_proposal(&author.token, &format!("동시에 답하는 제안 {round}"), ProposalKind::Improvement)
            .await;
        let (a, b) = tokio::join!(
            move_to(&s, &moderator.token, p.id, ProposalStatus::Accepted, "함께해요"),
            move_to(&s, &moderator.token, p.id, ProposalStatus::Declined, "어려워요"),
        );
        let mut statuses = [a.status(), b.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT], "round {round}");
        let entries = timeline(&s, p.id).await;
        assert_eq!(entries.len(), 1, "round {round}");
        let seen: Proposal =
            expect(s.get(&format!("/api/v1/proposals/{}", p.id), None).await, StatusCode::OK).await;
        assert_eq!(Some(seen.status), entries[0].status, "the entry says where it is");
    }

    // Requests this close are often served one after the other, each reading the status
    // afresh; what stops the second when both read `open` is the database's compare and
    // set. Both read `open` here, so only it can refuse the second.
    let store = golmok_server::db::Store::open(&s.database).await.unwrap();
    let p = s.create_proposal(&author.token, "둘 다 열린 걸 본 답", ProposalKind::Improvement).await;
    let actor = (moderator.user.id, Mover::Moderator);
    let open = ProposalStatus::Open;
    assert!(store.move_proposal(p.id, open, ProposalStatus::Accepted, actor, "함께해요").await.unwrap());
    assert!(!store.move_proposal(p.id, open, ProposalStatus::Declined, actor, "어려워요").await.unwrap());
    let entries = timeline(&s, p.id).await;
    assert_eq!(entries.iter().map(|e| e.status).collect::<Vec<_>>(), [Some(ProposalStatus::Accepted)]);
}

#[tokio::test]
async fn the_author_edits_until_the_first_support_then_adds_updates() {
    let s = demo_server().await;
    let author = s.login_demo("resident@example.com").await;
    let p = s.create_proposal(&author.token, "고칠 수 있는 제안", ProposalKind::Event).await;
    let path = format!("/api/v1/proposals/{}", p.id);
    let edit = json!({"title": "  고친 제안이에요 ", "event_place": ""});
    let edited: Proposal =
        expect(s.send_json(Method::PATCH, &path, Some(&author.token), &edit).await, StatusCode::OK).await;
    assert_eq!(edited.title, "고친 제안이에요");
    assert_eq!((edited.body, edited.event_place), (p.body.clone(), None), "left out kept, blank removed");
    assert_eq!(edited.event_date, p.event_date);

    // Only its author, and only with what a new proposal may say.
    let moderator = s.login_demo("moderator@example.com").await;
    let res =
        s.send_json(Method::PATCH, &path, Some(&moderator.token), &json!({"title": "남이 고친 제목"})).await;
    expect_error(res, StatusCode::FORBIDDEN, "forbidden").await;
    let res = s.send_json(Method::PATCH, &path, None, &json!({"title": "몰래 고친 제목"})).await;
    expect_error(res, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let res =
        s.send_json(Method::PATCH, &path, Some(&author.token), &json!({"title": "가", "body": ""})).await;
    let body = expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(field_codes(&body), [("title", FieldErrorCode::TooShort), ("body", FieldErrorCode::Required)]);

    // One support, and the text is what its supporters backed: an update says what changed.
    let supporter = s.register("supporter@example.com", "공감한 이웃").await;
    s.vote(&supporter.token, p.id, true).await;
    let res = s
        .send_json(Method::PATCH, &path, Some(&author.token), &json!({"title": "공감 뒤에 고친 제목"}))
        .await;
    expect_error(res, StatusCode::CONFLICT, "conflict").await;
    let updates = format!("{path}/updates");
    let entry: TimelineEntry = expect(
        s.post(&updates, Some(&author.token), &json!({"note": " 장소는 맹꽁이길 입구로 정했어요 "})).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(
        (entry.kind, entry.status, entry.note.as_str()),
        (TimelineKind::Update, None, "장소는 맹꽁이길 입구로 정했어요")
    );
    assert_eq!(
        (entry.actor.role, entry.actor.display_name.as_str()),
        (Mover::Author, author.user.display_name.as_str())
    );
    assert_eq!(timeline(&s, p.id).await, [entry]);
    let seen: Proposal = expect(s.get(&path, None).await, StatusCode::OK).await;
    assert_eq!(seen.title, "고친 제안이에요", "unchanged by the refused edit");

    let res = s.post(&updates, Some(&supporter.token), &json!({"note": "남의 소식"})).await;
    expect_error(res, StatusCode::FORBIDDEN, "forbidden").await;
    let res = s.post(&updates, Some(&author.token), &json!({"note": ""})).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;

    // Withdrawing the support does not reopen editing once the proposal moved on.
    s.vote(&supporter.token, p.id, false).await;
    set_status(&s, p.id, ProposalStatus::UnderReview).await;
    let res = s
        .send_json(Method::PATCH, &path, Some(&author.token), &json!({"title": "검토 중에 고친 제목"}))
        .await;
    expect_error(res, StatusCode::CONFLICT, "conflict").await;
}

#[tokio::test]
async fn a_hidden_proposal_has_no_life_to_see_or_move() {
    let s = demo_server().await;
    let author = s.login_demo("resident@example.com").await;
    let moderator = s.login_demo("moderator@example.com").await;
    let p = s.create_proposal(&author.token, "숨겨질 제안이에요", ProposalKind::Improvement).await;
    let mut db = s.db().await;
    db.execute(sqlx::query("UPDATE proposals SET hidden = TRUE WHERE id = $1").bind(p.id)).await.unwrap();
    let path = format!("/api/v1/proposals/{}", p.id);
    expect_error(s.get(&format!("{path}/timeline"), None).await, StatusCode::NOT_FOUND, "not_found").await;
    expect_error(
        move_to(&s, &moderator.token, p.id, ProposalStatus::Declined, "숨김").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let res =
        s.send_json(Method::PATCH, &path, Some(&author.token), &json!({"title": "숨은 뒤 고친 제목"})).await;
    expect_error(res, StatusCode::NOT_FOUND, "not_found").await;
    let res = s.post(&format!("{path}/updates"), Some(&author.token), &json!({"note": "소식"})).await;
    expect_error(res, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn the_demo_tells_how_its_answered_proposals_got_there() {
    let s = demo_server().await;
    let all: Page<Proposal> =
        expect(s.get("/api/v1/districts/eungubi-seo/proposals?limit=50", None).await, StatusCode::OK).await;
    for p in all.items {
        let entries = timeline(&s, p.id).await;
        let last_move = entries.iter().find(|e| e.kind == TimelineKind::Status).and_then(|e| e.status);
        assert_eq!(last_move.unwrap_or(ProposalStatus::Open), p.status, "{}", p.title);
        if p.status == ProposalStatus::Accepted {
            assert!(!entries[0].note.is_empty(), "the official answer of {}", p.title);
            assert_eq!(entries[0].actor.display_name, "은구비서로 상인회", "{}", p.title);
        }
    }
}

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

const WITHDRAWN: i64 = 20261128000000;

/// The migrations before `version`, or up to and with it.
fn migrations_until(version: i64, with_it: bool) -> sqlx::migrate::Migrator {
    let all = sqlx::migrate!("./migrations/sqlite");
    let kept: Vec<_> = all
        .migrations
        .iter()
        .filter(|m| m.version < version || (with_it && m.version == version))
        .cloned()
        .collect();
    sqlx::migrate::Migrator { migrations: kept.into(), ..sqlx::migrate::Migrator::DEFAULT }
}

/// The SQLite rebuild, run again on a database full of votes, comments and answers, as
/// it would run if a server stopped before recording it (so before any later migration):
/// nothing is lost, the triggers still count, deleting a proposal still takes its
/// comments with it, and the later migrations then apply as on any database.
#[tokio::test]
async fn rebuilding_proposals_keeps_what_hangs_off_them() {
    if crate::postgres_cluster().is_some() {
        return; // PostgreSQL changes the constraint in place.
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("golmok.db");
    let url = format!("sqlite://{}?mode=rwc", file.display());
    let mut db = sqlx::SqliteConnection::connect(&url).await.unwrap();
    migrations_until(WITHDRAWN, false).run(&mut db).await.unwrap();
    db.execute(
        "INSERT INTO users (id, email, password_hash, display_name) VALUES (1, 'a@example.com', 'x', '주민'),
                                                                         (2, 'b@example.com', 'x', '사장');
         INSERT INTO districts (id, slug, name, name_en) VALUES (1, 'alley', '골목', 'Alley');
         INSERT INTO shops (id, district_id, name, category, owner_user_id, verified) VALUES (1, 1, '빵집', 'bakery', 2, 1);
         INSERT INTO proposals (id, district_id, author_id, kind, title, body) VALUES
             (1, 1, 1, 'improvement', '의자', '골목에 의자를 놓아요'), (2, 1, 2, 'improvement', '화분', '골목에 화분을 놓아요'),
             (3, 1, 1, 'improvement', '지울 제안', '곧 지워질 제안이에요');
         INSERT INTO votes (proposal_id, user_id, created_at) VALUES (1, 1, 't'), (1, 2, 't'), (2, 1, 't');
         INSERT INTO comments (proposal_id, author_id, body) VALUES (1, 1, '좋아요'), (1, 2, '저도요'), (2, 2, '응원해요');
         INSERT INTO answers (proposal_id, shop_id, author_id, stance, message, pledge, created_at, updated_at)
             VALUES (1, 1, 2, 'take_part', '함께해요', '의자 하나 드려요', 't', 't');
         -- The newest proposal deleted: its id must not come back.
         DELETE FROM proposals WHERE id = 3;",
    )
    .await
    .unwrap();
    migrations_until(WITHDRAWN, true).run(&mut db).await.unwrap();
    sqlx::any::install_default_drivers();
    let mut any = sqlx::AnyConnection::connect(&url).await.unwrap();
    let before = around_proposals(&mut any).await;
    assert_eq!(before, [2, 3, 3, 1, 3 + 3 + 1 + 1], "proposals, votes, comments, answers, counts");

    // Run again, as sqlx applies a migration: in a transaction.
    let mut tx = db.begin().await.unwrap();
    tx.execute(include_str!("../../migrations/sqlite/20261128000000_withdrawn.sql")).await.unwrap();
    tx.commit().await.unwrap();

    assert_eq!(around_proposals(&mut any).await, before);
    let (next,): (i64,) = sqlx::query_as("SELECT seq FROM sqlite_sequence WHERE name = 'proposals'")
        .fetch_one(&mut db)
        .await
        .unwrap();
    assert_eq!(next, 3, "the sequence goes on from the deleted proposal's id");
    let (fks,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM pragma_foreign_key_check").fetch_one(&mut db).await.unwrap();
    assert_eq!(fks, 0, "no row points at nothing");
    let (on,): (i64,) = sqlx::query_as("PRAGMA foreign_keys").fetch_one(&mut db).await.unwrap();
    assert_eq!(on, 1, "foreign keys are on again");
    // The triggers still count.
    db.execute("INSERT INTO votes (proposal_id, user_id, created_at) VALUES (2, 2, 't')").await.unwrap();
    let (votes,): (i64,) =
        sqlx::query_as("SELECT vote_count FROM proposals WHERE id = 2").fetch_one(&mut db).await.unwrap();
    assert_eq!(votes, 2);
    // The cascade still holds.
    db.execute("DELETE FROM proposals WHERE id = 1").await.unwrap();
    let (left,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM comments WHERE proposal_id = 1")
        .fetch_one(&mut db)
        .await
        .unwrap();
    assert_eq!(left, 0);

    // What came after applies, and the server opens the database.
    drop((db, any));
    let store = golmok_server::db::Store::open(file.to_str().unwrap()).await.unwrap();
    drop(store);
}

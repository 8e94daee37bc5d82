//! Every endpoint that needs a caller × every kind of caller, with the status each gets:
//! the one table of who may do what. A row runs on a target of its own for each caller
//! (a fresh proposal, announcement or claim), so what one caller does cannot change what
//! the next one gets.

use golmok_api::{AuthResponse, Role};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{TestServer, expect};

/// Who calls, in the order of each row's statuses.
#[derive(Debug, Clone, Copy)]
enum Caller {
    Anonymous,
    /// Signed in, no role, not the author of the target.
    Resident,
    /// Wrote the target proposal.
    Author,
    MerchantHere,
    MerchantThere,
    ModeratorHere,
    ModeratorThere,
    /// A resident the demo district's moderators suspended from writing there.
    Suspended,
}

const CALLERS: [Caller; 8] = [
    Caller::Anonymous,
    Caller::Resident,
    Caller::Author,
    Caller::MerchantHere,
    Caller::MerchantThere,
    Caller::ModeratorHere,
    Caller::ModeratorThere,
    Caller::Suspended,
];

/// What a row acts on, made afresh for each caller; `{id}` in its path and body.
#[derive(Debug, Clone, Copy)]
enum Target {
    Nothing,
    /// An open proposal of the demo district by the author.
    Proposal,
    /// The demo district's own announcement.
    DistrictNews,
    /// An announcement of the bakery, the here-merchant's shop.
    ShopNews,
    /// A new shop's pending claim in the demo district (the shop's id).
    Claim,
    /// The author's comment on a proposal of theirs.
    Comment,
    /// The bakery's answer to a proposal of the author's.
    Answer,
    /// A new resident's account (its id; `{email}` in a body is its email).
    Account,
    /// A new resident's account, suspended in the demo district.
    SuspendedAccount,
    /// A new account made a moderator of the demo district.
    Moderator,
}

struct Fixture {
    s: TestServer,
    tokens: Vec<Option<String>>,
    author: String,
    moderator: String,
    merchant: String,
    /// The here-merchant's shop (the bakery).
    shop: i64,
}

fn shop_of(auth: &AuthResponse) -> i64 {
    auth.user
        .roles
        .iter()
        .find(|r| r.role == Role::Merchant)
        .and_then(|r| r.shop_id)
        .expect("a merchant's shop")
}

impl Fixture {
    async fn new() -> Self {
        // The table makes hundreds of writes a minute with a handful of accounts: a script,
        // which is what the per-account limit is for. Limits have tests of their own.
        let s = TestServer::start_with(|c, _| {
            c.demo = true;
            c.limit_writes = golmok_server::limits::Setting(None);
        })
        .await;
        let resident = s.register("table-resident@example.com", "표 주민").await.token;
        let author = s.register("table-author@example.com", "표 제안자").await.token;
        let merchant = s.login_demo("merchant@example.com").await;
        let merchant2 = s.login_demo("merchant2@example.com").await.token;
        let moderator = s.login_demo("moderator@example.com").await.token;
        let moderator2 = s.login_demo("moderator2@example.com").await.token;
        let suspended = s.register("table-suspended@example.com", "표 정지된 주민").await;
        let note = json!({"note": "표에서 멈췄어요"});
        let path = format!("/api/v1/districts/eungubi-seo/suspensions/{}", suspended.user.id);
        expect::<Value>(s.send_json(Method::PUT, &path, Some(&moderator), &note).await, StatusCode::OK).await;
        let shop = shop_of(&merchant);
        let tokens = vec![
            None,
            Some(resident),
            Some(author.clone()),
            Some(merchant.token.clone()),
            Some(merchant2),
            Some(moderator.clone()),
            Some(moderator2),
            Some(suspended.token),
        ];
        Fixture { s, tokens, author, moderator, merchant: merchant.token, shop }
    }

    async fn created(&self, token: &str, path: &str, body: Value) -> Value {
        expect(self.s.post(path, Some(token), &body).await, StatusCode::CREATED).await
    }

    /// The path with its target made and named.
    async fn proposal(&self, n: usize) -> i64 {
        let title = format!("표 제안 {n}");
        self.s.create_proposal(&self.author, &title, golmok_api::ProposalKind::Improvement).await.id
    }

    /// Makes the row's target afresh: its id, for `{id}` in the path and the body.
    async fn aim(&self, target: Target, n: usize) -> Option<i64> {
        let news =
            json!({"kind": "notice", "title": format!("표 소식 {n}"), "body": "표를 위한 소식이에요."});
        let id = |v: Value| v["id"].as_i64();
        match target {
            Target::Nothing => None,
            Target::Proposal => Some(self.proposal(n).await),
            Target::Comment => {
                let path = format!("/api/v1/proposals/{}/comments", self.proposal(n).await);
                id(self.created(&self.author, &path, json!({"body": "표 댓글"})).await)
            }
            Target::Answer => {
                let path = format!("/api/v1/proposals/{}/answers/{}", self.proposal(n).await, self.shop);
                let body = json!({"stance": "support", "message": "응원해요"});
                id(expect(
                    self.s.send_json(Method::PUT, &path, Some(&self.merchant), &body).await,
                    StatusCode::OK,
                )
                .await)
            }
            Target::DistrictNews => {
                id(self.created(&self.moderator, "/api/v1/districts/eungubi-seo/announcements", news).await)
            }
            Target::ShopNews => id(self
                .created(&self.merchant, &format!("/api/v1/shops/{}/announcements", self.shop), news)
                .await),
            Target::Moderator => {
                let account =
                    self.s.register(&format!("table-moderator-{n}@example.com"), "표 운영자").await.user.id;
                let path = format!("/api/v1/districts/eungubi-seo/moderators/{account}");
                let res = self.s.request(Method::PUT, &path, Some(&self.moderator)).send().await.unwrap();
                expect::<Value>(res, StatusCode::OK).await;
                Some(account)
            }
            Target::Account | Target::SuspendedAccount => {
                let account = self.s.register(&account_email(n), "표 이웃").await.user.id;
                if matches!(target, Target::SuspendedAccount) {
                    let path = format!("/api/v1/districts/eungubi-seo/suspensions/{account}");
                    let note = json!({"note": "표에서 멈췄어요"});
                    let res = self.s.send_json(Method::PUT, &path, Some(&self.moderator), &note).await;
                    expect::<Value>(res, StatusCode::OK).await;
                }
                Some(account)
            }
            Target::Claim => {
                let claimant =
                    self.s.register(&format!("table-claim-{n}@example.com"), "표 사장").await.token;
                let claim = json!({"name": format!("표 가게 {n}"), "category": "cafe", "business_number": "123-45-67890"});
                self.created(&claimant, "/api/v1/districts/eungubi-seo/shops", claim).await["shop_id"]
                    .as_i64()
            }
        }
    }
}

/// The email of the row's `Account` target made for the `n`th call.
fn account_email(n: usize) -> String {
    format!("table-account-{n}@example.com")
}

use Target::*;

/// Method, path, body, target, and the status for each of `CALLERS`.
type Row = (Method, &'static str, Option<Value>, Target, [u16; 8]);

/// The table, kept one row a line so it reads as one.
#[rustfmt::skip]
fn rows() -> Vec<Row> {
    use Method as M;
    let comment = json!({"body": "표에서 남긴 댓글이에요."});
    let news = json!({"kind": "sale", "title": "표의 새 소식", "body": "표에서 올린 소식이에요."});
    let answer = json!({"stance": "support", "message": "저희 가게도 응원해요."});
    let proposal = json!({"kind": "improvement", "title": "표에서 올린 제안", "body": "표에서 올린 제안의 내용이에요."});
    let title = json!({"title": "표에서 고친 제목"});
    let hide = json!({"hidden": true, "note": "표에서 가렸어요"});
    let ok = [200; 8];
    let signed_in = |s: u16| [401, s, s, s, s, s, s, s];
    // A write in the demo district anyone signed in may make, but the suspended.
    let writes = |s: u16| [401, s, s, s, s, s, s, 403];
    vec![
        //                                                                                           anon res  auth mHere mThere modH modT susp
        (M::GET, "/api/v1/auth/me", None, Nothing, signed_in(200)),
        // Each caller's own account: with a wrong password, so the table's callers live on
        // (deleting is tested in auth.rs).
        (M::DELETE, "/api/v1/auth/me", Some(json!({"password": "표에서 틀린 비밀번호"})), Nothing, [401; 8]),
        (M::GET, "/api/v1/districts/eungubi-seo/proposals", None, Nothing, ok),
        (M::POST, "/api/v1/districts/eungubi-seo/proposals", Some(proposal), Nothing, writes(201)),
        (M::GET, "/api/v1/proposals/{id}", None, Proposal, ok),
        (M::PATCH, "/api/v1/proposals/{id}", Some(title.clone()), Proposal,                               [401, 403, 200, 403, 403, 403, 403, 403]),
        (M::POST, "/api/v1/proposals/{id}/status", Some(json!({"status": "under_review"})), Proposal,     [401, 403, 403, 403, 403, 200, 403, 403]),
        (M::POST, "/api/v1/proposals/{id}/status", Some(json!({"status": "declined", "note": "예산이 없어요"})), Proposal,
                                                                                                         [401, 403, 403, 403, 403, 200, 403, 403]),
        (M::POST, "/api/v1/proposals/{id}/status", Some(json!({"status": "withdrawn"})), Proposal,        [401, 403, 200, 403, 403, 403, 403, 403]),
        (M::GET, "/api/v1/proposals/{id}/timeline", None, Proposal, ok),
        (M::POST, "/api/v1/proposals/{id}/updates", Some(json!({"note": "표에서 전하는 소식"})), Proposal, [401, 403, 201, 403, 403, 403, 403, 403]),
        (M::PUT, "/api/v1/proposals/{id}/vote", None, Proposal, writes(200)),
        (M::DELETE, "/api/v1/proposals/{id}/vote", None, Proposal, writes(200)),
        (M::GET, "/api/v1/proposals/{id}/comments", None, Proposal, ok),
        (M::POST, "/api/v1/proposals/{id}/comments", Some(comment), Proposal, writes(201)),
        (M::GET, "/api/v1/proposals/{id}/answers", None, Proposal, ok),
        (M::PUT, "/api/v1/proposals/{id}/answers/{shop}", Some(answer), Proposal,                          [401, 403, 403, 200, 403, 403, 403, 403]),
        (M::GET, "/api/v1/shops/{shop}", None, Nothing, ok),
        (M::PATCH, "/api/v1/shops/{shop}", Some(json!({"description": "표에서 고친 소개"})), Nothing,     [401, 403, 403, 200, 403, 403, 403, 403]),
        (M::PUT, "/api/v1/shops/{shop}/follow", None, Nothing, signed_in(200)),
        (M::DELETE, "/api/v1/shops/{shop}/follow", None, Nothing, signed_in(200)),
        (M::POST, "/api/v1/shops/{shop}/announcements", Some(news.clone()), Nothing,                     [401, 403, 403, 201, 403, 403, 403, 403]),
        (M::POST, "/api/v1/districts/eungubi-seo/announcements", Some(news), Nothing,                    [401, 403, 403, 403, 403, 201, 403, 403]),
        (M::PATCH, "/api/v1/announcements/{id}", Some(title.clone()), ShopNews,                           [401, 403, 403, 200, 403, 403, 403, 403]),
        (M::PATCH, "/api/v1/announcements/{id}", Some(title), DistrictNews,                               [401, 403, 403, 403, 403, 200, 403, 403]),
        (M::DELETE, "/api/v1/announcements/{id}", None, ShopNews,                                         [401, 403, 403, 204, 403, 403, 403, 403]),
        (M::DELETE, "/api/v1/announcements/{id}", None, DistrictNews,                                     [401, 403, 403, 403, 403, 204, 403, 403]),
        (M::PUT, "/api/v1/announcements/{id}/pin", None, ShopNews,                                        [401, 403, 403, 403, 403, 200, 403, 403]),
        (M::DELETE, "/api/v1/announcements/{id}/pin", None, DistrictNews,                                 [401, 403, 403, 403, 403, 200, 403, 403]),
        (M::GET, "/api/v1/districts/eungubi-seo/claims", None, Nothing,                                  [401, 403, 403, 403, 403, 200, 403, 403]),
        // A new shop is unlisted until verified: to anyone but its claimant and the
        // district's moderators it does not exist.
        (M::POST, "/api/v1/shops/{id}/verification", Some(json!({"decision": "verify"})), Claim,          [401, 404, 404, 404, 404, 200, 404, 404]),
        (M::GET, "/api/v1/me/claims", None, Nothing, signed_in(200)),
        (M::GET, "/api/v1/me/feed", None, Nothing, signed_in(200)),
        (M::GET, "/api/v1/me/proposals", None, Nothing, signed_in(200)),
        (M::GET, "/api/v1/me/supports", None, Nothing, signed_in(200)),
        (M::POST, "/api/v1/reports", Some(json!({"target": "proposal", "target_id": "{id}", "reason": "이상해요"})), Proposal, writes(201)),
        (M::POST, "/api/v1/reports", Some(json!({"target": "comment", "target_id": "{id}", "reason": "광고예요"})), Comment, writes(201)),
        (M::GET, "/api/v1/districts/eungubi-seo/reports", None, Nothing,                                 [401, 403, 403, 403, 403, 200, 403, 403]),
        (M::GET, "/api/v1/districts/eungubi-seo/waiting", None, Nothing,                                 [401, 403, 403, 403, 403, 200, 403, 403]),
        (M::GET, "/api/v1/me/hidden", None, Nothing, signed_in(200)),
        (M::PUT, "/api/v1/proposals/{id}/hidden", Some(hide.clone()), Proposal,                          [401, 403, 403, 403, 403, 200, 403, 403]),
        (M::PUT, "/api/v1/comments/{id}/hidden", Some(hide.clone()), Comment,                            [401, 403, 403, 403, 403, 200, 403, 403]),
        (M::PUT, "/api/v1/answers/{id}/hidden", Some(hide.clone()), Answer,                              [401, 403, 403, 403, 403, 200, 403, 403]),
        (M::PUT, "/api/v1/announcements/{id}/hidden", Some(hide.clone()), ShopNews,                      [401, 403, 403, 403, 403, 200, 403, 403]),
        (M::PUT, "/api/v1/announcements/{id}/hidden", Some(json!({"hidden": false})), DistrictNews,      [401, 403, 403, 403, 403, 200, 403, 403]),
        (M::PUT, "/api/v1/districts/eungubi-seo/suspensions/{id}", Some(json!({"note": "표에서 멈췄어요"})), Account,
                                                                                                         [401, 403, 403, 403, 403, 200, 403, 403]),
        (M::DELETE, "/api/v1/districts/eungubi-seo/suspensions/{id}", None, SuspendedAccount,           [401, 403, 403, 403, 403, 204, 403, 403]),
        (M::GET, "/api/v1/districts/eungubi-seo/suspensions", None, Nothing,                             [401, 403, 403, 403, 403, 200, 403, 403]),
        (M::GET, "/api/v1/districts/eungubi-seo/settings", None, Nothing,                                [401, 403, 403, 403, 403, 200, 403, 403]),
        (M::PATCH, "/api/v1/districts/eungubi-seo/settings", Some(json!({"support_threshold": 25})), Nothing,
                                                                                                         [401, 403, 403, 403, 403, 200, 403, 403]),
        (M::GET, "/api/v1/districts/eungubi-seo/moderators", None, Nothing,                              [401, 403, 403, 403, 403, 200, 403, 403]),
        (M::PUT, "/api/v1/districts/eungubi-seo/moderators/{id}", None, Account,                         [401, 403, 403, 403, 403, 200, 403, 403]),
        (M::POST, "/api/v1/districts/eungubi-seo/moderators", Some(json!({"email": "{email}"})), Account, [401, 403, 403, 403, 403, 200, 403, 403]),
        (M::DELETE, "/api/v1/districts/eungubi-seo/moderators/{id}", None, Moderator,                    [401, 403, 403, 403, 403, 204, 403, 403]),
    ]
}

#[tokio::test]
async fn every_endpoint_answers_every_caller_as_the_table_says() {
    let f = Fixture::new().await;
    let mut wrong = Vec::new();
    let mut n = 0;
    for (method, path, body, target, expected) in rows() {
        for (i, caller) in CALLERS.iter().enumerate() {
            n += 1;
            let id = f.aim(target, n).await.map(|id| id.to_string()).unwrap_or_default();
            let url = path.replace("{shop}", &f.shop.to_string()).replace("{id}", &id);
            let mut req = f.s.request(method.clone(), &url, f.tokens[i].as_deref());
            if let Some(body) = &body {
                let body = body.to_string().replace("\"{id}\"", &id).replace("{email}", &account_email(n));
                let body: Value = serde_json::from_str(&body).unwrap();
                req = req.json(&body);
            }
            let res = req.send().await.unwrap();
            let got = res.status();
            if got != StatusCode::from_u16(expected[i]).unwrap() {
                let text = res.text().await.unwrap_or_default();
                wrong.push(format!(
                    "{method} {path} ({target:?}) as {caller:?}: {got}, expected {}: {text}",
                    expected[i]
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{} of the table's answers differ:\n{}", wrong.len(), wrong.join("\n"));
}

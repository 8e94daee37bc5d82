-- Merchants: shop profiles, claiming a shop and a moderator's decision.
--
-- A claim says "this shop is mine", for a listed shop that has no owner yet or for a new
-- one. A new shop is created unlisted: nobody but its claimant and the district's
-- moderators sees it until a moderator verifies the claim, which makes the claimant the
-- owner and lists the shop. The business registration number lives on the claim, never
-- on the shop, so no public query can reach it.

ALTER TABLE shops ADD COLUMN listed INTEGER NOT NULL DEFAULT 1 CHECK (listed IN (0, 1));

-- The profile a verified merchant keeps. `hours` is the contract's WeeklyHours as JSON
-- text: read and written whole, never queried, so the one rule that reads it ("open
-- now", golmok-api's hours.rs) runs in Rust for the server and the app alike.
-- `closed_on` is the day (Seoul) the merchant said "closed today".
ALTER TABLE shops ADD COLUMN place TEXT NOT NULL DEFAULT '';
ALTER TABLE shops ADD COLUMN phone TEXT;
ALTER TABLE shops ADD COLUMN kakao_channel_url TEXT;
ALTER TABLE shops ADD COLUMN accepts_onnuri INTEGER NOT NULL DEFAULT 0 CHECK (accepts_onnuri IN (0, 1));
ALTER TABLE shops ADD COLUMN accepts_local_card INTEGER NOT NULL DEFAULT 0 CHECK (accepts_local_card IN (0, 1));
ALTER TABLE shops ADD COLUMN hours TEXT NOT NULL DEFAULT '{}';
ALTER TABLE shops ADD COLUMN closed_on TEXT;
-- Kept by triggers once residents can follow shops (단골); never who follows.
ALTER TABLE shops ADD COLUMN follower_count INTEGER NOT NULL DEFAULT 0 CHECK (follower_count >= 0);

-- A district's own KakaoTalk channel, linked from its page.
ALTER TABLE districts ADD COLUMN kakao_channel_url TEXT;

CREATE TABLE shop_claims (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    shop_id         INTEGER NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name            TEXT    NOT NULL,
    category        TEXT    NOT NULL,
    business_number TEXT    NOT NULL,
    note            TEXT    NOT NULL DEFAULT '',
    status          TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'verified', 'rejected')),
    decision_note   TEXT,
    decided_by      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    decided_at      TEXT,
    created_at      TEXT    NOT NULL
);
-- One open question per shop: a second claim while one is pending is refused (409) by
-- this index, whatever the concurrency, and a decision finds exactly one claim to decide.
CREATE UNIQUE INDEX shop_claims_pending ON shop_claims (shop_id) WHERE status = 'pending';
CREATE INDEX shop_claims_user ON shop_claims (user_id, id);
CREATE INDEX shop_claims_shop ON shop_claims (shop_id, id);

-- A shop's answer to a proposal of its district: one per shop, edited in place.
ALTER TABLE proposals ADD COLUMN answer_count INTEGER NOT NULL DEFAULT 0 CHECK (answer_count >= 0);
ALTER TABLE proposals ADD COLUMN pledge_count INTEGER NOT NULL DEFAULT 0 CHECK (pledge_count >= 0);

CREATE TABLE answers (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    shop_id     INTEGER NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    author_id   INTEGER NOT NULL REFERENCES users (id),
    stance      TEXT    NOT NULL CHECK (stance IN ('support', 'take_part', 'concern', 'cannot')),
    message     TEXT    NOT NULL,
    pledge      TEXT,
    hidden      INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    UNIQUE (proposal_id, shop_id)
);
CREATE INDEX answers_shop ON answers (shop_id, id);

-- The counts readers see: visible answers, and those of them with a pledge. AFTER
-- triggers, as for votes; an edit that adds or drops a pledge moves pledge_count.
CREATE TRIGGER answers_count_insert AFTER INSERT ON answers WHEN NEW.hidden = 0
BEGIN
    UPDATE proposals
    SET answer_count = answer_count + 1, pledge_count = pledge_count + (NEW.pledge IS NOT NULL)
    WHERE id = NEW.proposal_id;
END;

CREATE TRIGGER answers_count_delete AFTER DELETE ON answers WHEN OLD.hidden = 0
BEGIN
    UPDATE proposals
    SET answer_count = answer_count - 1, pledge_count = pledge_count - (OLD.pledge IS NOT NULL)
    WHERE id = OLD.proposal_id;
END;

CREATE TRIGGER answers_count_update AFTER UPDATE OF pledge, hidden ON answers
BEGIN
    UPDATE proposals
    SET answer_count = answer_count + (NEW.hidden = 0) - (OLD.hidden = 0),
        pledge_count = pledge_count + (NEW.hidden = 0 AND NEW.pledge IS NOT NULL)
                                    - (OLD.hidden = 0 AND OLD.pledge IS NOT NULL)
    WHERE id = NEW.proposal_id;
END;

-- Announcements: a shop's (shop_id, by its verified owner) or the district's own
-- (shop_id NULL, by a moderator). Shown while starts_at <= now < ends_at; afterwards
-- only on the shop's page, under "past". Times are RFC 3339 UTC text, as everywhere.
CREATE TABLE announcements (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    district_id INTEGER NOT NULL REFERENCES districts (id) ON DELETE CASCADE,
    shop_id     INTEGER REFERENCES shops (id) ON DELETE CASCADE,
    author_id   INTEGER NOT NULL REFERENCES users (id),
    kind        TEXT    NOT NULL CHECK (kind IN ('sale', 'hours', 'event', 'notice')),
    title       TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    starts_at   TEXT    NOT NULL,
    ends_at     TEXT    NOT NULL,
    pinned      INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    hidden      INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX announcements_district ON announcements (district_id, pinned, id);
CREATE INDEX announcements_shop ON announcements (shop_id, id);

-- Regulars (단골): who follows which shop. Only the follower ever sees their own
-- follows; everyone else sees the count, kept by AFTER triggers as for votes.
CREATE TABLE follows (
    shop_id    INTEGER NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT    NOT NULL,
    PRIMARY KEY (shop_id, user_id)
) WITHOUT ROWID;
CREATE INDEX follows_user ON follows (user_id);

CREATE TRIGGER follows_count_insert AFTER INSERT ON follows
BEGIN
    UPDATE shops SET follower_count = follower_count + 1 WHERE id = NEW.shop_id;
END;

CREATE TRIGGER follows_count_delete AFTER DELETE ON follows
BEGIN
    UPDATE shops SET follower_count = follower_count - 1 WHERE id = OLD.shop_id;
END;

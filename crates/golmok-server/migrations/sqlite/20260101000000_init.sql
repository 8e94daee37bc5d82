-- Golmok schema, first version.
--
-- Timestamps are TEXT in RFC 3339 UTC so they sort as text and reach the wire unchanged.
-- Ids that appear in URLs use AUTOINCREMENT so a deleted row's id is never handed out again.
-- Derived counters (vote_count, comment_count) are kept by triggers, so a vote is a single
-- INSERT or DELETE and no handler ever does a read-then-write on a counter.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    -- Stored lower-cased, so UNIQUE is case-insensitive without a collation.
    email         TEXT    NOT NULL UNIQUE CHECK (email = lower(email)),
    password_hash TEXT    NOT NULL,
    display_name  TEXT    NOT NULL,
    created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Only the SHA-256 of a bearer token is kept: a leaked database does not leak sessions.
CREATE TABLE sessions (
    token_hash   TEXT    PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    last_seen_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE districts (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    slug           TEXT    NOT NULL UNIQUE,
    name           TEXT    NOT NULL,
    name_en        TEXT    NOT NULL,
    description    TEXT    NOT NULL DEFAULT '',
    description_en TEXT    NOT NULL DEFAULT '',
    region         TEXT    NOT NULL DEFAULT '',
    region_en      TEXT    NOT NULL DEFAULT '',
    created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Per-district powers. Only moderators today; more roles only widen the CHECK.
CREATE TABLE district_roles (
    district_id INTEGER NOT NULL REFERENCES districts (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role        TEXT    NOT NULL CHECK (role IN ('moderator')),
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (district_id, user_id)
) WITHOUT ROWID;
CREATE INDEX district_roles_user ON district_roles (user_id);

-- A merchant is a user who owns a shop that a moderator has verified.
CREATE TABLE shops (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    district_id    INTEGER NOT NULL REFERENCES districts (id) ON DELETE CASCADE,
    name           TEXT    NOT NULL,
    name_en        TEXT    NOT NULL DEFAULT '',
    category       TEXT    NOT NULL,
    description    TEXT    NOT NULL DEFAULT '',
    description_en TEXT    NOT NULL DEFAULT '',
    owner_user_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    verified       INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
    created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX shops_district ON shops (district_id, id);
CREATE INDEX shops_owner ON shops (owner_user_id);

CREATE TABLE proposals (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    district_id   INTEGER NOT NULL REFERENCES districts (id) ON DELETE CASCADE,
    author_id     INTEGER NOT NULL REFERENCES users (id),
    kind          TEXT    NOT NULL CHECK (kind IN ('event', 'improvement')),
    title         TEXT    NOT NULL,
    body          TEXT    NOT NULL,
    status        TEXT    NOT NULL DEFAULT 'open'
                  CHECK (status IN ('open', 'under_review', 'accepted', 'done', 'declined')),
    event_date    TEXT,
    event_place   TEXT,
    vote_count    INTEGER NOT NULL DEFAULT 0 CHECK (vote_count >= 0),
    comment_count INTEGER NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
    hidden        INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    -- An improvement has no day or place; only events do.
    CHECK (kind = 'event' OR (event_date IS NULL AND event_place IS NULL))
);
-- The two list orders: `top` and `new`.
CREATE INDEX proposals_top ON proposals (district_id, vote_count DESC, id DESC);
CREATE INDEX proposals_new ON proposals (district_id, id DESC);
CREATE INDEX proposals_author ON proposals (author_id);

-- The primary key is what makes "one support per person" true under any concurrency.
CREATE TABLE votes (
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (proposal_id, user_id)
) WITHOUT ROWID;
CREATE INDEX votes_user ON votes (user_id);

CREATE TABLE comments (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    author_id   INTEGER NOT NULL REFERENCES users (id),
    body        TEXT    NOT NULL,
    hidden      INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX comments_proposal ON comments (proposal_id, id);
CREATE INDEX comments_author ON comments (author_id);

CREATE TRIGGER votes_count_insert AFTER INSERT ON votes
BEGIN
    UPDATE proposals SET vote_count = vote_count + 1 WHERE id = NEW.proposal_id;
END;

CREATE TRIGGER votes_count_delete AFTER DELETE ON votes
BEGIN
    UPDATE proposals SET vote_count = vote_count - 1 WHERE id = OLD.proposal_id;
END;

-- comment_count is what readers see, so hidden comments do not count.
CREATE TRIGGER comments_count_insert AFTER INSERT ON comments WHEN NEW.hidden = 0
BEGIN
    UPDATE proposals SET comment_count = comment_count + 1 WHERE id = NEW.proposal_id;
END;

CREATE TRIGGER comments_count_delete AFTER DELETE ON comments WHEN OLD.hidden = 0
BEGIN
    UPDATE proposals SET comment_count = comment_count - 1 WHERE id = OLD.proposal_id;
END;

CREATE TRIGGER comments_count_hide AFTER UPDATE OF hidden ON comments WHEN NEW.hidden <> OLD.hidden
BEGIN
    UPDATE proposals
    SET comment_count = comment_count + (CASE WHEN NEW.hidden = 0 THEN 1 ELSE -1 END)
    WHERE id = NEW.proposal_id;
END;

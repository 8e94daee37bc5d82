-- A proposal's author may take it back while it is open: status `withdrawn` (issue 8).
--
-- SQLite cannot change a CHECK constraint, so `proposals` is rebuilt (sqlite.org,
-- "ALTER TABLE", making other kinds of table schema changes). Two things make that
-- unsafe inside the transaction sqlx runs each migration in, so this one ends it and
-- opens its own:
-- - With foreign keys on, DROP TABLE deletes every row first, and ON DELETE CASCADE
--   would take the votes, comments and answers with it; `foreign_keys` can only be
--   switched off outside a transaction.
-- - Triggers on votes, comments and answers name `proposals`; without
--   `legacy_alter_table` the rename below would refuse while the old table is gone.
-- The rebuild copies whatever `proposals` holds, so if the process stops before sqlx
-- records this migration, running it again on the next start is harmless.
-- sqlx-sqlite 0.8.6 has no `-- no-transaction`; when it does, use that instead.
COMMIT;
PRAGMA foreign_keys = OFF;
PRAGMA legacy_alter_table = ON;
BEGIN;

CREATE TABLE proposals_rebuilt (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    district_id   INTEGER NOT NULL REFERENCES districts (id) ON DELETE CASCADE,
    author_id     INTEGER NOT NULL REFERENCES users (id),
    kind          TEXT    NOT NULL CHECK (kind IN ('event', 'improvement')),
    title         TEXT    NOT NULL,
    body          TEXT    NOT NULL,
    status        TEXT    NOT NULL DEFAULT 'open'
                  CHECK (status IN ('open', 'under_review', 'accepted', 'done', 'declined', 'withdrawn')),
    event_date    TEXT,
    event_place   TEXT,
    vote_count    INTEGER NOT NULL DEFAULT 0 CHECK (vote_count >= 0),
    comment_count INTEGER NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
    hidden        INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    answer_count  INTEGER NOT NULL DEFAULT 0 CHECK (answer_count >= 0),
    pledge_count  INTEGER NOT NULL DEFAULT 0 CHECK (pledge_count >= 0),
    -- An improvement has no day or place; only events do.
    CHECK (kind = 'event' OR (event_date IS NULL AND event_place IS NULL))
);
INSERT INTO proposals_rebuilt (id, district_id, author_id, kind, title, body, status, event_date,
    event_place, vote_count, comment_count, hidden, created_at, answer_count, pledge_count)
SELECT id, district_id, author_id, kind, title, body, status, event_date,
    event_place, vote_count, comment_count, hidden, created_at, answer_count, pledge_count
FROM proposals;
-- Ids are never given twice (AUTOINCREMENT), not even those of deleted proposals: the
-- new table continues the old one's sequence, not its highest id.
UPDATE sqlite_sequence SET seq = (SELECT seq FROM sqlite_sequence WHERE name = 'proposals')
WHERE name = 'proposals_rebuilt';
DROP TABLE proposals;
ALTER TABLE proposals_rebuilt RENAME TO proposals;
-- The list orders and the author's proposals, as before.
CREATE INDEX proposals_top ON proposals (district_id, vote_count DESC, id DESC);
CREATE INDEX proposals_new ON proposals (district_id, id DESC);
CREATE INDEX proposals_author ON proposals (author_id);

COMMIT;
PRAGMA legacy_alter_table = OFF;
PRAGMA foreign_keys = ON;
-- sqlx records the migration and commits this.
BEGIN;

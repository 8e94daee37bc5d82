-- Reports and hiding (issue 8). Anyone signed in reports a proposal, comment, shop's
-- answer or announcement with a reason; the district's moderators hide the item or keep
-- it, with a note. Every table already had `hidden` (hidden rows are left out of every
-- list and count); now each also keeps why and when, for its author to read.
ALTER TABLE proposals ADD COLUMN hidden_note TEXT;
ALTER TABLE proposals ADD COLUMN hidden_at TEXT;
ALTER TABLE comments ADD COLUMN hidden_note TEXT;
ALTER TABLE comments ADD COLUMN hidden_at TEXT;
ALTER TABLE answers ADD COLUMN hidden_note TEXT;
ALTER TABLE answers ADD COLUMN hidden_at TEXT;
ALTER TABLE announcements ADD COLUMN hidden_note TEXT;
ALTER TABLE announcements ADD COLUMN hidden_at TEXT;

-- Everything that can be reported, as one list: its district, the proposal it is or
-- belongs to, what it says, who wrote it, whether it is hidden (`hidden`) and whether
-- anyone else can see it at all (`gone`: it, or the proposal it belongs to, is hidden).
CREATE VIEW moderated_items AS
    SELECT 'proposal' AS target, p.id AS target_id, p.district_id, p.id AS proposal_id, p.title, p.body,
           p.author_id, p.hidden, p.hidden AS gone, p.hidden_note, p.hidden_at
    FROM proposals p
    UNION ALL
    SELECT 'comment', c.id, p.district_id, p.id, NULL, c.body, c.author_id, c.hidden, (c.hidden OR p.hidden),
           c.hidden_note, c.hidden_at
    FROM comments c JOIN proposals p ON p.id = c.proposal_id
    UNION ALL
    SELECT 'answer', a.id, p.district_id, p.id, NULL, a.message, a.author_id, a.hidden, (a.hidden OR p.hidden),
           a.hidden_note, a.hidden_at
    FROM answers a JOIN proposals p ON p.id = a.proposal_id
    UNION ALL
    SELECT 'announcement', n.id, n.district_id, NULL, n.title, n.body, n.author_id, n.hidden, n.hidden,
           n.hidden_note, n.hidden_at
    FROM announcements n;

CREATE TABLE reports (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    district_id   INTEGER NOT NULL REFERENCES districts (id) ON DELETE CASCADE,
    target        TEXT    NOT NULL CHECK (target IN ('proposal', 'comment', 'answer', 'announcement')),
    target_id     INTEGER NOT NULL,
    reporter_id   INTEGER NOT NULL REFERENCES users (id),
    reason        TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    -- A moderator's decision on the item closes all its open reports at once.
    decision      TEXT    CHECK (decision IN ('hidden', 'kept')),
    decided_by    INTEGER REFERENCES users (id),
    decision_note TEXT,
    decided_at    TEXT
);
-- One open report of an item per person: reporting again adds nothing to the queue.
CREATE UNIQUE INDEX reports_open_once ON reports (target, target_id, reporter_id) WHERE decision IS NULL;
-- The queue: a district's open reports, oldest first.
CREATE INDEX reports_queue ON reports (district_id, decision, id);

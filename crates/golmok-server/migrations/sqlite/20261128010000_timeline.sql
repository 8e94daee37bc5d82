-- A proposal's timeline (issue 8): every move of its status, with who made it, in which
-- role and the official note, and its author's update notes. Rows are only ever added:
-- the timeline is the record a district answers for, so nothing here is edited.
--
-- `role` is kept as acted, not looked up later: someone who stops being a moderator
-- still answered as one then.
CREATE TABLE proposal_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('status', 'update')),
    status      TEXT    CHECK (status IN ('open', 'under_review', 'accepted', 'done', 'declined', 'withdrawn')),
    note        TEXT    NOT NULL DEFAULT '',
    actor_id    INTEGER NOT NULL REFERENCES users (id),
    role        TEXT    NOT NULL CHECK (role IN ('moderator', 'author')),
    created_at  TEXT    NOT NULL,
    -- A move names where it went; an update does not.
    CHECK ((kind = 'status') = (status IS NOT NULL))
);
-- The page reads one proposal's entries newest first.
CREATE INDEX proposal_events_proposal ON proposal_events (proposal_id, id);

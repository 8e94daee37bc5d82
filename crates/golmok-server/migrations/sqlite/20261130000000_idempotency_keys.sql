-- Answers to writes sent with an `Idempotency-Key` header (issue 9): a phone that lost
-- its connection after sending a comment, a support or a proposal sends it again with the
-- same key (the app's service worker does, from its queue of writes made offline), and
-- gets the first answer instead of doing it twice. Keys belong to an account, so one
-- person cannot see or block another's. A row without a status is a first request still
-- being answered; only successes are kept (a refused write may be tried again), for a day.
CREATE TABLE idempotency_keys (
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    -- SHA-256 of the method, path and body: the same key on another request is refused.
    fingerprint TEXT NOT NULL,
    status      INTEGER,
    body        TEXT,
    -- Seconds since 1970, when the first request arrived.
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);

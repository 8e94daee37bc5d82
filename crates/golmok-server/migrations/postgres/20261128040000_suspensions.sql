-- Suspensions (issue 8): a district's moderators stop an account from writing in their
-- district (proposing, supporting, commenting, answering, announcing, reporting). It may
-- still read, and write elsewhere. The note says why, for the moderators who come after.
-- Lifting a suspension deletes its row: the district's reports and timelines keep what
-- happened, and an account is either suspended there or not.
CREATE TABLE suspensions (
    district_id  BIGINT NOT NULL REFERENCES districts (id) ON DELETE CASCADE,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    note         TEXT    NOT NULL,
    suspended_by BIGINT NOT NULL REFERENCES users (id),
    created_at   TEXT    NOT NULL,
    PRIMARY KEY (district_id, user_id)
);

-- Rate limits (issue 8): how many tries each bucket (a client address, an account, an
-- email that failed to log in) made in the current fixed window. Counting in the
-- database, not in memory, is what makes a limit hold across several server processes
-- on one PostgreSQL. Rows of windows that ended are deleted as new windows begin.
CREATE TABLE rate_counts (
    bucket       TEXT    NOT NULL,
    -- Unix seconds at which the window began (a multiple of its length).
    window_start BIGINT  NOT NULL,
    hits         BIGINT  NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_counts_age ON rate_counts (window_start);

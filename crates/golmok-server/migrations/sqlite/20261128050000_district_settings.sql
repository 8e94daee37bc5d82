-- What forces an answer (issue 8), set per district by its moderators: the supports and
-- the shops' pledges a proposal needs to be ready for the district's answer, and the
-- days an open proposal has to get there before it shows as expired (never deleted).
-- The defaults are the demo district's: 20 supports, 3 pledges, 60 days.
ALTER TABLE districts ADD COLUMN support_threshold INTEGER NOT NULL DEFAULT 20;
ALTER TABLE districts ADD COLUMN pledge_threshold INTEGER NOT NULL DEFAULT 3;
ALTER TABLE districts ADD COLUMN expiry_days INTEGER NOT NULL DEFAULT 60;

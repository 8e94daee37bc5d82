-- Where a comment stands on its proposal (issue 8): for, neutral or against, shown as a
-- label, and counted on the proposal. Comments written before stances existed said
-- nothing either way: neutral.
ALTER TABLE comments ADD COLUMN stance TEXT NOT NULL DEFAULT 'neutral'
    CHECK (stance IN ('for', 'neutral', 'against'));

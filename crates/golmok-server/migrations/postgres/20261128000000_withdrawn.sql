-- A proposal's author may take it back while it is open: status `withdrawn` (issue 8).
-- PostgreSQL named the column's CHECK `proposals_status_check`; it is replaced whole.
ALTER TABLE proposals DROP CONSTRAINT proposals_status_check;
ALTER TABLE proposals ADD CONSTRAINT proposals_status_check
    CHECK (status IN ('open', 'under_review', 'accepted', 'done', 'declined', 'withdrawn'));

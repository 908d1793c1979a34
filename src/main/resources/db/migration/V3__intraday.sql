-- Intraday refresh: which snapshot versions an intraday refresh made (only those are ever pruned)
-- and which versions a report was rendered from (never pruned). Portable between H2 (MODE=MySQL)
-- and MySQL/MariaDB. Snapshot rows themselves stay immutable: a render is recorded beside them.

ALTER TABLE snapshot ADD COLUMN origin VARCHAR(20) NOT NULL DEFAULT 'standard';
CREATE INDEX snapshot_by_source_end ON snapshot (source, period_to);

CREATE TABLE snapshot_report (
    snapshot_id VARCHAR(36) NOT NULL PRIMARY KEY,
    rendered_at DATETIME(3) NOT NULL,
    CONSTRAINT snapshot_report_snapshot FOREIGN KEY (snapshot_id) REFERENCES snapshot (id)
);

-- Snapshot documents are stored gzipped: a month of 100,000 users is 47 MB of JSON text, over
-- MariaDB's default max_allowed_packet (16 MB) and too much to hold as text in a small heap, and a
-- few MB gzipped. Versions stored before keep their text in `document`; new versions fill
-- `document_gz` only. Portable between H2 (MODE=MySQL) and MySQL/MariaDB.

ALTER TABLE snapshot ADD COLUMN document_gz LONGBLOB NULL;
ALTER TABLE snapshot MODIFY document LONGTEXT NULL;

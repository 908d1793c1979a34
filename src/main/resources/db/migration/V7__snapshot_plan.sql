-- Plans: each snapshot version records the plan it was priced with and a hash of that plan's
-- prices, so that a price change makes a new version even when no figure on the document shows it
-- (a seat price of a role without users). Versions stored before stay NULL. Portable between H2
-- (MODE=MySQL) and MySQL/MariaDB.

ALTER TABLE snapshot ADD COLUMN plan VARCHAR(60) NULL;
ALTER TABLE snapshot ADD COLUMN prices_hash VARCHAR(64) NULL;

-- Text from a source is kept exactly as stored, whatever its length: the contract's widths
-- (VARCHAR(200) names and the like) bind a source only in strict mode, and a TEXT column or a
-- non-strict MySQL hands over longer values. A narrower warehouse column cut them on the first
-- copy (or refused them), and every later sync then saw the copy differ and failed writing them
-- again. None of these columns is part of a key or an index, so none needs a bound.
-- LONGTEXT: CLOB on H2, up to 4 GB on MySQL/MariaDB (TEXT would hold only 65,535 bytes).
ALTER TABLE wh_role MODIFY name LONGTEXT NOT NULL;
ALTER TABLE wh_user MODIFY full_name LONGTEXT NOT NULL;
ALTER TABLE wh_user MODIFY email LONGTEXT NOT NULL;
ALTER TABLE wh_channel MODIFY type LONGTEXT NOT NULL;
ALTER TABLE wh_channel MODIFY name LONGTEXT NOT NULL;
ALTER TABLE wh_channel MODIFY address LONGTEXT NULL;

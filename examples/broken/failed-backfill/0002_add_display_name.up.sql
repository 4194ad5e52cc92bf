-- The backfill forgot the rows: the existing customers keep a NULL display name.
ALTER TABLE customers ADD COLUMN display_name text;

ALTER TABLE customers ALTER COLUMN display_name SET NOT NULL;

-- Split the display name out of full_name and backfill it for existing rows.
SET lock_timeout = '5s';
ALTER TABLE customers ADD COLUMN display_name text;

UPDATE customers
   SET display_name = split_part(full_name, ' ', 1)
 WHERE display_name IS NULL;

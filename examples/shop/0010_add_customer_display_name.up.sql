-- Split the display name out of full_name and backfill it for existing rows.
SET lock_timeout = '5s';
ALTER TABLE customers ADD COLUMN display_name text;

-- schemagate:ignore lint.backfill-in-ddl-transaction customers holds a few thousand rows: the backfill takes milliseconds under the lock
UPDATE customers
   SET display_name = split_part(full_name, ' ', 1)
 WHERE display_name IS NULL;

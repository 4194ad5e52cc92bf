-- schemagate:ignore lint.drop-column the application reads first_name and last_name only since release 2
-- schemagate:ignore lint.set-not-null accounts holds a few thousand rows: the scan takes milliseconds
-- schemagate:ignore lint.backfill-in-ddl-transaction accounts holds a few thousand rows: the backfill takes milliseconds under the lock

SET lock_timeout = '5s';
-- Data migration: first and last name replace full_name; existing rows are split on the first space.
ALTER TABLE accounts ADD COLUMN first_name text, ADD COLUMN last_name text;
UPDATE accounts SET first_name = split_part(full_name, ' ', 1),
                    last_name  = substr(full_name, length(split_part(full_name, ' ', 1)) + 2);
ALTER TABLE accounts ALTER COLUMN first_name SET NOT NULL, ALTER COLUMN last_name SET NOT NULL;
ALTER TABLE accounts DROP COLUMN full_name;

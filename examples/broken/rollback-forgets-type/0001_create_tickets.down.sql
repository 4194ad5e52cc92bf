-- Forgets DROP TYPE ticket_state: applying the up script again fails.
DROP TABLE tickets;

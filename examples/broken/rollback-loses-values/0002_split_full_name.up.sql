-- Split full_name into first and last name, then drop it.
ALTER TABLE customers ADD COLUMN first_name text, ADD COLUMN last_name text;

UPDATE customers
   SET first_name = split_part(full_name, ' ', 1),
       last_name  = split_part(full_name, ' ', 2);

ALTER TABLE customers DROP COLUMN full_name;

ALTER TABLE items
    ADD COLUMN weight integr;

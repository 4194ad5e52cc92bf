ALTER TABLE items ADD COLUMN price integer; CREATE INDEX items_price_idx ON items (price);

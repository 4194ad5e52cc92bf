-- Drops the index but forgets the column.
DROP INDEX customers_loyalty_idx;

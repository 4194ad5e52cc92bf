DROP INDEX items_price_idx;

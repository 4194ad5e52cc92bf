DROP INDEX CONCURRENTLY orders_open_status_idx;

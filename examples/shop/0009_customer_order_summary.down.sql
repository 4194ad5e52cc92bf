DROP VIEW customer_order_summary;

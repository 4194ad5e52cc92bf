-- The shop's schema after: columns added, dropped, widened and moved to a binary collation; a
-- generated column and a fulltext index; a unique key renamed; a foreign key that now cascades; a view on a view;
-- a procedure with a body of statements; the audit log gone, shipments and a partitioned log new.
CREATE TABLE customer (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(100) NOT NULL,
  name VARCHAR(200) NOT NULL,
  phone VARCHAR(30) NULL,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at TIMESTAMP NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP,
  internal_note VARCHAR(100) INVISIBLE,
  UNIQUE KEY customer_email_key (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE product (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  sku VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  title VARCHAR(200) NOT NULL,
  title_lower VARCHAR(200) AS (LOWER(title)) STORED,
  price DECIMAL(10,2) NOT NULL,
  state ENUM('draft','live','retired') NOT NULL DEFAULT 'draft',
  weight_g INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'grams',
  UNIQUE KEY product_sku (sku),
  FULLTEXT KEY product_text (title),
  CONSTRAINT product_price_positive CHECK (price > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='what the shop sells, and sold';

CREATE TABLE orders (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id INT UNSIGNED NOT NULL,
  placed_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  status SET('paid','shipped','returned') NOT NULL DEFAULT '',
  note TEXT,
  KEY orders_placed (placed_at DESC),
  CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE order_line (
  order_id BIGINT UNSIGNED NOT NULL,
  product_id INT UNSIGNED NOT NULL,
  quantity INT NOT NULL DEFAULT 1,
  PRIMARY KEY (order_id, product_id),
  KEY order_line_product (product_id),
  CONSTRAINT order_line_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
  CONSTRAINT order_line_product FOREIGN KEY (product_id) REFERENCES product (id),
  CONSTRAINT order_line_quantity CHECK (quantity > 0)
);

CREATE TABLE shipment (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id BIGINT UNSIGNED NOT NULL,
  carrier VARCHAR(40) NOT NULL,
  CONSTRAINT shipment_order FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE=InnoDB;

CREATE TABLE event_log (
  id INT NOT NULL,
  at DATE NOT NULL,
  message VARCHAR(255),
  PRIMARY KEY (id, at)
) PARTITION BY RANGE (YEAR(at)) (PARTITION p2025 VALUES LESS THAN (2026), PARTITION pmax VALUES LESS THAN MAXVALUE);

CREATE VIEW live_product AS SELECT id, sku, title, price FROM product WHERE state = 'live' AND price > 0;

CREATE VIEW live_product_count AS SELECT COUNT(*) AS products FROM live_product;

CREATE TRIGGER product_trim BEFORE INSERT ON product FOR EACH ROW SET NEW.title = TRIM(NEW.title), NEW.sku = UPPER(NEW.sku);

CREATE TRIGGER product_trim_again BEFORE UPDATE ON product FOR EACH ROW SET NEW.title = TRIM(NEW.title);

CREATE FUNCTION with_tax(p DECIMAL(10,2)) RETURNS DECIMAL(12,2) DETERMINISTIC RETURN p * 1.25;

CREATE PROCEDURE retire_product(IN product INT UNSIGNED)
MODIFIES SQL DATA
BEGIN
  UPDATE product SET state = 'retired' WHERE id = product;
  DELETE FROM order_line WHERE product_id = product AND order_id IN (SELECT id FROM orders WHERE status = '');
END;

CREATE EVENT weekly_report ON SCHEDULE EVERY '1:12' DAY_HOUR STARTS '2030-01-06 04:00:00' ENDS '2035-01-01 00:00:00'
  DISABLE COMMENT 'sums, disabled' DO
BEGIN
  INSERT INTO event_log (id, at) SELECT COUNT(*), CURRENT_DATE FROM orders;
END;
CREATE EVENT one_off ON SCHEDULE AT '2036-06-01 00:00:00' DO UPDATE product SET price = price;
CREATE EVENT tidy_events ON SCHEDULE EVERY 1 HOUR DO DELETE FROM event_log WHERE id < 0;

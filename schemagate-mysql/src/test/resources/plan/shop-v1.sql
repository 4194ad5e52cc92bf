-- The shop's schema before: customers, products, orders and their lines, an audit log on MyISAM.
CREATE TABLE customer (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(100) NOT NULL,
  name VARCHAR(100) NOT NULL,
  legacy_code CHAR(4),
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY customer_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE product (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  sku VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  title VARCHAR(200) NOT NULL,
  price DECIMAL(8,2) NOT NULL,
  state ENUM('draft','live') NOT NULL DEFAULT 'draft',
  UNIQUE KEY sku (sku),
  CONSTRAINT product_price_positive CHECK (price >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='what the shop sells';

CREATE TABLE orders (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id INT UNSIGNED NOT NULL,
  placed_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  note TEXT,
  CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE=InnoDB;

CREATE TABLE order_line (
  order_id BIGINT UNSIGNED NOT NULL,
  product_id INT UNSIGNED NOT NULL,
  quantity SMALLINT NOT NULL DEFAULT 1,
  PRIMARY KEY (order_id, product_id),
  KEY order_line_product (product_id),
  CONSTRAINT order_line_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
  CONSTRAINT order_line_product FOREIGN KEY (product_id) REFERENCES product (id)
);

CREATE TABLE audit_log (id INT PRIMARY KEY, message VARCHAR(255)) ENGINE=MyISAM;

CREATE VIEW live_product AS SELECT id, sku, title, price FROM product WHERE state = 'live';

CREATE TRIGGER product_trim BEFORE INSERT ON product FOR EACH ROW SET NEW.title = TRIM(NEW.title);

CREATE FUNCTION with_tax(p DECIMAL(8,2)) RETURNS DECIMAL(10,2) DETERMINISTIC RETURN p * 1.2;

CREATE EVENT purge_audit ON SCHEDULE EVERY 1 DAY DO DELETE FROM audit_log WHERE id < 0;
CREATE EVENT weekly_report ON SCHEDULE EVERY 1 WEEK STARTS '2030-01-05 03:00:00' COMMENT 'sums' DO SELECT COUNT(*) FROM orders;
CREATE EVENT one_off ON SCHEDULE AT '2036-06-01 00:00:00' ON COMPLETION PRESERVE DO UPDATE product SET price = price;

-- One of every kind of object the MySQL snapshot reads, for the schema file to write and load back.
CREATE TABLE item (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  sku CHAR(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  title VARCHAR(200) NOT NULL DEFAULT 'untitled' COMMENT 'shown to people, it''s \\ escaped',
  body TEXT,
  state ENUM('new','sold') NOT NULL DEFAULT 'new',
  tags SET('a','b','c') DEFAULT 'a,b',
  price DECIMAL(10,2) NOT NULL CHECK (price >= 0),
  total DECIMAL(12,2) AS (price * 1.2) VIRTUAL,
  slug VARCHAR(210) AS (LOWER(title)) STORED,
  secret INT INVISIBLE,
  changed DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  seen TIMESTAMP NULL,
  PRIMARY KEY (id),
  UNIQUE KEY item_sku (sku),
  KEY item_title (title(20) DESC),
  KEY item_state (state) IGNORED COMMENT 'rarely used',
  FULLTEXT KEY item_text (title, body),
  CONSTRAINT item_title_set CHECK (title <> '')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC COMMENT='stock';

CREATE TABLE place (id INT PRIMARY KEY, location POINT NOT NULL, SPATIAL KEY place_location (location)) ENGINE=InnoDB;

CREATE TABLE session_cache (id INT NOT NULL, k VARCHAR(40), KEY session_k (k) USING HASH) ENGINE=MEMORY;

CREATE TABLE line (id INT PRIMARY KEY, item_id BIGINT UNSIGNED, parent_id INT,
  CONSTRAINT line_item FOREIGN KEY (item_id) REFERENCES item (id) ON DELETE CASCADE ON UPDATE SET NULL,
  CONSTRAINT line_parent FOREIGN KEY (parent_id) REFERENCES line (id));

CREATE TABLE log (id INT NOT NULL, at DATE NOT NULL, PRIMARY KEY (id, at))
  PARTITION BY RANGE (YEAR(at)) (PARTITION p2023 VALUES LESS THAN (2024), PARTITION pmax VALUES LESS THAN MAXVALUE);

CREATE TABLE bucket (id INT NOT NULL, kind INT NOT NULL, PRIMARY KEY (id, kind))
  PARTITION BY LIST (kind) (PARTITION odd VALUES IN (1,3,5), PARTITION even VALUES IN (2,4,6));

CREATE VIEW cheap AS SELECT id, title FROM item WHERE price < 10 WITH CHECK OPTION;
CREATE SQL SECURITY INVOKER VIEW cheap_count AS SELECT COUNT(*) AS n FROM cheap;

CREATE TRIGGER item_touch BEFORE UPDATE ON item FOR EACH ROW SET NEW.title = TRIM(NEW.title);
CREATE TRIGGER item_touch_too BEFORE UPDATE ON item FOR EACH ROW SET NEW.sku = UPPER(NEW.sku);
CREATE TRIGGER line_check AFTER INSERT ON line FOR EACH ROW
BEGIN
  IF NEW.id < 0 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'negative id';
  END IF;
END;

CREATE FUNCTION tax(p DECIMAL(10,2)) RETURNS DECIMAL(10,2) DETERMINISTIC COMMENT 'a fifth' RETURN p * 0.2;
CREATE PROCEDURE sell(IN which BIGINT UNSIGNED, OUT sold INT)
MODIFIES SQL DATA SQL SECURITY INVOKER
BEGIN
  UPDATE item SET state = 'sold' WHERE id = which;
  SET sold = ROW_COUNT();
END;

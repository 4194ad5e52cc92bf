CREATE TABLE tags (id integer);

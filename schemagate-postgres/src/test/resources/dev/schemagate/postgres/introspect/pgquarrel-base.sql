-- The tables pgquarrel's test files refer to (from its own test database), reduced to the columns they use.
CREATE TABLE customers (
    customerid serial PRIMARY KEY,
    firstname varchar(50) NOT NULL,
    country varchar(50) NOT NULL
);

CREATE TABLE products (
    prod_id serial PRIMARY KEY,
    title varchar(50) NOT NULL,
    actor varchar(50) NOT NULL,
    price numeric(12, 2) NOT NULL,
    common_prod_id integer NOT NULL
);

CREATE TABLE orders (
    orderid serial PRIMARY KEY,
    orderdate date NOT NULL,
    customerid integer REFERENCES customers ON DELETE SET NULL
);

-- The tables pgquarrel's test files refer to (from its own test database), reduced to the columns they use.
CREATE TABLE customers (
    customerid serial PRIMARY KEY,
    firstname varchar(50) NOT NULL,
    lastname varchar(50) NOT NULL,
    city varchar(50) NOT NULL,
    state varchar(50),
    region smallint NOT NULL,
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

CREATE TABLE orderlines (
    orderlineid integer NOT NULL,
    orderid integer NOT NULL REFERENCES orders ON DELETE CASCADE,
    prod_id integer NOT NULL,
    quantity smallint NOT NULL
);

-- Stand-ins for the OS locales en_US and pt_BR that some files name, which this machine does not have.
CREATE COLLATION "en_US" (provider = icu, locale = 'en-US');
CREATE COLLATION "pt_BR" (provider = icu, locale = 'pt-BR');

-- The foreign-data wrappers pgquarrel's server file names, which its test database had as extensions.
CREATE EXTENSION postgres_fdw;
CREATE EXTENSION file_fdw;

-- One table per kind of constraint the seeder must satisfy; names that need quoting on purpose.
CREATE EXTENSION citext;
CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN public.positive_int AS integer CHECK (VALUE > 0);
CREATE DOMAIN public.code AS varchar(3) NOT NULL CHECK (VALUE = upper(VALUE));
CREATE SCHEMA "Odd Schema";

CREATE TABLE "Odd Schema"."Parent ""T""" (
    "Id" uuid PRIMARY KEY,
    "Name" varchar(5) NOT NULL UNIQUE,
    kind varchar(10) NOT NULL CHECK (kind IN ('a', 'b')),
    price numeric(6, 2) NOT NULL CHECK (price >= 0),
    qty integer NOT NULL CHECK (qty > 0 AND qty <= 10),
    label text NOT NULL CHECK (label = upper(label) AND label <> '' AND length(label) <= 4),
    code public.code,
    n public.positive_int NOT NULL,
    m public.mood NOT NULL,
    tags text[] NOT NULL,
    moods public.mood[] NOT NULL,
    doc jsonb NOT NULL,
    note json,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE public.types (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    s smallint NOT NULL UNIQUE,
    i int NOT NULL,
    b boolean NOT NULL,
    r real NOT NULL,
    d double precision NOT NULL,
    c char(2) NOT NULL,
    dt date NOT NULL,
    t time NOT NULL,
    ts timestamp(3) NOT NULL,
    tz timestamptz NOT NULL,
    iv interval NOT NULL,
    ba bytea NOT NULL,
    ip inet NOT NULL,
    net cidr NOT NULL,
    mac macaddr NOT NULL,
    ci citext NOT NULL UNIQUE,
    tv tsvector NOT NULL,
    mo money NOT NULL,
    fraction numeric(3, 3) NOT NULL UNIQUE,
    twice int GENERATED ALWAYS AS (i * 2) STORED
);

CREATE TABLE public.tenant (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE public.account (
    id int NOT NULL,
    tenant int NOT NULL REFERENCES public.tenant (id),
    PRIMARY KEY (id, tenant)
);
CREATE TABLE public.membership (
    account int NOT NULL,
    tenant int NOT NULL REFERENCES public.tenant (id),
    parent uuid NOT NULL REFERENCES "Odd Schema"."Parent ""T""" ("Id"),
    FOREIGN KEY (account, tenant) REFERENCES public.account (id, tenant),
    PRIMARY KEY (account, tenant, parent)
);
CREATE TABLE public.node (id int PRIMARY KEY, parent int REFERENCES public.node (id));
CREATE TABLE public.loop (id text PRIMARY KEY, self text NOT NULL REFERENCES public.loop (id));

CREATE TABLE public.measurement (id int NOT NULL, taken date NOT NULL, value int) PARTITION BY RANGE (taken);
CREATE TABLE public.measurement_any PARTITION OF public.measurement DEFAULT;

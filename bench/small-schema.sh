#!/usr/bin/env bash
# Builds Schemagate and times, as a user runs them (JVM and embedded server start included, median
# of 5), `schemagate snapshot` of a small .sql file and `schemagate diff` of two, each beside its
# target (1 s) and a bare JVM start, and `verify examples/shop` (median of 3); then, in one JVM, a
# snapshot of a small schema (about fifteen tables) on the same and on a new connection, and CREATE
# DATABASE from template0 and as a clone of that schema's database, on an embedded PostgreSQL.
# Usage: bench/small-schema.sh [major version, default 17]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/whole.sh
# the bench module is built last, so the class path file ends up holding its class path
mvn -q -pl bench -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$PWD/bench/target/classpath.txt" -Dmdep.includeScope=runtime
mvn -q -pl schemagate-cli -am package -DskipTests
files=$(mktemp -d)
trap 'rm -rf "$files"' EXIT
cat > "$files/a.sql" <<'SQL'
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL UNIQUE);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users, total numeric(10, 2));
SQL
cat > "$files/b.sql" <<'SQL'
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL UNIQUE, name text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users, total numeric(10, 2));
CREATE INDEX orders_user ON orders (user_id);
SQL
pg=${1:-17}
echo "machine: $(machine)"
jvm=$(jvm_ms)
figure "whole command, snapshot of a small .sql file" "$(whole_ms bin/schemagate snapshot --pg-version "$pg" "$files/a.sql")" \
    1000 "a bare JVM start" "$jvm"
figure "whole command, diff of two small .sql files" "$(whole_ms bin/schemagate diff --pg-version "$pg" "$files/a.sql" "$files/b.sql")" \
    1000 "a bare JVM start" "$jvm"
figure "whole command, verify examples/shop (every check)" "$(RUNS=3 whole_ms bin/schemagate verify --pg-version "$pg" examples/shop)" \
    - "a bare JVM start" "$jvm"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.schemagate.bench.SmallSchemaBenchmark "$@"

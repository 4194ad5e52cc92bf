#!/usr/bin/env bash
# Times, as a user runs it (JVM and embedded server start included, median of 5), `schemagate verify`
# with every check of a history whose scripts alternate between one run in a transaction and one that
# cannot be: N tables (default 25), each followed by a CREATE INDEX CONCURRENTLY, in golang-migrate's
# layout, so every second migration is cycled outside a transaction. Prints the figure per
# migration beside a bare JVM start.
# Usage: bench/non-transactional.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/whole.sh
tables=${1:-25}
[ -f schemagate-cli/target/schemagate.jar ] || mvn -q package -DskipTests
history=$(mktemp -d)
trap 'rm -rf "$history"' EXIT
for i in $(seq "$tables"); do
  table=$(printf '%04d' $((2 * i - 1)))
  index=$(printf '%04d' $((2 * i)))
  echo "CREATE TABLE t$i (id bigserial PRIMARY KEY, a int NOT NULL, b text, c timestamptz DEFAULT now());" > "$history/${table}_t$i.up.sql"
  echo "DROP TABLE t$i;" > "$history/${table}_t$i.down.sql"
  echo "CREATE INDEX CONCURRENTLY t${i}_a ON t$i (a);" > "$history/${index}_t${i}_a.up.sql"
  echo "DROP INDEX CONCURRENTLY t${i}_a;" > "$history/${index}_t${i}_a.down.sql"
done
echo "machine: $(machine)"
jvm=$(jvm_ms)
took=$(whole_ms bin/schemagate verify "$history")
figure "whole command, verify of $((2 * tables)) migrations, every second outside a transaction" "$took" - "a bare JVM start" "$jvm"
echo "that is $((took / (2 * tables))) ms a migration"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

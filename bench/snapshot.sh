#!/usr/bin/env bash
# Builds Schemagate and times a schema snapshot against pg_dump --schema-only on an embedded
# PostgreSQL 15 (1,000 tables, 100 views, 100 functions). Usage: bench/snapshot.sh [path/to/pg_dump]
set -euo pipefail
cd "$(dirname "$0")/.."
# the bench module is built last, so the class path file ends up holding its class path
mvn -q -pl bench -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$PWD/bench/target/classpath.txt" -Dmdep.includeScope=runtime
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.schemagate.bench.SnapshotBenchmark "$@"

#!/usr/bin/env bash
# Builds Schemagate and times a snapshot of a small schema (about fifteen tables) on the same and on a
# new connection, and CREATE DATABASE from template0 and as a clone of that schema's database, on an
# embedded PostgreSQL. Usage: bench/small-schema.sh [major version, default 17]
set -euo pipefail
cd "$(dirname "$0")/.."
# the bench module is built last, so the class path file ends up holding its class path
mvn -q -pl bench -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$PWD/bench/target/classpath.txt" -Dmdep.includeScope=runtime
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.schemagate.bench.SmallSchemaBenchmark "$@"

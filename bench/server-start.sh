#!/usr/bin/env bash
# Builds Schemagate and times starting and stopping an embedded PostgreSQL, and a new connection
# to it. Usage: bench/server-start.sh [major version, default 17]
set -euo pipefail
cd "$(dirname "$0")/.."
# the bench module is built last, so the class path file ends up holding its class path
mvn -q -pl bench -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$PWD/bench/target/classpath.txt" -Dmdep.includeScope=runtime
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.schemagate.bench.ServerStartBenchmark "$@"

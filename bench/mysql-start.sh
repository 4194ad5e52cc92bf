#!/usr/bin/env bash
# Builds Schemagate and times starting and stopping the embedded MariaDB (one scratch database made
# and dropped) with its data folder installed anew, as every start did before, against copying the
# prepared folder the cache keeps; prints the medians and their ratio. Uses a cache of its own in
# bench/target (the first run unpacks the MariaDB binaries there once). Usage: bench/mysql-start.sh [pairs, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
# the bench module is built last, so the class path file ends up holding its class path
mvn -q -pl bench -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$PWD/bench/target/classpath.txt" -Dmdep.includeScope=runtime
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
mkdir -p -m 700 bench/target/mysql-cache
SCHEMAGATE_CACHE="$PWD/bench/target/mysql-cache" \
    java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$cp" dev.schemagate.bench.MysqlStartBenchmark "$@"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"

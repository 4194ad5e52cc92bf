#!/usr/bin/env bash
# Builds Schemagate and times starting and stopping an embedded PostgreSQL, and a new connection
# to it; first, in 7 new JVMs, how long after the process started a scratch database answered
# (JVM start, copying the prepared cluster and PostgreSQL's start included; beside the target of
# 0.3 s and a bare JVM start; the first JVM makes the prepared cluster if the cache has none and is
# not counted). Usage: bench/server-start.sh [major version, default 17]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/whole.sh
# the bench module is built last, so the class path file ends up holding its class path
mvn -q -pl bench -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$PWD/bench/target/classpath.txt" -Dmdep.includeScope=runtime
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
jvm=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$cp")
"${jvm[@]}" dev.schemagate.bench.ServerStartBenchmark --ready-after-start "$@" > /dev/null
ready=$(for _ in 1 2 3 4 5 6 7; do "${jvm[@]}" dev.schemagate.bench.ServerStartBenchmark --ready-after-start "$@"; done | sort -n)
echo "machine: $(machine)"
figure "database ready after the process started, median of 7 new JVMs (min $(echo "$ready" | head -1), max $(echo "$ready" | tail -1))" \
    "$(echo "$ready" | sed -n 4p)" 300 "a bare JVM start" "$(jvm_ms)"
"${jvm[@]}" dev.schemagate.bench.ServerStartBenchmark "$@"

#!/usr/bin/env bash
# Builds Schemagate and times starting and stopping an embedded PostgreSQL, and a new connection
# to it; first, in 7 new JVMs, how long after the process started a scratch database answered
# (JVM start, copying the prepared cluster and PostgreSQL's start included; beside the target of
# 0.3 s and a bare JVM start; the first JVM makes the prepared cluster if the cache has none and is
# not counted). The JVMs run as bin/schemagate runs a command: its flags, the command's jar, and a
# class data sharing archive of the classes the first JVM loaded. The time counts from the wall clock
# read just before each JVM is launched (see LaunchTime: Linux's own record of a process start is
# early by a fraction of a second).
# Then, in one more such JVM, each step of the start on the way to the first connection, its wall
# time and the CPU time of the thread taking it (StartPhases).
# Usage: bench/server-start.sh [major version, default 17]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/whole.sh
# the bench module is built last, so the class path file ends up holding its class path
mvn -q -pl bench -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$PWD/bench/target/classpath.txt" -Dmdep.includeScope=runtime
mvn -q -pl schemagate-cli -am package -DskipTests
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
archives=$(mktemp -d)
trap 'rm -rf "$archives"' EXIT
# an archive maps jars only, so the first-run JVMs take the command's jar and the bench's
command=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Xlog:cds=off,cds+dynamic=off
    -cp "schemagate-cli/target/schemagate.jar:$(ls bench/target/schemagate-bench-*.jar)")
SCHEMAGATE_LAUNCHED_NS=$(date +%s%N) "${command[@]}" -XX:DumpLoadedClassList="$archives/start.classes" dev.schemagate.bench.ServerStartBenchmark --ready-after-start "$@" > /dev/null
"${command[@]}" -Xshare:dump -XX:SharedClassListFile="$archives/start.classes" -XX:SharedArchiveFile="$archives/start.jsa" > /dev/null 2>&1
ready=$(for _ in 1 2 3 4 5 6 7; do
  SCHEMAGATE_LAUNCHED_NS=$(date +%s%N) "${command[@]}" -XX:SharedArchiveFile="$archives/start.jsa" dev.schemagate.bench.ServerStartBenchmark --ready-after-start "$@"
done | sort -n)
echo "the start step by step, in a new JVM with that archive:"
SCHEMAGATE_LAUNCHED_NS=$(date +%s%N) "${command[@]}" -XX:SharedArchiveFile="$archives/start.jsa" dev.schemagate.postgres.server.StartPhases "$@"
jvm=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$cp")
echo "machine: $(machine)"
figure "database ready after the process started, median of 7 new JVMs (min $(echo "$ready" | head -1), max $(echo "$ready" | tail -1))" \
    "$(echo "$ready" | sed -n 4p)" 300 "a bare JVM start" "$(jvm_ms)"
"${jvm[@]}" dev.schemagate.bench.ServerStartBenchmark "$@"

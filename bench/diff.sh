#!/usr/bin/env bash
# Builds Schemagate and times `schemagate diff` of two live databases of 1,000 tables each on an
# embedded PostgreSQL: both snapshots, the difference, the SQL plan and its proof on scratch copies
# (validation on, as the command does it). Usage: bench/diff.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
# the bench module is built last, so the class path file ends up holding its class path
mvn -q -pl bench -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$PWD/bench/target/classpath.txt" -Dmdep.includeScope=runtime
# the figures mean little without the machine and its load, so both are printed around the run
load() { uptime | sed 's/.*load average[s]*: //'; }
echo "machine: $(uname -sm), $(getconf _NPROCESSORS_ONLN) cores; load average (1, 5, 15 min) before: $(load)"
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.schemagate.bench.DiffBenchmark "$@"
echo "load average (1, 5, 15 min) after: $(load)"

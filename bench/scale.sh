#!/usr/bin/env sh
# How the cost of verify grows: synthetic histories of several lengths (default 500, 1,000 and
# 2,000 migrations) verified with the default checks, then a 5,000-table schema followed by four small
# migrations. Prints times, per-migration cycle times along the history, ratios and heap use; the
# heap is capped at 512 MB, the most a run of any size should need.
# Usage: bench/scale.sh [LENGTHS] [TABLES]   (e.g. bench/scale.sh 100,200 500 for a quick look)
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root="$here/.."
(cd "$root" && mvn -q package -DskipTests)
exec java -Xmx512m -cp "$root/schemagate-cli/target/schemagate.jar:$root/bench/target/classes" \
  dev.schemagate.bench.ScaleBenchmark "${1:-500,1000,2000}" "${2:-5000}"

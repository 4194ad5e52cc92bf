#!/usr/bin/env sh
# Times the constraint probes (verify --checks probes) on the schema a migrations folder ends with
# (default: the hydra PostgreSQL history in ../shared/corpus), beside a snapshot of that schema, in
# one run on one embedded server, and prints how many probes of each kind ran and how they ended,
# with the reason of each probe that did not hold.
# Usage: bench/probes.sh [DIR] [RUNS]
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root="$here/.."
dir=${1:-"$root/../shared/corpus/hydra-migrations/persistence/sql/migrations"}
runs=${2:-5}
[ -d "$dir" ] || { echo "probes.sh: $dir not found" >&2; exit 2; }
(cd "$root" && mvn -q package -DskipTests)
java -cp "$root/schemagate-cli/target/schemagate.jar:$root/bench/target/classes" dev.schemagate.bench.ProbeBenchmark "$dir" "$runs"

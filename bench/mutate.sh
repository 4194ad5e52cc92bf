#!/usr/bin/env sh
# Mutation testing throughput: mutants per minute of 'schemagate mutate' on a sample of the mutants of
# a migrations folder (default: the hydra PostgreSQL history in ../shared/corpus), with one job and
# with two, on one embedded server; prints the kill rate of the sample too.
# Usage: bench/mutate.sh [DIR] [MUTANTS]
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root="$here/.."
dir=${1:-"$root/../shared/corpus/hydra-migrations/persistence/sql/migrations"}
mutants=${2:-24}
[ -d "$dir" ] || { echo "mutate.sh: $dir not found" >&2; exit 2; }
(cd "$root" && mvn -q package -DskipTests)
java -cp "$root/schemagate-cli/target/schemagate.jar:$root/bench/target/classes" dev.schemagate.bench.MutateBenchmark "$dir" "$mutants"

#!/usr/bin/env sh
# Times a full 'schemagate verify' of a migrations folder (default: the hydra PostgreSQL history in
# ../shared/corpus) against a plain apply of its up scripts over one connection, in one run on one
# embedded server, check by check, and prints the figures and ratios. Then the whole command once,
# as a user runs it (JVM and server start included), after a run not counted that lets the launcher
# write its class data archive.
# Usage: bench/verify.sh [DIR] [RUNS]
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root="$here/.."
dir=${1:-"$root/../shared/corpus/hydra-migrations/persistence/sql/migrations"}
runs=${2:-3}
[ -d "$dir" ] || { echo "verify.sh: $dir not found" >&2; exit 2; }
(cd "$root" && mvn -q package -DskipTests)
java -cp "$root/schemagate-cli/target/schemagate.jar:$root/bench/target/classes" dev.schemagate.bench.VerifyBenchmark "$dir" "$runs"
# the launcher's first run of a new jar also writes its class data archive: not counted
"$root/bin/schemagate" verify "$dir" > /dev/null || true
start=$(date +%s%N)
"$root/bin/schemagate" verify "$dir" > /dev/null || true
end=$(date +%s%N)
echo "whole command, verify with every check: $(( (end - start) / 1000000 )) ms (JVM and server start included)"

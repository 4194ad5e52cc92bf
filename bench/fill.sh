#!/usr/bin/env sh
# The profile's server-side fill next to a plain INSERT ... SELECT generate_series of the same tables.
# Usage: bench/fill.sh [ROWS...]   (default: 100000 1000000)
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root="$here/.."
[ -f "$root/schemagate-cli/target/schemagate.jar" ] || (cd "$root" && mvn -q package -DskipTests)
exec java -cp "$root/schemagate-cli/target/schemagate.jar:$root/bench/target/classes" dev.schemagate.bench.FillBenchmark "$@"

#!/usr/bin/env sh
# Times 'schemagate lint' on a migrations folder (default: the hydra PostgreSQL history in
# ../shared/corpus): the whole static command as a user runs it, then static and observed (ROWS rows in
# every empty table before each migration, default 10000) in one JVM.
# Usage: bench/lint.sh [DIR] [ROWS]
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root="$here/.."
dir=${1:-"$root/../shared/corpus/hydra-migrations/persistence/sql/migrations"}
rows=${2:-10000}
[ -d "$dir" ] || { echo "lint.sh: $dir not found" >&2; exit 2; }
[ -f "$root/schemagate-cli/target/schemagate.jar" ] || (cd "$root" && mvn -q -o package -DskipTests)
start=$(date +%s%N)
"$root/bin/schemagate" lint --static "$dir" > /dev/null || true
end=$(date +%s%N)
echo "whole command, lint --static: $(( (end - start) / 1000000 )) ms (JVM start included)"
exec java -cp "$root/schemagate-cli/target/schemagate.jar:$root/bench/target/classes" dev.schemagate.bench.LintBench "$dir" "$rows"

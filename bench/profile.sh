#!/usr/bin/env sh
# Profiles a migrations folder (default: the hydra PostgreSQL history in ../shared/corpus) at 10,000 and
# 100,000 rows a table, one run each, and prints the whole run's time and the fill lines of the report.
# Usage: bench/profile.sh [DIR] [ROWS]   (ROWS default: 10000,100000)
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root="$here/.."
dir=${1:-"$root/../shared/corpus/hydra-migrations/persistence/sql/migrations"}
rows=${2:-10000,100000}
[ -d "$dir" ] || { echo "profile.sh: $dir not found" >&2; exit 2; }
[ -f "$root/schemagate-cli/target/schemagate.jar" ] || (cd "$root" && mvn -q package -DskipTests)
out=$(mktemp -d)
start=$(date +%s%N)
"$root/bin/schemagate" profile "$dir" --rows "$rows" --repeat 1 --baseline-file "$out/baseline.json" --format console \
  > "$out/profile.txt" 2> "$out/progress.txt" || true
end=$(date +%s%N)
echo "whole profile of $(basename "$dir") at $rows rows: $(( (end - start) / 1000000 )) ms"
grep -E '^  filled|^PASSED|^FAILED' "$out/profile.txt"
rm -rf "$out"

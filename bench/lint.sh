#!/usr/bin/env sh
# Times 'schemagate lint' on a migrations folder (default: the hydra PostgreSQL history in
# ../shared/corpus): the whole static command as a user runs it (median of 5, JVM start included)
# beside its target (0.5 s), a bare JVM start and, where squawk is installed (as bench/squawk-compare.sh
# installs it), squawk on the same up scripts; then static and observed (ROWS rows in every empty
# table before each migration, default 10000) in one JVM.
# Usage: bench/lint.sh [DIR] [ROWS]
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root="$here/.."
. "$here/whole.sh"
dir=${1:-"$root/../shared/corpus/hydra-migrations/persistence/sql/migrations"}
rows=${2:-10000}
[ -d "$dir" ] || { echo "lint.sh: $dir not found" >&2; exit 2; }
[ -f "$root/schemagate-cli/target/schemagate.jar" ] || (cd "$root" && mvn -q package -DskipTests)
echo "machine: $(machine)"
jvm=$(jvm_ms)
lint=$(whole_ms "$root/bin/schemagate" lint --static "$dir")
figure "whole command, lint --static" "$lint" 500 "a bare JVM start" "$jvm"
squawk=$(command -v squawk || echo "${SQUAWK_PREFIX:-/tmp/schemagate-squawk}/node_modules/.bin/squawk")
if [ -x "$squawk" ]; then
  # the up scripts schemagate lints: no dialect suffix, or the .postgres. one
  files=$(find "$dir" -maxdepth 1 -name '*.up.sql' ! -name '*.cockroach.*' ! -name '*.mysql.*' ! -name '*.sqlite*' | sort)
  # shellcheck disable=SC2086
  reference=$(whole_ms "$squawk" $files)
  echo "squawk on the same up scripts: $reference ms; lint --static is $(ratio "$lint" "$reference")x squawk"
else
  echo "squawk: not installed (bench/squawk-compare.sh installs it), no squawk ratio"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -cp "$root/schemagate-cli/target/schemagate.jar:$root/bench/target/classes" dev.schemagate.bench.LintBench "$dir" "$rows"

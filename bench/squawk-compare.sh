#!/usr/bin/env sh
# Runs squawk and 'schemagate lint' over the same migration folders and prints, per class of
# finding, how many each reports, where both agree (same file and line) and where one fires alone;
# (a squawk finding matches a schemagate one of the same class in the same file on its line or up to
# five lines below the statement's start, as squawk points inside statements); squawk's destructive and locking findings that schemagate does not report are listed with what
# schemagate's evidence says about them.
#
# Usage: bench/squawk-compare.sh [--static] [DIR...]
#   default folders: examples/shop and the hydra PostgreSQL history in ../shared/corpus
#   squawk comes from npm (squawk-cli 2.66.0), installed once into $SQUAWK_PREFIX (default /tmp/schemagate-squawk)
#   set SQUAWK_KEEP to a folder to keep both tools' raw output there (squawk-N.txt, schemagate-N.txt)
#   only up scripts are linted; for hydra only files with no dialect suffix or the .postgres. suffix
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root=$(CDPATH= cd -- "$here/.." && pwd)
mode="--rows 10000"
if [ "${1:-}" = "--static" ]; then mode="--static"; shift; fi
if [ $# -eq 0 ]; then
  set -- "$root/examples/shop"
  hydra="$root/../shared/corpus/hydra-migrations/persistence/sql/migrations"
  [ -d "$hydra" ] && set -- "$@" "$hydra"
fi
prefix=${SQUAWK_PREFIX:-/tmp/schemagate-squawk}
squawk="$prefix/node_modules/.bin/squawk"
if [ ! -x "$squawk" ]; then
  npm install --silent --prefix "$prefix" squawk-cli@2.66.0 >/dev/null
fi
[ -f "$root/schemagate-cli/target/schemagate.jar" ] || (cd "$root" && mvn -q package -DskipTests)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "squawk $("$squawk" --version | awk '{print $2}'), schemagate lint $mode"
for dir in "$@"; do
  # the up scripts PostgreSQL runs: a .postgres. file where there is one, else the file without a dialect
  find "$dir" -maxdepth 1 -name '*.sql' ! -name '*.down.sql' ! -name '*_rollback.sql' \
    | grep -Ev '\.(mysql|cockroach|sqlite3?)\.' | sort \
    | awk '{ n = $0; sub(/.*\//, "", n); key = n; sub(/\..*/, "", key); pg = (n ~ /\.postgres\./) }
           pg { chosen[key] = $0; next } !(key in chosen) { chosen[key] = $0 }
           END { for (k in chosen) print chosen[k] }' | sort > "$work/files"
  # squawk exits 1 when it finds something
  xargs "$squawk" --reporter gcc < "$work/files" > "$work/squawk.txt" 2>/dev/null || true
  # shellcheck disable=SC2086
  "$root/bin/schemagate" lint $mode --show-cleared "$dir" > "$work/schemagate.txt" 2>&1 || true
  python3 "$here/squawk_compare.py" "$dir" "$work/squawk.txt" "$work/schemagate.txt"
  n=$((${n:-0} + 1))
  if [ -n "${SQUAWK_KEEP:-}" ]; then
    mkdir -p "$SQUAWK_KEEP" && cp "$work/squawk.txt" "$SQUAWK_KEEP/squawk-$n.txt" && cp "$work/schemagate.txt" "$SQUAWK_KEEP/schemagate-$n.txt"
  fi
done

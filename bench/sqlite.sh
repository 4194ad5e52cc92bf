#!/usr/bin/env sh
# Times 'schemagate verify' of a SQLite history with every check (default: Hydra's .sqlite files in
# ../shared/corpus) against the sqlite3 shell applying the same up scripts, and against a plain
# apply over one JDBC connection, and prints the figures and ratios.
# Usage: bench/sqlite.sh [DIR] [RUNS]
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root="$here/.."
dir=${1:-"$root/../shared/corpus/hydra-migrations/persistence/sql/migrations"}
runs=${2:-3}
[ -d "$dir" ] || { echo "sqlite.sh: $dir not found" >&2; exit 2; }
(cd "$root" && mvn -q package -DskipTests)
java -cp "$root/schemagate-cli/target/schemagate.jar:$root/bench/target/classes" dev.schemagate.bench.SqliteShellBenchmark "$dir" "$runs"

#!/usr/bin/env sh
# Times the pull-request gate, 'verify --since REF', on a history split at a commit: a temporary git
# repository whose first commit (main) holds a migrations folder without its NEW newest versions and
# whose second commit (a branch) adds them, next to 'verify --checks apply' of the whole history.
# Default: the hydra PostgreSQL history in ../shared/corpus, 2 new versions (226 history, 2 new).
# Usage: bench/gate.sh [DIR] [NEW] [RUNS]
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root="$here/.."
dir=${1:-"$root/../shared/corpus/hydra-migrations/persistence/sql/migrations"}
new=${2:-2}
runs=${3:-3}
[ -d "$dir" ] || { echo "gate.sh: $dir not found" >&2; exit 2; }
(cd "$root" && mvn -q package -DskipTests)
repo=$(mktemp -d "${TMPDIR:-/tmp}/schemagate-gate.XXXXXX")
trap 'rm -rf "$repo"' EXIT
mkdir "$repo/migrations" "$repo/new"
cp -R "$dir"/. "$repo/migrations/"
# the NEW newest versions: the leading digits of the file names, sorted, last NEW
for version in $(ls "$repo/migrations" | sed -n 's/^\([0-9][0-9]*\)_.*/\1/p' | sort -u | tail -n "$new"); do
  mv "$repo/migrations/${version}"_* "$repo/new/"
done
git -C "$repo" init -q -b main
git -C "$repo" -c user.name=bench -c user.email=bench@example.com add migrations
git -C "$repo" -c user.name=bench -c user.email=bench@example.com commit -q -m history
git -C "$repo" checkout -q -b change
mv "$repo/new/"* "$repo/migrations/"
git -C "$repo" -c user.name=bench -c user.email=bench@example.com add migrations
git -C "$repo" -c user.name=bench -c user.email=bench@example.com commit -q -m "new migrations"
java -cp "$root/schemagate-cli/target/schemagate.jar:$root/bench/target/classes" dev.schemagate.bench.GateBenchmark \
  "$repo/migrations" main "$runs"

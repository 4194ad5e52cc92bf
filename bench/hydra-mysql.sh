#!/usr/bin/env bash
# Times Hydra's MySQL history (its .mysql. files, else the files without a dialect) applied by the
# `mariadb` client, one file after another as a deploy script would, against `schemagate verify` with
# its default checks on the same server (--db-url), and prints the ratio. The server is a scratch
# mariadbd from Debian's mariadb-server package, installed into bench/target and started on 127.0.0.1
# and a free port for this script alone; both stop where MariaDB stops (Hydra's MySQL-only
# CAST(... AS JSON), see docs/corpus-findings.md). Usage: bench/hydra-mysql.sh [migrations folder]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/corpus/hydra-migrations/persistence/sql/migrations}
. bench/mariadb-scratch.sh
mariadb_require
mvn -q -pl schemagate-cli -am package -DskipTests

work=$PWD/bench/target/hydra-mysql
mariadb_scratch "$work"

# the files a MySQL run applies, in version order: the .mysql. file of a migration, else its file without a dialect
python3 - "$dir" > "$work/files.txt" <<'PY'
import os, re, sys
d = sys.argv[1]
chosen = {}
for name in os.listdir(d):
    m = re.match(r'^(\d+)_(.+?)(\.(mysql|postgres|sqlite3?|cockroach))?\.up\.sql$', name)
    if m and m.group(4) in (None, 'mysql'):
        if m.group(4) == 'mysql' or m.group(1) not in chosen:
            chosen[m.group(1)] = name
for version in sorted(chosen):
    print(os.path.join(d, chosen[version]))
PY

"${client[@]}" -e 'create database client_run'
applied=0
start=$(date +%s%N)
while IFS= read -r file; do
  "${client[@]}" client_run < "$file" 2> "$work/client.err" || break
  applied=$((applied + 1))
done < "$work/files.txt"
client_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "mariadb client: $applied of $(wc -l < "$work/files.txt") files applied in $client_ms ms; stopped at: $(tr -s "\n-" " " < "$work/client.err" | head -c 200)"

start=$(date +%s%N)
set +e
bin/schemagate verify --dialect mysql --db-url "jdbc:mariadb://127.0.0.1:$port/client_run?user=bench" "$dir" > "$work/verify.out" 2>&1
code=$?
set -e
verify_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "schemagate verify (default checks, same server): exit $code in $verify_ms ms; $(grep -E '^(PASSED|FAILED)' "$work/verify.out" | tail -1)"
awk -v v="$verify_ms" -v c="$client_ms" 'BEGIN { printf "verify / client: %.1fx\n", v / c }'
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Times the copy every MySQL trial runs on (Schemagate's SHOW CREATE + INSERT … SELECT) against
# mariadb-dump piped into mariadb, of the same database on the same scratch mariadbd from Debian's
# mariadb-server package (installed into bench/target, on 127.0.0.1 and a free port, for this script
# alone); prints the medians and their ratio. The database is the end state of a MySQL history,
# written by `snapshot -o schema.sql` on the embedded server (default: Authelia's mysql/ folder).
# Usage: bench/mysql-copy.sh [migrations folder] [pairs, default 7]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/corpus/authelia-migrations/internal/storage/migrations/mysql}
pairs=${2:-7}
. bench/mariadb-scratch.sh
mariadb_require /usr/bin/mariadb-dump
# the bench module is built last, so the class path file ends up holding its class path
mvn -q -pl bench -am package dependency:build-classpath -DskipTests -Dinvoker.skip=true \
    -Dmdep.outputFile="$PWD/bench/target/classpath.txt" -Dmdep.includeScope=runtime
cp="bench/target/classes:$(cat bench/target/classpath.txt)"

work=$PWD/bench/target/mysql-copy
mariadb_scratch "$work" --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci
"${client[@]}" -e 'create database bench'
bin/schemagate snapshot --dialect mysql "$dir" -o "$work/schema.sql"

java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$cp" dev.schemagate.bench.MysqlCopyBenchmark \
    "jdbc:mariadb://127.0.0.1:$port/bench?user=bench" "$work/schema.sql" "$pairs"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"

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
for program in /usr/sbin/mariadbd /usr/bin/mariadb-install-db /usr/bin/mariadb /usr/bin/mariadb-dump; do
  [ -x "$program" ] || { echo "bench: $program not found: apt-get install mariadb-server" >&2; exit 2; }
done
# the bench module is built last, so the class path file ends up holding its class path
mvn -q -pl bench -am package dependency:build-classpath -DskipTests -Dinvoker.skip=true \
    -Dmdep.outputFile="$PWD/bench/target/classpath.txt" -Dmdep.includeScope=runtime
cp="bench/target/classes:$(cat bench/target/classpath.txt)"

work=$PWD/bench/target/mysql-copy
rm -rf "$work" && mkdir -p -m 700 "$work"
bin/schemagate snapshot --dialect mysql "$dir" -o "$work/schema.sql"
user_opt=(); [ "$(id -u)" = 0 ] && user_opt=(--user=root)
mariadb-install-db --no-defaults --datadir="$work/data" --skip-test-db --skip-name-resolve \
    --innodb-log-file-size=16M "${user_opt[@]}" > "$work/install.log" 2>&1
export MYSQL_PWD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
cat > "$work/init.sql" <<SQL
CREATE USER 'bench'@'127.0.0.1' IDENTIFIED BY '$MYSQL_PWD';
GRANT ALL PRIVILEGES ON *.* TO 'bench'@'127.0.0.1';
CREATE DATABASE bench;
SQL
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
/usr/sbin/mariadbd --no-defaults --datadir="$work/data" --socket="$work/mysqld.sock" --pid-file="$work/mysqld.pid" \
    --tmpdir="$work" --port="$port" --bind-address=127.0.0.1 --skip-name-resolve --skip-ssl \
    --innodb-log-file-size=16M --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
    --init-file="$work/init.sql" "${user_opt[@]}" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do mariadb --no-defaults -h 127.0.0.1 -P "$port" -u bench -e 'select 1' > /dev/null 2>&1 && break; sleep 0.2; done

java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$cp" dev.schemagate.bench.MysqlCopyBenchmark \
    "jdbc:mariadb://127.0.0.1:$port/bench?user=bench" "$work/schema.sql" "$pairs"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"

# Sourced by the bench scripts that time something against a scratch mariadbd of their own, from
# Debian's mariadb-server package rather than Schemagate's embedded server, so that both sides of a
# comparison see the same server: a data folder installed into a work folder of the script, a random
# password, a user `bench` on 127.0.0.1, a free port, durability off as Schemagate's scratch servers run.

# mariadb_require [PROGRAM...]: stops the script (exit 2) unless the server, its installer, the client
# and the named programs are installed
mariadb_require() {
  for program in /usr/sbin/mariadbd /usr/bin/mariadb-install-db /usr/bin/mariadb "$@"; do
    [ -x "$program" ] || { echo "bench: $program not found: apt-get install mariadb-server" >&2; exit 2; }
  done
}

# mariadb_scratch WORK [MARIADBD OPTION...]: makes WORK anew (mode 700), installs a data folder in it
# and starts mariadbd there with the options given; returns once the server answers. Sets `port`,
# `server` (the server's process id), exports MYSQL_PWD (which the client reads) and sets `client`,
# the mariadb client's command line as the user `bench`; stops the server and removes WORK on exit.
mariadb_scratch() {
  local work=$1; shift
  rm -rf "$work" && mkdir -p -m 700 "$work"
  local user_opt=(); [ "$(id -u)" = 0 ] && user_opt=(--user=root)
  mariadb-install-db --no-defaults --datadir="$work/data" --skip-test-db --skip-name-resolve \
      --innodb-log-file-size=16M "${user_opt[@]}" > "$work/install.log" 2>&1
  MYSQL_PWD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  export MYSQL_PWD
  cat > "$work/init.sql" <<SQL
CREATE USER 'bench'@'127.0.0.1' IDENTIFIED BY '$MYSQL_PWD';
GRANT ALL PRIVILEGES ON *.* TO 'bench'@'127.0.0.1';
SQL
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  /usr/sbin/mariadbd --no-defaults --datadir="$work/data" --socket="$work/mysqld.sock" --pid-file="$work/mysqld.pid" \
      --tmpdir="$work" --port="$port" --bind-address=127.0.0.1 --skip-name-resolve --skip-ssl \
      --innodb-log-file-size=16M --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
      --init-file="$work/init.sql" "${user_opt[@]}" "$@" > "$work/server.log" 2>&1 &
  server=$!
  # shellcheck disable=SC2064 # the folder is fixed now, the server's id too
  trap "kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf '$work'" EXIT
  client=(mariadb --no-defaults -h 127.0.0.1 -P "$port" -u bench)
  for _ in $(seq 1 300); do "${client[@]}" -e 'select 1' > /dev/null 2>&1 && return 0; sleep 0.2; done
  echo "bench: mariadbd did not answer within 60 s; the end of its log:" >&2
  tail -n 20 "$work/server.log" >&2
  exit 2
}

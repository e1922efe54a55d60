#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests: sourced by .ci/run, or run by hand.
#   source scripts/throwaway-postgres.sh && throwaway_postgres_start   # exports ANTOAN_TEST_POSTGRES
#   throwaway_postgres_stop                                             # stops it and deletes its files
# Installs Debian's postgresql package when no server binaries are found (needs root). The server runs as a non-root
# user (PostgreSQL refuses root): the current user, or "postgres" when run as root. It listens on 127.0.0.1 on a free
# port, with its socket in its own temporary folder, trusts local connections, and keeps nothing after it stops.

throwaway_postgres_bin() {
  # No match is not an error (the caller may run under set -euo pipefail): then it prints nothing.
  { ls -d /usr/lib/postgresql/*/bin 2>/dev/null || true; } | sort -V | tail -n 1
}

throwaway_postgres_start() {
  local bin user port
  bin=$(throwaway_postgres_bin)
  if [ -z "$bin" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin=$(throwaway_postgres_bin)
  fi
  THROWAWAY_PG_DIR=$(mktemp -d /tmp/antoan-pg.XXXXXX)
  user=$(id -un)
  if [ "$(id -u)" = 0 ]; then
    user=postgres
    id -u "$user" >/dev/null 2>&1 || useradd --system --no-create-home "$user"
    chown "$user" "$THROWAWAY_PG_DIR"
  fi
  THROWAWAY_PG_AS=(runuser -u "$user" --)
  [ "$(id -u)" = 0 ] || THROWAWAY_PG_AS=()
  # A free loopback port: nothing answers on it.
  while :; do
    port=$(( 20000 + RANDOM % 40000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done
  THROWAWAY_PG_BIN=$bin
  "${THROWAWAY_PG_AS[@]}" "$bin/initdb" -D "$THROWAWAY_PG_DIR/data" -U antoan --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  "${THROWAWAY_PG_AS[@]}" "$bin/pg_ctl" -D "$THROWAWAY_PG_DIR/data" -l "$THROWAWAY_PG_DIR/server.log" -w \
    -o "-p $port -k $THROWAWAY_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null
  "$bin/createdb" -h 127.0.0.1 -p "$port" -U antoan antoan_test
  export ANTOAN_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=antoan;Database=antoan_test"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($THROWAWAY_PG_DIR)"
}

throwaway_postgres_stop() {
  [ -n "${THROWAWAY_PG_DIR:-}" ] || return 0
  "${THROWAWAY_PG_AS[@]}" "$THROWAWAY_PG_BIN/pg_ctl" -D "$THROWAWAY_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$THROWAWAY_PG_DIR"
  THROWAWAY_PG_DIR=
}

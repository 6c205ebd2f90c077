#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests: initdb in a fresh temporary folder, listening
# on 127.0.0.1 only, on a free port, password (SCRAM) authentication. ctest starts it as a
# fixture (FIXTURES_SETUP) and stops it as the cleanup (FIXTURES_CLEANUP), which runs even when
# tests fail. PostgreSQL refuses to run as root, so under root (as in CI) the cluster belongs to
# and runs as the unprivileged system user `nobody`.
#
#   pg_cluster.sh start STATE_FILE     initdb + start; writes KEY=VALUE lines to STATE_FILE
#   pg_cluster.sh stop STATE_FILE      stop the server, remove its folder and STATE_FILE
#   pg_cluster.sh restart STATE_FILE   immediate stop (as a crash would) and start again
#   pg_cluster.sh kill STATE_FILE      immediate stop, left stopped (a server that went away)
#   pg_cluster.sh resume STATE_FILE    start the stopped server again on the same port
#
# A watchdog started with the cluster stops it if the ctest that started it dies without
# running the cleanup, so no server outlives its test run.
set -euo pipefail

action=${1:?usage: pg_cluster.sh start|stop|restart|kill|resume STATE_FILE}
state=${2:?usage: pg_cluster.sh start|stop|restart|kill|resume STATE_FILE}

find_bin() {
  for dir in /usr/lib/postgresql/15/bin "$(pg_config --bindir 2>/dev/null || true)"; do
    if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; return; fi
  done
  echo "pg_cluster: PostgreSQL 15 is not installed (no initdb in /usr/lib/postgresql/15/bin);" \
       "run: bash third_party/install-deps.sh" >&2
  exit 1
}

# Runs a command as the cluster's owner: `nobody` when we are root, else ourselves.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u nobody -- env HOME="$PG_DIR" "$@"
  else
    env HOME="$PG_DIR" "$@"
  fi
}

load_state() {
  [[ -f "$state" ]] || return 1
  # shellcheck disable=SC1090
  source "$state"
}

pg_ctl_stop() {
  as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m "$1" -w -t 60 stop >/dev/null 2>&1 || true
}

pg_ctl_start() {
  as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT" start >/dev/null
}

stop_cluster() {
  load_state || return 0
  if [[ -n "${PG_WATCHDOG:-}" ]] && kill -0 "$PG_WATCHDOG" 2>/dev/null; then
    kill "$PG_WATCHDOG" 2>/dev/null || true
  fi
  pg_ctl_stop fast
  # A server pg_ctl could not stop (its pid file gone) is stopped by its own pid, if it is ours.
  if [[ -f "$PG_DIR/data/postmaster.pid" ]]; then
    pid=$(head -1 "$PG_DIR/data/postmaster.pid")
    if [[ -n "$pid" ]] && grep -q postgres "/proc/$pid/comm" 2>/dev/null; then
      kill -QUIT "$pid" 2>/dev/null || true
    fi
  fi
  case "$PG_DIR" in /tmp/continuum-pg-*) rm -rf "$PG_DIR" ;; esac
  rm -f "$state"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start_cluster() {
  stop_cluster  # a cluster left by an earlier run that died is stopped first
  PG_BIN=$(find_bin)
  PG_DIR=$(mktemp -d /tmp/continuum-pg-XXXXXX)
  chmod 0700 "$PG_DIR"
  [[ $(id -u) -eq 0 ]] && chown nobody:nogroup "$PG_DIR"
  PG_PASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  as_owner sh -c "umask 077; printf '%s\n' '$PG_PASSWORD' > '$PG_DIR/pwfile'"
  if ! as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/pwfile" \
      --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1; then
    cat "$PG_DIR/initdb.log" >&2
    echo "pg_cluster: initdb failed" >&2
    exit 1
  fi
  cat >>"$PG_DIR/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_DIR'
max_connections = 60
fsync = on
synchronous_commit = on
log_min_messages = warning
CONF
  mkdir -p "$(dirname "$state")"
  for attempt in 1 2 3 4 5; do
    PG_PORT=$(free_port)
    if pg_ctl_start; then break; fi
    echo "pg_cluster: port $PG_PORT was taken, trying another" >&2
    PG_PORT=""
  done
  if [[ -z "$PG_PORT" ]]; then
    cat "$PG_DIR/server.log" >&2 || true
    echo "pg_cluster: the server did not start" >&2
    exit 1
  fi
  write_state ""
  # The watchdog: stops the cluster when the process that started it (ctest) is gone.
  setsid bash "$0" watchdog "$state" "$PPID" </dev/null >/dev/null 2>&1 &
  write_state "$!"
  echo "pg_cluster: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT," \
       "data in $PG_DIR/data, running as $( [[ $(id -u) -eq 0 ]] && echo nobody || id -un)"
}

write_state() {
  cat >"$state.part" <<STATE
PG_BIN=$PG_BIN
PG_DIR=$PG_DIR
PG_HOST=127.0.0.1
PG_PORT=$PG_PORT
PG_SUPERUSER=postgres
PG_PASSWORD=$PG_PASSWORD
PG_WATCHDOG=$1
STATE
  mv "$state.part" "$state"
}

case "$action" in
  start) start_cluster ;;
  stop) stop_cluster; echo "pg_cluster: stopped" ;;
  restart)
    load_state || { echo "pg_cluster: no cluster in $state" >&2; exit 1; }
    pg_ctl_stop immediate
    pg_ctl_start
    ;;
  kill)
    load_state || { echo "pg_cluster: no cluster in $state" >&2; exit 1; }
    pg_ctl_stop immediate
    ;;
  resume)
    load_state || { echo "pg_cluster: no cluster in $state" >&2; exit 1; }
    pg_ctl_start
    ;;
  watchdog)
    watched=${3:?}
    while [[ -f "$state" ]] && kill -0 "$watched" 2>/dev/null; do sleep 3; done
    [[ -f "$state" ]] && stop_cluster
    ;;
  *) echo "pg_cluster: unknown action $action" >&2; exit 2 ;;
esac

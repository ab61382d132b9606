#!/usr/bin/env bash
# Several portal instances on one PostgreSQL behind HAProxy, on this machine (docs/operations.md,
# "Several instances behind a load balancer").
#
#   scripts/cluster.sh start [N]          N instances (default 3) of the Release build, then HAProxy
#   scripts/cluster.sh stop               HAProxy and every instance
#   scripts/cluster.sh restart-rolling    each instance in turn: drained, stopped, started, back in
#   scripts/cluster.sh start-instance web2   starts one stopped (or crashed) instance and puts it back
#   scripts/cluster.sh status             HAProxy's view of the instances
#   scripts/cluster.sh migrate            applies the migrations (and seeds) once, then exits
#
# Database: ConnectionStrings__Paritrana, or else the machine's PostgreSQL set up as scripts/start.sh
# does. Settings (environment):
#   PARITRANA_CLUSTER_DIR        state, logs, shared folders (default .local/cluster)
#   PARITRANA_CLUSTER_PORT       the balancer's port (default 5000), bound to PARITRANA_CLUSTER_BIND
#                                (default 127.0.0.1: the demo accounts share a published password)
#   PARITRANA_CLUSTER_BASE_PORT  instance i listens on 127.0.0.1:BASE+i (default 5100)
#   PARITRANA_CLUSTER_NO_BUILD=1 use the existing Release build (a script that has just built it)
# Any other portal setting is passed on through the environment (Logging__Format=json...).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
source scripts/postgres.sh
source scripts/cluster/lib.sh

DIR=${PARITRANA_CLUSTER_DIR:-$ROOT/.local/cluster}
BIND=${PARITRANA_CLUSTER_BIND:-127.0.0.1}
LB_PORT=${PARITRANA_CLUSTER_PORT:-5000}
BASE_PORT=${PARITRANA_CLUSTER_BASE_PORT:-5100}
HAPROXY=${HAPROXY:-/usr/sbin/haproxy}
READY_TIMEOUT=${PARITRANA_CLUSTER_READY_TIMEOUT:-180}
LOGS=$DIR/logs
SOCKET=$DIR/haproxy.sock
export HAPROXY_SOCKET=$SOCKET

# ---- settings every instance shares -------------------------------------------------------------
portal_environment() {
  if [ -z "${ConnectionStrings__Paritrana:-}" ]; then
    echo "==> Starting PostgreSQL (the machine's cluster, as scripts/start.sh)"
    pg_portal_database "$ROOT" >/dev/null
  fi
  export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
  export Demo__Enabled=${Demo__Enabled:-true}
  # Keys, files and jobs are in PostgreSQL (docs/decisions/018): nothing on disk is shared.
  # HAProxy connects from this machine; its X-Forwarded-For is trusted from there only.
  export Network__KnownProxies=${Network__KnownProxies:-127.0.0.1}
}

# The running instances are started from a copy of the build (releases/<time>), never from
# bin/Release itself: a build made for the next rolling update then cannot overwrite the
# assemblies of instances that are still serving.
new_release() {
  if [ "${PARITRANA_CLUSTER_NO_BUILD:-}" != 1 ]; then
    echo "==> Building (Release)"
    dotnet build src/Paritrana.Web -c Release -nologo -v quiet >/dev/null
  fi
  local release
  release=$DIR/releases/$(date +%Y%m%dT%H%M%S%N)
  mkdir -p "$DIR/releases"
  cp -r src/Paritrana.Web/bin/Release/net10.0 "$release"
  ln -sfn "$release" "$DIR/current"
  # Older releases no instance runs any more: keep the last two.
  find "$DIR/releases" -mindepth 1 -maxdepth 1 -type d | sort | head -n -2 | xargs -r rm -rf
}

migrate() {
  echo "==> Applying migrations and seeding (once, before any instance serves)"
  (cd src/Paritrana.Web && dotnet "$DIR/current/Paritrana.Web.dll" migrate) >>"$LOGS/migrate.log" 2>&1 \
    || { tail -n 30 "$LOGS/migrate.log" >&2; exit 1; }
}

port_of() { echo $((BASE_PORT + ${1#web})); }
pid_of() { cat "$DIR/$1.pid" 2>/dev/null || true; }
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

# start_process NAME: one instance, in the background, logging to logs/NAME.log. The content root
# is the project folder (wwwroot, as scripts/start.sh); the assemblies come from the release.
start_process() {
  local name=$1 port
  port=$(port_of "$name")
  if ss -Htln "sport = :$port" | grep -q .; then
    echo "Port $port (for $name) is in use." >&2; exit 1
  fi
  echo "---- $(date -u +%FT%TZ) starting $name on 127.0.0.1:$port" >>"$LOGS/$name.log"
  (
    cd src/Paritrana.Web
    # The migrations ran once already; each instance's database sessions carry its name
    # (pg_stat_activity.application_name), so an operator sees which instance runs what.
    Cluster__InstanceName=$name Database__MigrateOnStartup=false \
    ConnectionStrings__Paritrana="${ConnectionStrings__Paritrana%;};Application Name=paritrana-$name" \
      exec setsid dotnet "$(readlink -f "$DIR/current")/Paritrana.Web.dll" --urls "http://127.0.0.1:$port"
  ) >>"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$DIR/$name.pid"
}

# wait_ready NAME: until the instance's own /health/ready answers 200 (it died: fail at once).
wait_ready() {
  local name=$1 port pid deadline
  port=$(port_of "$name")
  pid=$(pid_of "$name")
  deadline=$((SECONDS + READY_TIMEOUT))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/health/ready")" = 200 ]; do
    alive "$pid" || { echo "$name exited while starting; its log:" >&2; tail -n 30 "$LOGS/$name.log" >&2; exit 1; }
    [ $SECONDS -lt "$deadline" ] || { echo "$name not ready after ${READY_TIMEOUT}s" >&2; exit 1; }
    sleep 0.3
  done
}

# stop_process NAME: SIGTERM (ASP.NET Core finishes the requests in flight), SIGKILL after 30 s.
stop_process() {
  local pid
  pid=$(pid_of "$1")
  if alive "$pid"; then
    kill -TERM "$pid"
    local deadline=$((SECONDS + 30))
    while alive "$pid" && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    alive "$pid" && kill -KILL "$pid"
    while alive "$pid"; do sleep 0.1; done
  fi
  rm -f "$DIR/$1.pid"
}

instances() { cat "$DIR/instances" 2>/dev/null || true; }

write_haproxy_config() {
  local name
  cat >"$DIR/haproxy.cfg" <<CFG
# Generated by scripts/cluster.sh; edit the script, not this file.
global
    # The runtime API: restart-rolling drains and re-enables instances through it.
    stats socket $SOCKET mode 600 level admin
    log stdout format raw local0 info
    maxconn 4096
    # A soft stop waits for open requests at most this long.
    hard-stop-after 30s

defaults
    mode http
    log global
    option httplog
    # The client's address for the portal (X-Forwarded-For; trusted from Network:KnownProxies only).
    option forwardfor
    # A request whose connection to an instance could not be made goes to another instance
    # (nothing was sent, so this is safe for POSTs too).
    retries 3
    option redispatch 1
    timeout connect 5s
    timeout client 60s
    # Imports of 50 MB and PDF reports take their time; nothing the portal serves takes longer.
    timeout server 120s
    timeout http-request 15s
    timeout http-keep-alive 10s
    timeout queue 30s
    # /health/ready gives up after 3 s by itself (docs/operations.md).
    timeout check 5s

frontend portal
    bind $BIND:$LB_PORT
    default_backend web

backend web
    balance roundrobin
    # Ready, not live: an instance without its database, a migration behind, or without Chromium
    # gets no traffic.
    option httpchk
    http-check send meth GET uri /health/ready ver HTTP/1.1 hdr Host localhost
    http-check expect status 200
    default-server check inter 1s fall 2 rise 2
CFG
  for name in $(instances); do
    echo "    server $name 127.0.0.1:$(port_of "$name")" >>"$DIR/haproxy.cfg"
  done
}

start_haproxy() {
  "$HAPROXY" -c -q -f "$DIR/haproxy.cfg"
  rm -f "$SOCKET"
  ( exec setsid "$HAPROXY" -db -f "$DIR/haproxy.cfg" ) >>"$LOGS/haproxy.log" 2>&1 </dev/null &
  echo $! >"$DIR/haproxy.pid"
  local deadline=$((SECONDS + 20))
  until [ -S "$SOCKET" ]; do
    [ $SECONDS -lt $deadline ] || { echo "HAProxy did not start; its log:" >&2; tail -n 20 "$LOGS/haproxy.log" >&2; exit 1; }
    sleep 0.1
  done
}

print_cluster() {
  echo
  echo "  Paritrana behind HAProxy: http://$BIND:$LB_PORT"
  echo
  printf '  %-6s %-8s %s\n' instance pid address
  local name
  for name in $(instances); do
    printf '  %-6s %-8s %s\n' "$name" "$(pid_of "$name")" "http://127.0.0.1:$(port_of "$name")"
  done
  echo
  echo "  Logs: $LOGS (one file per instance, haproxy.log)"
  echo "  HAProxy runtime API: $SOCKET"
  echo "  Stop with: scripts/cluster.sh stop"
  echo
}

cmd_start() {
  local n=${1:-3} i name
  [[ $n =~ ^[1-9][0-9]?$ ]] || { echo "N must be a number from 1 to 99." >&2; exit 2; }
  if alive "$(cat "$DIR/haproxy.pid" 2>/dev/null || true)"; then
    echo "The cluster is already running (scripts/cluster.sh stop first)." >&2; exit 1
  fi
  mkdir -p "$LOGS" "$DIR/shared"
  portal_environment
  new_release
  migrate
  : >"$DIR/instances"
  for i in $(seq 1 "$n"); do echo "web$i" >>"$DIR/instances"; done
  echo "==> Starting $n instances"
  for name in $(instances); do start_process "$name"; done
  for name in $(instances); do wait_ready "$name"; done
  echo "==> Starting HAProxy"
  write_haproxy_config
  start_haproxy
  for name in $(instances); do hap_wait_status "$name" UP 30; done
  print_cluster
}

cmd_stop() {
  local pid name
  pid=$(cat "$DIR/haproxy.pid" 2>/dev/null || true)
  if alive "$pid"; then
    # SIGUSR1: soft stop, the requests in flight are finished first (hard-stop-after 30s).
    kill -USR1 "$pid"
    while alive "$pid"; do sleep 0.1; done
  fi
  rm -f "$DIR/haproxy.pid" "$SOCKET"
  for name in $(instances); do stop_process "$name"; done
  echo "Stopped."
}

# One instance out of rotation and back, without failing a request: drain (HAProxy sends it no new
# request), wait until none is in flight, maintenance, stop, start, ready, enable, UP.
restart_one() {
  local name=$1
  echo "==> $name: draining"
  hap_cmd "set server web/$name state drain" >/dev/null
  hap_wait_idle "$name" 60
  hap_cmd "set server web/$name state maint" >/dev/null
  echo "==> $name: restarting"
  stop_process "$name"
  start_process "$name"
  wait_ready "$name"
  hap_cmd "set server web/$name state ready" >/dev/null
  hap_wait_status "$name" UP 30
  echo "==> $name: serving again (pid $(pid_of "$name"))"
}

cmd_restart_rolling() {
  local name
  alive "$(cat "$DIR/haproxy.pid" 2>/dev/null || true)" || { echo "The cluster is not running." >&2; exit 1; }
  portal_environment
  new_release
  # A release with new migrations: they run first; the old instances keep serving meanwhile
  # (migrations that old code cannot live with need a maintenance window, see docs/operations.md).
  migrate
  for name in $(instances); do restart_one "$name"; done
  print_cluster
}

cmd_start_instance() {
  local name=${1:?name of the instance, e.g. web2}
  grep -qx "$name" "$DIR/instances" || { echo "No instance $name in this cluster." >&2; exit 2; }
  alive "$(pid_of "$name")" && { echo "$name is running." >&2; exit 1; }
  portal_environment
  hap_cmd "set server web/$name state maint" >/dev/null
  start_process "$name"
  wait_ready "$name"
  hap_cmd "set server web/$name state ready" >/dev/null
  hap_wait_status "$name" UP 30
  echo "$name serving again (pid $(pid_of "$name"))"
}

mkdir -p "$LOGS"
case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) cmd_stop ;;
  restart-rolling) cmd_restart_rolling ;;
  start-instance) shift; cmd_start_instance "$@" ;;
  status) hap_cmd "show servers state web" ;;
  migrate) portal_environment; new_release; migrate; echo "Database is up to date." ;;
  *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac

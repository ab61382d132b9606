#!/usr/bin/env bash
# Tries, on one machine, what docs/operations.md ("A streaming replica and its promotion") tells
# an operator to do on two: a primary and a streaming replica made from it with pg_basebackup,
# synchronous, so that a commit is acknowledged only once the replica has it on disk; the built
# portal on the multi-host connection string Host=primary,replica;Target Session Attributes=primary;
# signed-in users recording coaching items through the real form (antiforgery token and all),
# each acknowledged save logged with its value; the primary stopped in immediate mode (as if its
# machine died) under that load; the replica promoted; the portal carrying on against it by itself.
# Then every acknowledged save must be in the promoted database, and the time without service is
# measured from the first failed request to the first successful one after it.
#
# Usage: scripts/failover.sh
# Environment (all optional):
#   FAILOVER_DIR           working directory (clusters, logs), default /tmp/paritrana-failover; emptied first
#   FAILOVER_PRIMARY_PORT  default 61441;  FAILOVER_REPLICA_PORT default 61442;  FAILOVER_WEB_PORT default 61443
#                          (above Linux's ephemeral range, 32768-60999, so that no outgoing connection of
#                          the tests run just before can be holding one of them)
#   FAILOVER_WRITERS       signed-in users saving at once, default 3
#   FAILOVER_NPGSQL        more connection-string settings, e.g. "Host Recheck Seconds=2"
#   FAILOVER_SKIP_BUILD=1  use the portal already built in Release (the test suite sets it)
#   FAILOVER_KEEP=1        leave the clusters' directories and logs for inspection
# Prints a summary and exits 0 only when no acknowledged save was lost and the portal served again.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
source scripts/postgres.sh
pg_ensure_installed

BASE=${FAILOVER_DIR:-/tmp/paritrana-failover}
PRIMARY_PORT=${FAILOVER_PRIMARY_PORT:-61441}
REPLICA_PORT=${FAILOVER_REPLICA_PORT:-61442}
WEB_PORT=${FAILOVER_WEB_PORT:-61443}
WRITERS=${FAILOVER_WRITERS:-3}
PRIMARY=$BASE/primary
REPLICA=$BASE/replica
URL=http://127.0.0.1:$WEB_PORT
LOAD_LOG=$BASE/load.log       # one line per request: start_ms end_ms writer method status verdict value
STANDBY_NAME=replica1         # the replica's application_name, which the primary waits for
PASSWORD=Demo-Paritrana-2026
MEMBER=anggota.bali@paritrana.demo

exec 3>&2
now_ms() { date +%s%3N; }
say() { echo "==> $*" >&2; }
psql_at() { "$PG_BIN/psql" -X -q -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres -d "${2:-postgres}" -c "$3"; }

# wait_for DESCRIPTION SECONDS COMMAND...: polls COMMAND (every 0.2 s) until it succeeds.
wait_for() {
  local what=$1 limit=$2 deadline
  shift 2
  deadline=$(($(date +%s) + limit))
  until "$@" >/dev/null 2>&1; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "Timed out after ${limit} s waiting for: $what" >&2
      return 1
    fi
    sleep 0.2
  done
}

portal_pid=""
writer_pids=()
cleanup() {
  local status=$?
  touch "$BASE/stop-load" 2>/dev/null || true
  for pid in "${writer_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$portal_pid" ]; then kill "$portal_pid" 2>/dev/null || true; wait "$portal_pid" 2>/dev/null || true; fi
  for dir in "$PRIMARY" "$REPLICA"; do
    [ -f "$dir/PG_VERSION" ] && as_postgres "$PG_BIN/pg_ctl" -D "$dir" -m immediate -w stop >/dev/null 2>&1 || true
  done
  if [ "$status" != 0 ]; then
    # The directory is removed below: show why a cluster or the portal failed before it goes.
    for log in "$BASE/primary.log" "$BASE/replica.log" "$BASE/portal.log"; do
      [ -f "$log" ] && { echo "--- last lines of $log" >&2; tail -n 15 "$log" >&2; }
    done
  fi
  if [ "${FAILOVER_KEEP:-}" != 1 ]; then as_root rm -rf "$BASE"; else echo "Kept: $BASE" >&2; fi
  exit $status
}
trap cleanup EXIT

# ---------------------------------------------------------------------------------------------
say "Primary cluster ($PRIMARY, port $PRIMARY_PORT)"
as_root rm -rf "$BASE"
as_root mkdir -p "$BASE"
as_root chown postgres:postgres "$BASE"
as_root chmod 777 "$BASE" # the writers (this user) keep their cookies and log here too
as_postgres "$PG_BIN/initdb" -D "$PRIMARY" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Unlike the test clusters of scripts/postgres.sh, this one keeps fsync and synchronous_commit on:
# durability is what is being tried. (synchronous_standby_names is set below, once the replica
# streams: before that, every commit, CREATE DATABASE included, would wait for it.)
as_postgres tee -a "$PRIMARY/postgresql.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
port = $PRIMARY_PORT
unix_socket_directories = '$BASE'
max_connections = 200
wal_level = replica
max_wal_senders = 5
max_replication_slots = 5
synchronous_commit = on
CONF
as_postgres "$PG_BIN/pg_ctl" -D "$PRIMARY" -l "$BASE/primary.log" -w -t 60 start >/dev/null
psql_at "$PRIMARY_PORT" postgres "CREATE DATABASE paritrana"

say "Replica made with pg_basebackup ($REPLICA, port $REPLICA_PORT)"
# -R writes standby.signal and primary_conninfo; -C -S creates a replication slot on the primary,
# so the primary keeps the WAL the replica has not received yet (however far it falls behind).
as_postgres "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$REPLICA" \
  -R -C -S "$STANDBY_NAME" --checkpoint=fast --wal-method=stream
# The copy carries the primary's postgresql.conf: give the replica its own port, the
# name the primary waits for, and no synchronous standby of its own. Once promoted it is alone,
# and a primary waiting for a standby that does not exist would hang every commit.
as_postgres tee -a "$REPLICA/postgresql.auto.conf" >/dev/null <<CONF
port = $REPLICA_PORT
unix_socket_directories = '$BASE'
primary_conninfo = 'host=127.0.0.1 port=$PRIMARY_PORT user=postgres application_name=$STANDBY_NAME'
synchronous_standby_names = ''
CONF
as_postgres "$PG_BIN/pg_ctl" -D "$REPLICA" -l "$BASE/replica.log" -w -t 60 start >/dev/null
is_streaming() { [ "$(psql_at "$PRIMARY_PORT" postgres "SELECT state FROM pg_stat_replication WHERE application_name = '$STANDBY_NAME'")" = streaming ]; }
wait_for "the replica streaming from the primary (pg_stat_replication)" 60 is_streaming
# From now on every commit waits until the replica has flushed its WAL record to disk before the
# client is told "committed", so a commit the portal acknowledged survives the primary's machine.
# (Asynchronous replication acknowledges first and ships after: the last commits before a crash
# would be lost at the promotion.)
psql_at "$PRIMARY_PORT" postgres "ALTER SYSTEM SET synchronous_standby_names = '$STANDBY_NAME'" >/dev/null
psql_at "$PRIMARY_PORT" postgres "SELECT pg_reload_conf()" >/dev/null
is_sync_standby() { [ "$(psql_at "$PRIMARY_PORT" postgres "SELECT sync_state FROM pg_stat_replication WHERE application_name = '$STANDBY_NAME' AND state = 'streaming'")" = sync ]; }
wait_for "the replica streaming as the synchronous standby (pg_stat_replication)" 60 is_sync_standby

# ---------------------------------------------------------------------------------------------
if [ "${FAILOVER_SKIP_BUILD:-}" != 1 ]; then
  say "Building the portal (Release)"
  dotnet build src/Paritrana.Web -c Release -nologo -v quiet >/dev/null
fi
say "Portal on Host=primary,replica;Target Session Attributes=primary${FAILOVER_NPGSQL:+;$FAILOVER_NPGSQL} ($URL)"
export ConnectionStrings__Paritrana="Host=127.0.0.1:$PRIMARY_PORT,127.0.0.1:$REPLICA_PORT;Username=postgres;Database=paritrana;Target Session Attributes=primary${FAILOVER_NPGSQL:+;$FAILOVER_NPGSQL}"
(
  cd src/Paritrana.Web
  export ASPNETCORE_ENVIRONMENT=Staging Demo__Enabled=true Security__RequireHttps=false
  export Security__SignInAttemptsPerMinute=1000 Logging__LogLevel__Default=Warning
  exec dotnet "$ROOT/src/Paritrana.Web/bin/Release/net10.0/Paritrana.Web.dll" --urls "$URL"
) >"$BASE/portal.log" 2>&1 &
portal_pid=$!
portal_alive() {
  # (To fd 3, the script's stderr: wait_for silences the commands it polls.)
  kill -0 "$portal_pid" 2>/dev/null || { echo "The portal exited at start-up:" >&3; tail -n 30 "$BASE/portal.log" >&3; exit 1; }
}
is_ready() { portal_alive && [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$URL/health/ready")" = 200 ]; }
wait_for "the portal's /health/ready (migrations and demo data on the primary)" 180 is_ready
portal_alive

# A Bali nomination of the demo in field assessment: its coaching items are what the users save.
NOMINATION=$(psql_at "$PRIMARY_PORT" paritrana "SELECT min(n.id) FROM nominations n JOIN award_cycles c ON c.id = n.cycle_id
  WHERE n.province_code = '51' AND n.regency_code IS NOT NULL AND NOT c.is_closed AND n.status = 5")

# ---------------------------------------------------------------------------------------------
# curl_form JAR URL [--data-urlencode k=v ...]: POSTs, prints "status location".
curl_form() {
  local jar=$1 url=$2
  shift 2
  curl -s -o /dev/null -b "$jar" -c "$jar" --max-time 10 -w '%{http_code} %{redirect_url}' "$@" "$url" || echo "000 "
}
# token_of PAGE: the antiforgery token of the page's forms.
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' <<<"$1" | head -n 1 | sed 's/.*value="//; s/"$//'; }

sign_in() {
  local jar=$1 page
  page=$(curl -s -b "$jar" -c "$jar" --max-time 10 "$URL/Account/Login")
  [ "$(curl_form "$jar" "$URL/Account/Login" --data-urlencode "__RequestVerificationToken=$(token_of "$page")" \
    --data-urlencode "Input.Email=$MEMBER" --data-urlencode "Input.Password=$PASSWORD" | cut -d' ' -f1)" = 302 ]
}

# writer NAME: loads the coaching form and saves an item whose finding is a unique value, again
# and again until told to stop; logs every request, and whether the save was acknowledged (the
# redirect to the new item's page, which the portal sends only after its transaction committed).
writer() {
  local name=$1 jar=$BASE/$1.cookies n=0 page status t0 t1 value answer verdict
  local form=$URL/FieldWork/Coaching/Create?nomination=$NOMINATION
  while [ ! -e "$BASE/stop-load" ]; do
    t0=$(now_ms)
    page=$(curl -s -b "$jar" -c "$jar" --max-time 10 -w '\n%{http_code}' "$form") || page=$'\n000'
    status=${page##*$'\n'}
    echo "$t0 $(now_ms) $name GET $status - -" >>"$LOAD_LOG"
    if [ "$status" = 200 ]; then
      n=$((n + 1))
      value=failover-$name-$n
      t0=$(now_ms)
      answer=$(curl_form "$jar" "$form" --data-urlencode "__RequestVerificationToken=$(token_of "$page")" \
        --data-urlencode "Input.Finding=$value" --data-urlencode "Input.Recommendation=Daftarkan pekerja ke BPJS Ketenagakerjaan" \
        --data-urlencode "Input.DueDate=$(date -u -d '+30 days' +%F)" --data-urlencode "Input.VisitId=")
      t1=$(now_ms)
      verdict=failed
      [[ $answer == "302 "*/FieldWork/Coaching/Item/* ]] && verdict=acknowledged
      echo "$t0 $t1 $name POST ${answer%% *} $verdict $value" >>"$LOAD_LOG"
    fi
    # Pacing, not waiting for anything: a user takes a moment between saves, and a failing
    # request comes back at once, so without it the loop would only measure curl's start-up.
    sleep 0.05
  done
}

say "Signed-in load: $WRITERS users saving coaching items on nomination $NOMINATION"
: >"$LOAD_LOG"
for i in $(seq 1 "$WRITERS"); do
  sign_in "$BASE/w$i.cookies" || { echo "Sign-in of writer w$i failed" >&2; exit 1; }
done
for i in $(seq 1 "$WRITERS"); do
  writer "w$i" &
  writer_pids+=($!)
done

acknowledged_since() { awk -v t="$1" '$4 == "POST" && $6 == "acknowledged" && $1 >= t' "$LOAD_LOG" | wc -l; }
every_writer_acknowledged_since() {
  local i
  for i in $(seq 1 "$WRITERS"); do
    awk -v t="$1" -v w="w$i" '$3 == w && $4 == "POST" && $6 == "acknowledged" && $1 >= t {found = 1} END {exit !found}' "$LOAD_LOG" || return 1
  done
}
at_least_acknowledged() { [ "$(acknowledged_since 0)" -ge "$1" ]; }
load_start=$(now_ms)
wait_for "20 acknowledged saves on the primary" 120 at_least_acknowledged 20

# ---------------------------------------------------------------------------------------------
say "Stopping the primary (pg_ctl stop -m immediate: no shutdown checkpoint, as if its machine died)"
stop_at=$(now_ms)
as_postgres "$PG_BIN/pg_ctl" -D "$PRIMARY" -m immediate -w stop >/dev/null
down_at=$(now_ms)

say "Promoting the replica (pg_ctl promote)"
# The replica replays all the WAL it received, then leaves recovery and accepts writes; -w waits
# for that. In production, this is the operator's (or the failover manager's) decision.
promote_at=$(now_ms)
as_postgres "$PG_BIN/pg_ctl" -D "$REPLICA" -w -t 60 promote >/dev/null
promoted_at=$(now_ms)
is_primary() { [ "$(psql_at "$REPLICA_PORT" postgres "SELECT pg_is_in_recovery()")" = f ]; }
wait_for "the promoted replica out of recovery" 30 is_primary

if ! wait_for "an acknowledged save of every user after the promotion" 90 every_writer_acknowledged_since "$promoted_at"; then
  echo "The portal did not carry on against the promoted replica. Portal log: $BASE/portal.log" >&2
  tail -n 20 "$BASE/portal.log" >&2
fi
# A few more seconds of normal service after recovery, measured by saves, not by the clock.
recovered_count=$(acknowledged_since "$promoted_at")
at_least_more() { [ "$(acknowledged_since "$promoted_at")" -ge $((recovered_count + 15)) ]; }
wait_for "15 more acknowledged saves" 60 at_least_more || true
touch "$BASE/stop-load"
for pid in "${writer_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
writer_pids=()

# ---------------------------------------------------------------------------------------------
say "Checking every acknowledged save in the promoted database"
stored=$BASE/stored.txt
# Each stored item with its number of audit events (one, written in the same transaction).
psql_at "$REPLICA_PORT" paritrana "SELECT i.finding || ' ' || (SELECT count(*) FROM audit_events a WHERE a.action = 'coaching.created' AND a.entity_id = i.id::text)
  FROM coaching_items i WHERE i.nomination_id = $NOMINATION AND i.finding LIKE 'failover-%'" | sort >"$stored"
acknowledged=$BASE/acknowledged.txt
awk '$4 == "POST" && $6 == "acknowledged" {print $7}' "$LOAD_LOG" | sort >"$acknowledged"
lost=$(comm -23 "$acknowledged" <(cut -d' ' -f1 "$stored") | wc -l)
without_audit=$(awk '$2 != 1' "$stored" | wc -l)
failed_but_stored=$(comm -13 "$acknowledged" <(cut -d' ' -f1 "$stored") | wc -l)

# The time without service: from the start of the first request that failed to the end of the
# first request that succeeded among those started once the old primary was gone (so served by
# the promoted replica), whatever the request (page or save).
read -r first_failure last_failure failures <<<"$(awk '!($5 == 200 || $6 == "acknowledged") {n++; if (!f || $1 < f) f = $1; if ($2 > l) l = $2} END {printf "%.0f %.0f %d\n", f, l, n}' "$LOAD_LOG")"
first_success_after=$(awk -v d="$down_at" '($5 == 200 || $6 == "acknowledged") && $1 >= d {if (!s || $2 < s) s = $2} END {printf "%.0f\n", s}' "$LOAD_LOG")
seconds() { awk -v ms="$1" 'BEGIN {printf "%.2f", ms / 1000}'; }
posts() { awk -v a="$1" -v b="$2" '$4 == "POST" && $1 >= a && $1 < b' "$LOAD_LOG" | wc -l; }
acks() { awk -v a="$1" -v b="$2" '$4 == "POST" && $6 == "acknowledged" && $1 >= a && $1 < b' "$LOAD_LOG" | wc -l; }
end_ms=$(now_ms)
after_promotion=$(acknowledged_since "$promoted_at")
before_stop=$(acks 0 "$stop_at")

cat <<SUMMARY
== Failover: primary stopped (immediate) under signed-in load, replica promoted ==
writers: $WRITERS signed-in users saving coaching items through the form; portal on Host=primary,replica;Target Session Attributes=primary${FAILOVER_NPGSQL:+;$FAILOVER_NPGSQL}
primary stopped $(seconds $((stop_at - load_start))) s into the load (pg_ctl stop took $(seconds $((down_at - stop_at))) s); promotion took $(seconds $((promoted_at - promote_at))) s
saves attempted $(posts 0 "$end_ms"): before the stop $(posts 0 "$stop_at") (acknowledged $before_stop), stop to promotion $(posts "$stop_at" "$promoted_at") (acknowledged $(acks "$stop_at" "$promoted_at")), after promotion $(posts "$promoted_at" "$end_ms") (acknowledged $after_promotion)
failed requests: $failures, from $(seconds $((first_failure - stop_at))) s to $(seconds $((last_failure - stop_at))) s after the stop
time without service: $(seconds $((first_success_after - first_failure))) s (first failed request to the first successful one served by the promoted replica; the promotion ended $(seconds $((promoted_at - first_failure))) s after that first failure)
acknowledged saves: $(wc -l <"$acknowledged"), found in the promoted database: $(($(wc -l <"$acknowledged") - lost)), lost: $lost
failed saves found stored (commit made, answer lost): $failed_but_stored; stored without their audit event: $without_audit
SUMMARY

if [ "$lost" -eq 0 ] && [ "$without_audit" -eq 0 ] && [ "$before_stop" -gt 0 ] && [ "$after_promotion" -gt 0 ] && [ "$failures" -gt 0 ]; then
  echo "RESULT: passed (zero lost acknowledged writes)"
else
  echo "RESULT: FAILED (logs: FAILOVER_KEEP=1 keeps $BASE)"
  exit 1
fi

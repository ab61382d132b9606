#!/usr/bin/env bash
# Benchmark of the reminder sweep (issue 14, docs/decisions/030) at national scale: the data of
# scripts/bench/national-data.sql (5,000 nominations of the current cycle, 300 scorers), plus field
# work on every nomination: a coaching item due tomorrow, today or yesterday (a third each, on the
# province's calendar), one due in ten days, and on every fourth nomination a visit tomorrow with
# two members. Runs `dotnet Paritrana.Web.dll send-reminders` twice (the second must queue nothing)
# and prints the times and the machine's load. Deterministic; a fresh database on every run.
# Usage: scripts/bench/reminders.sh   (private cluster PARITRANA_BENCH_PG_DIR, port PARITRANA_BENCH_PG_PORT)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source scripts/postgres.sh

PG_DIR=${PARITRANA_BENCH_PG_DIR:-/tmp/pg-bench}
PORT_PG=${PARITRANA_BENCH_PG_PORT:-55443}
DB=paritrana_bench_reminders
load() { cut -d' ' -f1-3 /proc/loadavg; }

pg_private_start "$PG_DIR" "$PORT_PG"
PSQL=(psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -v ON_ERROR_STOP=1 -qtA)
"${PSQL[@]}" -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
export ConnectionStrings__Paritrana="Host=127.0.0.1;Port=$PORT_PG;Username=postgres;Database=$DB"
export ASPNETCORE_ENVIRONMENT=Development Demo__Enabled=true Logging__LogLevel__Default=Warning
APP=${PARITRANA_BENCH_APP:-"$ROOT/src/Paritrana.Web/bin/Release/net10.0/Paritrana.Web.dll"}
[ -f "$APP" ] || dotnet build src/Paritrana.Web -c Release -nologo -v q >/dev/null
(cd src/Paritrana.Web && dotnet "$APP" migrate >/dev/null)
"${PSQL[@]}" -d "$DB" -v employers=50000 -v nominations=5000 -v scorers=300 -v focus=33 -v finalists=50 -f scripts/bench/national-data.sql >/dev/null
"${PSQL[@]}" -d "$DB" >/dev/null <<'SQL'
SET synchronous_commit = off;
-- The reminders already due in the demo's own data are not part of the measure.
CREATE TEMP TABLE n AS
SELECT n.id, n.province_code, n.regency_code, n.created_by,
       (now() AT TIME ZONE (CASE WHEN n.province_code IN ('51','52','53','63','64','65','71','72','73','74','75','76') THEN 'Asia/Makassar'
                                 WHEN n.province_code >= '81' THEN 'Asia/Jayapura' ELSE 'Asia/Jakarta' END))::date AS today,
       CASE WHEN n.province_code IN ('51','52','53','63','64','65','71','72','73','74','75','76') THEN 8 WHEN n.province_code >= '81' THEN 9 ELSE 7 END AS tz
FROM nominations n JOIN award_cycles c ON c.id = n.cycle_id WHERE c.is_current AND NOT c.is_closed AND n.created_by <> '00000000-0000-0000-0000-000000000000';
INSERT INTO coaching_items (nomination_id, province_code, regency_code, finding, recommendation, due_date, status, created_by, created_at, updated_at)
SELECT id, province_code, regency_code, 'Temuan uji', 'Saran uji', today + 1 - (id % 3), 1, created_by, now(), now() FROM n
UNION ALL
SELECT id, province_code, regency_code, 'Temuan uji', 'Saran uji', today + 10, 1, created_by, now(), now() FROM n;
INSERT INTO visits (nomination_id, province_code, regency_code, planned_at, place, purpose, status, created_by, created_at, updated_at)
SELECT id, province_code, regency_code, ((today + 1) + time '10:00') - make_interval(hours => tz), 'Kantor', 'Kunjungan uji', 1, created_by, now(), now()
FROM n WHERE id % 4 = 0;
INSERT INTO visit_members (visit_id, user_id)
SELECT v.id, v.created_by FROM visits v WHERE v.purpose = 'Kunjungan uji'
UNION
SELECT v.id, (SELECT u.id FROM users u WHERE u.province_code = v.province_code AND u.id <> v.created_by AND u.email LIKE '%@bench.paritrana' ORDER BY u.id LIMIT 1)
FROM visits v WHERE v.purpose = 'Kunjungan uji' AND EXISTS (SELECT 1 FROM users u WHERE u.province_code = v.province_code AND u.id <> v.created_by AND u.email LIKE '%@bench.paritrana');
ANALYZE;
SQL
counts=$("${PSQL[@]}" -d "$DB" -c "SELECT (SELECT count(*) FROM nominations n JOIN award_cycles c ON c.id = n.cycle_id WHERE c.is_current) || ' nominations, '
  || (SELECT count(*) FROM users WHERE email LIKE '%@bench.paritrana') || ' scorers, ' || (SELECT count(*) FROM coaching_items) || ' coaching items, '
  || (SELECT count(*) FROM visits) || ' visits'")
echo "data: $counts" >&2
for run in 1 2; do
  before=$(load)
  start=$(date +%s.%N)
  out=$(cd src/Paritrana.Web && dotnet "$APP" send-reminders 2>&1 | tail -1)
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  echo "run $run: ${seconds}s (whole process, start-up included), load $before → $(load): $out"
done
"${PSQL[@]}" -d "$DB" -c "SELECT 'notifications ' || count(*) || ', outbox mails ' || (SELECT count(*) FROM outbox_mails) FROM notifications"

#!/usr/bin/env bash
# Benchmark of the finalist report (issue 6): the PDF of one province with 50 finalists, each with
# three rounds of submitted scorecards by 7 scorers over 25 indicators (the data of
# scripts/bench/scoring.sh, 200 nominations instead of 2,000, the first 50 made finalists), timed
# through the page's PDF handler as the Bali chair signed in.
# Usage: scripts/bench/report.sh   (private PostgreSQL cluster on port 55437; results as Markdown)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source scripts/postgres.sh
command -v wrk >/dev/null || { as_root apt-get install -y -qq wrk >/dev/null; }

PG_DIR=${PARITRANA_BENCH_PG_DIR:-/tmp/paritrana-bench-report-pg}
PORT_PG=${PARITRANA_BENCH_PG_PORT:-55437}
DB=paritrana_bench_report
pg_private_start "$PG_DIR" "$PORT_PG"
PSQL=(psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -v ON_ERROR_STOP=1 -qtA)
"${PSQL[@]}" -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

export ConnectionStrings__Paritrana="Host=127.0.0.1;Port=$PORT_PG;Username=postgres;Database=$DB;Maximum Pool Size=50"
export ASPNETCORE_ENVIRONMENT=Development Demo__Enabled=true DataProtection__KeysDirectory=/tmp/paritrana-bench-keys
export Logging__LogLevel__Default=Warning

dotnet build src/Paritrana.Web -c Release -nologo -v quiet >/dev/null
APP="$ROOT/src/Paritrana.Web/bin/Release/net10.0/Paritrana.Web.dll"
(cd src/Paritrana.Web && dotnet "$APP" migrate >/dev/null)

URL=http://127.0.0.1:5096
(cd src/Paritrana.Web && exec dotnet "$APP" --urls "$URL" >/tmp/paritrana-bench-report.log 2>&1) &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true' EXIT
until curl -s -o /dev/null -w '%{http_code}' "$URL/Account/Login" | grep -q 200; do sleep 0.1; done

# ---- data (the portal has seeded the demo accounts by now) ------------------------------------
gen_start=$(date +%s.%N)
"${PSQL[@]}" -d "$DB" <<'SQL'
SET synchronous_commit = off;
INSERT INTO award_cycles (year, notes, is_current, is_closed, created_at) VALUES (2090, 'benchmark', false, false, now());
INSERT INTO categories (cycle_id, code, name, kind, sort_order, finalist_count, is_active)
SELECT id, 'BESAR', 'Perusahaan Besar', 3, 1, 3, true FROM award_cycles WHERE year = 2090;
INSERT INTO scoring_settings (cycle_id, aggregation, hide_others_until_submitted, disagreement_threshold, show_z_scores)
SELECT id, 1, true, 25, false FROM award_cycles WHERE year = 2090;

-- Criteria: 5 aspects x 5 indicators (weights 20 each), odd indicators on levels 1-5, even on 0-100.
INSERT INTO criteria_sets (cycle_id, category_id, version_number, is_locked, is_current, created_at)
SELECT c.cycle_id, c.id, 1, true, true, now() FROM categories c JOIN award_cycles y ON y.id = c.cycle_id WHERE y.year = 2090;
INSERT INTO aspects (criteria_set_id, code, name, weight, sort_order)
SELECT s.id, 'A' || a, 'Aspek ' || a, 20, a FROM criteria_sets s JOIN award_cycles y ON y.id = s.cycle_id, generate_series(1, 5) a WHERE y.year = 2090;
INSERT INTO indicators (aspect_id, code, name, weight, scale, sort_order, evidence_guidance, rubric1, rubric2, rubric3, rubric4, rubric5)
SELECT a.id, a.code || 'I' || i, 'Indikator ' || i || ' aspek ' || a.code, 20, CASE WHEN i % 2 = 1 THEN 2 ELSE 1 END, i, 'Bukti dokumen.',
       CASE WHEN i % 2 = 1 THEN 'Tidak ada.' END, CASE WHEN i % 2 = 1 THEN 'Sedikit.' END, CASE WHEN i % 2 = 1 THEN 'Sebagian.' END,
       CASE WHEN i % 2 = 1 THEN 'Hampir semua.' END, CASE WHEN i % 2 = 1 THEN 'Semua.' END
FROM aspects a JOIN criteria_sets s ON s.id = a.criteria_set_id JOIN award_cycles y ON y.id = s.cycle_id, generate_series(1, 5) i WHERE y.year = 2090;

-- Seven scorers: the demo chair and member of Bali and five more members.
INSERT INTO users (id, full_name, province_code, is_disabled, created_at, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                   security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
SELECT gen_random_uuid(), 'Penilai Uji ' || n, '51', false, now(), 'penilai' || n || '@bench.paritrana', upper('penilai' || n || '@bench.paritrana'),
       'penilai' || n || '@bench.paritrana', upper('penilai' || n || '@bench.paritrana'), true, md5(random()::text), md5(random()::text), false, false, true, 0
FROM generate_series(1, 5) n;
INSERT INTO user_roles (user_id, role_id)
SELECT u.id, r.id FROM users u, roles r WHERE u.email LIKE '%@bench.paritrana' AND r.name = 'CommitteeMember';
CREATE TEMP TABLE scorers AS
SELECT id, row_number() OVER (ORDER BY email) AS n FROM users
WHERE email LIKE '%@bench.paritrana' OR email IN ('ketua.bali@paritrana.demo', 'anggota.bali@paritrana.demo');

-- 2,000 employers in the regencies and cities of Bali, nominated and ready for scoring.
INSERT INTO organisations (type, name, province_code, regency_code, npp, size_class, sector, latest_programs, is_demo, created_at, updated_at)
SELECT 2, 'PT Uji Penilaian ' || lpad(n::text, 4, '0'), '51', (ARRAY['51.71','51.03','51.02','51.01','51.08','51.04','51.05','51.06','51.07'])[1 + n % 9],
       '7' || lpad(n::text, 9, '0'), 1, 'Jasa', 31, false, now(), now()
FROM generate_series(1, 200) n;
INSERT INTO nominations (cycle_id, category_id, organisation_id, province_code, regency_code, status, figures_as_of, workers, participants_pu, participants_bpu,
                         programs, arrears_months, created_by, created_at, updated_at)
SELECT c.cycle_id, c.id, o.id, o.province_code, o.regency_code, 6, DATE '2089-12-31', 100 + o.id % 900, 50 + o.id % 50, o.id % 7, 31, 0,
       '00000000-0000-0000-0000-000000000000', now(), now()
FROM organisations o, categories c JOIN award_cycles y ON y.id = c.cycle_id
WHERE o.name LIKE 'PT Uji Penilaian %' AND y.year = 2090;

-- Three open rounds, each scoring all five aspects.
INSERT INTO scoring_rounds (cycle_id, province_code, name, kind, weight, sort_order, status, opened_at)
SELECT y.id, '51', r.name, r.kind, r.weight, r.ord, 2, now()
FROM award_cycles y, (VALUES ('Penilaian Dokumen', 1, 40, 1), ('Kunjungan Lapangan', 2, 35, 2), ('Wawancara', 3, 25, 3)) r(name, kind, weight, ord)
WHERE y.year = 2090;
INSERT INTO round_aspects (round_id, aspect_code)
SELECT r.id, 'A' || a FROM scoring_rounds r JOIN award_cycles y ON y.id = r.cycle_id, generate_series(1, 5) a WHERE y.year = 2090;

-- Every scorer assigned to every nomination in every round, every card submitted.
CREATE TEMP TABLE noms AS
SELECT n.id FROM nominations n JOIN award_cycles y ON y.id = n.cycle_id WHERE y.year = 2090;
INSERT INTO assignments (round_id, nomination_id, scorer_id, assigned_by, assigned_at)
SELECT r.id, n.id, s.id, s.id, now() FROM scoring_rounds r JOIN award_cycles y ON y.id = r.cycle_id, noms n, scorers s WHERE y.year = 2090;
INSERT INTO scorecards (round_id, nomination_id, scorer_id, criteria_set_id, province_code, regency_code, status, submitted_at, updated_at)
SELECT a.round_id, a.nomination_id, a.scorer_id, cs.id, n.province_code, n.regency_code, 2, now(), now()
FROM assignments a JOIN nominations n ON n.id = a.nomination_id JOIN criteria_sets cs ON cs.category_id = n.category_id AND cs.is_current
JOIN noms ON noms.id = n.id;
-- Scores are realistic rather than uniform: each nomination has its level per indicator and each
-- scorer deviates a little (on levels one step, one time in ten each way; on 0-100 up to 8 points).
INSERT INTO scores (scorecard_id, indicator_id, value)
SELECT c.id, i.id,
       CASE WHEN i.scale = 2
            THEN least(5, greatest(1, 1 + (c.nomination_id * 7 + i.id * 13) % 5 + CASE floor(random() * 10)::int WHEN 0 THEN -1 WHEN 9 THEN 1 ELSE 0 END))
            ELSE least(100, greatest(0, round((((c.nomination_id * 37 + i.id * 11) % 90) + 5 + (random() - 0.5) * 16)::numeric, 2))) END
FROM scorecards c JOIN aspects a ON a.criteria_set_id = c.criteria_set_id JOIN indicators i ON i.aspect_id = a.id
JOIN noms ON noms.id = c.nomination_id;
-- The card total as ScoringMath computes it (all aspects in every round, so no re-basing): sum of
-- aspect weight x indicator weight x normalised score, stored with four decimals.
UPDATE scorecards c SET total = t.total
FROM (SELECT s.scorecard_id, round(sum(a.weight / 100 * i.weight / 100 * CASE WHEN i.scale = 2 THEN (s.value - 1) * 25 ELSE s.value END), 4) AS total
      FROM scores s JOIN indicators i ON i.id = s.indicator_id JOIN aspects a ON a.id = i.aspect_id GROUP BY s.scorecard_id) t
WHERE t.scorecard_id = c.id;
-- The chair's card of the first nomination in the first round stays a draft: the save loop posts it.
UPDATE scorecards SET status = 1, total = NULL, submitted_at = NULL
WHERE id = (SELECT c.id FROM scorecards c JOIN users u ON u.id = c.scorer_id JOIN scoring_rounds r ON r.id = c.round_id
            WHERE u.email = 'ketua.bali@paritrana.demo' AND r.sort_order = 1 AND c.nomination_id = (SELECT min(id) FROM noms) AND r.cycle_id = (SELECT id FROM award_cycles WHERE year = 2090));
VACUUM ANALYZE scorecards;
ANALYZE;
SQL
gen_end=$(date +%s.%N)
# The first 50 nominations become finalists (a plenary has decided them).
"${PSQL[@]}" -d "$DB" -c "UPDATE nominations SET status = 8 WHERE id IN (SELECT id FROM nominations n WHERE n.cycle_id = (SELECT id FROM award_cycles WHERE year = 2090) ORDER BY id LIMIT 50)"

# ---- sign in as the chair of Bali (the form's antiforgery token plus its cookie) ----------------
jar=$(mktemp)
token=$(curl -s -c "$jar" "$URL/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n1 | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null -X POST "$URL/Account/Login" \
  --data-urlencode "Input.Email=ketua.bali@paritrana.demo" --data-urlencode "Input.Password=Demo-Paritrana-2026" \
  --data-urlencode "__RequestVerificationToken=$token"
grep -q "Paritrana.Auth" "$jar" || { echo "sign-in failed" >&2; exit 1; }

PDF="$URL/Reports/Finalists?cycle=2090&handler=Pdf"
times=()
for i in 1 2 3 4 5 6; do
  t=$(curl -s -o /tmp/paritrana-bench-report.pdf -w '%{http_code} %{time_total}' -b "$jar" "$PDF")
  [ "${t% *}" = 200 ] || { echo "PDF handler answered ${t% *}" >&2; exit 1; }
  [ "$i" = 1 ] || times+=("${t#* }")   # the first run warms up the page and Chromium's disk cache
done
pages=$(pdfinfo /tmp/paritrana-bench-report.pdf | awk '/^Pages:/ {print $2}')
finalists=$(pdftotext /tmp/paritrana-bench-report.pdf - | grep -c "PT Uji Penilaian" || true)
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "| measure | target | result |"
echo "| --- | --- | --- |"
echo "| finalist report PDF, 50 finalists ($pages pages), 5 runs after a warm-up | ≤ 5 s | median $(echo "$sorted" | sed -n 3p) s, slowest $(echo "$sorted" | tail -n1) s |"
echo "| lines of the PDF text naming a finalist (summary row and own section) | 100 | $finalists |"

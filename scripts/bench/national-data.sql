-- National-scale data for scripts/bench/national.sh (issue 7), set-based, on a database that the
-- portal has migrated and seeded with the demo (cycles 2021 and 2025, the demo accounts and offices).
-- psql variables: employers, nominations, scorers, focus (the province whose chair is measured),
-- finalists (how many nominations of the focus province are finalists).
-- Deterministic: no random() without setseed, and choices that depend on a row are arithmetic on
-- its number. Every value respects the model's rules (statuses reached through the workflow's
-- transitions with their history, cards only for assigned scorers of open rounds, totals computed
-- as ScoringMath.CardTotalOf does).
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET client_min_messages = warning;
SELECT setseed(0.2026);

CREATE TEMP TABLE cyc AS SELECT id FROM award_cycles WHERE is_current;
DO $$ BEGIN IF (SELECT count(*) FROM cyc) <> 1 THEN RAISE EXCEPTION 'expected one current cycle (the demo 2025)'; END IF; END $$;

-- ---- BPJamsostek offices: one branch per province for the regencies no demo branch covers ----
INSERT INTO regional_offices (name) VALUES ('Kanwil Uji Nasional');
INSERT INTO branch_offices (name, regional_office_id, province_code, is_active)
SELECT 'Kantor Cabang ' || p.name || ' (uji)', r.id, p.code, true
FROM provinces p, regional_offices r
WHERE r.name = 'Kanwil Uji Nasional'
  AND EXISTS (SELECT 1 FROM regencies_and_cities rc WHERE rc.province_code = p.code
              AND NOT EXISTS (SELECT 1 FROM branch_office_areas a WHERE a.regency_code = rc.code));
INSERT INTO branch_office_areas (branch_office_id, regency_code)
SELECT b.id, rc.code
FROM branch_offices b JOIN regencies_and_cities rc ON rc.province_code = b.province_code
WHERE b.name LIKE 'Kantor Cabang % (uji)'
  AND NOT EXISTS (SELECT 1 FROM branch_office_areas a WHERE a.regency_code = rc.code);

-- ---- employers: spread evenly over the 514 regencies and cities, size classes 5/15/30/50 % ----
CREATE TEMP TABLE regs AS
SELECT code, province_code, (row_number() OVER (ORDER BY code) - 1)::int AS i FROM regencies_and_cities;
INSERT INTO organisations (type, name, province_code, regency_code, npp, branch_office_id, size_class, sector, address,
    latest_as_of, latest_workers, latest_participants_pu, latest_participants_bpu, latest_programs, latest_arrears_months,
    is_demo, created_at, updated_at)
SELECT 2,
       (ARRAY['PT', 'CV', 'UD', 'PT', 'Koperasi'])[1 + s % 5] || ' ' || (ARRAY['Sinar', 'Karya', 'Mitra', 'Cahaya', 'Surya', 'Tirta', 'Mandiri', 'Sentosa'])[1 + s % 8]
           || ' ' || (ARRAY['Abadi', 'Jaya', 'Makmur', 'Lestari', 'Utama', 'Prima', 'Sejahtera'])[1 + s % 7] || ' ' || s,
       g.province_code, g.code, 'NB' || lpad(s::text, 8, '0'), a.branch_office_id, size,
       (ARRAY['Perdagangan besar dan eceran', 'Industri pengolahan', 'Konstruksi', 'Penyediaan akomodasi dan makan minum',
              'Transportasi dan pergudangan', 'Pertanian, kehutanan dan perikanan', 'Jasa keuangan dan asuransi', 'Jasa lainnya'])[1 + s % 8],
       'Jl. Uji Nasional No. ' || (1 + s % 250),
       date '2024-12-31', workers, pu, floor((workers - pu) * r3 * 0.5)::int,
       (ARRAY[31, 15, 7, 3, 31])[1 + floor(r4 * 5)::int], CASE WHEN r5 < 0.85 THEN 0 ELSE 1 + floor((r5 - 0.85) * 40)::int END,
       false, now(), now()
FROM (
    SELECT x.*, floor(workers * (0.4 + r2 * 0.6))::int AS pu
    FROM (
        SELECT s, size, r2, r3, r4, r5,
               CASE size WHEN 1 THEN 1000 + floor(r1 * 20000) WHEN 2 THEN 100 + floor(r1 * 900) WHEN 3 THEN 20 + floor(r1 * 80) ELSE 1 + floor(r1 * 19) END::int AS workers
        FROM (
            SELECT s, r1, r2, r3, r4, r5, CASE WHEN r0 < 0.05 THEN 1 WHEN r0 < 0.20 THEN 2 WHEN r0 < 0.50 THEN 3 ELSE 4 END AS size
            FROM (SELECT s, random() AS r0, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
                  FROM generate_series(1, :employers) AS s ORDER BY s) r
        ) y
    ) x
) e
JOIN regs g ON g.i = (e.s * 7919) % 514
LEFT JOIN branch_office_areas a ON a.regency_code = g.code;

-- Their coverage figures: the latest (as the organisation's latest_*) and half a year earlier.
INSERT INTO coverage_figures (organisation_id, as_of, workers, participants_pu, participants_bpu, programs, arrears_months, recorded_at)
SELECT id, latest_as_of, latest_workers, latest_participants_pu, latest_participants_bpu, latest_programs, latest_arrears_months, now()
FROM organisations WHERE npp LIKE 'NB%';
INSERT INTO coverage_figures (organisation_id, as_of, workers, participants_pu, participants_bpu, programs, arrears_months, recorded_at)
SELECT id, date '2024-06-30', w, least(w, (latest_participants_pu * 0.95)::int), (latest_participants_bpu * 0.9)::int, latest_programs,
       CASE WHEN latest_arrears_months > 0 THEN latest_arrears_months + 1 ELSE id % 20 / 19 END, now()
FROM (SELECT o.*, greatest(1, (latest_workers * 0.97)::int) AS w FROM organisations o WHERE npp LIKE 'NB%') o;

-- ---- governments: every province and every regency or city has its government body ----
INSERT INTO organisations (type, government_level, name, province_code, regency_code, latest_programs, is_demo, created_at, updated_at)
SELECT 1, 1, 'Pemerintah Provinsi ' || p.name, p.code, NULL, 0, false, now(), now()
FROM provinces p
WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.government_level = 1 AND o.province_code = p.code);
INSERT INTO organisations (type, government_level, name, province_code, regency_code, latest_programs, is_demo, created_at, updated_at)
SELECT 1, 2, 'Pemerintah ' || rc.name, rc.province_code, rc.code, 0, false, now(), now()
FROM regencies_and_cities rc
WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.government_level = 2 AND o.regency_code = rc.code);

-- ---- criteria: 5 aspects x 5 indicators (weights 20), levels 1-5 and 0-100 alternately, for each
-- active category of the current cycle that has no current set yet ----
CREATE TEMP TABLE new_sets AS
SELECT c.id AS category_id FROM categories c JOIN cyc ON cyc.id = c.cycle_id
WHERE c.is_active AND NOT EXISTS (SELECT 1 FROM criteria_sets s WHERE s.category_id = c.id AND s.is_current);
INSERT INTO criteria_sets (cycle_id, category_id, version_number, is_locked, is_current, created_at)
SELECT cyc.id, n.category_id, 1, true, true, now() FROM new_sets n, cyc;
INSERT INTO aspects (criteria_set_id, code, name, weight, sort_order)
SELECT s.id, 'A' || a, (ARRAY['Kepesertaan', 'Kepatuhan iuran', 'Manfaat program', 'Kebijakan dan regulasi', 'Inovasi'])[a], 20, a
FROM criteria_sets s JOIN new_sets n ON n.category_id = s.category_id, generate_series(1, 5) a;
INSERT INTO indicators (aspect_id, code, name, weight, scale, sort_order, evidence_guidance, rubric1, rubric2, rubric3, rubric4, rubric5)
SELECT a.id, a.code || '.' || i, 'Indikator ' || i || ' ' || lower(a.name), 20, CASE WHEN i % 2 = 1 THEN 2 ELSE 1 END, i, 'Dokumen pendukung dan data BPJamsostek.',
       CASE WHEN i % 2 = 1 THEN 'Belum ada.' END, CASE WHEN i % 2 = 1 THEN 'Sebagian kecil.' END, CASE WHEN i % 2 = 1 THEN 'Sebagian.' END,
       CASE WHEN i % 2 = 1 THEN 'Hampir semua.' END, CASE WHEN i % 2 = 1 THEN 'Semua.' END
FROM aspects a JOIN criteria_sets s ON s.id = a.criteria_set_id JOIN new_sets n ON n.category_id = s.category_id, generate_series(1, 5) i;
INSERT INTO scoring_settings (cycle_id, aggregation, hide_others_until_submitted, disagreement_threshold, show_z_scores)
SELECT id, 1, true, 25, false FROM cyc ON CONFLICT (cycle_id) DO NOTHING;

-- ---- scorers: committee members spread over the 38 provinces, with the demo accounts' password ----
INSERT INTO users (id, full_name, province_code, is_disabled, created_at, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                   password_hash, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
SELECT md5('penilai' || n)::uuid, 'Penilai Uji ' || lpad(n::text, 3, '0') || ' ' || p.name, p.code, false, now(),
       e, upper(e), e, upper(e), true,
       (SELECT password_hash FROM users WHERE email = 'ketua.bali@paritrana.demo'), md5('stamp' || n), md5('concurrency' || n), false, false, true, 0
FROM generate_series(1, :scorers) n
CROSS JOIN LATERAL (SELECT 'penilai' || lpad(n::text, 3, '0') || '@bench.paritrana' AS e) m
JOIN (SELECT code, name, (row_number() OVER (ORDER BY code) - 1)::int AS i FROM provinces) p ON p.i = (n - 1) % 38;
INSERT INTO user_roles (user_id, role_id)
SELECT u.id, r.id FROM users u, roles r WHERE u.email LIKE '%@bench.paritrana' AND r.name = 'CommitteeMember';
-- Each province's scorer pool: its bench members and the demo chair and member where it has them.
CREATE TEMP TABLE pool AS
SELECT u.id, u.province_code, (row_number() OVER (PARTITION BY u.province_code ORDER BY u.email) - 1)::int AS k,
       count(*) OVER (PARTITION BY u.province_code)::int AS m
FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
WHERE r.name IN ('CommitteeMember', 'CommitteeChair') AND u.province_code IS NOT NULL;

-- ---- nominations: every provincial government, every other regency or city, and employers by
-- size (a quarter large, 30 % medium, the rest small and micro), 5,000 in all ----
CREATE TEMP TABLE cats AS
SELECT c.code, c.id FROM categories c JOIN cyc ON cyc.id = c.cycle_id;
CREATE TEMP TABLE picks AS
SELECT o.id AS organisation_id, (SELECT id FROM cats WHERE code = 'PEMPROV') AS category_id
FROM organisations o WHERE o.government_level = 1
UNION ALL
SELECT o.id, (SELECT id FROM cats WHERE code = 'PEMKAB')
FROM organisations o JOIN regs g ON g.code = o.regency_code WHERE o.government_level = 2 AND g.i % 2 = 0;
DELETE FROM picks p WHERE EXISTS (SELECT 1 FROM nominations n JOIN cyc ON cyc.id = n.cycle_id WHERE n.organisation_id = p.organisation_id);
INSERT INTO picks
SELECT id, category_id FROM (
    SELECT o.id, c.id AS category_id, least(o.size_class, 3) AS grp,
           row_number() OVER (PARTITION BY least(o.size_class, 3) ORDER BY (o.id::bigint * 2654435761) % 4294967296, o.id) AS r
    FROM organisations o JOIN cats c ON c.code = CASE o.size_class WHEN 1 THEN 'BESAR' WHEN 2 THEN 'MENENGAH' ELSE 'UMK' END
    WHERE o.npp LIKE 'NB%'
) x, (SELECT :nominations - count(*) AS n FROM picks) q
WHERE r <= CASE grp WHEN 1 THEN q.n * 25 / 100 WHEN 2 THEN q.n * 30 / 100 ELSE q.n - q.n * 25 / 100 - q.n * 30 / 100 END;

-- Status from a hash of the organisation: 4 % draft, 6 % submitted, 2 % returned, 4 % verified,
-- 9 % in field assessment, 45 % ready for scoring, 23 % scored, 2 % finalist, 3 % not shortlisted,
-- 2 % withdrawn (in field assessment). The focus province gets exactly :finalists finalists below.
CREATE TEMP TABLE bench_noms AS
SELECT p.organisation_id, p.category_id, o.province_code, o.regency_code, o.type, o.latest_workers, o.latest_participants_pu, o.latest_participants_bpu,
       o.latest_programs, o.latest_arrears_months, coalesce(o.branch_office_id, a.branch_office_id) AS branch_office_id,
       CASE WHEN h < 40 THEN 1 WHEN h < 100 THEN 2 WHEN h < 120 THEN 4 WHEN h < 160 THEN 3 WHEN h < 250 THEN 5 WHEN h < 700 THEN 6
            WHEN h < 930 THEN 7 WHEN h < 950 THEN 8 WHEN h < 980 THEN 9 ELSE 13 END AS status,
       (SELECT id FROM pool WHERE pool.province_code = o.province_code AND pool.k = p.organisation_id % pool.m) AS created_by
FROM picks p JOIN organisations o ON o.id = p.organisation_id
LEFT JOIN branch_office_areas a ON a.regency_code = o.regency_code
CROSS JOIN LATERAL (SELECT ((p.organisation_id::bigint * 7919 + 17) % 1000)::int AS h) hh;
UPDATE bench_noms SET status = 6 WHERE province_code = :'focus' AND status = 8;
UPDATE bench_noms SET status = 8 WHERE organisation_id IN (
    SELECT organisation_id FROM bench_noms WHERE province_code = :'focus' AND status IN (6, 7) ORDER BY (organisation_id::bigint * 40503) % 65536, organisation_id LIMIT :finalists);

INSERT INTO nominations (cycle_id, category_id, organisation_id, province_code, regency_code, branch_office_id, status, summary, figures_as_of,
    workers, participants_pu, participants_bpu, programs, arrears_months, all_workers_registered, wages_reported_correctly, uses_sipp, jmo_users,
    workforce_bps, protected_pu, protected_bpu, non_asn_workers, non_asn_covered, verified_at, last_return_reason, created_by, created_at, updated_at)
SELECT cyc.id, b.category_id, b.organisation_id, b.province_code, b.regency_code, b.branch_office_id, b.status,
       'Diusulkan tim panitia provinsi untuk siklus berjalan.', date '2024-12-31',
       b.latest_workers, b.latest_participants_pu, b.latest_participants_bpu, CASE WHEN b.type = 2 THEN b.latest_programs ELSE 0 END, b.latest_arrears_months,
       CASE WHEN b.type = 2 THEN b.latest_arrears_months = 0 END, CASE WHEN b.type = 2 THEN true END, CASE WHEN b.type = 2 THEN b.organisation_id % 3 > 0 END,
       CASE WHEN b.type = 2 THEN b.latest_participants_pu / 2 END,
       CASE WHEN b.type = 1 THEN 150000 + (b.organisation_id::bigint * 7919) % 2000000 END,
       CASE WHEN b.type = 1 THEN ((150000 + (b.organisation_id::bigint * 7919) % 2000000) * (20 + b.organisation_id % 40) / 100)::int END,
       CASE WHEN b.type = 1 THEN ((150000 + (b.organisation_id::bigint * 7919) % 2000000) * (5 + b.organisation_id % 15) / 100)::int END,
       CASE WHEN b.type = 1 THEN 2000 + b.organisation_id % 9000 END, CASE WHEN b.type = 1 THEN 1000 + b.organisation_id % 6000 END,
       CASE WHEN b.status IN (3, 5, 6, 7, 8, 9, 13) THEN timestamptz '2025-03-10 10:00+08' + (b.organisation_id % 600) * interval '1 hour' END,
       CASE WHEN b.status = 4 THEN 'Jumlah peserta tidak sesuai data BPJamsostek per 31 Desember 2024.' END,
       b.created_by, timestamptz '2025-02-01 09:00+08' + (b.organisation_id % 500) * interval '7 minutes', now()
FROM bench_noms b, cyc;
CREATE TEMP TABLE noms AS
SELECT n.id, n.province_code, n.status, n.created_by, n.category_id, n.regency_code,
       (row_number() OVER (PARTITION BY n.province_code ORDER BY n.id) - 1)::int AS j
FROM nominations n JOIN bench_noms b ON b.organisation_id = n.organisation_id JOIN cyc ON cyc.id = n.cycle_id;

-- Their status history, step by step through the workflow's transitions.
INSERT INTO status_changes (nomination_id, "from", "to", action, user_id, user_name, reason, at)
SELECT n.id, t.f, t.t, t.a, CASE WHEN t.a IN (2, 3) THEN NULL ELSE n.created_by END,
       CASE WHEN t.a IN (2, 3) THEN 'Petugas Kantor Cabang (uji)' ELSE 'Penilai Uji' END, t.reason,
       timestamptz '2025-02-01 09:00+08' + t.step * interval '9 days' + (n.id % 500) * interval '7 minutes'
FROM noms n
JOIN (VALUES
    (2, 1, 1, 2, 1, NULL),
    (4, 1, 1, 2, 1, NULL), (4, 2, 2, 4, 3, 'Jumlah peserta tidak sesuai data BPJamsostek per 31 Desember 2024.'),
    (13, 1, 1, 2, 1, NULL), (13, 2, 2, 3, 2, NULL), (13, 3, 3, 5, 4, NULL), (13, 4, 5, 13, 12, 'Perusahaan mengundurkan diri dari penilaian.'),
    (8, 6, 7, 8, 7, NULL), (9, 6, 7, 9, 8, NULL)
) AS t(final, step, f, t, a, reason) ON t.final = n.status
UNION ALL
SELECT n.id, t.f, t.t, t.a, CASE WHEN t.a = 2 THEN NULL ELSE n.created_by END,
       CASE WHEN t.a = 2 THEN 'Petugas Kantor Cabang (uji)' ELSE 'Penilai Uji' END, NULL,
       timestamptz '2025-02-01 09:00+08' + t.step * interval '9 days' + (n.id % 500) * interval '7 minutes'
FROM noms n
JOIN (VALUES (1, 1, 2, 1, 2), (2, 2, 3, 2, 3), (3, 3, 5, 4, 5), (4, 5, 6, 5, 6), (5, 6, 7, 6, 7)) AS t(step, f, t, a, reaches) ON
    n.status IN (3, 5, 6, 7, 8, 9) AND t.reaches <= CASE WHEN n.status IN (8, 9) THEN 7 ELSE n.status END;

-- ---- scoring: three open rounds in every province, each scoring all five aspects ----
-- (Not in a province where the demo already has rounds: Bali. Only the rounds made here are used below.)
CREATE TEMP TABLE rounds (id integer, province_code text, sort_order integer);
WITH made AS (
    INSERT INTO scoring_rounds (cycle_id, province_code, name, kind, weight, sort_order, status, opened_at)
    SELECT cyc.id, p.code, r.name, r.kind, r.weight, r.ord, 2, timestamptz '2025-06-02 08:00+07'
    FROM cyc, provinces p, (VALUES ('Penilaian Dokumen', 1, 40, 1), ('Kunjungan Lapangan', 2, 35, 2), ('Wawancara', 3, 25, 3)) r(name, kind, weight, ord)
    WHERE NOT EXISTS (SELECT 1 FROM scoring_rounds x WHERE x.cycle_id = cyc.id AND x.province_code = p.code)
    RETURNING id, province_code, sort_order
)
INSERT INTO rounds SELECT id, province_code, sort_order FROM made;
-- Every aspect code of the cycle's current criteria sets (the demo's templates since issue 9, or the
-- A1-A5 made above), so that every card has indicators to score whatever its category.
INSERT INTO round_aspects (round_id, aspect_code)
SELECT r.id, codes.code FROM rounds r,
    (SELECT DISTINCT a.code FROM aspects a JOIN criteria_sets s ON s.id = a.criteria_set_id JOIN cyc ON cyc.id = s.cycle_id WHERE s.is_current) codes;

-- Every nomination from ready for scoring on is scored in every round by four of its province's
-- scorers, taken in turn (as the assignment balancer spreads them); every card submitted.
INSERT INTO assignments (round_id, nomination_id, scorer_id, assigned_by, assigned_at)
SELECT r.id, n.id, p.id, n.created_by, timestamptz '2025-06-02 09:00+07'
FROM noms n JOIN rounds r ON r.province_code = n.province_code
JOIN pool p ON p.province_code = n.province_code AND ((p.k - n.j) % p.m + p.m) % p.m < 4
WHERE n.status IN (6, 7, 8, 9);
INSERT INTO scorecards (round_id, nomination_id, scorer_id, criteria_set_id, province_code, regency_code, status, submitted_at, updated_at)
SELECT a.round_id, a.nomination_id, a.scorer_id, cs.id, n.province_code, n.regency_code, 2,
       timestamptz '2025-06-20 10:00+07' + (a.id % 1000) * interval '3 minutes', timestamptz '2025-06-20 10:00+07' + (a.id % 1000) * interval '3 minutes'
FROM assignments a JOIN noms n ON n.id = a.nomination_id JOIN criteria_sets cs ON cs.category_id = n.category_id AND cs.is_current;
-- Scores: each nomination has its level per indicator and each scorer deviates a little (one step
-- on levels one time in ten each way, up to 8 points on 0-100), so some indicators disagree.
INSERT INTO scores (scorecard_id, indicator_id, value)
SELECT c.id, i.id,
       CASE WHEN i.scale = 2
            THEN least(5, greatest(1, 1 + (c.nomination_id * 7 + i.id * 13) % 5 + CASE floor(random() * 10)::int WHEN 0 THEN -1 WHEN 9 THEN 1 ELSE 0 END))
            ELSE least(100, greatest(0, round((((c.nomination_id * 37 + i.id * 11) % 90) + 5 + (random() - 0.5) * 16)::numeric, 2))) END
FROM (SELECT c.* FROM scorecards c JOIN noms ON noms.id = c.nomination_id ORDER BY c.id) c
JOIN aspects a ON a.criteria_set_id = c.criteria_set_id
JOIN round_aspects ra ON ra.round_id = c.round_id AND ra.aspect_code = a.code
JOIN indicators i ON i.aspect_id = a.id
ORDER BY c.id, i.id;
-- The card total as ScoringMath.CardTotalOf computes it: each aspect's sum of indicator weight x
-- normalised score, weighted by the aspect's share of the round's aspect weights; four decimals.
UPDATE scorecards c SET total = t.total
FROM (SELECT scorecard_id, round(sum(weight * score) / sum(weight), 4) AS total
      FROM (SELECT s.scorecard_id, a.id, a.weight, sum(i.weight / 100 * CASE WHEN i.scale = 2 THEN (s.value - 1) * 25 ELSE s.value END) AS score
            FROM scores s JOIN indicators i ON i.id = s.indicator_id JOIN aspects a ON a.id = i.aspect_id
            GROUP BY s.scorecard_id, a.id, a.weight) per_aspect
      GROUP BY scorecard_id) t
WHERE t.scorecard_id = c.id;
-- The focus chair's card of one nomination still being scored, in the first round, stays a draft:
-- the benchmark's save loop posts it.
UPDATE scorecards SET status = 1, total = NULL, submitted_at = NULL
WHERE id = (SELECT c.id FROM scorecards c JOIN users u ON u.id = c.scorer_id JOIN rounds r ON r.id = c.round_id JOIN noms n ON n.id = c.nomination_id
            WHERE u.email LIKE 'ketua.%@paritrana.demo' AND u.province_code = :'focus' AND r.sort_order = 1 AND n.status = 6
            ORDER BY c.nomination_id LIMIT 1);

-- ---- the national stage (issue 17, docs/decisions/043): every province's finalists forwarded but the
-- focus province's (whose 50 finalists the report and ranking measurements keep), national criteria
-- copied from each category's provincial set (stage 2), two open national rounds (administrative
-- verification 60 %, interview 40 %), 12 national jurors, each finalist scored in both rounds by 5 of
-- them taken in turn, every card submitted ----
UPDATE nominations n SET status = 10 FROM cyc WHERE n.cycle_id = cyc.id AND n.status = 8 AND n.province_code <> :'focus';
CREATE TEMP TABLE pooln AS
SELECT n.id, n.category_id, n.province_code, (row_number() OVER (ORDER BY n.id) - 1)::int AS j
FROM nominations n JOIN cyc ON cyc.id = n.cycle_id WHERE n.status = 10;
CREATE TEMP TABLE nsets AS
SELECT s.id AS src, s.category_id FROM criteria_sets s JOIN cyc ON cyc.id = s.cycle_id
WHERE s.is_current AND s.stage = 1 AND s.category_id IN (SELECT category_id FROM pooln)
  AND NOT EXISTS (SELECT 1 FROM criteria_sets x WHERE x.category_id = s.category_id AND x.stage = 2);
INSERT INTO criteria_sets (cycle_id, category_id, version_number, is_locked, is_current, created_at, stage)
SELECT cyc.id, n.category_id, 1, true, true, now(), 2 FROM nsets n, cyc;
INSERT INTO aspects (criteria_set_id, code, name, weight, sort_order)
SELECT d.id, a.code, a.name, a.weight, a.sort_order
FROM nsets n JOIN criteria_sets d ON d.category_id = n.category_id AND d.stage = 2 JOIN aspects a ON a.criteria_set_id = n.src;
INSERT INTO indicators (aspect_id, code, name, weight, scale, sort_order, evidence_guidance, rubric1, rubric2, rubric3, rubric4, rubric5)
SELECT da.id, i.code, i.name, i.weight, i.scale, i.sort_order, i.evidence_guidance, i.rubric1, i.rubric2, i.rubric3, i.rubric4, i.rubric5
FROM nsets n JOIN criteria_sets d ON d.category_id = n.category_id AND d.stage = 2
JOIN aspects sa ON sa.criteria_set_id = n.src JOIN aspects da ON da.criteria_set_id = d.id AND da.code = sa.code
JOIN indicators i ON i.aspect_id = sa.id;
CREATE TEMP TABLE nrounds (id integer, ord integer);
WITH made AS (
    INSERT INTO scoring_rounds (cycle_id, province_code, name, kind, weight, sort_order, status, opened_at)
    SELECT cyc.id, '00', r.name, r.kind, r.weight, r.ord, 2, timestamptz '2025-09-01 08:00+07'
    FROM cyc, (VALUES ('Verifikasi Administrasi Nasional', 1, 60, 1), ('Wawancara Nasional', 3, 40, 2)) r(name, kind, weight, ord)
    WHERE NOT EXISTS (SELECT 1 FROM scoring_rounds x WHERE x.cycle_id = cyc.id AND x.province_code = '00')
    RETURNING id, sort_order
)
INSERT INTO nrounds SELECT id, sort_order FROM made;
INSERT INTO round_aspects (round_id, aspect_code)
SELECT r.id, codes.code FROM nrounds r,
    (SELECT DISTINCT a.code FROM aspects a JOIN criteria_sets s ON s.id = a.criteria_set_id JOIN cyc ON cyc.id = s.cycle_id WHERE s.is_current AND s.stage = 2) codes;
INSERT INTO users (id, full_name, province_code, is_disabled, created_at, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                   password_hash, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
SELECT md5('juri' || n)::uuid, 'Juri Nasional Uji ' || lpad(n::text, 2, '0'), NULL, false, now(), e, upper(e), e, upper(e), true,
       (SELECT password_hash FROM users WHERE email = 'ketua.bali@paritrana.demo'), md5('stamp-juri' || n), md5('concurrency-juri' || n), false, false, true, 0
FROM generate_series(1, 12) n CROSS JOIN LATERAL (SELECT 'juri' || lpad(n::text, 2, '0') || '@bench-national.paritrana' AS e) m;
INSERT INTO user_roles (user_id, role_id)
SELECT u.id, r.id FROM users u, roles r WHERE u.email LIKE '%@bench-national.paritrana' AND r.name = 'NationalJuror';
CREATE TEMP TABLE jury AS
SELECT u.id, (row_number() OVER (ORDER BY u.email) - 1)::int AS k FROM users u WHERE u.email LIKE '%@bench-national.paritrana';
INSERT INTO assignments (round_id, nomination_id, scorer_id, assigned_by, assigned_at)
SELECT r.id, n.id, j.id, (SELECT id FROM users WHERE email = 'admin@paritrana.demo'), timestamptz '2025-09-01 09:00+07'
FROM pooln n CROSS JOIN nrounds r JOIN jury j ON ((j.k - n.j) % 12 + 12) % 12 < 5;
INSERT INTO scorecards (round_id, nomination_id, scorer_id, criteria_set_id, province_code, regency_code, status, submitted_at, updated_at)
SELECT a.round_id, a.nomination_id, a.scorer_id, cs.id, '00', NULL, 2,
       timestamptz '2025-09-10 10:00+07' + (a.id % 1000) * interval '3 minutes', timestamptz '2025-09-10 10:00+07' + (a.id % 1000) * interval '3 minutes'
FROM assignments a JOIN nrounds r ON r.id = a.round_id JOIN pooln n ON n.id = a.nomination_id
JOIN criteria_sets cs ON cs.category_id = n.category_id AND cs.is_current AND cs.stage = 2;
INSERT INTO scores (scorecard_id, indicator_id, value)
SELECT c.id, i.id,
       CASE WHEN i.scale = 2
            THEN least(5, greatest(1, 1 + (c.nomination_id * 7 + i.id * 13) % 5 + CASE floor(random() * 10)::int WHEN 0 THEN -1 WHEN 9 THEN 1 ELSE 0 END))
            ELSE least(100, greatest(0, round((((c.nomination_id * 37 + i.id * 11) % 90) + 5 + (random() - 0.5) * 16)::numeric, 2))) END
FROM (SELECT c.* FROM scorecards c JOIN nrounds r ON r.id = c.round_id ORDER BY c.id) c
JOIN aspects a ON a.criteria_set_id = c.criteria_set_id
JOIN round_aspects ra ON ra.round_id = c.round_id AND ra.aspect_code = a.code
JOIN indicators i ON i.aspect_id = a.id
ORDER BY c.id, i.id;
UPDATE scorecards c SET total = t.total
FROM (SELECT scorecard_id, round(sum(weight * score) / sum(weight), 4) AS total
      FROM (SELECT s.scorecard_id, a.id, a.weight, sum(i.weight / 100 * CASE WHEN i.scale = 2 THEN (s.value - 1) * 25 ELSE s.value END) AS score
            FROM scores s JOIN scorecards sc ON sc.id = s.scorecard_id JOIN nrounds r ON r.id = sc.round_id
            JOIN indicators i ON i.id = s.indicator_id JOIN aspects a ON a.id = i.aspect_id
            GROUP BY s.scorecard_id, a.id, a.weight) per_aspect
      GROUP BY scorecard_id) t
WHERE t.scorecard_id = c.id;
VACUUM ANALYZE scorecards;
VACUUM ANALYZE scores;
ANALYZE;

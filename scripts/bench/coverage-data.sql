-- Coverage-scale data for scripts/bench/coverage.sh (issue 16), set-based, on a database the portal
-- has migrated and seeded with the demo: 700,000 employers (BPJamsostek's order of magnitude) spread
-- over the 514 regencies and cities with their latest figures, and 60 monthly regional periods
-- (2019-01 to 2023-12) for every regency and city. psql variable: employers.
-- Deterministic: setseed, and choices that are arithmetic on the row number.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET client_min_messages = warning;
SELECT setseed(0.2016);

CREATE TEMP TABLE regs AS
SELECT code, province_code, (row_number() OVER (ORDER BY code) - 1)::int AS i FROM regencies_and_cities;

-- Employers: size classes 5/15/30/50 %, 85 % with figures, programmes and arrears varied.
INSERT INTO organisations (type, name, province_code, regency_code, npp, size_class, sector,
    latest_as_of, latest_workers, latest_participants_pu, latest_participants_bpu, latest_programs, latest_arrears_months,
    is_demo, created_at, updated_at)
SELECT 2, 'PT Cakupan Uji ' || s, g.province_code, g.code, 'CB' || lpad(s::text, 8, '0'),
       CASE WHEN r0 < 0.05 THEN 1 WHEN r0 < 0.20 THEN 2 WHEN r0 < 0.50 THEN 3 ELSE 4 END,
       'Jasa lainnya',
       CASE WHEN s % 20 < 17 THEN date '2023-12-31' END,
       CASE WHEN s % 20 < 17 THEN 1 + floor(r1 * 500)::int END,
       CASE WHEN s % 20 < 17 THEN floor(r1 * 400)::int END,
       CASE WHEN s % 20 < 17 THEN floor(r2 * 20)::int END,
       (ARRAY[31, 15, 7, 3, 31])[1 + s % 5],
       CASE WHEN s % 20 >= 17 THEN NULL WHEN r3 < 0.85 THEN 0 ELSE 1 + floor((r3 - 0.85) * 40)::int END,
       false, now(), now()
FROM (SELECT s, random() AS r0, random() AS r1, random() AS r2, random() AS r3 FROM generate_series(1, :employers) AS s) e
JOIN regs g ON g.i = (e.s::bigint * 7919) % 514;

-- Regional figures: 60 months for each of the 514 regencies and cities, coverage rising over time,
-- in place of the demo's own (Bali and Jawa Tengah, 2022-12 to 2023-12, seeded at the portal's start).
DELETE FROM regional_figures;
INSERT INTO regional_figures (regency_code, period, formal_workers, informal_workers, participants_pu, participants_bpu,
    active_employers, aware_villages, recorded_at)
SELECT g.code, (date '2019-01-01' + make_interval(months => m))::date,
       formal, informal,
       floor(formal * (0.35 + 0.004 * m + (g.i % 7) * 0.02))::bigint,
       floor(informal * (0.08 + 0.002 * m + (g.i % 5) * 0.01))::bigint,
       500 + (g.i * 37) % 9000 + m * 10,
       CASE WHEN g.i % 4 = 0 THEN NULL ELSE (g.i % 9) + m / 12 END,
       now()
FROM regs g
CROSS JOIN generate_series(0, 59) AS m
CROSS JOIN LATERAL (SELECT 50000 + (g.i * 7919) % 400000 AS formal, 80000 + (g.i * 104729) % 600000 AS informal) w;

ANALYZE organisations;
ANALYZE regional_figures;

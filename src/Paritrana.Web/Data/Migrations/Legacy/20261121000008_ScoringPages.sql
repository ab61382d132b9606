-- 20261121000008_ScoringPages: a covering index for the ranking (issue 5). The ranking reads the
-- total of every submitted card of the province's rounds; with this index PostgreSQL reads them
-- from the index alone (index-only scan) instead of the whole scorecards table. See the scoring
-- section of docs/benchmarks.md.

CREATE INDEX ix_scorecards_round_totals ON scorecards (round_id, status) INCLUDE (province_code, nomination_id, scorer_id, total);

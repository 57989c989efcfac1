-- The kept aggregates' functions in PL/pgSQL (issue 16): as LANGUAGE sql functions that are not inlined, PostgreSQL
-- planned their statement again on every call — 0.7 ms of a case registration's 2.6 ms insert went to planning
-- indicator_parts_case, 0.16 ms to the apply's INSERT (pg_stat_statements, docs/PERFORMANCE.md "Round 6 — writes").
-- PL/pgSQL keeps each statement's plan for the session; the part functions' plans are forced generic, since with a
-- row as parameter PostgreSQL otherwise kept choosing a custom plan (planned again per call). The bodies are those of
-- migration 0025, unchanged; case_tally_add (migration 0023) names the penalty kinds in its own expression instead of
-- calling the SQL function case_penalty_kinds, which was planned per call too (same result: the property tests).
CREATE OR REPLACE FUNCTION indicator_tally_apply(gone indicator_tally_part[], came indicator_tally_part[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_tallies AS t (organization_id, unit_id, year, key, slot, n, amount_fen)
  SELECT organization_id, unit_id, year, key, slot, sum(n)::integer, sum(amount_fen)::bigint
  FROM (SELECT g.organization_id, g.unit_id, g.year, g.key, g.slot, -g.n AS n, -g.amount_fen AS amount_fen FROM unnest(gone) g
        UNION ALL
        SELECT c.organization_id, c.unit_id, c.year, c.key, c.slot, c.n, c.amount_fen FROM unnest(came) c) d
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(n) <> 0 OR sum(amount_fen) <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT indicator_tallies_key DO UPDATE SET n = t.n + excluded.n, amount_fen = t.amount_fen + excluded.amount_fen;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION indicator_parts_case(c cases) RETURNS SETOF indicator_tally_part LANGUAGE plpgsql
  SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  RETURN QUERY
  SELECT c.organization_id, NULL::integer, y::smallint, 'cases_active', (c.id % 8)::smallint, 1, 0::bigint
    FROM generate_series(extract(year FROM c.registered_on)::integer, extract(year FROM c.last_acted_on)::integer) AS y
  UNION ALL
  SELECT c.organization_id, NULL, extract(year FROM c.decided_on)::smallint, k.key, (c.id % 8)::smallint, 1, k.amount
    FROM (SELECT coalesce(c.fine_fen, 0) + coalesce((c.record -> 'decision' -> 'penalty' ->> 'confiscationFen')::bigint, 0) AS money) m,
         LATERAL (VALUES ('penalty_cases', 0::bigint, true), ('penalty_amount', m.money, m.money > 0)) AS k(key, amount, counts)
    WHERE c.decision_kind = 'penalty' AND c.decision_status <> 'revoked' AND c.decided_on IS NOT NULL AND k.counts
  UNION ALL
  SELECT c.organization_id, NULL, extract(year FROM c.decided_on)::smallint, k.key, (c.id % 8)::smallint, 1, k.amount
    FROM (SELECT (c.record -> 'proposal' -> 'penalty' ->> 'fineFen')::bigint AS waived) m,
         LATERAL (VALUES ('non_penalty_cases', 0::bigint, true), ('exempted_amount', m.waived, coalesce(m.waived > 0, false))) AS k(key, amount, counts)
    WHERE c.decision_kind = 'noPenalty' AND c.decision_status <> 'revoked' AND c.decided_on IS NOT NULL
      AND (c.record -> 'decision' ->> 'ground') IN ('firstViolation', 'minor', 'noFault', 'underFourteen', 'mentalIllness') AND k.counts
  UNION ALL
  SELECT c.organization_id, NULL, r.y::smallint, 'legal_reviews', (c.id % 8)::smallint, 1, 0::bigint
    FROM (SELECT DISTINCT left(e ->> 'on', 4)::integer AS y
            FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.record -> 'legalReviews') = 'array' THEN c.record -> 'legalReviews' ELSE '[]'::jsonb END) AS e
           WHERE e ->> 'on' ~ '^[0-9]{4}-') r
    WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(c.record -> 'legalReviews') AS e
                   WHERE e ->> 'on' BETWEEN r.y || '-01-01' AND r.y || '-12-31')
      AND c.first_review_on <= r.y || '-12-31' AND c.last_review_on >= r.y || '-01-01';
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION indicator_parts_publicity(p case_publicity) RETURNS SETOF indicator_tally_part LANGUAGE plpgsql
  SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  RETURN QUERY
  SELECT p.organization_id, NULL::integer, extract(year FROM (p.published_at AT TIME ZONE 'Asia/Shanghai'))::smallint, 'penalties_published',
         (p.case_id % 8)::smallint, 1, 0::bigint
  WHERE p.published_at IS NOT NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION indicator_parts_work_order(o work_orders) RETURNS SETOF indicator_tally_part LANGUAGE plpgsql
  SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  RETURN QUERY
  SELECT o.organization_id, o.unit_id, y::smallint, 'orders_active', (o.id % 8)::smallint, 1, 0::bigint
    FROM (SELECT DISTINCT extract(year FROM d)::integer AS y FROM unnest(ARRAY[o.received_on, o.last_acted_on]) AS d) years
  UNION ALL
  SELECT o.organization_id, o.unit_id, extract(year FROM o.completed_on)::smallint, 'petitions_handled', (o.id % 8)::smallint, 1, 0::bigint
    WHERE o.completed_on IS NOT NULL
  UNION ALL
  SELECT o.organization_id, o.unit_id, extract(year FROM o.visited_on)::smallint, k, (o.id % 8)::smallint, 1, 0::bigint
    FROM unnest(CASE WHEN o.last_satisfaction IN ('satisfied', 'basic') THEN ARRAY['orders_visited', 'orders_satisfied'] ELSE ARRAY['orders_visited'] END) AS k
    WHERE o.visited_on IS NOT NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION indicator_parts_patrol(p patrols) RETURNS SETOF indicator_tally_part LANGUAGE plpgsql
  SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  RETURN QUERY
  SELECT p.organization_id, NULL::integer, y::smallint, 'inspections_active', (p.id % 8)::smallint, 1, 0::bigint
    FROM (SELECT DISTINCT extract(year FROM d)::integer AS y FROM unnest(ARRAY[p.planned_on, p.last_acted_on]) AS d) years
  UNION ALL
  SELECT p.organization_id, NULL, extract(year FROM (p.started_at AT TIME ZONE 'Asia/Shanghai'))::smallint, k.key, (p.id % 8)::smallint, k.n, 0::bigint
    FROM (VALUES ('inspections', 1), ('inspection_staff_trips', coalesce(cardinality(p.officer_ids), 0))) AS k(key, n)
    WHERE p.started_at IS NOT NULL AND p.state <> 'cancelled' AND k.n > 0;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION indicator_parts_patrol_problem(pp patrol_problems) RETURNS SETOF indicator_tally_part LANGUAGE plpgsql
  SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  RETURN QUERY
  SELECT pp.organization_id, NULL::integer, extract(year FROM pp.found_on)::smallint, k.key, (pp.id % 8)::smallint, 1, 0::bigint
    FROM (VALUES ('issues_found', true), ('issues_rectified', pp.state = 'rectified'), ('issues_rectifiable', pp.state <> 'referred')) AS k(key, counts)
    WHERE k.counts;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION indicator_parts_inspection(i inspections) RETURNS SETOF indicator_tally_part LANGUAGE plpgsql
  SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  RETURN QUERY
  SELECT i.organization_id, NULL::integer, y::smallint, 'inspections_active', (i.id % 8)::smallint, 1, 0::bigint
    FROM (SELECT DISTINCT extract(year FROM d)::integer AS y FROM unnest(ARRAY[i.registered_on, i.last_acted_on, i.inspected_on]) AS d WHERE d IS NOT NULL) years
  UNION ALL
  SELECT i.organization_id, NULL, extract(year FROM i.inspected_on)::smallint, k.key, (i.id % 8)::smallint, k.n, 0::bigint
    FROM (VALUES ('inspections', 1), ('inspection_staff_trips', CASE WHEN jsonb_typeof(i.officers) = 'array' THEN jsonb_array_length(i.officers) ELSE 0 END)) AS k(key, n)
    WHERE i.inspected_on IS NOT NULL AND i.state <> 'cancelled' AND k.n > 0
  UNION ALL
  SELECT i.organization_id, NULL, extract(year FROM (i.record -> 'findings' ->> 'on')::date)::smallint, k.key, (i.id % 8)::smallint, 1, 0::bigint
    FROM (VALUES ('issues_found', true), ('issues_rectified', i.state = 'closed'), ('issues_rectifiable', i.state <> 'referred')) AS k(key, counts)
    WHERE i.record -> 'findings' ->> 'outcome' IN ('rectify', 'refer') AND i.record -> 'findings' ->> 'on' IS NOT NULL AND k.counts;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION case_tally_add(c cases, delta integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  in_force boolean := coalesce(c.decision_kind = 'penalty' AND c.decision_status <> 'revoked', false);
BEGIN
  INSERT INTO case_tallies AS t (organization_id, registered_on, state, power_item_id, decided, penalty, penalty_kinds, slot, cases, fine_fen)
  VALUES (c.organization_id, c.registered_on, c.state, c.power_item_id, c.decided_on IS NOT NULL, in_force,
          CASE WHEN in_force AND jsonb_typeof(c.record -> 'decision' -> 'penalty' -> 'kinds') = 'array'
            THEN ARRAY(SELECT jsonb_array_elements_text(c.record -> 'decision' -> 'penalty' -> 'kinds')) ELSE '{}'::text[] END,
          (c.id % 8)::smallint, delta, CASE WHEN in_force THEN delta * coalesce(c.fine_fen, 0) ELSE 0 END)
  ON CONFLICT ON CONSTRAINT case_tallies_key DO UPDATE SET cases = t.cases + excluded.cases, fine_fen = t.fine_fen + excluded.fine_fen;
END $$;
--> statement-breakpoint
-- The kept counters' triggers (case_tallies, migration 0023; indicator_tallies, migration 0025) run at COMMIT
-- (constraint triggers, DEFERRABLE INITIALLY DEFERRED), not at the row's write: a counter row is then locked only for
-- the commit, not for the rest of the transaction, so concurrent writes of the same unit and day (eight rows per
-- key, one per slot of id % 8) no longer queue behind each other's remaining statements (issue 16: a registration
-- waited ~0.7 ms on average for the slot row at 8 connections). A deferred row trigger gets the row versions of its
-- own event, so a row written several times in one transaction still adds up its changes once each; the same
-- events, conditions and functions as before.
DROP TRIGGER case_tallies_insert_delete ON cases;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER case_tallies_insert_delete AFTER INSERT OR DELETE ON cases DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION case_tallies_track();--> statement-breakpoint
DROP TRIGGER case_tallies_update ON cases;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER case_tallies_update AFTER UPDATE ON cases DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.organization_id IS DISTINCT FROM NEW.organization_id OR OLD.registered_on IS DISTINCT FROM NEW.registered_on
     OR OLD.state IS DISTINCT FROM NEW.state OR OLD.power_item_id IS DISTINCT FROM NEW.power_item_id
     OR (OLD.decided_on IS NULL) <> (NEW.decided_on IS NULL) OR OLD.decision_kind IS DISTINCT FROM NEW.decision_kind
     OR OLD.decision_status IS DISTINCT FROM NEW.decision_status OR OLD.fine_fen IS DISTINCT FROM NEW.fine_fen
     OR (OLD.record -> 'decision' -> 'penalty' -> 'kinds') IS DISTINCT FROM (NEW.record -> 'decision' -> 'penalty' -> 'kinds'))
  EXECUTE FUNCTION case_tallies_track();--> statement-breakpoint
DROP TRIGGER indicator_tallies_insert_delete ON cases;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER indicator_tallies_insert_delete AFTER INSERT OR DELETE ON cases DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION indicator_tallies_cases();--> statement-breakpoint
DROP TRIGGER indicator_tallies_update ON cases;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER indicator_tallies_update AFTER UPDATE ON cases DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.organization_id IS DISTINCT FROM NEW.organization_id OR OLD.registered_on IS DISTINCT FROM NEW.registered_on
     OR OLD.last_acted_on IS DISTINCT FROM NEW.last_acted_on OR OLD.decided_on IS DISTINCT FROM NEW.decided_on
     OR OLD.decision_kind IS DISTINCT FROM NEW.decision_kind OR OLD.decision_status IS DISTINCT FROM NEW.decision_status
     OR OLD.fine_fen IS DISTINCT FROM NEW.fine_fen OR OLD.first_review_on IS DISTINCT FROM NEW.first_review_on
     OR OLD.last_review_on IS DISTINCT FROM NEW.last_review_on
     OR (OLD.record -> 'decision') IS DISTINCT FROM (NEW.record -> 'decision')
     OR (OLD.record -> 'proposal' -> 'penalty' -> 'fineFen') IS DISTINCT FROM (NEW.record -> 'proposal' -> 'penalty' -> 'fineFen')
     OR (OLD.record -> 'legalReviews') IS DISTINCT FROM (NEW.record -> 'legalReviews'))
  EXECUTE FUNCTION indicator_tallies_cases();--> statement-breakpoint
DROP TRIGGER indicator_tallies_track ON case_publicity;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER indicator_tallies_track AFTER INSERT OR DELETE OR UPDATE OF organization_id, case_id, published_at ON case_publicity DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION indicator_tallies_publicity();--> statement-breakpoint
DROP TRIGGER indicator_tallies_track ON work_orders;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER indicator_tallies_track AFTER INSERT OR DELETE OR UPDATE OF id, organization_id, unit_id, received_on, last_acted_on, completed_on, visited_on, last_satisfaction ON work_orders DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION indicator_tallies_work_orders();--> statement-breakpoint
DROP TRIGGER indicator_tallies_track ON patrols;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER indicator_tallies_track AFTER INSERT OR DELETE OR UPDATE OF id, organization_id, planned_on, last_acted_on, started_at, state, officer_ids ON patrols DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION indicator_tallies_patrols();--> statement-breakpoint
DROP TRIGGER indicator_tallies_track ON patrol_problems;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER indicator_tallies_track AFTER INSERT OR DELETE OR UPDATE OF id, organization_id, found_on, state ON patrol_problems DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION indicator_tallies_patrol_problems();--> statement-breakpoint
DROP TRIGGER indicator_tallies_track ON inspections;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER indicator_tallies_track AFTER INSERT OR DELETE OR UPDATE OF id, organization_id, registered_on, last_acted_on, inspected_on, state, officers, record ON inspections DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION indicator_tallies_inspections();

CREATE TABLE "indicator_tallies" (
	"organization_id" integer NOT NULL,
	"unit_id" integer,
	"year" smallint NOT NULL,
	"key" text NOT NULL,
	"slot" smallint NOT NULL,
	"n" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	CONSTRAINT "indicator_tallies_key" UNIQUE NULLS NOT DISTINCT("organization_id","unit_id","year","key","slot")
);
--> statement-breakpoint
CREATE INDEX "indicator_tallies_unit_idx" ON "indicator_tallies" USING btree ("unit_id","year");--> statement-breakpoint
-- The indicators' kept aggregates (src/db/schema/indicator-tallies.ts), kept in the transaction of every write of the
-- six ledger tables below. Each table has a function naming a record's parts (unit, year, key, slot, count, 分) —
-- the same definitions as the modules' indicator record queries (services/*/indicators.ts), which the property test
-- compares them with; a write subtracts the old row's parts and adds the new row's, in the order of the key.
-- The part functions are VOLATILE only so the planner does not inline them: inlined into `FROM t, LATERAL f(t)` they
-- failed with "variable not found in subplan target list" (PGlite's PostgreSQL).
CREATE TYPE indicator_tally_part AS (organization_id integer, unit_id integer, year smallint, key text, slot smallint, n integer, amount_fen bigint);--> statement-breakpoint
CREATE FUNCTION indicator_tally_apply(gone indicator_tally_part[], came indicator_tally_part[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO indicator_tallies AS t (organization_id, unit_id, year, key, slot, n, amount_fen)
  SELECT organization_id, unit_id, year, key, slot, sum(n)::integer, sum(amount_fen)::bigint
  FROM (SELECT g.organization_id, g.unit_id, g.year, g.key, g.slot, -g.n AS n, -g.amount_fen AS amount_fen FROM unnest(gone) g
        UNION ALL
        SELECT c.organization_id, c.unit_id, c.year, c.key, c.slot, c.n, c.amount_fen FROM unnest(came) c) d
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(n) <> 0 OR sum(amount_fen) <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT indicator_tallies_key DO UPDATE SET n = t.n + excluded.n, amount_fen = t.amount_fen + excluded.amount_fen
$$;--> statement-breakpoint
-- Cases (services/cases/indicators.ts): 'cases_active' (registered by the year's end and acted upon since its start:
-- every year from registration to the last act), penalty decisions standing (not revoked) by decision year, their
-- money (fine + confiscation) when > 0, 不予处罚 on a ground where a violation happened (domain/cases/model.ts
-- groundsNeedingEducation) and the fine they waive when stated, and legal reviews (a case once per year it was reviewed in).
CREATE FUNCTION indicator_parts_case(c cases) RETURNS SETOF indicator_tally_part LANGUAGE sql VOLATILE AS $$
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
      AND c.first_review_on <= r.y || '-12-31' AND c.last_review_on >= r.y || '-01-01'
$$;--> statement-breakpoint
-- 行政处罚决定公开 by the China day of publication (including ones taken down later).
CREATE FUNCTION indicator_parts_publicity(p case_publicity) RETURNS SETOF indicator_tally_part LANGUAGE sql VOLATILE AS $$
  SELECT p.organization_id, NULL::integer, extract(year FROM (p.published_at AT TIME ZONE 'Asia/Shanghai'))::smallint, 'penalties_published',
         (p.case_id % 8)::smallint, 1, 0::bigint
  WHERE p.published_at IS NOT NULL
$$;--> statement-breakpoint
-- Work orders (services/workorders/indicators.ts), per receiving unit and handling unit: 'orders_active' (received
-- or acted upon in the year), completed (办结) by completion year, visited back by visit year and of those the
-- satisfied (满意/基本满意).
CREATE FUNCTION indicator_parts_work_order(o work_orders) RETURNS SETOF indicator_tally_part LANGUAGE sql VOLATILE AS $$
  SELECT o.organization_id, o.unit_id, y::smallint, 'orders_active', (o.id % 8)::smallint, 1, 0::bigint
    FROM (SELECT DISTINCT extract(year FROM d)::integer AS y FROM unnest(ARRAY[o.received_on, o.last_acted_on]) AS d) years
  UNION ALL
  SELECT o.organization_id, o.unit_id, extract(year FROM o.completed_on)::smallint, 'petitions_handled', (o.id % 8)::smallint, 1, 0::bigint
    WHERE o.completed_on IS NOT NULL
  UNION ALL
  SELECT o.organization_id, o.unit_id, extract(year FROM o.visited_on)::smallint, k, (o.id % 8)::smallint, 1, 0::bigint
    FROM unnest(CASE WHEN o.last_satisfaction IN ('satisfied', 'basic') THEN ARRAY['orders_visited', 'orders_satisfied'] ELSE ARRAY['orders_visited'] END) AS k
    WHERE o.visited_on IS NOT NULL
$$;--> statement-breakpoint
-- Patrols (services/inspections/indicators.ts): 'inspections_active' (planned or acted upon in the year), set out in
-- the year (China day of started_at, not cancelled) as one inspection and one 人次 per officer.
CREATE FUNCTION indicator_parts_patrol(p patrols) RETURNS SETOF indicator_tally_part LANGUAGE sql VOLATILE AS $$
  SELECT p.organization_id, NULL::integer, y::smallint, 'inspections_active', (p.id % 8)::smallint, 1, 0::bigint
    FROM (SELECT DISTINCT extract(year FROM d)::integer AS y FROM unnest(ARRAY[p.planned_on, p.last_acted_on]) AS d) years
  UNION ALL
  SELECT p.organization_id, NULL, extract(year FROM (p.started_at AT TIME ZONE 'Asia/Shanghai'))::smallint, k.key, (p.id % 8)::smallint, k.n, 0::bigint
    FROM (VALUES ('inspections', 1), ('inspection_staff_trips', coalesce(cardinality(p.officer_ids), 0))) AS k(key, n)
    WHERE p.started_at IS NOT NULL AND p.state <> 'cancelled' AND k.n > 0
$$;--> statement-breakpoint
-- Problems found on patrols: found (by found_on), rectified, and rectifiable (not referred to the case engine).
CREATE FUNCTION indicator_parts_patrol_problem(pp patrol_problems) RETURNS SETOF indicator_tally_part LANGUAGE sql VOLATILE AS $$
  SELECT pp.organization_id, NULL::integer, extract(year FROM pp.found_on)::smallint, k.key, (pp.id % 8)::smallint, 1, 0::bigint
    FROM (VALUES ('issues_found', true), ('issues_rectified', pp.state = 'rectified'), ('issues_rectifiable', pp.state <> 'referred')) AS k(key, counts)
    WHERE k.counts
$$;--> statement-breakpoint
-- Inspections of subjects: 'inspections_active' (registered, acted upon or carried out in the year), carried out in
-- the year and not cancelled (one inspection, one 人次 per officer named), and findings ordering rectification or
-- referring a case (by the finding's day): found, rectified (closed), rectifiable (not referred).
CREATE FUNCTION indicator_parts_inspection(i inspections) RETURNS SETOF indicator_tally_part LANGUAGE sql VOLATILE AS $$
  SELECT i.organization_id, NULL::integer, y::smallint, 'inspections_active', (i.id % 8)::smallint, 1, 0::bigint
    FROM (SELECT DISTINCT extract(year FROM d)::integer AS y FROM unnest(ARRAY[i.registered_on, i.last_acted_on, i.inspected_on]) AS d WHERE d IS NOT NULL) years
  UNION ALL
  SELECT i.organization_id, NULL, extract(year FROM i.inspected_on)::smallint, k.key, (i.id % 8)::smallint, k.n, 0::bigint
    FROM (VALUES ('inspections', 1), ('inspection_staff_trips', CASE WHEN jsonb_typeof(i.officers) = 'array' THEN jsonb_array_length(i.officers) ELSE 0 END)) AS k(key, n)
    WHERE i.inspected_on IS NOT NULL AND i.state <> 'cancelled' AND k.n > 0
  UNION ALL
  SELECT i.organization_id, NULL, extract(year FROM (i.record -> 'findings' ->> 'on')::date)::smallint, k.key, (i.id % 8)::smallint, 1, 0::bigint
    FROM (VALUES ('issues_found', true), ('issues_rectified', i.state = 'closed'), ('issues_rectifiable', i.state <> 'referred')) AS k(key, counts)
    WHERE i.record -> 'findings' ->> 'outcome' IN ('rectify', 'refer') AND i.record -> 'findings' ->> 'on' IS NOT NULL AND k.counts
$$;--> statement-breakpoint
CREATE FUNCTION indicator_tallies_cases() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE gone indicator_tally_part[] := '{}'; came indicator_tally_part[] := '{}';
BEGIN
  IF TG_OP <> 'INSERT' THEN gone := ARRAY(SELECT p FROM indicator_parts_case(OLD) p); END IF;
  IF TG_OP <> 'DELETE' THEN came := ARRAY(SELECT p FROM indicator_parts_case(NEW) p); END IF;
  PERFORM indicator_tally_apply(gone, came);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION indicator_tallies_publicity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE gone indicator_tally_part[] := '{}'; came indicator_tally_part[] := '{}';
BEGIN
  IF TG_OP <> 'INSERT' THEN gone := ARRAY(SELECT p FROM indicator_parts_publicity(OLD) p); END IF;
  IF TG_OP <> 'DELETE' THEN came := ARRAY(SELECT p FROM indicator_parts_publicity(NEW) p); END IF;
  PERFORM indicator_tally_apply(gone, came);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION indicator_tallies_work_orders() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE gone indicator_tally_part[] := '{}'; came indicator_tally_part[] := '{}';
BEGIN
  IF TG_OP <> 'INSERT' THEN gone := ARRAY(SELECT p FROM indicator_parts_work_order(OLD) p); END IF;
  IF TG_OP <> 'DELETE' THEN came := ARRAY(SELECT p FROM indicator_parts_work_order(NEW) p); END IF;
  PERFORM indicator_tally_apply(gone, came);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION indicator_tallies_patrols() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE gone indicator_tally_part[] := '{}'; came indicator_tally_part[] := '{}';
BEGIN
  IF TG_OP <> 'INSERT' THEN gone := ARRAY(SELECT p FROM indicator_parts_patrol(OLD) p); END IF;
  IF TG_OP <> 'DELETE' THEN came := ARRAY(SELECT p FROM indicator_parts_patrol(NEW) p); END IF;
  PERFORM indicator_tally_apply(gone, came);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION indicator_tallies_patrol_problems() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE gone indicator_tally_part[] := '{}'; came indicator_tally_part[] := '{}';
BEGIN
  IF TG_OP <> 'INSERT' THEN gone := ARRAY(SELECT p FROM indicator_parts_patrol_problem(OLD) p); END IF;
  IF TG_OP <> 'DELETE' THEN came := ARRAY(SELECT p FROM indicator_parts_patrol_problem(NEW) p); END IF;
  PERFORM indicator_tally_apply(gone, came);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION indicator_tallies_inspections() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE gone indicator_tally_part[] := '{}'; came indicator_tally_part[] := '{}';
BEGIN
  IF TG_OP <> 'INSERT' THEN gone := ARRAY(SELECT p FROM indicator_parts_inspection(OLD) p); END IF;
  IF TG_OP <> 'DELETE' THEN came := ARRAY(SELECT p FROM indicator_parts_inspection(NEW) p); END IF;
  PERFORM indicator_tally_apply(gone, came);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER indicator_tallies_insert_delete AFTER INSERT OR DELETE ON cases FOR EACH ROW EXECUTE FUNCTION indicator_tallies_cases();--> statement-breakpoint
-- Only the updates that can change a part (most steps only move last_acted_on within the year: then the parts cancel out).
CREATE TRIGGER indicator_tallies_update AFTER UPDATE ON cases FOR EACH ROW
  WHEN (OLD.organization_id IS DISTINCT FROM NEW.organization_id OR OLD.registered_on IS DISTINCT FROM NEW.registered_on
     OR OLD.last_acted_on IS DISTINCT FROM NEW.last_acted_on OR OLD.decided_on IS DISTINCT FROM NEW.decided_on
     OR OLD.decision_kind IS DISTINCT FROM NEW.decision_kind OR OLD.decision_status IS DISTINCT FROM NEW.decision_status
     OR OLD.fine_fen IS DISTINCT FROM NEW.fine_fen OR OLD.first_review_on IS DISTINCT FROM NEW.first_review_on
     OR OLD.last_review_on IS DISTINCT FROM NEW.last_review_on
     OR (OLD.record -> 'decision') IS DISTINCT FROM (NEW.record -> 'decision')
     OR (OLD.record -> 'proposal' -> 'penalty' -> 'fineFen') IS DISTINCT FROM (NEW.record -> 'proposal' -> 'penalty' -> 'fineFen')
     OR (OLD.record -> 'legalReviews') IS DISTINCT FROM (NEW.record -> 'legalReviews'))
  EXECUTE FUNCTION indicator_tallies_cases();--> statement-breakpoint
CREATE TRIGGER indicator_tallies_track AFTER INSERT OR DELETE OR UPDATE OF organization_id, case_id, published_at ON case_publicity FOR EACH ROW EXECUTE FUNCTION indicator_tallies_publicity();--> statement-breakpoint
CREATE TRIGGER indicator_tallies_track AFTER INSERT OR DELETE OR UPDATE OF id, organization_id, unit_id, received_on, last_acted_on, completed_on, visited_on, last_satisfaction ON work_orders FOR EACH ROW EXECUTE FUNCTION indicator_tallies_work_orders();--> statement-breakpoint
CREATE TRIGGER indicator_tallies_track AFTER INSERT OR DELETE OR UPDATE OF id, organization_id, planned_on, last_acted_on, started_at, state, officer_ids ON patrols FOR EACH ROW EXECUTE FUNCTION indicator_tallies_patrols();--> statement-breakpoint
CREATE TRIGGER indicator_tallies_track AFTER INSERT OR DELETE OR UPDATE OF id, organization_id, found_on, state ON patrol_problems FOR EACH ROW EXECUTE FUNCTION indicator_tallies_patrol_problems();--> statement-breakpoint
CREATE TRIGGER indicator_tallies_track AFTER INSERT OR DELETE OR UPDATE OF id, organization_id, registered_on, last_acted_on, inspected_on, state, officers, record ON inspections FOR EACH ROW EXECUTE FUNCTION indicator_tallies_inspections();--> statement-breakpoint
-- Every aggregate again from the records (`fazhi db rebuild-stats`); the six tables are locked against writes meanwhile.
-- Set-based (one grouped pass per table) rather than a call of the part functions per row, which took ~70 µs a row
-- (half an hour at 10 M cases); the same definitions as the part functions — the property test (tallies.test.ts)
-- rebuilds and then compares the result with the part functions (indicatorTallyDifferences) and every drill-down.
CREATE FUNCTION indicator_tallies_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE cases, case_publicity, work_orders, patrols, patrol_problems, inspections IN SHARE MODE;
  DELETE FROM indicator_tallies;
  INSERT INTO indicator_tallies AS t (organization_id, unit_id, year, key, slot, n, amount_fen)
  SELECT organization_id, NULL::integer, y::smallint, 'cases_active'::text, slot, count(*)::integer, 0::bigint
    FROM (SELECT c.organization_id, (c.id % 8)::smallint AS slot, generate_series(extract(year FROM c.registered_on)::integer, extract(year FROM c.last_acted_on)::integer) AS y FROM cases c) x
    GROUP BY 1, 2, 3, 4, 5
  UNION ALL
  SELECT c.organization_id, NULL::integer, extract(year FROM c.decided_on)::smallint, k.key, (c.id % 8)::smallint, count(*)::integer, sum(k.amount)::bigint
    FROM cases c, LATERAL (SELECT coalesce(c.fine_fen, 0) + coalesce((c.record -> 'decision' -> 'penalty' ->> 'confiscationFen')::bigint, 0) AS money) m,
         LATERAL (VALUES ('penalty_cases', 0::bigint, true), ('penalty_amount', m.money, m.money > 0)) AS k(key, amount, counts)
    WHERE c.decision_kind = 'penalty' AND c.decision_status <> 'revoked' AND c.decided_on IS NOT NULL AND k.counts
    GROUP BY 1, 2, 3, 4, 5
  UNION ALL
  SELECT c.organization_id, NULL::integer, extract(year FROM c.decided_on)::smallint, k.key, (c.id % 8)::smallint, count(*)::integer, sum(k.amount)::bigint
    FROM cases c, LATERAL (SELECT (c.record -> 'proposal' -> 'penalty' ->> 'fineFen')::bigint AS waived) m,
         LATERAL (VALUES ('non_penalty_cases', 0::bigint, true), ('exempted_amount', m.waived, coalesce(m.waived > 0, false))) AS k(key, amount, counts)
    WHERE c.decision_kind = 'noPenalty' AND c.decision_status <> 'revoked' AND c.decided_on IS NOT NULL
      AND (c.record -> 'decision' ->> 'ground') IN ('firstViolation', 'minor', 'noFault', 'underFourteen', 'mentalIllness') AND k.counts
    GROUP BY 1, 2, 3, 4, 5
  UNION ALL
  SELECT c.organization_id, NULL::integer, r.y::smallint, 'legal_reviews'::text, (c.id % 8)::smallint, count(*)::integer, 0::bigint
    FROM cases c,
         LATERAL (SELECT DISTINCT left(e ->> 'on', 4)::integer AS y
                    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.record -> 'legalReviews') = 'array' THEN c.record -> 'legalReviews' ELSE '[]'::jsonb END) AS e
                   WHERE e ->> 'on' ~ '^[0-9]{4}-') r
    WHERE c.last_review_on IS NOT NULL
      AND EXISTS (SELECT 1 FROM jsonb_array_elements(c.record -> 'legalReviews') AS e WHERE e ->> 'on' BETWEEN r.y || '-01-01' AND r.y || '-12-31')
      AND c.first_review_on <= r.y || '-12-31' AND c.last_review_on >= r.y || '-01-01'
    GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT indicator_tallies_key DO UPDATE SET n = t.n + excluded.n, amount_fen = t.amount_fen + excluded.amount_fen;
  INSERT INTO indicator_tallies AS t (organization_id, unit_id, year, key, slot, n, amount_fen)
  SELECT p.organization_id, NULL::integer, extract(year FROM (p.published_at AT TIME ZONE 'Asia/Shanghai'))::smallint, 'penalties_published',
         (p.case_id % 8)::smallint, count(*)::integer, 0::bigint
    FROM case_publicity p WHERE p.published_at IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT indicator_tallies_key DO UPDATE SET n = t.n + excluded.n, amount_fen = t.amount_fen + excluded.amount_fen;
  INSERT INTO indicator_tallies AS t (organization_id, unit_id, year, key, slot, n, amount_fen)
  SELECT o.organization_id, o.unit_id, y::smallint, 'orders_active'::text, (o.id % 8)::smallint, count(*)::integer, 0::bigint
    FROM work_orders o, LATERAL (SELECT DISTINCT extract(year FROM d)::integer AS y FROM unnest(ARRAY[o.received_on, o.last_acted_on]) AS d) years
    GROUP BY 1, 2, 3, 4, 5
  UNION ALL
  SELECT o.organization_id, o.unit_id, extract(year FROM o.completed_on)::smallint, 'petitions_handled'::text, (o.id % 8)::smallint, count(*)::integer, 0::bigint
    FROM work_orders o WHERE o.completed_on IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5
  UNION ALL
  SELECT o.organization_id, o.unit_id, extract(year FROM o.visited_on)::smallint, k, (o.id % 8)::smallint, count(*)::integer, 0::bigint
    FROM work_orders o, unnest(CASE WHEN o.last_satisfaction IN ('satisfied', 'basic') THEN ARRAY['orders_visited', 'orders_satisfied'] ELSE ARRAY['orders_visited'] END) AS k
    WHERE o.visited_on IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT indicator_tallies_key DO UPDATE SET n = t.n + excluded.n, amount_fen = t.amount_fen + excluded.amount_fen;
  INSERT INTO indicator_tallies AS t (organization_id, unit_id, year, key, slot, n, amount_fen)
  SELECT p.organization_id, NULL::integer, y::smallint, 'inspections_active'::text, (p.id % 8)::smallint, count(*)::integer, 0::bigint
    FROM patrols p, LATERAL (SELECT DISTINCT extract(year FROM d)::integer AS y FROM unnest(ARRAY[p.planned_on, p.last_acted_on]) AS d) years
    GROUP BY 1, 2, 3, 4, 5
  UNION ALL
  SELECT p.organization_id, NULL::integer, extract(year FROM (p.started_at AT TIME ZONE 'Asia/Shanghai'))::smallint, k.key, (p.id % 8)::smallint, sum(k.n)::integer, 0::bigint
    FROM patrols p, LATERAL (VALUES ('inspections', 1), ('inspection_staff_trips', coalesce(cardinality(p.officer_ids), 0))) AS k(key, n)
    WHERE p.started_at IS NOT NULL AND p.state <> 'cancelled' AND k.n > 0
    GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT indicator_tallies_key DO UPDATE SET n = t.n + excluded.n, amount_fen = t.amount_fen + excluded.amount_fen;
  INSERT INTO indicator_tallies AS t (organization_id, unit_id, year, key, slot, n, amount_fen)
  SELECT pp.organization_id, NULL::integer, extract(year FROM pp.found_on)::smallint, k.key, (pp.id % 8)::smallint, count(*)::integer, 0::bigint
    FROM patrol_problems pp, LATERAL (VALUES ('issues_found', true), ('issues_rectified', pp.state = 'rectified'), ('issues_rectifiable', pp.state <> 'referred')) AS k(key, counts)
    WHERE k.counts
    GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT indicator_tallies_key DO UPDATE SET n = t.n + excluded.n, amount_fen = t.amount_fen + excluded.amount_fen;
  INSERT INTO indicator_tallies AS t (organization_id, unit_id, year, key, slot, n, amount_fen)
  SELECT i.organization_id, NULL::integer, y::smallint, 'inspections_active'::text, (i.id % 8)::smallint, count(*)::integer, 0::bigint
    FROM inspections i, LATERAL (SELECT DISTINCT extract(year FROM d)::integer AS y FROM unnest(ARRAY[i.registered_on, i.last_acted_on, i.inspected_on]) AS d WHERE d IS NOT NULL) years
    GROUP BY 1, 2, 3, 4, 5
  UNION ALL
  SELECT i.organization_id, NULL::integer, extract(year FROM i.inspected_on)::smallint, k.key, (i.id % 8)::smallint, sum(k.n)::integer, 0::bigint
    FROM inspections i, LATERAL (VALUES ('inspections', 1), ('inspection_staff_trips', CASE WHEN jsonb_typeof(i.officers) = 'array' THEN jsonb_array_length(i.officers) ELSE 0 END)) AS k(key, n)
    WHERE i.inspected_on IS NOT NULL AND i.state <> 'cancelled' AND k.n > 0
    GROUP BY 1, 2, 3, 4, 5
  UNION ALL
  SELECT i.organization_id, NULL::integer, extract(year FROM (i.record -> 'findings' ->> 'on')::date)::smallint, k.key, (i.id % 8)::smallint, count(*)::integer, 0::bigint
    FROM inspections i, LATERAL (VALUES ('issues_found', true), ('issues_rectified', i.state = 'closed'), ('issues_rectifiable', i.state <> 'referred')) AS k(key, counts)
    WHERE i.record -> 'findings' ->> 'outcome' IN ('rectify', 'refer') AND i.record -> 'findings' ->> 'on' IS NOT NULL AND k.counts
    GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT indicator_tallies_key DO UPDATE SET n = t.n + excluded.n, amount_fen = t.amount_fen + excluded.amount_fen;
END $$;--> statement-breakpoint
SELECT indicator_tallies_rebuild();

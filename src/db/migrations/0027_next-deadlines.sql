-- Each case's next due date and the cases per unit and due date (issue 16 item 7; src/db/schema/cases.ts
-- caseNextDeadlines, caseDueTallies): the dashboard's overdue cases per unit were counted from every overdue open
-- deadline (44,000 index entries and a count(distinct case) at a million cases, 37–60 ms), because "overdue" changes
-- with the date, not with a write. A case is overdue exactly when the earliest of its open deadlines is due before
-- today, so that date is kept per case, and the cases are counted per (due date, unit, slot): today's overdue cases
-- of every unit are a sum over the dates before today.
CREATE TABLE "case_due_tallies" (
	"due_on" date NOT NULL,
	"organization_id" integer NOT NULL,
	"slot" smallint NOT NULL,
	"cases" integer NOT NULL,
	CONSTRAINT "case_due_tallies_key" UNIQUE("due_on","organization_id","slot")
);
--> statement-breakpoint
CREATE TABLE "case_next_deadlines" (
	"case_id" integer PRIMARY KEY NOT NULL,
	"organization_id" integer NOT NULL,
	"registered_on" date NOT NULL,
	"due_on" date NOT NULL
);
--> statement-breakpoint
CREATE INDEX "case_next_deadlines_registered_idx" ON "case_next_deadlines" USING btree ("registered_on","due_on","organization_id");
--> statement-breakpoint
-- Adds `delta` cases to a (due date, unit, slot) row; a row that falls to zero is deleted (due dates only move
-- forward: rows kept at zero would pile up before today and be summed on every read).
CREATE FUNCTION case_due_tally_add(due_day date, unit integer, slot_no smallint, delta integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_due_tallies AS t (due_on, organization_id, slot, cases) VALUES (due_day, unit, slot_no, delta)
  ON CONFLICT ON CONSTRAINT case_due_tallies_key DO UPDATE SET cases = t.cases + excluded.cases;
  IF delta < 0 THEN
    DELETE FROM case_due_tallies t WHERE t.due_on = due_day AND t.organization_id = unit AND t.slot = slot_no AND t.cases = 0;
  END IF;
END $$;--> statement-breakpoint
-- Counts one case again from its deadlines and its row in `cases`: its next due date (the earliest open deadline's),
-- moved in `case_next_deadlines` and `case_due_tallies` when it differs from the kept one. It recounts rather than
-- applies a change, so running it twice for a case (several of its deadlines written in one transaction) changes
-- nothing the second time. The advisory lock (one per case) puts two transactions that commit deadlines of the same
-- case one after the other, and each statement after it sees what the other committed (READ COMMITTED).
CREATE FUNCTION case_next_deadline_sync(case_no integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  next_due date;
  unit integer;
  registered date;
  kept case_next_deadlines%ROWTYPE;
  slot_no smallint := (case_no % 8)::smallint;
BEGIN
  PERFORM pg_advisory_xact_lock(1627, case_no);
  SELECT min(d.due_on) INTO next_due FROM deadlines d WHERE d.subject_type = 'case' AND d.subject_id = case_no AND d.met_on IS NULL;
  SELECT c.organization_id, c.registered_on INTO unit, registered FROM cases c WHERE c.id = case_no;
  IF unit IS NULL THEN next_due := NULL; END IF;
  SELECT * INTO kept FROM case_next_deadlines k WHERE k.case_id = case_no;
  IF FOUND THEN
    IF kept.due_on = next_due AND kept.organization_id = unit AND kept.registered_on = registered THEN RETURN; END IF;
    IF next_due IS NULL THEN
      PERFORM case_due_tally_add(kept.due_on, kept.organization_id, slot_no, -1);
      DELETE FROM case_next_deadlines k WHERE k.case_id = case_no;
      RETURN;
    END IF;
    UPDATE case_next_deadlines k SET organization_id = unit, registered_on = registered, due_on = next_due WHERE k.case_id = case_no;
    -- The two tally rows in key order, so two cases of one unit and slot moving between the same two dates in
    -- opposite directions do not lock them in opposite orders.
    IF (kept.due_on, kept.organization_id) < (next_due, unit) THEN
      PERFORM case_due_tally_add(kept.due_on, kept.organization_id, slot_no, -1);
      PERFORM case_due_tally_add(next_due, unit, slot_no, 1);
    ELSIF (kept.due_on, kept.organization_id) > (next_due, unit) THEN
      PERFORM case_due_tally_add(next_due, unit, slot_no, 1);
      PERFORM case_due_tally_add(kept.due_on, kept.organization_id, slot_no, -1);
    END IF;
    RETURN;
  ELSIF next_due IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO case_next_deadlines (case_id, organization_id, registered_on, due_on) VALUES (case_no, unit, registered, next_due);
  PERFORM case_due_tally_add(next_due, unit, slot_no, 1);
END $$;--> statement-breakpoint
CREATE FUNCTION case_next_deadlines_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.subject_type = 'case' THEN PERFORM case_next_deadline_sync(OLD.subject_id); END IF;
  IF TG_OP = 'INSERT' AND NEW.subject_type = 'case' THEN PERFORM case_next_deadline_sync(NEW.subject_id); END IF;
  IF TG_OP = 'UPDATE' AND NEW.subject_type = 'case' THEN
    IF OLD.subject_type <> 'case' OR OLD.subject_id <> NEW.subject_id THEN PERFORM case_next_deadline_sync(NEW.subject_id); END IF;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION case_next_deadlines_case_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM case_next_deadline_sync(OLD.id);
  IF TG_OP = 'UPDATE' AND NEW.id <> OLD.id THEN PERFORM case_next_deadline_sync(NEW.id); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
-- Deferred to COMMIT like the other kept counters (migration 0026): a counter row is locked only while the write
-- commits, and the case is counted once from its final deadlines however many of them the transaction wrote.
-- Only the events that can move a case's next due date: an open deadline of a case added, moved, met or reopened,
-- removed; a case's unit or registration day changed (neither is changed by the services today), a case removed.
CREATE CONSTRAINT TRIGGER case_next_deadlines_insert AFTER INSERT ON deadlines DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (NEW.subject_type = 'case' AND NEW.met_on IS NULL)
  EXECUTE FUNCTION case_next_deadlines_track();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER case_next_deadlines_update AFTER UPDATE ON deadlines DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.subject_type = 'case' OR NEW.subject_type = 'case') AND (OLD.met_on IS NULL OR NEW.met_on IS NULL)
    AND (OLD.due_on IS DISTINCT FROM NEW.due_on OR (OLD.met_on IS NULL) <> (NEW.met_on IS NULL)
      OR OLD.subject_type IS DISTINCT FROM NEW.subject_type OR OLD.subject_id IS DISTINCT FROM NEW.subject_id))
  EXECUTE FUNCTION case_next_deadlines_track();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER case_next_deadlines_delete AFTER DELETE ON deadlines DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.subject_type = 'case' AND OLD.met_on IS NULL)
  EXECUTE FUNCTION case_next_deadlines_track();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER case_next_deadlines_case AFTER UPDATE ON cases DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.organization_id IS DISTINCT FROM NEW.organization_id OR OLD.registered_on IS DISTINCT FROM NEW.registered_on)
  EXECUTE FUNCTION case_next_deadlines_case_track();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER case_next_deadlines_case_delete AFTER DELETE ON cases DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION case_next_deadlines_case_track();--> statement-breakpoint
-- Both counted again from the deadlines and the cases (`fazhi db rebuild-stats`, with case_tallies; the bulk loads
-- of the benches, which copy with the user triggers off); writes of either wait meanwhile.
CREATE FUNCTION case_next_deadlines_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE deadlines, cases IN SHARE MODE;
  DELETE FROM case_due_tallies;
  DELETE FROM case_next_deadlines;
  INSERT INTO case_next_deadlines (case_id, organization_id, registered_on, due_on)
  SELECT c.id, c.organization_id, c.registered_on, d.due_on
  FROM (SELECT subject_id, min(due_on) AS due_on FROM deadlines WHERE subject_type = 'case' AND met_on IS NULL GROUP BY subject_id) d
  JOIN cases c ON c.id = d.subject_id;
  INSERT INTO case_due_tallies (due_on, organization_id, slot, cases)
  SELECT due_on, organization_id, (case_id % 8)::smallint, count(*)::integer FROM case_next_deadlines GROUP BY 1, 2, 3;
END $$;--> statement-breakpoint
SELECT case_next_deadlines_rebuild();--> statement-breakpoint
ANALYZE "case_next_deadlines";--> statement-breakpoint
ANALYZE "case_due_tallies";

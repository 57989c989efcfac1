-- Trigram search (pg_trgm: a contrib extension on PostgreSQL, loaded into PGlite by src/db/connect.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "case_tallies" (
	"organization_id" integer NOT NULL,
	"registered_on" date NOT NULL,
	"state" text NOT NULL,
	"power_item_id" integer,
	"decided" boolean NOT NULL,
	"penalty" boolean NOT NULL,
	"penalty_kinds" text[] NOT NULL,
	"slot" smallint NOT NULL,
	"cases" integer NOT NULL,
	"fine_fen" bigint NOT NULL,
	CONSTRAINT "case_tallies_key" UNIQUE NULLS NOT DISTINCT("organization_id","registered_on","state","power_item_id","decided","penalty","penalty_kinds","slot")
);
--> statement-breakpoint
CREATE INDEX "case_documents_number_trgm_idx" ON "case_documents" USING gin ("number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "case_parties_name_trgm_idx" ON "case_parties" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_act_code_trgm_idx" ON "cases" USING gin ("act_code" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_decision_number_trgm_idx" ON "cases" USING gin ("decision_number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_title_trgm_idx" ON "cases" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "deadlines_open_due_id_idx" ON "deadlines" USING btree ("due_on","id") WHERE "deadlines"."met_on" is null;--> statement-breakpoint
-- The dashboard's counters (src/db/schema/cases.ts caseTallies), kept in the transaction of every case write.
-- A penalty in force is what the dashboard and the case list count: decision_kind 'penalty', status not 'revoked'.
CREATE FUNCTION case_penalty_in_force(kind text, status text) RETURNS boolean LANGUAGE sql IMMUTABLE
  AS $$ SELECT coalesce(kind = 'penalty' AND status <> 'revoked', false) $$;--> statement-breakpoint
CREATE FUNCTION case_penalty_kinds(kind text, status text, record jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE
  AS $$ SELECT CASE WHEN case_penalty_in_force(kind, status) AND jsonb_typeof(record -> 'decision' -> 'penalty' -> 'kinds') = 'array'
    THEN ARRAY(SELECT jsonb_array_elements_text(record -> 'decision' -> 'penalty' -> 'kinds')) ELSE '{}'::text[] END $$;--> statement-breakpoint
CREATE FUNCTION case_tally_add(c cases, delta integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  in_force boolean := case_penalty_in_force(c.decision_kind, c.decision_status);
BEGIN
  INSERT INTO case_tallies AS t (organization_id, registered_on, state, power_item_id, decided, penalty, penalty_kinds, slot, cases, fine_fen)
  VALUES (c.organization_id, c.registered_on, c.state, c.power_item_id, c.decided_on IS NOT NULL, in_force,
          case_penalty_kinds(c.decision_kind, c.decision_status, c.record), (c.id % 8)::smallint,
          delta, CASE WHEN in_force THEN delta * coalesce(c.fine_fen, 0) ELSE 0 END)
  ON CONFLICT ON CONSTRAINT case_tallies_key DO UPDATE SET cases = t.cases + excluded.cases, fine_fen = t.fine_fen + excluded.fine_fen;
END $$;--> statement-breakpoint
CREATE FUNCTION case_tallies_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM case_tally_add(OLD, -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM case_tally_add(NEW, 1); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER case_tallies_insert_delete AFTER INSERT OR DELETE ON cases FOR EACH ROW EXECUTE FUNCTION case_tallies_track();--> statement-breakpoint
-- Only the updates that move a case to another counter row (most steps change the state; many change nothing counted).
CREATE TRIGGER case_tallies_update AFTER UPDATE ON cases FOR EACH ROW
  WHEN (OLD.organization_id IS DISTINCT FROM NEW.organization_id OR OLD.registered_on IS DISTINCT FROM NEW.registered_on
     OR OLD.state IS DISTINCT FROM NEW.state OR OLD.power_item_id IS DISTINCT FROM NEW.power_item_id
     OR (OLD.decided_on IS NULL) <> (NEW.decided_on IS NULL) OR OLD.decision_kind IS DISTINCT FROM NEW.decision_kind
     OR OLD.decision_status IS DISTINCT FROM NEW.decision_status OR OLD.fine_fen IS DISTINCT FROM NEW.fine_fen
     OR (OLD.record -> 'decision' -> 'penalty' -> 'kinds') IS DISTINCT FROM (NEW.record -> 'decision' -> 'penalty' -> 'kinds'))
  EXECUTE FUNCTION case_tallies_track();--> statement-breakpoint
-- All counters again from the cases (`fazhi stats rebuild`); the cases are locked against writes meanwhile.
CREATE FUNCTION case_tallies_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE cases IN SHARE MODE;
  DELETE FROM case_tallies;
  INSERT INTO case_tallies (organization_id, registered_on, state, power_item_id, decided, penalty, penalty_kinds, slot, cases, fine_fen)
  SELECT organization_id, registered_on, state, power_item_id, decided, penalty, kinds, slot, count(*)::integer,
         coalesce(sum(fine_fen) FILTER (WHERE penalty), 0)::bigint
  FROM (SELECT organization_id, registered_on, state, power_item_id, decided_on IS NOT NULL AS decided,
               case_penalty_in_force(decision_kind, decision_status) AS penalty,
               case_penalty_kinds(decision_kind, decision_status, record) AS kinds, (id % 8)::smallint AS slot, fine_fen
        FROM cases) c
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
END $$;--> statement-breakpoint
SELECT case_tallies_rebuild();

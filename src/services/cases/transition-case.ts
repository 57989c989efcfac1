/**
 * Takes one step of the case workflow with the step runner (../kernel/run-step.ts), in one transaction: claim the
 * version → load the snapshot → check the transition (state, role, order, every guard with its article) → apply
 * the action's effect (effects/<stage>.ts: record, columns, deadlines, numbered documents, publicity) → write the
 * case → audit record `case.transition`. Two officers acting on one case at once: the second finds the version
 * moved and gets CONFLICT (HTTP 409); nothing of it is written.
 */
import { eq } from 'drizzle-orm';
import { expectedVersionInput } from '../../domain/input-kit.ts';
import { z } from 'zod';
import type { Actor } from '../../domain/access.ts';
import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import { type CaseAction, caseActionInput } from '../../domain/cases/actions.ts';
import type { CaseState } from '../../domain/cases/model.ts';
import type { CaseSnapshot, GuardContext } from '../../domain/cases/snapshot.ts';
import { caseWorkflow } from '../../domain/cases/workflow.ts';
import { later } from '../../db/later.ts';
import { cases } from '../../db/schema.ts';
import { cachedWorkCalendar } from '../calendar.ts';
import type { Executor } from '../../db/connect.ts';
import type { ServiceContext } from '../context.ts';
import { commitStep, runStep, type StepDefinition } from '../kernel/run-step.ts';
import { parseInput } from '../parse-input.ts';
import { buildSnapshot, cachedSettingsFor, claimVersion, CONFLICT_MESSAGE, loadCase, loadOfficers, type ResolvedSettings, todayOf } from './case-store.ts';
import { caseEffects } from './effects/index.ts';
import { type CaseView, getCase } from './get-case.ts';
import { checkOfficers, type LoadedCase, type Step } from './step.ts';

export const transitionRequest = z.object({ expectedVersion: expectedVersionInput('案件') });

/** The body of a step: `{ expectedVersion, action, …payload }`, parsed once. */
export const caseStepRequest = transitionRequest.and(caseActionInput);
export type CaseStepRequest = z.infer<typeof caseStepRequest>;

interface CasePrepared {
  snapshot: CaseSnapshot;
  g: GuardContext;
  resolved: ResolvedSettings;
  lateReason: string | null;
}

/** The case workflow's parts for the step runner; `calendar` is read before the transaction (PGlite is one connection). */
function caseStep(root: Executor, calendar: WorkCalendar, today: IsoDate): StepDefinition<LoadedCase, CaseSnapshot, CaseStepRequest, CaseState, GuardContext, CasePrepared, Step, CaseView> {
  return {
    workflow: caseWorkflow,
    subjectType: 'case',
    auditAction: 'case.transition',
    conflictMessage: CONFLICT_MESSAGE,
    load: async (tx, actor, id) => {
      const loaded = await loadCase(tx, actor, id);
      return { ...loaded, version: loaded.row.version, organizationId: loaded.org.id };
    },
    claim: async (tx, id, expected) => {
      await claimVersion(tx, id, expected);
    },
    prepare: async (tx, actor, { row, org, party }, request) => {
      const resolved = await cachedSettingsFor(root, tx, org);
      const snapshot = await buildSnapshot(tx, row, org, party);
      // Filing names the officers: the guards check those named, not the (empty) officers of the clue.
      if (request.action === 'file') snapshot.officers = await loadOfficers(tx, await checkOfficers(tx, org, request.officerIds), null);
      const g: GuardContext = { actDate: request.on ?? today, today, actor: { userId: actor.userId, roles: actor.roles }, calendar, settings: resolved.settings };
      return { snapshot, g, resolved, lateReason: 'lateReason' in request ? (request.lateReason ?? null) : null };
    },
    begin: (base, { resolved, lateReason }) => {
      const { row, org, party } = base.subject;
      return { ...base, row, org, party, resolved, record: structuredClone(base.snapshot.record), columns: {}, details: {}, lateReason };
    },
    effect: (step, request, next) => applyEffect(step, request, next),
    write: async (s, next) => {
      // Written `later` (src/db/later.ts): the claim holds the row, nothing waits for this statement's answer.
      await later(s.tx, s.tx.update(cases).set({ ...s.columns, state: next, record: s.record, lastActedOn: s.g.actDate, updatedAt: s.now }).where(eq(cases.id, s.row.id)));
    },
    auditDetails: (s) => s.details,
    view: (db, actor, id, now) => getCase({ db }, actor, id, now, root),
  };
}

/** Runs the effect of `request.action` (one function per action, effects/<stage>.ts). */
function applyEffect<A extends CaseAction>(step: Step, request: CaseStepRequest & { action: A }, next: CaseState): Promise<void> {
  const effect = caseEffects[request.action] as (s: Step, input: typeof request, next: CaseState) => Promise<void>;
  return effect(step, request, next);
}

/** Applies `raw` = `{ expectedVersion, action, …payload }` to case `id`; answers the case's view after the step. */
export async function transitionCase(ctx: ServiceContext, actor: Actor, id: number, raw: unknown): Promise<CaseView> {
  const { request, step } = await parseStep(ctx, raw);
  return runStep(ctx, actor, step, id, request);
}

/**
 * The same step as `transitionCase`, answering only the case's new version instead of its view (for callers that
 * take many steps in a row: the demo's seeding).
 */
export async function stepCase(ctx: ServiceContext, actor: Actor, id: number, raw: unknown): Promise<number> {
  const { request, step } = await parseStep(ctx, raw);
  return commitStep(ctx, actor, step, id, request);
}

async function parseStep(ctx: ServiceContext, raw: unknown): Promise<{ request: CaseStepRequest; step: ReturnType<typeof caseStep> }> {
  const request = parseInput(caseStepRequest, raw);
  const today = todayOf(ctx.clock);
  // Read before the transaction (cached; PGlite is one connection, and loadWorkCalendar runs its queries in parallel).
  const calendar = await cachedWorkCalendar(ctx.db);
  return { request, step: caseStep(ctx.db, calendar, today) };
}

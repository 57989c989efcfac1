/**
 * One step of an inspection with the step runner (../kernel/run-step.ts): claim the version → snapshot → check
 * (state, role, the inspection's own officers, order of acts, every guard with its source — the pre-entry rules at
 * 赋码) → effect → write → audit record `inspection.transition`. A second writer gets CONFLICT (409).
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../domain/access.ts';
import { chinaDateOf, type IsoDate } from '../../domain/calendar/iso-date.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import { expectedVersionInput } from '../../domain/input-kit.ts';
import { inspectionActionInput } from '../../domain/inspections/actions.ts';
import type { InspectionState } from '../../domain/inspections/model.ts';
import { defaultInspectionSettings } from '../../domain/inspections/periods.ts';
import type { InspectionGuardContext, InspectionSnapshot } from '../../domain/inspections/snapshot.ts';
import type { InspectionView } from '../../domain/inspections/views.ts';
import { inspectionWorkflow } from '../../domain/inspections/workflow.ts';
import { later } from '../../db/later.ts';
import { inspections } from '../../db/schema.ts';
import { cachedWorkCalendar } from '../calendar.ts';
import type { ServiceContext } from '../context.ts';
import { registerClueFromLedger } from '../cases/clue-from-ledger.ts';
import { commitStep, runStep, type StepBase, type StepDefinition } from '../kernel/run-step.ts';
import { parseInput } from '../parse-input.ts';
import { getInspection } from './get-inspection.ts';
import { newInspectionCode } from './register-inspection.ts';
import { claimVersion, CONFLICT_MESSAGE, type InspectionRecord, inspectionsInYear, type LoadedInspection, loadInspection, snapshotOf } from './store.ts';

export const inspectionStepRequest = z.object({ expectedVersion: expectedVersionInput('检查') }).and(inspectionActionInput);
type Request = z.infer<typeof inspectionStepRequest>;
type Loaded = LoadedInspection & { version: number; organizationId: number };
interface Prepared {
  snapshot: InspectionSnapshot;
  g: InspectionGuardContext;
}
type Step = StepBase<Loaded, InspectionSnapshot, InspectionGuardContext> & {
  record: InspectionRecord;
  columns: Partial<typeof inspections.$inferInsert>;
  details: { code?: string; inspectedOn?: IsoDate; caseId?: number; actCode?: string };
};

function inspectionStep(ctx: ServiceContext, calendar: WorkCalendar, today: IsoDate): StepDefinition<Loaded, InspectionSnapshot, Request, InspectionState, InspectionGuardContext, Prepared, Step, InspectionView> {
  return {
    workflow: inspectionWorkflow,
    subjectType: 'inspection',
    auditAction: 'inspection.transition',
    conflictMessage: CONFLICT_MESSAGE,
    load: async (tx, actor, id) => {
      const loaded = await loadInspection(tx, actor, id);
      return { ...loaded, version: loaded.row.version, organizationId: loaded.row.organizationId };
    },
    claim: (tx, id, expected) => claimVersion(tx, id, expected),
    prepare: async (tx, actor, loaded, request) => {
      const actDate = request.on ?? today;
      const snapshot = await snapshotOf(tx, loaded);
      const g: InspectionGuardContext = {
        actDate,
        today,
        actor: { userId: actor.userId, roles: actor.roles, organizationPath: actor.organizationPath },
        calendar,
        settings: defaultInspectionSettings,
        inspectionsThisYear: request.action === 'issueCode' ? await inspectionsInYear(tx, loaded.subject.id, loaded.item.id, actDate, loaded.row.id) : 0,
      };
      return { snapshot, g };
    },
    begin: (base) => ({ ...base, record: structuredClone(base.subject.row.record as InspectionRecord), columns: {}, details: {} }),
    effect: async (s, request) => {
      const on = s.g.actDate;
      switch (request.action) {
        case 'issueCode':
          s.columns.code = newInspectionCode();
          s.columns.inspectedOn = on;
          s.details = { code: s.columns.code, inspectedOn: on };
          break;
        case 'record':
          s.record.findings = { on, text: request.findings, outcome: request.outcome };
          s.columns.rectifyDueOn = request.outcome === 'rectify' ? request.rectifyDueOn! : null;
          if (request.outcome === 'refer') await referToCase(ctx, s, on, request.findings);
          break;
        case 'reinspect':
          s.record.reinspections.push({ on, rectified: request.rectified, note: request.note, dueOn: request.rectified ? null : request.rectifyDueOn! });
          s.columns.rectifyDueOn = request.rectified ? null : request.rectifyDueOn!;
          break;
        case 'refer':
          await referToCase(ctx, s, on, request.reason);
          break;
        case 'cancel':
          s.record.cancellation = { on, reason: request.reason };
          break;
      }
    },
    // Written `later` (src/db/later.ts): the claim holds the row, nothing waits for this statement's answer.
    write: (s, next) => later(s.tx, s.tx.update(inspections).set({ ...s.columns, state: next, record: s.record, lastActedOn: s.g.actDate }).where(eq(inspections.id, s.subject.row.id))),
    auditDetails: (s) => s.details,
    view: (tx, actor, id) => getInspection(tx, actor, id),
  };
}

/** 移送立案: a clue of the case engine, registered inside the step's transaction (a savepoint) — both commit or neither. */
async function referToCase(ctx: ServiceContext, s: Step, on: IsoDate, reason: string): Promise<void> {
  const registered = await registerClueFromLedger(ctx, s.tx, s.actor, inspectionClue(s.subject, s.record, on, reason), { action: 'case.fromInspection', change: { inspectionId: s.subject.row.id, number: s.subject.row.number } }, s.now);
  s.record.referral = { on, reason, caseId: registered.id };
  s.columns.rectifyDueOn = null;
  s.details = { caseId: registered.id, actCode: registered.actCode };
}

/**
 * The clue an inspection refers: the subject as the party (its credit code), the findings as the facts, the subject's
 * address as the place; the source 投诉举报 for a complaint-triggered inspection, 上级交办 for a referral, else 日常巡查
 * (the clue sources of the case engine have no 行政检查 of their own).
 */
function inspectionClue({ row, item, subject }: LoadedInspection, record: InspectionRecord, on: IsoDate, reason: string) {
  const inspectedOn = row.inspectedOn ?? on;
  return {
    organizationId: row.organizationId,
    clueSource: row.trigger === 'complaint' ? ('complaint' as const) : row.trigger === 'referral' ? ('higherLevel' as const) : ('patrol' as const),
    title: `行政检查发现：${item.name}`.slice(0, 100),
    facts: `${record.findings?.text ?? ''}（${row.number}，${inspectedOn} 检查；移送理由：${reason}）`,
    place: subject.address,
    actStartedOn: inspectedOn,
    actEndedOn: null,
    discoveredOn: inspectedOn,
    powerItemId: null,
    party: { kind: 'organization' as const, name: subject.name, creditCode: subject.creditCode, address: subject.address },
  };
}

/** Takes one step of inspection `id`; the body is `{ expectedVersion, action, …payload }`. */
export async function transitionInspection(ctx: ServiceContext, actor: Actor, id: number, body: unknown): Promise<InspectionView> {
  const request = parseInput(inspectionStepRequest, body);
  const calendar = await cachedWorkCalendar(ctx.db);
  return runStep(ctx, actor, inspectionStep(ctx, calendar, chinaDateOf(ctx.clock())), id, request);
}

/** The same step, answering only the inspection's new version (the demo's seeding takes many in a row). */
export async function stepInspection(ctx: ServiceContext, actor: Actor, id: number, body: unknown): Promise<number> {
  const request = parseInput(inspectionStepRequest, body);
  const calendar = await cachedWorkCalendar(ctx.db);
  return commitStep(ctx, actor, inspectionStep(ctx, calendar, chinaDateOf(ctx.clock())), id, request);
}

/**
 * One step of the work-order loop with the step runner (../kernel/run-step.ts): claim the version → snapshot →
 * check (state, role, the unit's own people, order of acts, every guard with its source) → effect (record,
 * columns, deadlines) → write → audit record `workOrder.transition`. A second writer gets CONFLICT (409).
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../domain/access.ts';
import { chinaDateOf, type IsoDate } from '../../domain/calendar/iso-date.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import { expectedVersionInput } from '../../domain/input-kit.ts';
import { workOrderActionInput } from '../../domain/workorders/actions.ts';
import type { Satisfaction, WorkOrderChannel, WorkOrderKind, WorkOrderState } from '../../domain/workorders/model.ts';
import { countDeadline } from '../../domain/calendar/periods.ts';
import { validationError } from '../../domain/errors.ts';
import { type CategoryKind, findCategory } from '../../domain/workorders/catalog.ts';
import { handlingDueOn, petitionPeriods, signingDueOn } from '../../domain/workorders/periods.ts';
import type { WorkOrderGuardContext, WorkOrderSnapshot } from '../../domain/workorders/snapshot.ts';
import type { WorkOrderView } from '../../domain/workorders/views.ts';
import { workOrderWorkflow } from '../../domain/workorders/workflow.ts';
import { later } from '../../db/later.ts';
import { workOrders } from '../../db/schema.ts';
import { cachedWorkCalendar } from '../calendar.ts';
import type { ServiceContext } from '../context.ts';
import { runStep, type StepBase, type StepDefinition } from '../kernel/run-step.ts';
import { parseInput } from '../parse-input.ts';
import { workOrderCategories } from './catalog.ts';
import { dispatchRuleFor } from './dispatch-rules.ts';
import { getWorkOrder } from './get-work-order.ts';
import { workOrderSettingsFor } from './settings.ts';
import { claimVersion, CONFLICT_MESSAGE, type LoadedWorkOrder, loadOrg, loadWorkOrder, type OrgRef, snapshotOf, sqlDeadlines, type WorkOrderDeadlines, type WorkOrderRecord } from './store.ts';

export const workOrderStepRequest = z.object({ expectedVersion: expectedVersionInput('工单') }).and(workOrderActionInput);
export type WorkOrderStepRequest = z.infer<typeof workOrderStepRequest>;
type Request = WorkOrderStepRequest;
type Loaded = LoadedWorkOrder & { version: number; organizationId: number };
interface Prepared {
  snapshot: WorkOrderSnapshot;
  g: WorkOrderGuardContext;
}
type Step = StepBase<Loaded, WorkOrderSnapshot, WorkOrderGuardContext> & {
  record: WorkOrderRecord;
  columns: Partial<typeof workOrders.$inferInsert>;
  details: { unitName?: string; dueOn?: IsoDate };
};

const TO_UNIT: readonly string[] = ['dispatch', 'resolveDispute', 'reassign'];

function workOrderStep(root: ServiceContext['db'], calendar: WorkCalendar, today: IsoDate): StepDefinition<Loaded, WorkOrderSnapshot, Request, WorkOrderState, WorkOrderGuardContext, Prepared, Step, WorkOrderView> {
  return {
    workflow: workOrderWorkflow,
    subjectType: 'workOrder',
    auditAction: 'workOrder.transition',
    conflictMessage: CONFLICT_MESSAGE,
    load: async (tx, actor, id) => {
      const loaded = await loadWorkOrder(tx, actor, id);
      return { ...loaded, version: loaded.row.version, organizationId: loaded.row.organizationId };
    },
    claim: (tx, id, expected) => claimVersion(tx, id, expected),
    prepare: async (tx, actor, loaded, request) => {
      const snapshot = snapshotOf(loaded);
      const row = loaded.row;
      const g: WorkOrderGuardContext = {
        actDate: request.on ?? today,
        today,
        actor: { userId: actor.userId, roles: actor.roles, organizationPath: actor.organizationPath },
        calendar,
        // The receiving organization's local parameters (or those above it, or the defaults).
        settings: await workOrderSettingsFor(root, tx, loaded.org.path),
        dispatchRule: null,
      };
      if (TO_UNIT.includes(request.action)) {
        // The dispatch catalog's rule for the category: its default unit, and whether the item is the bureau's own.
        const category = findCategory(await workOrderCategories(), row.categoryKind as CategoryKind, row.categoryCode);
        const rule = await dispatchRuleFor(tx, loaded.org.path, category);
        g.dispatchRule = rule ? { category: rule.category, reservedToBureau: rule.reservedToBureau } : null;
        if (request.action === 'dispatch' && request.unitId === undefined) {
          if (!rule?.unit) throw validationError(`“${category.name}”在派单目录中没有默认承办单位，请选择承办单位`, { fields: [{ field: 'unitId', message: '请选择承办单位' }] });
          // Recorded in the step's audit record as if chosen.
          request.unitId = rule.unit.id;
        }
      }
      if ('unitId' in request && request.unitId !== undefined) {
        const target = await loadOrg(tx, request.unitId);
        if (target) g.target = target;
      }
      if (request.action === 'merge') {
        const [into] = await tx.select({ id: workOrders.id, state: workOrders.state, organizationId: workOrders.organizationId }).from(workOrders).where(eq(workOrders.id, request.intoId));
        const intoOrg = into ? await loadOrg(tx, into.organizationId) : null;
        g.mergeTarget = into && intoOrg ? { id: into.id, state: into.state as WorkOrderState, organizationPath: intoOrg.path } : null;
      }
      return { snapshot, g };
    },
    begin: (base) => {
      const record = structuredClone(base.subject.row.record as WorkOrderRecord);
      record.reviews ??= [];
      return { ...base, record, columns: {}, details: {} };
    },
    effect: (s, request) => applyWorkOrderAction(s, request, sqlDeadlines(s.tx, s.subject.row)),
    // Written `later` (src/db/later.ts): the claim holds the row, nothing waits for this statement's answer.
    write: (s, next) => later(s.tx, s.tx.update(workOrders).set({ ...s.columns, state: next, record: s.record, lastActedOn: s.g.actDate }).where(eq(workOrders.id, s.subject.row.id))),
    auditDetails: (s) => s.details,
    view: (tx, actor, id) => getWorkOrder(tx, actor, id),
  };
}

/** What a step's effect reads and changes (the step runner's step, or the demo's bulk writer's, src/demo/workorder-rows.ts). */
export type WorkOrderStepState = Pick<Step, 'g' | 'now' | 'record' | 'columns' | 'details' | 'snapshot'> & { subject: { row: Loaded['row']; unit: Loaded['unit'] }; actor: Pick<Actor, 'displayName'> };

/**
 * The effect of one step of the loop: the record, the columns and the deadlines it changes. The step runner passes the
 * deadlines table; the demo's bulk writer its own rows, so both write what this function says.
 */
export async function applyWorkOrderAction(s: WorkOrderStepState, request: Request, deadlines: WorkOrderDeadlines): Promise<void> {
  const { g, subject } = s;
  const row = subject.row;
  const on = g.actDate;
  const met = { on, at: s.now };
  const order = { channel: row.channel as WorkOrderChannel, kind: row.kind as WorkOrderKind };
  const toUnit = async (unit: OrgRef, action: 'dispatch' | 'resolveDispute' | 'reassign', note: string | null) => {
    s.columns.unitId = unit.id;
    s.columns.designated = action === 'resolveDispute';
    s.record.dispatches.push({ on, unitId: unit.id, unitName: unit.name, action, note });
    s.details.unitName = unit.name;
    await deadlines.set('signing', signingDueOn(g.calendar, on, g.settings));
    // The handling period runs from the first dispatch (a petition's from its acceptance, 第三十四条).
    if (!row.dueOn) {
      const from = s.record.acceptance?.on ?? on;
      const due = handlingDueOn(g.calendar, { ...order, from }, g.settings);
      await deadlines.set('handling', due);
      s.columns.dueOn = due.dueOn;
      s.details.dueOn = due.dueOn;
    }
  };
  switch (request.action) {
    case 'decideAcceptance':
      s.record.acceptance = { on, accepted: request.accepted, reason: request.reason };
      if (request.accepted) await deadlines.meet(['acceptance'], met);
      else await deadlines.close(met);
      break;
    case 'dispatch':
      await toUnit(g.target!, 'dispatch', request.note ?? null);
      break;
    case 'resolveDispute':
      await toUnit(g.target!, 'resolveDispute', request.opinion);
      break;
    case 'reassign':
      await toUnit(g.target!, 'reassign', request.reason);
      break;
    case 'accept':
      await deadlines.meet(['signing'], met);
      break;
    case 'return':
      s.record.returns.push({ on, unitName: subject.unit?.name ?? '', reason: request.reason });
      break;
    case 'urge':
      s.record.urges.push({ on, note: request.note, by: s.actor.displayName });
      break;
    case 'extend': {
      s.record.extensions.push({ on, days: request.days, reason: request.reason });
      const extensionDays = row.extensionDays + request.days;
      s.columns.extensionDays = extensionDays;
      const due = handlingDueOn(g.calendar, { ...order, from: s.record.acceptance?.on ?? row.receivedOn, extensionDays }, g.settings);
      await deadlines.set('handling', due);
      s.columns.dueOn = due.dueOn;
      s.details.dueOn = due.dueOn;
      break;
    }
    case 'answer':
      s.record.answers.push({ on, method: request.method, text: request.text });
      break;
    case 'complete':
      s.record.completion = { on, result: request.result };
      s.columns.completedOn = on;
      await deadlines.meet(['handling', 'signing'], met);
      break;
    case 'visit':
      s.record.visits.push({ on, satisfaction: request.satisfaction, reason: request.reason ?? null });
      s.columns.lastSatisfaction = request.satisfaction satisfies Satisfaction;
      s.columns.visitedOn = on;
      break;
    case 'reopen': {
      s.record.reopenings.push({ on, reason: request.reason });
      s.record.completion = null;
      s.columns.reopenCount = row.reopenCount + 1;
      s.columns.lastSatisfaction = null;
      s.columns.completedOn = null;
      s.columns.visitedOn = null;
      const due = handlingDueOn(g.calendar, { ...order, from: on }, g.settings);
      await deadlines.set('handling', due);
      s.columns.dueOn = due.dueOn;
      s.details.dueOn = due.dueOn;
      break;
    }
    case 'merge':
      s.columns.mergedIntoId = request.intoId;
      await deadlines.close(met);
      break;
    case 'requestReview':
    case 'requestRecheck': {
      // 第三十五条 / 第三十六条: the reviewing organ gives its opinion within 30 days of receiving the request.
      const stage = request.action === 'requestReview' ? 'review' : 'recheck';
      const due = countDeadline(g.calendar, on, stage === 'review' ? petitionPeriods.review : petitionPeriods.recheck);
      const reviews = s.record.reviews!;
      const before = reviews.findLast((r) => r.stage === 'review');
      const replyReceivedOn = request.replyReceivedOn ?? (stage === 'review' ? s.snapshot.writtenReply!.on : before!.answer!.on);
      reviews.push({ stage, requestedOn: on, replyReceivedOn, organ: request.organ, request: request.request, dueOn: due.dueOn, answer: null });
      await deadlines.set(stage, due);
      s.details.dueOn = due.dueOn;
      break;
    }
    case 'answerReview':
    case 'answerRecheck': {
      const stage = request.action === 'answerReview' ? 'review' : 'recheck';
      const entry = s.record.reviews!.findLast((r) => r.stage === stage)!;
      entry.answer = { on, outcome: request.outcome, opinion: request.opinion };
      await deadlines.meet([stage], met);
      break;
    }
  }
}

/** Takes one step of work order `id`; the body is `{ expectedVersion, action, …payload }`. */
export async function transitionWorkOrder(ctx: ServiceContext, actor: Actor, id: number, body: unknown): Promise<WorkOrderView> {
  const request = parseInput(workOrderStepRequest, body);
  const calendar = await cachedWorkCalendar(ctx.db);
  return runStep(ctx, actor, workOrderStep(ctx.db, calendar, chinaDateOf(ctx.clock())), id, request);
}

/**
 * The demo's bulk writer of work orders: it takes registrations and steps exactly as the work-order services do —
 * the same input parsing, the same guards (the workflow kernel's `checkTransition`), the same effect
 * (`applyWorkOrderAction`), the same registration rows (`workOrderRegistration`), the same audit change
 * (`stepAuditChange`) and the same chained audit record (`chainedAuditRecord`) — but keeps the orders, their
 * deadlines and their audit chains in memory and writes them at the end in a few multi-row INSERTs. A step through
 * the services costs about twenty SQL statements (~20 ms of CPU on PGlite); a few hundred demo orders of five or six
 * steps each would add half a minute to the first `npm start`, this writes them in well under a second.
 *
 * It covers what the demo does (registration without an external number, every step of the loop); it refuses what it
 * does not (an external order number, a dispatch without a unit). workorder-rows.test.ts takes the same orders through
 * the services and through this writer and compares every row, so the two cannot drift.
 *
 * Layer: src/demo (domain, db and services).
 */
import { sql } from 'drizzle-orm';
import { type Actor, assertCanSee, assertRole } from '../domain/access.ts';
import { assertAuditChange } from '../domain/audit/events.ts';
import { GENESIS_DIGEST } from '../domain/audit/digest.ts';
import { chinaDateOf, type IsoDate } from '../domain/calendar/iso-date.ts';
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import { notFound, validationError } from '../domain/errors.ts';
import { type CategoryKind, findCategory } from '../domain/workorders/catalog.ts';
import { workOrderInput } from '../domain/workorders/inputs.ts';
import type { WorkOrderState } from '../domain/workorders/model.ts';
import type { WorkOrderGuardContext } from '../domain/workorders/snapshot.ts';
import { workOrderWorkflow } from '../domain/workorders/workflow.ts';
import { checkTransition } from '../domain/workflow/kernel.ts';
import type { Executor } from '../db/connect.ts';
import { auditChainHeads, auditRecords, deadlines, organizations, workOrders } from '../db/schema.ts';
import { chainedAuditRecord } from '../services/audit-trail.ts';
import { cachedWorkCalendar } from '../services/calendar.ts';
import type { ServiceContext } from '../services/context.ts';
import type { DeadlineMet } from '../services/deadlines/deadline-store.ts';
import { stepAuditChange } from '../services/kernel/run-step.ts';
import { parseInput } from '../services/parse-input.ts';
import { workOrderCategories } from '../services/workorders/catalog.ts';
import { dispatchRuleFor } from '../services/workorders/dispatch-rules.ts';
import { workOrderRegistration } from '../services/workorders/register-work-order.ts';
import { workOrderSettingsFor } from '../services/workorders/settings.ts';
import { type OrgRef, snapshotOf, SUBJECT_TYPE, type WorkOrderDeadlineKind, workOrderDeadlineKinds, type WorkOrderDeadlines, type WorkOrderRecord, type WorkOrderRow } from '../services/workorders/store.ts';
import { applyWorkOrderAction, workOrderStepRequest } from '../services/workorders/transition-work-order.ts';

type DeadlineRow = typeof deadlines.$inferInsert & { kind: WorkOrderDeadlineKind; dueOn: IsoDate; metOn: IsoDate | null };
type AuditRow = typeof auditRecords.$inferInsert;

interface HeldOrder {
  row: WorkOrderRow;
  deadlines: DeadlineRow[];
  audit: AuditRow[];
  head: { seq: number; digest: string };
}

/** The orders' rows as the services would have written them, kept in memory until `write`. */
export class WorkOrderBulkWriter {
  private readonly orders = new Map<number, HeldOrder>();
  private readonly rules = new Map<string, Awaited<ReturnType<typeof dispatchRuleFor>>>();
  private ids: number[] = [];

  private constructor(
    private readonly db: Executor,
    private readonly calendar: WorkCalendar,
    private readonly orgs: Map<number, OrgRef>,
  ) {}

  static async open(ctx: Pick<ServiceContext, 'db'>): Promise<WorkOrderBulkWriter> {
    const orgs = await ctx.db.select({ id: organizations.id, path: organizations.path, name: organizations.name, kind: organizations.kind }).from(organizations);
    return new WorkOrderBulkWriter(ctx.db, await cachedWorkCalendar(ctx.db), new Map(orgs.map((o) => [o.id, o])));
  }

  /** Takes `n` ids of the orders' sequence at once (registration takes them one by one, in the same order). */
  async reserveIds(n: number): Promise<void> {
    if (n <= 0) return;
    const { rows } = (await this.db.execute(sql`SELECT nextval(pg_get_serial_sequence('work_orders', 'id'))::int AS id FROM generate_series(1, ${n})`)) as unknown as { rows: { id: number }[] };
    this.ids.push(...rows.map((r) => r.id));
  }

  /** The order as it stands (the row the services would read now). */
  order(id: number): WorkOrderRow {
    return this.held(id).row;
  }

  /** `registerWorkOrder` at `now`: returns the new order's id. */
  async register(actor: Actor, raw: unknown, now: Date): Promise<number> {
    assertRole(actor, 'clerk', 'head', 'supervisor', 'officer', 'admin');
    const input = parseInput(workOrderInput, raw);
    if (input.externalNumber) throw new Error('the bulk writer does not register external order numbers');
    const today = chinaDateOf(now);
    const receivedOn = input.receivedOn ?? today;
    if (receivedOn > today) throw validationError(`受理日期 ${receivedOn} 不能晚于今天 ${today}`);
    const category = findCategory(await workOrderCategories(), input.category.kind, input.category.code);
    const org = this.orgs.get(input.organizationId);
    if (!org) throw notFound('受理单位', { id: input.organizationId });
    assertCanSee(actor, org.path);
    const id = this.ids.shift();
    if (id === undefined) throw new Error('bulk writer: no reserved work-order id left (reserveIds)');
    const { values, due, change } = workOrderRegistration({ input, category, id, org, actor, receivedOn, source: 'staff', calendar: this.calendar });
    const row: WorkOrderRow = {
      ...values,
      unitId: null,
      version: 1,
      dueOn: null,
      designated: false,
      extensionDays: 0,
      reopenCount: 0,
      lastSatisfaction: null,
      completedOn: null,
      visitedOn: null,
      mergedIntoId: null,
      caseId: null,
      createdAt: now,
    };
    const held: HeldOrder = { row, deadlines: [], audit: [], head: { seq: 0, digest: GENESIS_DIGEST } };
    this.orders.set(id, held);
    if (due) await this.deadlinesOf(held).set('acceptance', due);
    this.audit(held, actor, 'workOrder.register', change, now);
    return id;
  }

  /** `transitionWorkOrder` at `now` (the body without `expectedVersion`: the order's current version is meant). */
  async step(actor: Actor, id: number, body: Record<string, unknown>, now: Date): Promise<void> {
    const held = this.held(id);
    const before = held.row;
    const request = parseInput(workOrderStepRequest, { ...body, expectedVersion: before.version });
    const today = chinaDateOf(now);
    // load: the order is seen by the actor's subtree through its receiver or its unit (NOT_FOUND otherwise).
    const org = this.orgs.get(before.organizationId)!;
    const unit = before.unitId === null ? null : this.orgs.get(before.unitId)!;
    if (!(org.path.startsWith(actor.organizationPath) || (unit && unit.path.startsWith(actor.organizationPath)))) throw notFound('工单', { id });
    const snapshot = snapshotOf({ row: before, org, unit });
    const g: WorkOrderGuardContext = {
      actDate: request.on ?? today,
      today,
      actor: { userId: actor.userId, roles: actor.roles, organizationPath: actor.organizationPath },
      calendar: this.calendar,
      settings: await workOrderSettingsFor(this.db, this.db, org.path),
      dispatchRule: null,
    };
    if (request.action === 'dispatch' || request.action === 'resolveDispute' || request.action === 'reassign') {
      if (request.action === 'dispatch' && request.unitId === undefined) throw new Error('the bulk writer dispatches to a named unit only');
      const category = findCategory(await workOrderCategories(), before.categoryKind as CategoryKind, before.categoryCode);
      const key = `${org.path}|${category.kind}|${category.code}`;
      if (!this.rules.has(key)) this.rules.set(key, await dispatchRuleFor(this.db, org.path, category));
      const rule = this.rules.get(key);
      g.dispatchRule = rule ? { category: rule.category, reservedToBureau: rule.reservedToBureau } : null;
    }
    if ('unitId' in request && request.unitId !== undefined) {
      const target = this.orgs.get(request.unitId);
      if (target) g.target = target;
    }
    if (request.action === 'merge') {
      const into = this.orders.get(request.intoId)?.row;
      if (!into) throw new Error(`bulk writer: order ${String(request.intoId)} to merge into is not one of its own`);
      g.mergeTarget = { id: into.id, state: into.state as WorkOrderState, organizationPath: this.orgs.get(into.organizationId)!.path };
    }
    const from = workOrderWorkflow.stateOf(snapshot);
    const next = checkTransition(workOrderWorkflow, snapshot, request, g);
    const record = structuredClone(before.record as WorkOrderRecord);
    record.reviews ??= [];
    const s = { g, now, record, columns: {}, details: {}, snapshot, subject: { row: before, unit }, actor };
    await applyWorkOrderAction(s, request, this.deadlinesOf(held));
    held.row = { ...before, ...s.columns, version: before.version + 1, state: next, record, lastActedOn: g.actDate };
    this.audit(held, actor, 'workOrder.transition', stepAuditChange(request, from, next, g.actDate, s.details), now);
  }

  /** Writes every order, deadline and audit record held (in one transaction of a few statements). */
  async write(db: Executor): Promise<{ orders: number; deadlines: number; auditRecords: number }> {
    const held = [...this.orders.values()];
    const rows = held.map(({ row: { createdAt: _createdAt, ...row } }) => row);
    const deadlineRows = held.flatMap((h) => h.deadlines);
    const auditRows = held.flatMap((h) => h.audit);
    const heads = held.map((h) => ({ chain: h.audit[0]!.chain, seq: h.head.seq, digest: h.head.digest }));
    await db.transaction(async (tx) => {
      for (const part of chunks(rows, 500)) await tx.insert(workOrders).values(part);
      for (const part of chunks(deadlineRows, 1000)) await tx.insert(deadlines).values(part);
      for (const part of chunks(auditRows, 1000)) await tx.insert(auditRecords).values(part);
      for (const part of chunks(heads, 1000)) await tx.insert(auditChainHeads).values(part);
    });
    this.orders.clear();
    return { orders: rows.length, deadlines: deadlineRows.length, auditRecords: auditRows.length };
  }

  private held(id: number): HeldOrder {
    const held = this.orders.get(id);
    if (!held) throw new Error(`bulk writer: work order ${String(id)} is not one of its own`);
    return held;
  }

  private audit(held: HeldOrder, actor: Actor, action: 'workOrder.register' | 'workOrder.transition', change: Record<string, unknown>, now: Date): void {
    // As appendAudit: the payload is checked against the events catalog before anything is kept.
    assertAuditChange(action, change);
    const record = chainedAuditRecord(held.head, actor, { action, subjectType: SUBJECT_TYPE, subjectId: held.row.id, organizationId: held.row.organizationId, change }, now);
    // The change as the database keeps it (jsonb: no undefined members).
    held.audit.push({ ...record, change: JSON.parse(JSON.stringify(change)) as unknown });
    held.head = { seq: record.seq, digest: record.digest };
  }

  /** The deadlines of `held` kept as services/deadlines/deadline-store.ts keeps them in the table. */
  private deadlinesOf(held: HeldOrder): WorkOrderDeadlines {
    const open = (kinds?: readonly string[]) => held.deadlines.filter((d) => d.metOn === null && (!kinds || kinds.includes(d.kind)));
    const metAt = (met: DeadlineMet) => met.at.toISOString();
    return {
      set: (kind, due) => {
        const { dueOn, counting } = due;
        const values = { dueOn, countedFrom: counting?.from ?? null, periodDays: counting?.days ?? null, periodKind: counting?.kind ?? null };
        const [current] = open([kind]);
        if (current) Object.assign(current, values);
        else held.deadlines.push({ subjectType: SUBJECT_TYPE, subjectId: held.row.id, organizationId: held.row.organizationId, kind, article: workOrderDeadlineKinds[kind], metOn: null, metAt: null, metLate: false, lateReason: null, ...values });
        return Promise.resolve();
      },
      meet: (kinds, met) => {
        for (const d of open(kinds)) {
          const late = met.flagLate === false ? false : d.dueOn < met.on;
          Object.assign(d, { metOn: met.on, metAt: metAt(met), metLate: late, lateReason: met.lateReason && late ? met.lateReason : null });
        }
        return Promise.resolve();
      },
      close: (met) => {
        for (const d of open()) Object.assign(d, { metOn: met.on, metAt: metAt(met) });
        return Promise.resolve();
      },
    };
  }
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

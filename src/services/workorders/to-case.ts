/**
 * 转为案件线索: a work order registers a clue of the case engine (services/cases/register-clue.ts, unchanged) prefilled
 * from the order — facts from its content, place from its address, the party if the order names one, else an unknown
 * party (allowed at clue stage, 《行政处罚法》第五十四条 needs it only for filing) — in one transaction with the order's
 * link to it. Audited on both chains: the case's registration (`case.register`) and its origin (`case.fromWorkOrder`),
 * the order's `workOrder.case`. At most one case per order: a second is refused with the number of the first.
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import type { ClueSource } from '../../domain/cases/model.ts';
import { conflict, validationError } from '../../domain/errors.ts';
import { workOrderCaseInput } from '../../domain/workorders/case-input.ts';
import type { WorkOrderChannel, WorkOrderState } from '../../domain/workorders/model.ts';
import type { WorkOrderView } from '../../domain/workorders/views.ts';
import { cases, workOrders } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { registerClueFromLedger } from '../cases/clue-from-ledger.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { parseInput } from '../parse-input.ts';
import { getWorkOrder } from './get-work-order.ts';
import { claimVersion, CONFLICT_MESSAGE, loadWorkOrder } from './store.ts';

/** 12345 → 12345热线, a complaint or petition → 投诉举报, an order from above → 上级交办 … */
const clueSourceOf: Record<WorkOrderChannel, ClueSource> = {
  hotline: 'hotline',
  complaint: 'complaint',
  petitionLetter: 'complaint',
  petitionVisit: 'complaint',
  petitionOnline: 'complaint',
  assigned: 'higherLevel',
  transfer: 'transfer',
  digital: 'video',
  media: 'complaint',
};

const NO_CASE_STATES: readonly WorkOrderState[] = ['merged', 'declined'];

/** Registers a case clue from work order `orderId`; returns the order with its case. */
export async function registerCaseFromWorkOrder(ctx: ServiceContext, actor: Actor, orderId: number, raw: unknown): Promise<WorkOrderView> {
  const input = parseInput(workOrderCaseInput, raw);
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const { row, unit } = await loadWorkOrder(tx, actor, orderId);
    if (row.version !== input.expectedVersion) throw conflict(CONFLICT_MESSAGE, { id: orderId, expectedVersion: input.expectedVersion, currentVersion: row.version });
    await claimVersion(tx, orderId, input.expectedVersion);
    if (row.caseId !== null) {
      const [first] = await tx.select({ actCode: cases.actCode }).from(cases).where(eq(cases.id, row.caseId));
      throw validationError(`本工单已登记为案件线索（行政行为码 ${first?.actCode ?? String(row.caseId)}），一个工单只能转为一个案件`, { caseId: row.caseId });
    }
    if (NO_CASE_STATES.includes(row.state as WorkOrderState)) throw validationError(`本工单${row.state === 'merged' ? '已并单' : '不予受理'}，不能转为案件线索`);
    const clue = {
      organizationId: input.organizationId ?? unit?.id ?? row.organizationId,
      clueSource: clueSourceOf[row.channel as WorkOrderChannel],
      title: input.title,
      facts: input.facts ?? row.content,
      place: input.place ?? row.address,
      actStartedOn: input.actStartedOn ?? row.receivedOn,
      actEndedOn: input.actEndedOn ?? null,
      ...(input.actContinuing === undefined ? {} : { actContinuing: input.actContinuing }),
      discoveredOn: row.receivedOn,
      powerItemId: input.powerItemId ?? null,
      // The requester is not the party: a party is named by the officer, else unknown until investigated.
      party: input.party ?? { kind: 'unknown', description: '' },
    };
    // The case engine's own registration, inside this transaction (a savepoint): both commit or neither.
    const registered = await registerClueFromLedger(ctx, tx, actor, clue, { action: 'case.fromWorkOrder', change: { workOrderId: orderId, number: row.number } }, now);
    await tx.update(workOrders).set({ caseId: registered.id }).where(eq(workOrders.id, orderId));
    await appendAudit(
      tx,
      actor,
      { action: 'workOrder.case', subjectType: 'workOrder', subjectId: orderId, organizationId: row.organizationId, change: { caseId: registered.id, actCode: registered.actCode, version: input.expectedVersion + 1 } },
      now,
    );
    return getWorkOrder(tx, actor, orderId);
  });
}

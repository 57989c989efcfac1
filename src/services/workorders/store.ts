/**
 * The work-order ledger's SQL: load an order the actor may see (NOT_FOUND outside the organization subtree of its
 * receiver and of the unit it is with), its snapshot, the version claim and its deadlines (rows of `deadlines`,
 * subject type 'workOrder').
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import type { CountedDeadline } from '../../domain/calendar/periods.ts';
import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import type { OrganizationKind } from '../../domain/access.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import { type ReviewOutcome, type Satisfaction, type WorkOrderChannel, workOrderChannels, type WorkOrderKind, workOrderKinds, type WorkOrderState, workOrderStates } from '../../domain/workorders/model.ts';
import { WRITTEN_ANSWER_METHODS } from '../../domain/workorders/actions.ts';
import type { WorkOrderSnapshot } from '../../domain/workorders/snapshot.ts';
import type { Executor, Transaction } from '../../db/connect.ts';
import { organizations, workOrders } from '../../db/schema.ts';
import * as deadlineStore from '../deadlines/deadline-store.ts';

export const SUBJECT_TYPE = 'workOrder';

/** The head fields every read shape of an order starts with: id, number, version, and state, channel and kind with their labels. */
export function orderHead(row: Pick<WorkOrderRow, 'id' | 'number' | 'version' | 'state' | 'channel' | 'kind'>) {
  return {
    id: row.id,
    number: row.number,
    version: row.version,
    state: { key: row.state, label: workOrderStates[row.state as WorkOrderState] },
    channel: { key: row.channel, label: workOrderChannels[row.channel as WorkOrderChannel] },
    kind: { key: row.kind, label: workOrderKinds[row.kind as WorkOrderKind] },
  };
}
export const CONFLICT_MESSAGE = '该工单已被他人更新，请刷新后重试';

/** What the loop records besides the columns; every entry is also in the order's audit chain. */
export interface WorkOrderRecord {
  acceptance: { on: IsoDate; accepted: boolean; reason: string } | null;
  dispatches: { on: IsoDate; unitId: number; unitName: string; action: 'dispatch' | 'resolveDispute' | 'reassign'; note: string | null }[];
  returns: { on: IsoDate; unitName: string; reason: string }[];
  urges: { on: IsoDate; note: string; by: string }[];
  extensions: { on: IsoDate; days: number; reason: string }[];
  answers: { on: IsoDate; method: string; text: string }[];
  completion: { on: IsoDate; result: string } | null;
  visits: { on: IsoDate; satisfaction: Satisfaction; reason: string | null }[];
  reopenings: { on: IsoDate; reason: string }[];
  /** 复查 (第三十五条) and 复核 (第三十六条): absent on orders recorded before they existed. */
  reviews?: ReviewEntry[];
}

export interface ReviewEntry {
  stage: 'review' | 'recheck';
  requestedOn: IsoDate;
  replyReceivedOn: IsoDate;
  organ: string;
  request: string;
  dueOn: IsoDate;
  answer: { on: IsoDate; outcome: ReviewOutcome; opinion: string } | null;
}

export const emptyRecord = (): WorkOrderRecord => ({ acceptance: null, dispatches: [], returns: [], urges: [], extensions: [], answers: [], completion: null, visits: [], reopenings: [], reviews: [] });

export type WorkOrderRow = typeof workOrders.$inferSelect;
export interface OrgRef {
  id: number;
  path: string;
  name: string;
  kind: OrganizationKind;
}
export interface LoadedWorkOrder {
  row: WorkOrderRow;
  org: OrgRef;
  unit: OrgRef | null;
}

const orgRef = { id: organizations.id, path: organizations.path, name: organizations.name, kind: organizations.kind };

export async function loadOrg(db: Executor, id: number): Promise<OrgRef | null> {
  const [org] = await db.select(orgRef).from(organizations).where(eq(organizations.id, id));
  return org ?? null;
}

/** The order with its receiver and unit, if the actor sees either (their subtree); NOT_FOUND otherwise. */
export async function loadWorkOrder(db: Executor, actor: Actor, id: number): Promise<LoadedWorkOrder> {
  const [row] = await db.select().from(workOrders).where(eq(workOrders.id, id));
  const org = row ? await loadOrg(db, row.organizationId) : null;
  const unit = row?.unitId ? await loadOrg(db, row.unitId) : null;
  const sees = (o: OrgRef | null) => o !== null && o.path.startsWith(actor.organizationPath);
  if (!row || !org || !(sees(org) || sees(unit))) throw notFound('工单', { id });
  return { row, org, unit };
}

export function snapshotOf({ row, org, unit }: LoadedWorkOrder): WorkOrderSnapshot {
  const record = row.record as WorkOrderRecord;
  const written = record.answers.findLast((a) => WRITTEN_ANSWER_METHODS.includes(a.method));
  const review = record.reviews?.findLast((r) => r.stage === 'review');
  return {
    id: row.id,
    state: row.state as WorkOrderState,
    channel: row.channel as WorkOrderChannel,
    kind: row.kind as WorkOrderKind,
    organizationPath: org.path,
    unit: unit ? { id: unit.id, path: unit.path } : null,
    designated: row.designated,
    anonymous: row.requesterName === null,
    receivedOn: row.receivedOn,
    lastActedOn: row.lastActedOn,
    acceptance: record.acceptance ? { on: record.acceptance.on, accepted: record.acceptance.accepted } : null,
    extensionDays: row.extensionDays,
    answer: record.answers.at(-1) ? { on: record.answers.at(-1)!.on } : null,
    writtenReply: written ? { on: written.on } : null,
    review: review ? { answeredOn: review.answer?.on ?? null } : null,
    reopenCount: row.reopenCount,
    lastSatisfaction: (row.lastSatisfaction as Satisfaction | null) ?? null,
  };
}

export async function claimVersion(tx: Transaction, id: number, expected: number): Promise<void> {
  const claimed = await tx
    .update(workOrders)
    .set({ version: sql`${workOrders.version} + 1` })
    .where(and(eq(workOrders.id, id), eq(workOrders.version, expected)))
    .returning({ id: workOrders.id });
  if (claimed.length === 0) throw conflict(CONFLICT_MESSAGE, { id, expectedVersion: expected });
}

/** The work-order deadline kinds and what sets each. */
export const workOrderDeadlineKinds = {
  acceptance: '《信访工作条例》第二十二条、第二十三条',
  signing: '地方12345热线工单办理规范（签收期限）',
  handling: '办结期限（信访：《信访工作条例》第三十四条；其他：地方工单办理规范）',
  review: '《信访工作条例》第三十五条（复查意见期限）',
  recheck: '《信访工作条例》第三十六条（复核意见期限）',
} as const;
export type WorkOrderDeadlineKind = keyof typeof workOrderDeadlineKinds;

export async function setDeadline(tx: Transaction, row: Pick<WorkOrderRow, 'id' | 'organizationId'> & { created?: boolean }, kind: WorkOrderDeadlineKind, due: CountedDeadline): Promise<void> {
  await deadlineStore.setDeadline(tx, { type: SUBJECT_TYPE, id: row.id, organizationId: row.organizationId, created: row.created ?? false }, kind, due, workOrderDeadlineKinds[kind]);
}

export async function meetDeadlines(tx: Transaction, id: number, kinds: WorkOrderDeadlineKind[], met: deadlineStore.DeadlineMet): Promise<void> {
  await deadlineStore.meetDeadlines(tx, SUBJECT_TYPE, id, kinds, met);
}

export async function closeDeadlines(tx: Transaction, id: number, met: deadlineStore.DeadlineMet): Promise<void> {
  await deadlineStore.closeAllDeadlines(tx, SUBJECT_TYPE, id, met);
}

/** Where a step's deadline changes go (transition-work-order.ts `applyWorkOrderAction`). */
export interface WorkOrderDeadlines {
  set(kind: WorkOrderDeadlineKind, due: CountedDeadline): Promise<void>;
  meet(kinds: WorkOrderDeadlineKind[], met: deadlineStore.DeadlineMet): Promise<void>;
  close(met: deadlineStore.DeadlineMet): Promise<void>;
}

/** The deadlines table, for the order `row`. */
export function sqlDeadlines(tx: Transaction, row: Pick<WorkOrderRow, 'id' | 'organizationId'>): WorkOrderDeadlines {
  return {
    set: (kind, due) => setDeadline(tx, row, kind, due),
    meet: (kinds, met) => meetDeadlines(tx, row.id, kinds, met),
    close: (met) => closeDeadlines(tx, row.id, met),
  };
}

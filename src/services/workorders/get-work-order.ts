/** One work order as its handlers see it (the requester in full only for the receiver and the unit). */
import { asc } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { maskPersonName } from '../../domain/masking.ts';
import { findCategory, type CategoryKind } from '../../domain/workorders/catalog.ts';
import type { WorkOrderView } from '../../domain/workorders/views.ts';
import type { Executor } from '../../db/connect.ts';
import { deadlines } from '../../db/schema.ts';
import { deadlineOf } from '../deadlines/deadline-store.ts';
import { workOrderCategories } from './catalog.ts';
import { type LoadedWorkOrder, loadWorkOrder, orderHead, SUBJECT_TYPE, type WorkOrderRecord } from './store.ts';

export async function getWorkOrder(db: Executor, actor: Actor, id: number): Promise<WorkOrderView> {
  return workOrderViewOf(db, actor, await loadWorkOrder(db, actor, id));
}

export async function workOrderViewOf(db: Executor, actor: Actor, { row, org, unit }: LoadedWorkOrder): Promise<WorkOrderView> {
  const category = findCategory(await workOrderCategories(), row.categoryKind as CategoryKind, row.categoryCode);
  const rows = await db.select().from(deadlines).where(deadlineOf(SUBJECT_TYPE, row.id)).orderBy(asc(deadlines.dueOn), asc(deadlines.id));
  // The receiver's people and the unit's handle the order: they see the requester to answer them.
  const handles = org.path.startsWith(actor.organizationPath) || actor.organizationPath.startsWith(org.path) || (unit !== null && actor.organizationPath.startsWith(unit.path));
  const requester = row.requesterName === null ? null : handles ? { name: row.requesterName, phone: row.requesterPhone ?? '' } : { name: maskPersonName(row.requesterName), phone: '' };
  return {
    ...orderHead(row),
    category,
    content: row.content,
    address: row.address,
    location: row.longitude !== null && row.latitude !== null ? { longitude: row.longitude, latitude: row.latitude } : null,
    requester,
    anonymous: row.requesterName === null,
    receivedOn: row.receivedOn,
    dueOn: row.dueOn,
    organization: { id: org.id, name: org.name },
    unit: unit ? { id: unit.id, name: unit.name } : null,
    designated: row.designated,
    reopenCount: row.reopenCount,
    record: row.record as WorkOrderRecord,
    deadlines: rows.map((d) => ({ kind: d.kind, dueOn: d.dueOn, metOn: d.metOn, article: d.article })),
  };
}

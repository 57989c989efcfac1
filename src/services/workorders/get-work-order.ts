/** One work order as its handlers see it (the requester in full only for the receiver and the unit). */
import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { maskPersonName } from '../../domain/masking.ts';
import { findCategory, type CategoryKind } from '../../domain/workorders/catalog.ts';
import type { WorkOrderView } from '../../domain/workorders/views.ts';
import type { Executor } from '../../db/connect.ts';
import { caseStates, type CaseState } from '../../domain/cases/model.ts';
import { type AttachmentPurpose, attachmentPurposes } from '../../domain/workorders/model.ts';
import { cases, deadlines, users, workOrderAttachments } from '../../db/schema.ts';
import { deadlineOf } from '../deadlines/deadline-store.ts';
import { workOrderCategories } from './catalog.ts';
import { emptyRecord, type LoadedWorkOrder, loadWorkOrder, orderHead, SUBJECT_TYPE, type WorkOrderRecord } from './store.ts';

export async function getWorkOrder(db: Executor, actor: Actor, id: number): Promise<WorkOrderView> {
  return workOrderViewOf(db, actor, await loadWorkOrder(db, actor, id));
}

export async function workOrderViewOf(db: Executor, actor: Actor, { row, org, unit }: LoadedWorkOrder): Promise<WorkOrderView> {
  const category = findCategory(await workOrderCategories(), row.categoryKind as CategoryKind, row.categoryCode);
  const rows = await db.select().from(deadlines).where(deadlineOf(SUBJECT_TYPE, row.id)).orderBy(asc(deadlines.dueOn), asc(deadlines.id));
  // The case registered from the order: its act code and state are shown whoever's subtree the case is in.
  const [linked] = row.caseId === null ? [] : await db.select({ id: cases.id, actCode: cases.actCode, state: cases.state }).from(cases).where(eq(cases.id, row.caseId));
  const files = await db
    .select({ a: workOrderAttachments, by: users.displayName })
    .from(workOrderAttachments)
    .leftJoin(users, eq(users.id, workOrderAttachments.recordedBy))
    .where(eq(workOrderAttachments.workOrderId, row.id))
    .orderBy(asc(workOrderAttachments.seq));
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
    // Orders recorded before 复查/复核 existed have no `reviews`.
    record: { ...emptyRecord(), ...(row.record as WorkOrderRecord) } as Required<WorkOrderRecord>,
    case: linked ? { id: linked.id, actCode: linked.actCode, state: { key: linked.state, label: caseStates[linked.state as CaseState] ?? linked.state }, href: `/cases/${String(linked.id)}` } : null,
    attachments: files.map(({ a, by }) => ({
      seq: a.seq,
      purpose: { key: a.purpose, label: attachmentPurposes[a.purpose as AttachmentPurpose] },
      fileName: a.fileName,
      mediaType: a.mediaType,
      size: a.size,
      digest: a.digest,
      recordedAt: new Date(a.recordedAt).toISOString(),
      recordedBy: by ?? '',
      href: `/api/work-orders/${String(row.id)}/attachments/${String(a.seq)}/file`,
    })),
    deadlines: rows.map((d) => ({ kind: d.kind, dueOn: d.dueOn, metOn: d.metOn, article: d.article })),
  };
}

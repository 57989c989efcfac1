/**
 * Files of a work order — a photo or letter taken at registration, the handler's photo of the result — stored like
 * case evidence: once, under their SM3 digest (services/file-store.ts), staged until the record commits; the accepted
 * kinds and the name checks are those of evidence (domain/cases/evidence-files.ts). Never edited or deleted; each
 * upload is audited on the order's chain (`workOrder.attachment`). Downloaded by whoever may see the order, after the
 * digest is checked again.
 */
import { asc, count, eq } from 'drizzle-orm';
import { type Actor, assertRole } from '../../domain/access.ts';
import { sm3 } from '../../domain/audit/digest.ts';
import { checkEvidenceFile } from '../../domain/cases/evidence-files.ts';
import { AppError, notFound, validationError } from '../../domain/errors.ts';
import { type AttachmentPurpose, attachmentPurposeKeys, attachmentPurposes, type WorkOrderState, workOrderStates } from '../../domain/workorders/model.ts';
import type { WorkOrderView } from '../../domain/workorders/views.ts';
import { workOrderWorkflow } from '../../domain/workorders/workflow.ts';
import type { Executor } from '../../db/connect.ts';
import { workOrderAttachments, workOrders } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { storeWithRecord } from '../file-store.ts';
import { getWorkOrder } from './get-work-order.ts';
import { loadWorkOrder, snapshotOf } from './store.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** While the order is with the receiver or a unit, materials may be added; the result's photos while it is handled. */
const STATES_FOR: Record<AttachmentPurpose, readonly WorkOrderState[]> = {
  registration: ['received', 'dispatched', 'handling', 'disputed', 'answered', 'completed'],
  result: ['handling', 'answered', 'completed'],
};

/** The order may take a file of `purpose` now and `actor` may add it; checked before the file is staged and again inside the transaction. */
async function assertMayAttach(db: Executor, actor: Actor, orderId: number, purpose: AttachmentPurpose) {
  const loaded = await loadWorkOrder(db, actor, orderId);
  const state = loaded.row.state as WorkOrderState;
  if (!STATES_FOR[purpose].includes(state)) throw validationError(`工单${workOrderStates[state]}，不能再上传${attachmentPurposes[purpose]}附件`);
  if (purpose === 'result') {
    assertRole(actor, 'officer', 'clerk', 'head');
    // The result is the unit's: its own people (or a head above it), as for answering and completing.
    workOrderWorkflow.assertOnSubject(snapshotOf(loaded), actor);
  } else {
    assertRole(actor, 'clerk', 'head', 'supervisor', 'officer');
  }
  return loaded;
}

/** Attaches one file to work order `orderId` (multipart: `file`, and `purpose` registration | result). */
export async function addWorkOrderAttachment(ctx: ServiceContext, actor: Actor, orderId: number, file: { fileName: string; data: Buffer }, fields: Record<string, string>): Promise<WorkOrderView> {
  const purpose = fields.purpose ?? 'registration';
  if (!(attachmentPurposeKeys as readonly string[]).includes(purpose)) throw validationError('附件用途应为 registration（登记材料）或 result（办理结果）', { fields: [{ field: 'purpose', message: '附件用途无效' }] });
  const files = ctx.files;
  if (!files) throw new AppError('INTERNAL', '未配置文件存储');
  if (file.data.byteLength === 0) throw validationError('附件文件为空');
  if (file.data.byteLength > MAX_ATTACHMENT_BYTES) throw validationError(`附件文件不超过 ${String(MAX_ATTACHMENT_BYTES / 1024 / 1024)} MB`);
  const { fileName, mediaType } = checkEvidenceFile({ fileName: file.fileName }, `工单附件-${sm3(file.data).slice(0, 8)}`);
  const now = ctx.clock();
  // Order, state and permission first: a refused upload writes nothing to the file store.
  await assertMayAttach(ctx.db, actor, orderId, purpose as AttachmentPurpose);
  return storeWithRecord(files, file.data, (stored) =>
    inTransaction(ctx, async (tx) => {
      await tx.select({ id: workOrders.id }).from(workOrders).where(eq(workOrders.id, orderId)).for('update');
      const { row } = await assertMayAttach(tx, actor, orderId, purpose as AttachmentPurpose);
      const [{ n }] = (await tx.select({ n: count() }).from(workOrderAttachments).where(eq(workOrderAttachments.workOrderId, orderId))) as [{ n: number }];
      const seq = n + 1;
      await tx.insert(workOrderAttachments).values({ workOrderId: orderId, seq, purpose, fileName, mediaType, size: stored.size, digest: stored.digest, recordedBy: actor.userId, recordedAt: now.toISOString() });
      await appendAudit(
        tx,
        actor,
        {
          action: 'workOrder.attachment',
          subjectType: 'workOrder',
          subjectId: orderId,
          organizationId: row.organizationId,
          change: { seq, purpose: purpose as AttachmentPurpose, fileName, mediaType, digest: stored.digest, size: stored.size },
        },
        now,
      );
      return getWorkOrder(tx, actor, orderId);
    }),
  );
}

/** The bytes of attachment `seq` of order `orderId`, for whoever may see the order; refused if the file no longer matches its digest. */
export async function readWorkOrderAttachment(ctx: ServiceContext, actor: Actor, orderId: number, seq: number): Promise<{ data: Buffer; fileName: string; mediaType: string }> {
  await loadWorkOrder(ctx.db, actor, orderId);
  if (!ctx.files) throw new AppError('INTERNAL', '未配置文件存储');
  const [item] = await ctx.db.select().from(workOrderAttachments).where(eq(workOrderAttachments.workOrderId, orderId)).orderBy(asc(workOrderAttachments.seq)).offset(seq - 1).limit(1);
  if (!item || item.seq !== seq) throw notFound('该附件');
  if (!(await ctx.files.verify(item.digest))) throw new AppError('INTERNAL', `附件“${item.fileName}”与登记的摘要不一致，可能已被篡改`);
  return { data: await ctx.files.get(item.digest), fileName: item.fileName, mediaType: item.mediaType };
}

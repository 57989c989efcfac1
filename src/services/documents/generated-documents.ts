/**
 * Enforcement documents generated for a case and kept: the file goes into the content-addressed file store under
 * its SM3 digest, a row lists it on the case, and the case's audit chain records who generated what — all in one
 * transaction after rendering. Reading a stored document recomputes its digest, so a changed file is refused.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { isSystem } from '../../domain/access.ts';
import { sm3 } from '../../domain/audit/digest.ts';
import { AppError, notFound, validationError } from '../../domain/errors.ts';
import type { Executor } from '../../db/connect.ts';
import { cases, generatedDocuments, organizations } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { type ServiceContext, inTransaction } from '../context.ts';
import { storeWithRecord } from '../file-store.ts';
import { renderDocumentForCase } from './render-for-case.ts';

export type GeneratedDocument = typeof generatedDocuments.$inferSelect;
export type DocumentFormat = 'docx' | 'pdf';

const mimeTypes: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** The case as far as documents need it, within the actor's subtree (NOT_FOUND outside it). */
async function caseFor(db: Executor, actor: Actor, caseId: number) {
  const [row] = await db
    .select({ id: cases.id, actCode: cases.actCode, organizationId: cases.organizationId, path: organizations.path })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .where(eq(cases.id, caseId));
  if (!row || !(isSystem(actor) || row.path.startsWith(actor.organizationPath))) throw notFound('该案件', { caseId });
  return row;
}

export async function generateCaseDocument(
  ctx: ServiceContext,
  actor: Actor,
  caseId: number,
  input: { type: string; format: DocumentFormat; instance?: number },
): Promise<GeneratedDocument> {
  const files = ctx.files;
  if (!files) throw new AppError('INTERNAL', '未配置文件存储，无法保存文书');
  const target = await caseFor(ctx.db, actor, caseId);
  // Rendering (and LibreOffice) happens before the transaction: it may take seconds and needs no lock.
  const rendered = await renderDocumentForCase(ctx, actor, {
    code: target.actCode,
    type: input.type,
    pdf: input.format === 'pdf',
    ...(input.instance === undefined ? {} : { instance: input.instance }),
  });
  const file = rendered.file;
  const bytes = input.format === 'pdf' ? file.pdf : file.docx;
  if (!bytes) throw validationError(file.notice ?? '无法生成 PDF', { format: input.format });
  const title = rendered.kind === 'caseFile' ? '案卷' : rendered.file.content.name;
  const number = rendered.kind === 'document' ? (rendered.file.content.number ?? null) : null;
  const baseName = rendered.kind === 'document' ? rendered.file.baseName : `案卷-${target.actCode}`;
  const pages = rendered.kind === 'document' ? (rendered.file.pages ?? null) : (rendered.file.totalPages ?? null);
  const now = ctx.clock();
  // Stored under its digest only once the row has committed (an orphan is never left by a failed transaction).
  return storeWithRecord(files, bytes, (stored) => inTransaction(ctx, async (tx) => {
    const [row] = await tx
      .insert(generatedDocuments)
      .values({
        caseId,
        organizationId: target.organizationId,
        title,
        number,
        format: input.format,
        fileName: `${baseName}.${input.format}`,
        digest: stored.digest,
        size: stored.size,
        pages,
        generatedBy: actor.userId,
        generatedAt: now,
      })
      .returning();
    await appendAudit(
      tx,
      actor,
      {
        action: 'case.document',
        subjectType: 'case',
        subjectId: caseId,
        organizationId: target.organizationId,
        change: { documentId: row!.id, title, number, format: input.format, digest: stored.digest, size: stored.size },
      },
      now,
    );
    return row!;
  }));
}

export async function listGeneratedDocuments(ctx: ServiceContext, actor: Actor, caseId: number): Promise<GeneratedDocument[]> {
  await caseFor(ctx.db, actor, caseId);
  return ctx.db.select().from(generatedDocuments).where(eq(generatedDocuments.caseId, caseId)).orderBy(asc(generatedDocuments.id));
}

/** The stored bytes of a generated document, refused if they no longer match the digest recorded for them. */
export async function readGeneratedDocument(
  ctx: ServiceContext,
  actor: Actor,
  caseId: number,
  documentId: number,
): Promise<{ document: GeneratedDocument; data: Buffer; mimeType: string }> {
  await caseFor(ctx.db, actor, caseId);
  const [document] = await ctx.db
    .select()
    .from(generatedDocuments)
    .where(and(eq(generatedDocuments.id, documentId), eq(generatedDocuments.caseId, caseId)));
  if (!document) throw notFound('该文书', { documentId });
  if (!ctx.files) throw new AppError('INTERNAL', '未配置文件存储');
  const data = await ctx.files.get(document.digest);
  if (sm3(data) !== document.digest) {
    throw new AppError('INTERNAL', '文书文件与登记的摘要不符，可能已被改动，请联系管理员核查', { documentId, digest: document.digest });
  }
  return { document, data, mimeType: mimeTypes[document.format as DocumentFormat] };
}

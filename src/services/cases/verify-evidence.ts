import type { Readable } from 'node:stream';
import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import type { EvidenceCheck } from '../../domain/cases/views.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { caseEvidence } from '../../db/schema.ts';
import type { ServiceContext } from '../context.ts';
import { loadCase } from './case-store.ts';


/** Recomputes the SM3 digest of every evidence file of a case (《行政处罚法》第四十七条: nothing altered unnoticed). */
export async function verifyEvidence(ctx: ServiceContext, actor: Actor, caseId: number): Promise<EvidenceCheck> {
  await loadCase(ctx.db, actor, caseId);
  if (!ctx.files) throw new AppError('INTERNAL', '未配置证据文件存储');
  const items = await ctx.db.select().from(caseEvidence).where(eq(caseEvidence.caseId, caseId)).orderBy(asc(caseEvidence.seq));
  const checks: EvidenceCheck['items'] = [];
  for (const item of items) checks.push({ seq: item.seq, title: item.title, digest: item.digest, intact: await ctx.files.verify(item.digest) });
  return { intact: checks.every((c) => c.intact), items: checks };
}

/**
 * The file of one evidence item, checked against its digest before it is handed out, as a stream (a video may be
 * 2 GB: never read whole).
 */
export async function readEvidenceFile(ctx: ServiceContext, actor: Actor, caseId: number, seq: number): Promise<{ stream: Readable; size: number; fileName: string; mediaType: string }> {
  await loadCase(ctx.db, actor, caseId);
  if (!ctx.files) throw new AppError('INTERNAL', '未配置证据文件存储');
  const [item] = await ctx.db.select().from(caseEvidence).where(eq(caseEvidence.caseId, caseId)).orderBy(asc(caseEvidence.seq)).offset(seq - 1).limit(1);
  if (!item || item.seq !== seq) throw notFound('该证据');
  if (!(await ctx.files.verify(item.digest))) throw new AppError('INTERNAL', `证据文件“${item.title}”与登记的摘要不一致，可能已被篡改`);
  const { stream, size } = await ctx.files.read(item.digest);
  return { stream, size, fileName: item.fileName, mediaType: item.mediaType };
}

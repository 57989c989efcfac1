/**
 * The party's signature drawn on the screen (domain/cases/party-signatures.ts): stored once under its SM3 digest, like
 * an evidence file (staged, and kept only once the record commits), added to the case record with who held the screen
 * and when, and audited (`case.partySignature`). Only an officer of the case records it; never replaced.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../domain/access.ts';
import { assertSignable, assertSignatureImage, MAX_SIGNATURE_BYTES, signableRecord } from '../../domain/cases/party-signatures.ts';
import { casePolicy } from '../../domain/cases/policy.ts';
import type { CaseRecord } from '../../domain/cases/snapshot.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { expectedVersionInput } from '../../domain/input-kit.ts';
import { assertMay } from '../../domain/policy.ts';
import { cases } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { storeWithRecord } from '../file-store.ts';
import { parseInput } from '../parse-input.ts';
import { claimVersion, loadCase } from './case-store.ts';

export const partySignatureInput = z.object({
  expectedVersion: expectedVersionInput('案件'),
  target: z.string({ error: '请指明签名的笔录或送达回证' }).regex(/^(services|inquiries|inspections)\.\d{1,3}$/, '签名对象无效'),
  pngBase64: z
    .string({ error: '请当事人在屏幕上签名' })
    .min(1, '请当事人在屏幕上签名')
    .max(Math.ceil((MAX_SIGNATURE_BYTES * 4) / 3) + 4, `签名图片不超过 ${MAX_SIGNATURE_BYTES / 1024} KB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '签名图片应为 base64 编码'),
});

export const partySignatureAdded = z.object({ target: z.string(), title: z.string(), digest: z.string(), size: z.number(), signedAt: z.string(), version: z.number() });
export type PartySignatureAdded = z.infer<typeof partySignatureAdded>;

async function assertMaySign(db: Parameters<typeof loadCase>[0], actor: Actor, caseId: number, target: string) {
  const loaded = await loadCase(db, actor, caseId);
  assertMay(actor, casePolicy.addEvidence, { officers: loaded.row.officerIds.map((userId) => ({ userId })) });
  return { ...loaded, title: assertSignable(loaded.row.record as CaseRecord, target) };
}

export async function addPartySignature(ctx: ServiceContext, actor: Actor, caseId: number, raw: unknown): Promise<PartySignatureAdded> {
  const input = parseInput(partySignatureInput, raw);
  const files = ctx.files;
  if (!files) throw new AppError('INTERNAL', '未配置证据文件存储');
  const data = Buffer.from(input.pngBase64, 'base64');
  assertSignatureImage(data);
  // Case, scope, permission and target first: a refused signature writes nothing to the file store.
  await assertMaySign(ctx.db, actor, caseId, input.target);
  const now = ctx.clock();
  return storeWithRecord(files, data, (stored) =>
    inTransaction(ctx, async (tx) => {
      const { row, org, title } = await assertMaySign(tx, actor, caseId, input.target);
      const version = await claimVersion(tx, caseId, input.expectedVersion);
      const record = structuredClone(row.record as CaseRecord);
      const signature = { target: input.target, title, digest: stored.digest, size: stored.size, signedAt: now.toISOString(), recordedBy: { id: actor.userId, name: actor.displayName } };
      record.partySignatures = [...(record.partySignatures ?? []), signature];
      await tx.update(cases).set({ record, updatedAt: now }).where(eq(cases.id, caseId));
      await appendAudit(
        tx,
        actor,
        { action: 'case.partySignature', subjectType: 'case', subjectId: caseId, organizationId: org.id, change: { target: input.target, title, digest: stored.digest, size: stored.size, version } },
        now,
      );
      return { target: signature.target, title, digest: signature.digest, size: signature.size, signedAt: signature.signedAt, version };
    }),
  );
}

/** The PNG of the party's signature on `target`, checked against its digest before it is handed out. */
export async function readPartySignature(ctx: ServiceContext, actor: Actor, caseId: number, target: string): Promise<Buffer> {
  const { row } = await loadCase(ctx.db, actor, caseId);
  if (!ctx.files) throw new AppError('INTERNAL', '未配置证据文件存储');
  const record = row.record as CaseRecord;
  const signature = (record.partySignatures ?? []).find((s) => s.target === target);
  if (!signature) throw notFound('该签名');
  if (!(await ctx.files.verify(signature.digest))) throw new AppError('INTERNAL', `${signableRecord(record, target).title}的签名文件与登记的摘要不一致，可能已被篡改`);
  return ctx.files.get(signature.digest);
}

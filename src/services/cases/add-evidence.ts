/**
 * 登记证据 (《行政处罚法》第四十六条、第四十七条): an evidence item of a legal kind, its file stored once under its
 * SM3 digest, with recorder, collectors (two certified officers, 第四十二条), time and place. Items are never
 * edited or deleted; a correction is a new item.
 */
import { count, eq } from 'drizzle-orm';
import { idInput } from '../../domain/ids.ts';
import { expectedVersionInput } from '../../domain/input-kit.ts';
import { z } from 'zod';
import type { Actor } from '../../domain/access.ts';
import { assertMay } from '../../domain/policy.ts';
import { casePolicy } from '../../domain/cases/policy.ts';
import { sm3 } from '../../domain/audit/digest.ts';
import { isoDateInput } from '../../domain/cases/actions.ts';
import { evidenceKindKeys, investigationActKeys } from '../../domain/cases/model.ts';
import { assertAudioVideoRecorded, assertNotRecused, assertTwoCertifiedOfficers } from '../../domain/cases/rules.ts';
import type { CaseRecord } from '../../domain/cases/snapshot.ts';
import { AppError, ruleViolation, validationError } from '../../domain/errors.ts';
import { caseEvidence } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { type ServiceContext, inTransaction } from '../context.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { recordStaged, storeWithRecord } from '../file-store.ts';
import { checkEvidenceFile, evidenceSizeLimit, isEvidenceVideo, MAX_EVIDENCE_BYTES, sizeLimitText, takesEvidence } from '../../domain/cases/evidence-files.ts';
import { parseInput } from '../parse-input.ts';
import { claimVersion, loadCase, loadOfficers, settingsFor, todayOf } from './case-store.ts';
import type { EvidenceAdded } from '../../domain/cases/views.ts';

/** Largest evidence file accepted over JSON (base64); a video up to 2 GB is streamed (`addEvidenceStream`). */
export { MAX_EVIDENCE_BYTES };

export const evidenceInput = z.object({
  expectedVersion: expectedVersionInput('案件'),
  kind: z.enum(evidenceKindKeys, { message: '证据种类无效（见《行政处罚法》第四十六条）' }),
  act: z.enum(investigationActKeys, { message: '取证行为类型无效' }).default('inspection'),
  title: z.string().trim().min(2, '证据名称至少 2 个字').max(200),
  /** Normalized before it is stored (checkEvidenceFile: no path, control or bidi characters, at most 120 characters). */
  fileName: z.string().min(1, '请提供文件名').max(1000, '文件名过长'),
  /** One of the accepted evidence types (src/domain/cases/evidence-files.ts); absent or generic: taken from the extension. */
  mediaType: z.string().trim().max(200, '文件类型过长').optional(),
  /** The file, base64-encoded. */
  contentBase64: z.string().min(1, '请上传证据文件').regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容应为 base64 编码'),
  collectorIds: z.array(idInput('取证人员')).min(2, '取证须至少两名执法人员（《行政处罚法》第四十二条）').max(6),
  recordedOn: isoDateInput.optional(),
  place: z.string().trim().min(2, '取证地点至少 2 个字').max(200),
  /** 证明对象: what the item proves, printed in the evidence list of the decision (《行政处罚法》第五十九条第二款第（二）项). */
  note: z.string().trim().min(2, '请写明证明对象：该证据证明的事实（至少 2 个字），处罚决定书的证据清单须列明').max(1000, '证明对象不超过 1000 个字'),
});

/**
 * The fields of a streamed upload (POST /api/cases/:id/evidence/stream, multipart): those of `evidenceInput` but
 * the file, which follows them as the form's last part. Form fields are text: numbers and lists arrive as text.
 */
export const evidenceStreamInput = evidenceInput.omit({ contentBase64: true, expectedVersion: true, collectorIds: true }).extend({
  // A form field is text: digits are the version; anything else (absent, empty, not a number) is no version.
  expectedVersion: z.preprocess((v) => (typeof v === 'string' && /^\s*\d{1,10}\s*$/.test(v) ? Number(v) : 0), expectedVersionInput('案件')),
  /** Comma-separated user ids, e.g. “12,15” (absent: none, refused with the article's message). */
  collectorIds: z.preprocess(
    (v) => (v === undefined ? [] : typeof v === 'string' ? v.split(',').map((part) => part.trim()).filter((part) => part !== '').map(Number) : v),
    evidenceInput.shape.collectorIds,
  ),
});

/**
 * The case may take evidence now and `actor` may add it: a case in the actor's subtree (NOT_FOUND otherwise), in a
 * state that takes evidence, the actor one of its officers and not recused. Checked before anything is written and
 * again inside the transaction.
 */
async function assertMayAddEvidenceTo(db: Database | Transaction, actor: Actor, caseId: number) {
  const loaded = await loadCase(db, actor, caseId);
  const { row } = loaded;
  if (!takesEvidence(row.state, row.procedure)) {
    throw ruleViolation(
      row.procedure === 'simple' ? '当场处罚的案件在结案前可以登记现场取得的证据' : '只有立案后、作出决定前可以登记证据',
      row.procedure === 'simple' ? '《行政处罚法》第四十七条、第五十二条' : '《行政处罚法》第五十四条、第五十五条',
    );
  }
  // Assigned officers only; recusal is refused below with its article (第四十三条).
  assertMay(actor, casePolicy.addEvidence, { officers: row.officerIds.map((userId) => ({ userId })) });
  const officers = await loadOfficers(db, row.officerIds, row.record as CaseRecord);
  assertNotRecused(officers, actor.userId);
  return { ...loaded, officers };
}

export async function addEvidence(ctx: ServiceContext, actor: Actor, caseId: number, raw: unknown): Promise<EvidenceAdded> {
  assertMay(actor, casePolicy.addEvidence);
  const input = parseInput(evidenceInput, raw);
  const files = ctx.files;
  if (!files) throw new AppError('INTERNAL', '未配置证据文件存储');
  const data = Buffer.from(input.contentBase64, 'base64');
  if (data.byteLength === 0) throw validationError('证据文件为空');
  if (data.byteLength > MAX_EVIDENCE_BYTES) {
    throw validationError(`证据文件不超过 ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB（视频请使用分段上传接口 POST /api/cases/:id/evidence/stream，最大 2 GB）`);
  }
  const { contentBase64: _content, ...meta } = input;
  const prepared = await prepareEvidence(ctx, actor, caseId, meta, `证据文件-${sm3(data).slice(0, 8)}`);
  // The file is staged, and stored under its digest only once the record has committed (discarded otherwise).
  return storeWithRecord(files, data, (stored) => recordEvidence(ctx, actor, caseId, prepared, stored));
}

/**
 * 登记证据 with its file streamed (a body-camera video of up to 2 GB, 《行政处罚法》第四十七条): the fields are checked
 * and the case, scope and permission asserted before a byte of the file is read; the file is then written to the
 * store's temporary place while its SM3 digest is computed (never held in memory whole), and the evidence item is
 * written only once the whole file is there — a broken or too large upload leaves no record and no file.
 * `source` is the file's bytes (the multipart part), read only after these checks.
 */
export async function addEvidenceStream(
  ctx: ServiceContext,
  actor: Actor,
  caseId: number,
  raw: unknown,
  source: AsyncIterable<Uint8Array>,
): Promise<EvidenceAdded> {
  assertMay(actor, casePolicy.addEvidence);
  const input = parseInput(evidenceStreamInput, raw);
  const files = ctx.files;
  if (!files) throw new AppError('INTERNAL', '未配置证据文件存储');
  const prepared = await prepareEvidence(ctx, actor, caseId, input, `证据文件-${ctx.clock().getTime().toString(36)}`);
  const limit = evidenceSizeLimit(prepared.mediaType);
  const staged = await files.stageStream(source, limit, () => tooLarge(prepared.mediaType));
  if (staged.size === 0) {
    await staged.discard();
    throw validationError('证据文件为空');
  }
  return recordStaged(staged, (stored) => recordEvidence(ctx, actor, caseId, prepared, stored));
}

/** The refusal of a file over its type's limit (413). */
export function tooLarge(mediaType: string): AppError {
  const limit = sizeLimitText(evidenceSizeLimit(mediaType));
  return new AppError('TOO_LARGE', isEvidenceVideo(mediaType) ? `视频证据文件不超过 ${limit}` : `证据文件不超过 ${limit}（仅视频可达 ${sizeLimitText(evidenceSizeLimit('video/mp4'))}）`);
}

type EvidenceMeta = Omit<z.infer<typeof evidenceInput>, 'contentBase64'>;
interface PreparedEvidence {
  input: EvidenceMeta;
  fileName: string;
  mediaType: string;
  recordedOn: string;
}

/** The checks made before any file is written: name and type, date, and the case, scope and permission. */
async function prepareEvidence(ctx: ServiceContext, actor: Actor, caseId: number, input: EvidenceMeta, fallbackName: string): Promise<PreparedEvidence> {
  const { fileName, mediaType } = checkEvidenceFile(input, fallbackName);
  const today = todayOf(ctx.clock);
  const recordedOn = input.recordedOn ?? today;
  if (recordedOn > today) throw validationError('取证日期不能晚于今天');
  // Case, scope and permission first: a refused upload writes nothing to the file store.
  await assertMayAddEvidenceTo(ctx.db, actor, caseId);
  return { input, fileName, mediaType, recordedOn };
}

/** The evidence item and its audit record, in one transaction, for a file staged as `stored`. */
function recordEvidence(ctx: ServiceContext, actor: Actor, caseId: number, prepared: PreparedEvidence, stored: { digest: string; size: number }): Promise<EvidenceAdded> {
  const { input, fileName, mediaType, recordedOn } = prepared;
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const { row, org, officers } = await assertMayAddEvidenceTo(tx, actor, caseId);
    const version = await claimVersion(tx, caseId, input.expectedVersion);
    if (recordedOn < (row.filedOn ?? row.registeredOn)) throw validationError('取证日期不能早于立案日期');
    const collectors = officers.filter((o) => input.collectorIds.includes(o.userId));
    if (collectors.length !== new Set(input.collectorIds).size) throw validationError('取证人员须是本案承办执法人员');
    for (const c of collectors) assertNotRecused(officers, c.userId);
    assertTwoCertifiedOfficers(collectors, recordedOn);
    const existing = await tx.select({ act: caseEvidence.act, kind: caseEvidence.kind, recordedOn: caseEvidence.recordedOn }).from(caseEvidence).where(eq(caseEvidence.caseId, caseId));
    const { settings } = await settingsFor(tx, org);
    assertAudioVideoRecorded(
      { act: input.act, kind: input.kind, recordedOn },
      existing.map((e) => ({ act: e.act as typeof input.act, kind: e.kind as typeof input.kind, recordedOn: e.recordedOn })),
      settings,
    );
    const [{ n }] = (await tx.select({ n: count() }).from(caseEvidence).where(eq(caseEvidence.caseId, caseId))) as [{ n: number }];
    const [item] = await tx
      .insert(caseEvidence)
      .values({
        caseId,
        seq: n + 1,
        kind: input.kind,
        act: input.act,
        title: input.title,
        fileName,
        mediaType,
        size: stored.size,
        digest: stored.digest,
        recordedBy: actor.userId,
        collectorIds: [...new Set(input.collectorIds)],
        recordedOn,
        recordedAt: now.toISOString(),
        place: input.place,
        note: input.note,
      })
      .returning();
    const { expectedVersion: _v, ...meta } = input;
    await appendAudit(
      tx,
      actor,
      { action: 'case.evidence', subjectType: 'case', subjectId: caseId, organizationId: org.id, change: { ...meta, fileName, mediaType, recordedOn, seq: item!.seq, digest: stored.digest, size: stored.size, version } },
      now,
    );
    return { ...item!, note: item!.note ?? null, version };
  });
}

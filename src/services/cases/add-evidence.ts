/**
 * 登记证据 (《行政处罚法》第四十六条、第四十七条): an evidence item of a legal kind, its file stored once under its
 * SM3 digest, with recorder, collectors (two certified officers, 第四十二条), time and place. Items are never
 * edited or deleted; a correction is a new item.
 */
import { count, eq } from 'drizzle-orm';
import { idInput, MAX_ID } from '../../domain/ids.ts';
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
import { parseInput } from '../parse-input.ts';
import { claimVersion, loadCase, loadOfficers, settingsFor, todayOf } from './case-store.ts';
import type { EvidenceAdded } from '../../domain/cases/views.ts';

/** Largest evidence file accepted over JSON (base64). Larger audio-video goes through the CLI or a later upload API. */
export const MAX_EVIDENCE_BYTES = 8 * 1024 * 1024;

export const evidenceInput = z.object({
  expectedVersion: z.number().int().positive('须提供案件版本号 expectedVersion').max(MAX_ID, '案件版本号超出范围'),
  kind: z.enum(evidenceKindKeys, { message: '证据种类无效（见《行政处罚法》第四十六条）' }),
  act: z.enum(investigationActKeys, { message: '取证行为类型无效' }).default('inspection'),
  title: z.string().trim().min(2, '证据名称至少 2 个字').max(200),
  fileName: z.string().trim().min(1).max(200).refine((n) => !/[/\\]/.test(n), '文件名不能包含路径'),
  mediaType: z.string().trim().regex(/^[\w.+-]+\/[\w.+-]+$/, '文件类型格式无效').default('application/octet-stream'),
  /** The file, base64-encoded. */
  contentBase64: z.string().min(1, '请上传证据文件').regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容应为 base64 编码'),
  collectorIds: z.array(idInput('取证人员')).min(2, '取证须至少两名执法人员（《行政处罚法》第四十二条）').max(6),
  recordedOn: isoDateInput.optional(),
  place: z.string().trim().min(2, '取证地点至少 2 个字').max(200),
  /** 证明对象: what the item proves, printed in the evidence list of the decision (《行政处罚法》第五十九条第二款第（二）项). */
  note: z.string().trim().min(2, '请写明证明对象：该证据证明的事实（至少 2 个字），处罚决定书的证据清单须列明').max(1000, '证明对象不超过 1000 个字'),
});

const EVIDENCE_STATES = ['filed', 'investigating', 'reviewing', 'notified', 'hearing'];

export async function addEvidence(ctx: ServiceContext, actor: Actor, caseId: number, raw: unknown): Promise<EvidenceAdded> {
  assertMay(actor, casePolicy.addEvidence);
  const input = parseInput(evidenceInput, raw);
  if (!ctx.files) throw new AppError('INTERNAL', '未配置证据文件存储');
  const data = Buffer.from(input.contentBase64, 'base64');
  if (data.byteLength === 0) throw validationError('证据文件为空');
  if (data.byteLength > MAX_EVIDENCE_BYTES) throw validationError(`证据文件不超过 ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`);
  const now = ctx.clock();
  const today = todayOf(ctx.clock);
  const recordedOn = input.recordedOn ?? today;
  if (recordedOn > today) throw validationError('取证日期不能晚于今天');
  // Store first (content-addressed, idempotent): if the transaction then fails, an unreferenced file remains,
  // which is harmless; a referenced file that is missing could never happen.
  const stored = await ctx.files.put(data);
  if (stored.digest !== sm3(data)) throw new AppError('INTERNAL', '证据文件存储校验失败');
  return inTransaction(ctx, async (tx) => {
    const { row, org } = await loadCase(tx, actor, caseId);
    const version = await claimVersion(tx, caseId, input.expectedVersion);
    if (!EVIDENCE_STATES.includes(row.state)) throw ruleViolation('只有立案后、作出决定前可以登记证据', '《行政处罚法》第五十四条、第五十五条');
    // Assigned officers only; recusal is refused below with its article (第四十三条).
    assertMay(actor, casePolicy.addEvidence, { officers: row.officerIds.map((userId) => ({ userId })) });
    if (recordedOn < (row.filedOn ?? row.registeredOn)) throw validationError('取证日期不能早于立案日期');
    const record = row.record as CaseRecord;
    const officers = await loadOfficers(tx, row.officerIds, record);
    assertNotRecused(officers, actor.userId);
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
        fileName: input.fileName,
        mediaType: input.mediaType,
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
    const { contentBase64: _content, expectedVersion: _v, ...meta } = input;
    await appendAudit(
      tx,
      actor,
      { action: 'case.evidence', subjectType: 'case', subjectId: caseId, organizationId: org.id, change: { ...meta, recordedOn, seq: item!.seq, digest: stored.digest, size: stored.size, version } },
      now,
    );
    return { ...item!, note: item!.note ?? null, version };
  });
}

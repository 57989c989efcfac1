/**
 * Hand-entered figures (手工填报, docs/REPORTS.md): a unit's head or legal section enters, for their unit or a unit
 * below it, the figure of a catalog key for a year with its source note — and may attach a supporting file, stored
 * once under its SM3 digest like evidence. One row per unit, year and key: a correction replaces the value, and the
 * entry's audit chain (`indicatorEntry:<id>`) keeps every version with what it replaced. A computed figure always
 * wins over a hand-entered one (unit-indicators.ts); the entry is still kept and shown with the difference.
 */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { chinaDateOf, yearOf } from '../../domain/calendar/iso-date.ts';
import { checkEvidenceFile } from '../../domain/cases/evidence-files.ts';
import { AppError, notFound, validationError } from '../../domain/errors.ts';
import { type IndicatorKey, indicatorName } from '../../domain/indicators/catalog.ts';
import { checkManualFigure, indicatorYear, manualIndicatorInput, MAX_INDICATOR_ATTACHMENT_BYTES } from '../../domain/indicators/manual.ts';
import { indicatorPolicy } from '../../domain/indicators/policy.ts';
import type { UnitIndicator } from '../../domain/indicators/table-views.ts';
import { assertMay } from '../../domain/policy.ts';
import type { Executor } from '../../db/connect.ts';
import { indicatorEntries } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { storeWithRecord } from '../file-store.ts';
import { getOrganization } from '../organizations.ts';
import { parseInput } from '../parse-input.ts';
import { indicatorKeyParam, unitIndicator } from './unit-indicators.ts';

function assertYearBegun(ctx: ServiceContext, year: number): void {
  if (year > yearOf(chinaDateOf(ctx.clock()))) throw validationError(`${String(year)}年尚未开始，不能填报该年度的数据`);
}

async function entryOf(db: Executor, organizationId: number, year: number, key: IndicatorKey, lock = false) {
  const query = db
    .select()
    .from(indicatorEntries)
    .where(and(eq(indicatorEntries.organizationId, organizationId), eq(indicatorEntries.year, year), eq(indicatorEntries.key, key)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** `PUT /api/organizations/:id/indicators/:key/manual`: enters or corrects the figure; answers the row as now shown. */
export async function enterManualIndicator(ctx: ServiceContext, actor: Actor, organizationId: number, rawKey: string, raw: unknown): Promise<UnitIndicator> {
  assertMay(actor, indicatorPolicy.enterIndicators);
  const unit = await getOrganization(ctx, actor, organizationId);
  const key = indicatorKeyParam(rawKey);
  const input = parseInput(manualIndicatorInput, raw);
  assertYearBegun(ctx, input.year);
  checkManualFigure(key, input);
  const now = ctx.clock();
  const numerator = input.numerator ?? null;
  const denominator = input.denominator ?? null;
  await inTransaction(ctx, async (tx) => {
    const before = await entryOf(tx, unit.id, input.year, key, true);
    const values = { value: input.value, numerator, denominator, sourceNote: input.sourceNote, enteredBy: actor.userId, enteredAt: now };
    const [saved] = before
      ? await tx
          .update(indicatorEntries)
          .set({ ...values, version: before.version + 1 })
          .where(eq(indicatorEntries.id, before.id))
          .returning({ id: indicatorEntries.id })
      : await tx
          .insert(indicatorEntries)
          .values({ organizationId: unit.id, year: input.year, key, ...values })
          .returning({ id: indicatorEntries.id });
    await appendAudit(
      tx,
      actor,
      {
        action: 'indicator.manual',
        subjectType: 'indicatorEntry',
        subjectId: saved!.id,
        organizationId: unit.id,
        change: {
          organizationId: unit.id,
          year: input.year,
          key,
          value: input.value,
          numerator,
          denominator,
          sourceNote: input.sourceNote,
          replaces: before ? { value: before.value, numerator: before.numerator, denominator: before.denominator, sourceNote: before.sourceNote } : null,
        },
      },
      now,
    );
  });
  return unitIndicator(ctx, unit, input.year, key);
}

/**
 * `POST /api/organizations/:id/indicators/:key/manual/attachment` (multipart: `file`, `year`): the supporting file of
 * an entered figure (a table, a scanned letter), replacing the previous one; the kinds accepted are those of evidence.
 */
export async function attachManualIndicatorFile(
  ctx: ServiceContext,
  actor: Actor,
  organizationId: number,
  rawKey: string,
  file: { fileName: string; data: Buffer },
  fields: Record<string, string>,
): Promise<UnitIndicator> {
  assertMay(actor, indicatorPolicy.enterIndicators);
  const unit = await getOrganization(ctx, actor, organizationId);
  const key = indicatorKeyParam(rawKey);
  const { year } = parseInput(indicatorYear.transform((y) => ({ year: y })), fields.year);
  const files = ctx.files;
  if (!files) throw new AppError('INTERNAL', '未配置文件存储');
  if (file.data.byteLength === 0) throw validationError('佐证材料文件为空');
  if (file.data.byteLength > MAX_INDICATOR_ATTACHMENT_BYTES) throw validationError(`佐证材料不超过 ${String(MAX_INDICATOR_ATTACHMENT_BYTES / 1024 / 1024)} MB`);
  const { fileName, mediaType } = checkEvidenceFile({ fileName: file.fileName }, `${indicatorName(key)}佐证材料`);
  // The entry first: a refused upload writes nothing to the file store.
  if (!(await entryOf(ctx.db, unit.id, year, key))) throw validationError(`请先填报${String(year)}年“${indicatorName(key)}”的数值，再上传佐证材料`);
  const now = ctx.clock();
  await storeWithRecord(files, file.data, (stored) =>
    inTransaction(ctx, async (tx) => {
      const entry = await entryOf(tx, unit.id, year, key, true);
      if (!entry) throw validationError(`请先填报${String(year)}年“${indicatorName(key)}”的数值，再上传佐证材料`);
      await tx
        .update(indicatorEntries)
        .set({ attachmentName: fileName, attachmentMediaType: mediaType, attachmentSize: stored.size, attachmentDigest: stored.digest, version: entry.version + 1 })
        .where(eq(indicatorEntries.id, entry.id));
      await appendAudit(
        tx,
        actor,
        {
          action: 'indicator.manualAttachment',
          subjectType: 'indicatorEntry',
          subjectId: entry.id,
          organizationId: unit.id,
          change: { year, key, fileName, mediaType, digest: stored.digest, size: stored.size, replaces: entry.attachmentDigest },
        },
        now,
      );
    }),
  );
  return unitIndicator(ctx, unit, year, key);
}

/** The supporting file of an entered figure, for whoever may read the unit's indicators; refused if it no longer matches its digest. */
export async function readManualIndicatorFile(
  ctx: ServiceContext,
  actor: Actor,
  organizationId: number,
  rawKey: string,
  year: number,
): Promise<{ data: Buffer; fileName: string; mediaType: string }> {
  assertMay(actor, indicatorPolicy.viewIndicators);
  const unit = await getOrganization(ctx, actor, organizationId);
  const key = indicatorKeyParam(rawKey);
  const entry = await entryOf(ctx.db, unit.id, year, key);
  if (!entry?.attachmentDigest || !entry.attachmentName || !entry.attachmentMediaType) throw notFound('该指标的佐证材料');
  if (!ctx.files) throw new AppError('INTERNAL', '未配置文件存储');
  if (!(await ctx.files.verify(entry.attachmentDigest))) throw new AppError('INTERNAL', `佐证材料“${entry.attachmentName}”与登记的摘要不一致，可能已被篡改`);
  return { data: await ctx.files.get(entry.attachmentDigest), fileName: entry.attachmentName, mediaType: entry.attachmentMediaType };
}

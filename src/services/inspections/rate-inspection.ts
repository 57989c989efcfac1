/**
 * 扫码评价: the enterprise rates an inspection with its 行政检查码 — anonymously (no name, contact or address asked or
 * kept; the audit record's actor is the system), once per code, within the local number of calendar days of the
 * inspection (domain/inspections/rating.ts). One transaction with its audit record; a refused rating writes nothing.
 */
import { eq } from 'drizzle-orm';
import { systemActor } from '../../domain/access.ts';
import { chinaDateOf } from '../../domain/calendar/iso-date.ts';
import { conflict } from '../../domain/errors.ts';
import { defaultInspectionSettings } from '../../domain/inspections/periods.ts';
import { assertRatable, ratingConcerns, type RatingConcern, ratingInput, ratingScores } from '../../domain/inspections/rating.ts';
import type { InspectionRatingView } from '../../domain/inspections/views.ts';
import { inspectionRatings, inspections } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { cachedWorkCalendar } from '../calendar.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { parseInput } from '../parse-input.ts';
import { inspectionOfCode, normalizedCode } from './verify-code.ts';

const ALREADY = '该行政检查已评价，每个行政检查码只能评价一次';

export async function rateInspection(ctx: ServiceContext, rawCode: string, raw: unknown): Promise<InspectionRatingView> {
  const code = normalizedCode(rawCode);
  const input = parseInput(ratingInput, raw);
  const today = chinaDateOf(ctx.clock());
  const calendar = await cachedWorkCalendar(ctx.db);
  try {
    return await inTransaction(ctx, async (tx) => {
      const found = await inspectionOfCode(tx, code);
      // Two ratings sent at once: the row lock orders them; the unique index is the last word.
      await tx.select({ id: inspections.id }).from(inspections).where(eq(inspections.id, found.row.id)).for('update');
      const [existing] = await tx.select({ id: inspectionRatings.id }).from(inspectionRatings).where(eq(inspectionRatings.inspectionId, found.row.id));
      assertRatable(calendar, { inspectedOn: found.row.inspectedOn, rated: Boolean(existing) }, today, defaultInspectionSettings);
      const [row] = await tx
        .insert(inspectionRatings)
        .values({ inspectionId: found.row.id, organizationId: found.row.organizationId, score: input.score, concerns: input.concerns, comment: input.comment ?? null, ratedOn: today })
        .returning();
      await appendAudit(
        tx,
        systemActor,
        {
          action: 'inspection.rate',
          subjectType: 'inspection',
          subjectId: found.row.id,
          organizationId: found.row.organizationId,
          change: { ratingId: row!.id, score: input.score, concerns: input.concerns, comment: input.comment ?? null, ratedOn: today },
        },
        ctx.clock(),
      );
      return {
        score: input.score,
        scoreLabel: ratingScores[input.score as keyof typeof ratingScores],
        concerns: input.concerns.map((key) => ({ key, label: ratingConcerns[key as RatingConcern] })),
        comment: input.comment ?? null,
        ratedOn: today,
      };
    });
  } catch (error) {
    if ((error as { code?: string; cause?: { code?: string } }).code === '23505' || (error as { cause?: { code?: string } }).cause?.code === '23505') throw conflict(ALREADY);
    throw error;
  }
}

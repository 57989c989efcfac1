/**
 * 双随机 plans and draws at the edge: the inputs of the steps after the plan (re-draw, result publication) and the read
 * shapes — the staff's plan and the public proof (`GET /api/public/draws/:id`), which `fazhi draw verify` re-runs.
 */
import { z } from 'zod';
import { idInput } from '../ids.ts';
import { expectedVersionInput, textInput } from '../input-kit.ts';
import { isoDay, timestamp } from '../view-kit.ts';

/**
 * The algorithm's name (draw.ts `DRAW_ALGORITHM`), written here rather than imported: draw.ts hashes with node:crypto
 * and these shapes are the web's too. plan-views.test.ts checks the two are equal.
 */
const DRAW_ALGORITHM = 'fazhi-draw-v1';

/** The seed's publication and the draw name the plan's version the head saw. */
export const planVersionInput = z.object({ expectedVersion: expectedVersionInput('抽查计划') });

/** An officer drawn for a subject declares a conflict of interest (回避): set aside and replaced by a recorded re-draw. */
export const redrawInput = z.object({
  itemId: idInput('检查事项'),
  subjectId: idInput('检查对象'),
  officerId: idInput('回避的执法人员'),
  reason: textInput('回避理由', 500),
});

/** The result of one drawn subject's inspection is published (公示); a late one says why. */
export const drawResultInput = z.object({
  inspectionId: idInput('检查'),
  lateReason: textInput('逾期公示理由', 500).optional(),
});

const rule = z.union([z.object({ ratioPercent: z.number() }), z.object({ count: z.number() })]);

/** The public proof (domain/inspections/plan.ts `DrawProof`), exactly what `verifyProof` reads. */
export const drawProofView = z.object({
  algorithm: z.literal(DRAW_ALGORITHM),
  planId: z.number(),
  seed: z.string(),
  seedPublishedAt: z.string(),
  drawnAt: z.string(),
  items: z.array(
    z.object({
      itemCode: z.string(),
      rule,
      pool: z.array(z.string()),
      poolDigest: z.string(),
      drawn: z.array(z.string()),
      officers: z.array(z.object({ subject: z.string(), pool: z.array(z.string()), poolDigest: z.string(), count: z.number(), setAside: z.array(z.string()), drawn: z.array(z.string()) })),
    }),
  ),
});

export const drawnSubjectView = z.object({
  itemId: z.number(),
  itemCode: z.string(),
  itemName: z.string(),
  subjectId: z.number(),
  creditCode: z.string(),
  subjectName: z.string(),
  officers: z.array(z.object({ userId: z.number(), name: z.string(), certificateNo: z.string().nullable() })),
  inspection: z.object({ id: z.number(), number: z.string(), state: z.object({ key: z.string(), label: z.string() }), endedOn: isoDay.nullable() }).nullable(),
  result: z.object({ text: z.string(), publishedOn: isoDay, dueOn: isoDay, lateReason: z.string().nullable() }).nullable(),
  /** When the result must be published by (the inspection's end + the working days), once the inspection has ended. */
  resultDueOn: isoDay.nullable(),
});

export const planView = z.object({
  id: z.number(),
  version: z.number(),
  organization: z.object({ id: z.number(), name: z.string() }),
  year: z.number(),
  name: z.string(),
  items: z.array(z.object({ itemId: z.number(), code: z.string(), name: z.string(), rule, filter: z.object({ kinds: z.array(z.string()), riskClasses: z.array(z.string()), categories: z.array(z.string()) }) })),
  officers: z.array(z.object({ userId: z.number(), name: z.string(), certificateNo: z.string().nullable() })),
  officersPerSubject: z.number(),
  seed: z.string().nullable(),
  seedPublishedAt: timestamp.nullable(),
  drawnAt: timestamp.nullable(),
  proof: drawProofView.nullable(),
  drawn: z.array(drawnSubjectView),
  redraws: z.array(z.object({ itemCode: z.string(), creditCode: z.string(), setAside: z.string(), replacedBy: z.string().nullable(), reason: z.string(), on: isoDay })),
});
export type PlanView = z.infer<typeof planView>;
/** The plan as the web receives it (timestamps as ISO text). */
export type PlanViewJson = z.input<typeof planView>;

export const planListItem = planView.pick({ id: true, organization: true, year: true, name: true, seedPublishedAt: true, drawnAt: true });
export const planList = z.array(planListItem);

/** What anyone sees of a draw: the seed (from its publication on), the proof once drawn, the published results. */
export const publicDrawView = z.object({
  id: z.number(),
  organization: z.string(),
  year: z.number(),
  name: z.string(),
  algorithm: z.literal(DRAW_ALGORITHM),
  seed: z.string(),
  seedPublishedAt: z.string(),
  drawnAt: z.string().nullable(),
  proof: drawProofView.nullable(),
  results: z.array(z.object({ itemCode: z.string(), itemName: z.string(), creditCode: z.string(), subjectName: z.string(), inspectedOn: isoDay.nullable(), result: z.string(), publishedOn: isoDay })),
});
export type PublicDrawView = z.infer<typeof publicDrawView>;

export const publicDrawList = z.array(z.object({ id: z.number(), organization: z.string(), year: z.number(), name: z.string(), seedPublishedAt: z.string(), drawnAt: z.string().nullable(), drawnCount: z.number(), publishedCount: z.number() }));

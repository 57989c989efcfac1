/**
 * The read shapes and inputs of the supervisor's roll-up (issue #19 item 5; docs/REPORTS.md "汇总与晾晒"): uploaded
 * reports with the analyzer's result, the roll-up table with report status and ranking, the ranking weights, and the
 * side-by-side comparison. Zod: the routes' `response:`, `z.infer`'d by the web.
 */
import { z } from 'zod';
import { reportAnalysisView } from '../analyzer/views.ts';
import { sectionKeys } from '../analyzer/types.ts';
import { isIsoDate } from '../calendar/iso-date.ts';
import { idParam, MAX_ID } from '../ids.ts';
import { indicatorYear } from '../indicators/manual.ts';
import { indicatorKey } from '../indicators/views.ts';
import { isoDay, timestamp } from '../view-kit.ts';
import { reportStatusKeys } from './model.ts';

/** The analyzer's result as stored with an upload (the file name is the upload's). */
export const storedAnalysis = reportAnalysisView.omit({ file: true });
export type StoredAnalysis = z.infer<typeof storedAnalysis>;

/** An uploaded report of a unit that does not write its report in Fazhi: the file, its digest and what the analyzer read. */
export const reportUploadView = z.object({
  id: z.number(),
  organizationId: z.number(),
  organizationName: z.string(),
  year: z.number(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  digest: z.string(),
  /** The day the unit published the report (given at upload), else the day it was first uploaded. */
  publishedOn: isoDay,
  uploadedBy: z.string(),
  uploadedAt: timestamp,
  /** 1 at the first upload, +1 at each re-upload (each replaced version stays in the audit chain). */
  version: z.number(),
  analysis: storedAnalysis,
});
export type ReportUploadView = z.output<typeof reportUploadView>;

/** The form fields of `POST /api/organizations/:id/report-uploads` (besides `file`). */
export const reportUploadFields = z.object({
  year: indicatorYear,
  publishedOn: z
    .string()
    .refine(isIsoDate, '公开日期应为有效日期（YYYY-MM-DD）')
    .optional()
    .meta({ title: '公开日期' }),
});

export const reportUploadsQuery = z.object({ year: indicatorYear.optional() });

/** The figure an uploaded report states for a key: value, the sentence it was read from, the file. */
export const extractedFigure = z.object({
  value: z.number(),
  approx: z.boolean(),
  text: z.string(),
  fileName: z.string(),
  uploadId: z.number(),
});
export type ExtractedFigure = z.infer<typeof extractedFigure>;

/** One unit's figure of a key in the roll-up, or the total's. */
export const rollupCell = z.object({
  value: z.number().nullable(),
  source: z.enum(['computed', 'hand-entered', 'extracted', 'none']),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  note: z.string().optional(),
  /** What the unit's uploaded report states for the key — the figure shown when `source` is extracted, else beside it. */
  extracted: extractedFigure.nullable(),
});
export type RollupCell = z.infer<typeof rollupCell>;

export const rollupUnit = z.object({
  id: z.number(),
  name: z.string(),
  path: z.string(),
  parentId: z.number().nullable(),
  /** 1 for a unit directly below the supervising unit, 2 below that, … */
  level: z.number(),
  status: z.enum(reportStatusKeys as [string, ...string[]]),
  publishedOn: isoDay.nullable(),
  dueOn: isoDay,
  upload: z.object({ id: z.number(), fileName: z.string(), version: z.number(), uploadedAt: timestamp }).nullable(),
});
export type RollupUnit = z.output<typeof rollupUnit>;

export const rollupIndicator = z.object({
  key: indicatorKey,
  name: z.string(),
  unit: z.string(),
  direction: z.enum(['higher', 'lower']),
  /** One per unit, in the order of `units`. */
  cells: z.array(rollupCell),
  /** 合计 over the units directly below (level 1): counts and amounts summed, rates Σ numerators ÷ Σ denominators. */
  total: rollupCell,
});
export type RollupIndicator = z.infer<typeof rollupIndicator>;

export const rankingWeight = z.object({ key: indicatorKey, weight: z.number() });

export const rankingWeightsView = z.object({
  weights: z.array(rankingWeight),
  setBy: z.string().nullable(),
  setAt: timestamp.nullable(),
  version: z.number(),
});
export type RankingWeightsView = z.output<typeof rankingWeightsView>;

export const rankingRowView = z.object({
  organizationId: z.number(),
  name: z.string(),
  score: z.number(),
  rank: z.number(),
  parts: z.array(z.object({ key: indicatorKey, value: z.number().nullable(), normalized: z.number() })),
});

export const reportRollup = z.object({
  organization: z.object({ id: z.number(), name: z.string(), path: z.string() }),
  year: z.number(),
  asOf: isoDay,
  dueOn: isoDay,
  depth: z.number(),
  units: z.array(rollupUnit),
  indicators: z.array(rollupIndicator),
  weights: rankingWeightsView,
  /** The units directly below, ranked; empty until a weight is set. */
  ranking: z.array(rankingRowView),
});
export type ReportRollup = z.output<typeof reportRollup>;

/** `?year=&depth=`: depth 1 (the units directly below, default) to 9, or `all`. */
export const rollupQuery = z.object({
  year: indicatorYear,
  depth: z
    .string()
    .regex(/^(all|[1-9])$/, '层级应为 1 至 9，或 all（全部层级）')
    .default('1')
    .transform((d) => (d === 'all' ? 99 : Number(d)))
    .meta({ title: '层级' }),
});

const weightValue = z.number({ error: '权重应为数字' }).min(0, '权重不能为负数').max(100, '权重不超过 100');

/** The body of `PUT /api/organizations/:id/report-rollup/weights`. */
export const rankingWeightsInput = z.strictObject({
  year: z.number({ error: '缺少年度' }).int('年度应为整数').min(2000, '年度不早于 2000 年').max(9999, '年度无效'),
  weights: z
    .array(z.strictObject({ key: indicatorKey, weight: weightValue }))
    .max(100, '权重项过多')
    .refine((ws) => new Set(ws.map((w) => w.key)).size === ws.length, '同一指标只能设置一个权重')
    .refine((ws) => ws.some((w) => w.weight > 0), '请至少为一项指标设置大于 0 的权重'),
});
export type RankingWeightsInput = z.infer<typeof rankingWeightsInput>;

/** `?year=&units=3,5`: two to twenty units, by id. */
export const comparisonQuery = z.object({
  year: indicatorYear,
  units: z
    .string({ error: '请选择要对比的单位' })
    .regex(/^\d{1,10}(,\d{1,10}){1,19}$/, '请选择2至20个单位（单位编号以逗号分隔）')
    .transform((s) => [...new Set(s.split(',').map(Number))])
    .refine((ids) => ids.length >= 2, '请选择至少2个不同的单位')
    .refine((ids) => ids.every((id) => id >= 1 && id <= MAX_ID), '单位编号超出范围')
    .meta({ title: '单位' }),
});

export const comparedReport = z.object({
  organizationId: z.number(),
  name: z.string(),
  /** A report written in Fazhi (a draft), an uploaded file, or none yet. */
  kind: z.enum(['generated', 'uploaded', 'none']),
  fileName: z.string().nullable(),
  status: z.enum(reportStatusKeys as [string, ...string[]]),
  sections: z.record(z.enum(sectionKeys), z.boolean()),
  missingSections: z.array(z.enum(sectionKeys)),
});

export const reportComparison = z.object({
  year: z.number(),
  reports: z.array(comparedReport),
  /** Per key, the units' figures side by side (in the order of `reports`). */
  indicators: z.array(z.object({ key: indicatorKey, name: z.string(), unit: z.string(), cells: z.array(rollupCell) })),
});
export type ReportComparison = z.output<typeof reportComparison>;

export const organizationIdParams = z.object({ id: idParam('单位编号') });
export const uploadParams = z.object({ id: idParam('单位编号'), uploadId: idParam('报告编号') });

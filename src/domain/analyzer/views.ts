/**
 * The read shape of POST /api/reports/analyze (docs/ANALYZER.md): one outcome per uploaded file, in upload order —
 * the analysis, or why the file could not be read. Zod: the route's `response:`, `z.infer`'d by the web.
 */
import { z } from 'zod';
import { requiredSectionKeys, sectionKeys } from './types.ts';

export const indicatorFound = z.object({
  /** A key of docs/INDICATORS.md (src/domain/analyzer/catalog.ts). */
  key: z.string(),
  value: z.number(),
  unit: z.string(),
  approx: z.boolean(),
  /** The sentence the figure was read from. */
  text: z.string(),
  /** Character offset of `text` in the analyzed text. */
  start: z.number(),
});
export type IndicatorFound = z.infer<typeof indicatorFound>;

export const reportAnalysisView = z.object({
  file: z.string(),
  title: z.string().nullable(),
  organization: z.string().nullable(),
  year: z.number().nullable(),
  date: z.string().nullable(),
  sections: z.record(z.enum(sectionKeys), z.boolean()),
  missingSections: z.array(z.enum(requiredSectionKeys)),
  indicators: z.array(indicatorFound),
});

export const reportFailure = z.object({ file: z.string(), error: z.object({ code: z.string(), message: z.string() }) });

export const reportOutcome = z.union([reportAnalysisView, reportFailure]);
export type ReportOutcome = z.infer<typeof reportOutcome>;

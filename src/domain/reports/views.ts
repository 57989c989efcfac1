/**
 * The annual report's read shapes and inputs (issue #19; docs/REPORTS.md): the persisted draft — its five parts with
 * paragraphs of text and live figure fields (model.ts) — its workflow state, due date, and once published the frozen
 * files with their digests and the signed appendix (附件：审计校验). Zod schemas for the routes' `response:` and the web.
 */
import { z } from 'zod';
import { idParam } from '../ids.ts';
import { indicatorYear } from '../indicators/manual.ts';
import { indicatorKey } from '../indicators/views.ts';
import { expectedVersionInput, missing } from '../input-kit.ts';
import { isoDay, keyOf, timestamp } from '../view-kit.ts';
import { reportActionLabels, reportStates } from './workflow.ts';

const figureOrigin = z.enum(['computed', 'hand-entered', 'none']);
export const segment = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('figure'), key: indicatorKey, written: z.number().nullable(), source: figureOrigin, text: z.string() }),
  z.object({ kind: z.literal('change'), key: indicatorKey, written: z.number().nullable(), previous: z.number().nullable(), text: z.string() }),
]);
export const paragraph = z.object({ id: z.string(), origin: z.enum(['template', 'seeded', 'author']), segments: z.array(segment), prompt: z.string().optional() });
export const reportDraftContent = z.object({
  title: z.string(),
  unitName: z.string(),
  year: z.number(),
  parts: z.array(
    z.object({
      key: z.enum(['measures', 'shortcomings', 'responsibility', 'plan', 'other']),
      heading: z.string(),
      sections: z.array(z.object({ key: z.string(), heading: z.string().nullable(), paragraphs: z.array(paragraph) })),
    }),
  ),
});

export const figureChange = z.object({ paragraphId: z.string(), key: indicatorKey, field: z.enum(['value', 'previous']), written: z.number().nullable(), now: z.number().nullable() });

/** The signed appendix (附件：审计校验) of a published report, as printed and embedded in its PDF. */
export const reportSeal = z.object({
  v: z.literal(1),
  kind: z.literal('fazhi-annual-report'),
  organizationId: z.number(),
  unitName: z.string(),
  year: z.number(),
  publishedAt: z.string(),
  /** SM3 of the canonical JSON of the report's content (unit, year and the draft as published). */
  contentDigest: z.string(),
  /** The latest audit checkpoint when the report was published (made at that moment). */
  checkpoint: z.object({ id: z.number(), at: z.string(), digest: z.string() }),
});
export type ReportSeal = z.infer<typeof reportSeal>;
export const signedReportSeal = reportSeal.extend({ signature: z.string(), publicKey: z.string() });
export type SignedReportSeal = z.infer<typeof signedReportSeal>;

export const reportView = z.object({
  id: z.number(),
  organizationId: z.number(),
  organizationName: z.string(),
  year: z.number(),
  state: keyOf(reportStates),
  stateLabel: z.string(),
  version: z.number(),
  draft: reportDraftContent,
  figuresRefreshedAt: timestamp,
  authorId: z.number().nullable(),
  returnReason: z.string().nullable(),
  /** The last day of publication (31 March of the year after) and whether it was (or is now) missed. */
  dueOn: isoDay,
  late: z.boolean(),
  publishedAt: timestamp.nullable(),
  published: z
    .object({
      docxDigest: z.string(),
      /** Null until the PDF's first download renders it from the frozen .docx (services/reports/report-pdf.ts). */
      pdfDigest: z.string().nullable(),
      /** Whether the PDF can be downloaded: rendered already, or LibreOffice is installed to render it. */
      pdfAvailable: z.boolean(),
      contentDigest: z.string(),
      seal: signedReportSeal,
    })
    .nullable(),
  /** The steps the asking user may offer by role in this state (guards are checked when taken). */
  actions: z.array(keyOf(reportActionLabels)),
});
export type ReportView = z.output<typeof reportView>;

export const refreshResult = z.object({ report: reportView, changes: z.array(figureChange) });
export type RefreshResult = z.output<typeof refreshResult>;

/** A unit's report state for a year, for the supervisor's roll-up (item 5). `notStarted`: no draft yet. */
export const reportStateRow = z.object({
  organizationId: z.number(),
  state: z.union([keyOf(reportStates), z.literal('notStarted')]),
  publishedAt: timestamp.nullable(),
  dueOn: isoDay,
  late: z.boolean(),
});
export type ReportStateRow = z.output<typeof reportStateRow>;

export const reportParams = z.object({ id: idParam('单位编号'), year: indicatorYear });

const paragraphText = z.string().max(20_000, '段落过长（不超过20000字）');
/**
 * `PUT …/reports/:year`: the author's changes, on the version they saw. `edits` set a paragraph's words: `text` for a
 * paragraph without figures (an author's paragraph; line breaks start new paragraphs when printed), `texts` — one per
 * text segment, in order — for a paragraph with figures, whose figure fields are never edited by hand. `order` gives
 * a section's paragraphs in their new order; a paragraph left out is deleted (e.g. a seeded shortcoming).
 */
export const saveReportInput = z.strictObject({
  expectedVersion: expectedVersionInput('报告'),
  edits: z
    .array(z.strictObject({ paragraphId: z.string().min(1).max(200), text: paragraphText.optional(), texts: z.array(paragraphText).max(200).optional() }))
    .max(500)
    .optional(),
  order: z
    .array(z.strictObject({ sectionKey: z.string().min(1).max(200), paragraphIds: z.array(z.string().min(1).max(200)).max(500) }))
    .max(50)
    .optional(),
});
export type SaveReportInput = z.infer<typeof saveReportInput>;

export const reportStepBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.enum(['submitForReview', 'passReview', 'approve', 'publish', 'submit']), expectedVersion: expectedVersionInput('报告') }),
  z.strictObject({ action: z.literal('return'), reason: z.string({ error: missing('退回理由') }).min(2, '请填写退回理由').max(2000, '退回理由过长'), expectedVersion: expectedVersionInput('报告') }),
]);

export const reportFileQuery = z.object({ format: z.enum(['docx', 'pdf']).default('docx') });
export const reportPublicKey = z.object({ algorithm: z.literal('SM2'), userId: z.string(), publicKey: z.string().nullable(), createdAt: timestamp.nullable() });

/** A published report as the portal lists it (no personal data): unit, year, when, whether late, its digests. */
export const publicReport = z.object({
  id: z.number(),
  organizationName: z.string(),
  year: z.number(),
  publishedAt: timestamp,
  late: z.boolean(),
  contentDigest: z.string(),
  docxDigest: z.string(),
  /** Null until the PDF's first download renders it from the frozen .docx. */
  pdfDigest: z.string().nullable(),
  /** Whether the PDF can be downloaded (rendered already, or renderable on this server). */
  pdfAvailable: z.boolean(),
  checkpointDigest: z.string(),
  signature: z.string(),
});
export type PublicReport = z.output<typeof publicReport>;
export const publicReportList = z.object({ items: z.array(publicReport) });
export const publicReportQuery = z.object({ year: indicatorYear.optional() });

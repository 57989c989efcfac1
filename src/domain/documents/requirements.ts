/**
 * Required data per template. Missing data is an error naming every missing field in Chinese — a document is
 * never printed with a blank where the law or the form needs content (a wrong or empty field can make a decision
 * unlawful, 《行政处罚法》第五十九条).
 */
import type { PeriodTable } from '../calendar/periods.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { validationError } from '../errors.ts';
import type { RenderedDocument } from './blocks.ts';
import type { DocumentCase } from './model.ts';

/** One required item: where it lives, its Chinese name, how to read it; `when` limits it to some cases. */
export interface RequiredField {
  path: string;
  label: string;
  get: (c: DocumentCase, instance: number) => unknown;
  when?: (c: DocumentCase, instance: number) => boolean;
}

export function field(
  path: string,
  label: string,
  get: (c: DocumentCase, instance: number) => unknown,
  when?: (c: DocumentCase, instance: number) => boolean,
): RequiredField {
  return when ? { path, label, get, when } : { path, label, get };
}

/** Missing means absent, blank text, or an empty list. */
export function isMissing(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number') return !Number.isFinite(value);
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** The required fields of `required` that `c` lacks for instance `instance`. */
export function missingFields(required: readonly RequiredField[], c: DocumentCase, instance: number): RequiredField[] {
  return required.filter((f) => (f.when ? f.when(c, instance) : true) && isMissing(f.get(c, instance)));
}

/** Throws one VALIDATION error listing every missing field of the document, or returns. */
export function assertComplete(documentName: string, required: readonly RequiredField[], c: DocumentCase, instance: number): void {
  const missing = missingFields(required, c, instance);
  if (missing.length === 0) return;
  throw validationError(`无法生成《${documentName}》，缺少必填内容：${missing.map((f) => f.label).join('、')}`, {
    document: documentName,
    fields: missing.map((f) => ({ path: f.path, label: f.label })),
  });
}

/** Returns `value`, or throws naming the field — for values the required list already guarantees. */
export function must<T>(value: T | undefined | null, label: string): T {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    throw validationError(`缺少必填内容：${label}`, { fields: [{ label }] });
  }
  return value;
}

/** Page ranges of the documents in an assembled case file, for the cover and the 卷内目录. */
export interface VolumeEntry {
  name: string;
  number?: string;
  date: string;
  /** First and last page within the volume (documents after the 卷内目录 are numbered from 1). */
  firstPage: number;
  lastPage: number;
}

export interface Volume {
  entries: VolumeEntry[];
  totalPages: number;
}

/** What a template needs besides the case: the legal calendar (Art. 85), local period table, and volume data. */
export interface RenderContext {
  calendar: WorkCalendar;
  periods?: PeriodTable;
  /** Only for the 案卷封面 and 卷内目录, which print page numbers of the assembled volume. */
  volume?: Volume;
}

export type Layout = 'letter' | 'form' | 'record' | 'report';

export interface DocumentTemplate {
  id: string;
  /** 文书名称 as printed and as asked for on the command line, e.g. '行政处罚决定书'. */
  name: string;
  stage: string;
  /** Legal basis of the document. */
  basis: string;
  layout: Layout;
  /** How many documents of this kind the case has now (one per inquiry, per service …); 0 = not yet. */
  count: (c: DocumentCase) => number;
  /**
   * Why a case whose `count` is 0 has no such document, as the refusal says it: "本案无听证" → "本案无听证，不适用
   * 《行政处罚听证笔录》". Absent: a generic reason (catalog.ts `absenceOf`).
   */
  absence?: string | ((c: DocumentCase) => string);
  required: readonly RequiredField[];
  /** Builds the document; called after the required fields are confirmed present. Applies the legal rules. */
  build: (c: DocumentCase, instance: number, ctx: RenderContext) => RenderedDocument;
}

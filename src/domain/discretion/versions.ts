/**
 * Benchmark versions. A case is assessed with the benchmark in force on its decision date, so a later revision
 * never changes how an earlier case is read. Versions come from the table's source column, which names the
 * document, its number, issuer and dates (…（深城管规〔2023〕2号，深圳市城市管理和综合执法局，2023-11-23印发，
 * 2023-12-15施行）).
 */
import type { BenchmarkItem, BenchmarkSet, BenchmarkSource, BenchmarkVersion, IsoDate } from './model.ts';
import { IsoDateSchema } from './model.ts';
import { sourceKey } from './table.ts';
import { ruleViolation, validationError } from '../errors.ts';

const metadataGroup = /（([^（）]*(?:\d{4}-\d{2}-\d{2}(?:印发|施行|发布)|〔\d{4}〕\d+号)[^（）]*)）/;

/** Cuts trailing remarks after a comma outside parentheses (…（36项），发布2020-03-31). */
function beforeTopLevelComma(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '（' || ch === '(') depth++;
    else if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    else if ((ch === '，' || ch === ',') && depth === 0) return text.slice(0, i);
  }
  return text;
}

function datedBy(text: string, verb: string): IsoDate | undefined {
  return (
    new RegExp(`(\\d{4}-\\d{2}-\\d{2})${verb}`).exec(text)?.[1] ?? new RegExp(`${verb}\\s*(\\d{4}-\\d{2}-\\d{2})`).exec(text)?.[1]
  );
}

/** The document title without its metadata, in 《》 for citations. */
export function sourceTitle(sourceName: string): string {
  const title = beforeTopLevelComma(sourceName.replace(metadataGroup, '')).trim();
  return /^《/.test(title) ? title : `《${title}》`;
}

/**
 * Reads the version a source line describes. A document without a 施行 date is taken to apply from its
 * publication (发布) or issue (印发) date; one without any date cannot be placed in time and is never in force.
 */
export function parseSourceVersion(source: BenchmarkSource): BenchmarkVersion {
  const meta = metadataGroup.exec(source.name)?.[1] ?? source.name;
  const name = beforeTopLevelComma(source.name.replace(metadataGroup, '')).trim();
  const issuedOn = datedBy(source.name, '印发');
  const publishedOn = datedBy(source.name, '发布') ?? issuedOn;
  const effectiveFrom = datedBy(source.name, '施行') ?? publishedOn;
  const documentNumber = /[\u4e00-\u9fa5]+〔\d{4}〕\d+号/.exec(meta)?.[0];
  const issuer =
    meta.split(/[，,]/).find((part) => /(?:局|政府|委员会|办公室)$/.test(part.trim()))?.trim() ??
    /^(.+?(?:执法局|管理局|人民政府))/.exec(name)?.[1];
  return {
    id: sourceKey(source.name),
    name,
    ...(issuer ? { issuer } : {}),
    ...(documentNumber ? { documentNumber } : {}),
    ...(issuedOn ? { issuedOn } : {}),
    ...(effectiveFrom ? { effectiveFrom } : {}),
    ...(publishedOn ? { publishedOn } : {}),
    ...(source.url ? { sourceUrl: source.url } : {}),
  };
}

/** Groups items by source into benchmark sets, one per version, in first-seen order. */
export function benchmarkSets(items: BenchmarkItem[]): BenchmarkSet[] {
  const sets = new Map<string, BenchmarkSet>();
  for (const item of items) {
    const existing = sets.get(item.source.name);
    if (existing) existing.items.push(item);
    else sets.set(item.source.name, { version: parseSourceVersion(item.source), items: [item] });
  }
  return [...sets.values()];
}

/**
 * The version in force on `date` (YYYY-MM-DD): effective on or before it, not yet ended (`effectiveTo` is the
 * first day it no longer applies), and published — 《行政处罚法》第三十四条 requires benchmarks to be public,
 * so an unpublished one is never applied. Of several, the latest effective wins. Pass versions of one series
 * (one issuer's successive editions).
 */
export function versionInForce<V extends BenchmarkVersion>(versions: V[], date: IsoDate): V | undefined {
  if (!IsoDateSchema.safeParse(date).success) throw validationError('日期格式应为 YYYY-MM-DD', { date });
  const candidates = versions.filter(
    (v) =>
      v.effectiveFrom !== undefined &&
      v.effectiveFrom <= date &&
      (v.effectiveTo === undefined || date < v.effectiveTo) &&
      v.publishedOn !== undefined &&
      v.publishedOn <= date,
  );
  return candidates.sort((a, b) => (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? '') || (a.issuedOn ?? '').localeCompare(b.issuedOn ?? '')).at(-1);
}

/**
 * Where a version stands (issue 15, item 7). An import is a draft until a head confirms it; a confirmed version is
 * scheduled (待施行) before its effective date, in force (现行) while it is the one versionInForce picks, and
 * superseded (已被替代) once a later one applies; a withdrawn or discarded one never applies again.
 */
export const versionStateLabels = {
  draft: '草稿',
  scheduled: '待施行',
  inForce: '现行',
  superseded: '已被替代',
  withdrawn: '已撤回',
  discarded: '已放弃',
} as const;
export type VersionState = keyof typeof versionStateLabels;
export type VersionStatus = 'draft' | 'confirmed' | 'discarded' | 'withdrawn';

export function versionState(v: { status: VersionStatus; effectiveFrom: IsoDate }, today: IsoDate, inForceToday: boolean): VersionState {
  if (v.status !== 'confirmed') return v.status;
  if (inForceToday) return 'inForce';
  return v.effectiveFrom > today ? 'scheduled' : 'superseded';
}

/**
 * The effective date a draft may be confirmed with. 《行政处罚法》第三十四条: 行政处罚裁量基准应当向社会公布 — the
 * portal publishes a version from its effective date, so a date before today would make a benchmark apply to days
 * on which it was not public. Only the system (bootstrap, recording historical benchmarks) may give a past date.
 * Calendar days: a benchmark may take effect on any day, holidays included.
 */
export function checkEffectiveDate(effectiveFrom: IsoDate, today: IsoDate, bySystem: boolean): void {
  if (!IsoDateSchema.safeParse(effectiveFrom).success) throw validationError('施行日期格式应为 YYYY-MM-DD 且为真实日期', { effectiveFrom });
  if (!bySystem && effectiveFrom < today) {
    throw ruleViolation(
      `施行日期 ${effectiveFrom} 早于今天（${today}）：裁量基准应当向社会公布（《行政处罚法》第三十四条），自公布之日起方可施行，不能溯及既往`,
      '《行政处罚法》第三十四条',
      { effectiveFrom, today },
    );
  }
}

/**
 * The first day a withdrawn version no longer applies: the withdrawal day when it is in force (decisions made
 * before keep it, and the version before it applies again from that day), or its own effective date when it never
 * took effect (an empty period: it never applies). A superseded, draft or already withdrawn version cannot be
 * withdrawn — there is nothing left to stop.
 */
export function withdrawalEnd(v: { status: VersionStatus; effectiveFrom: IsoDate }, state: VersionState, today: IsoDate): IsoDate {
  if (state !== 'inForce' && state !== 'scheduled') {
    throw validationError(`只能撤回现行或待施行的版本，该版本${versionStateLabels[state]}`, { state });
  }
  return v.effectiveFrom > today ? v.effectiveFrom : today;
}

/**
 * Scoring of analyzer output against gold files, by the rules of docs/ANALYZER.md:
 * - recall: expected keys for which a value within 0.5% was found ÷ expected keys;
 * - precision: distinct output (key, value) pairs found in expected ∪ allowed ÷ all distinct output pairs;
 * - metadata: organization contains the gold name or an alias, year, date, and each gold section flag.
 */
import { z } from 'zod';
import { sectionKeys } from './types.ts';
import type { ReportAnalysis, SectionKey } from './types.ts';

const valuesByKey = z.record(z.string(), z.array(z.number()));

export const goldReportSchema = z.object({
  file: z.string(),
  organization: z.string(),
  organization_aliases: z.array(z.string()).optional(),
  year: z.number().int(),
  date: z.string().nullable(),
  sections: z.object({
    measures: z.boolean().optional(),
    shortcomings: z.boolean().optional(),
    responsibility: z.boolean().optional(),
    plan: z.boolean().optional(),
    other: z.boolean().optional(),
  }),
  expected: valuesByKey,
  allowed: valuesByKey.optional(),
});

export type GoldReport = z.infer<typeof goldReportSchema>;

export function parseGold(json: unknown): GoldReport {
  return goldReportSchema.parse(json);
}

/** Values match when they differ by at most 0.5% of the gold value (exactly, for a gold value of 0). */
export function valuesMatch(output: number, gold: number): boolean {
  if (gold === 0) return output === 0;
  return Math.abs(output - gold) <= Math.abs(gold) * 0.005 + 1e-9;
}

export interface MetadataCheck {
  ok: boolean;
  output: string | number | boolean | null;
  gold: string | number | boolean | null;
}

export interface ReportScore {
  file: string;
  expectedKeys: number;
  foundKeys: string[];
  missingKeys: string[];
  outputPairs: number;
  correctPairs: number;
  wrongPairs: Array<{ key: string; value: number }>;
  recall: number;
  precision: number;
  f1: number;
  metadata: {
    organization: MetadataCheck;
    year: MetadataCheck;
    date: MetadataCheck;
    sections: Partial<Record<SectionKey, MetadataCheck>>;
  };
  /** Every metadata field checked is right. */
  metadataOk: boolean;
}

export interface OverallScore {
  reports: number;
  recall: number;
  precision: number;
  f1: number;
  metadataChecks: number;
  metadataRight: number;
}

const f1Of = (precision: number, recall: number) => (precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall));

export function scoreReport(output: ReportAnalysis, gold: GoldReport): ReportScore {
  const expectedKeys = Object.keys(gold.expected);
  const foundKeys: string[] = [];
  const missingKeys: string[] = [];
  for (const key of expectedKeys) {
    const wanted = gold.expected[key] ?? [];
    const found = output.indicators.some((m) => m.key === key && wanted.some((value) => valuesMatch(m.value, value)));
    (found ? foundKeys : missingKeys).push(key);
  }

  const pairs = new Map<string, { key: string; value: number }>();
  for (const mention of output.indicators) pairs.set(`${mention.key}\u0000${String(mention.value)}`, { key: mention.key, value: mention.value });
  const wrongPairs: Array<{ key: string; value: number }> = [];
  let correctPairs = 0;
  for (const pair of pairs.values()) {
    const accepted = [...(gold.expected[pair.key] ?? []), ...(gold.allowed?.[pair.key] ?? [])];
    if (accepted.some((value) => valuesMatch(pair.value, value))) correctPairs += 1;
    else wrongPairs.push(pair);
  }

  const recall = expectedKeys.length === 0 ? 1 : foundKeys.length / expectedKeys.length;
  const precision = pairs.size === 0 ? 1 : correctPairs / pairs.size;

  const names = [gold.organization, ...(gold.organization_aliases ?? [])];
  const organization: MetadataCheck = {
    ok: output.organization !== null && names.some((name) => output.organization?.includes(name) ?? false),
    output: output.organization,
    gold: gold.organization,
  };
  const year: MetadataCheck = { ok: output.year === gold.year, output: output.year, gold: gold.year };
  const date: MetadataCheck = { ok: output.date === gold.date, output: output.date, gold: gold.date };
  const sections: Partial<Record<SectionKey, MetadataCheck>> = {};
  for (const key of sectionKeys) {
    const wanted = gold.sections[key];
    if (wanted === undefined) continue;
    sections[key] = { ok: output.sections[key] === wanted, output: output.sections[key], gold: wanted };
  }
  const metadataOk = [organization, year, date, ...Object.values(sections)].every((check) => check.ok);

  return {
    file: gold.file,
    expectedKeys: expectedKeys.length,
    foundKeys,
    missingKeys,
    outputPairs: pairs.size,
    correctPairs,
    wrongPairs,
    recall,
    precision,
    f1: f1Of(precision, recall),
    metadata: { organization, year, date, sections },
    metadataOk,
  };
}

/** Micro-averaged over reports: every expected key and every output pair weighs the same. */
export function overallScore(scores: readonly ReportScore[]): OverallScore {
  const expected = scores.reduce((sum, s) => sum + s.expectedKeys, 0);
  const found = scores.reduce((sum, s) => sum + s.foundKeys.length, 0);
  const pairs = scores.reduce((sum, s) => sum + s.outputPairs, 0);
  const correct = scores.reduce((sum, s) => sum + s.correctPairs, 0);
  const recall = expected === 0 ? 1 : found / expected;
  const precision = pairs === 0 ? 1 : correct / pairs;
  const checks = scores.flatMap((s) => [s.metadata.organization, s.metadata.year, s.metadata.date, ...Object.values(s.metadata.sections)]);
  return {
    reports: scores.length,
    recall,
    precision,
    f1: f1Of(precision, recall),
    metadataChecks: checks.length,
    metadataRight: checks.filter((check) => check.ok).length,
  };
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** A plain-text account of the scores, one block per report and an overall line. */
export function formatScores(scores: readonly ReportScore[]): string {
  const out: string[] = [];
  for (const s of scores) {
    out.push(`${s.file}: 召回率 ${percent(s.recall)}（${String(s.foundKeys.length)}/${String(s.expectedKeys)}）  精确率 ${percent(s.precision)}（${String(s.correctPairs)}/${String(s.outputPairs)}）  F1 ${percent(s.f1)}`);
    const m = s.metadata;
    const sectionText = Object.entries(m.sections).map(([key, check]) => `${key}${mark(check.ok)}`).join(' ');
    out.push(`  元数据 ${mark(s.metadataOk)}：单位${mark(m.organization.ok)}（${String(m.organization.output)}）年度${mark(m.year.ok)}（${String(m.year.output)}）日期${mark(m.date.ok)}（${String(m.date.output)}）内容 ${sectionText}`);
    if (s.missingKeys.length > 0) out.push(`  未找到：${s.missingKeys.join(', ')}`);
    if (s.wrongPairs.length > 0) out.push(`  多余/错误：${s.wrongPairs.map((p) => `${p.key}=${String(p.value)}`).join(', ')}`);
  }
  const all = overallScore(scores);
  out.push(`总体（${String(all.reports)} 份报告）：召回率 ${percent(all.recall)}  精确率 ${percent(all.precision)}  F1 ${percent(all.f1)}  元数据 ${String(all.metadataRight)}/${String(all.metadataChecks)} 正确`);
  return out.join('\n');
}

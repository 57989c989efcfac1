/**
 * The supervisor's roll-up of the annual reports (法治政府建设年度报告汇总与晾晒, issue #19 item 5; docs/REPORTS.md
 * "汇总与晾晒"): each unit's report status for a year, which figure a unit's cell shows (computed, hand-entered,
 * extracted from an uploaded report, or none), and the ranking on the supervisor's weights. Pure.
 *
 * The due date: a unit's report of year Y is published before 1 April of Y+1 — a calendar date, not counted in
 * working days (the issue cites 《法治政府建设与责任落实督察工作规定》Art. 24–25, which is not in the law library, so no
 * article of it is quoted here; see docs/REPORTS.md).
 */
import { chinaDateOf, type IsoDate } from '../calendar/iso-date.ts';
import { type IndicatorKey, indicatorCatalog } from '../indicators/catalog.ts';

/** The statuses of a unit's report in the roll-up. */
export const reportStatuses = {
  'not-started': '未开始',
  drafting: '起草中',
  published: '已公开',
  late: '逾期公开',
  missing: '未报告',
} as const;
export type ReportStatus = keyof typeof reportStatuses;
export const reportStatusKeys = Object.keys(reportStatuses) as ReportStatus[];

/** The last day a report of `year` may be published on: 31 March of the next year (calendar date). */
export function reportDueOn(year: number): IsoDate {
  return `${String(year + 1)}-03-31`;
}

/**
 * What a source of report states knows about one unit's report of a year: the drafts' workflow (another module,
 * src/services/reports/) or an uploaded report. `state` is the source's own state name; the report counts as
 * published when `publishedAt` is set.
 */
export interface ReportStateFact {
  organizationId: number;
  state: string;
  publishedAt: Date | null;
  dueOn: IsoDate;
}

/**
 * The status of one unit's report of `year` on `today` from what the sources know of it (several facts when a unit
 * both drafted and uploaded): the earliest publication decides; published on or before the due day is 已公开, after
 * it 逾期公开; not published: 起草中 while a source has it and the due day has not passed, 未开始 while none has it and
 * the due day has not passed, 未报告 once 31 March is over.
 */
export function reportStatusOf(facts: readonly ReportStateFact[], year: number, today: IsoDate): { status: ReportStatus; publishedOn: IsoDate | null; dueOn: IsoDate } {
  const dueOn = facts[0]?.dueOn ?? reportDueOn(year);
  const published = facts
    .filter((f) => f.publishedAt !== null)
    .map((f) => chinaDateOf(f.publishedAt!))
    .sort()[0];
  if (published) return { status: published > dueOn ? 'late' : 'published', publishedOn: published, dueOn };
  if (today > dueOn) return { status: 'missing', publishedOn: null, dueOn };
  return { status: facts.length ? 'drafting' : 'not-started', publishedOn: null, dueOn };
}

/** Where a cell's figure comes from, in the order one wins over another (see `pickFigure`). */
export const rollupFigureSources = { computed: '系统计算', 'hand-entered': '手工填报', extracted: '提取', none: '无记录' } as const;
export type RollupFigureSource = keyof typeof rollupFigureSources;

/**
 * Which figure a unit's cell shows, when several exist: a figure computed from the records wins over a hand-entered
 * one, and a hand-entered one over a figure the analyzer read from the unit's uploaded report — a person answered for
 * the hand-entered figure with its source note, while an extracted figure is machine-read from free text (the
 * analyzer is right about 96 % of the time, docs/ANALYZER.md). The extracted figure is still shown beside a figure
 * that wins over it, so a difference can be seen.
 */
export function pickFigure<T>(candidates: Partial<Record<Exclude<RollupFigureSource, 'none'>, T | null>>): { source: RollupFigureSource; figure: T | null } {
  for (const source of ['computed', 'hand-entered', 'extracted'] as const) {
    const figure = candidates[source];
    if (figure !== undefined && figure !== null) return { source, figure };
  }
  return { source: 'none', figure: null };
}

/**
 * The report-level value of a key an uploaded report states several times (INDICATORS.md: "the most general one"):
 * for a count or an amount the largest mention — a total is at least each of its parts —, for a rate the first.
 */
export function reportLevelMention<M extends { value: number }>(mentions: readonly M[], measure: 'count' | 'amount' | 'rate'): M | null {
  if (!mentions.length) return null;
  if (measure === 'rate') return mentions[0]!;
  return mentions.reduce((best, m) => (m.value > best.value ? m : best));
}

/**
 * Which way is better for a key in the ranking: `higher` (more is better), or `lower` — overdue applications, a
 * reconsideration body correcting the unit's acts, lost lawsuits. Every catalog key is here (test).
 */
export const indicatorDirection: Record<IndicatorKey, 'higher' | 'lower'> = Object.fromEntries(
  indicatorCatalog.map((e) => [e.key, (['approvals_overdue', 'reconsideration_correction_rate', 'litigation_loss_rate'] as string[]).includes(e.key) ? 'lower' : 'higher']),
) as Record<IndicatorKey, 'higher' | 'lower'>;

export interface RankingInput {
  organizationId: number;
  /** The value each weighted key has for the unit (null: no figure). */
  values: Partial<Record<IndicatorKey, number | null>>;
}

export interface RankingRow {
  organizationId: number;
  /** Σ weight × normalized value, two decimals. */
  score: number;
  /** 1 for the best; equal scores share a place and the next place is skipped (1, 1, 3). */
  rank: number;
  /** Per weighted key: the normalized value (0–1) that entered the score. */
  parts: { key: IndicatorKey; value: number | null; normalized: number }[];
}

/**
 * The ranking (晾晒) of units on `weights` (per key, ≥ 0; keys of weight 0 are left out). Each weighted key is
 * normalized across the units ranked, min–max: (v − min) ÷ (max − min) when more is better, (max − v) ÷ (max − min)
 * when less is better, so the best unit gets 1 and the worst 0; when every unit has the same value, each gets 1; a
 * unit without a figure gets 0 for that key (a missing figure earns nothing). Score = Σ weight × normalized value.
 */
export function rankUnits(units: readonly RankingInput[], weights: Partial<Record<IndicatorKey, number>>): RankingRow[] {
  const keys = (Object.entries(weights) as [IndicatorKey, number][]).filter(([, w]) => w > 0);
  const bounds = new Map(
    keys.map(([key]) => {
      const values = units.map((u) => u.values[key]).filter((v): v is number => v !== null && v !== undefined);
      return [key, values.length ? { min: Math.min(...values), max: Math.max(...values) } : null] as const;
    }),
  );
  const scored = units.map((u) => {
    const parts = keys.map(([key]) => {
      const value = u.values[key] ?? null;
      const b = bounds.get(key);
      let normalized = 0;
      if (value !== null && b) {
        if (b.max === b.min) normalized = 1;
        else normalized = indicatorDirection[key] === 'lower' ? (b.max - value) / (b.max - b.min) : (value - b.min) / (b.max - b.min);
      }
      return { key, value, normalized: Math.round(normalized * 10_000) / 10_000 };
    });
    const score = Math.round(keys.reduce((s, [key, w]) => s + w * parts.find((p) => p.key === key)!.normalized, 0) * 100) / 100;
    return { organizationId: u.organizationId, score, parts };
  });
  const ordered = [...scored].sort((a, b) => b.score - a.score);
  return ordered.map((row) => ({ ...row, rank: 1 + ordered.filter((o) => o.score > row.score).length }));
}

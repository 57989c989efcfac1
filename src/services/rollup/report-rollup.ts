/**
 * The supervisor's roll-up of the annual reports (法治政府建设年度报告汇总与晾晒, issue #19 item 5; docs/REPORTS.md
 * "汇总与晾晒"): for a supervising unit and a year, every unit below it (directly below, or `depth` levels) with its
 * report status; the indicator table across the units — each cell computed, hand-entered or extracted from the unit's
 * uploaded report (`pickFigure`: computed over hand-entered over extracted) — with a 合计 column over the units
 * directly below (`combineFigures`: counts and amounts add, rates are Σ numerators ÷ Σ denominators, never averaged);
 * the ranking (晾晒) on the weights the supervisor sets; the XLSX of it all; and the side-by-side comparison.
 */
import { and, asc, eq, like, ne } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { sectionKeys } from '../../domain/analyzer/types.ts';
import { chinaDateOf } from '../../domain/calendar/iso-date.ts';
import { validationError } from '../../domain/errors.ts';
import type { ExportCell } from '../../domain/export/table.ts';
import { indicatorCatalog, type IndicatorKey, indicatorMeasure, isIndicatorKey } from '../../domain/indicators/catalog.ts';
import { combineFigures } from '../../domain/indicators/rollup.ts';
import type { UnitIndicator } from '../../domain/indicators/table-views.ts';
import type { IndicatorValue } from '../../domain/indicators/views.ts';
import { assertMay } from '../../domain/policy.ts';
import { reportParts } from '../../domain/reports/model.ts';
import {
  indicatorDirection,
  pickFigure,
  rankUnits,
  type ReportStateFact,
  reportDueOn,
  reportLevelMention,
  reportStatuses,
  reportStatusOf,
  rollupFigureSources,
  type RollupFigureSource,
} from '../../domain/rollup/model.ts';
import { rollupPolicy } from '../../domain/rollup/policy.ts';
import {
  type ExtractedFigure,
  type RankingWeightsView,
  rankingWeightsInput,
  type ReportComparison,
  type ReportRollup,
  type ReportUploadView,
  type RollupCell,
  type RollupIndicator,
  type RollupUnit,
} from '../../domain/rollup/views.ts';
import type { Executor } from '../../db/connect.ts';
import { organizations, reportRankingWeights, users } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { type XlsxExport, xlsxStream } from '../export/xlsx.ts';
import { prefetchTallies } from '../indicators/tallies.ts';
import { computeUnitIndicators } from '../indicators/unit-indicators.ts';
import { type IndicatorContext, indicatorScope } from '../kernel/indicators.ts';
import { getOrganization, type Organization } from '../organizations.ts';
import { parseInput } from '../parse-input.ts';
import { uploadedReportStates, uploadsOf } from './report-uploads.ts';
import { listReportStates } from '../reports/reports.ts';

/**
 * Where the roll-up learns the state of units' reports: `listReportStates(ctx, organizationIds, year)` answers, per
 * unit that has one, `{ organizationId, state, publishedAt | null, dueOn }` (several facts for a unit are fine: the
 * earliest publication decides, `reportStatusOf`).
 */
export interface ReportStateSource {
  /** Names the source; `drafts` makes the comparison call a unit's report "generated". */
  name: string;
  listReportStates(ctx: IndicatorContext, organizationIds: readonly number[], year: number): Promise<ReportStateFact[]>;
}

/** Uploaded reports: an upload is the unit's published report (report-uploads.ts). */
export const uploadedReportSource: ReportStateSource = { name: 'uploads', listReportStates: uploadedReportStates };

/**
 * Reports written in Fazhi (src/services/reports/, workflow 起草 … 公开 … 报送): a unit with a draft in any state is a
 * fact; a unit without one (`notStarted`) is none, so it reads 未开始 / 未报告 unless it uploaded a report.
 */
export const draftedReportSource: ReportStateSource = {
  name: 'drafts',
  listReportStates: async (ctx, organizationIds, year) => (await listReportStates(ctx, organizationIds, year)).filter((s) => s.state !== 'notStarted'),
};

/** Every source of report states the roll-up reads. */
export const reportStateSources: ReportStateSource[] = [draftedReportSource, uploadedReportSource];

async function reportStates(ctx: IndicatorContext, organizationIds: readonly number[], year: number, sources: readonly ReportStateSource[]) {
  const facts = new Map<number, { fact: ReportStateFact; source: string }[]>();
  for (const source of sources) {
    for (const fact of await source.listReportStates(ctx, organizationIds, year)) {
      facts.set(fact.organizationId, [...(facts.get(fact.organizationId) ?? []), { fact, source: source.name }]);
    }
  }
  return facts;
}

export interface RollupOptions {
  /** Levels below the supervising unit (1: the units directly below). */
  depth?: number;
  /** Default `reportStateSources`. */
  stateSources?: readonly ReportStateSource[];
  /** Default every catalog key. */
  keys?: readonly IndicatorKey[];
}

/** The units below `unit`, `depth` levels down, in tree order, with their level. */
async function unitsBelow(db: Executor, unit: Organization, depth: number): Promise<(Organization & { level: number })[]> {
  const rows = await db
    .select()
    .from(organizations)
    .where(and(like(organizations.path, `${unit.path}%`), ne(organizations.id, unit.id)))
    .orderBy(asc(organizations.path));
  const base = segments(unit.path);
  return rows.map((o) => ({ ...o, level: segments(o.path) - base })).filter((o) => o.level <= depth);
}
const segments = (path: string) => path.split('/').filter(Boolean).length;

/** The extracted figure of each key an upload states (the report-level mention, `reportLevelMention`). */
function extractedFigures(upload: ReportUploadView | undefined): Map<IndicatorKey, ExtractedFigure> {
  const figures = new Map<IndicatorKey, ExtractedFigure>();
  if (!upload) return figures;
  for (const entry of indicatorCatalog) {
    const mention = reportLevelMention(
      upload.analysis.indicators.filter((m) => m.key === entry.key),
      indicatorMeasure(entry.key),
    );
    if (mention) figures.set(entry.key, { value: mention.value, approx: mention.approx, text: mention.text, fileName: upload.fileName, uploadId: upload.id });
  }
  return figures;
}

/** A unit's cell: the table's row (computed or hand-entered) or the uploaded report's figure, whichever wins. */
function cellOf(row: UnitIndicator, extracted: ExtractedFigure | null): RollupCell {
  const inTable = row.value !== null && row.source !== 'none' ? row : null;
  const picked = pickFigure({ [row.source === 'computed' ? 'computed' : 'hand-entered']: inTable, extracted });
  if (picked.source === 'extracted') {
    return { value: extracted!.value, source: 'extracted', note: `从上传的年度报告中提取${extracted!.approx ? '（约数）' : ''}`, extracted };
  }
  if (picked.source === 'none') return { value: null, source: 'none', ...(row.note ? { note: row.note } : {}), extracted: null };
  return {
    value: row.value,
    source: picked.source,
    ...(row.numerator !== undefined && row.denominator !== undefined ? { numerator: row.numerator, denominator: row.denominator } : {}),
    ...(row.note ? { note: row.note } : {}),
    extracted,
  };
}

const trust: Record<RollupFigureSource, number> = { computed: 3, 'hand-entered': 2, extracted: 1, none: 0 };

/** 合计 of one key over cells (the units directly below): `combineFigures`, its source the least trusted part's. */
export function totalOf(key: IndicatorKey, cells: readonly RollupCell[]): RollupCell {
  const parts: IndicatorValue[] = cells.map((c) => ({
    key,
    name: '',
    unit: '',
    value: c.value,
    recordCount: 0,
    ...(c.numerator !== undefined && c.denominator !== undefined ? { numerator: c.numerator, denominator: c.denominator } : {}),
    ...(c.note && c.value === null ? { note: c.note } : {}),
  }));
  const combined = combineFigures(key, parts);
  const sources = [...new Set(cells.filter((c) => c.value !== null).map((c) => c.source))];
  const source = combined.value === null || !sources.length ? 'none' : sources.reduce((a, b) => (trust[a] <= trust[b] ? a : b));
  const mixed = sources.filter((s) => s !== 'computed').map((s) => rollupFigureSources[s]);
  const notes = [combined.note, combined.value !== null && mixed.length ? `含${mixed.join('、')}数据` : undefined].filter((n): n is string => !!n);
  return {
    value: combined.value,
    source,
    ...(combined.numerator !== undefined && combined.denominator !== undefined ? { numerator: combined.numerator, denominator: combined.denominator } : {}),
    ...(notes.length ? { note: notes.join('；') } : {}),
    extracted: null,
  };
}

/** Each unit's cells, by key (one computation of its table per unit). */
async function unitCells(ctx: IndicatorContext, units: readonly Organization[], year: number, uploads: readonly ReportUploadView[], keys: readonly IndicatorKey[]) {
  const cells = new Map<number, Map<IndicatorKey, RollupCell>>();
  // The ledgers' kept aggregates of every unit read once (services/indicators/tallies.ts), not three reads per unit.
  const read = await prefetchTallies(ctx, units.map((u) => u.path), year);
  // Four units at a time: on PostgreSQL their statements overlap on the pool's connections; PGlite (one connection)
  // runs them one after another, as it runs every statement (these are reads, outside any transaction).
  const queue = [...units];
  const worker = async () => {
    for (let unit = queue.shift(); unit; unit = queue.shift()) {
      const table = await computeUnitIndicators(read, unit, year, { keys });
      const extracted = extractedFigures(uploads.find((u) => u.organizationId === unit.id));
      cells.set(unit.id, new Map(table.indicators.map((row) => [row.key, cellOf(row, extracted.get(row.key) ?? null)])));
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return cells;
}

async function weightsOf(db: Executor, organizationId: number, year: number): Promise<RankingWeightsView> {
  const [row] = await db
    .select({ w: reportRankingWeights, setBy: users.displayName })
    .from(reportRankingWeights)
    .innerJoin(users, eq(users.id, reportRankingWeights.setBy))
    .where(and(eq(reportRankingWeights.organizationId, organizationId), eq(reportRankingWeights.year, year)));
  if (!row) return { weights: [], setBy: null, setAt: null, version: 0 };
  const weights = (row.w.weights as { key: string; weight: number }[]).flatMap((w) => (isIndicatorKey(w.key) ? [{ key: w.key, weight: w.weight }] : []));
  return { weights, setBy: row.setBy, setAt: row.w.setAt, version: row.w.version };
}

/**
 * The roll-up of `unit` for `year` — no actor: the caller authorizes (`reportRollup` for the route). The units
 * directly below are ranked and totalled; deeper levels (`depth`) are shown under them.
 */
export async function computeReportRollup(ctx: IndicatorContext, unit: Organization, year: number, options: RollupOptions = {}): Promise<ReportRollup> {
  const depth = options.depth ?? 1;
  const keys = options.keys ?? indicatorCatalog.map((e) => e.key);
  const units = await unitsBelow(ctx.db, unit, depth);
  const ids = units.map((u) => u.id);
  const uploads = await uploadsOf(ctx.db, ids, year);
  const facts = await reportStates(ctx, ids, year, options.stateSources ?? reportStateSources);
  const today = chinaDateOf(ctx.clock());
  const cells = await unitCells(ctx, units, year, uploads, keys);
  const rollupUnits: RollupUnit[] = units.map((u) => {
    const status = reportStatusOf((facts.get(u.id) ?? []).map((f) => f.fact), year, today);
    const upload = uploads.find((x) => x.organizationId === u.id);
    return {
      id: u.id,
      name: u.name,
      path: u.path,
      parentId: u.parentId,
      level: u.level,
      status: status.status,
      publishedOn: status.publishedOn,
      dueOn: status.dueOn,
      upload: upload ? { id: upload.id, fileName: upload.fileName, version: upload.version, uploadedAt: upload.uploadedAt } : null,
    };
  });
  const topLevel = units.filter((u) => u.level === 1);
  const indicators: RollupIndicator[] = keys.map((key) => {
    const entry = indicatorCatalog.find((e) => e.key === key)!;
    return {
      key,
      name: entry.name,
      unit: entry.unit,
      direction: indicatorDirection[key],
      cells: units.map((u) => cells.get(u.id)!.get(key)!),
      total: totalOf(
        key,
        topLevel.map((u) => cells.get(u.id)!.get(key)!),
      ),
    };
  });
  const weights = await weightsOf(ctx.db, unit.id, year);
  const weightMap = Object.fromEntries(weights.weights.map((w) => [w.key, w.weight])) as Partial<Record<IndicatorKey, number>>;
  const ranked = weights.weights.some((w) => w.weight > 0)
    ? rankUnits(
        topLevel.map((u) => ({ organizationId: u.id, values: Object.fromEntries(weights.weights.map((w) => [w.key, cells.get(u.id)?.get(w.key)?.value ?? null])) })),
        weightMap,
      )
    : [];
  return {
    organization: { id: unit.id, name: unit.name, path: unit.path },
    year,
    asOf: indicatorScope(ctx.clock, unit.path, year).asOf,
    dueOn: reportDueOn(year),
    depth,
    units: rollupUnits,
    indicators,
    weights,
    ranking: ranked.map((r) => ({ ...r, name: units.find((u) => u.id === r.organizationId)!.name })),
  };
}

/** `GET /api/organizations/:id/report-rollup?year=&depth=`. */
export async function reportRollup(ctx: ServiceContext, actor: Actor, organizationId: number, year: number, depth = 1): Promise<ReportRollup> {
  assertMay(actor, rollupPolicy.viewRollup);
  const unit = await getOrganization(ctx, actor, organizationId);
  return computeReportRollup(ctx, unit, year, { depth });
}

/** `PUT /api/organizations/:id/report-rollup/weights`: sets the ranking weights of the unit's roll-up for a year. */
export async function setRankingWeights(ctx: ServiceContext, actor: Actor, organizationId: number, raw: unknown): Promise<RankingWeightsView> {
  assertMay(actor, rollupPolicy.setRankingWeights);
  const unit = await getOrganization(ctx, actor, organizationId);
  const input = parseInput(rankingWeightsInput, raw);
  const weights = input.weights.filter((w) => w.weight > 0);
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    const [before] = await tx
      .select()
      .from(reportRankingWeights)
      .where(and(eq(reportRankingWeights.organizationId, unit.id), eq(reportRankingWeights.year, input.year)))
      .for('update');
    const [row] = before
      ? await tx
          .update(reportRankingWeights)
          .set({ weights, setBy: actor.userId, setAt: now, version: before.version + 1 })
          .where(eq(reportRankingWeights.id, before.id))
          .returning({ id: reportRankingWeights.id })
      : await tx
          .insert(reportRankingWeights)
          .values({ organizationId: unit.id, year: input.year, weights, setBy: actor.userId, setAt: now })
          .returning({ id: reportRankingWeights.id });
    await appendAudit(
      tx,
      actor,
      {
        action: 'rollup.weights',
        subjectType: 'rankingWeights',
        subjectId: row!.id,
        organizationId: unit.id,
        change: { year: input.year, weights, replaces: before ? (before.weights as { key: string; weight: number }[]) : null },
      },
      now,
    );
  });
  return weightsOf(ctx.db, unit.id, input.year);
}

const cellText = (c: RollupCell): ExportCell => c.value;

/** `GET /api/organizations/:id/report-rollup/export?year=&depth=`: the roll-up as XLSX (values, sources, status, ranking). */
export async function exportReportRollup(ctx: ServiceContext, actor: Actor, organizationId: number, year: number, depth = 1): Promise<XlsxExport> {
  const r = await reportRollup(ctx, actor, organizationId, year, depth);
  const unitHeaders = r.units.map((u) => u.name);
  const widths = [28, 8, ...r.units.map(() => 16), 16];
  const sheets = [
    {
      name: '指标汇总',
      headers: ['指标', '单位', ...unitHeaders, '合计'],
      widths,
      rows: r.indicators.map((i) => [i.name, i.unit, ...i.cells.map(cellText), cellText(i.total)]),
    },
    {
      name: '数据来源',
      headers: ['指标', '单位', ...unitHeaders, '合计'],
      widths,
      rows: r.indicators.map((i) => [i.name, i.unit, ...i.cells.map((c) => rollupFigureSources[c.source]), rollupFigureSources[i.total.source]]),
    },
    {
      name: '报告状态',
      headers: ['单位', '层级', '状态', '公开日期', '截止日期', '上传的报告'],
      widths: [32, 6, 10, 12, 12, 32],
      rows: r.units.map((u) => [u.name, u.level, reportStatuses[u.status as keyof typeof reportStatuses], u.publishedOn, u.dueOn, u.upload?.fileName ?? null]),
    },
    {
      name: '晾晒排名',
      headers: ['名次', '单位', '得分', ...r.weights.weights.map((w) => `${indicatorCatalog.find((e) => e.key === w.key)!.name}（权重${String(w.weight)}）`)],
      widths: [6, 32, 10, ...r.weights.weights.map(() => 20)],
      rows: r.ranking.map((row) => [row.rank, row.name, row.score, ...row.parts.map((p) => p.value)]),
    },
  ];
  const notes = [
    `${r.organization.name} ${String(year)}年度法治政府建设年度报告汇总（截至 ${r.asOf}），导出时间 ${chinaDateOf(ctx.clock())}`,
    '合计：直属下级单位的数值汇总——件数、金额相加；比率按分子之和除以分母之和计算，不取平均数。',
    '数据来源：系统计算优先于手工填报，手工填报优先于从上传报告中提取的数值。',
    '晾晒得分：Σ 权重 × 归一化值；归一化按各单位的最小值、最大值（数值越低越好的指标反向），无数据的单位该项计 0 分；得分相同者名次并列。',
    `年度报告应于 ${r.dueOn} 前（含当日）公开。`,
  ];
  return { fileName: `年度报告汇总-${String(year)}.xlsx`, total: r.units.length, exported: r.units.length, stream: xlsxStream(sheets, notes) };
}

/**
 * `GET /api/organizations/:id/report-comparison?year=&units=`: two or more units' reports side by side — for each,
 * the report it has (an uploaded file, a draft written in Fazhi, or none), the parts present or missing, and the
 * figures key by key (as in the roll-up).
 */
export async function compareReports(
  ctx: ServiceContext,
  actor: Actor,
  organizationId: number,
  year: number,
  unitIds: readonly number[],
  stateSources: readonly ReportStateSource[] = reportStateSources,
): Promise<ReportComparison> {
  assertMay(actor, rollupPolicy.viewRollup);
  const scope = await getOrganization(ctx, actor, organizationId);
  if (unitIds.length < 2) throw validationError('请选择至少2个单位进行对比');
  const units: Organization[] = [];
  for (const id of unitIds) {
    const u = await getOrganization(ctx, actor, id);
    if (!u.path.startsWith(scope.path)) throw validationError(`“${u.name}”不在${scope.name}的下级单位中`);
    units.push(u);
  }
  const uploads = await uploadsOf(ctx.db, unitIds, year);
  const facts = await reportStates(ctx, unitIds, year, stateSources);
  const keys = indicatorCatalog.map((e) => e.key);
  const cells = await unitCells(ctx, units, year, uploads, keys);
  const today = chinaDateOf(ctx.clock());
  const allParts = Object.fromEntries(sectionKeys.map((k) => [k, reportParts.some((p) => p.key === k)])) as Record<(typeof sectionKeys)[number], boolean>;
  const none = Object.fromEntries(sectionKeys.map((k) => [k, false])) as Record<(typeof sectionKeys)[number], boolean>;
  return {
    year,
    reports: units.map((u) => {
      const upload = uploads.find((x) => x.organizationId === u.id);
      const unitFacts = facts.get(u.id) ?? [];
      const drafted = unitFacts.some((f) => f.source !== uploadedReportSource.name);
      const status = reportStatusOf(
        unitFacts.map((f) => f.fact),
        year,
        today,
      ).status;
      // An uploaded file is what the unit sent; a draft written in Fazhi has every part by construction (domain/reports/model.ts).
      const sections = upload ? upload.analysis.sections : drafted ? allParts : none;
      return {
        organizationId: u.id,
        name: u.name,
        kind: upload ? 'uploaded' : drafted ? 'generated' : 'none',
        fileName: upload?.fileName ?? null,
        status,
        sections,
        missingSections: sectionKeys.filter((k) => k !== 'other' && !sections[k]),
      };
    }),
    indicators: keys.map((key) => {
      const entry = indicatorCatalog.find((e) => e.key === key)!;
      return { key, name: entry.name, unit: entry.unit, cells: units.map((u) => cells.get(u.id)!.get(key)!) };
    }),
  };
}

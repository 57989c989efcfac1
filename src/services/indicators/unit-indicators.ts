/**
 * A unit's indicator table for a year (issue #19 item 1, docs/REPORTS.md): every key of the catalog, composed from the
 * ledgers' indicator sources (sources.ts) over the unit's subtree, and the hand-entered figures (手工填报) of the
 * unit and the units below it.
 *
 * Which figure is shown — the rule, per key:
 * - the ledgers' figure over the subtree, when it has a value: a computed figure always wins over a hand-entered one
 *   (the unit's own entry is still shown, with the difference);
 * - plus (or, when the ledgers have nothing, only) the hand-entered figures of units whose own subtree has no
 *   computed value for the key — a hand-entered figure covers its unit's subtree, so an entry below a unit whose
 *   entry already counts is not added again. Counts and amounts add, rates are Σ numerators ÷ Σ denominators
 *   (domain/indicators/rollup.ts);
 * - else no value: "本年度无记录" (or the ledger's own note), never 0 by default.
 */
import { and, asc, eq, like, type SQL } from 'drizzle-orm';
import { type Actor } from '../../domain/access.ts';
import { indicatorCatalog, type IndicatorKey, isIndicatorKey } from '../../domain/indicators/catalog.ts';
import { indicatorPolicy } from '../../domain/indicators/policy.ts';
import { combineFigures } from '../../domain/indicators/rollup.ts';
import type { IndicatorDrillDown, ManualEntryView, UnitIndicator, UnitIndicatorTable } from '../../domain/indicators/table-views.ts';
import type { IndicatorValue } from '../../domain/indicators/views.ts';
import { notFound } from '../../domain/errors.ts';
import { assertMay } from '../../domain/policy.ts';
import type { Executor } from '../../db/connect.ts';
import { indicatorEntries, organizations, users } from '../../db/schema.ts';
import { type IndicatorContext, indicatorScope } from '../kernel/indicators.ts';
import { getOrganization } from '../organizations.ts';
import { indicatorSources, type RegisteredIndicatorSource, sourceOf } from './sources.ts';

/** The note of a key no ledger answers and nobody entered by hand. */
export const NO_RECORD_NOTE = '本年度无记录（系统暂无对应台账，可手工填报）';

export interface IndicatorUnit {
  id: number;
  name: string;
  path: string;
}

/** The hand-entered figures of the year in the subtree of `path` (one key, or all), with their units. */
export async function manualEntriesIn(db: Executor, path: string, year: number, key?: IndicatorKey): Promise<(Omit<ManualEntryView, 'counted'> & { path: string })[]> {
  const where: SQL | undefined = and(eq(indicatorEntries.year, year), like(organizations.path, `${path}%`), key ? eq(indicatorEntries.key, key) : undefined);
  const rows = await db
    .select({ entry: indicatorEntries, organizationName: organizations.name, path: organizations.path, enteredBy: users.displayName })
    .from(indicatorEntries)
    .innerJoin(organizations, eq(organizations.id, indicatorEntries.organizationId))
    .innerJoin(users, eq(users.id, indicatorEntries.enteredBy))
    .where(where)
    .orderBy(asc(organizations.path), asc(indicatorEntries.key));
  return rows.flatMap(({ entry: e, organizationName, path: unitPath, enteredBy }) =>
    isIndicatorKey(e.key)
      ? [
          {
            id: e.id,
            organizationId: e.organizationId,
            organizationName,
            path: unitPath,
            year: e.year,
            key: e.key,
            value: e.value,
            numerator: e.numerator,
            denominator: e.denominator,
            sourceNote: e.sourceNote,
            attachment:
              e.attachmentDigest && e.attachmentName && e.attachmentMediaType
                ? { fileName: e.attachmentName, mediaType: e.attachmentMediaType, size: e.attachmentSize ?? 0, digest: e.attachmentDigest }
                : null,
            enteredBy,
            enteredAt: e.enteredAt,
            version: e.version,
          },
        ]
      : [],
  );
}

/** Every source's values over `path`, by key. */
async function computedOver(ctx: IndicatorContext, sources: readonly RegisteredIndicatorSource[], path: string, year: number): Promise<Map<IndicatorKey, IndicatorValue>> {
  const values = new Map<IndicatorKey, IndicatorValue>();
  // Sequential on purpose: `ctx.db` may be one connection (PGlite).
  for (const source of sources) for (const v of await source.indicators(ctx, path, year)) values.set(v.key, v);
  return values;
}

const manualPart = (e: { key: IndicatorKey; value: number; numerator: number | null; denominator: number | null }): IndicatorValue => ({
  key: e.key,
  name: '',
  unit: '',
  value: e.value,
  recordCount: 0,
  ...(e.numerator !== null && e.denominator !== null ? { numerator: e.numerator, denominator: e.denominator } : {}),
});

/**
 * The indicator table of `unit`'s subtree for `year` — no actor: the caller authorizes (the route through
 * `unitIndicators`, the CLI as the system). `keys` limits the rows (default: the whole catalog).
 */
export async function computeUnitIndicators(
  ctx: IndicatorContext,
  unit: IndicatorUnit,
  year: number,
  options: { keys?: readonly IndicatorKey[]; sources?: readonly RegisteredIndicatorSource[] } = {},
): Promise<UnitIndicatorTable> {
  const sources = options.sources ?? indicatorSources;
  const scope = indicatorScope(ctx.clock, unit.path, year);
  const keys = options.keys ?? indicatorCatalog.map((e) => e.key);
  const wanted = sources.filter((s) => s.keys.some((k) => keys.includes(k)));
  const computed = await computedOver(ctx, wanted, unit.path, year);
  const entries = await manualEntriesIn(ctx.db, unit.path, year);
  // The ledgers' figure over each entry's own unit decides whether the entry counts; computed once per unit.
  const computedAt = new Map<string, Map<IndicatorKey, IndicatorValue>>([[unit.path, computed]]);
  const rows: UnitIndicator[] = [];
  for (const key of keys) {
    const source = sourceOf(key, sources);
    const comp = source ? (computed.get(key) ?? null) : null;
    let counted: typeof entries = [];
    for (const entry of entries.filter((e) => e.key === key).sort((a, b) => a.path.length - b.path.length)) {
      if (counted.some((c) => entry.path.startsWith(c.path))) continue;
      if (source) {
        if (!computedAt.has(entry.path)) computedAt.set(entry.path, await computedOver(ctx, wanted, entry.path, year));
        if (computedAt.get(entry.path)!.get(key)?.value != null) continue;
      }
      counted.push(entry);
    }
    let combined = comp?.value != null || counted.length ? combineFigures(key, [...(comp && comp.value !== null ? [comp] : []), ...counted.map(manualPart)]) : null;
    // A computed rate and hand-entered rates without their counts cannot be combined: the computed figure stands alone.
    const uncombinable = combined !== null && combined.value === null && comp !== null && comp.value !== null;
    if (uncombinable) {
      counted = [];
      combined = comp;
    }
    const own = entries.find((e) => e.key === key && e.organizationId === unit.id);
    const ownView = own ? { ...stripPath(own), counted: counted.includes(own) } : null;
    const fromUnits = counted.filter((e) => e !== own).map((e) => ({ ...stripPath(e), counted: true }));
    const shown: IndicatorValue = combined ?? { key, name: '', unit: '', value: null, recordCount: 0, note: comp?.note ?? NO_RECORD_NOTE };
    const source_ = comp && comp.value !== null ? 'computed' : counted.length ? 'hand-entered' : 'none';
    const notes = [
      shown.note,
      source_ === 'computed' && counted.length && shown.value !== null ? `含${String(counted.length)}个单位手工填报的数据` : undefined,
      source_ === 'hand-entered' && fromUnits.length && shown.value !== null ? `下级单位手工填报汇总（${String(counted.length)}个单位）` : undefined,
      own && !ownView?.counted && comp?.value != null ? '本单位手工填报的数据与系统计算不一致时，以系统计算为准' : undefined,
      uncombinable ? '下级单位手工填报的比率未给出分子和分母，未计入' : undefined,
    ].filter((n): n is string => !!n);
    rows.push({
      key,
      name: (comp ?? combined)?.name || nameOf(key),
      unit: (comp ?? combined)?.unit || unitOf(key),
      value: shown.value,
      source: source_,
      recordCount: comp?.value != null ? comp.recordCount : 0,
      ...(shown.numerator !== undefined && shown.denominator !== undefined ? { numerator: shown.numerator, denominator: shown.denominator } : {}),
      ...(notes.length ? { note: notes.join('；') } : {}),
      module: source?.module ?? null,
      computed: comp,
      manual: ownView,
      manualFromUnits: fromUnits,
      difference: own && comp?.value != null ? Math.round((comp.value - own.value) * 100) / 100 : null,
    });
  }
  return { organization: { id: unit.id, name: unit.name, path: unit.path }, year, asOf: scope.asOf, indicators: rows };
}

function stripPath<T extends { path: string }>(entry: T): Omit<T, 'path'> {
  const { path: _path, ...rest } = entry;
  return rest;
}
const nameOf = (key: IndicatorKey) => indicatorCatalog.find((e) => e.key === key)!.name;
const unitOf = (key: IndicatorKey) => indicatorCatalog.find((e) => e.key === key)!.unit;

/** Parses a key of a path; an unknown key is not found (like an unknown id). */
export function indicatorKeyParam(key: string): IndicatorKey {
  if (!isIndicatorKey(key)) throw notFound('该指标', { key });
  return key;
}

/** `GET /api/organizations/:id/indicators?year=`: the table of a unit of the actor's subtree. */
export async function unitIndicators(ctx: IndicatorContext, actor: Actor, organizationId: number, year: number): Promise<UnitIndicatorTable> {
  assertMay(actor, indicatorPolicy.viewIndicators);
  const unit = await getOrganization(ctx, actor, organizationId);
  return computeUnitIndicators(ctx, unit, year);
}

/** One row of the table (after a hand entry, the figure as now shown). */
export async function unitIndicator(ctx: IndicatorContext, unit: IndicatorUnit, year: number, key: IndicatorKey): Promise<UnitIndicator> {
  return (await computeUnitIndicators(ctx, unit, year, { keys: [key] })).indicators[0]!;
}

/**
 * What a figure of the table counts: the ledger's records when the computed figure is shown, and the hand-entered
 * figures that are part of it.
 */
export async function drillDown(ctx: IndicatorContext, unit: IndicatorUnit, year: number, key: IndicatorKey): Promise<IndicatorDrillDown> {
  const row = await unitIndicator(ctx, unit, year, key);
  const source = sourceOf(key);
  const records = source && row.source === 'computed' ? await source.records(ctx, unit.path, year, key) : [];
  return { key, records, manual: [...(row.manual?.counted ? [row.manual] : []), ...row.manualFromUnits] };
}

/** `GET /api/organizations/:id/indicators/:key/records?year=`. */
export async function indicatorDrillDown(ctx: IndicatorContext, actor: Actor, organizationId: number, key: string, year: number): Promise<IndicatorDrillDown> {
  assertMay(actor, indicatorPolicy.viewIndicators);
  const unit = await getOrganization(ctx, actor, organizationId);
  return drillDown(ctx, unit, year, indicatorKeyParam(key));
}

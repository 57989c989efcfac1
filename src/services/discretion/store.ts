/**
 * Shared persistence of benchmarks and exemption lists: versions visible to an actor, the version in force for
 * an organization on a date, and matching a power-list violation to a benchmark item.
 *
 * Scope (docs/DISCRETION.md): a version belongs to an organization and applies to its subtree, or is global
 * (organization null, imported by the system). For a case, the organization's own version in force is tried
 * first, then each ancestor's, then the global one; the first that lists the violation applies — a district may
 * refine the city's benchmark for some violations and leave the rest to it.
 */
import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, isSystem } from '../../domain/access.ts';
import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import { ageOn } from '../../domain/cases/parties.ts';
import type { BenchmarkItem, BenchmarkVersion, ExemptionItem } from '../../domain/discretion/index.ts';
import { itemNameKey, textSimilarity, versionInForce } from '../../domain/discretion/index.ts';
import { notFound } from '../../domain/errors.ts';
import { may } from '../../domain/policy.ts';
import { discretionPolicy } from '../../domain/discretion/policy.ts';
import type { Executor } from '../../db/connect.ts';
import { benchmarkItems, benchmarkVersions, caseParties, cases, exemptionItems, organizations } from '../../db/schema.ts';

export type VersionRow = typeof benchmarkVersions.$inferSelect;
export type BenchmarkItemRow = typeof benchmarkItems.$inferSelect;

export const versionKinds = { benchmark: '裁量基准', exemption: '免罚清单' } as const;
export type VersionKind = keyof typeof versionKinds;
export const versionKindKeys = Object.keys(versionKinds) as [VersionKind, ...VersionKind[]];

/** A name matched against another list: width-folded, without spaces, punctuation or a trailing 的. */
export const matchKeyOf = itemNameKey;

/** Organization ids from the given one up to the root: '/1/4/9/' → [9, 4, 1]. */
export function chainOf(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number).reverse();
}

/** The domain's view of a version row (for versionInForce). */
export function toDomainVersion(row: VersionRow): BenchmarkVersion & { row: VersionRow } {
  return {
    id: String(row.id),
    name: row.name,
    ...(row.issuer ? { issuer: row.issuer } : {}),
    ...(row.documentNumber ? { documentNumber: row.documentNumber } : {}),
    effectiveFrom: row.effectiveFrom,
    ...(row.effectiveTo ? { effectiveTo: row.effectiveTo } : {}),
    // A draft (or a discarded one) has no publication date, so it is never in force.
    ...(row.publishedOn ? { publishedOn: row.publishedOn } : {}),
    row,
  };
}

/**
 * Versions an actor may read: global ones, those of the actor's organization and its ancestors (they apply to
 * the actor), and those of organizations below it.
 */
export function visibleVersionsCondition(actor: Actor): SQL | undefined {
  if (isSystem(actor)) return undefined;
  const ancestors = chainOf(actor.organizationPath);
  // Drafts are seen only by who prepares and who confirms them (discretionPolicy.seeDrafts).
  const decided = may(actor, discretionPolicy.seeDrafts) ? undefined : inArray(benchmarkVersions.status, ['confirmed', 'withdrawn']);
  return and(decided, or(
    isNull(benchmarkVersions.organizationId),
    ancestors.length ? inArray(benchmarkVersions.organizationId, ancestors) : undefined,
    sql`${benchmarkVersions.organizationId} in (select ${organizations.id} from ${organizations} where ${organizations.path} like ${`${actor.organizationPath}%`})`,
  ));
}

/** A version the actor may read, or NOT_FOUND. */
export async function loadVisibleVersion(db: Executor, actor: Actor, id: number): Promise<VersionRow> {
  const [row] = await db
    .select()
    .from(benchmarkVersions)
    .where(and(eq(benchmarkVersions.id, id), visibleVersionsCondition(actor)));
  if (!row) throw notFound('该裁量基准版本', { id });
  return row;
}

/** For each organization level (nearest first, then global), the version of `kind` in force on `date`. */
export async function versionsInForce(db: Executor, orgPath: string, kind: VersionKind, date: IsoDate): Promise<VersionRow[]> {
  const chain = chainOf(orgPath);
  const rows = await db
    .select()
    .from(benchmarkVersions)
    .where(and(eq(benchmarkVersions.kind, kind), or(isNull(benchmarkVersions.organizationId), chain.length ? inArray(benchmarkVersions.organizationId, chain) : undefined)));
  const levels: (number | null)[] = [...chain, null];
  return levels.flatMap((level) => {
    const here = rows.filter((r) => r.organizationId === level).map(toDomainVersion);
    const inForce = versionInForce(here, date);
    return inForce ? [inForce.row] : [];
  });
}

export interface BenchmarkMatch {
  version: VersionRow;
  itemRow: Pick<BenchmarkItemRow, 'id' | 'itemKey' | 'name'>;
  item: BenchmarkItem;
}

/** Similarity a differently worded violation needs, when its 罚则 is the same, to count as the benchmark item. */
const MIN_NAME_SIMILARITY = 0.6;

/**
 * The benchmark item for a violation (a power-list item) of a case of the organization at `orgPath`, in the
 * version in force on `date`. An item matches by its violation name (punctuation and width aside); failing that,
 * by the same 罚则 and a name at least MIN_NAME_SIMILARITY alike. Null when no benchmark covers the violation.
 */
export async function findBenchmarkItem(
  db: Executor,
  orgPath: string,
  violation: { name: string; penaltyProvision: string },
  date: IsoDate,
): Promise<BenchmarkMatch | null> {
  const key = matchKeyOf(violation.name);
  const provision = matchKeyOf(violation.penaltyProvision);
  for (const version of await versionsInForce(db, orgPath, 'benchmark', date)) {
    const candidates = await db
      .select({ id: benchmarkItems.id, itemKey: benchmarkItems.itemKey, name: benchmarkItems.name, matchKey: benchmarkItems.matchKey, penaltyProvision: benchmarkItems.penaltyProvision })
      .from(benchmarkItems)
      .where(eq(benchmarkItems.versionId, version.id))
      .orderBy(asc(benchmarkItems.position));
    const exact = candidates.find((c) => c.matchKey === key);
    const similar = candidates
      .filter((c) => matchKeyOf(c.penaltyProvision) === provision)
      .map((c) => ({ c, score: textSimilarity(c.name, violation.name) }))
      .filter((x) => x.score >= MIN_NAME_SIMILARITY)
      .sort((a, b) => b.score - a.score)[0]?.c;
    const chosen = exact ?? similar;
    if (!chosen) continue;
    const [row] = await db.select({ item: benchmarkItems.item }).from(benchmarkItems).where(eq(benchmarkItems.id, chosen.id));
    return { version, itemRow: { id: chosen.id, itemKey: chosen.itemKey, name: chosen.name }, item: row!.item as BenchmarkItem };
  }
  return null;
}

/** Items of every exemption list in force for the organization on `date` (all levels apply together). */
export async function exemptionItemsInForce(db: Executor, orgPath: string, date: IsoDate): Promise<{ version: VersionRow; item: ExemptionItem }[]> {
  const versions = await versionsInForce(db, orgPath, 'exemption', date);
  if (!versions.length) return [];
  const rows = await db
    .select({ versionId: exemptionItems.versionId, item: exemptionItems.item })
    .from(exemptionItems)
    .where(inArray(exemptionItems.versionId, versions.map((v) => v.id)))
    .orderBy(asc(exemptionItems.versionId), asc(exemptionItems.position));
  return rows.map((r) => ({ version: versions.find((v) => v.id === r.versionId)!, item: r.item as ExemptionItem }));
}

/** The same calendar date one year earlier (29 February → 28 February). */
export function oneYearBefore(date: IsoDate): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export interface PriorPenalty {
  caseId: number;
  decisionNumber: string | null;
  decidedOn: IsoDate;
}

/**
 * Penalties this system already imposed (decisions in force) on the same party for the same violation in the
 * year before the act began — the floor of the "times punished in the past year" a benchmark grades by.
 */
export async function priorPenaltiesPastYear(
  db: Executor,
  c: { caseId: number; identityKey: string; powerItemId: number; actStartedOn: IsoDate },
): Promise<PriorPenalty[]> {
  const rows = await db
    .select({ caseId: cases.id, decisionNumber: cases.decisionNumber, decidedOn: cases.decidedOn })
    .from(cases)
    .innerJoin(caseParties, eq(caseParties.caseId, cases.id))
    .where(
      and(
        sql`${cases.id} <> ${c.caseId}`,
        eq(caseParties.identityKey, c.identityKey),
        eq(cases.powerItemId, c.powerItemId),
        eq(cases.decisionKind, 'penalty'),
        eq(cases.decisionStatus, 'inForce'),
        sql`${cases.decidedOn} >= ${oneYearBefore(c.actStartedOn)}`,
        sql`${cases.decidedOn} < ${c.actStartedOn}`,
      ),
    )
    .orderBy(asc(cases.decidedOn));
  return rows.map((r) => ({ caseId: r.caseId, decisionNumber: r.decisionNumber, decidedOn: r.decidedOn! }));
}

/** A natural person's age when the act began, when the birth date is known (《行政处罚法》第三十条). */
export function ageAtAct(party: { kind: string; birthDate: IsoDate | null }, actStartedOn: IsoDate): number | undefined {
  return party.kind === 'person' && party.birthDate ? ageOn(party.birthDate, actStartedOn) : undefined;
}

/** The version of `kind` in force on `date` at exactly one level (an organization, or null: global). */
export async function versionInForceAt(db: Executor, kind: VersionKind, organizationId: number | null, date: IsoDate): Promise<VersionRow | undefined> {
  const rows = await db
    .select()
    .from(benchmarkVersions)
    .where(and(eq(benchmarkVersions.kind, kind), organizationId === null ? isNull(benchmarkVersions.organizationId) : eq(benchmarkVersions.organizationId, organizationId)));
  return versionInForce(rows.map(toDomainVersion), date)?.row;
}

/** The domain items of a version (benchmark items or exemption items), in file order. */
export async function itemsOfVersion(db: Executor, version: Pick<VersionRow, 'id' | 'kind'>): Promise<(BenchmarkItem | ExemptionItem)[]> {
  const table = version.kind === 'benchmark' ? benchmarkItems : exemptionItems;
  const rows = await db.select({ item: table.item }).from(table).where(eq(table.versionId, version.id)).orderBy(asc(table.position));
  return rows.map((r) => r.item as BenchmarkItem | ExemptionItem);
}

/**
 * The enforcement indicators the case engine answers (../shared/docs/INDICATORS.md 行政执法), for an organization
 * subtree and a year — the contract of services/kernel/indicators.ts. Each figure is defined once as the records it
 * counts (the record queries below, which the drill-down lists); the values of the case keys are read from the kept
 * aggregates (`indicator_tallies`, migration 0025, whose part functions count the same records), and the property
 * test services/indicators/tallies.test.ts holds every value equal to its list after random writes.
 *
 * Choices (docs/CASES.md "Indicators"):
 * - A flow counts by the date of its act (decision date, review date, publication day in China time); a stock
 *   (certified officers, lists in force) is taken on the year's last day, or today during the year.
 * - A revoked decision (撤销) counts nowhere, in any year — it has no legal effect, and the supervisor's dashboard
 *   and the case list's `penaltyKind` filter exclude it the same way; a changed one (变更) counts with the penalty
 *   recorded on the decision (the change itself carries no new amount).
 * - A case-derived value is null ("本年度无案件记录") only when the subtree has no case registered in or acted upon in
 *   the year and the key itself counts nothing; with cases, a 0 is a real 0.
 */
import { and, asc, count, eq, gte, inArray, isNotNull, like, lte, ne, type SQL, sql, type SQLWrapper } from 'drizzle-orm';
import type { SubqueryWithSelection } from 'drizzle-orm/pg-core';
import { groundsNeedingEducation } from '../../domain/cases/model.ts';
import { versionInForce } from '../../domain/discretion/versions.ts';
import type { IndicatorRecord, IndicatorValue } from '../../domain/indicators/views.ts';
import type { Executor } from '../../db/connect.ts';
import { benchmarkItems, benchmarkVersions, casePublicity, cases, exemptionItems, organizations, users } from '../../db/schema.ts';
import { toDomainVersion, type VersionRow } from '../discretion/store.ts';
import { talliesOf } from '../indicators/tallies.ts';
import {
  figure,
  type IndicatorContext,
  indicatorScope,
  type IndicatorScope,
  type IndicatorSource,
  NOT_BEGUN_NOTE,
  noValue,
  percentage,
  yuanOfFen,
} from '../kernel/indicators.ts';

export const caseIndicatorKeys = [
  'penalty_cases',
  'penalty_amount',
  'legal_reviews',
  'penalties_published',
  'non_penalty_cases',
  'exempted_amount',
  'enforcement_officers',
  'legal_review_staff_ratio',
  'first_violation_exempt_items',
  'discretion_benchmark_items',
] as const;
export type CaseIndicatorKey = (typeof caseIndicatorKeys)[number];

const NO_CASES = '本年度无案件记录';

// ——— The records of each figure ———

/** The columns every record query selects (money in 分; 元 only at the end). */
const recordFields = (subjectType: string, id: SQL, label: SQL, date: SQL, amountFen: SQL = sql`null`) => ({
  subjectType: sql<string>`${subjectType}::text`.as('subject_type'),
  subjectId: sql<number>`${id}`.as('subject_id'),
  label: sql<string>`${label}`.as('label'),
  date: sql<string>`(${date})::text`.as('date'),
  amountFen: sql<number | null>`(${amountFen})::float8`.as('amount_fen'),
});
type RecordQuery = SubqueryWithSelection<ReturnType<typeof recordFields>, 'r'>;

const inSubtree = (s: IndicatorScope): SQL | undefined => (s.orgPath === '/' ? undefined : like(organizations.path, `${s.orgPath}%`));
const inYear = (column: SQLWrapper, s: IndicatorScope): SQL => sql`${column} between ${s.from} and ${s.to}`;
/** What a case record is shown as: its decision number (or act code) and 案由. */
const caseLabel = sql`coalesce(${cases.decisionNumber}, ${cases.actCode}) || ' ' || ${cases.title}`;
const decisionStands = ne(cases.decisionStatus, 'revoked');

/** Decisions of `kind` made in the year, not revoked, in the subtree. */
function decisionsQuery(db: Executor, s: IndicatorScope, kind: 'penalty' | 'noPenalty', amountFen?: SQL, extra?: SQL) {
  return db
    .select(recordFields('case', sql`${cases.id}`, caseLabel, sql`${cases.decidedOn}`, amountFen))
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .where(and(inSubtree(s), eq(cases.decisionKind, kind), decisionStands, inYear(cases.decidedOn, s), extra));
}

/** Fine plus confiscated value of a decision, 分 (the fine has its column; the confiscation is on the decision record). */
const penaltyMoneyFen = sql`coalesce(${cases.fineFen}, 0) + coalesce((${cases.record} -> 'decision' -> 'penalty' ->> 'confiscationFen')::bigint, 0)`;
/** The fine a non-penalty case names as waived: the fine its proposal states ("拟罚款…，依法不予处罚"), 分. */
const waivedFineFen = sql`(${cases.record} -> 'proposal' -> 'penalty' ->> 'fineFen')::bigint`;
/** Grounds on which a violation did happen but goes unpunished (not 违法事实不能成立, which is no violation at all). */
const exemptionGround = inArray(sql`${cases.record} -> 'decision' ->> 'ground'`, [...groundsNeedingEducation]);
/** The day of the case's latest legal review in the year (null when it had none in the year). */
const reviewedInYear = (s: IndicatorScope) =>
  sql`(select max(r ->> 'on') from jsonb_array_elements(${cases.record} -> 'legalReviews') as r where r ->> 'on' between ${s.from} and ${s.to})`;
/** A publication's day in China time. */
const publishedOn = sql`(${casePublicity.publishedAt} at time zone 'Asia/Shanghai')::date`;
/**
 * The same year as a range of the timestamp itself (from the first day's 00:00 to the day after the last, China
 * time), which the index case_publicity_org_published_idx answers; the day expression above cannot use it.
 */
const publishedInYear = (s: IndicatorScope): SQL =>
  sql`${casePublicity.publishedAt} >= (${s.from}::date::timestamp at time zone 'Asia/Shanghai') and ${casePublicity.publishedAt} < ((${s.to}::date + 1)::timestamp at time zone 'Asia/Shanghai')`;

/**
 * Users of the subtree holding a certificate valid on `asOf`. The user table keeps no history, so a past year is
 * read from today's users: active now, with a certificate number, valid through `asOf`.
 */
function officersQuery(db: Executor, s: IndicatorScope, extra?: SQL) {
  return db
    .select(recordFields('user', sql`${users.id}`, sql`${users.displayName} || '（执法证号 ' || ${users.certificateNo} || '）'`, sql`${users.certificateValidUntil}`))
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(inSubtree(s), certifiedUser(), gte(users.certificateValidUntil, s.asOf), extra));
}
/** An active user with a certificate number (valid or not): the population officers are counted in. */
const certifiedUser = () => and(eq(users.active, true), isNotNull(users.certificateNo))!;

/** The record query of each key counted in SQL (the list keys — benchmark and exemption items — are below). */
const recordQueries: Partial<Record<CaseIndicatorKey, (db: Executor, s: IndicatorScope) => RecordQuery>> = {
  // Penalty decisions (行政处罚决定, ordinary and simple procedure) dated in the year, not revoked.
  penalty_cases: (db, s) => decisionsQuery(db, s, 'penalty').as('r'),
  // Fines plus confiscations (没收违法所得/非法财物 value) of those decisions, 元; decisions without money not listed.
  penalty_amount: (db, s) => decisionsQuery(db, s, 'penalty', penaltyMoneyFen, sql`${penaltyMoneyFen} > 0`).as('r'),
  // Cases with a legal review (法制审核, passed or not) dated in the year; a case reviewed twice counts once, dated by its last review.
  legal_reviews: (db, s) =>
    db
      .select(recordFields('case', sql`${cases.id}`, caseLabel, reviewedInYear(s)))
      .from(cases)
      .innerJoin(organizations, eq(organizations.id, cases.organizationId))
      // Only cases whose first review is by the year's end and whose latest is since its start can hold a review of
      // the year (reviews are appended in date order: a step's date is never before the previous step's). The
      // columns are kept by PostgreSQL from the record; the index cases_org_last_review_idx finds those cases before
      // any record is read. The result is the same.
      .where(and(inSubtree(s), lte(cases.firstReviewOn, s.to), gte(cases.lastReviewOn, s.from), isNotNull(reviewedInYear(s))))
      .as('r'),
  // Penalty decisions published on the portal in the year (by publication day), including ones taken down later.
  penalties_published: (db, s) =>
    db
      .select(recordFields('case', sql`${cases.id}`, caseLabel, publishedOn))
      .from(casePublicity)
      .innerJoin(cases, eq(cases.id, casePublicity.caseId))
      .innerJoin(organizations, eq(organizations.id, casePublicity.organizationId))
      .where(and(inSubtree(s), isNotNull(casePublicity.publishedAt), publishedInYear(s), inYear(publishedOn, s)))
      .as('r'),
  // 不予行政处罚决定 dated in the year, not revoked, on a ground where a violation happened (首违不罚, 轻微不罚, no fault, age, mental state).
  non_penalty_cases: (db, s) => decisionsQuery(db, s, 'noPenalty', undefined, exemptionGround).as('r'),
  // The fines those decisions name as waived, 元; a decision that names none is not in the sum (the note counts them).
  exempted_amount: (db, s) => decisionsQuery(db, s, 'noPenalty', waivedFineFen, and(exemptionGround, sql`${waivedFineFen} > 0`)).as('r'),
  // Users holding an enforcement certificate (执法证) valid on the year's last day (today during the year).
  enforcement_officers: (db, s) => officersQuery(db, s).as('r'),
  // Of those officers, the legal reviewers (法制审核员): the numerator; the denominator is enforcement_officers.
  legal_review_staff_ratio: (db, s) => officersQuery(db, s, sql`'reviewer' = any(${users.roles})`).as('r'),
};

async function listOf(db: Executor, r: RecordQuery): Promise<IndicatorRecord[]> {
  const rows = await db.select().from(r).orderBy(asc(r.date), asc(r.subjectId));
  return rows.map((row) => ({
    subjectType: row.subjectType,
    subjectId: Number(row.subjectId),
    label: row.label,
    date: row.date,
    ...(row.amountFen === null ? {} : { amount: yuanOfFen(Number(row.amountFen)) }),
  }));
}

// ——— Lists in force: discretion benchmarks and exemption lists ———

/**
 * The versions of `kind` in force on `asOf` issued by organizations of the subtree, one per organization (a newer
 * version replaces an older one; versionInForce, docs/DISCRETION.md). Global versions (no organization) belong to
 * the whole system only ('/'). A unit applying its superior's list without one of its own counts nothing here: the
 * superior counts it, so figures of units add up.
 */
async function versionsInForceIn(db: Executor, s: IndicatorScope, kind: 'benchmark' | 'exemption'): Promise<VersionRow[]> {
  const rows = await db
    .select({ version: benchmarkVersions })
    .from(benchmarkVersions)
    .leftJoin(organizations, eq(organizations.id, benchmarkVersions.organizationId))
    .where(and(eq(benchmarkVersions.kind, kind), s.orgPath === '/' ? undefined : like(organizations.path, `${s.orgPath}%`)));
  const byOrg = new Map<number | null, VersionRow[]>();
  for (const { version } of rows) byOrg.set(version.organizationId, [...(byOrg.get(version.organizationId) ?? []), version]);
  return [...byOrg.values()].flatMap((peers) => versionInForce(peers.map(toDomainVersion), s.asOf)?.row ?? []);
}

/** The items of those versions; `versions` 0 means the subtree has no such list in force (null, not 0). */
async function listItems(db: Executor, s: IndicatorScope, kind: 'benchmark' | 'exemption'): Promise<{ versions: number; items: IndicatorRecord[] }> {
  const versions = await versionsInForceIn(db, s, kind);
  if (!versions.length) return { versions: 0, items: [] };
  const ids = versions.map((v) => v.id);
  const effective = new Map(versions.map((v) => [v.id, v.effectiveFrom]));
  const rows =
    kind === 'benchmark'
      ? await db
          .select({ id: benchmarkItems.id, versionId: benchmarkItems.versionId, label: benchmarkItems.name })
          .from(benchmarkItems)
          .where(inArray(benchmarkItems.versionId, ids))
          .orderBy(asc(benchmarkItems.versionId), asc(benchmarkItems.position))
      : await db
          .select({ id: exemptionItems.id, versionId: exemptionItems.versionId, label: exemptionItems.matter })
          .from(exemptionItems)
          .where(inArray(exemptionItems.versionId, ids))
          .orderBy(asc(exemptionItems.versionId), asc(exemptionItems.position));
  const subjectType = kind === 'benchmark' ? 'benchmarkItem' : 'exemptionItem';
  return { versions: versions.length, items: rows.map((r) => ({ subjectType, subjectId: r.id, label: r.label, date: effective.get(r.versionId)! })) };
}

const listKeys = {
  // Violations (items) of the discretion benchmarks (裁量基准) in force on the year's last day, issued in the subtree.
  discretion_benchmark_items: { kind: 'benchmark', none: '本单位及下属单位无现行有效的裁量基准' },
  // Items of the exemption lists (首违不罚/轻微免罚清单) in force on the year's last day, issued in the subtree.
  first_violation_exempt_items: { kind: 'exemption', none: '本单位及下属单位无现行有效的免罚清单' },
} as const;

// ——— The source ———

/**
 * Whether the subtree has a case registered in or acted upon in the year (else case figures are null, not 0) — read
 * over the cases themselves; the indicators read the kept 'cases_active' instead, and the property test
 * (services/indicators/tallies.test.ts) holds the two equal.
 */
export async function hasCasesIn(db: Executor, s: IndicatorScope): Promise<boolean> {
  // One row is enough (counting them all read every case of a province's subtree).
  const found = await db
    .select({ id: cases.id })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .where(and(inSubtree(s), lte(cases.registeredOn, s.to), gte(cases.lastActedOn, s.from)))
    .limit(1);
  return found.length > 0;
}

/**
 * In one statement: the officers (`enforcement_officers`' records: a certificate valid on `asOf`), the reviewers among
 * them (`legal_review_staff_ratio`'s), and everyone of the subtree with a certificate on record, valid or not (none:
 * the officer figures are null, not 0).
 */
async function officerCounts(db: Executor, s: IndicatorScope): Promise<{ officers: number; reviewers: number; certified: number }> {
  const valid = gte(users.certificateValidUntil, s.asOf);
  const [row] = await db
    .select({
      officers: sql<number>`(count(*) filter (where ${valid}))::int`,
      reviewers: sql<number>`(count(*) filter (where ${valid} and 'reviewer' = any(${users.roles})))::int`,
      certified: count(),
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(inSubtree(s), certifiedUser()));
  return { officers: Number(row?.officers ?? 0), reviewers: Number(row?.reviewers ?? 0), certified: row?.certified ?? 0 };
}

export async function indicators(ctx: IndicatorContext, orgPath: string, year: number): Promise<IndicatorValue[]> {
  const s = indicatorScope(ctx.clock, orgPath, year);
  if (!s.begun) return caseIndicatorKeys.map((key) => noValue(key, NOT_BEGUN_NOTE));
  const db = ctx.db;
  // Sequential on purpose: `ctx.db` may be one connection (PGlite).
  // The case figures from the kept aggregates (migration 0025; services/indicators/tallies.ts): the same records as
  // the record queries above count, summed per unit and year — one read whatever the number of cases.
  const kept = await talliesOf(ctx, orgPath, year, ['cases_active', 'penalty_cases', 'penalty_amount', 'legal_reviews', 'penalties_published', 'non_penalty_cases', 'exempted_amount']);
  const hasCases = kept.cases_active.n > 0;
  const counted = (key: 'penalty_cases' | 'legal_reviews' | 'penalties_published' | 'non_penalty_cases'): IndicatorValue => {
    const { n } = kept[key];
    return n || hasCases ? figure(key, n, n) : noValue(key, NO_CASES);
  };
  const values: Partial<Record<CaseIndicatorKey, IndicatorValue>> = {};
  values.penalty_cases = counted('penalty_cases');
  const money = kept.penalty_amount;
  values.penalty_amount = money.n || hasCases ? figure('penalty_amount', yuanOfFen(money.fen), money.n) : noValue('penalty_amount', NO_CASES);
  values.legal_reviews = counted('legal_reviews');
  values.penalties_published = counted('penalties_published');
  values.non_penalty_cases = counted('non_penalty_cases');
  const exempted = values.non_penalty_cases.value ?? 0;
  const waived = kept.exempted_amount;
  const unstated = exempted - waived.n;
  values.exempted_amount =
    values.non_penalty_cases.value === null
      ? noValue('exempted_amount', NO_CASES)
      : exempted && !waived.n
        ? noValue('exempted_amount', `本年度${exempted}件不予处罚案件均未记录免除的罚款金额`)
        : figure('exempted_amount', yuanOfFen(waived.fen), waived.n, unstated ? { note: `另有${unstated}件不予处罚案件未记录免除的罚款金额，未计入` } : {});
  const { officers, reviewers, certified } = await officerCounts(db, s);
  const hasOfficers = officers > 0 || certified > 0;
  values.enforcement_officers = hasOfficers ? figure('enforcement_officers', officers, officers) : noValue('enforcement_officers', '本单位未登记持有执法证的人员');
  values.legal_review_staff_ratio = officers
    ? figure('legal_review_staff_ratio', percentage(reviewers, officers), reviewers, { numerator: reviewers, denominator: officers })
    : noValue('legal_review_staff_ratio', '无持有有效执法证的人员，无法计算占比');
  for (const key of ['first_violation_exempt_items', 'discretion_benchmark_items'] as const) {
    const { versions, items } = await listItems(db, s, listKeys[key].kind);
    values[key] = versions ? figure(key, items.length, items.length) : noValue(key, listKeys[key].none);
  }
  return caseIndicatorKeys.map((key) => values[key]!);
}

export async function records(ctx: IndicatorContext, orgPath: string, year: number, key: CaseIndicatorKey): Promise<IndicatorRecord[]> {
  const s = indicatorScope(ctx.clock, orgPath, year);
  if (!s.begun) return [];
  if (key === 'discretion_benchmark_items' || key === 'first_violation_exempt_items') return (await listItems(ctx.db, s, listKeys[key].kind)).items;
  // A rate's list is its numerator's; it is empty when there is no denominator (reviewers are officers).
  return listOf(ctx.db, recordQueries[key]!(ctx.db, s));
}

/** The enforcement (case engine) indicators as the module's `IndicatorSource`. */
export const caseIndicatorSource: IndicatorSource<CaseIndicatorKey> = { module: 'cases', keys: caseIndicatorKeys, indicators, records };

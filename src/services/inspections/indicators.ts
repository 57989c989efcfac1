/**
 * The indicators of patrols and inspections (../shared/docs/INDICATORS.md 行政执法: 巡查检查次数, 出动人次, 发现问题件数,
 * 整改到位率, 双随机抽查事项数), for an organization subtree and a year — the contract of services/kernel/indicators.ts.
 * Each figure is one record query (SQL below), listed for the drill-down; the values (but 双随机抽查事项数) are read from
 * the kept aggregates (`indicator_tallies`, migration 0025), held equal to the lists by
 * services/indicators/tallies.test.ts. Patrols and their problems are read from their tables directly (`patrols`,
 * `patrol_problems`).
 *
 * Choices (docs/INSPECTIONS.md "Indicators"):
 * - `inspections`: patrols set out in the year (by the China day of `started_at`; a started patrol cannot be cancelled)
 *   plus inspections of subjects carried out in the year (by `inspected_on`, the day of 赋码 or of the emergency
 *   inspection), not cancelled.
 * - `inspection_staff_trips`: one record per officer on each of those patrols and inspections (a 人次 is a person on
 *   one trip), so the value is the list's length.
 * - `issues_found`: problems found on patrols (by `found_on`) plus inspections whose record found a problem — 责令整改
 *   or 移送立案 — (by the record's day).
 * - `rectification_rate`: of those issues, the ones not referred to the case engine (a referred problem is rectified,
 *   if at all, under a penalty decision, not here), the share verified rectified — a problem `rectified`, an
 *   inspection `closed` after its rectification — as they stand now; the records are the rectified ones, dated by the
 *   day the issue was found (what places them in the year).
 * - `random_inspection_items`: distinct inspection items in the subtree's 双随机 plans of the year (`inspection_plans.year`,
 *   items of `plan.items[].itemId`), dated by the day the item first entered one of them.
 * With no patrol or inspection planned, registered or acted upon in the year, the first four are null
 * (“本年度无巡查检查记录”); with no plan of the year, the last is null (“本年度无双随机抽查计划”). A 0 beside records is real.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { IndicatorRecord, IndicatorValue } from '../../domain/indicators/views.ts';
import { talliesOf } from '../indicators/tallies.ts';
import { figure, type IndicatorContext, indicatorScope, type IndicatorScope, type IndicatorSource, NOT_BEGUN_NOTE, noValue, percentage } from '../kernel/indicators.ts';

export const inspectionIndicatorKeys = ['inspections', 'inspection_staff_trips', 'issues_found', 'rectification_rate', 'random_inspection_items'] as const;
export type InspectionIndicatorKey = (typeof inspectionIndicatorKeys)[number];

const NO_RECORDS = '本年度无巡查检查记录';
const NO_ISSUES = '本年度未发现问题';
const NO_PLAN = '本年度无双随机抽查计划';

const pathLike = (s: IndicatorScope) => `${s.orgPath}%`;
const startedOn = sql`(p.started_at at time zone 'Asia/Shanghai')::date`;
const foundOnRecord = sql`(i.record -> 'findings' ->> 'on')`;

/** Patrols set out in the year, in the subtree. */
const patrolsFrom = (s: IndicatorScope) => sql`
  from patrols p join organizations o on o.id = p.organization_id
  where o.path like ${pathLike(s)} and p.started_at is not null and p.state <> 'cancelled' and ${startedOn} between ${s.from}::date and ${s.to}::date`;
const patrolLabel = sql`'巡查 ' || p.area || '（' || p.route || '）'`;

/** Inspections of subjects carried out in the year, in the subtree. */
const inspectionsFrom = (s: IndicatorScope) => sql`
  from inspections i join organizations o on o.id = i.organization_id
  join inspection_subjects su on su.id = i.subject_id join inspection_items it on it.id = i.item_id
  where o.path like ${pathLike(s)} and i.inspected_on between ${s.from}::date and ${s.to}::date and i.state <> 'cancelled'`;
const inspectionLabel = sql`'检查 ' || i.number || ' ' || su.name || '（' || it.name || '）'`;

/** Problems found in the year: on patrols, and by inspections (a finding ordering rectification or referring a case). */
const problemsFrom = (s: IndicatorScope, extra: SQL) => sql`
  from patrol_problems pp join organizations o on o.id = pp.organization_id
  where o.path like ${pathLike(s)} and pp.found_on between ${s.from}::date and ${s.to}::date ${extra}`;
const problemLabel = sql`'巡查发现 ' || pp.place || '：' || left(pp.description, 40)`;
const findingsFrom = (s: IndicatorScope, extra: SQL) => sql`
  from inspections i join organizations o on o.id = i.organization_id join inspection_subjects su on su.id = i.subject_id
  where o.path like ${pathLike(s)} and i.record -> 'findings' ->> 'outcome' in ('rectify', 'refer')
    and ${foundOnRecord}::date between ${s.from}::date and ${s.to}::date ${extra}`;
const findingLabel = sql`'检查发现 ' || i.number || ' ' || su.name || '：' || left(i.record -> 'findings' ->> 'text', 40)`;

type Query = (s: IndicatorScope) => SQL;

/** `select subject_type, subject_id, label, date` of each key's records. */
const recordQueries: Record<InspectionIndicatorKey, Query> = {
  inspections: (s) => sql`
    select 'patrol' as subject_type, p.id as subject_id, ${patrolLabel} as label, ${startedOn}::text as date ${patrolsFrom(s)}
    union all
    select 'inspection', i.id, ${inspectionLabel}, i.inspected_on::text ${inspectionsFrom(s)}`,
  inspection_staff_trips: (s) => sql`
    select 'patrol' as subject_type, p.id as subject_id, ${patrolLabel} || ' — ' || coalesce(u.display_name, '执法人员' || officer_id) as label, ${startedOn}::text as date
      ${sql`from patrols p join organizations o on o.id = p.organization_id cross join lateral unnest(p.officer_ids) as officer_id left join users u on u.id = officer_id
      where o.path like ${pathLike(s)} and p.started_at is not null and p.state <> 'cancelled' and ${startedOn} between ${s.from}::date and ${s.to}::date`}
    union all
    select 'inspection', i.id, ${inspectionLabel} || ' — ' || (officer ->> 'name'), i.inspected_on::text
      ${sql`from inspections i join organizations o on o.id = i.organization_id
      join inspection_subjects su on su.id = i.subject_id join inspection_items it on it.id = i.item_id
      cross join lateral jsonb_array_elements(i.officers) as officer
      where o.path like ${pathLike(s)} and i.inspected_on between ${s.from}::date and ${s.to}::date and i.state <> 'cancelled'`}`,
  issues_found: (s) => sql`
    select 'patrolProblem' as subject_type, pp.id as subject_id, ${problemLabel} as label, pp.found_on::text as date ${problemsFrom(s, sql``)}
    union all
    select 'inspection', i.id, ${findingLabel}, ${foundOnRecord} ${findingsFrom(s, sql``)}`,
  rectification_rate: (s) => sql`
    select 'patrolProblem' as subject_type, pp.id as subject_id, ${problemLabel} as label, pp.found_on::text as date ${problemsFrom(s, sql`and pp.state = 'rectified'`)}
    union all
    select 'inspection', i.id, ${findingLabel}, ${foundOnRecord} ${findingsFrom(s, sql`and i.state = 'closed'`)}`,
  random_inspection_items: (s) => sql`
    select 'inspectionItem' as subject_type, it.id as subject_id, it.code || ' ' || it.name as label,
      min((ip.created_at at time zone 'Asia/Shanghai')::date)::text as date
    from inspection_plans ip join organizations o on o.id = ip.organization_id
    cross join lateral jsonb_array_elements(ip.plan -> 'items') as plan_item
    join inspection_items it on it.id = (plan_item ->> 'itemId')::int
    where o.path like ${pathLike(s)} and ip.year = ${s.year}
    group by it.id, it.code, it.name`,
};

/** The denominator of 整改到位率: the issues found in the year that were not referred to the case engine. */
const rectifiableQuery: Query = (s) => sql`
  select pp.id ${problemsFrom(s, sql`and pp.state <> 'referred'`)}
  union all
  select i.id ${findingsFrom(s, sql`and i.state <> 'referred'`)}`;

async function countOf(ctx: IndicatorContext, query: SQL): Promise<number> {
  const { rows } = (await ctx.db.execute(sql`select count(*)::int as n from (${query}) as r`)) as unknown as { rows: { n: number | string }[] };
  return Number(rows[0]?.n ?? 0);
}

/** 整改到位率's denominator counted over the records themselves — what the kept 'issues_rectifiable' must equal (tallies.test.ts). */
export async function rectifiableDirectly(ctx: IndicatorContext, orgPath: string, year: number): Promise<number> {
  return countOf(ctx, rectifiableQuery(indicatorScope(ctx.clock, orgPath, year)));
}

/**
 * Whether the subtree planned, registered or acted on a patrol or an inspection in the year — over the records; the
 * indicators read the kept 'inspections_active' instead (services/indicators/tallies.test.ts holds the two equal).
 */
export async function hasRecords(ctx: IndicatorContext, s: IndicatorScope): Promise<boolean> {
  const inYear = (column: SQL) => sql`${column} between ${s.from}::date and ${s.to}::date`;
  // One row is enough: `limit 1` over the union (counting them all read every record of the subtree).
  return (
    (await countOf(
      ctx,
      sql`select * from (
      select p.id from patrols p join organizations o on o.id = p.organization_id
        where o.path like ${pathLike(s)} and (${inYear(sql`p.planned_on`)} or ${inYear(sql`p.last_acted_on`)})
      union all
      select i.id from inspections i join organizations o on o.id = i.organization_id
        where o.path like ${pathLike(s)} and (${inYear(sql`i.registered_on`)} or ${inYear(sql`i.last_acted_on`)} or ${inYear(sql`i.inspected_on`)})) as any_record limit 1`,
    )) > 0
  );
}

export const inspectionIndicators: IndicatorSource<InspectionIndicatorKey> = {
  module: 'inspections',
  keys: inspectionIndicatorKeys,
  async indicators(ctx, orgPath, year): Promise<IndicatorValue[]> {
    const s = indicatorScope(ctx.clock, orgPath, year);
    if (!s.begun) return inspectionIndicatorKeys.map((k) => noValue(k, NOT_BEGUN_NOTE));
    const plannedItems = await countOf(ctx, recordQueries.random_inspection_items(s));
    const random = plannedItems === 0 ? noValue('random_inspection_items', NO_PLAN) : figure('random_inspection_items', plannedItems, plannedItems);
    // From the kept aggregates (migration 0025; services/indicators/tallies.ts): the records the queries above list,
    // counted per unit and year.
    const kept = await talliesOf(ctx, orgPath, year, ['inspections_active', 'inspections', 'inspection_staff_trips', 'issues_found', 'issues_rectified', 'issues_rectifiable']);
    if (!kept.inspections_active.n) return [...(['inspections', 'inspection_staff_trips', 'issues_found', 'rectification_rate'] as const).map((k) => noValue(k, NO_RECORDS)), random];
    const count = (key: 'inspections' | 'inspection_staff_trips' | 'issues_found') => figure(key, kept[key].n, kept[key].n);
    const rectified = kept.issues_rectified.n;
    const rectifiable = kept.issues_rectifiable.n;
    return [
      count('inspections'),
      count('inspection_staff_trips'),
      count('issues_found'),
      rectifiable === 0 ? noValue('rectification_rate', NO_ISSUES) : figure('rectification_rate', percentage(rectified, rectifiable), rectified, { numerator: rectified, denominator: rectifiable }),
      random,
    ];
  },
  async records(ctx, orgPath, year, key): Promise<IndicatorRecord[]> {
    const s = indicatorScope(ctx.clock, orgPath, year);
    if (!s.begun) return [];
    if (key !== 'random_inspection_items' && !(await hasRecords(ctx, s))) return [];
    const { rows } = (await ctx.db.execute(sql`select * from (${recordQueries[key](s)}) as r order by r.date, r.subject_id, r.label`)) as unknown as {
      rows: { subject_type: string; subject_id: number | string; label: string; date: string }[];
    };
    return rows.map((r) => ({ subjectType: r.subject_type, subjectId: Number(r.subject_id), label: r.label, date: r.date }));
  },
};

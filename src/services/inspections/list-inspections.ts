/**
 * Lists of inspections: a page of the inspections of an organization's subtree — all, the actor's own (the officer's
 * list on the phone), or of one state (整改中: the rectification board, soonest due first) — and the supervisor's view
 * of inspections per enterprise per year with the subjects that reached or passed an item's yearly cap.
 */
import { and, asc, count, desc, eq, ilike, like, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { pageLimitInput, pageOffsetInput } from '../../domain/input-kit.ts';
import { type Actor, assertCanSee, assertRole } from '../../domain/access.ts';
import { chinaDateOf } from '../../domain/calendar/iso-date.ts';
import { notFound } from '../../domain/errors.ts';
import { inspectionStates } from '../../domain/inspections/model.ts';
import { capStatuses, type InspectionList, type InspectionLoadView } from '../../domain/inspections/views.ts';
import type { Executor } from '../../db/connect.ts';
import { inspectionItems, inspections, inspectionSubjects, organizations } from '../../db/schema.ts';
import type { Clock } from '../../domain/clock.ts';
import { parseInput } from '../parse-input.ts';
import { inspectionView, loadOrg } from './store.ts';

const stateKeys = Object.keys(inspectionStates) as [keyof typeof inspectionStates, ...(keyof typeof inspectionStates)[]];
const page = {
  limit: pageLimitInput(),
  offset: pageOffsetInput(),
};

export const inspectionListQuery = z.object({
  state: z.enum(stateKeys, { message: '检查状态无效' }).optional(),
  /** Only the inspections the actor is an officer of. */
  mine: z.union([z.boolean(), z.stringbool()], { error: '应为 true 或 false' }).optional(),
  q: z.string().trim().min(1).max(50, '关键词不超过 50 个字').optional(),
  ...page,
});

async function subtreeOf(db: Executor, actor: Actor, organizationId: number) {
  const org = await loadOrg(db, organizationId);
  if (!org) throw notFound('组织机构', { id: organizationId });
  assertCanSee(actor, org.path);
  return org;
}

/** A page of the inspections of the organization's subtree; 整改中 ones by rectification due date, others newest first. */
export async function listInspections(db: Executor, actor: Actor, organizationId: number, raw: unknown): Promise<InspectionList> {
  const query = parseInput(inspectionListQuery, raw);
  const org = await subtreeOf(db, actor, organizationId);
  const where = and(
    like(organizations.path, `${org.path}%`),
    query.state ? eq(inspections.state, query.state) : undefined,
    query.mine ? sql`${inspections.officers} @> ${JSON.stringify([{ userId: actor.userId }])}::jsonb` : undefined,
    query.q ? or(ilike(inspectionSubjects.name, `%${query.q}%`), ilike(inspections.number, `%${query.q}%`), eq(inspectionSubjects.creditCode, query.q.toUpperCase())) : undefined,
  );
  const order = query.state === 'rectifying' ? [asc(inspections.rectifyDueOn), asc(inspections.id)] : [desc(inspections.lastActedOn), desc(inspections.id)];
  const [rows, [total]] = await Promise.all([
    db
      .select({ row: inspections, org: { id: organizations.id, path: organizations.path, name: organizations.name }, item: inspectionItems, subject: inspectionSubjects })
      .from(inspections)
      .innerJoin(organizations, eq(organizations.id, inspections.organizationId))
      .innerJoin(inspectionItems, eq(inspectionItems.id, inspections.itemId))
      .innerJoin(inspectionSubjects, eq(inspectionSubjects.id, inspections.subjectId))
      .where(where)
      .orderBy(...order)
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({ n: count() })
      .from(inspections)
      .innerJoin(organizations, eq(organizations.id, inspections.organizationId))
      .innerJoin(inspectionSubjects, eq(inspectionSubjects.id, inspections.subjectId))
      .where(where),
  ]);
  return { items: rows.map(inspectionView), total: total?.n ?? 0 };
}

export const inspectionLoadQuery = z.object({
  year: z.coerce.number({ error: '年度应为数字' }).int('年度应为整数').min(2000, '年度无效').max(2100, '年度无效').optional(),
  /** `reached`: only subjects with an item at or over its cap; `over`: only those over it. */
  capStatus: z.enum(['reached', 'over'], { message: '频次筛选应为 reached 或 over' }).optional(),
  ...page,
});

const SUPERVISORS = ['supervisor', 'head', 'admin'] as const;

interface LoadRow {
  subject_id: number;
  name: string;
  credit_code: string;
  inspections: number;
  cap_exempt: number;
  units: number;
  worst: number;
  items: { id: number; code: string; name: string; yearlyCap: number | null; inspections: number; counted: number }[];
  total: number;
}

const statusOf = (cap: number | null, counted: number) => (cap === null ? 'none' : counted > cap ? 'over' : counted >= cap ? 'reached' : 'under');
const statusOfRank = (r: number) => (['none', 'under', 'reached', 'over'] as const)[r]!;

/**
 * Inspections of each enterprise by the units of the subtree in a calendar year (by the day of the inspection, not
 * cancelled), most inspected first. `counted` per item is what its yearly cap counts: targeted inspections (投诉举报、
 * 转办交办、数据监测、案件办理, 《优化营商环境条例》第五十四条第二款) are outside it and shown apart (`capExempt`).
 */
export async function inspectionLoad(db: Executor, clock: Clock, actor: Actor, organizationId: number, raw: unknown): Promise<InspectionLoadView> {
  assertRole(actor, ...SUPERVISORS);
  const query = parseInput(inspectionLoadQuery, raw);
  const org = await subtreeOf(db, actor, organizationId);
  const year = query.year ?? Number(chinaDateOf(clock()).slice(0, 4));
  const minRank = query.capStatus === 'over' ? 3 : query.capStatus === 'reached' ? 2 : 0;
  const perSubject = sql`
    with per_item as (
      select i.subject_id, i.item_id, count(*)::int as inspections, (count(*) filter (where not i.cap_exempt))::int as counted,
        (count(*) filter (where i.cap_exempt))::int as cap_exempt, array_agg(distinct i.organization_id) as units
      from inspections i join organizations o on o.id = i.organization_id
      where o.path like ${`${org.path}%`} and i.state <> 'cancelled' and i.inspected_on between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
      group by i.subject_id, i.item_id
    ), per_subject as (
      select p.subject_id, sum(p.inspections)::int as inspections, sum(p.cap_exempt)::int as cap_exempt,
        (select count(distinct u)::int from per_item p2 cross join lateral unnest(p2.units) as u where p2.subject_id = p.subject_id) as units,
        max(case when it.yearly_cap is null then 0 when p.counted > it.yearly_cap then 3 when p.counted >= it.yearly_cap then 2 else 1 end)::int as worst,
        jsonb_agg(jsonb_build_object('id', it.id, 'code', it.code, 'name', it.name, 'yearlyCap', it.yearly_cap, 'inspections', p.inspections, 'counted', p.counted) order by it.code) as items
      from per_item p join inspection_items it on it.id = p.item_id
      group by p.subject_id
    )`;
  const { rows } = (await db.execute(sql`${perSubject}
    select ps.*, s.name, s.credit_code, (count(*) over ())::int as total
    from per_subject ps join inspection_subjects s on s.id = ps.subject_id
    where ps.worst >= ${minRank}
    order by ps.inspections desc, s.name, s.id
    limit ${query.limit} offset ${query.offset}`)) as unknown as { rows: LoadRow[] };
  const labelled = (key: keyof typeof capStatuses) => ({ key, label: capStatuses[key] });
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && query.offset > 0) {
    // Past the last page the window count is not there: count apart.
    const { rows: counted } = (await db.execute(sql`${perSubject} select count(*)::int as n from per_subject where worst >= ${minRank}`)) as unknown as { rows: { n: number }[] };
    total = Number(counted[0]?.n ?? 0);
  }
  return {
    year,
    total,
    items: rows.map((r) => ({
      subject: { id: Number(r.subject_id), name: r.name, creditCode: r.credit_code },
      inspections: Number(r.inspections),
      capExempt: Number(r.cap_exempt),
      units: Number(r.units),
      capStatus: labelled(statusOfRank(Number(r.worst))),
      items: r.items.map((i) => ({ ...i, capStatus: labelled(statusOf(i.yearlyCap, i.counted)) })),
    })),
  };
}

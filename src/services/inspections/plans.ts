/**
 * 双随机、一公开 (《优化营商环境条例》第五十四条第一款): the year's plan (items, the subject pool's filter, a ratio or count per
 * item, the officer pool); the seed fixed and published before the draw; the draw (domain/inspections/draw.ts,
 * `fazhi-draw-v1`) stored with its public proof, an inspection (trigger 双随机) registered for each drawn subject with its
 * drawn officers; a drawn officer with a conflict of interest replaced by a recorded re-draw; each result published
 * within the local number of working days of the inspection's end (`drawResultDueOn`). Heads plan and draw; every
 * write is audited on the plan's chain.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, assertCanSee, assertRole } from '../../domain/access.ts';
import { chinaDateOf, compareIsoDates, type IsoDate } from '../../domain/calendar/iso-date.ts';
import { conflict, notFound, ruleViolation, validationError } from '../../domain/errors.ts';
import { findingOutcomes, type FindingOutcome, inspectionStates, type InspectionState, type RiskClass, type SubjectKind } from '../../domain/inspections/model.ts';
import { DRAW_RESULT_BASIS, defaultInspectionSettings, drawResultDueOn } from '../../domain/inspections/periods.ts';
import { canonicalPool } from '../../domain/inspections/draw.ts';
import { assertSeedPublished, type DrawProof, drawOfficers, drawSubjects, inPool, type PlanInput, planInput, RANDOM_BASIS } from '../../domain/inspections/plan.ts';
import { drawResultInput, type PlanView, planVersionInput, type PublicDrawView, redrawInput } from '../../domain/inspections/plan-views.ts';
import type { Database, Executor, Transaction } from '../../db/connect.ts';
import { inspectionDrawSubjects, inspectionItems, inspectionPlans, inspections, inspectionSubjects, organizations, users } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { cachedWorkCalendar, type loadWorkCalendar } from '../calendar.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { parseInput } from '../parse-input.ts';
import { registerInspection } from './register-inspection.ts';
import { claimVersion as claimInspection, type InspectionRecord, loadOrg, type StoredOfficer } from './store.ts';

const PLAN_CONFLICT = '该抽查计划已被他人更新，请刷新后重试';

/** The plan as stored: what was entered, and the recorded re-draws. */
interface StoredPlan extends PlanInput {
  redraws: { itemCode: string; creditCode: string; setAside: string; replacedBy: string | null; reason: string; on: IsoDate }[];
}

type PlanRow = typeof inspectionPlans.$inferSelect;
const orgRef = { id: organizations.id, path: organizations.path, name: organizations.name };

async function loadPlan(db: Executor, actor: Actor, id: number) {
  const [found] = await db.select({ row: inspectionPlans, org: orgRef }).from(inspectionPlans).innerJoin(organizations, eq(organizations.id, inspectionPlans.organizationId)).where(eq(inspectionPlans.id, id));
  if (!found || !found.org.path.startsWith(actor.organizationPath)) throw notFound('抽查计划', { id });
  return found;
}

async function claimPlan(tx: Transaction, id: number, version: number) {
  const claimed = await tx
    .update(inspectionPlans)
    .set({ version: sql`${inspectionPlans.version} + 1` })
    .where(and(eq(inspectionPlans.id, id), eq(inspectionPlans.version, version)))
    .returning({ id: inspectionPlans.id });
  if (claimed.length === 0) throw conflict(PLAN_CONFLICT, { id });
}

/** Items of the plan's organization or one above it. */
const itemsAbove = (path: string) => sql`${inspectionItems.organizationId} IN (SELECT id FROM organizations WHERE ${path} LIKE path || '%')`;

/** 制定年度抽查计划: the items must be published 双随机 items of the unit's list; the officers certified. */
export async function createPlan(ctx: ServiceContext, actor: Actor, organizationId: number, raw: unknown): Promise<PlanView> {
  assertRole(actor, 'head');
  const input = parseInput(planInput, raw);
  const today = chinaDateOf(ctx.clock());
  if (new Set(input.items.map((i) => i.itemId)).size !== input.items.length) throw validationError('抽查事项重复');
  if (new Set(input.officerIds).size !== input.officerIds.length) throw validationError('执法人员名录中有重复的人员');
  if (input.officerIds.length < input.officersPerSubject) throw validationError(`执法人员名录只有 ${input.officerIds.length} 人，不足每个检查对象 ${input.officersPerSubject} 人`);
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const org = await loadOrg(tx, organizationId);
    if (!org) throw notFound('组织机构', { id: organizationId });
    assertCanSee(actor, org.path);
    const items = await tx.select().from(inspectionItems).where(and(inArray(inspectionItems.id, input.items.map((i) => i.itemId)), itemsAbove(org.path)));
    for (const planned of input.items) {
      const item = items.find((i) => i.id === planned.itemId);
      if (!item) throw notFound('检查事项', { id: planned.itemId });
      if (!item.random) throw ruleViolation(`检查事项“${item.name}”未列入“双随机”抽查事项，不能纳入抽查计划`, RANDOM_BASIS);
      if (!item.publishedOn || (item.withdrawnOn && compareIsoDates(item.withdrawnOn, today) <= 0)) throw ruleViolation(`检查事项“${item.name}”未在检查事项清单中公布，不能纳入抽查计划`, RANDOM_BASIS);
    }
    const officers = await tx
      .select({ id: users.id, name: users.displayName, certificateNo: users.certificateNo, validUntil: users.certificateValidUntil, path: organizations.path })
      .from(users)
      .innerJoin(organizations, eq(organizations.id, users.organizationId))
      .where(inArray(users.id, input.officerIds));
    for (const id of input.officerIds) {
      const o = officers.find((x) => x.id === id);
      if (!o || !(o.path.startsWith(org.path) || org.path.startsWith(o.path))) throw validationError('执法人员名录须为本单位或上下级单位的执法人员', { officerId: id });
      if (!o.certificateNo || !o.validUntil || compareIsoDates(o.validUntil, today) < 0) throw ruleViolation(`${o.name}没有有效的行政执法证件，不能列入执法人员名录`, RANDOM_BASIS);
    }
    const stored: StoredPlan = { ...input, redraws: [] };
    const [row] = await tx.insert(inspectionPlans).values({ organizationId: org.id, year: input.year, name: input.name, plan: stored }).returning({ id: inspectionPlans.id });
    await appendAudit(tx, actor, { action: 'inspectionPlan.create', subjectType: 'inspectionPlan', subjectId: row!.id, organizationId: org.id, change: { ...input } }, now);
    return getPlan(tx, actor, row!.id);
  });
}

/**
 * 公布抽取种子: a random seed (128 bits) fixed and made public before the draw; never changed afterwards. `options.seed`
 * is for the demo bureau only (the same demo every time); no route passes it.
 */
export async function publishSeed(ctx: ServiceContext, actor: Actor, planId: number, raw: unknown, options: { seed?: string } = {}): Promise<PlanView> {
  assertRole(actor, 'head');
  const body = parseInput(planVersionInput, raw);
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const { row } = await loadPlan(tx, actor, planId);
    if (row.seed) throw ruleViolation(`抽取种子已于 ${row.seedPublishedAt!.toISOString()} 公布，不能更改`, RANDOM_BASIS);
    await claimPlan(tx, planId, body.expectedVersion);
    const seed = options.seed ?? randomBytes(16).toString('hex');
    await tx.update(inspectionPlans).set({ seed, seedPublishedAt: now }).where(eq(inspectionPlans.id, planId));
    await appendAudit(tx, actor, { action: 'inspectionPlan.seed', subjectType: 'inspectionPlan', subjectId: planId, organizationId: row.organizationId, change: { seed, seedPublishedAt: now.toISOString() } }, now);
    return getPlan(tx, actor, planId);
  });
}

/** The subjects (of the libraries above the plan's unit, its own and those below) an item's pool holds (its subject kinds and the plan's filter). */
async function poolOf(db: Executor, orgPath: string, item: { subjectKinds: string[] }, filter: PlanInput['items'][number]['filter']) {
  const rows = await db
    .select({ id: inspectionSubjects.id, creditCode: inspectionSubjects.creditCode, kind: inspectionSubjects.kind, riskClass: inspectionSubjects.riskClass, category: inspectionSubjects.category })
    .from(inspectionSubjects)
    .innerJoin(organizations, eq(organizations.id, inspectionSubjects.organizationId))
    // The subjects' library is kept by the bureau (a unit above) or by the unit and those under it.
    .where(sql`(${organizations.path} LIKE ${`${orgPath}%`} OR ${orgPath} LIKE ${organizations.path} || '%')`)
    // In the draw's canonical order (byte order, as JavaScript sorts these ASCII codes), so the draw need not sort again.
    .orderBy(sql`${inspectionSubjects.creditCode} COLLATE "C"`);
  return rows.filter((s) => item.subjectKinds.includes(s.kind) && inPool(filter, { creditCode: s.creditCode, kind: s.kind as SubjectKind, riskClass: s.riskClass as RiskClass, category: s.category }));
}

/** 抽取: after the seed's publication, every item's subjects and each subject's officers; an inspection per drawn subject. */
export async function runDraw(ctx: ServiceContext, actor: Actor, planId: number, raw: unknown): Promise<PlanView> {
  assertRole(actor, 'head');
  const body = parseInput(planVersionInput, raw);
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const { row, org } = await loadPlan(tx, actor, planId);
    const seed = assertSeedPublished(row, now);
    if (row.drawnAt) throw ruleViolation('本计划已抽取，抽取结果不能重新生成（执法人员回避的，按回避重新选派）', RANDOM_BASIS);
    await claimPlan(tx, planId, body.expectedVersion);
    const plan = row.plan as StoredPlan;
    const items = await tx.select().from(inspectionItems).where(inArray(inspectionItems.id, plan.items.map((i) => i.itemId)));
    const officers = await tx.select({ id: users.id, certificateNo: users.certificateNo }).from(users).where(inArray(users.id, plan.officerIds));
    const officerPool = officers.map((o) => o.certificateNo!).filter(Boolean);
    const userOfCertificate = new Map(officers.map((o) => [o.certificateNo!, o.id]));
    const proof: DrawProof = { algorithm: 'fazhi-draw-v1', planId, seed, seedPublishedAt: row.seedPublishedAt!.toISOString(), drawnAt: now.toISOString(), items: [] };
    const registered: number[] = [];
    for (const planned of plan.items) {
      const item = items.find((i) => i.id === planned.itemId)!;
      const pool = await poolOf(tx, org.path, item, planned.filter);
      const subjects = drawSubjects(seed, item.code, pool.map((s) => s.creditCode), planned.rule);
      const entry: DrawProof['items'][number] = { itemCode: item.code, rule: planned.rule, pool: canonicalPool(pool.map((s) => s.creditCode)), poolDigest: subjects.poolDigest, drawn: subjects.drawn, officers: [] };
      for (const creditCode of subjects.drawn) {
        const drawn = drawOfficers(seed, item.code, creditCode, officerPool, plan.officersPerSubject);
        entry.officers.push({ subject: creditCode, pool: canonicalPool(officerPool), poolDigest: drawn.poolDigest, count: plan.officersPerSubject, setAside: [], drawn: drawn.drawn });
        const subject = pool.find((s) => s.creditCode === creditCode)!;
        const officerIds = drawn.drawn.map((c) => userOfCertificate.get(c)!);
        // The inspection of the drawn subject (trigger 双随机), registered by the head who drew, inside this transaction.
        const inspection = await registerInspection({ ...ctx, db: tx as unknown as Database }, actor, { organizationId: org.id, subjectId: subject.id, itemId: item.id, trigger: 'random', method: item.method, officerIds });
        registered.push(inspection.id);
        await tx.insert(inspectionDrawSubjects).values({ planId, organizationId: org.id, itemId: item.id, subjectId: subject.id, inspectionId: inspection.id, officerIds });
      }
      proof.items.push(entry);
    }
    await tx.update(inspectionPlans).set({ proof, drawnAt: now }).where(eq(inspectionPlans.id, planId));
    await appendAudit(
      tx,
      actor,
      {
        action: 'inspectionPlan.draw',
        subjectType: 'inspectionPlan',
        subjectId: planId,
        organizationId: org.id,
        change: { drawnAt: now.toISOString(), items: proof.items.map((i) => ({ itemCode: i.itemCode, poolSize: i.pool.length, poolDigest: i.poolDigest, drawn: i.drawn })), inspectionIds: registered },
      },
      now,
    );
    return getPlan(tx, actor, planId);
  });
}

/** 回避重新选派: a drawn officer with a conflict of interest is set aside and replaced by the next of the seeded shuffle. */
export async function redrawOfficer(ctx: ServiceContext, actor: Actor, planId: number, raw: unknown): Promise<PlanView> {
  assertRole(actor, 'head');
  const input = parseInput(redrawInput, raw);
  const today = chinaDateOf(ctx.clock());
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const { row, org } = await loadPlan(tx, actor, planId);
    if (!row.proof || !row.seed) throw validationError('本计划尚未抽取');
    const [drawnRow] = await tx
      .select({ d: inspectionDrawSubjects, itemCode: inspectionItems.code, creditCode: inspectionSubjects.creditCode, inspection: inspections })
      .from(inspectionDrawSubjects)
      .innerJoin(inspectionItems, eq(inspectionItems.id, inspectionDrawSubjects.itemId))
      .innerJoin(inspectionSubjects, eq(inspectionSubjects.id, inspectionDrawSubjects.subjectId))
      .leftJoin(inspections, eq(inspections.id, inspectionDrawSubjects.inspectionId))
      .where(and(eq(inspectionDrawSubjects.planId, planId), eq(inspectionDrawSubjects.itemId, input.itemId), eq(inspectionDrawSubjects.subjectId, input.subjectId)));
    if (!drawnRow) throw notFound('抽中的检查对象', { itemId: input.itemId, subjectId: input.subjectId });
    if (!drawnRow.d.officerIds.includes(input.officerId)) throw validationError('该执法人员未被选派检查该对象，无需回避');
    if (drawnRow.inspection && drawnRow.inspection.state !== 'registered') throw validationError('检查已赋码或已结束，不能再重新选派执法人员');
    const [officer] = await tx.select({ certificateNo: users.certificateNo }).from(users).where(eq(users.id, input.officerId));
    const proof = structuredClone(row.proof as DrawProof);
    const entry = proof.items.find((i) => i.itemCode === drawnRow.itemCode)!.officers.find((o) => o.subject === drawnRow.creditCode)!;
    const plan = structuredClone(row.plan as StoredPlan);
    const result = drawOfficers(row.seed, drawnRow.itemCode, drawnRow.creditCode, entry.pool, entry.count, [...entry.setAside, officer!.certificateNo!]);
    const last = result.replacements.at(-1)!;
    if (last.replacedBy === null) throw validationError('执法人员名录中已无可替换的人员，请调整执法人员名录后另行安排');
    entry.setAside.push(last.setAside);
    entry.drawn = result.drawn;
    plan.redraws.push({ itemCode: drawnRow.itemCode, creditCode: drawnRow.creditCode, setAside: last.setAside, replacedBy: last.replacedBy, reason: input.reason, on: today });
    const byCertificate = await tx.select({ id: users.id, name: users.displayName, certificateNo: users.certificateNo }).from(users).where(inArray(users.certificateNo, result.drawn));
    const officerIds = result.drawn.map((c) => byCertificate.find((u) => u.certificateNo === c)!.id);
    await tx.update(inspectionPlans).set({ proof, plan }).where(eq(inspectionPlans.id, planId));
    await tx.update(inspectionDrawSubjects).set({ officerIds }).where(eq(inspectionDrawSubjects.id, drawnRow.d.id));
    if (drawnRow.inspection) {
      await claimInspection(tx, drawnRow.inspection.id, drawnRow.inspection.version);
      const stored: StoredOfficer[] = result.drawn.map((c) => {
        const u = byCertificate.find((x) => x.certificateNo === c)!;
        return { userId: u.id, name: u.name, certificateNo: u.certificateNo };
      });
      await tx.update(inspections).set({ officers: stored }).where(eq(inspections.id, drawnRow.inspection.id));
    }
    await appendAudit(
      tx,
      actor,
      {
        action: 'inspectionPlan.redraw',
        subjectType: 'inspectionPlan',
        subjectId: planId,
        organizationId: org.id,
        change: { itemCode: drawnRow.itemCode, creditCode: drawnRow.creditCode, setAside: last.setAside, replacedBy: last.replacedBy, reason: input.reason, inspectionId: drawnRow.inspection?.id ?? null, officerIds },
      },
      now,
    );
    return getPlan(tx, actor, planId);
  });
}

/** The day a drawn inspection ended: its record (检查记录) made. */
const endedOn = (inspection: { record: unknown } | null): IsoDate | null => (inspection ? ((inspection.record as InspectionRecord).findings?.on ?? null) : null);

/** 抽查结果公示: within `drawResultDays` working days of the inspection's end; later only with the reason recorded. */
export async function publishDrawResult(ctx: ServiceContext, actor: Actor, planId: number, raw: unknown): Promise<PlanView> {
  assertRole(actor, 'head', 'officer');
  const input = parseInput(drawResultInput, raw);
  const today = chinaDateOf(ctx.clock());
  const now = ctx.clock();
  const calendar = await cachedWorkCalendar(ctx.db);
  return inTransaction(ctx, async (tx) => {
    const { org } = await loadPlan(tx, actor, planId);
    const [found] = await tx
      .select({ d: inspectionDrawSubjects, inspection: inspections })
      .from(inspectionDrawSubjects)
      .innerJoin(inspections, eq(inspections.id, inspectionDrawSubjects.inspectionId))
      .where(and(eq(inspectionDrawSubjects.planId, planId), eq(inspectionDrawSubjects.inspectionId, input.inspectionId)))
      .for('update');
    if (!found) throw notFound('本计划的抽查检查', { inspectionId: input.inspectionId });
    if (found.d.resultPublishedOn) throw validationError(`该检查的抽查结果已于 ${found.d.resultPublishedOn} 公示`);
    const ended = endedOn(found.inspection);
    const findings = (found.inspection.record as InspectionRecord).findings;
    if (!ended || !findings) throw validationError(`检查${inspectionStates[found.inspection.state as InspectionState]}，尚未记录检查情况，不能公示抽查结果`);
    const { dueOn } = drawResultDueOn(calendar, ended, defaultInspectionSettings);
    const late = compareIsoDates(today, dueOn) > 0;
    if (late && !input.lateReason) {
      throw ruleViolation(`抽查结果应当在检查结束后 ${defaultInspectionSettings.drawResultDays} 个工作日内（${dueOn} 前）公示；逾期公示的，请填写逾期理由`, DRAW_RESULT_BASIS);
    }
    const result = `${findingOutcomes[findings.outcome as FindingOutcome]}`;
    await tx
      .update(inspectionDrawSubjects)
      .set({ resultPublishedOn: today, resultDueOn: dueOn, resultLateReason: late ? input.lateReason! : null, result })
      .where(eq(inspectionDrawSubjects.id, found.d.id));
    await appendAudit(
      tx,
      actor,
      { action: 'inspectionPlan.result', subjectType: 'inspectionPlan', subjectId: planId, organizationId: org.id, change: { inspectionId: input.inspectionId, result, publishedOn: today, dueOn, lateReason: late ? input.lateReason! : null } },
      now,
    );
    return getPlan(tx, actor, planId);
  });
}

async function drawnSubjects(db: Executor, planId: number, calendar: Awaited<ReturnType<typeof loadWorkCalendar>> | null) {
  const rows = await db
    .select({ d: inspectionDrawSubjects, item: inspectionItems, subject: inspectionSubjects, inspection: inspections })
    .from(inspectionDrawSubjects)
    .innerJoin(inspectionItems, eq(inspectionItems.id, inspectionDrawSubjects.itemId))
    .innerJoin(inspectionSubjects, eq(inspectionSubjects.id, inspectionDrawSubjects.subjectId))
    .leftJoin(inspections, eq(inspections.id, inspectionDrawSubjects.inspectionId))
    .where(eq(inspectionDrawSubjects.planId, planId))
    .orderBy(asc(inspectionDrawSubjects.id));
  const officerIds = [...new Set(rows.flatMap((r) => r.d.officerIds))];
  const officers = officerIds.length > 0 ? await db.select({ id: users.id, name: users.displayName, certificateNo: users.certificateNo }).from(users).where(inArray(users.id, officerIds)) : [];
  return rows.map(({ d, item, subject, inspection }) => {
    const ended = endedOn(inspection);
    return {
      itemId: item.id,
      itemCode: item.code,
      itemName: item.name,
      subjectId: subject.id,
      creditCode: subject.creditCode,
      subjectName: subject.name,
      officers: d.officerIds.map((id) => {
        const o = officers.find((x) => x.id === id);
        return { userId: id, name: o?.name ?? '', certificateNo: o?.certificateNo ?? null };
      }),
      inspection: inspection ? { id: inspection.id, number: inspection.number, state: { key: inspection.state, label: inspectionStates[inspection.state as InspectionState] }, endedOn: ended } : null,
      inspectedOn: inspection?.inspectedOn ?? null,
      result: d.result && d.resultPublishedOn && d.resultDueOn ? { text: d.result, publishedOn: d.resultPublishedOn, dueOn: d.resultDueOn, lateReason: d.resultLateReason } : null,
      resultDueOn: d.resultDueOn ?? (ended && calendar ? drawResultDueOn(calendar, ended, defaultInspectionSettings).dueOn : null),
    };
  });
}

function planHead(row: PlanRow, org: { id: number; name: string }) {
  return { id: row.id, organization: { id: org.id, name: org.name }, year: row.year, name: row.name, seedPublishedAt: row.seedPublishedAt, drawnAt: row.drawnAt };
}

export async function getPlan(db: Executor, actor: Actor, id: number): Promise<PlanView> {
  const { row, org } = await loadPlan(db, actor, id);
  const plan = row.plan as StoredPlan;
  const items = await db.select().from(inspectionItems).where(inArray(inspectionItems.id, plan.items.map((i) => i.itemId)));
  const officers = await db.select({ id: users.id, name: users.displayName, certificateNo: users.certificateNo }).from(users).where(inArray(users.id, plan.officerIds));
  const calendar = await cachedWorkCalendar(db);
  return {
    ...planHead(row, org),
    version: row.version,
    items: plan.items.map((p) => {
      const item = items.find((i) => i.id === p.itemId)!;
      return { itemId: item.id, code: item.code, name: item.name, rule: p.rule, filter: p.filter };
    }),
    officers: plan.officerIds.map((oid) => {
      const o = officers.find((x) => x.id === oid);
      return { userId: oid, name: o?.name ?? '', certificateNo: o?.certificateNo ?? null };
    }),
    officersPerSubject: plan.officersPerSubject,
    seed: row.seed,
    seedPublishedAt: row.seedPublishedAt,
    drawnAt: row.drawnAt,
    proof: (row.proof as DrawProof | null) ?? null,
    drawn: (await drawnSubjects(db, id, calendar)).map(({ inspectedOn: _i, ...d }) => d),
    redraws: plan.redraws,
  };
}

/** The plans of organization `organizationId` (in the actor's subtree), newest year first. */
export async function listPlans(db: Executor, actor: Actor, organizationId: number) {
  const org = await loadOrg(db, organizationId);
  if (!org) throw notFound('组织机构', { id: organizationId });
  assertCanSee(actor, org.path);
  const rows = await db.select().from(inspectionPlans).where(eq(inspectionPlans.organizationId, organizationId)).orderBy(sql`${inspectionPlans.year} DESC, ${inspectionPlans.id} DESC`);
  return rows.map((row) => planHead(row, org));
}

/** The portal: every plan whose seed is published (the draw's proof once drawn), with the counts of results published. */
export async function publicDraws(db: Executor, organizationId: number | undefined) {
  const rows = await db
    .select({
      row: inspectionPlans,
      organization: organizations.name,
      drawnCount: sql<number>`(SELECT count(*)::int FROM inspection_draw_subjects d WHERE d.plan_id = ${inspectionPlans.id})`,
      publishedCount: sql<number>`(SELECT count(*)::int FROM inspection_draw_subjects d WHERE d.plan_id = ${inspectionPlans.id} AND d.result_published_on IS NOT NULL)`,
    })
    .from(inspectionPlans)
    .innerJoin(organizations, eq(organizations.id, inspectionPlans.organizationId))
    .where(and(sql`${inspectionPlans.seedPublishedAt} IS NOT NULL`, ...(organizationId ? [eq(inspectionPlans.organizationId, organizationId)] : [])))
    .orderBy(sql`${inspectionPlans.year} DESC, ${inspectionPlans.id} DESC`)
    .limit(200);
  return rows.map(({ row, organization, drawnCount, publishedCount }) => ({
    id: row.id,
    organization,
    year: row.year,
    name: row.name,
    seedPublishedAt: row.seedPublishedAt!.toISOString(),
    drawnAt: row.drawnAt?.toISOString() ?? null,
    drawnCount,
    publishedCount,
  }));
}

/** `GET /api/public/draws/:id`: the seed, the proof (pools, digests, algorithm, what was drawn) and the published results. */
export async function publicDraw(db: Executor, id: number): Promise<PublicDrawView> {
  const [found] = await db.select({ row: inspectionPlans, organization: organizations.name }).from(inspectionPlans).innerJoin(organizations, eq(organizations.id, inspectionPlans.organizationId)).where(eq(inspectionPlans.id, id));
  if (!found || !found.row.seed || !found.row.seedPublishedAt) throw notFound('抽查计划', { id });
  const { row } = found;
  const results = (await drawnSubjects(db, id, null))
    .filter((d) => d.result !== null)
    .map((d) => ({ itemCode: d.itemCode, itemName: d.itemName, creditCode: d.creditCode, subjectName: d.subjectName, inspectedOn: d.inspectedOn, result: d.result!.text, publishedOn: d.result!.publishedOn }));
  return {
    id: row.id,
    organization: found.organization,
    year: row.year,
    name: row.name,
    algorithm: 'fazhi-draw-v1',
    seed: row.seed!,
    seedPublishedAt: row.seedPublishedAt!.toISOString(),
    drawnAt: row.drawnAt?.toISOString() ?? null,
    proof: (row.proof as DrawProof | null) ?? null,
    results,
  };
}

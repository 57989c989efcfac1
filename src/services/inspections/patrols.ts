/**
 * Patrols (巡查): a task (area, route, day, at least two officers) started and finished on the phone; each problem found
 * on the way (a category of the city-management catalog, a place, photos stored under their SM3 digest like evidence)
 * becomes a rectification item (责令整改 with a due date, then verified: rectified, or not yet with a new due date) or a
 * clue of the case engine (services/cases/register-clue.ts, as a work order does in ../workorders/to-case.ts). The
 * steps are the kernel's (domain/inspections/patrols.ts: guards citing their rules); every write is audited.
 */
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { type Actor, assertCanSee, assertRole } from '../../domain/access.ts';
import { sm3 } from '../../domain/audit/digest.ts';
import { chinaDateOf, type IsoDate } from '../../domain/calendar/iso-date.ts';
import { checkEvidenceFile } from '../../domain/cases/evidence-files.ts';
import { AppError, notFound, validationError } from '../../domain/errors.ts';
import { expectedVersionInput } from '../../domain/input-kit.ts';
import { patrolInput, problemInput } from '../../domain/inspections/patrol-views.ts';
import type { PatrolView, ProblemView } from '../../domain/inspections/patrol-views.ts';
import {
  patrolActionInput,
  type PatrolGuardContext,
  type PatrolSnapshot,
  type PatrolState,
  patrolStates,
  patrolWorkflow,
  problemActionInput,
  type ProblemSnapshot,
  type ProblemState,
  problemWorkflow,
} from '../../domain/inspections/patrols.ts';
import { findCategory } from '../../domain/workorders/catalog.ts';
import { later } from '../../db/later.ts';
import { patrolProblems, patrols } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { registerClueFromLedger } from '../cases/clue-from-ledger.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { storeWithRecord } from '../file-store.ts';
import { commitStep, runStep, type StepBase, type StepDefinition } from '../kernel/run-step.ts';
import { parseInput } from '../parse-input.ts';
import { workOrderCategories } from '../workorders/catalog.ts';
import {
  claimPatrol,
  claimProblem,
  emptyPatrolRecord,
  emptyProblemRecord,
  getPatrol,
  getProblem,
  type LoadedPatrol,
  type LoadedProblem,
  loadPatrol,
  loadProblem,
  PATROL_CONFLICT,
  type PatrolRecord,
  PROBLEM_CONFLICT,
  type ProblemRecord,
} from './patrol-store.ts';
import { loadOfficers, loadOrg } from './store.ts';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const guardActor = (actor: Actor): PatrolGuardContext['actor'] => ({ userId: actor.userId, roles: actor.roles, organizationPath: actor.organizationPath });

const patrolSnapshot = ({ row, org }: LoadedPatrol): PatrolSnapshot => ({
  id: row.id,
  state: row.state as PatrolState,
  organizationPath: org.path,
  plannedOn: row.plannedOn,
  officerIds: row.officerIds,
  lastActedOn: row.lastActedOn,
});

const problemSnapshot = ({ row, patrol, org }: LoadedProblem): ProblemSnapshot => ({
  id: row.id,
  state: row.state as ProblemState,
  organizationPath: org.path,
  officerIds: patrol.officerIds,
  foundOn: row.foundOn,
  lastActedOn: row.lastActedOn,
  dueOn: row.dueOn,
});

/** 下达巡查任务: a head (or an officer of the unit) plans a patrol of the unit's area with its officers. */
export async function createPatrol(ctx: ServiceContext, actor: Actor, raw: unknown): Promise<PatrolView> {
  assertRole(actor, 'officer', 'head');
  const input = parseInput(patrolInput, raw);
  if (new Set(input.officerIds).size !== input.officerIds.length) throw validationError('巡查人员重复');
  const today = chinaDateOf(ctx.clock());
  if (input.plannedOn < today) throw validationError(`巡查日期不能早于今天（${today}）`, { fields: [{ field: 'plannedOn', message: '巡查日期不能早于今天' }] });
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const org = await loadOrg(tx, input.organizationId);
    if (!org) throw notFound('巡查单位', { id: input.organizationId });
    assertCanSee(actor, org.path);
    const officers = await loadOfficers(tx, input.officerIds);
    const related = (path: string) => org.path.startsWith(path) || path.startsWith(org.path);
    const outside = input.officerIds.filter((id) => !officers.some((o) => o.id === id && related(o.path) && (o.roles.includes('officer') || o.roles.includes('head'))));
    if (outside.length > 0) throw validationError('巡查人员须为本单位或上下级单位的执法人员', { officerIds: outside });
    const [row] = await tx
      .insert(patrols)
      .values({ organizationId: org.id, area: input.area, route: input.route, plannedOn: input.plannedOn, officerIds: input.officerIds, state: 'planned', lastActedOn: today, record: emptyPatrolRecord() })
      .returning({ id: patrols.id });
    await appendAudit(tx, actor, { action: 'patrol.create', subjectType: 'patrol', subjectId: row!.id, organizationId: org.id, change: { ...input } }, now);
    return getPatrol(tx, actor, row!.id);
  });
}

export const patrolStepRequest = z.object({ expectedVersion: expectedVersionInput('巡查任务') }).and(patrolActionInput);
type PatrolRequest = z.infer<typeof patrolStepRequest>;
type PatrolLoaded = LoadedPatrol & { version: number; organizationId: number };
type PatrolStep = StepBase<PatrolLoaded, PatrolSnapshot, PatrolGuardContext> & { record: PatrolRecord; columns: Partial<typeof patrols.$inferInsert> };

function patrolStep(today: IsoDate): StepDefinition<PatrolLoaded, PatrolSnapshot, PatrolRequest, PatrolState, PatrolGuardContext, { snapshot: PatrolSnapshot; g: PatrolGuardContext }, PatrolStep, PatrolView> {
  return {
    workflow: patrolWorkflow,
    subjectType: 'patrol',
    auditAction: 'patrol.transition',
    conflictMessage: PATROL_CONFLICT,
    load: async (tx, actor, id) => {
      const loaded = await loadPatrol(tx, actor, id);
      return { ...loaded, version: loaded.row.version, organizationId: loaded.row.organizationId };
    },
    claim: claimPatrol,
    prepare: async (_tx, actor, loaded, request) => ({ snapshot: patrolSnapshot(loaded), g: { actDate: request.on ?? today, today, actor: guardActor(actor) } }),
    begin: (base) => ({ ...base, record: structuredClone(base.subject.row.record as PatrolRecord), columns: {} }),
    effect: async (s, request) => {
      const on = s.g.actDate;
      switch (request.action) {
        case 'start':
          s.record.startedOn = on;
          s.columns.startedAt = s.now;
          break;
        case 'finish':
          s.record.finishedOn = on;
          s.record.summary = request.summary;
          s.columns.finishedAt = s.now;
          break;
        case 'cancel':
          s.record.cancellation = { on, reason: request.reason };
          break;
      }
    },
    write: (s, next) => later(s.tx, s.tx.update(patrols).set({ ...s.columns, state: next, record: s.record, lastActedOn: s.g.actDate }).where(eq(patrols.id, s.subject.row.id))),
    auditDetails: () => ({}),
    view: (tx, actor, id) => getPatrol(tx, actor, id),
  };
}

/** 开始 / 结束 / 取消巡查: one step of patrol `id`; the body is `{ expectedVersion, action, …payload }`. */
export async function transitionPatrol(ctx: ServiceContext, actor: Actor, id: number, body: unknown): Promise<PatrolView> {
  const request = parseInput(patrolStepRequest, body);
  return runStep(ctx, actor, patrolStep(chinaDateOf(ctx.clock())), id, request);
}

/** The same step, answering only the patrol's new version (the demo's seeding). */
export async function stepPatrol(ctx: ServiceContext, actor: Actor, id: number, body: unknown): Promise<number> {
  return commitStep(ctx, actor, patrolStep(chinaDateOf(ctx.clock())), id, parseInput(patrolStepRequest, body));
}

/** 记录巡查发现的问题: by an officer of the patrol, while it is under way; the category must be in the catalog. */
export async function recordProblem(ctx: ServiceContext, actor: Actor, patrolId: number, raw: unknown): Promise<ProblemView> {
  assertRole(actor, 'officer', 'head');
  const input = parseInput(problemInput, raw);
  const category = findCategory(await workOrderCategories(), input.category.kind, input.category.code);
  const today = chinaDateOf(ctx.clock());
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const loaded = await loadPatrol(tx, actor, patrolId);
    patrolWorkflow.assertOnSubject(patrolSnapshot(loaded), guardActor(actor));
    if (loaded.row.state !== 'underway') throw validationError(`巡查任务${patrolStates[loaded.row.state as PatrolState]}，只能在巡查中记录发现的问题`);
    const [row] = await tx
      .insert(patrolProblems)
      .values({
        patrolId,
        organizationId: loaded.row.organizationId,
        categoryKind: category.kind,
        categoryCode: category.code,
        place: input.place,
        description: input.description,
        state: 'found',
        foundOn: today,
        lastActedOn: today,
        record: emptyProblemRecord(),
      })
      .returning({ id: patrolProblems.id });
    await appendAudit(
      tx,
      actor,
      { action: 'patrolProblem.record', subjectType: 'patrolProblem', subjectId: row!.id, organizationId: loaded.row.organizationId, change: { patrolId, ...input, foundOn: today } },
      now,
    );
    return getProblem(tx, actor, row!.id);
  });
}

/** A photo of a problem, by the patrol's officers until it is rectified or referred; stored under its SM3 digest. */
export async function addProblemPhoto(ctx: ServiceContext, actor: Actor, problemId: number, file: { fileName: string; data: Buffer }): Promise<ProblemView> {
  const files = ctx.files;
  if (!files) throw new AppError('INTERNAL', '未配置文件存储');
  if (file.data.byteLength === 0) throw validationError('照片文件为空');
  if (file.data.byteLength > MAX_PHOTO_BYTES) throw validationError(`照片文件不超过 ${String(MAX_PHOTO_BYTES / 1024 / 1024)} MB`);
  const { fileName, mediaType } = checkEvidenceFile({ fileName: file.fileName }, `巡查照片-${sm3(file.data).slice(0, 8)}`);
  const now = ctx.clock();
  const assertMay = async (db: Parameters<typeof loadProblem>[0]) => {
    const loaded = await loadProblem(db, actor, problemId);
    problemWorkflow.assertOnSubject(problemSnapshot(loaded), guardActor(actor));
    if (loaded.row.state === 'referred') throw validationError('问题已移送立案，照片请作为案件证据上传');
    return loaded;
  };
  // The problem, its state and the actor first: a refused upload writes nothing to the file store.
  await assertMay(ctx.db);
  return storeWithRecord(files, file.data, (stored) =>
    inTransaction(ctx, async (tx) => {
      await tx.select({ id: patrolProblems.id }).from(patrolProblems).where(eq(patrolProblems.id, problemId)).for('update');
      const { row } = await assertMay(tx);
      const record = structuredClone(row.record as ProblemRecord);
      const seq = record.photos.length + 1;
      record.photos.push({ seq, fileName, mediaType, size: stored.size, digest: stored.digest, recordedAt: now.toISOString(), recordedBy: actor.userId });
      await tx.update(patrolProblems).set({ record }).where(eq(patrolProblems.id, problemId));
      await appendAudit(
        tx,
        actor,
        { action: 'patrolProblem.photo', subjectType: 'patrolProblem', subjectId: problemId, organizationId: row.organizationId, change: { seq, fileName, mediaType, digest: stored.digest, size: stored.size } },
        now,
      );
      return getProblem(tx, actor, problemId);
    }),
  );
}

/** The bytes of photo `seq` of a problem, for whoever may see it; refused if the file no longer matches its digest. */
export async function readProblemPhoto(ctx: ServiceContext, actor: Actor, problemId: number, seq: number): Promise<{ data: Buffer; fileName: string; mediaType: string }> {
  const { row } = await loadProblem(ctx.db, actor, problemId);
  if (!ctx.files) throw new AppError('INTERNAL', '未配置文件存储');
  const photo = (row.record as ProblemRecord).photos.find((p) => p.seq === seq);
  if (!photo) throw notFound('该照片');
  if (!(await ctx.files.verify(photo.digest))) throw new AppError('INTERNAL', `照片“${photo.fileName}”与登记的摘要不一致，可能已被篡改`);
  return { data: await ctx.files.get(photo.digest), fileName: photo.fileName, mediaType: photo.mediaType };
}

export const problemStepRequest = z.object({ expectedVersion: expectedVersionInput('问题') }).and(problemActionInput);
type ProblemRequest = z.infer<typeof problemStepRequest>;
type ProblemLoaded = LoadedProblem & { version: number; organizationId: number };
type ProblemStep = StepBase<ProblemLoaded, ProblemSnapshot, PatrolGuardContext> & {
  record: ProblemRecord;
  columns: Partial<typeof patrolProblems.$inferInsert>;
  details: { caseId?: number; actCode?: string };
};

function problemStep(ctx: ServiceContext, today: IsoDate): StepDefinition<ProblemLoaded, ProblemSnapshot, ProblemRequest, ProblemState, PatrolGuardContext, { snapshot: ProblemSnapshot; g: PatrolGuardContext }, ProblemStep, ProblemView> {
  return {
    workflow: problemWorkflow,
    subjectType: 'patrolProblem',
    auditAction: 'patrolProblem.transition',
    conflictMessage: PROBLEM_CONFLICT,
    load: async (tx, actor, id) => {
      const loaded = await loadProblem(tx, actor, id);
      return { ...loaded, version: loaded.row.version, organizationId: loaded.row.organizationId };
    },
    claim: claimProblem,
    prepare: async (_tx, actor, loaded, request) => ({ snapshot: problemSnapshot(loaded), g: { actDate: request.on ?? today, today, actor: guardActor(actor) } }),
    begin: (base) => ({ ...base, record: structuredClone(base.subject.row.record as ProblemRecord), columns: {}, details: {} }),
    effect: async (s, request) => {
      const on = s.g.actDate;
      switch (request.action) {
        case 'orderRectification':
          s.record.orders.push({ on, dueOn: request.dueOn, requirement: request.requirement });
          s.columns.dueOn = request.dueOn;
          break;
        case 'verify': {
          const dueOn = request.rectified ? null : request.dueOn!;
          s.record.verifications.push({ on, rectified: request.rectified, note: request.note, dueOn });
          s.columns.dueOn = dueOn;
          break;
        }
        case 'refer': {
          const { row, org } = s.subject;
          const category = (await workOrderCategories()).find((c) => c.kind === row.categoryKind && c.code === row.categoryCode);
          const clue = {
            organizationId: org.id,
            clueSource: 'patrol' as const,
            title: `巡查发现：${category?.name ?? row.categoryCode}`,
            facts: `${row.description}（巡查发现于 ${row.foundOn}；移送理由：${request.reason}）`,
            place: row.place,
            actStartedOn: row.foundOn,
            actEndedOn: null,
            discoveredOn: row.foundOn,
            powerItemId: null,
            party: { kind: 'unknown' as const, description: '' },
          };
          // The case engine's own registration inside this step's transaction (a savepoint): both commit or neither.
          const registered = await registerClueFromLedger(ctx, s.tx, s.actor, clue, { action: 'case.fromPatrol', change: { problemId: row.id, patrolId: row.patrolId } }, s.now);
          s.record.referral = { on, reason: request.reason };
          s.columns.caseId = registered.id;
          s.columns.dueOn = null;
          s.details = { caseId: registered.id, actCode: registered.actCode };
          break;
        }
      }
    },
    write: (s, next) => later(s.tx, s.tx.update(patrolProblems).set({ ...s.columns, state: next, record: s.record, lastActedOn: s.g.actDate }).where(eq(patrolProblems.id, s.subject.row.id))),
    auditDetails: (s) => s.details,
    view: (tx, actor, id) => getProblem(tx, actor, id),
  };
}

/** 责令整改 / 整改核查 / 移送立案: one step of problem `id`; the body is `{ expectedVersion, action, …payload }`. */
export async function transitionProblem(ctx: ServiceContext, actor: Actor, id: number, body: unknown): Promise<ProblemView> {
  const request = parseInput(problemStepRequest, body);
  return runStep(ctx, actor, problemStep(ctx, chinaDateOf(ctx.clock())), id, request);
}

/** The same step, answering only the problem's new version (the demo's seeding). */
export async function stepProblem(ctx: ServiceContext, actor: Actor, id: number, body: unknown): Promise<number> {
  return commitStep(ctx, actor, problemStep(ctx, chinaDateOf(ctx.clock())), id, parseInput(problemStepRequest, body));
}

/**
 * The patrols' SQL: a patrol or a problem the actor may see (NOT_FOUND outside the organization subtree), the version
 * claims, and the read shapes. A patrol's record (start, finish, summary) and a problem's (photos with their SM3
 * digests, rectification orders, verifications, referral) are JSON columns whose every change is also in the
 * subject's audit chain.
 */
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import { patrolStates, type PatrolState, problemStates, type ProblemState } from '../../domain/inspections/patrols.ts';
import { type PatrolList, patrolListQuery, type PatrolView, type ProblemView } from '../../domain/inspections/patrol-views.ts';
import { parseInput } from '../parse-input.ts';
import type { Category, CategoryKind } from '../../domain/workorders/catalog.ts';
import type { Executor, Transaction } from '../../db/connect.ts';
import { cases, organizations, patrolProblems, patrols, users } from '../../db/schema.ts';
import { workOrderCategories } from '../workorders/catalog.ts';

export const PATROL_CONFLICT = '该巡查任务已被他人更新，请刷新后重试';
export const PROBLEM_CONFLICT = '该问题已被他人更新，请刷新后重试';

export interface PatrolRecord {
  startedOn: IsoDate | null;
  finishedOn: IsoDate | null;
  summary: string | null;
  cancellation: { on: IsoDate; reason: string } | null;
}
export const emptyPatrolRecord = (): PatrolRecord => ({ startedOn: null, finishedOn: null, summary: null, cancellation: null });

export interface PatrolPhoto {
  seq: number;
  fileName: string;
  mediaType: string;
  size: number;
  digest: string;
  recordedAt: string;
  recordedBy: number;
}

export interface ProblemRecord {
  photos: PatrolPhoto[];
  orders: { on: IsoDate; dueOn: IsoDate; requirement: string }[];
  verifications: { on: IsoDate; rectified: boolean; note: string; dueOn: IsoDate | null }[];
  referral: { on: IsoDate; reason: string } | null;
}
export const emptyProblemRecord = (): ProblemRecord => ({ photos: [], orders: [], verifications: [], referral: null });

export type PatrolRow = typeof patrols.$inferSelect;
export type ProblemRow = typeof patrolProblems.$inferSelect;
const orgRef = { id: organizations.id, path: organizations.path, name: organizations.name };

export interface LoadedPatrol {
  row: PatrolRow;
  org: { id: number; path: string; name: string };
}

export async function loadPatrol(db: Executor, actor: Actor, id: number): Promise<LoadedPatrol> {
  const [found] = await db.select({ row: patrols, org: orgRef }).from(patrols).innerJoin(organizations, eq(organizations.id, patrols.organizationId)).where(eq(patrols.id, id));
  if (!found || !found.org.path.startsWith(actor.organizationPath)) throw notFound('巡查任务', { id });
  return found;
}

export interface LoadedProblem {
  row: ProblemRow;
  patrol: PatrolRow;
  org: { id: number; path: string; name: string };
}

export async function loadProblem(db: Executor, actor: Actor, id: number): Promise<LoadedProblem> {
  const [found] = await db
    .select({ row: patrolProblems, patrol: patrols, org: orgRef })
    .from(patrolProblems)
    .innerJoin(patrols, eq(patrols.id, patrolProblems.patrolId))
    .innerJoin(organizations, eq(organizations.id, patrolProblems.organizationId))
    .where(eq(patrolProblems.id, id));
  if (!found || !found.org.path.startsWith(actor.organizationPath)) throw notFound('巡查问题', { id });
  return found;
}

export async function claimPatrol(tx: Transaction, id: number, expected: number): Promise<void> {
  const claimed = await tx.update(patrols).set({ version: sql`${patrols.version} + 1` }).where(and(eq(patrols.id, id), eq(patrols.version, expected))).returning({ id: patrols.id });
  if (claimed.length === 0) throw conflict(PATROL_CONFLICT, { id, expectedVersion: expected });
}

export async function claimProblem(tx: Transaction, id: number, expected: number): Promise<void> {
  const claimed = await tx
    .update(patrolProblems)
    .set({ version: sql`${patrolProblems.version} + 1` })
    .where(and(eq(patrolProblems.id, id), eq(patrolProblems.version, expected)))
    .returning({ id: patrolProblems.id });
  if (claimed.length === 0) throw conflict(PROBLEM_CONFLICT, { id, expectedVersion: expected });
}

const categoryOf = (catalog: readonly Category[], kind: string, code: string) => {
  const found = catalog.find((c) => c.kind === (kind as CategoryKind) && c.code === code);
  return { kind, code, group: found?.group ?? '', name: found?.name ?? code };
};

export async function problemViews(db: Executor, rows: readonly ProblemRow[]): Promise<ProblemView[]> {
  const catalog = await workOrderCategories();
  const caseIds = rows.map((r) => r.caseId).filter((id): id is number => id !== null);
  const linked = caseIds.length > 0 ? await db.select({ id: cases.id, actCode: cases.actCode }).from(cases).where(inArray(cases.id, caseIds)) : [];
  return rows.map((row) => {
    const record = row.record as ProblemRecord;
    const linkedCase = linked.find((c) => c.id === row.caseId);
    return {
      id: row.id,
      patrolId: row.patrolId,
      organizationId: row.organizationId,
      version: row.version,
      state: { key: row.state, label: problemStates[row.state as ProblemState] },
      category: categoryOf(catalog, row.categoryKind, row.categoryCode),
      place: row.place,
      description: row.description,
      foundOn: row.foundOn,
      dueOn: row.dueOn,
      photos: record.photos.map((p) => ({ seq: p.seq, fileName: p.fileName, mediaType: p.mediaType, size: p.size, digest: p.digest, recordedAt: new Date(p.recordedAt) })),
      record: { orders: record.orders, verifications: record.verifications, referral: record.referral },
      case: linkedCase && linkedCase.actCode ? { id: linkedCase.id, actCode: linkedCase.actCode } : null,
    };
  });
}

async function officerNames(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

function patrolHead({ row, org }: LoadedPatrol, names: Map<number, string>): Omit<PatrolView, 'problems'> {
  const record = row.record as PatrolRecord;
  return {
    id: row.id,
    version: row.version,
    state: { key: row.state, label: patrolStates[row.state as PatrolState] },
    organization: { id: org.id, name: org.name },
    area: row.area,
    route: row.route,
    plannedOn: row.plannedOn,
    officers: row.officerIds.map((id) => ({ userId: id, name: names.get(id) ?? '' })),
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    record,
  };
}

/** The patrol with its problems, as the actor may see it. */
export async function getPatrol(db: Executor, actor: Actor, id: number): Promise<PatrolView> {
  const loaded = await loadPatrol(db, actor, id);
  const problems = await db.select().from(patrolProblems).where(eq(patrolProblems.patrolId, id)).orderBy(asc(patrolProblems.id));
  return { ...patrolHead(loaded, await officerNames(db, loaded.row.officerIds)), problems: await problemViews(db, problems) };
}

export async function getProblem(db: Executor, actor: Actor, id: number): Promise<ProblemView> {
  const { row } = await loadProblem(db, actor, id);
  return (await problemViews(db, [row]))[0]!;
}

/**
 * One page of the patrols of the actor's subtree (or of one organization in it; or only the actor's own), by day,
 * newest first, and how many match in all.
 */
export async function listPatrols(db: Executor, actor: Actor, raw: unknown = {}): Promise<PatrolList> {
  const query = parseInput(patrolListQuery, raw);
  const where = and(
    sql`${organizations.path} LIKE ${`${actor.organizationPath}%`}`,
    ...(query.organizationId ? [eq(patrols.organizationId, query.organizationId)] : []),
    ...(query.from ? [sql`${patrols.plannedOn} >= ${query.from}`] : []),
    ...(query.to ? [sql`${patrols.plannedOn} <= ${query.to}`] : []),
    ...(query.mine ? [sql`${patrols.officerIds} @> array[${actor.userId}::int]`] : []),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ row: patrols, org: orgRef, problemCount: sql<number>`(SELECT count(*)::int FROM patrol_problems p WHERE p.patrol_id = ${patrols.id})` })
      .from(patrols)
      .innerJoin(organizations, eq(organizations.id, patrols.organizationId))
      .where(where)
      .orderBy(sql`${patrols.plannedOn} DESC, ${patrols.id} DESC`)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(patrols).innerJoin(organizations, eq(organizations.id, patrols.organizationId)).where(where),
  ]);
  const names = await officerNames(db, [...new Set(rows.flatMap((r) => r.row.officerIds))]);
  return { items: rows.map((r) => ({ ...patrolHead(r, names), problemCount: r.problemCount })), total: total?.n ?? 0 };
}

/**
 * The regulated subjects (检查对象库) of an organization: enterprises and individual businesses with a validated
 * 统一社会信用代码 (GB 32100-2015), address, category and risk class — added one by one or imported from a CSV/XLSX file
 * whose bad rows are rejected with their number and reason while the good ones are kept (a code already in the
 * library updates that subject). A file that cannot be read at all imports nothing. Every change audited.
 */
import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, assertCanSee, assertRole } from '../../domain/access.ts';
import { notFound, validationError } from '../../domain/errors.ts';
import { parseSubjectRows, subjectColumns, subjectInput } from '../../domain/inspections/inputs.ts';
import type { SubjectView } from '../../domain/inspections/views.ts';
import type { Executor } from '../../db/connect.ts';
import { inspectionSubjects } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { readTableFile } from '../discretion/files.ts';
import { parseInput } from '../parse-input.ts';
import { loadOrg, subjectView } from './store.ts';
import { pageLimitInput, pageOffsetInput } from '../../domain/input-kit.ts';

const EDITORS = ['admin', 'head', 'officer'] as const;

/** The library of the actor's organization, one below it, or one above it (a brigade works on its bureau's library). */
async function ownOrg(db: Executor, actor: Actor, organizationId: number) {
  const org = await loadOrg(db, organizationId);
  if (!org) throw notFound('组织机构', { id: organizationId });
  if (!actor.organizationPath.startsWith(org.path)) assertCanSee(actor, org.path);
  return org;
}

export async function addSubject(ctx: ServiceContext, actor: Actor, organizationId: number, raw: unknown): Promise<SubjectView> {
  assertRole(actor, ...EDITORS);
  const input = parseInput(subjectInput, raw);
  return inTransaction(ctx, async (tx) => {
    const org = await ownOrg(tx, actor, organizationId);
    const [dup] = await tx.select({ name: inspectionSubjects.name }).from(inspectionSubjects).where(and(eq(inspectionSubjects.organizationId, org.id), eq(inspectionSubjects.creditCode, input.creditCode)));
    if (dup) throw validationError(`统一社会信用代码 ${input.creditCode} 已在检查对象库中（${dup.name}）`, { fields: [{ field: 'creditCode', message: '已在检查对象库中' }] });
    const [row] = await tx.insert(inspectionSubjects).values({ organizationId: org.id, ...input }).returning();
    await appendAudit(tx, actor, { action: 'inspectionSubject.add', subjectType: 'inspectionSubject', subjectId: row!.id, organizationId: org.id, change: { id: row!.id, organizationId: org.id, ...input } }, ctx.clock());
    return subjectView(row!);
  });
}

/** Imports a subjects file: good rows added (or, for a code already there, updated), bad rows rejected with the reason. */
export async function importSubjects(ctx: ServiceContext, actor: Actor, organizationId: number, fileName: string, data: Uint8Array) {
  assertRole(actor, ...EDITORS);
  const table = await readTableFile(fileName, data);
  const [header, ...body] = table.records;
  if (!header) throw validationError(`文件 ${fileName} 没有内容`);
  const missing = subjectColumns.map(([label]) => label).filter((label) => !header.cells.map((c) => c.trim()).includes(label));
  if (missing.length > 0) throw validationError(`文件 ${fileName} 缺少列：${missing.join('、')}（请使用模板）`);
  const rows = body.map((r) => ({ row: r.row, cells: Object.fromEntries(header.cells.map((h, i) => [h.trim(), r.cells[i] ?? ''])) }));
  const { subjects, rejects } = parseSubjectRows(rows);
  return inTransaction(ctx, async (tx) => {
    const org = await ownOrg(tx, actor, organizationId);
    let added = 0;
    let updated = 0;
    const imported: { id: number; creditCode: string }[] = [];
    for (const { row: _row, ...s } of subjects) {
      const [result] = await tx
        .insert(inspectionSubjects)
        .values({ organizationId: org.id, ...s })
        .onConflictDoUpdate({ target: [inspectionSubjects.organizationId, inspectionSubjects.creditCode], set: { name: s.name, kind: s.kind, address: s.address, category: s.category, riskClass: s.riskClass } })
        .returning({ id: inspectionSubjects.id, inserted: sql<boolean>`xmax = 0` });
      imported.push({ id: result!.id, creditCode: s.creditCode });
      if (result!.inserted) added++;
      else updated++;
    }
    await appendAudit(tx, actor, { action: 'inspectionSubject.add', subjectType: 'organization', subjectId: org.id, organizationId: org.id, change: { import: fileName, organizationId: org.id, imported, added, updated, rejected: rejects } }, ctx.clock());
    return { added, updated, rejected: rejects };
  });
}

export const subjectQuery = z.object({
  q: z.string().trim().max(50, '关键词不超过 50 个字').optional(),
  limit: pageLimitInput(),
  offset: pageOffsetInput(),
});

/** A page of an organization's subjects, by name or credit code. */
export async function listSubjects(db: Executor, actor: Actor, organizationId: number, raw: unknown): Promise<{ items: SubjectView[]; total: number }> {
  const query = parseInput(subjectQuery, raw);
  const org = await ownOrg(db, actor, organizationId);
  const where = and(
    eq(inspectionSubjects.organizationId, org.id),
    query.q ? or(ilike(inspectionSubjects.name, `%${query.q}%`), ilike(inspectionSubjects.creditCode, `${query.q.toUpperCase()}%`)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db.select().from(inspectionSubjects).where(where).orderBy(asc(inspectionSubjects.name)).limit(query.limit).offset(query.offset),
    db.select({ n: count() }).from(inspectionSubjects).where(where),
  ]);
  return { items: rows.map(subjectView), total: total?.n ?? 0 };
}

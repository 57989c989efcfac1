/**
 * The audit trail of one subject, for supervisors and admins (issue 15 admin: 按对象查看审计记录): a case (by id or
 * 行政行为码), a user, an organization, or a year of the legal calendar; newest first, paged. Scoped like every read:
 * records of units outside the actor's subtree are not shown, and national records (no unit: the calendar) only to
 * top-level users — a subject the actor may not see answers exactly like one without records.
 */
import { and, count, desc, eq, isNull, like, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, isSystem, isTopLevelPath } from '../domain/access.ts';
import { adminPolicy } from '../domain/admin/policy.ts';
import { type AuditSubjectType, type AuditTrailPage, auditSubjectTypes } from '../domain/admin/views.ts';
import { auditEvents, isAuditAction } from '../domain/audit/events.ts';
import { notFound } from '../domain/errors.ts';
import { assertMay } from '../domain/policy.ts';
import type { Executor } from '../db/connect.ts';
import { auditRecords, cases, organizations, users } from '../db/schema.ts';
import { chainOf } from './audit-trail.ts';
import { parseInput } from './parse-input.ts';
import { pageLimitInput, pageOffsetInput } from '../domain/input-kit.ts';

export const auditRecordsQuery = z.object({
  subjectType: z.enum(Object.keys(auditSubjectTypes) as [AuditSubjectType, ...AuditSubjectType[]], { message: '审计对象类型应为 case、user、organization 或 calendar' }),
  /** The subject's id; for a case also its 行政行为码. */
  subjectId: z.string().trim().min(1, '请填写对象编号').max(40, '对象编号不超过 40 个字符'),
  limit: pageLimitInput(),
  offset: pageOffsetInput(1_000_000),
});

export async function browseAudit(ctx: { db: Executor }, actor: Actor, raw: unknown): Promise<AuditTrailPage> {
  assertMay(actor, adminPolicy.viewAuditTrail);
  const input = parseInput(auditRecordsQuery, raw);
  const subjectId = await resolveSubjectId(ctx.db, input.subjectType, input.subjectId);
  const scope: SQL | undefined = isSystem(actor)
    ? undefined
    : or(like(organizations.path, `${actor.organizationPath}%`), isTopLevelPath(actor.organizationPath) ? isNull(auditRecords.organizationId) : undefined);
  const where = and(eq(auditRecords.chain, chainOf(input.subjectType, subjectId)), scope);
  const base = ctx.db.select({ n: count() }).from(auditRecords).leftJoin(organizations, eq(organizations.id, auditRecords.organizationId));
  const [{ n: total }] = (await base.where(where)) as [{ n: number }];
  const rows = await ctx.db
    .select({ r: auditRecords, actorName: users.displayName, organizationName: organizations.name })
    .from(auditRecords)
    .leftJoin(organizations, eq(organizations.id, auditRecords.organizationId))
    .leftJoin(users, eq(users.id, auditRecords.actorId))
    .where(where)
    .orderBy(desc(auditRecords.seq))
    .limit(input.limit)
    .offset(input.offset);
  return {
    subject: { type: input.subjectType, id: subjectId, label: `${auditSubjectTypes[input.subjectType]} ${input.subjectId}` },
    total,
    items: rows.map(({ r, actorName, organizationName }) => ({
      seq: r.seq,
      at: new Date(r.at).toISOString(),
      action: r.action,
      actionLabel: isAuditAction(r.action) ? auditEvents[r.action].label : r.action,
      actorName: r.actorId === null ? '系统' : (actorName ?? `用户 ${r.actorId}`),
      organizationName,
      change: r.change,
      digest: r.digest,
    })),
  };
}

/** A case may be named by its 行政行为码; other subjects by their id (a year for the calendar). */
async function resolveSubjectId(db: Executor, type: AuditSubjectType, raw: string): Promise<string> {
  if (type === 'calendar') {
    if (!/^\d{4}$/.test(raw)) throw notFound(`法定日历对象“${raw}”（应为四位年份）`);
    return raw;
  }
  if (/^\d{1,9}$/.test(raw)) return String(Number(raw));
  if (type === 'case') {
    const [row] = await db.select({ id: cases.id }).from(cases).where(eq(cases.actCode, raw.toUpperCase()));
    if (row) return String(row.id);
  }
  throw notFound(`${auditSubjectTypes[type]}“${raw}”`);
}

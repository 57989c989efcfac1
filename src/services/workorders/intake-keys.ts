/**
 * API keys of the systems that send work orders in through the open interface (Open311 GeoReport v2, routes/open311.ts):
 * an admin creates a key for a sending system — its name, the channel its orders come by, the organization that
 * receives them — sees the key once, and may revoke it. Only the key's SHA-256 is stored; creating and revoking are
 * audited. A request carrying an unknown or revoked key is refused.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, like } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, assertCanSee, assertRole, isSystem } from '../../domain/access.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import { idInput } from '../../domain/ids.ts';
import { type WorkOrderChannel, workOrderChannelKeys, workOrderChannels } from '../../domain/workorders/model.ts';
import type { Executor } from '../../db/connect.ts';
import { intakeKeys, organizations } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { parseInput } from '../parse-input.ts';

/** A key is this prefix and 32 random bytes (base64url); lists show its first characters. */
export const KEY_PREFIX = 'fz311_';
const SHOWN_PREFIX_LENGTH = KEY_PREFIX.length + 6;

export const intakeKeyInput = z.object({
  system: z
    .string({ error: (issue) => (issue.input === undefined ? '请填写接入系统名称' : '接入系统名称格式无效') })
    .trim()
    .min(2, '接入系统名称至少 2 个字')
    .max(60, '接入系统名称不超过 60 个字')
    .regex(/^[^:/\\]+$/, '接入系统名称不能含有冒号或斜杠')
    .meta({ title: '接入系统名称' }),
  channel: z.enum(workOrderChannelKeys, { message: '来源渠道无效' }).meta({ title: '来源渠道' }),
  organizationId: idInput('受理单位'),
});
export type IntakeKeyInput = z.input<typeof intakeKeyInput>;

export const intakeKeyView = z.object({
  id: z.number(),
  system: z.string(),
  channel: z.object({ key: z.string(), label: z.string() }),
  organization: z.object({ id: z.number(), name: z.string() }),
  prefix: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type IntakeKeyView = z.infer<typeof intakeKeyView>;

/** What a request authenticated by a valid key acts as. */
export interface IntakeSender {
  keyId: number;
  system: string;
  channel: WorkOrderChannel;
  organizationId: number;
  organizationPath: string;
  organizationName: string;
}

/**
 * The `external_source` of the orders a system sends to an organization: distinct from staff registration ('staff'),
 * and per receiving organization, so two districts' keys of the same system name never share sender numbers.
 */
export const intakeSource = (sender: Pick<IntakeSender, 'system' | 'organizationId'>) => `open311:${String(sender.organizationId)}:${sender.system}`;

export const hashIntakeKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

const columns = {
  id: intakeKeys.id,
  system: intakeKeys.system,
  channel: intakeKeys.channel,
  organizationId: intakeKeys.organizationId,
  organizationName: organizations.name,
  organizationPath: organizations.path,
  prefix: intakeKeys.prefix,
  createdAt: intakeKeys.createdAt,
  revokedAt: intakeKeys.revokedAt,
};
type Row = Omit<{ [K in keyof typeof columns]: (typeof columns)[K]['_']['data'] }, 'revokedAt'> & { revokedAt: Date | null };

const toView = (r: Row): IntakeKeyView => ({
  id: r.id,
  system: r.system,
  channel: { key: r.channel, label: workOrderChannels[r.channel as WorkOrderChannel] },
  organization: { id: r.organizationId, name: r.organizationName },
  prefix: r.prefix,
  createdAt: r.createdAt.toISOString(),
  revokedAt: r.revokedAt?.toISOString() ?? null,
});

/** Creates a key; the answer carries the key itself, which is never shown again. */
export async function createIntakeKey(ctx: ServiceContext, actor: Actor, raw: unknown): Promise<{ key: IntakeKeyView; secret: string }> {
  assertRole(actor, 'admin');
  const input = parseInput(intakeKeyInput, raw);
  const secret = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const prefix = secret.slice(0, SHOWN_PREFIX_LENGTH);
  return inTransaction(ctx, async (tx) => {
    const [org] = await tx.select({ id: organizations.id, path: organizations.path }).from(organizations).where(eq(organizations.id, input.organizationId));
    if (!org) throw notFound('受理单位', { id: input.organizationId });
    assertCanSee(actor, org.path);
    const [row] = await tx
      .insert(intakeKeys)
      .values({ system: input.system, channel: input.channel, organizationId: org.id, prefix, keyHash: hashIntakeKey(secret), createdBy: isSystem(actor) ? null : actor.userId })
      .returning({ id: intakeKeys.id });
    await appendAudit(
      tx,
      actor,
      { action: 'intakeKey.create', subjectType: 'intakeKey', subjectId: row!.id, organizationId: org.id, change: { system: input.system, channel: input.channel, organizationId: org.id, prefix } },
      ctx.clock(),
    );
    return { key: await getIntakeKey(tx, actor, row!.id), secret };
  });
}

async function getIntakeKey(db: Executor, actor: Actor, id: number): Promise<IntakeKeyView> {
  const [row] = await db.select(columns).from(intakeKeys).innerJoin(organizations, eq(organizations.id, intakeKeys.organizationId)).where(eq(intakeKeys.id, id));
  if (!row || !row.organizationPath.startsWith(actor.organizationPath)) throw notFound('接口密钥', { id });
  return toView(row);
}

/** The keys of the admin's subtree, newest first among the valid ones, then the revoked. */
export async function listIntakeKeys(ctx: { db: Executor }, actor: Actor): Promise<IntakeKeyView[]> {
  assertRole(actor, 'admin');
  const rows = await ctx.db
    .select(columns)
    .from(intakeKeys)
    .innerJoin(organizations, eq(organizations.id, intakeKeys.organizationId))
    .where(like(organizations.path, `${actor.organizationPath}%`))
    .orderBy(asc(intakeKeys.id));
  return rows.map(toView).sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.id - a.id);
}

/** Revokes a key: from then on its requests are refused (a key already revoked is a conflict, nothing written). */
export async function revokeIntakeKey(ctx: ServiceContext, actor: Actor, id: number): Promise<IntakeKeyView> {
  assertRole(actor, 'admin');
  return inTransaction(ctx, async (tx) => {
    const key = await getIntakeKey(tx, actor, id);
    const now = ctx.clock();
    const revoked = await tx
      .update(intakeKeys)
      .set({ revokedAt: now, revokedBy: isSystem(actor) ? null : actor.userId })
      .where(and(eq(intakeKeys.id, id), isNull(intakeKeys.revokedAt)))
      .returning({ id: intakeKeys.id });
    if (revoked.length === 0) throw conflict(`接口密钥 ${key.prefix}… 已于 ${key.revokedAt ?? ''} 吊销`);
    await appendAudit(tx, actor, { action: 'intakeKey.revoke', subjectType: 'intakeKey', subjectId: id, organizationId: key.organization.id, change: { system: key.system, prefix: key.prefix } }, now);
    return getIntakeKey(tx, actor, id);
  });
}

/** The sender a key stands for, or null when the key is unknown or revoked. */
export async function authenticateIntakeKey(db: Executor, secret: string): Promise<IntakeSender | null> {
  if (!secret.startsWith(KEY_PREFIX) || secret.length > 100) return null;
  const [row] = await db
    .select(columns)
    .from(intakeKeys)
    .innerJoin(organizations, eq(organizations.id, intakeKeys.organizationId))
    .where(and(eq(intakeKeys.keyHash, hashIntakeKey(secret)), isNull(intakeKeys.revokedAt)));
  if (!row) return null;
  return {
    keyId: row.id,
    system: row.system,
    channel: row.channel as WorkOrderChannel,
    organizationId: row.organizationId,
    organizationPath: row.organizationPath,
    organizationName: row.organizationName,
  };
}

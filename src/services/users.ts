import { hash, verify } from '@node-rs/argon2';
import { asc, eq, like, sql } from 'drizzle-orm';
import { type Actor, type Role, isSystem } from '../domain/access.ts';
import { assertMay } from '../domain/policy.ts';
import { adminPolicy } from '../domain/admin/policy.ts';
import { AppError, notFound } from '../domain/errors.ts';
import { type UserInput, type UserPatch, passwordSchema, userInput, userPatch } from '../domain/people.ts';
import type { Executor } from '../db/connect.ts';
import { organizations, sessions, users } from '../db/schema.ts';
import { appendAudit } from './audit-trail.ts';
import { type ServiceContext, inTransaction } from './context.ts';
import { diff, getOrganization } from './organizations.ts';
import { assertSomethingToChange, parseInput } from './parse-input.ts';
import { forgetCachedSessions } from './sessions.ts';
import type { UserView } from '../domain/admin/views.ts';

export type { UserView } from '../domain/admin/views.ts';

const userColumns = {
  id: users.id,
  organizationId: users.organizationId,
  organizationName: organizations.name,
  username: users.username,
  displayName: users.displayName,
  roles: users.roles,
  certificateNo: users.certificateNo,
  certificateValidUntil: users.certificateValidUntil,
  phone: users.phone,
  active: users.active,
  locked: sql<boolean>`${users.lockedAt} is not null`,
};

const toView = (row: Omit<UserView, 'roles'> & { roles: string[] }): UserView => ({ ...row, roles: row.roles as Role[] });

export async function getUser(ctx: { db: Executor }, actor: Actor, id: number): Promise<UserView> {
  const [row] = await ctx.db
    .select({ ...userColumns, path: organizations.path })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, id));
  if (!row || !(isSystem(actor) || row.path.startsWith(actor.organizationPath))) throw notFound('该用户', { id });
  const { path: _path, ...view } = row;
  return toView(view);
}

/** Users of the actor's subtree, optionally of one organization in it. */
export async function listUsers(ctx: ServiceContext, actor: Actor, filter: { organizationId?: number } = {}): Promise<UserView[]> {
  const scopePath = filter.organizationId ? (await getOrganization(ctx, actor, filter.organizationId)).path : actor.organizationPath;
  const rows = await ctx.db
    .select(userColumns)
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(
      filter.organizationId
        ? eq(users.organizationId, filter.organizationId)
        : isSystem(actor)
          ? undefined
          : like(organizations.path, `${scopePath}%`),
    )
    .orderBy(asc(organizations.path), asc(users.id));
  return rows.map(toView);
}

/**
 * `passwordHash`, when given, is the caller's argon2 hash of the input's password: seeding many users who share one
 * password (the demo) hashes it once instead of once per user (argon2 is deliberately slow).
 */
export async function createUser(ctx: ServiceContext, actor: Actor, raw: unknown, options: { passwordHash?: string } = {}): Promise<UserView> {
  assertMay(actor, adminPolicy.manageUsers);
  const input: UserInput = parseInput(userInput, raw);
  const passwordHash = options.passwordHash ?? (await hash(input.password));
  return inTransaction(ctx, async (tx) => {
    await getOrganization({ db: tx }, actor, input.organizationId);
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (taken) throw new AppError('CONFLICT', `用户名 ${input.username} 已被使用`, { field: 'username' });
    const { password: _password, ...fields } = input;
    const [row] = await tx
      .insert(users)
      .values({
        ...fields,
        passwordHash,
        certificateNo: input.certificateNo ?? null,
        certificateValidUntil: input.certificateValidUntil ?? null,
        phone: input.phone ?? null,
      })
      .returning({ id: users.id });
    await appendAudit(
      tx,
      actor,
      { action: 'user.create', subjectType: 'user', subjectId: row!.id, organizationId: input.organizationId, change: { ...fields, phone: undefined } },
      ctx.clock(),
    );
    return getUser({ db: tx }, actor, row!.id);
  });
}

const sameRoles = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((r) => b.includes(r));

export async function updateUser(ctx: ServiceContext, actor: Actor, id: number, raw: unknown): Promise<UserView> {
  assertMay(actor, adminPolicy.manageUsers);
  const patch: UserPatch = parseInput(userPatch, raw);
  assertSomethingToChange(patch);
  // Roles, organization or the account's being active are part of every cached session of the user.
  return afterUserChange(ctx, inTransaction(ctx, async (tx) => {
    const before = await getUser({ db: tx }, actor, id);
    if (patch.organizationId !== undefined) await getOrganization({ db: tx }, actor, patch.organizationId);
    if (id === actor.userId && patch.active === false) throw new AppError('VALIDATION', '不能停用自己');
    // Nobody grants or drops their own roles: another admin does it, and the audit record names both.
    if (id === actor.userId && patch.roles && !sameRoles(patch.roles, before.roles)) {
      throw new AppError('FORBIDDEN', '不能修改本人的角色，请由其他管理员办理', { field: 'roles' });
    }
    await tx.update(users).set(patch).where(eq(users.id, id));
    // A deactivated user is logged out everywhere at once.
    if (patch.active === false) await tx.delete(sessions).where(eq(sessions.userId, id));
    const { phone: _phone, ...auditable } = patch;
    await appendAudit(
      tx,
      actor,
      { action: 'user.update', subjectType: 'user', subjectId: id, organizationId: before.organizationId, change: diff({ ...before }, auditable) },
      ctx.clock(),
    );
    return getUser({ db: tx }, actor, id);
  }));
}

/** After a change to a user commits: this process looks its sessions up again (services/sessions.ts). */
async function afterUserChange<T>(ctx: ServiceContext, change: Promise<T>): Promise<T> {
  try {
    return await change;
  } finally {
    forgetCachedSessions(ctx.db);
  }
}

/**
 * Admins reset others' passwords; everyone may change their own, proving it with the current password (a session
 * left open on a shared computer must not be enough to take over the account). Existing sessions of that user end.
 */
export async function setPassword(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  rawPassword: unknown,
  options: { currentPassword?: string } = {},
): Promise<void> {
  const own = id === actor.userId;
  if (!own) assertMay(actor, adminPolicy.manageUsers);
  const password = parseInput(passwordSchema, rawPassword);
  if (own) {
    const [row] = await ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id));
    const ok = row && options.currentPassword ? await verify(row.passwordHash, options.currentPassword).catch(() => false) : false;
    if (!ok) throw new AppError('VALIDATION', '当前密码不正确', { field: 'currentPassword' });
  }
  const passwordHash = await hash(password);
  await afterUserChange(ctx, inTransaction(ctx, async (tx) => {
    const user = await getUser({ db: tx }, actor, id);
    // An admin's reset also unlocks an account locked by failed logins: the new password is the admin's answer to
    // the lock. (Changing one's own password needs a session, which a locked account cannot get.)
    await tx.update(users).set({ passwordHash, failedLogins: 0, lockedAt: null }).where(eq(users.id, id));
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await appendAudit(
      tx,
      actor,
      {
        action: 'user.password',
        subjectType: 'user',
        subjectId: id,
        organizationId: user.organizationId,
        change: { passwordChanged: true, ...(user.locked ? { unlocked: true as const } : {}) },
      },
      ctx.clock(),
    );
  }));
}

/**
 * An admin of the user's subtree unlocks an account locked after ACCOUNT_LOCK_FAILURES consecutive failed logins
 * (services/sessions.ts); the count starts again from zero. Out of scope is NOT_FOUND; an account that is not locked
 * is a CONFLICT (a second admin's click on a stale page).
 */
export async function unlockUser(ctx: ServiceContext, actor: Actor, id: number): Promise<UserView> {
  assertMay(actor, adminPolicy.unlockUsers);
  return inTransaction(ctx, async (tx) => {
    const user = await getUser({ db: tx }, actor, id);
    const [row] = await tx.select({ lockedAt: users.lockedAt, failedLogins: users.failedLogins }).from(users).where(eq(users.id, id)).for('update');
    if (!row?.lockedAt) throw new AppError('CONFLICT', `账号 ${user.username} 未被锁定`);
    await tx.update(users).set({ failedLogins: 0, lockedAt: null }).where(eq(users.id, id));
    await appendAudit(
      tx,
      actor,
      {
        action: 'user.unlock',
        subjectType: 'user',
        subjectId: id,
        organizationId: user.organizationId,
        change: { lockedAt: row.lockedAt.toISOString(), failedLogins: row.failedLogins },
      },
      ctx.clock(),
    );
    return getUser({ db: tx }, actor, id);
  });
}

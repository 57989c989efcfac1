import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Actor, Role } from '../domain/access.ts';
import { sm3 } from '../domain/audit/digest.ts';
import { AppError } from '../domain/errors.ts';
import type { Executor } from '../db/connect.ts';
import { organizations, sessions, users } from '../db/schema.ts';
import { appendAudit } from './audit-trail.ts';
import { type ServiceContext, inTransaction } from './context.ts';

/** Sessions last a working day; activity does not extend them past that. */
export const SESSION_HOURS = 12;

// A hash of a password nobody has, so a login with an unknown username costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;

const badLogin = () => new AppError('UNAUTHENTICATED', '用户名或密码错误');

/**
 * Consecutive failed logins after which an account is locked until an admin unlocks it (or resets its password).
 * The per-address and per-username throttles of the login route slow guessing within one server process; this
 * count is in the database, so it holds across processes and restarts.
 */
export const ACCOUNT_LOCK_FAILURES = 10;

export const accountLocked = () => new AppError('LOCKED', '账号因多次密码错误已锁定，请联系管理员解锁');

export async function login(ctx: ServiceContext, username: string, password: string): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const [user] = await ctx.db.select().from(users).where(eq(users.username, username.trim()));
  const ok = await verify(user?.passwordHash ?? (await (dummyHash ??= hash(randomBytes(16)))), password).catch(() => false);
  // A locked account answers the same whether the password was right or wrong, so the lock is no oracle for
  // guessing on: the guesser learns only that the account is locked.
  if (user?.lockedAt) throw accountLocked();
  if (!user) throw badLogin();
  if (!ok) {
    await countFailedLogin(ctx, user);
    throw badLogin();
  }
  if (!user.active) throw new AppError('UNAUTHENTICATED', '该账号已停用，请联系管理员');
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  const actor = await inTransaction(ctx, async (tx) => {
    // The lock is checked again under the row lock: a parallel failure may have locked the account since it was read.
    const [claimed] = await tx
      .update(users)
      .set({ failedLogins: 0 })
      .where(and(eq(users.id, user.id), isNull(users.lockedAt)))
      .returning({ id: users.id });
    if (!claimed) throw accountLocked();
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, now)));
    await tx.insert(sessions).values({ tokenDigest: sm3(token), userId: user.id, createdAt: now, expiresAt });
    await appendAudit(
      tx,
      { userId: user.id, organizationId: user.organizationId, organizationPath: '', roles: [], displayName: user.displayName },
      { action: 'session.login', subjectType: 'user', subjectId: user.id, organizationId: user.organizationId, change: { expiresAt: expiresAt.toISOString() } },
      now,
    );
    // Inside the transaction: PGlite has one connection, so a query outside it would wait forever.
    return actorFor({ db: tx }, user.id);
  });
  return { token, actor, expiresAt };
}

/**
 * One more consecutive failure of `user`, counted in one statement (parallel failures each count); the failure
 * that reaches ACCOUNT_LOCK_FAILURES locks the account and is audited with the user as the subject.
 */
async function countFailedLogin(ctx: ServiceContext, user: typeof users.$inferSelect): Promise<void> {
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx
      .update(users)
      .set({
        failedLogins: sql`${users.failedLogins} + 1`,
        lockedAt: sql`case when ${users.failedLogins} + 1 >= ${ACCOUNT_LOCK_FAILURES} then ${now.toISOString()}::timestamptz else null end`,
      })
      .where(and(eq(users.id, user.id), isNull(users.lockedAt)))
      .returning({ failedLogins: users.failedLogins, lockedAt: users.lockedAt });
    if (!row?.lockedAt) return;
    await appendAudit(
      tx,
      { userId: user.id, organizationId: user.organizationId, organizationPath: '', roles: [], displayName: user.displayName },
      { action: 'user.lock', subjectType: 'user', subjectId: user.id, organizationId: user.organizationId, change: { failedLogins: row.failedLogins } },
      now,
    );
  });
  forgetCachedSessions(ctx.db);
}

/**
 * Sessions looked up are kept in memory for SESSION_CACHE_MS (per database: a WeakMap keyed by the database object,
 * so test files sharing a worker never share them), so a busy officer's requests do not each read the session.
 * This process forgets them at once on logout, on a password change and on any change to a user (deactivated, roles,
 * organization: `forgetCachedSessions`); another app server on the same PostgreSQL notices within SESSION_CACHE_MS.
 */
export const SESSION_CACHE_MS = 10_000;
const SESSION_CACHE_MAX = 10_000;

interface SessionCache {
  /** Bumped by every forget: a look-up that began before it does not store what it read. */
  generation: number;
  entries: Map<string, { actor: Actor; until: number }>;
}

const sessionCaches = new WeakMap<object, SessionCache>();

function sessionCache(db: object): SessionCache {
  let cache = sessionCaches.get(db);
  if (!cache) sessionCaches.set(db, (cache = { generation: 0, entries: new Map() }));
  return cache;
}

/** Forgets the cached sessions of `db` (after a change to users or their sessions commits). */
export function forgetCachedSessions(db: object): void {
  const cache = sessionCache(db);
  cache.generation++;
  cache.entries.clear();
}

/** The actor behind a session token, or null when the token is unknown, expired or the user deactivated. */
export async function resolveSession(ctx: ServiceContext, token: string): Promise<Actor | null> {
  const digest = sm3(token);
  const now = ctx.clock();
  const cache = sessionCache(ctx.db);
  const hit = cache.entries.get(digest);
  if (hit && now.getTime() < hit.until) return hit.actor;
  const generation = cache.generation;
  // One statement: the session, its user and the user's organization.
  const [row] = await ctx.db
    .select({
      userId: users.id,
      organizationId: users.organizationId,
      organizationPath: organizations.path,
      roles: users.roles,
      displayName: users.displayName,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(sessions.tokenDigest, digest), gt(sessions.expiresAt, now), eq(users.active, true)));
  if (!row) return null;
  const { expiresAt, ...rest } = row;
  const actor: Actor = { ...rest, roles: rest.roles as Role[] };
  if (cache.generation === generation) {
    if (cache.entries.size >= SESSION_CACHE_MAX) cache.entries.clear();
    cache.entries.set(digest, { actor, until: Math.min(now.getTime() + SESSION_CACHE_MS, expiresAt.getTime()) });
  }
  return actor;
}

export async function logout(ctx: ServiceContext, actor: Actor, token: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenDigest, sm3(token)));
    await appendAudit(
      tx,
      actor,
      { action: 'session.logout', subjectType: 'user', subjectId: actor.userId, organizationId: actor.organizationId, change: {} },
      ctx.clock(),
    );
  });
  forgetCachedSessions(ctx.db);
}

async function actorFor(ctx: { db: Executor }, userId: number): Promise<Actor> {
  const [row] = await ctx.db
    .select({ userId: users.id, organizationId: users.organizationId, organizationPath: organizations.path, roles: users.roles, displayName: users.displayName })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, userId));
  if (!row) throw new AppError('UNAUTHENTICATED');
  return { ...row, roles: row.roles as Role[] };
}

/**
 * Account lock-out: ACCOUNT_LOCK_FAILURES consecutive failed logins lock the account in the database (so a second
 * server process, or a restart, still refuses it); a locked account cannot log in even with the right password; a
 * successful login resets the count; an admin of the user's subtree unlocks it (audited), or resets its password.
 */
import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRecords, users } from '../db/schema.ts';
import { ACCOUNT_LOCK_FAILURES } from '../services/sessions.ts';
import { TEST_PASSWORD } from '../services/testing/factories.ts';
import { buildApp } from './app.ts';
import { worldApp } from './test-app.ts';

const LOCKED_MESSAGE = '账号因多次密码错误已锁定，请联系管理员解锁';

const t = worldApp();

const attempt = (username: string, password: string, app = t.app) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

async function failTimes(username: string, times: number) {
  for (let i = 0; i < times; i++) expect((await attempt(username, 'wrong1234')).statusCode).toBe(401);
}

async function lock(username: string) {
  await failTimes(username, ACCOUNT_LOCK_FAILURES);
}

const unlock = async (id: number, as: string) =>
  t.app.inject({ method: 'POST', url: `/api/users/${id}/unlock`, headers: { cookie: await t.login(as) } });

describe('account lock-out after repeated failed logins', () => {
  it('locks the account after ACCOUNT_LOCK_FAILURES consecutive failures: even the right password is refused', async () => {
    expect(ACCOUNT_LOCK_FAILURES).toBe(10);
    await lock('wanglei');
    const refused = await attempt('wanglei', TEST_PASSWORD);
    expect(refused.statusCode).toBe(423);
    expect(refused.json()).toMatchObject({ code: 'LOCKED', message: LOCKED_MESSAGE });
    // A wrong password answers the same: the lock is no oracle telling a guesser which password was right.
    expect((await attempt('wanglei', 'wrong1234')).json()).toMatchObject({ code: 'LOCKED', message: LOCKED_MESSAGE });
    const [row] = await t.ctx.db.select({ lockedAt: users.lockedAt, failedLogins: users.failedLogins }).from(users).where(eq(users.id, t.w.users.wanglei.id));
    expect(row!.lockedAt).toBeInstanceOf(Date);
    expect(row!.failedLogins).toBe(ACCOUNT_LOCK_FAILURES);
    const [audit] = await t.ctx.db
      .select()
      .from(auditRecords)
      .where(and(eq(auditRecords.action, 'user.lock'), eq(auditRecords.subjectId, String(t.w.users.wanglei.id))));
    expect(audit!.change).toEqual({ failedLogins: ACCOUNT_LOCK_FAILURES });
  });

  it('the lock is kept in the database: another server process on the same database refuses the account too', async () => {
    const other = await buildApp({ ctx: t.ctx, sessionSecret: 'another-process-secret-0123456789abcdef', databaseKind: 'pglite' });
    try {
      expect((await attempt('wanglei', TEST_PASSWORD, other)).json()).toMatchObject({ code: 'LOCKED' });
    } finally {
      await other.close();
    }
  });

  it('a successful login resets the count of consecutive failures', async () => {
    await failTimes('zhaogang', ACCOUNT_LOCK_FAILURES - 1);
    expect((await attempt('zhaogang', TEST_PASSWORD)).statusCode).toBe(200);
    await failTimes('zhaogang', ACCOUNT_LOCK_FAILURES - 1);
    expect((await attempt('zhaogang', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('the users list shows the account as locked to the admin', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: await t.login('admin.donghu') } });
    const byName = new Map((res.json() as { username: string; locked: boolean }[]).map((u) => [u.username, u.locked]));
    expect(byName.get('wanglei')).toBe(true);
    expect(byName.get('zhaogang')).toBe(false);
  });
});

describe('unlocking a locked account', () => {
  it('is refused to a non-admin and to an admin of another subtree', async () => {
    const supervisor = await unlock(t.w.users.wanglei.id, 'supervisor');
    expect(supervisor.statusCode).toBe(403);
    // head.xishan's district is not under admin.donghu's: the account does not exist for him.
    await lock('head.xishan');
    expect((await unlock(t.w.users['head.xishan'].id, 'admin.donghu')).statusCode).toBe(404);
    expect((await attempt('wanglei', TEST_PASSWORD)).statusCode).toBe(423);
    expect((await attempt('head.xishan', TEST_PASSWORD)).statusCode).toBe(423);
  });

  it('an admin in scope unlocks it, audited, and the user logs in again', async () => {
    const res = await unlock(t.w.users.wanglei.id, 'admin.donghu');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'wanglei', locked: false });
    const [audit] = await t.ctx.db
      .select()
      .from(auditRecords)
      .where(and(eq(auditRecords.action, 'user.unlock'), eq(auditRecords.subjectId, String(t.w.users.wanglei.id))))
      .orderBy(desc(auditRecords.id))
      .limit(1);
    expect(audit).toMatchObject({ actorId: t.w.users['admin.donghu'].id, change: { failedLogins: ACCOUNT_LOCK_FAILURES } });
    expect((await attempt('wanglei', TEST_PASSWORD)).statusCode).toBe(200);
    // Unlocked again from zero: one more failure does not lock it.
    await failTimes('wanglei', 1);
    expect((await attempt('wanglei', TEST_PASSWORD)).statusCode).toBe(200);
    // A second unlock of an account that is not locked is a conflict.
    expect((await unlock(t.w.users.wanglei.id, 'admin.donghu')).statusCode).toBe(409);
  });

  it('an admin resetting the password also unlocks the account', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${t.w.users['head.xishan'].id}/password`,
      headers: { cookie: await t.login('admin') },
      payload: { password: 'Reset2026x' },
    });
    expect(res.statusCode).toBe(204);
    expect((await attempt('head.xishan', 'Reset2026x')).statusCode).toBe(200);
    const [audit] = await t.ctx.db
      .select()
      .from(auditRecords)
      .where(and(eq(auditRecords.action, 'user.password'), eq(auditRecords.subjectId, String(t.w.users['head.xishan'].id))));
    expect(audit!.change).toEqual({ passwordChanged: true, unlocked: true });
  });
});

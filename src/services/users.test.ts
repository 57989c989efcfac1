/**
 * Accounts: nobody changes their own roles, and changing one's own password takes the current password (an admin's
 * reset of another user's password does not).
 */
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { auditRecords } from '../db/schema.ts';
import { createTestDatabase } from '../db/testing.ts';
import type { ServiceContext } from './context.ts';
import { login } from './sessions.ts';
import { TEST_PASSWORD, newWorld, type World } from './testing/factories.ts';
import { setPassword, updateUser } from './users.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date() };
  w = await newWorld(ctx);
});
afterAll(() => handle.close());

const refusal = async (work: Promise<unknown>) => work.then(() => null, (e: unknown) => e as { code: string; message: string });

describe('nobody changes their own roles', () => {
  it('an admin cannot add a role to himself, not even keeping admin', async () => {
    const error = await refusal(updateUser(ctx, w.actors['admin.donghu'], w.users['admin.donghu'].id, { roles: ['admin', 'head'] }));
    expect(error).toMatchObject({ code: 'FORBIDDEN', message: '不能修改本人的角色，请由其他管理员办理' });
    expect((await login(ctx, 'admin.donghu', TEST_PASSWORD)).actor.roles).toEqual(['admin']);
  });

  it('an admin may still edit his own other fields, roles sent unchanged', async () => {
    const user = await updateUser(ctx, w.actors['admin.donghu'], w.users['admin.donghu'].id, { roles: ['admin'], displayName: '黄涛涛' });
    expect(user.displayName).toBe('黄涛涛');
  });

  it('another admin changes them, and the audit record shows the roles before and after', async () => {
    const target = w.users['head.donghu'];
    await updateUser(ctx, w.actors.admin, target.id, { roles: ['head', 'reviewer'] });
    const [record] = await ctx.db
      .select()
      .from(auditRecords)
      .where(and(eq(auditRecords.action, 'user.update'), eq(auditRecords.subjectId, String(target.id))))
      .orderBy(desc(auditRecords.id))
      .limit(1);
    expect(record!.change).toMatchObject({ roles: { from: ['head'], to: ['head', 'reviewer'] } });
  });
});

describe('changing one’s own password requires the current password', () => {
  it('refuses a missing or wrong current password, accepts the right one', async () => {
    const wanglei = w.actors.wanglei;
    expect(await refusal(setPassword(ctx, wanglei, wanglei.userId, 'Newpass2026'))).toMatchObject({ code: 'VALIDATION', message: '当前密码不正确' });
    expect(await refusal(setPassword(ctx, wanglei, wanglei.userId, 'Newpass2026', { currentPassword: 'wrong1234' }))).toMatchObject({
      message: '当前密码不正确',
    });
    await expect(login(ctx, 'wanglei', 'Newpass2026')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await setPassword(ctx, wanglei, wanglei.userId, 'Newpass2026', { currentPassword: TEST_PASSWORD });
    expect((await login(ctx, 'wanglei', 'Newpass2026')).actor.userId).toBe(wanglei.userId);
  });

  it('an admin resets another user’s password without it', async () => {
    await setPassword(ctx, w.actors['admin.donghu'], w.users.zhaogang.id, 'Reset2026x');
    expect((await login(ctx, 'zhaogang', 'Reset2026x')).actor.userId).toBe(w.users.zhaogang.id);
  });
});

/** Account rules over HTTP: own roles, own password, the national calendar (the services' tests hold the details). */
import { describe, expect, it } from 'vitest';
import { worldApp } from './test-app.ts';

const t = worldApp();

describe('accounts over HTTP', () => {
  it('nobody changes their own roles: PATCH /api/users/:id on oneself answers 403', async () => {
    const admin = await t.login('admin.donghu');
    const res = await t.app.inject({ method: 'PATCH', url: `/api/users/${t.w.users['admin.donghu'].id}`, headers: { cookie: admin }, payload: { roles: ['admin', 'head'] } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN', message: '不能修改本人的角色，请由其他管理员办理' });
  });

  it('a password change requires the current password; an admin reset of another user does not', async () => {
    const officer = await t.login('zhaogang');
    const url = `/api/users/${t.w.users.zhaogang.id}/password`;
    const missing = await t.app.inject({ method: 'PUT', url, headers: { cookie: officer }, payload: { password: 'Newpass2026' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'VALIDATION', message: '当前密码不正确' });
    const ok = await t.app.inject({ method: 'PUT', url, headers: { cookie: officer }, payload: { password: 'Newpass2026', currentPassword: 'Demo2026' } });
    expect(ok.statusCode).toBe(204);
    const admin = await t.login('admin.donghu');
    const reset = await t.app.inject({ method: 'PUT', url, headers: { cookie: admin }, payload: { password: 'Reset2026x' } });
    expect(reset.statusCode).toBe(204);
    await t.login('zhaogang', 'Reset2026x');
  });

  it('only the top-level admin edits the national holiday calendar', async () => {
    const district = await t.app.inject({ method: 'PUT', url: '/api/calendar/overrides/2027-02-02', headers: { cookie: await t.login('admin.donghu') }, payload: { kind: 'holiday' } });
    expect(district.statusCode).toBe(403);
    expect(district.json()).toMatchObject({ message: '法定节假日日历为全国统一数据，仅市级（顶层）管理员可以维护' });
    const city = await t.app.inject({ method: 'PUT', url: '/api/calendar/overrides/2027-02-02', headers: { cookie: await t.login('admin') }, payload: { kind: 'holiday' } });
    expect(city.statusCode).toBe(200);
  });
});

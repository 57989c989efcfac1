/** Holidays entered by range (issue 15 admin): one name over start–end, each day audited, all or nothing. */
import { describe, expect, it } from 'vitest';
import { worldApp } from './test-app.ts';

const t = worldApp();

async function post(username: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url: '/api/calendar/ranges', headers: { cookie: await t.login(username) }, payload: payload as object });
}
async function overrides(year: number) {
  return (await t.app.inject({ method: 'GET', url: `/api/calendar/overrides?year=${year}`, headers: { cookie: await t.login('admin') } })).json().overrides as { date: string; kind: string; name: string }[];
}

describe('calendar ranges', () => {
  it('enters every day of the range under one name, across a year end, and the calendar counts them as rest days', async () => {
    const res = await post('admin', { from: '2030-12-30', to: '2031-01-02', kind: 'holiday', name: '测试假期' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().days.map((d: { date: string }) => d.date)).toEqual(['2030-12-30', '2030-12-31', '2031-01-01', '2031-01-02']);
    expect((await overrides(2030)).filter((o) => o.name === '测试假期').map((o) => o.date)).toEqual(['2030-12-30', '2030-12-31']);
    expect((await overrides(2031)).filter((o) => o.name === '测试假期')).toHaveLength(2);
    const days = await t.app.inject({ method: 'GET', url: '/api/calendar/days?from=2030-12-30&to=2030-12-31', headers: { cookie: await t.login('wanglei') } });
    expect(days.json().days.every((d: { working: boolean }) => !d.working)).toBe(true);
  });

  it('refuses a reversed range, a range over 31 days, a missing name, or a district admin — and enters nothing', async () => {
    const cases = [
      [{ from: '2032-05-05', to: '2032-05-01', kind: 'holiday', name: '倒序' }, '结束日期不能早于开始日期'],
      [{ from: '2032-01-01', to: '2032-03-01', kind: 'holiday', name: '太长' }, '一次最多录入 31 天'],
      [{ from: '2032-05-01', to: '2032-05-03', kind: 'holiday', name: ' ' }, '请填写节日名称'],
      [{ from: '2032-02-30', to: '2032-03-01', kind: 'holiday', name: '无效日期' }, '日期格式应为 YYYY-MM-DD'],
    ] as const;
    for (const [payload, message] of cases) {
      const res = await post('admin', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message + JSON.stringify(res.json().details ?? {})).toContain(message);
    }
    expect((await post('admin.donghu', { from: '2032-05-01', to: '2032-05-03', kind: 'holiday', name: '区级' })).statusCode).toBe(403);
    expect(await overrides(2032)).toEqual([]);
  });
});

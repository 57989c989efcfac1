/** The audit trail browsed by subject (issue 15 admin): a case by id or act code, paged newest first, scoped. */
import { describe, expect, it } from 'vitest';
import { newCase } from '../services/testing/factories.ts';
import { worldApp } from './test-app.ts';

const t = worldApp();

async function get(username: string, query: string) {
  return t.app.inject({ method: 'GET', url: `/api/audit/records?${query}`, headers: { cookie: await t.login(username) } });
}

describe('GET /api/audit/records', () => {
  it('lists a case’s records newest first with labels and actors, paged, by id or by act code', async () => {
    const c = await newCase(t.ctx, t.w, { state: 'investigating' });
    const all = await get('supervisor', `subjectType=case&subjectId=${c.id}&limit=100`);
    expect(all.statusCode, all.body).toBe(200);
    const page = all.json();
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.items).toHaveLength(page.total);
    const seqs = page.items.map((i: { seq: number }) => i.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const first = page.items.at(-1);
    expect(first).toMatchObject({ seq: 1, actorName: '王磊' });
    expect(first.actionLabel).not.toMatch(/^case\./);
    const byCode = (await get('supervisor', `subjectType=case&subjectId=${c.actCode.toLowerCase()}&limit=2&offset=1`)).json();
    expect(byCode.total).toBe(page.total);
    expect(byCode.items.map((i: { seq: number }) => i.seq)).toEqual(seqs.slice(1, 3));
  });

  it('is scoped: the district admin sees its case; national records only for top-level users; other roles are refused', async () => {
    const c = await newCase(t.ctx, t.w, { state: 'clue' });
    expect((await get('admin.donghu', `subjectType=case&subjectId=${c.id}`)).json().total).toBeGreaterThan(0);
    expect((await get('head.xishan', `subjectType=case&subjectId=${c.id}`)).statusCode).toBe(403);
    expect((await get('wanglei', `subjectType=case&subjectId=${c.id}`)).statusCode).toBe(403);
    const set = await t.app.inject({ method: 'PUT', url: '/api/calendar/overrides/2033-05-06', headers: { cookie: await t.login('admin') }, payload: { kind: 'holiday', name: '审计测试' } });
    expect(set.statusCode).toBe(200);
    expect((await get('admin', 'subjectType=calendar&subjectId=2033')).json().total).toBe(1);
    expect((await get('admin.donghu', 'subjectType=calendar&subjectId=2033')).json().total).toBe(0);
  });

  it('a bad subject type or an unknown act code is a Chinese error', async () => {
    const bad = await get('supervisor', 'subjectType=nonsense&subjectId=1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('审计对象类型');
    const unknown = await get('supervisor', 'subjectType=case&subjectId=ABC');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toContain('案件');
  });
});

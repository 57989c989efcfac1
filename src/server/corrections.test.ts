/**
 * HTTP: 更正 of a step's recorded data (`correctRecord` through POST /api/cases/:id/transitions): the case view lists
 * what may be corrected per record item; a correction answers with the new view, the timeline entry holding the old
 * value, the new value and the reason; refused corrections answer in Chinese and write nothing.
 */
import { describe, expect, it } from 'vitest';
import { newCase } from '../services/testing/factories.ts';
import { worldApp } from './test-app.ts';

const t = worldApp();

describe('POST /api/cases/:id/transitions { action: correctRecord }', () => {
  it('corrects the time of the decision’s service, shows it in the timeline, and refuses the notice’s date (第四十七条)', async () => {
    const c = await newCase(t.ctx, t.w, { state: 'enforcing' });
    t.ctx.clock = () => new Date('2026-03-20T01:00:00Z');
    const cookie = await t.login('zhaogang');
    const view = (await t.app.inject({ method: 'GET', url: `/api/cases/${c.id}`, headers: { cookie } })).json();
    const targets = view.corrections as { target: string; step: string; fields: { field: string; locked: string | null }[] }[];
    expect(targets.map((x) => x.step)).toEqual(['notify', 'serve']);
    expect(view.availableActions.map((a: { action: string }) => a.action)).toContain('correctRecord');
    const serve = targets.find((x) => x.step === 'serve')!;
    const notice = targets.find((x) => x.step === 'notify')!;

    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/transitions`,
      headers: { cookie },
      payload: { expectedVersion: view.version, action: 'correctRecord', target: notice.target, field: 'serviceDate', value: '2026-03-11', reason: '送达日期录入有误' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('成文日期') });

    const missingReason = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/transitions`,
      headers: { cookie },
      payload: { expectedVersion: view.version, action: 'correctRecord', target: serve.target, field: 'serviceTime', value: '16:20' },
    });
    expect(missingReason.statusCode).toBe(400);
    expect(JSON.stringify(missingReason.json())).toContain('更正理由');

    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/transitions`,
      headers: { cookie },
      payload: { expectedVersion: view.version, action: 'correctRecord', target: serve.target, field: 'serviceTime', value: '16:20', reason: '送达回证记载为16:20' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after.version).toBe(view.version + 1);
    expect(after.record.services[1]).toMatchObject({ document: 'decision', time: '16:20' });
    const [latest] = (await t.app.inject({ method: 'GET', url: `/api/cases/${c.id}/timeline?limit=1`, headers: { cookie } })).json().items;
    expect(latest).toMatchObject({ label: '更正记录', actorName: '赵刚', change: { reason: '送达回证记载为16:20', correction: { from: '10:00', to: '16:20' } } });
  });
});

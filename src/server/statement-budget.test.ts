// Statement budgets (issue 16): how many SQL statements one HTTP request may run, per endpoint. Each statement is a
// round trip to the database (and, inside a write, time a lock is held), so a change that adds one to a hot path
// must raise the budget here, on purpose. Counted by the database's statement tap (src/db/statements.ts; BEGIN and
// COMMIT not counted). The budgets hold with cold caches too (the calendar and the case settings are cached for 5 s,
// sessions for 10 s, src/db/reference-cache.ts — a slow run may find them expired: one statement each). Not a timing
// test: speed is measured by `npm run bench`.
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { countStatements } from '../db/statements.ts';
import { newCase, newPerson, newPowerItem } from '../services/testing/factories.ts';
import { worldApp } from './test-app.ts';

const budgets = {
  caseView: 3,
  caseTimeline: 2,
  transition: 9,
  clueRegistration: 9,
  caseList: 3,
  publicDecision: 2,
  publicActLookup: 1,
} as const;

describe('statements per request', () => {
  const t = worldApp();

  async function measure(name: keyof typeof budgets, request: InjectOptions, status = 200) {
    const { result: res, count, statements } = await countStatements(t.ctx.db, () => t.app.inject(request));
    expect(res.statusCode, res.body).toBe(status);
    expect.soft(count, `${name}: ${count} statements (budget ${budgets[name]}):\n${statements.join('\n')}`).toBeLessThanOrEqual(budgets[name]);
    return res;
  }

  it('keeps each endpoint within its budget', async () => {
    const cookie = await t.login('wanglei');
    const item = await newPowerItem(t.ctx, t.w.org.district.id);
    const closed = await newCase(t.ctx, t.w, { state: 'closed', powerItemId: item.id });
    const notified = await newCase(t.ctx, t.w, { state: 'notified', powerItemId: item.id });

    await measure(
      'clueRegistration',
      {
        method: 'POST',
        url: '/api/cases',
        headers: { cookie },
        payload: {
          clueSource: 'patrol',
          title: '涉嫌擅自占用城市道路摆摊设点案',
          facts: '当事人在人行道上摆摊销售水果。',
          place: '云城市东湖区南湖路',
          actStartedOn: '2026-03-01',
          actEndedOn: '2026-03-01',
          discoveredOn: '2026-03-02',
          powerItemId: item.id,
          party: newPerson(),
        },
      },
      201,
    );
    await measure('caseView', { method: 'GET', url: `/api/cases/${closed.id}`, headers: { cookie } });
    await measure('caseTimeline', { method: 'GET', url: `/api/cases/${closed.id}/timeline`, headers: { cookie } });
    await measure('caseTimeline', { method: 'GET', url: `/api/cases/${closed.id}/timeline?before=3&limit=2`, headers: { cookie } });
    // An open case: its offered steps are probed on the guards' facts, read with the view in its one statement.
    const view = (await measure('caseView', { method: 'GET', url: `/api/cases/${notified.id}`, headers: { cookie } })).json<{ version: number }>();
    await measure('transition', {
      method: 'POST',
      url: `/api/cases/${notified.id}/transitions`,
      headers: { cookie },
      payload: { expectedVersion: view.version, action: 'recordStatement', content: '当事人称系临时摆放，请求从轻处罚' },
    });
    await measure('caseList', { method: 'GET', url: '/api/cases?limit=20', headers: { cookie } });
    await measure('caseList', { method: 'GET', url: '/api/cases?limit=20&state=closed&q=%E6%91%86%E6%91%8A', headers: { cookie } });
    const page = (await t.app.inject({ method: 'GET', url: '/api/public/decisions' })).json<{ items: { id: number }[] }>();
    expect(page.items.length).toBeGreaterThan(0);
    await measure('publicDecision', { method: 'GET', url: `/api/public/decisions/${page.items[0]!.id}` });
    await measure('publicActLookup', { method: 'GET', url: `/api/public/acts/${closed.actCode}` });
  });
});

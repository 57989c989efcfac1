/**
 * The annual report's figures over HTTP (issue #19 item 1): a unit's indicator table, a hand-entered figure with its
 * supporting file, the drill-down, and refusals that change nothing. On the factories' small world, no records.
 */
import { describe, expect, it } from 'vitest';
import { worldApp } from './test-app.ts';

const t = worldApp();
const year = new Date().getFullYear() - 1;

async function as(username: string, method: 'GET' | 'PUT', url: string, payload?: unknown) {
  const res = await t.app.inject({ method, url, headers: { cookie: await t.login(username) }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.json<Record<string, unknown> & { indicators?: { key: string; value: number | null; source: string; note?: string }[] }>() };
}

function multipart(fields: Record<string, string | Blob>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string') form.append(k, v);
    else form.append(k, v, '学法记录.csv');
  }
  return new Response(form);
}

describe('GET /api/organizations/:id/indicators and the hand-entered figures', () => {
  it('lists every key, none by default; the legal section enters one, shown as 手工填报; the supervisor reads it and its file', async () => {
    const unit = t.w.org.district.id;
    const empty = await as('supervisor', 'GET', `/api/organizations/${unit}/indicators?year=${year}`);
    expect(empty.status).toBe(200);
    expect(empty.body.indicators).toHaveLength(48);
    // Only the stocks read from today's users (certified officers) have values; nothing else is 0 by default.
    expect(empty.body.indicators!.filter((r) => r.source !== 'none').map((r) => r.key)).toEqual(['enforcement_officers', 'legal_review_staff_ratio']);
    expect(empty.body.indicators!.filter((r) => r.source === 'none').every((r) => r.value === null && !!r.note)).toBe(true);

    const put = await as('reviewer.donghu', 'PUT', `/api/organizations/${unit}/indicators/law_study_sessions/manual`, { year, value: 5, sourceNote: '党组理论学习中心组记录' });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ key: 'law_study_sessions', value: 5, source: 'hand-entered', manual: { value: 5, sourceNote: '党组理论学习中心组记录', enteredBy: '林晓' } });

    const form = multipart({ year: String(year), file: new Blob(['学法,次数\n专题学法,5\n'], { type: 'text/csv' }) });
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/organizations/${unit}/indicators/law_study_sessions/manual/attachment`,
      headers: { cookie: await t.login('reviewer.donghu'), 'content-type': form.headers.get('content-type')! },
      payload: Buffer.from(await form.arrayBuffer()),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const file = await t.app.inject({ method: 'GET', url: `/api/organizations/${unit}/indicators/law_study_sessions/manual/attachment?year=${year}`, headers: { cookie: await t.login('supervisor') } });
    expect([file.statusCode, file.headers['content-type'], file.body]).toEqual([200, 'text/csv', '学法,次数\n专题学法,5\n']);

    const city = await as('supervisor', 'GET', `/api/organizations/${t.w.org.city.id}/indicators?year=${year}`);
    expect(city.body.indicators!.find((r) => r.key === 'law_study_sessions')).toMatchObject({ value: 5, source: 'hand-entered' });
    const drill = await as('supervisor', 'GET', `/api/organizations/${t.w.org.city.id}/indicators/law_study_sessions/records?year=${year}`);
    expect(drill.body).toMatchObject({ key: 'law_study_sessions', records: [], manual: [{ organizationId: unit, value: 5 }] });
  });

  it('refuses bad input and other units clearly, changing nothing', async () => {
    const unit = t.w.org.district.id;
    const url = `/api/organizations/${unit}/indicators/trained_persons/manual`;
    expect(await as('reviewer.donghu', 'PUT', url, { year, value: 1.5, sourceNote: '培训签到表' })).toMatchObject({ status: 400, body: { message: '“参训人数”是件数/次数，应为整数' } });
    expect((await as('reviewer.donghu', 'PUT', url, { year, value: 3 })).status).toBe(400);
    expect((await as('reviewer.donghu', 'PUT', `/api/organizations/${unit}/indicators/nothing/manual`, { year, value: 3, sourceNote: '培训签到表' })).status).toBe(400);
    expect((await as('head.xishan', 'PUT', url, { year, value: 3, sourceNote: '培训签到表' })).status).toBe(404);
    expect((await as('supervisor', 'PUT', url, { year, value: 3, sourceNote: '培训签到表' })).status).toBe(403);
    expect((await as('supervisor', 'GET', `/api/organizations/${unit}/indicators?year=abc`)).status).toBe(400);
    const after = await as('supervisor', 'GET', `/api/organizations/${unit}/indicators?year=${year}`);
    expect(after.body.indicators!.find((r) => r.key === 'trained_persons')).toMatchObject({ value: null, source: 'none' });
  });
});

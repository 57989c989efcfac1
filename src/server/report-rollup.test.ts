/**
 * The supervisor's roll-up over HTTP (issue #19 item 5): a unit's report uploaded as a .txt, analyzed, its figures in
 * the roll-up flagged extracted; weights and ranking; the XLSX; the comparison; refusals that change nothing.
 * On the factories' small world (no records), last year.
 */
import { describe, expect, it } from 'vitest';
import { worldApp } from './test-app.ts';

const t = worldApp();
const year = new Date().getFullYear() - 1;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function as(username: string, method: 'GET' | 'PUT', url: string, payload?: unknown) {
  const res = await t.app.inject({ method, url, headers: { cookie: await t.login(username) }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.json<Json>(), headers: res.headers, raw: res.rawPayload };
}

async function upload(username: string, unitId: number, fields: Record<string, string>, text: string, fileName = '年度报告.txt') {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([text], { type: 'text/plain' }), fileName);
  const encoded = new Response(form);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/organizations/${unitId}/report-uploads`,
    headers: { cookie: await t.login(username), 'content-type': encoded.headers.get('content-type')! },
    payload: Buffer.from(await encoded.arrayBuffer()),
  });
  return { status: res.statusCode, body: res.json<Json>() };
}

const report = (unit: string) => `${unit}${year}年法治政府建设年度报告

一、主要举措和成效
全年办理行政处罚案件15件。组织专题学法6次。
二、存在的不足和原因
执法力量不足。
三、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人带头学法。
四、${year + 1}年工作打算
继续加强执法规范化建设。
`;

describe('report uploads and the roll-up over HTTP', () => {
  it('the supervisor uploads 西山区’s report; the roll-up shows it published, its figures extracted with their sentence; weights rank; XLSX; comparison', async () => {
    const city = t.w.org.city.id;
    const xishan = t.w.org.otherDistrict;
    const up = await upload('supervisor', xishan.id, { year: String(year) }, report(xishan.name));
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body).toMatchObject({ organizationId: xishan.id, year, version: 1, analysis: { missingSections: [] } });

    const list = await as('head.xishan', 'GET', `/api/organizations/${xishan.id}/report-uploads?year=${year}`);
    expect(list.body).toHaveLength(1);
    const file = await t.app.inject({ method: 'GET', url: `/api/organizations/${xishan.id}/report-uploads/${up.body.id}/file`, headers: { cookie: await t.login('supervisor') } });
    expect([file.statusCode, file.headers['content-type'], file.body]).toEqual([200, 'text/plain', report(xishan.name)]);

    const rollup = await as('supervisor', 'GET', `/api/organizations/${city}/report-rollup?year=${year}`);
    expect(rollup.status, JSON.stringify(rollup.body)).toBe(200);
    expect(rollup.body.units.map((u: Json) => [u.name, u.status])).toEqual([
      [t.w.org.district.name, expect.stringMatching(/^(not-started|missing)$/)],
      [xishan.name, expect.stringMatching(/^(published|late)$/)],
    ]);
    const penalty = rollup.body.indicators.find((i: Json) => i.key === 'penalty_cases');
    expect(penalty.cells[1]).toMatchObject({ value: 15, source: 'extracted', extracted: { text: '全年办理行政处罚案件15件。', fileName: '年度报告.txt' } });
    expect(penalty.total).toMatchObject({ value: 15, source: 'extracted' });
    expect(rollup.body.ranking).toEqual([]);

    const weights = await as('supervisor', 'PUT', `/api/organizations/${city}/report-rollup/weights`, { year, weights: [{ key: 'penalty_cases', weight: 100 }] });
    expect(weights.status, JSON.stringify(weights.body)).toBe(200);
    const ranked = await as('supervisor', 'GET', `/api/organizations/${city}/report-rollup?year=${year}&depth=all`);
    expect(ranked.body.units).toHaveLength(5);
    expect(ranked.body.ranking.map((r: Json) => [r.name, r.score, r.rank])).toEqual([
      [xishan.name, 100, 1],
      [t.w.org.district.name, 0, 2],
    ]);

    const xlsx = await t.app.inject({ method: 'GET', url: `/api/organizations/${city}/report-rollup/export?year=${year}`, headers: { cookie: await t.login('supervisor') } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');

    const cmp = await as('supervisor', 'GET', `/api/organizations/${city}/report-comparison?year=${year}&units=${xishan.id},${t.w.org.district.id}`);
    expect(cmp.status, JSON.stringify(cmp.body)).toBe(200);
    expect(cmp.body.reports.map((r: Json) => [r.kind, r.missingSections])).toEqual([
      ['uploaded', []],
      ['none', ['measures', 'shortcomings', 'responsibility', 'plan']],
    ]);
  }, 120_000);

  it('refuses bad input and others clearly, changing nothing', async () => {
    const district = t.w.org.district;
    const count = async () => (await as('supervisor', 'GET', `/api/organizations/${t.w.org.city.id}/report-uploads`)).body.length as number;
    const before = await count();
    expect(await upload('supervisor', district.id, { year: String(year) }, '报告', '东湖区.xls')).toMatchObject({ status: 400, body: { message: '年度报告请上传 .docx、.pdf 或 .txt 文件（不接受 .xls）' } });
    expect(await upload('supervisor', district.id, { year: 'abc' }, report(district.name))).toMatchObject({ status: 400 });
    expect(await upload('wanglei', t.w.org.brigade.id, { year: String(year) }, report(district.name))).toMatchObject({ status: 403 });
    expect(await upload('head.xishan', district.id, { year: String(year) }, report(district.name))).toMatchObject({ status: 404 });
    expect(await count()).toBe(before);
    expect((await as('supervisor', 'GET', `/api/organizations/${t.w.org.city.id}/report-rollup?year=${year}&depth=0`)).status).toBe(400);
    expect((await as('supervisor', 'GET', `/api/organizations/${t.w.org.city.id}/report-comparison?year=${year}&units=${district.id}`)).body).toMatchObject({ code: 'VALIDATION' });
    expect((await as('supervisor', 'PUT', `/api/organizations/${t.w.org.city.id}/report-rollup/weights`, { year, weights: [{ key: 'penalty_cases', weight: 5 }, { key: 'penalty_cases', weight: 6 }] })).body).toMatchObject({ message: expect.stringContaining('同一指标只能设置一个权重') });
    expect((await as('head.donghu', 'GET', `/api/organizations/${district.id}/report-rollup?year=${year}`)).status).toBe(403);
  }, 60_000);
});

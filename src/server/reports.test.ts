import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newWorld } from '../services/testing/factories.ts';
import { createTestApp } from './test-app.ts';

const samples = path.resolve(import.meta.dirname, '../../../shared/samples/reports');
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  // The demo's organizations and users (with their certificates), without its cases.
  await newWorld(t.ctx);
});
afterAll(() => t.close());

// A realistic report written for this test, so it runs without the shared samples.
const written = `云城市东湖区城市管理和综合行政执法局2025年法治政府建设情况报告
2025年，我局认真贯彻落实法治政府建设各项部署，现将有关情况报告如下。
一、主要举措和成效
（一）强化学法用法。全年组织专题学法6次，为86名执法人员集中培训。
（二）规范执法行为。法制机构共审核执法案件148件，公示行政处罚决定52件。
二、存在的不足
执法队伍专业化水平有待提高。
三、党政主要负责人履行推进法治建设第一责任人职责情况
局主要负责人带头学法，亲自部署法治建设重要工作。
四、2026年工作打算
持续推进严格规范公正文明执法。
云城市东湖区城市管理和综合行政执法局
2026年1月15日`;

describe('POST /api/reports/analyze', () => {
  it('analyzes several uploaded reports in order; an unreadable one gets its own error', async () => {
    const cookie = await t.login('supervisor');
    const form = new FormData();
    form.append('files', new Blob([written], { type: 'text/plain' }), 'donghu-2025.txt');
    form.append('files', new Blob([new Uint8Array(0)]), 'empty.txt');
    const res = await t.app.inject({ method: 'POST', url: '/api/reports/analyze', headers: { cookie }, payload: form });
    expect(res.statusCode).toBe(200);
    const [report, empty] = res.json() as [Record<string, unknown>, { error: { message: string } }];
    expect(report).toMatchObject({ file: 'donghu-2025.txt', organization: '云城市东湖区城市管理和综合行政执法局', year: 2025, date: '2026-01-15', missingSections: [] });
    const values = Object.fromEntries((report.indicators as { key: string; value: number }[]).map((i) => [i.key, i.value]));
    expect(values).toMatchObject({ law_study_sessions: 6, trained_persons: 86, legal_reviews: 148, penalties_published: 52 });
    expect(empty.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it.skipIf(!existsSync(samples))('analyzes a real sample report the same way as the CLI', async () => {
    const data = await readFile(path.join(samples, 'yunyang-cgj-2023.txt'));
    const cookie = await t.login('supervisor');
    const form = new FormData();
    form.append('files', new Blob([data]), 'yunyang-cgj-2023.txt');
    const res = await t.app.inject({ method: 'POST', url: '/api/reports/analyze', headers: { cookie }, payload: form });
    expect(res.json()[0]).toMatchObject({ organization: '云阳县城市管理局', year: 2023, date: '2024-01-12' });
  });

  it('requires a login and a multipart body', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/reports/analyze', payload: {} })).statusCode).toBe(401);
    const cookie = await t.login('supervisor');
    const res = await t.app.inject({ method: 'POST', url: '/api/reports/analyze', headers: { cookie }, payload: { a: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('multipart');
  });
});

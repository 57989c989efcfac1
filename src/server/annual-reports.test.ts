/**
 * The annual report end to end over HTTP (issue #19 items 2–3, acceptance): draft → edit → refresh → 法制科审核 →
 * 审定 → 公开; the published .docx opens in LibreOffice and shows the figures; the appendix's SM2 signature verifies
 * with the public key from the public route; a record changed after publication makes the verification fail.
 * On the factories' small world; the report is of last year, so it is published after 31 March: late.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sm3 } from '../domain/audit/digest.ts';
import { convertDocxToPdf, findSoffice, readPdf } from '../services/documents/pdf.ts';
import { readSealLine } from '../services/reports/render-report.ts';
import { sealSignatureValid, verifyReportPdf, verifyReportSeal } from '../services/reports/verify-report.ts';
import type { SignedReportSeal } from '../domain/reports/views.ts';
import { worldApp } from './test-app.ts';

const t = worldApp();
const year = new Date().getFullYear() - 1;
const hasSoffice = findSoffice() !== undefined;

interface Report {
  id: number;
  state: string;
  version: number;
  late: boolean;
  authorId: number | null;
  returnReason: string | null;
  actions: string[];
  draft: { title: string; parts: { key: string; sections: { key: string; paragraphs: { id: string; origin: string; segments: { kind: string; key?: string; text: string; source?: string }[] }[] }[] }[] };
  published: { docxDigest: string; pdfDigest: string | null; contentDigest: string; seal: SignedReportSeal } | null;
}

async function call(username: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  const headers = username ? { cookie: await t.login(username) } : {};
  const res = await t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.headers['content-type']?.toString().startsWith('application/json') ? res.json<Record<string, unknown>>() : {}, raw: res.rawPayload, headers: res.headers };
}
const reportUrl = () => `/api/organizations/${t.w.org.district.id}/reports/${year}`;
const paragraphsOf = (r: Report) => r.draft.parts.flatMap((p) => p.sections.flatMap((s) => s.paragraphs));
const step = async (username: string, version: number, action: string, extra: Record<string, unknown> = {}) => call(username, 'POST', `${reportUrl()}/steps`, { action, expectedVersion: version, ...extra });

describe('the annual report: draft → edit → review → publish, signed and verifiable', () => {
  it('goes the whole way', async () => {
    const unit = t.w.org.district.id;
    // A figure the unit keeps outside Fazhi, entered by hand before the draft.
    expect((await call('reviewer.donghu', 'PUT', `/api/organizations/${unit}/indicators/law_study_sessions/manual`, { year, value: 5, sourceNote: '党组理论学习中心组记录' })).status).toBe(200);

    // Only the unit's own head or legal section drafts; an officer, another district and the supervisor do not.
    expect((await call('wanglei', 'POST', reportUrl())).status).toBe(403);
    expect((await call('head.xishan', 'POST', reportUrl())).status).toBe(404);
    expect((await call('supervisor', 'POST', reportUrl())).status).toBe(403);
    const created = await call('head.donghu', 'POST', reportUrl());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    let report = created.body as unknown as Report;
    expect(report).toMatchObject({ state: 'drafting', version: 1, late: true, published: null });
    expect((await call('head.donghu', 'POST', reportUrl())).status).toBe(409);
    const study = paragraphsOf(report).find((p) => p.id === 'responsibility:figures')!;
    expect(study.segments.find((s) => s.kind !== 'text')).toMatchObject({ key: 'law_study_sessions', source: 'hand-entered', text: '5次' });

    // Edit: the author's narrative; a figure cannot be typed over (400, nothing changed).
    const narrative = `${year}年，本局坚持严格规范公正文明执法。`;
    const refused = await call('head.donghu', 'PUT', reportUrl(), { expectedVersion: 1, edits: [{ paragraphId: 'responsibility:figures', text: '主要负责人带头学法20次。' }] });
    expect(refused.status).toBe(400);
    const saved = await call('head.donghu', 'PUT', reportUrl(), { expectedVersion: 1, edits: [{ paragraphId: 'measures:enforcement:narrative', text: narrative }] });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    report = saved.body as unknown as Report;
    expect(report.version).toBe(2);
    expect((await call('head.donghu', 'PUT', reportUrl(), { expectedVersion: 1, edits: [{ paragraphId: 'plan:narrative', text: '继续推进。' }] })).status).toBe(409);

    // The hand-entered figure is corrected: refreshing says which figure changed, the author's words stay.
    await call('reviewer.donghu', 'PUT', `/api/organizations/${unit}/indicators/law_study_sessions/manual`, { year, value: 6, sourceNote: '党组理论学习中心组记录（更正）' });
    const refreshed = await call('head.donghu', 'POST', `${reportUrl()}/refresh`, { expectedVersion: 2 });
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
    expect(refreshed.body.changes).toEqual([{ paragraphId: 'responsibility:figures', key: 'law_study_sessions', field: 'value', written: 5, now: 6 }]);
    report = refreshed.body.report as Report;
    expect(paragraphsOf(report).find((p) => p.id === 'measures:enforcement:narrative')!.segments[0]!.text).toBe(narrative);

    // 起草 → 法制科审核: the legal section returns it with a reason; the head submits again; the reviewer passes it.
    report = (await step('head.donghu', report.version, 'submitForReview')).body as unknown as Report;
    expect(report).toMatchObject({ state: 'legalReview', authorId: t.w.users['head.donghu'].id });
    expect((await call('head.donghu', 'PUT', reportUrl(), { expectedVersion: report.version, edits: [{ paragraphId: 'plan:narrative', text: '继续推进。' }] })).status).toBe(422);
    expect((await step('reviewer.donghu', report.version, 'return', { reason: ' ' })).status).toBe(400);
    report = (await step('reviewer.donghu', report.version, 'return', { reason: '第四部分工作打算未写' })).body as unknown as Report;
    expect(report).toMatchObject({ state: 'drafting', returnReason: '第四部分工作打算未写' });
    report = (await call('head.donghu', 'PUT', reportUrl(), { expectedVersion: report.version, edits: [{ paragraphId: 'plan:narrative', text: `${year + 1}年，继续推进严格规范公正文明执法。` }] })).body as unknown as Report;
    report = (await step('head.donghu', report.version, 'submitForReview')).body as unknown as Report;
    report = (await step('reviewer.donghu', report.version, 'passReview')).body as unknown as Report;
    expect(report.state).toBe('headApproval');
    // 主要负责人审定, then 公开.
    expect((await step('reviewer.donghu', report.version, 'approve')).status).toBe(403);
    report = (await step('head.donghu', report.version, 'approve')).body as unknown as Report;
    expect(report.state).toBe('approved');
    const published = await step('head.donghu', report.version, 'publish');
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    report = published.body as unknown as Report;
    expect(report).toMatchObject({ state: 'published', late: true });
    const seal = report.published!.seal;
    expect(seal).toMatchObject({ organizationId: unit, year, contentDigest: report.published!.contentDigest });

    // The public key, fetched without login, verifies the appendix's signature; a changed appendix does not verify.
    const key = await call(null, 'GET', '/api/public/report-key');
    expect(key.status).toBe(200);
    expect(key.body).toMatchObject({ algorithm: 'SM2', userId: '1234567812345678', publicKey: seal.publicKey });
    expect(sealSignatureValid(seal, key.body.publicKey as string)).toBe(true);
    expect(sealSignatureValid({ ...seal, contentDigest: '0'.repeat(64) }, key.body.publicKey as string)).toBe(false);

    // The portal lists it without login, and serves its frozen .docx; a report not published is not there.
    const listed = await call(null, 'GET', `/api/public/reports?year=${year}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: report.id, organizationName: '云城市东湖区城市管理和综合行政执法局', year, late: true, signature: seal.signature })]);
    const publicDocx = await call(null, 'GET', `/api/public/reports/${report.id}/file?format=docx`);
    expect(publicDocx.status).toBe(200);
    expect(sm3(Buffer.from(publicDocx.raw))).toBe(report.published!.docxDigest);

    // The frozen .docx, downloaded; digest as published.
    const docx = await call('supervisor', 'GET', `${reportUrl()}/file?format=docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const verified = await verifyReportSeal(t.ctx.db, seal);
    expect(verified, verified.reason ?? '').toMatchObject({ ok: true, reason: null });

    // Once published the report no longer changes.
    expect((await call('head.donghu', 'PUT', reportUrl(), { expectedVersion: report.version, edits: [{ paragraphId: 'plan:narrative', text: '改动' }] })).status).toBe(422);
    report = (await step('reviewer.donghu', report.version, 'submit')).body as unknown as Report;
    expect(report.state).toBe('submitted');

    if (hasSoffice) {
      // The .docx opens in LibreOffice and shows the title, the figures, the 手工填报 note and the appendix.
      const [pdf] = await convertDocxToPdf([Buffer.from(docx.raw)], { cache: false });
      const text = (await readPdf(pdf!)).pageTexts.join('\n').replace(/\s+/g, '');
      expect(text).toContain(`云城市东湖区城市管理和综合行政执法局关于${year}年度法治政府建设情况的报告`);
      expect(text).toContain('6次');
      expect(text).toContain('手工填报');
      expect(text).toContain('审计校验');
      expect(text).toContain(narrative.slice(0, 10));
      // The stored PDF carries the appendix in a machine-readable form: it verifies against the database.
      const storedPdf = await call('supervisor', 'GET', `${reportUrl()}/file?format=pdf`);
      expect(storedPdf.status).toBe(200);
      expect(readSealLine((await readPdf(Buffer.from(storedPdf.raw))).pageTexts.join('\n'))).toEqual(seal);
      expect((await verifyReportPdf(t.ctx.db, Buffer.from(storedPdf.raw))).ok).toBe(true);
    }

    // A record changed after publication (the hand-entered figure's audit record rewritten in the database): verification fails.
    await t.ctx.db.execute(sql`UPDATE audit_records SET change = jsonb_set(change, '{value}', '60') WHERE action = 'indicator.manual' AND (change->>'value')::numeric = 6`);
    const tampered = await verifyReportSeal(t.ctx.db, seal);
    expect(tampered.ok).toBe(false);
    expect(tampered.reason).toContain('审计记录校验失败');
  }, 120_000);

  it('another district’s legal section cannot act on a report; the supervisor reads it', async () => {
    const url = `/api/organizations/${t.w.org.otherDistrict.id}/reports/${year}`;
    const created = await call('head.xishan', 'POST', url);
    expect(created.status).toBe(201);
    const submitted = await call('head.xishan', 'POST', `${url}/steps`, { action: 'submitForReview', expectedVersion: 1 });
    expect(submitted.body).toMatchObject({ state: 'legalReview' });
    expect((await call('reviewer.donghu', 'POST', `${url}/steps`, { action: 'passReview', expectedVersion: 2 })).status).toBe(404);
    expect((await call('supervisor', 'GET', url)).status).toBe(200);
    expect((await call(null, 'GET', `/api/public/reports/${(created.body as unknown as Report).id}/file?format=docx`)).status).toBe(404);
  });
});

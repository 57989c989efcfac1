import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3 } from '../domain/audit/digest.ts';
import { createTestApp } from './test-app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let cookie: string;
let decided: { id: number };
let reviewing: { id: number };

beforeAll(async () => {
  t = await createTestApp();
  cookie = await t.login('head.donghu');
  const body = (await t.app.inject({ method: 'GET', url: '/api/cases', headers: { cookie } })).json();
  const list = (Array.isArray(body) ? body : body.items) as { id: number; state: string; title: string }[];
  // The demo's archived 违法建设 case: filed, heard, decided, served, paid and archived.
  decided = list.find((c) => c.state === 'archived' && c.title.includes('擅自建设'))!;
  reviewing = list.find((c) => c.state === 'reviewing')!;
});
afterAll(() => t.close());

const post = (caseId: number, payload: object, who = cookie) =>
  t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/documents`, headers: { cookie: who }, payload });
const list = (caseId: number) => t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/documents`, headers: { cookie } }).then((r) => r.json() as { id: number; digest: string }[]);

describe('generated enforcement documents over HTTP', () => {
  it('lists the document types, including the bound case file', async () => {
    const types = (await t.app.inject({ method: 'GET', url: '/api/document-types', headers: { cookie } })).json() as { name: string }[];
    expect(types.map((x) => x.name)).toEqual(expect.arrayContaining(['行政处罚决定书', '送达回证', '案卷']));
  });

  it('refuses a document the case does not have yet as not applicable (not as missing fields), and stores nothing', async () => {
    const res = await post(reviewing.id, { type: '行政处罚决定书' });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe('本案尚未作出行政处罚决定，不适用《行政处罚决定书》');
    expect(res.json().details).toMatchObject({ document: '行政处罚决定书', notApplicable: '本案尚未作出行政处罚决定' });
    expect(await list(reviewing.id)).toEqual([]);
  });

  it('generates a decision, stores it with its SM3 digest, lists it on the case and serves the same bytes, not to be stored', async () => {
    // The agency's particulars come from the bureau's case settings (agency profile), inherited by the brigade.
    const res = await post(decided.id, { type: '行政处罚决定书', format: 'docx' });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json() as { id: number; digest: string; title: string; number: string | null; fileName: string };
    expect(doc.title).toBe('行政处罚决定书');
    expect(doc.fileName).toMatch(/\.docx$/);
    expect((await list(decided.id)).map((d) => d.id)).toContain(doc.id);

    const file = await t.app.inject({ method: 'GET', url: `/api/cases/${decided.id}/documents/${doc.id}/file`, headers: { cookie } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''");
    // A document names the party: browsers and proxies do not keep it.
    expect(file.headers['cache-control']).toBe('no-store');
    expect(sm3(file.rawPayload)).toBe(doc.digest);
    const text = await (await JSZip.loadAsync(file.rawPayload)).file('word/document.xml')!.async('string');
    expect(text).toContain('行政复议');
    expect(text).toContain('云城市东湖区人民法院');

    const timeline = (await t.app.inject({ method: 'GET', url: `/api/cases/${decided.id}/timeline?limit=200`, headers: { cookie } })).json().items as { action: string }[];
    expect(timeline.map((e) => e.action)).toContain('case.document');
    const supervisor = await t.login('supervisor');
    expect((await t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie: supervisor } })).json()).toMatchObject({ ok: true });
  });

  it('does not let another district generate or read a case’s documents', async () => {
    const other = await t.login('head.xishan');
    expect((await post(decided.id, { type: '行政处罚决定书' }, other)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/cases/${decided.id}/documents`, headers: { cookie: other } })).statusCode).toBe(404);
  });

  it('names the agency-profile field an admin removed from the case settings (no 复议机关), and stores nothing', async () => {
    const admin = await t.login('admin.donghu');
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: admin } })).json() as { organizationId: number };
    const url = `/api/organizations/${String(me.organizationId)}/case-settings`;
    const own = (await t.app.inject({ method: 'GET', url, headers: { cookie: admin } })).json().own as Record<string, unknown>;
    const { reconsiderationBody: _removed, ...rest } = own;
    expect((await t.app.inject({ method: 'PUT', url, headers: { cookie: admin }, payload: rest })).statusCode).toBe(200);
    const before = (await list(decided.id)).length;
    const res = await post(decided.id, { type: '行政处罚决定书' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('行政复议机关');
    expect(await list(decided.id)).toHaveLength(before);
  });
});

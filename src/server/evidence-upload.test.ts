/** Evidence uploads and downloads over HTTP: names normalized, media types allow-listed, downloads never rendered. */
import { describe, expect, it } from 'vitest';
import { newCase } from '../services/testing/factories.ts';
import { worldApp } from './test-app.ts';

const t = worldApp();

async function upload(caseId: number, version: number, file: { fileName: string; mediaType?: string; content: string }) {
  const cookie = await t.login('wanglei');
  return t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/evidence`,
    headers: { cookie },
    payload: {
      expectedVersion: version,
      kind: 'onSiteRecord',
      title: '现场检查笔录',
      fileName: file.fileName,
      ...(file.mediaType === undefined ? {} : { mediaType: file.mediaType }),
      contentBase64: Buffer.from(file.content).toString('base64'),
      collectorIds: [t.w.users.wanglei.id, t.w.users.zhaogang.id],
      place: '南湖路',
      note: '证明当事人占道经营的事实',
    },
  });
}

describe('evidence file names and media types', () => {
  it('evidence media types are an allow-list: text/html is refused with 400 naming the accepted kinds', async () => {
    const c = await newCase(t.ctx, t.w, { state: 'investigating' });
    const res = await upload(c.id, c.version, { fileName: 'page.html', mediaType: 'text/html', content: '<script>alert(1)</script>' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION' });
    expect(res.json().message).toContain('不接受文件类型 text/html');
    expect(res.json().message).toContain('PDF');
    const disguised = await upload(c.id, c.version, { fileName: 'page.html', mediaType: 'text/plain', content: '<script>alert(1)</script>' });
    expect(disguised.statusCode).toBe(400);
  });

  it('evidence file names are normalized, and a download is an attachment with nosniff', async () => {
    const c = await newCase(t.ctx, t.w, { state: 'investigating' });
    const res = await upload(c.id, c.version, { fileName: '../../现场\u202Etxt.exe\u0007/笔录\u202Efdp.txt', mediaType: 'text/plain', content: '笔录内容' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ fileName: '笔录fdp.txt', mediaType: 'text/plain' });
    const nameless = await upload(c.id, c.version + 1, { fileName: '..', mediaType: 'image/png', content: 'png' });
    expect(nameless.statusCode, nameless.body).toBe(201);
    expect(nameless.json().fileName).toMatch(/^证据文件-[0-9a-f]{8}\.png$/);
    const download = await t.app.inject({ method: 'GET', url: `/api/cases/${c.id}/evidence/1/file`, headers: { cookie: await t.login('wanglei') } });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-type']).toMatch(/^text\/plain/);
  });
});

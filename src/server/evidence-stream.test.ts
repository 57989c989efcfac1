/**
 * Body-camera video over HTTP (issue 15, “evidence in the field”): POST /api/cases/:id/evidence/stream takes a
 * multipart form whose file is streamed to the file store while its SM3 digest is computed. The stored digest is
 * the one GET …/evidence/verify recomputes; a video may be larger than the 8 MB every other type keeps; a refused,
 * too large or broken upload leaves no evidence record and no file (not even a temporary one).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3 } from '../domain/audit/digest.ts';
import { MAX_EVIDENCE_BYTES } from '../domain/cases/evidence-files.ts';
import { localFileStore } from '../services/file-store.ts';
import { readCaseTrail } from '../services/cases/case-timeline.ts';
import { getCase } from '../services/cases/get-case.ts';
import { newCase, newWorld, type World } from '../services/testing/factories.ts';
import { systemActor } from '../domain/access.ts';
import { createTestApp, type TestApp } from './test-app.ts';

let t: TestApp;
let w: World;
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'fazhi-stream-'));
  t = await createTestApp({ demo: false, files: localFileStore(root) });
  w = await newWorld(t.ctx);
});
afterAll(async () => {
  await t?.close();
  await rm(root, { recursive: true, force: true });
});

/** Every file under the store's directory, temporary ones included. */
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name))).sort();
}

/** Deterministic bytes that look like an MP4 (an `ftyp` box first), `size` long, made `chunk` bytes at a time. */
function* videoChunks(size: number, seed: number, chunk = 256 * 1024): Generator<Buffer> {
  const head = Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32]);
  let x = seed >>> 0 || 1;
  for (let at = 0; at < size; at += chunk) {
    const length = Math.min(chunk, size - at);
    const words = Buffer.allocUnsafe(Math.ceil(length / 4) * 4);
    for (let i = 0; i < words.length; i += 4) {
      // xorshift32: cheap, reproducible, incompressible enough.
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      words.writeUInt32LE(x, i);
    }
    const part = words.subarray(0, length);
    if (at === 0) head.copy(part, 0, 0, Math.min(head.length, part.length));
    yield part;
  }
}

function video(size: number, seed: number): Buffer {
  return Buffer.concat([...videoChunks(size, seed)]);
}

const BOUNDARY = '----fazhi-test-boundary-7d3a';

/** The form's text fields for the world's case `c`. */
function fields(version: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    expectedVersion: String(version),
    kind: 'audioVisual',
    act: 'inspection',
    title: '执法记录仪视频（现场检查）',
    collectorIds: `${w.users.wanglei.id},${w.users.zhaogang.id}`,
    place: '云城市东湖区南湖路32号',
    note: '证明当事人在人行道摆摊经营的过程',
    ...extra,
  };
}

/** A multipart body as a stream: the text fields, then the file's chunks as they are made (never the whole file). */
function multipart(form: Record<string, string>, file: { name: string; type: string; chunks: Iterable<Buffer> }): Readable {
  const head =
    Object.entries(form)
      .map(([k, v]) => `--${BOUNDARY}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join('') + `--${BOUNDARY}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`;
  return Readable.from(
    (function* () {
      yield Buffer.from(head, 'utf8');
      yield* file.chunks;
      yield Buffer.from(`\r\n--${BOUNDARY}--\r\n`, 'utf8');
    })(),
  );
}

async function post(caseId: number, body: Readable, user = 'wanglei') {
  return t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/evidence/stream`,
    headers: { cookie: await t.login(user), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: body,
  });
}

const evidenceCount = async (caseId: number) => (await getCase(t.ctx, systemActor, caseId, new Date())).evidence.length;

describe('body-camera video streamed to the file store', { timeout: 120_000 }, () => {
  it('a 12 MB video (over the 8 MB of other types) is stored under the SM3 digest verify recomputes, and downloads whole', async () => {
    const c = await newCase(t.ctx, w, { state: 'investigating' });
    const size = 12 * 1024 * 1024 + 3;
    expect(size).toBeGreaterThan(MAX_EVIDENCE_BYTES);
    const bytes = video(size, 15);
    const res = await post(c.id, multipart(fields(c.version), { name: 'DCIM/执法记录仪_0001.MP4', type: 'video/mp4', chunks: videoChunks(size, 15) }));
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json();
    expect(item).toMatchObject({ fileName: '执法记录仪_0001.MP4', mediaType: 'video/mp4', size, digest: sm3(bytes), version: c.version + 1 });
    // Stored under its digest, nothing left in the temporary place.
    const onDisk = await filesOnDisk();
    expect(onDisk).toContain(path.join(item.digest.slice(0, 2), item.digest.slice(2, 4), item.digest));
    expect(onDisk.filter((f) => f.startsWith('tmp'))).toEqual([]);
    const cookie = await t.login('wanglei');
    const verify = await t.app.inject({ method: 'GET', url: `/api/cases/${c.id}/evidence/verify`, headers: { cookie } });
    expect(verify.json()).toMatchObject({ intact: true });
    expect(verify.json().items.find((i: { seq: number }) => i.seq === item.seq)).toMatchObject({ digest: sm3(bytes), intact: true });
    const download = await t.app.inject({ method: 'GET', url: `/api/cases/${c.id}/evidence/${item.seq}/file`, headers: { cookie } });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('video/mp4');
    expect(Number(download.headers['content-length'])).toBe(size);
    expect(createHash('sm3').update(download.rawPayload).digest('hex')).toBe(item.digest);
    // Audited like every other evidence item.
    expect((await readCaseTrail(t.ctx, systemActor, c.id)).some((e) => e.action === 'case.evidence')).toBe(true);
  });

  it('memory does not grow with the file: a 128 MB video streams through with far less than 128 MB more resident memory', async () => {
    const c = await newCase(t.ctx, w, { state: 'investigating' });
    const size = 128 * 1024 * 1024;
    const base = process.memoryUsage().rss;
    let peak = base;
    const sample = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    // The body is made chunk by chunk as it is sent: neither the test nor the server ever holds the whole file.
    const res = await post(c.id, multipart(fields(c.version), { name: 'long.mp4', type: 'video/mp4', chunks: videoChunks(size, 21) }));
    clearInterval(sample);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().size).toBe(size);
    // Measured here: about 20 MB whatever the size (16 MB or 256 MB); a server that buffered the file would add 128 MB or more.
    expect(peak - base).toBeLessThan(64 * 1024 * 1024);
  });

  it('a file over its type\'s limit is refused with 413 and leaves no record and no file: 8 MB for a PDF', async () => {
    const c = await newCase(t.ctx, w, { state: 'investigating' });
    const before = await filesOnDisk();
    const items = await evidenceCount(c.id);
    const res = await post(c.id, multipart(fields(c.version, { kind: 'documentary', title: '营业执照复印件' }), { name: '执照.pdf', type: 'application/pdf', chunks: videoChunks(MAX_EVIDENCE_BYTES + 1, 3) }));
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json()).toMatchObject({ code: 'TOO_LARGE' });
    expect(res.json().message).toContain('证据文件不超过 8 MB');
    expect(await evidenceCount(c.id)).toBe(items);
    expect(await filesOnDisk()).toEqual(before);
  });

  it('a request declaring more than 2 GB is refused before it is read', async () => {
    const c = await newCase(t.ctx, w, { state: 'investigating' });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/evidence/stream`,
      headers: { cookie: await t.login('wanglei'), 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': String(3 * 1024 * 1024 * 1024) },
      payload: Readable.from([Buffer.from('x')]),
    });
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().message).toContain('2 GB');
  });

  it('a type that is not evidence (text/html, an .exe) is refused with 400 before the file is read, and nothing is written', async () => {
    const c = await newCase(t.ctx, w, { state: 'investigating' });
    const before = await filesOnDisk();
    const items = await evidenceCount(c.id);
    const html = await post(c.id, multipart(fields(c.version), { name: 'page.html', type: 'text/html', chunks: [Buffer.from('<script>alert(1)</script>')] }));
    expect(html.statusCode, html.body).toBe(400);
    expect(html.json().message).toContain('不接受文件类型 text/html');
    const exe = await post(c.id, multipart(fields(c.version), { name: 'video.exe', type: 'application/octet-stream', chunks: videoChunks(2 * 1024 * 1024, 4) }));
    expect(exe.statusCode, exe.body).toBe(400);
    expect(exe.json().message).toContain('不接受 .exe 文件');
    const disguised = await post(c.id, multipart(fields(c.version), { name: 'video.mp4', type: 'text/plain', chunks: [Buffer.from('x')] }));
    expect(disguised.statusCode, disguised.body).toBe(400);
    expect(await evidenceCount(c.id)).toBe(items);
    expect(await filesOnDisk()).toEqual(before);
  });

  it('a case that takes no evidence now (a decided case, 《行政处罚法》第五十四条) refuses the upload, and nothing is written', async () => {
    const c = await newCase(t.ctx, w, { state: 'decided' });
    const before = await filesOnDisk();
    const items = await evidenceCount(c.id);
    const res = await post(c.id, multipart(fields(c.version), { name: 'clip.mp4', type: 'video/mp4', chunks: videoChunks(1024 * 1024, 5) }));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ code: 'RULE_VIOLATION' });
    expect(res.json().message).toContain('作出决定前');
    expect(await evidenceCount(c.id)).toBe(items);
    expect(await filesOnDisk()).toEqual(before);
  });

  it('someone not on the case, and a stale version, are refused; the stale upload leaves no file', async () => {
    const c = await newCase(t.ctx, w, { state: 'investigating' });
    const before = await filesOnDisk();
    const items = await evidenceCount(c.id);
    const other = await post(c.id, multipart(fields(c.version), { name: 'clip.mp4', type: 'video/mp4', chunks: videoChunks(64 * 1024, 6) }), 'liuyang');
    expect(other.statusCode).toBe(404);
    const stale = await post(c.id, multipart(fields(c.version - 1), { name: 'clip.mp4', type: 'video/mp4', chunks: videoChunks(2 * 1024 * 1024, 6) }));
    expect(stale.statusCode, stale.body).toBe(409);
    expect(await evidenceCount(c.id)).toBe(items);
    expect(await filesOnDisk()).toEqual(before);
  });

  it('the fields must come before the file; a form without a file, or an empty file, is refused', async () => {
    const c = await newCase(t.ctx, w, { state: 'investigating' });
    const before = await filesOnDisk();
    const items = await evidenceCount(c.id);
    const fileFirst = Readable.from([
      Buffer.from(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="file"; filename="clip.mp4"\r\ncontent-type: video/mp4\r\n\r\nabc\r\n`),
      Buffer.from(Object.entries(fields(c.version)).map(([k, v]) => `--${BOUNDARY}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${BOUNDARY}--\r\n`),
    ]);
    const first = await post(c.id, fileFirst);
    expect(first.statusCode, first.body).toBe(400);
    const noFile = await post(c.id, Readable.from([Buffer.from(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="title"\r\n\r\n视频\r\n--${BOUNDARY}--\r\n`)]));
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().message).toContain('请上传证据文件');
    const { expectedVersion: _v, collectorIds: _c, ...partial } = fields(c.version);
    const missing = await post(c.id, multipart(partial, { name: 'clip.mp4', type: 'video/mp4', chunks: videoChunks(64 * 1024, 8) }));
    expect(missing.statusCode, missing.body).toBe(400);
    expect(missing.json().message).toContain('须提供案件版本号');
    expect(missing.json().message).toContain('取证须至少两名执法人员（《行政处罚法》第四十二条）');
    const empty = await post(c.id, multipart(fields(c.version), { name: 'clip.mp4', type: 'video/mp4', chunks: [] }));
    expect(empty.statusCode, empty.body).toBe(400);
    expect(empty.json().message).toContain('证据文件为空');
    expect(await evidenceCount(c.id)).toBe(items);
    expect(await filesOnDisk()).toEqual(before);
  });

  it('an upload that breaks off mid-file leaves no record and no file', async () => {
    const c = await newCase(t.ctx, w, { state: 'investigating' });
    const before = await filesOnDisk();
    const items = await evidenceCount(c.id);
    const head = multipart(fields(c.version), { name: 'clip.mp4', type: 'video/mp4', chunks: [] });
    const parts: Buffer[] = [];
    for await (const chunk of head) parts.push(chunk as Buffer);
    // The closing boundary never comes: the form ends inside the file.
    const broken = Buffer.concat([parts[0]!, video(3 * 1024 * 1024, 7)]);
    const res = await post(c.id, Readable.from([broken]));
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(await evidenceCount(c.id)).toBe(items);
    expect(await filesOnDisk()).toEqual(before);
  });
});

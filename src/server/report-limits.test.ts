/** Report analysis is bounded: size limits per file and per request (413), and analyses per process (docs/SECURITY.md). */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newWorld } from '../services/testing/factories.ts';
import { ANALYSIS_BUSY_MESSAGE, createAnalysisGate } from './analysis-gate.ts';
import { createTestApp } from './test-app.ts';

const MiB = 1024 * 1024;
const gate = createAnalysisGate({ concurrency: 2, queueLength: 1, maxWaitMs: 10_000 });
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ demo: false, reportLimits: { fileBytes: 1 * MiB, requestBytes: 2 * MiB }, analysisGate: gate });
  await newWorld(t.ctx);
});
afterAll(() => t.close());

const boundary = '----fazhi-report-limits';
const partHead = (name: string) =>
  Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`);
const end = Buffer.from(`\r\n--${boundary}--\r\n`);

/** A multipart body of files of the given sizes, produced lazily; `pulled()` tells how much of it was read. */
function streamedUpload(sizes: number[]): { body: Readable; total: number; pulled: () => number } {
  let pulled = 0;
  const chunk = Buffer.alloc(64 * 1024, '年');
  function* chunks() {
    for (const [i, size] of sizes.entries()) {
      yield Buffer.concat([i === 0 ? Buffer.alloc(0) : Buffer.from('\r\n'), partHead(`report-${i}.txt`)]);
      for (let sent = 0; sent < size; sent += chunk.length) yield chunk.subarray(0, Math.min(chunk.length, size - sent));
    }
    yield end;
  }
  const total = sizes.reduce((a, b) => a + b, 0);
  const body = Readable.from(
    (function* () {
      for (const c of chunks()) {
        pulled += c.length;
        yield c;
      }
    })(),
    { objectMode: false },
  );
  return { body, total, pulled: () => pulled };
}

async function analyze(body: Readable | FormData) {
  const cookie = await t.login('supervisor');
  const headers = body instanceof Readable ? { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` } : { cookie };
  return t.app.inject({ method: 'POST', url: '/api/reports/analyze', headers, payload: body });
}

const report = () => {
  const form = new FormData();
  form.append('files', new Blob(['云城市东湖区城市管理局2025年法治政府建设情况报告\n全年组织专题学法6次。']), 'report.txt');
  return form;
};

describe('report upload limits', () => {
  it('an over-limit file is refused with 413 without being read whole', async () => {
    const upload = streamedUpload([64 * MiB]);
    const res = await analyze(upload.body);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'TOO_LARGE', message: '文件 report-0.txt 超过单个文件上限 1 MB' });
    // Refused once the limit was passed: a small part of the 64 MB was read (stream buffers), not all of it.
    expect(upload.pulled()).toBeLessThan(4 * MiB);
  });

  it('a request over the total limit is refused with 413, each file within its own limit', async () => {
    const upload = streamedUpload([900 * 1024, 900 * 1024, 900 * 1024, 900 * 1024]);
    const res = await analyze(upload.body);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'TOO_LARGE', message: '上传内容合计超过 2 MB，请分批上传' });
  });

  it('files within the limits are analyzed', async () => {
    const res = await analyze(report());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toHaveLength(1);
  });
});

describe('report analyses per process', () => {
  it('a third concurrent analysis waits for a free slot; one more than the queue holds is refused 503', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Two analyses running (held open), so the next one must wait.
    const running = [gate.run(() => held), gate.run(() => held)];
    const third = analyze(report());
    for (let i = 0; i < 200 && gate.load().waiting === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(gate.load()).toEqual({ running: 2, waiting: 1 });
    const fourth = await analyze(report());
    expect(fourth.statusCode).toBe(503);
    expect(fourth.json()).toMatchObject({ code: 'BUSY', message: ANALYSIS_BUSY_MESSAGE });
    expect(fourth.headers['retry-after']).toBe('10');
    release();
    await Promise.all(running);
    const res = await third;
    expect(res.statusCode, res.body).toBe(200);
    expect(gate.load()).toEqual({ running: 0, waiting: 0 });
  });

  it('a wait longer than the limit is refused 503', async () => {
    const impatient = createAnalysisGate({ concurrency: 1, queueLength: 5, maxWaitMs: 20 });
    let release!: () => void;
    const busy = impatient.run(() => new Promise<void>((resolve) => (release = resolve)));
    await expect(impatient.run(async () => 'ran')).rejects.toMatchObject({ code: 'BUSY', message: ANALYSIS_BUSY_MESSAGE });
    release();
    await busy;
    expect(await impatient.run(async () => 'ran')).toBe('ran');
  });
});

import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mod3736CheckChar } from '../domain/cases/codes.ts';
import { PROOF_CHALLENGE_HEADER, PROOF_NONCE_HEADER, solve } from '../domain/proof-of-work.ts';
import { newCase, newWorld, type World } from '../services/testing/factories.ts';
import { createTestApp } from './test-app.ts';

type App = Awaited<ReturnType<typeof createTestApp>>;
let t: App;
let w: World;
/** Act codes of cases by state. */
const codes: Record<'decided' | 'clue' | 'investigating' | 'withdrawn' | 'terminated', string> = { decided: '', clue: '', investigating: '', withdrawn: '', terminated: '' };
let investigatingId = 0;
/** A well-formed code (check character right) that no case carries. */
let unknown = '';

const limits = { actLookupPerAddress: 8, actLookupGlobal: 10_000, missesBeforeProof: 3, proofDifficulty: 8, searchPerAddress: 5 };

beforeAll(async () => {
  t = await createTestApp({ demo: false, publicLimits: limits });
  w = await newWorld(t.ctx);
  for (const state of ['decided', 'clue', 'investigating', 'withdrawn', 'terminated'] as const) {
    const c = await newCase(t.ctx, w, { state });
    codes[state] = c.actCode;
    if (state === 'investigating') investigatingId = c.id;
  }
  const body = `${codes.decided.slice(0, 11)}999999`;
  unknown = `${body}${mod3736CheckChar(body)}`;
});
afterAll(() => t.close());

/** Each test speaks from its own address, so the per-address counters of one do not touch another. */
const lookup = (app: App, code: string, address: string, headers: Record<string, string> = {}) =>
  app.app.inject({ method: 'GET', url: `/api/public/acts/${code}`, remoteAddress: address, headers });
const sha256 = (text: string) => new Uint8Array(createHash('sha256').update(text, 'utf8').digest());

describe('public act-code lookup: only issued decisions answer (《行政处罚法》第四十八条; 《个人信息保护法》第十三条)', () => {
  it('answers for a case with an issued 行政处罚决定, masked, not to be stored', async () => {
    const res = await lookup(t, codes.decided, '10.0.1.1');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ actCode: codes.decided, genuine: true, inForce: true, note: '该执法文书真实有效', party: { name: '张某' } });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers an undecided, withdrawn or terminated case exactly like a code that does not exist', async () => {
    const answer = async (code: string, address: string) => {
      const res = await lookup(t, code, address);
      const headers = { ...res.headers };
      for (const varying of ['date', 'x-request-id', 'content-length', 'x-ratelimit-reset']) delete headers[varying];
      return { status: res.statusCode, body: res.body.replaceAll(code, '<code>'), headers };
    };
    const none = await answer(unknown, '10.0.2.1');
    expect(none.status).toBe(404);
    expect(JSON.parse(none.body)).toEqual({ code: 'NOT_FOUND', message: '未找到行政行为码 <code> 对应的执法行为，请核对或向执法机关咨询' });
    let n = 2;
    for (const state of ['clue', 'investigating', 'withdrawn', 'terminated'] as const) {
      expect(await answer(codes[state], `10.0.2.${n++}`), state).toEqual(none);
    }
  });

  it('still explains a mistyped code (wrong check character): arithmetic reveals nothing', async () => {
    const wrong = `${codes.decided.slice(0, 17)}${codes.decided[17] === '0' ? '1' : '0'}`;
    const res = await lookup(t, wrong, '10.0.3.1');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('校验码');
  });
});

describe('public act-code lookup limits: codes cannot be guessed wholesale', () => {
  it('refuses more lookups per minute from one address than the limit, with 429 and a Chinese message', async () => {
    for (let i = 0; i < limits.actLookupPerAddress; i++) expect((await lookup(t, codes.decided, '10.0.4.1')).statusCode).toBe(200);
    const refused = await lookup(t, codes.decided, '10.0.4.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/频繁/) });
    // Another address is not affected.
    expect((await lookup(t, codes.decided, '10.0.4.2')).statusCode).toBe(200);
  });

  it('refuses more lookups per minute from everyone together than the global limit, with 429', async () => {
    const small = await createTestApp({ demo: false, publicLimits: { ...limits, actLookupGlobal: 4 } });
    try {
      for (let i = 0; i < 4; i++) expect((await lookup(small, unknown, `10.0.5.${i + 1}`)).statusCode).toBe(404);
      const refused = await lookup(small, unknown, '10.0.5.9');
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toEqual({ code: 'RATE_LIMITED', message: '核验请求过多，请稍后再试' });
    } finally {
      await small.close();
    }
  });

  it('after repeated misses from one address asks for a proof of work (428), and answers with a valid fresh solution', async () => {
    const address = '10.0.6.1';
    // The first lookups need no proof: a reader scanning a QR code never sees it.
    for (let i = 0; i < limits.missesBeforeProof; i++) expect((await lookup(t, i === 0 ? codes.clue : unknown, address)).statusCode).toBe(404);
    const asked = await lookup(t, codes.decided, address);
    expect(asked.statusCode).toBe(428);
    expect(asked.json()).toMatchObject({ code: 'PROOF_REQUIRED', message: expect.stringContaining('验证'), details: { challenge: '/api/public/acts/challenge' } });
    // A forged or unsolved challenge does not do.
    expect((await lookup(t, codes.decided, address, { [PROOF_CHALLENGE_HEADER]: 'v1.8.9999999999999.c2FsdHNhbHRzYWx0.AAAAAAAAAAAAAAAAAAAAAA', [PROOF_NONCE_HEADER]: '1' })).statusCode).toBe(428);

    const issued = await t.app.inject({ method: 'GET', url: '/api/public/acts/challenge', remoteAddress: address });
    expect(issued.statusCode).toBe(200);
    const { challenge, difficulty } = issued.json() as { challenge: string; difficulty: number };
    expect(difficulty).toBe(limits.proofDifficulty);
    const nonce = (await solve(challenge, difficulty, sha256))!;
    const proof = { [PROOF_CHALLENGE_HEADER]: challenge, [PROOF_NONCE_HEADER]: nonce };
    const answered = await lookup(t, codes.decided, address, proof);
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ actCode: codes.decided });
    // Another address is not asked.
    expect((await lookup(t, codes.decided, '10.0.6.2')).statusCode).toBe(200);
  });

  it('refuses a solution used once already (a solved challenge is good for one lookup)', async () => {
    const address = '10.0.7.1';
    for (let i = 0; i < limits.missesBeforeProof; i++) await lookup(t, unknown, address);
    const { challenge, difficulty } = (await t.app.inject({ method: 'GET', url: '/api/public/acts/challenge', remoteAddress: address })).json() as { challenge: string; difficulty: number };
    const proof = { [PROOF_CHALLENGE_HEADER]: challenge, [PROOF_NONCE_HEADER]: (await solve(challenge, difficulty, sha256))! };
    expect((await lookup(t, codes.decided, address, proof)).statusCode).toBe(200);
    const reused = await lookup(t, codes.decided, address, proof);
    expect(reused.statusCode).toBe(428);
    expect(reused.json()).toMatchObject({ code: 'PROOF_REQUIRED' });
  });
});

describe('public searches and personal data: limited per address, never stored by browsers or proxies', () => {
  it('limits /api/public/officers per address (429) and marks its answer no-store', async () => {
    for (let i = 0; i < limits.searchPerAddress; i++) {
      const res = await t.app.inject({ method: 'GET', url: '/api/public/officers?q=王磊', remoteAddress: '10.0.8.1' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const refused = await t.app.inject({ method: 'GET', url: '/api/public/officers?q=王磊', remoteAddress: '10.0.8.1' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('limits the published decisions per address and marks the decisions no-store', async () => {
    for (let i = 0; i < limits.searchPerAddress; i++) {
      const res = await t.app.inject({ method: 'GET', url: '/api/public/decisions', remoteAddress: '10.0.9.1' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/public/decisions', remoteAddress: '10.0.9.1' })).statusCode).toBe(429);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/benchmarks', remoteAddress: '10.0.9.2' })).statusCode).toBe(200);
  });

  it('serves an evidence file with Cache-Control: no-store', async () => {
    const cookie = await t.login('wanglei');
    const c = (await t.app.inject({ method: 'GET', url: `/api/cases/${investigatingId}`, headers: { cookie } })).json() as { version: number };
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${investigatingId}/evidence`,
      headers: { cookie },
      payload: {
        expectedVersion: c.version,
        kind: 'onSiteRecord',
        title: '现场检查笔录',
        fileName: '现场检查笔录.pdf',
        mediaType: 'application/pdf',
        contentBase64: Buffer.from('现场检查笔录（测试）').toString('base64'),
        collectorIds: [w.actors.wanglei!.userId, w.actors.zhaogang!.userId],
        place: '南湖路',
        note: '现场情况',
      },
    });
    expect(added.statusCode, added.body).toBe(201);
    const file = await t.app.inject({ method: 'GET', url: `/api/cases/${investigatingId}/evidence/${added.json().seq}/file`, headers: { cookie } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['cache-control']).toBe('no-store');
  });
});

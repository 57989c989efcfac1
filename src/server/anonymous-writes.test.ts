/**
 * Authentication before validation: every write (POST/PUT/PATCH/DELETE) of the OpenAPI document, sent without a
 * session and with a body no schema accepts, answers 401 — never a 400 telling an anonymous caller the route's input
 * rules. Only the login takes writes without a session. New endpoints are covered by being in the document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './test-app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let doc: { paths: Record<string, Record<string, unknown>> };
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
});
afterAll(() => t.close());

const ANONYMOUS_WRITES = ['POST /api/auth/login', 'POST /api/public/inspection-codes/{code}/rating'];

describe('an anonymous write answers 401 before its body is validated', () => {
  it('every write endpoint of the OpenAPI document, with a malformed body, a malformed id, and a multipart body', async () => {
    const answers: string[] = [];
    let writes = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods).map((m) => m.toUpperCase())) {
        if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) || ANONYMOUS_WRITES.includes(`${method} ${path}`)) continue;
        writes++;
        for (const id of ['1', 'abc']) {
          const url = path.replace(/\{\w+\}/g, id);
          for (const [kind, request] of [
            ['json', { payload: { unexpected: 'x'.repeat(3) } }],
            ['text', { payload: 'not json', headers: { 'content-type': 'application/json' } }],
            ['multipart', { payload: '--b\r\n\r\n--b--\r\n', headers: { 'content-type': 'multipart/form-data; boundary=b' } }],
          ] as const) {
            const res = await t.app.inject({ method: method as 'POST', url, ...request });
            if (res.statusCode !== 401) answers.push(`${method} ${url} (${kind}) → ${res.statusCode} ${res.body.slice(0, 120)}`);
          }
        }
      }
    }
    expect(writes).toBeGreaterThan(20);
    expect(answers, answers.join('\n')).toEqual([]);
  });

  it('answers the Chinese 请先登录, and still lets the login through to its own validation', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/cases/1/transitions', payload: {} });
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: {} })).statusCode).toBe(400);
    // An unknown path stays a 404.
    expect((await t.app.inject({ method: 'POST', url: '/api/no-such-thing', payload: {} })).statusCode).toBe(404);
  });
});

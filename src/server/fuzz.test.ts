import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCase, newWorld } from '../services/testing/factories.ts';
import { DATA_EXCEPTION_MESSAGE, toErrorBody } from './errors.ts';
import { INVALID_TEXT_MESSAGE } from './input-guard.ts';
import { createTestApp } from './test-app.ts';

/**
 * Malformed input never answers 5xx. Every operation of the OpenAPI document the app serves — each write
 * (POST/PUT/PATCH/DELETE) and each GET with a path or query parameter — is sent each malformed class: a NUL and a
 * lone surrogate in every string field, parameter and path segment; an id beyond int4 in every id-like field and
 * path parameter; an impossible date in every date field; an empty body; wrong types. New endpoints are covered
 * by being in the document. All failures are collected and printed together.
 */

type Schema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Parameter {
  in: 'path' | 'query';
  required?: boolean;
  name: string;
  schema: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  summary?: string;
}

const HUGE_ID = 99999999999;
const BAD_DATE = '2026-02-30';
const NUL = 'a\u0000b';
const SURROGATE = 'a\ud800b';

let t: Awaited<ReturnType<typeof createTestApp>>;
let doc: { paths: Record<string, Record<string, Operation>> };
const cookies: Record<string, string> = {};
let caseId = 1;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const world = await newWorld(t.ctx);
  caseId = (await newCase(t.ctx, world, { state: 'clue' })).id;
  cookies.admin = await t.login('admin');
  cookies.officer = await t.login('wanglei');
  doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
}, 120_000);
afterAll(() => t.close());

const isDate = (name: string, s: Schema) => s.format === 'date' || /(On|Date|Until|From|^from|^to|^date)$/.test(name);
const isId = (name: string, s: Schema) => s.type === 'integer' && /(^id|Id|Ids)$/.test(name);

/** One plausible value for a schema (the first variant of a union), so that a mutation of one field is what is tested. */
function sample(s: Schema | undefined, name = ''): unknown {
  if (!s) return 'x';
  if (s.allOf) return Object.assign({}, ...(s.allOf as Schema[]).map((p) => sample(p, name)));
  if (s.oneOf ?? s.anyOf) return sample(((s.oneOf ?? s.anyOf) as Schema[]).find((v) => v.type !== 'null'), name);
  if (s.enum) return s.enum[0];
  if (s.const !== undefined) return s.const;
  switch (s.type) {
    case 'object':
      return Object.fromEntries(Object.entries((s.properties ?? {}) as Record<string, Schema>).map(([k, v]) => [k, sample(v, k)]));
    case 'array':
      return Array.from({ length: Math.max(1, (s.minItems as number | undefined) ?? 1) }, () => sample(s.items as Schema, name));
    case 'integer':
    case 'number':
      return /Id|^id|version/i.test(name) ? 1 : Math.max(1, (s.minimum as number | undefined) ?? 1);
    case 'boolean':
      return true;
    case 'string':
      if (isDate(name, s)) return '2026-03-02';
      if (s.format === 'date-time') return '2026-03-02T01:00:00Z';
      return 'x'.repeat(Math.max(2, (s.minLength as number | undefined) ?? 2));
    default:
      return 'x';
  }
}

/** Top-level variants of a body: each branch of a union (a transition per action), else the one sample. */
function bodyVariants(s: Schema | undefined): unknown[] {
  if (!s) return [{}];
  if (s.allOf) {
    const parts = s.allOf as Schema[];
    const union = parts.find((p) => p.oneOf ?? p.anyOf);
    if (union) {
      const base = Object.assign({}, ...parts.filter((p) => p !== union).map((p) => sample(p)));
      return ((union.oneOf ?? union.anyOf) as Schema[]).map((v) => ({ ...base, ...(sample(v) as object) }));
    }
  }
  if (s.oneOf ?? s.anyOf) return ((s.oneOf ?? s.anyOf) as Schema[]).filter((v) => v.type !== 'null').map((v) => sample(v));
  return [sample(s)];
}

interface Leaf {
  path: (string | number)[];
  name: string;
  value: unknown;
}
/** Every leaf (string, number, boolean) of a sampled value, with its path. */
function leaves(value: unknown, path: (string | number)[] = []): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  const name = [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';
  return [{ path, name, value }];
}
function setAt(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1)!] = leaf;
  return copy;
}

/** Percent-encoding that keeps a lone surrogate as the bytes a client could send (ED A0 80, not UTF-8). */
const encode = (value: string) => value.split(SURROGATE).map(encodeURIComponent).join('a%ED%A0%80b');

interface Probe {
  method: string;
  url: string;
  kind: string;
  payload?: unknown;
  multipart?: Record<string, string>;
  /** A probe of one body field (sent as one user). */
  field?: boolean;
}

/** The malformed requests for one operation. */
function probes(method: string, path: string, op: Operation): Probe[] {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const good = (p: Parameter): string => {
    if (p.schema.format === 'date' || p.name === 'date') return '2026-03-02';
    if (p.name === 'year') return '2026';
    if (p.name === 'id') return String(path.startsWith('/api/cases') ? caseId : 1);
    if (p.schema.type === 'integer' || p.schema.type === 'number') return '1';
    if (p.schema.enum) return String(p.schema.enum[0]);
    if (p.schema.type === 'boolean') return 'true';
    return 'x';
  };
  const url = (pathValues: Record<string, string> = {}, query: Record<string, string> = {}) => {
    const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encode(pathValues[name] ?? good(pathParams.find((p) => p.name === name)!)));
    const qs = Object.entries(query).map(([k, v]) => `${k}=${encode(v)}`).join('&');
    return qs ? `${filled}?${qs}` : filled;
  };
  const out: Probe[] = [];
  const body = op.requestBody?.content?.['application/json']?.schema;
  const multipart = /multipart/.test(op.summary ?? '') || /multipart/.test(JSON.stringify(op.requestBody ?? {}));
  const variants = method === 'GET' || method === 'DELETE' ? [undefined] : bodyVariants(body);
  const withBody = (p: Omit<Probe, 'payload'>, payload: unknown): Probe => (payload === undefined ? p : { ...p, payload });

  for (const p of pathParams) {
    const numeric = p.schema.type === 'integer' || p.schema.type === 'number';
    const bad: [string, string][] = [
      ['nul', NUL],
      ['surrogate', SURROGATE],
      ['wrongType', numeric ? 'abc' : '123'],
    ];
    if (numeric) bad.push(['hugeId', String(HUGE_ID)], ['negative', '-1'], ['fraction', '1.5']);
    if (good(p) === '2026-03-02') bad.push(['badDate', BAD_DATE]);
    for (const [kind, value] of bad) out.push(withBody({ method, url: url({ [p.name]: value }), kind: `${kind} in path ${p.name}` }, variants[0]));
  }
  for (const p of queryParams) {
    const numeric = p.schema.type === 'integer' || p.schema.type === 'number';
    const bad: [string, string][] = [
      ['nul', NUL],
      ['surrogate', SURROGATE],
      ['wrongType', numeric ? 'abc' : '123'],
    ];
    if (numeric) bad.push(['hugeId', String(HUGE_ID)]);
    if (isDate(p.name, p.schema)) bad.push(['badDate', BAD_DATE]);
    const rest = Object.fromEntries(queryParams.filter((q) => q.required && q !== p).map((q) => [q.name, good(q)]));
    for (const [kind, value] of bad) out.push({ method, url: url({}, { ...rest, [p.name]: value }), kind: `${kind} in query ${p.name}` });
  }
  if (method === 'GET' || method === 'DELETE') return out;

  const target = url();
  out.push({ method, url: target, kind: 'empty body', payload: {} });
  out.push({ method, url: target, kind: 'array body', payload: [] });
  out.push({ method, url: target, kind: 'null body', payload: 'null' });
  for (const variant of variants) {
    const label = variant && typeof variant === 'object' && 'action' in variant ? ` (${String(variant.action)})` : '';
    const fields = leaves(variant);
    for (const leaf of fields) {
      const at = leaf.path.join('.');
      if (typeof leaf.value === 'string') {
        out.push({ method, url: target, kind: `nul in ${at}${label}`, field: true, payload: setAt(variant, leaf.path, NUL) });
        out.push({ method, url: target, kind: `surrogate in ${at}${label}`, field: true, payload: setAt(variant, leaf.path, SURROGATE) });
        out.push({ method, url: target, kind: `blank ${at}${label}`, field: true, payload: setAt(variant, leaf.path, '   ') });
        out.push({ method, url: target, kind: `number for string ${at}${label}`, field: true, payload: setAt(variant, leaf.path, 12) });
        if (isDate(leaf.name, {})) out.push({ method, url: target, kind: `badDate in ${at}${label}`, field: true, payload: setAt(variant, leaf.path, BAD_DATE) });
      } else if (typeof leaf.value === 'number') {
        out.push({ method, url: target, kind: `hugeId in ${at}${label}`, field: true, payload: setAt(variant, leaf.path, HUGE_ID) });
        out.push({ method, url: target, kind: `string for number ${at}${label}`, field: true, payload: setAt(variant, leaf.path, 'abc') });
      }
    }
    // Every id-like and string field at once: the first guard met must still refuse cleanly.
    if (fields.length > 0) {
      let allHuge = variant;
      let allNul = variant;
      for (const leaf of fields) {
        if (typeof leaf.value === 'number' && isId(leaf.name, { type: 'integer' })) allHuge = setAt(allHuge, leaf.path, HUGE_ID);
        if (typeof leaf.value === 'string' && leaf.name !== 'action') allNul = setAt(allNul, leaf.path, NUL);
      }
      out.push({ method, url: target, kind: `hugeId in every id field${label}`, payload: allHuge });
      out.push({ method, url: target, kind: `nul in every string field${label}`, payload: allNul });
    }
  }
  if (multipart) {
    const fields = { organizationId: String(HUGE_ID), kind: 'benchmark', name: '测试基准', effectiveFrom: BAD_DATE, issuer: NUL, documentNumber: SURROGATE };
    for (const [kind, value] of Object.entries(fields)) out.push({ method, url: target, kind: `multipart ${kind}=${JSON.stringify(value)}`, multipart: { ...fields, [kind]: value } });
    out.push({ method, url: target, kind: 'multipart organizationId huge', multipart: { organizationId: String(HUGE_ID) } });
    out.push({ method, url: target, kind: 'multipart effectiveFrom impossible', multipart: { effectiveFrom: BAD_DATE } });
    out.push({ method, url: target, kind: 'multipart field with NUL', multipart: { name: NUL } });
  }
  return out;
}

const CSV = '事项编码,违法行为,违则,罚则,法定处罚幅度,类别\nF-001,擅自占道,第十四条,第三十六条,罚款,市容\n';
function multipartPayload(fields: Record<string, string>): { body: Buffer; contentType: string } {
  const boundary = '----fazhi-fuzz-boundary';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="list.csv"\r\nContent-Type: text/csv\r\n\r\n${CSV}\r\n--${boundary}--\r\n`);
  return { body: Buffer.from(parts.join(''), 'utf8'), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('malformed input answers 4xx, never 5xx', () => {
  it('every write endpoint and every GET with parameters, each malformed class, as an admin and as an officer', async () => {
    const all: Probe[] = [];
    let operations = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(methods)) {
        const method = m.toUpperCase();
        if (path === '/api/auth/logout') continue; // would end the session the other probes use
        if (method === 'GET' && !(op.parameters ?? []).length) continue;
        operations++;
        all.push(...probes(method, path, op));
      }
    }
    expect(operations).toBeGreaterThan(40);
    const failures: string[] = [];
    let sent = 0;
    for (const probe of all) {
      // Parameters and whole-body probes go as both users; a probe of one body field as the user who may get furthest
      // (an officer on a case, an admin elsewhere), which keeps the run short.
      const users = probe.field ? [probe.url.startsWith('/api/cases') ? ('officer' as const) : ('admin' as const)] : (['admin', 'officer'] as const);
      for (const who of users) {
        sent++;
        const headers: Record<string, string> = { cookie: cookies[who]! };
        let payload: string | Buffer | undefined;
        if (probe.multipart) {
          const mp = multipartPayload(probe.multipart);
          payload = mp.body;
          headers['content-type'] = mp.contentType;
        } else if (probe.payload !== undefined) {
          payload = typeof probe.payload === 'string' ? probe.payload : JSON.stringify(probe.payload);
          headers['content-type'] = 'application/json';
        }
        const res = await t.app.inject({ method: probe.method as 'GET', url: probe.url, headers, ...(payload === undefined ? {} : { payload }) });
        if (res.statusCode >= 500) {
          failures.push(`${probe.method} ${probe.url} [${who}] ${probe.kind} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
    }
    console.log(`fuzz: ${operations} operations, ${all.length} probes, ${sent} requests`);
    expect(failures, `${failures.length} requests answered 5xx:\n${failures.join('\n')}`).toEqual([]);
  }, 120_000);

  it('the last line of defence: a data exception the database raises, as the driver reports it, is a 400', async () => {
    const caught: unknown[] = [];
    for (const query of [sql`select ${String(HUGE_ID)}::int4`, sql`select ${'2026-02-30'}::date`, sql`select ${NUL}::text`]) {
      await t.ctx.db.execute(query).then(
        () => caught.push(null),
        (error: unknown) => caught.push(error),
      );
    }
    expect(caught.map((e) => toErrorBody(e).code)).toEqual(['VALIDATION', 'VALIDATION', 'VALIDATION']);
  });

  it('each class of the security review gets its own clear 400', async () => {
    const send = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, who: 'admin' | 'officer' = 'admin') => {
      const res = await t.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload === undefined ? {} : { payload: payload as object }) });
      return { status: res.statusCode, body: res.json() as { code: string; message: string; creditCode?: string | null } };
    };
    const orgs = (await send('GET', '/api/organizations')).body as unknown as { id: number }[];
    const nul = await send('POST', '/api/auth/login', { username: 'admin\u0000', password: 'x' });
    expect([nul.status, nul.body.message]).toEqual([400, INVALID_TEXT_MESSAGE]);
    const surrogate = await send('GET', '/api/cases?q=%ED%A0%80');
    expect(surrogate.status).toBeLessThan(500);
    const hugeId = await send('GET', `/api/cases/${HUGE_ID}`);
    expect([hugeId.status, hugeId.body.code]).toEqual([400, 'VALIDATION']);
    expect(hugeId.body.message).toContain('超出范围');
    const hugeBodyId = await send('POST', '/api/power-items', { organizationId: HUGE_ID, code: 'F-1', name: '擅自占道', violatedProvision: '第十四条', penaltyProvision: '第三十六条', statutoryRange: '罚款', category: '市容' });
    expect([hugeBodyId.status, hugeBodyId.body.message]).toEqual([400, expect.stringContaining('超出范围')]);
    const badDate = await send('GET', `/api/cases?from=${BAD_DATE}`);
    expect([badDate.status, badDate.body.message]).toEqual([400, expect.stringContaining('真实日期')]);
    const badCertificateDate = await send('PATCH', '/api/users/1', { certificateValidUntil: BAD_DATE });
    expect([badCertificateDate.status, badCertificateDate.body.message]).toEqual([400, expect.stringContaining('真实日期')]);
    for (const url of [`/api/organizations/${orgs[0]!.id}`, '/api/users/1']) {
      const empty = await send('PATCH', url, {});
      expect([empty.status, empty.body.message]).toEqual([400, '没有要修改的内容']);
    }
    const blankCode = await send('POST', '/api/organizations', { name: '测试下级单位', kind: 'squadron', parentId: orgs[0]!.id, creditCode: '  ' });
    expect([blankCode.status, blankCode.body.creditCode]).toEqual([201, null]);
    const blankAgain = await send('POST', '/api/organizations', { name: '测试下级单位二', kind: 'squadron', parentId: orgs[0]!.id, creditCode: '' });
    expect([blankAgain.status, blankAgain.body.creditCode]).toEqual([201, null]);
    expect(DATA_EXCEPTION_MESSAGE).toMatch(/^输入不符合要求/);
  });
});

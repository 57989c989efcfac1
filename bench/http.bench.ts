/**
 * Request speed over HTTP (issue 16), on PostgreSQL and on the embedded database: the app runs in a child process
 * (bench/http-server.ts) with production logging; this process is the client — node:http with a keep-alive agent.
 * For each request kind: req/s and p50/p99 at 64 connections, as a ratio to the baseline (bare Fastify + one
 * `INSERT … RETURNING id` on the same database, same run), one request alone (p50 of sequential requests), and the
 * SQL statements each request ran (the server's statement tap). The audit trail is verified after the run.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { newPerson } from '../src/services/testing/factories.ts';

const CONNECTIONS = 64;
const LOAD_MS = Number(process.env.FAZHI_BENCH_LOAD_MS ?? 4000);
const ALONE_MS = Number(process.env.FAZHI_BENCH_ALONE_MS ?? 1000);

interface Fixtures {
  port: number;
  baselinePort: number;
  notified: { id: number; version: number }[];
  closedId: number;
  actCode: string;
  itemId: number;
  kind: string;
}

interface Answer {
  status: number;
  body: string;
  cookie: string | null;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function call(port: number, method: string, url: string, options: { cookie?: string | null; body?: unknown } = {}): Promise<Answer> {
  const payload = options.body === undefined ? null : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: url,
        agent,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(options.cookie ? { cookie: options.cookie } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const set = res.headers['set-cookie']?.find((c) => c.startsWith('fazhi_session='));
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), cookie: set ? set.split(';')[0]! : null });
        });
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** One request of a kind; `worker` is the connection's index (each transition worker steps its own case). */
type Request = (worker: number) => Promise<Answer>;

interface Measured {
  rate: number;
  p50: number;
  p99: number;
  alone: number;
  statements: number;
  errors: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

async function statementCount(f: Fixtures): Promise<number> {
  return (JSON.parse((await call(f.baselinePort, 'GET', '/statements')).body) as { count: number }).count;
}

async function measure(f: Fixtures, request: Request, expected: number): Promise<Measured> {
  let errors = 0;
  const one = async (worker: number) => {
    const started = performance.now();
    const res = await request(worker);
    if (res.status !== expected) {
      errors++;
      if (errors === 1) process.stderr.write(`  unexpected ${res.status}: ${res.body.slice(0, 200)}\n`);
    }
    return performance.now() - started;
  };
  // One request alone: sequential, after a short warm-up; the statements per request are counted here.
  for (let i = 0; i < 5; i++) await one(0);
  const before = await statementCount(f);
  const alone: number[] = [];
  const aloneUntil = performance.now() + ALONE_MS;
  while (performance.now() < aloneUntil || alone.length < 5) alone.push(await one(0));
  const statements = ((await statementCount(f)) - before) / alone.length;
  // Load: CONNECTIONS workers for LOAD_MS.
  const latencies: number[] = [];
  const started = performance.now();
  const until = started + LOAD_MS;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, worker) => {
      while (performance.now() < until) latencies.push(await one(worker));
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  alone.sort((a, b) => a - b);
  return { rate: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), alone: percentile(alone, 50), statements, errors };
}

function startServer(env: Record<string, string>): Promise<{ fixtures: Fixtures; stop: () => Promise<void> }> {
  const child = fork(path.join(import.meta.dirname, 'http-server.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (fixtures) =>
      resolve({
        fixtures: fixtures as Fixtures,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.send('stop');
          }),
      }),
    );
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

async function benchOne(label: string, env: Record<string, string>): Promise<string> {
  const { fixtures: f, stop } = await startServer(env);
  try {
    const login = await call(f.port, 'POST', '/api/auth/login', { body: { username: 'wanglei', password: 'Demo2026' } });
    const cookie = login.cookie;
    if (!cookie) throw new Error(`login failed: ${login.body}`);
    const decisions = JSON.parse((await call(f.port, 'GET', '/api/public/decisions')).body) as { items: { id: number }[] };
    const decisionId = decisions.items[0]!.id;
    const versions = f.notified.map((c) => c.version);
    let clue = 0;
    const kinds: [string, Request, number][] = [
      ['baseline: Fastify + INSERT', () => call(f.baselinePort, 'POST', '/insert', { body: {} }), 200],
      ['floor: BEGIN, 4 INSERTs, COMMIT, SELECT', () => call(f.baselinePort, 'POST', '/insert-tx', { body: {} }), 200],
      [
        'POST /api/cases (clue registration)',
        () =>
          call(f.port, 'POST', '/api/cases', {
            cookie,
            body: {
              clueSource: 'patrol',
              title: `涉嫌擅自占用城市道路摆摊设点案 ${++clue}`,
              facts: '当事人在人行道上摆摊销售水果，占用人行道约6平方米。',
              place: '云城市东湖区南湖路',
              actStartedOn: '2026-03-01',
              actEndedOn: '2026-03-01',
              discoveredOn: '2026-03-02',
              powerItemId: f.itemId,
              party: newPerson('张伟', clue),
            },
          }),
        201,
      ],
      [
        'POST /api/cases/:id/transitions (recordStatement)',
        async (worker) => {
          const i = worker % f.notified.length;
          const res = await call(f.port, 'POST', `/api/cases/${f.notified[i]!.id}/transitions`, {
            cookie,
            body: { expectedVersion: versions[i], action: 'recordStatement', content: '当事人称系临时摆放，请求从轻处罚' },
          });
          if (res.status === 200) versions[i] = (JSON.parse(res.body) as { version: number }).version;
          return res;
        },
        200,
      ],
      ['GET /api/cases/:id (case view)', () => call(f.port, 'GET', `/api/cases/${f.closedId}`, { cookie }), 200],
      ['GET /api/cases?limit=20 (case list)', () => call(f.port, 'GET', '/api/cases?limit=20', { cookie }), 200],
      ['GET /api/public/decisions/:id', () => call(f.port, 'GET', `/api/public/decisions/${decisionId}`), 200],
      ['GET /api/public/acts/:code', () => call(f.port, 'GET', `/api/public/acts/${f.actCode}`), 200],
    ];
    const lines = [`HTTP, ${label} (${CONNECTIONS} connections, ${LOAD_MS / 1000} s each; alone = p50 of sequential requests)`];
    lines.push(`  ${'request'.padEnd(50)} ${'req/s'.padStart(7)} ${'× base'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'alone'.padStart(7)} ${'stmts'.padStart(6)}`);
    let base = NaN;
    for (const [name, request, expected] of kinds) {
      const m = await measure(f, request, expected);
      if (Number.isNaN(base)) base = m.rate;
      lines.push(
        `  ${name.padEnd(50)} ${m.rate.toFixed(0).padStart(7)} ${(m.rate / base).toFixed(2).padStart(7)} ${m.p50.toFixed(1).padStart(7)} ${m.p99.toFixed(1).padStart(7)} ${m.alone.toFixed(2).padStart(7)} ${m.statements.toFixed(1).padStart(6)}${m.errors ? `  (${m.errors} errors)` : ''}`,
      );
    }
    const verified = JSON.parse((await call(f.baselinePort, 'GET', '/verify')).body) as { records: number; chains: number; problem: unknown };
    lines.push(`  audit verify after the run: ${verified.problem ? `PROBLEM ${JSON.stringify(verified.problem)}` : 'clean'} (${verified.records} records, ${verified.chains} chains)`);
    return lines.join('\n');
  } finally {
    await stop();
  }
}

/** The embedded database (PGlite in a temporary folder). */
export async function benchHttpPglite(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-bench-http-'));
  try {
    return await benchOne('embedded PGlite', { FAZHI_BENCH_DIR: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** PostgreSQL at `url` (bench/run.ts starts a private cluster), in a new database dropped afterwards. */
export async function benchHttpPostgres(url: string): Promise<string> {
  const name = `fazhi_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${name}`;
  try {
    return await benchOne('PostgreSQL', { FAZHI_BENCH_URL: benchUrl.toString() });
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

/**
 * A CPU profile of one request kind (issue 16): `npx tsx bench/profile.ts baseline|floor|view|view-open|timeline|list|register|step [out.cpuprofile]`
 * starts bench/http-server.ts (PostgreSQL when FAZHI_BENCH_URL is set, else PGlite in a temporary folder), sends the
 * requests from FAZHI_BENCH_CONNECTIONS connections (default 8) for FAZHI_BENCH_LOAD_MS (default 8 s), and writes the server's profile of that time
 * only (open it in Chrome DevTools or speedscope). Prints req/s and the p50 of 200 requests alone.
 */
import { fork } from 'node:child_process';
import pg from 'pg';
import http from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newPerson } from '../src/services/testing/factories.ts';

/** CPU time (ms) of this machine's PostgreSQL processes (a private cluster on the same machine), -1 where /proc is not there. */
function postgresCpuMs(): number {
  if (!existsSync('/proc')) return -1;
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime, stime (fields 14 and 15 of stat; 12 and 13 after the command): clock ticks of 10 ms on Linux.
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks * 10;
}

const connections = Number(process.env.FAZHI_BENCH_CONNECTIONS ?? 8);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });

interface Answer {
  status: number;
  body: string;
  cookie: string | null;
}

function call(port: number, method: string, url: string, options: { cookie?: string | null; body?: unknown } = {}): Promise<Answer> {
  const payload = options.body === undefined ? null : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const headers = { ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}), ...(options.cookie ? { cookie: options.cookie } : {}) };
    const req = http.request({ host: '127.0.0.1', port, method, path: url, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const set = res.headers['set-cookie']?.find((c) => c.startsWith('fazhi_session='));
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), cookie: set ? set.split(';')[0]! : null });
      });
    });
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

const kind = process.argv[2] ?? 'view';
const out = path.resolve(process.argv[3] ?? `${kind}.cpuprofile`);
const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-profile-'));
const child = fork(path.join(import.meta.dirname, 'http-server.ts'), [], {
  execArgv: ['--import', 'tsx'],
  // `none` as the file: no profiler (its sampling costs the server CPU), only the figures.
  env: { ...process.env, FAZHI_BENCH_DIR: dir, ...(process.argv[3] === 'none' ? {} : { FAZHI_BENCH_PROFILE: out }) },
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
});
const f = (await new Promise((resolve) => child.once('message', resolve))) as { port: number; baselinePort: number; notified: { id: number; version: number }[]; closedId: number; itemId: number };
const { cookie } = await call(f.port, 'POST', '/api/auth/login', { body: { username: 'wanglei', password: 'Demo2026' } });
const versions = f.notified.map((c) => c.version);
let clue = 0;
const request = async (worker: number): Promise<Answer> => {
  // The bench's baseline (Fastify + one INSERT … RETURNING id) and floor (BEGIN, four INSERTs, COMMIT, SELECT): the
  // same server process, so their CPU per request compares with the app's.
  if (kind === 'baseline') return call(f.baselinePort, 'POST', '/insert', { body: {} });
  if (kind === 'floor') return call(f.baselinePort, 'POST', '/insert-tx', { body: {} });
  if (kind === 'view') return call(f.port, 'GET', `/api/cases/${f.closedId}`, { cookie });
  // An open case: its offered steps are probed on the guards' facts.
  if (kind === 'view-open') return call(f.port, 'GET', `/api/cases/${f.notified[worker % f.notified.length]!.id}`, { cookie });
  if (kind === 'timeline') return call(f.port, 'GET', `/api/cases/${f.closedId}/timeline`, { cookie });
  if (kind === 'list') return call(f.port, 'GET', '/api/cases?limit=20', { cookie });
  if (kind === 'register') {
    const body = {
      clueSource: 'patrol',
      title: `涉嫌擅自占用城市道路摆摊设点案 ${++clue}`,
      facts: '当事人在人行道上摆摊销售水果，占用人行道约6平方米。',
      place: '云城市东湖区南湖路',
      actStartedOn: '2026-03-01',
      actEndedOn: '2026-03-01',
      discoveredOn: '2026-03-02',
      powerItemId: f.itemId,
      party: newPerson('张伟', clue),
    };
    return call(f.port, 'POST', '/api/cases', { cookie, body });
  }
  const i = worker % f.notified.length;
  const body = { expectedVersion: versions[i], action: 'recordStatement', content: '当事人称系临时摆放，请求从轻处罚' };
  const res = await call(f.port, 'POST', `/api/cases/${f.notified[i]!.id}/transitions`, { cookie, body });
  if (res.status === 200) versions[i] = (JSON.parse(res.body) as { version: number }).version;
  return res;
};
for (let i = 0; i < 50; i++) await request(0);
// FAZHI_BENCH_STATEMENTS=1 (PostgreSQL with pg_stat_statements loaded): PostgreSQL's own time per statement over the
// load phase, nested statements of triggers and functions included — where the database spends a request.
const statements = process.env.FAZHI_BENCH_STATEMENTS && process.env.FAZHI_BENCH_URL ? new pg.Client({ connectionString: process.env.FAZHI_BENCH_URL }) : null;
if (statements) {
  await statements.connect();
  await statements.query('create extension if not exists pg_stat_statements');
  await statements.query('select pg_stat_statements_reset()');
}
child.send('profile');
await new Promise((resolve) => child.once('message', resolve));
const postgresFrom = postgresCpuMs();
const clientFrom = process.cpuUsage();
const started = performance.now();
const until = started + Number(process.env.FAZHI_BENCH_LOAD_MS ?? 8000);
let count = 0;
let failed = 0;
await Promise.all(
  Array.from({ length: connections }, async (_, worker) => {
    while (performance.now() < until) {
      if ((await request(worker)).status >= 300) failed++;
      count++;
    }
  }),
);
const rate = count / ((performance.now() - started) / 1000);
const postgresUsed = postgresCpuMs() - postgresFrom;
const clientUsed = process.cpuUsage(clientFrom);
if (statements) {
  const { rows } = await statements.query<{ calls: string; exec: number; plan: number; top: boolean; query: string }>(
    `select calls, total_exec_time as exec, total_plan_time as plan, toplevel as top, query from pg_stat_statements
      where dbid = (select oid from pg_database where datname = current_database()) and calls > 0
      order by total_exec_time + total_plan_time desc limit 20`,
  );
  process.stdout.write(`PostgreSQL per ${kind} request over the load phase (${count} requests; ms: execution, planning; nested = inside a trigger or function):\n`);
  for (const r of rows) {
    if (r.query.includes('pg_stat_statements')) continue;
    const per = (ms: number) => (ms / count).toFixed(3).padStart(7);
    process.stdout.write(`  ${(Number(r.calls) / count).toFixed(2).padStart(5)}×  ${per(r.exec)} ${per(r.plan)}  ${r.top ? '      ' : 'nested'}  ${r.query.replace(/\s+/g, ' ').slice(0, 100)}\n`);
  }
  await statements.end();
}
child.send('cpu');
const { cpuMs } = (await new Promise((resolve) => child.once('message', resolve))) as { cpuMs: number };
const alone: number[] = [];
for (let i = 0; i < 200; i++) {
  const t = performance.now();
  await request(0);
  alone.push(performance.now() - t);
}
alone.sort((a, b) => a - b);
const perRequest = (ms: number) => (ms / count).toFixed(2);
process.stdout.write(
  `${kind}: ${rate.toFixed(0)} req/s at ${connections} connections (${failed} failed), alone p50 ${alone[100]!.toFixed(2)} ms; CPU ms per request under load: server ${perRequest(cpuMs)}` +
    `, PostgreSQL ${process.env.FAZHI_BENCH_URL && postgresFrom >= 0 ? perRequest(postgresUsed) : '—'}, this client ${perRequest((clientUsed.user + clientUsed.system) / 1000)}; profile ${out}\n`,
);
await new Promise<void>((done) => {
  child.once('exit', () => done());
  child.send('stop');
});
rmSync(dir, { recursive: true, force: true });

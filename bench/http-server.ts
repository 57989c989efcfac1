/**
 * The server side of bench/http.bench.ts, run as a child process: opens the database (PostgreSQL when
 * FAZHI_BENCH_URL is set, else embedded PGlite in FAZHI_BENCH_DIR), builds the small world of the tests and the cases
 * the requests need, then listens with the real app (production logging, at info) and, on a second port, the
 * baseline — bare Fastify running one `INSERT … RETURNING id` on the same database. The baseline server also answers
 * `/statements` (the database's statement count, src/db/statements.ts) and `/verify` (the audit trail verified).
 * Reports its ports and fixtures to the parent over IPC.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/connect.ts';
import { statementTap } from '../src/db/statements.ts';
import { buildApp } from '../src/server/app.ts';
import { memoryFileStore } from '../src/services/file-store.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { newCase, newPowerItem, newWorld } from '../src/services/testing/factories.ts';
import { verifyAudit } from '../src/services/verify-audit.ts';

const CASES = Number(process.env.FAZHI_BENCH_CASES ?? 64);

const handle = await openDatabase({ databaseUrl: process.env.FAZHI_BENCH_URL, dataDir: process.env.FAZHI_BENCH_DIR, poolSize: 20 });
await handle.migrate();
const ctx: ServiceContext = { db: handle.db, clock: () => new Date(), files: memoryFileStore() };
const world = await newWorld(ctx);
const item = await newPowerItem(ctx, world.org.district.id);
const closed = await newCase(ctx, world, { state: 'closed', powerItemId: item.id });
// Cases at the advance notice: recording a statement (陈述申辩) is a step that can be taken again and again.
const notified: { id: number; version: number }[] = [];
for (let i = 0; i < CASES; i++) {
  const c = await newCase(ctx, world, { state: 'notified', powerItemId: item.id, title: `涉嫌擅自占用城市道路摆摊设点案（${i + 1}）` });
  notified.push({ id: c.id, version: c.version });
}

const app = await buildApp({
  ctx,
  sessionSecret: 'bench-secret-bench-secret-bench-secret-0123',
  databaseKind: handle.kind,
  logger: { level: 'info' },
  loginRateLimit: 100_000,
  loginAddressLimit: 100_000,
  publicLimits: { actLookupPerAddress: 10_000_000, actLookupGlobal: 10_000_000, missesBeforeProof: 10_000_000, searchPerAddress: 10_000_000 },
});
await app.listen({ port: 0, host: '127.0.0.1' });

await handle.db.execute(sql`CREATE TABLE IF NOT EXISTS bench_raw (id bigserial primary key, subject int, payload jsonb)`);
const baseline = Fastify({ logger: { level: 'info' } });
let n = 0;
baseline.post('/insert', async () => {
  const i = n++;
  // Both drivers answer { rows }.
  const result = (await handle.db.execute(sql`INSERT INTO bench_raw (subject, payload) VALUES (${i % 50}, ${JSON.stringify({ i })}::jsonb) RETURNING id`)) as unknown as { rows: { id: string | number }[] };
  return { id: Number(result.rows[0]!.id) };
});
// The floor of a registration's shape without its work: the same round trips (BEGIN, four INSERTs, COMMIT, then a
// SELECT of what was written) with nothing else — how much of a write's cost is the round trips themselves.
baseline.post('/insert-tx', async () => {
  const i = n++;
  const insert = sql`INSERT INTO bench_raw (subject, payload) VALUES (${i % 50}, ${JSON.stringify({ i })}::jsonb) RETURNING id`;
  const id = await handle.db.transaction(async (tx) => {
    const first = (await tx.execute(insert)) as unknown as { rows: { id: string | number }[] };
    for (let k = 0; k < 3; k++) await tx.execute(insert);
    return Number(first.rows[0]!.id);
  });
  const read = (await handle.db.execute(sql`SELECT id, subject, payload FROM bench_raw WHERE id = ${id}`)) as unknown as { rows: unknown[] };
  return { id, rows: read.rows.length };
});
baseline.get('/statements', async () => ({ count: statementTap(handle.db).count }));
baseline.get('/verify', async () => verifyAudit(handle.db));
await baseline.listen({ port: 0, host: '127.0.0.1' });

const portOf = (a: typeof app) => (a.server.address() as { port: number }).port;
process.send!({ port: portOf(app), baselinePort: portOf(baseline), notified, closedId: closed.id, actCode: closed.actCode, itemId: item.id, kind: handle.kind });

// bench/profile.ts: a CPU profile of the requests only (not of the set-up above), written on 'stop'.
const profileFile = process.env.FAZHI_BENCH_PROFILE;
let profiler: Session | null = null;
let cpuFrom = process.cpuUsage();
const post = (method: string) =>
  new Promise<unknown>((resolve, reject) => profiler!.post(method, (error, result) => (error ? reject(error) : resolve(result))));

process.on('message', (message) => {
  // The server's CPU time (user + system) since 'profile': per request, it moves far less with the machine's load than req/s.
  if (message === 'cpu') {
    const used = process.cpuUsage(cpuFrom);
    process.send!({ cpuMs: (used.user + used.system) / 1000 });
    return;
  }
  if (message === 'profile') {
    cpuFrom = process.cpuUsage();
    if (!profileFile) {
      process.send!('profiling');
      return;
    }
    profiler = new Session();
    profiler.connect();
    void post('Profiler.enable').then(() => post('Profiler.start')).then(() => process.send!('profiling'));
    return;
  }
  if (message !== 'stop') return;
  void (async () => {
    if (profiler) writeFileSync(profileFile!, JSON.stringify(((await post('Profiler.stop')) as { profile: unknown }).profile));
    await app.close();
    await baseline.close();
    await handle.close();
    process.exit(0);
  })();
});

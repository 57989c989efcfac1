/**
 * The server side of bench/workorders.bench.ts, run as a child process: opens the database (PostgreSQL when
 * FAZHI_BENCH_URL is set, else embedded PGlite in FAZHI_BENCH_DIR), builds the tests' small world and an Open311
 * intake key of the district, then listens with the real app (production logging, at info) and, on a second port, the
 * baseline — bare Fastify running one `INSERT … RETURNING id` on the same database (as bench/http-server.ts).
 * Reports its ports and the key to the parent over IPC.
 */
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { systemActor } from '../src/domain/access.ts';
import { openDatabase } from '../src/db/connect.ts';
import { buildApp } from '../src/server/app.ts';
import { memoryFileStore } from '../src/services/file-store.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { newWorld } from '../src/services/testing/factories.ts';
import { createIntakeKey } from '../src/services/workorders/intake-keys.ts';

const handle = await openDatabase({ databaseUrl: process.env.FAZHI_BENCH_URL, dataDir: process.env.FAZHI_BENCH_DIR, poolSize: 20 });
await handle.migrate();
const ctx: ServiceContext = { db: handle.db, clock: () => new Date(), files: memoryFileStore() };
const world = await newWorld(ctx);
const { secret } = await createIntakeKey(ctx, systemActor, { system: '云城市12345平台', channel: 'hotline', organizationId: world.org.district.id });

const app = await buildApp({ ctx, sessionSecret: 'bench-secret-bench-secret-bench-secret-0123', databaseKind: handle.kind, logger: { level: 'info' } });
await app.listen({ port: 0, host: '127.0.0.1' });

await handle.db.execute(sql`CREATE TABLE IF NOT EXISTS bench_raw (id bigserial primary key, subject int, payload jsonb)`);
const baseline = Fastify({ logger: { level: 'info' } });
let n = 0;
baseline.post('/insert', async () => {
  const i = n++;
  const result = (await handle.db.execute(sql`INSERT INTO bench_raw (subject, payload) VALUES (${i % 50}, ${JSON.stringify({ i })}::jsonb) RETURNING id`)) as unknown as { rows: { id: string | number }[] };
  return { id: Number(result.rows[0]!.id) };
});
baseline.get('/orders', async () => {
  const result = (await handle.db.execute(sql`SELECT count(*)::int AS n FROM work_orders`)) as unknown as { rows: { n: number }[] };
  return { n: result.rows[0]!.n };
});
await baseline.listen({ port: 0, host: '127.0.0.1' });

const portOf = (a: typeof app) => (a.server.address() as { port: number }).port;
process.send!({ port: portOf(app), baselinePort: portOf(baseline), key: secret });

process.on('message', (message) => {
  if (message !== 'stop') return;
  void (async () => {
    await app.close();
    await baseline.close();
    await handle.close();
    process.exit(0);
  })();
});

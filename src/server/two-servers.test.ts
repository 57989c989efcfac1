/**
 * A province deployment (docs/ARCHITECTURE.md "A province deployment"): several stateless app servers on ONE
 * PostgreSQL database. Two Fastify apps, each with its own connection pool, listening on loopback ports:
 * - a session made on one server is honoured by the other (sessions live in the database);
 * - both take the same step on the same case at once: exactly one wins, the other answers 409 with the Chinese
 *   conflict message, the case moved one version, and the audit trail verifies;
 * - both servers' checkpoint jobs at once write ONE checkpoint (the job takes an advisory lock without waiting), and
 *   a job finding the lock held by another server skips its turn and writes nothing.
 * Runs on the PostgreSQL server named by FAZHI_TEST_DATABASE_URL (CI's PostgreSQL tier); skipped without it — on
 * embedded PGlite there is only ever one server.
 */
import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { openPostgres } from '../db/postgres.ts';
import { auditCheckpoints } from '../db/schema.ts';
import { CHECKPOINT_LOCK, checkpointAuditJob } from '../services/checkpoint-audit.ts';
import type { ServiceContext } from '../services/context.ts';
import { memoryFileStore } from '../services/file-store.ts';
import { newCase, newWorld, TEST_PASSWORD, type World } from '../services/testing/factories.ts';
import { verifyAudit } from '../services/verify-audit.ts';
import { buildApp } from './app.ts';

const url = process.env.FAZHI_TEST_DATABASE_URL;
type Json = Record<string, unknown>;

interface Server {
  handle: DatabaseHandle;
  ctx: ServiceContext;
  app: FastifyInstance;
  base: string;
}

describe.skipIf(!url)('two app servers on one PostgreSQL database', () => {
  const name = `fazhi_test_two_${randomBytes(6).toString('hex')}`;
  let dbUrl: string;
  let servers: [Server, Server];
  let w: World;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };

  async function startServer(): Promise<Server> {
    const handle = openPostgres(dbUrl, 5);
    // One shared file store stands for the shared storage a province deployment needs (one path or an object store).
    const ctx: ServiceContext = { db: handle.db, clock: () => new Date(), files: sharedFiles };
    const app = await buildApp({ ctx, sessionSecret: 'test-secret-test-secret-test-secret-0123', databaseKind: 'postgres', loginRateLimit: 1000, loginAddressLimit: 1000 });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    return { handle, ctx, app, base: address };
  }
  const sharedFiles = memoryFileStore();

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    const parsed = new URL(url!);
    parsed.pathname = `/${name}`;
    dbUrl = parsed.toString();
    const migrator = openPostgres(dbUrl, 1);
    await migrator.migrate();
    await migrator.close();
    servers = [await startServer(), await startServer()];
    w = await newWorld(servers[0].ctx);
  }, 120_000);

  afterAll(async () => {
    for (const s of servers ?? []) {
      await s.app.close();
      await s.handle.close();
    }
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  async function login(server: Server, username: string): Promise<string> {
    const res = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: TEST_PASSWORD }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('fazhi_session='));
    return cookie!.split(';')[0]!;
  }
  async function call(server: Server, cookie: string, method: 'GET' | 'POST', path: string, body?: Json): Promise<{ status: number; body: Json }> {
    const res = await fetch(`${server.base}${path}`, {
      method,
      headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Json };
  }

  it('a session made on one server is valid on the other', async () => {
    const cookie = await login(servers[0], 'wanglei');
    const me = await call(servers[1], cookie, 'GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ displayName: '王磊', userId: w.users.wanglei.id });
  });

  it('conflicting steps on one case through two servers at once: one wins, the other gets the Chinese conflict error, the audit chain verifies', async () => {
    const [a, b] = servers;
    const filed = await newCase(a.ctx, w, { state: 'filed', startOn: '2026-03-02' });
    const [wang, zhao] = [await login(a, 'wanglei'), await login(b, 'zhaogang')];
    const outcomes = await Promise.all([
      call(a, wang, 'POST', `/api/cases/${filed.id}/transitions`, { expectedVersion: filed.version, action: 'startInvestigation' }),
      call(b, zhao, 'POST', `/api/cases/${filed.id}/transitions`, { expectedVersion: filed.version, action: 'startInvestigation' }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual([200, 409]);
    const loser = outcomes.find((o) => o.status === 409)!;
    expect(loser.body).toMatchObject({ code: 'CONFLICT', message: '该案件已被他人更新，请刷新后重试' });
    // Each server reads the same case afterwards: moved once, one step in its trail.
    for (const [server, cookie] of [[a, wang], [b, zhao]] as const) {
      const now = await call(server, cookie, 'GET', `/api/cases/${filed.id}`);
      expect(now.body.version).toBe(filed.version + 1);
      expect(now.body.state).toBe('investigating');
      const trail = await call(server, cookie, 'GET', `/api/cases/${filed.id}/timeline`);
      expect((trail.body.items as { change: { action?: string } }[]).filter((e) => e.change.action === 'startInvestigation')).toHaveLength(1);
    }
    expect((await verifyAudit(b.handle.db)).problem).toBeNull();
  });

  it("both servers' checkpoint jobs at once write one checkpoint; a job finding the lock held skips its turn", async () => {
    const [a, b] = servers;
    const checkpoints = async () => (await a.handle.db.select({ n: count() }).from(auditCheckpoints))[0]!.n;
    // Something to checkpoint: a case registered and filed through the services.
    await newCase(b.ctx, w, { state: 'filed', startOn: '2026-03-09' });
    const before = await checkpoints();
    const results = await Promise.all([checkpointAuditJob(a.ctx), checkpointAuditJob(b.ctx)]);
    expect(await checkpoints()).toBe(before + 1);
    // One wrote it; the other either found the lock taken ('busy') or came after and found nothing moved (null).
    expect(results.filter((r) => r !== null && r !== 'busy')).toHaveLength(1);
    expect(results.filter((r) => r === null || r === 'busy')).toHaveLength(1);

    // While another server holds the lock (here a connection of our own, in a transaction), the job skips its turn.
    await newCase(a.ctx, w, { state: 'filed', startOn: '2026-03-16' });
    const holder = new pg.Client({ connectionString: dbUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(${CHECKPOINT_LOCK})`);
      expect(await checkpointAuditJob(a.ctx)).toBe('busy');
      expect(await checkpointAuditJob(b.ctx)).toBe('busy');
      expect(await checkpoints()).toBe(before + 1);
      await holder.query('COMMIT');
    } finally {
      await holder.end();
    }
    expect(await checkpointAuditJob(b.ctx)).toMatchObject({ heads: expect.any(Number) });
    expect(await checkpoints()).toBe(before + 2);
    expect((await verifyAudit(a.handle.db)).problem).toBeNull();
  });
});

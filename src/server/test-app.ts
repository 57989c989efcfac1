import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import lockfile from 'proper-lockfile';
import type { DatabaseHandle } from '../db/connect.ts';
import { createTestDatabase, loadTestDatabase, saveTestDatabase, testDatabaseKind } from '../db/testing.ts';
import type { ServiceContext } from '../services/context.ts';
import { memoryFileStore } from '../services/file-store.ts';
import { DEMO_PASSWORD, seedDemo } from '../services/seed-demo.ts';
import { buildApp } from './app.ts';

/**
 * A fresh database with the demo bureau and the files its evidence refers to. Seeding the demo (users with
 * argon2 hashes, cases walked through the workflow, benchmarks imported) takes seconds; when the test run gives a
 * snapshot folder (FAZHI_TEST_SEED_DIR, set by test/global-setup.ts), the first test file of the run seeds and saves
 * it, and every other one loads the saved copy. Each test file still gets its own database.
 */
async function seededDatabase(): Promise<{ handle: DatabaseHandle; files: ReturnType<typeof memoryFileStore> }> {
  const dir = process.env.FAZHI_TEST_SEED_DIR;
  if (!dir || testDatabaseKind() !== 'pglite') return seedFresh();
  mkdirSync(dir, { recursive: true });
  const archiveFile = path.join(dir, 'demo.tar');
  const filesFile = path.join(dir, 'demo-files.json');
  const release = await lockfile.lock(dir, { lockfilePath: path.join(dir, '.seed.lock'), retries: { retries: 600, minTimeout: 100, maxTimeout: 500 }, stale: 120_000 });
  try {
    if (existsSync(archiveFile) && existsSync(filesFile)) {
      const entries = JSON.parse(readFileSync(filesFile, 'utf8')) as [string, string][];
      return {
        handle: await loadTestDatabase(new Blob([readFileSync(archiveFile)])),
        files: memoryFileStore(entries.map(([digest, base64]) => [digest, Buffer.from(base64, 'base64')])),
      };
    }
    const seeded = await seedFresh();
    writeFileSync(archiveFile, Buffer.from(await (await saveTestDatabase(seeded.handle)).arrayBuffer()));
    writeFileSync(filesFile, JSON.stringify(seeded.files.entries().map(([digest, data]) => [digest, data.toString('base64')])));
    return seeded;
  } finally {
    await release();
  }
}

async function seedFresh() {
  const handle = await createTestDatabase();
  const files = memoryFileStore();
  await seedDemo({ db: handle.db, clock: () => new Date(), files });
  return { handle, files };
}

/** An app on a fresh test database with the demo bureau, plus a helper that logs in and returns the cookie. */
export async function createTestApp(options: { loginRateLimit?: number } = {}) {
  const { handle, files } = await seededDatabase();
  const ctx: ServiceContext = { db: handle.db, clock: () => new Date(), files };
  const app: FastifyInstance = await buildApp({
    ctx,
    sessionSecret: 'test-secret-test-secret-test-secret-0123',
    databaseKind: handle.kind,
    loginRateLimit: options.loginRateLimit ?? 1000,
  });
  async function login(username: string, password = DEMO_PASSWORD): Promise<string> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'fazhi_session');
    return `fazhi_session=${cookie!.value}`;
  }
  return {
    app,
    ctx,
    login,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

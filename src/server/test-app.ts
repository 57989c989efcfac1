import { memoryReportKeys } from '../services/reports/key-store.ts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { newWorld, type World } from '../services/testing/factories.ts';
import { createTestDatabase } from '../db/testing.ts';
import type { ServiceContext } from '../services/context.ts';
import { type FileStore, memoryFileStore } from '../services/file-store.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';
import { demoDatabase } from '../demo/testing.ts';
import { type AppOptions, buildApp } from './app.ts';
import type { PublicLimits } from './public-limits.ts';

/**
 * Like the login limits, the limits of `/api/public/*` are generous unless a test sets them (`publicLimits`): tests
 * look up many codes from one address.
 */
const generousPublicLimits: PublicLimits = { actLookupPerAddress: 10_000, actLookupGlobal: 100_000, missesBeforeProof: 10_000, proofDifficulty: 8, searchPerAddress: 10_000 };

/**
 * An app on a test database of its own, plus a helper that logs in and returns the cookie. With the demo bureau
 * (seeded once per test run, each file gets a copy) unless `demo: false`: then the database is empty and migrated,
 * and the test builds what it needs with the factories (src/services/testing/factories.ts) on `ctx`.
 */
export async function createTestApp(
  options: { loginRateLimit?: number; loginAddressLimit?: number; publicLimits?: Partial<PublicLimits>; demo?: boolean; files?: FileStore; clock?: () => Date } & Pick<AppOptions, 'reportLimits' | 'analysisGate'> = {},
) {
  const made = options.demo === false ? { handle: await createTestDatabase(), files: memoryFileStore() } : await demoDatabase();
  const handle = made.handle;
  // A test of large uploads passes a store on disk (localFileStore), so file bytes do not stay in memory.
  const files = options.files ?? made.files;
  // A test that needs another day (e.g. the report's March reminder) passes its own clock.
  const ctx: ServiceContext = { db: handle.db, clock: options.clock ?? (() => new Date()), files, reportKeys: memoryReportKeys() };
  const app: FastifyInstance = await buildApp({
    ctx,
    sessionSecret: 'test-secret-test-secret-test-secret-0123',
    databaseKind: handle.kind,
    loginRateLimit: options.loginRateLimit ?? 1000,
    loginAddressLimit: options.loginAddressLimit ?? 1000,
    publicLimits: { ...generousPublicLimits, ...options.publicLimits },
    ...(options.reportLimits ? { reportLimits: options.reportLimits } : {}),
    ...(options.analysisGate ? { analysisGate: options.analysisGate } : {}),
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

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * The set-up of an HTTP test file on an empty database with the factories' small world: call at the top of the file,
 * `const t = worldApp();`, then `t.app`, `t.login('wanglei')`, `t.ctx`, `t.w` in the tests.
 */
export function worldApp(): TestApp & { readonly w: World } {
  let app: TestApp;
  let w: World;
  beforeAll(async () => {
    app = await createTestApp({ demo: false });
    w = await newWorld(app.ctx);
  });
  afterAll(() => app.close());
  return {
    get app() {
      return app.app;
    },
    get ctx() {
      return app.ctx;
    },
    login: (username, password) => app.login(username, password),
    close: () => app.close(),
    get w() {
      return w;
    },
  };
}

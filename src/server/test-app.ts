import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/connect.ts';
import { createTestDatabase } from '../db/testing.ts';
import type { ServiceContext } from '../services/context.ts';
import { memoryFileStore } from '../services/file-store.ts';
import { DEMO_PASSWORD, seedDemo } from '../services/seed-demo.ts';
import { buildApp } from './app.ts';

/** An app on a fresh test database with the demo bureau, plus a helper that logs in and returns the cookie. */
export async function createTestApp(options: { loginRateLimit?: number } = {}) {
  const handle: DatabaseHandle = await createTestDatabase();
  const ctx: ServiceContext = { db: handle.db, clock: () => new Date(), files: memoryFileStore() };
  await seedDemo(ctx);
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

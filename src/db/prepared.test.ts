/**
 * Statements prepared per database (prepared.ts): built once, and in a transaction of `runTransaction` run on the
 * transaction's connection — they see what it wrote (on the pool they would not, and on PGlite they would wait for
 * the transaction's own lock).
 */
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle, Executor } from './connect.ts';
import { runTransaction } from './later.ts';
import { preparedPerDatabase } from './prepared.ts';
import { createTestDatabase } from './testing.ts';
import { organizations } from './schema.ts';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
}, 120_000);
afterAll(async () => handle?.close());

describe('preparedPerDatabase', () => {
  it('builds a statement once per database and runs it on the connection of a transaction, seeing its writes', async () => {
    const cache = new WeakMap<object, ReturnType<typeof make>>();
    let built = 0;
    const make = (db: Executor) => {
      built++;
      return db.select({ n: count() }).from(organizations).where(eq(organizations.name, sql.placeholder('name'))).prepare('prepared_probe');
    };
    const name = '预备语句测试单位';
    expect(await preparedPerDatabase(cache, handle.db, make).execute({ name })).toEqual([{ n: 0 }]);
    const seen = await runTransaction(handle.db, async (tx) => {
      await tx.insert(organizations).values({ name, kind: 'bureau', path: '/probe/' });
      const [inside] = await preparedPerDatabase(cache, tx, make).execute({ name });
      throw Object.assign(new Error('回滚'), { inside });
    }).catch((error: { inside?: unknown }) => error.inside);
    expect(seen).toEqual({ n: 1 });
    expect(built).toBe(1);
    // Rolled back: the database's own statement sees nothing.
    expect(await preparedPerDatabase(cache, handle.db, make).execute({ name })).toEqual([{ n: 0 }]);
  });
});

/**
 * Writes sent `later` (later.ts) and the pipelined PostgreSQL connection (pipelined-client.ts): a transaction stands
 * or falls with the writes it did not wait for, reports their own error, and sees them in its later statements.
 * Run on PGlite and, in CI's medium tier, on PostgreSQL (where the writes really travel with the next statement).
 */
import { sql } from 'drizzle-orm';
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './connect.ts';
import { later, runTransaction } from './later.ts';
import { RolledBackError } from './pipelined-client.ts';
import { createTestDatabase, testDatabaseKind } from './testing.ts';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  await handle.db.execute(sql`create table if not exists later_probe (id int primary key, note text not null)`);
}, 120_000);
afterAll(async () => handle?.close());
beforeEach(async () => {
  await handle.db.execute(sql`delete from later_probe`);
});

const rows = async () => ((await handle.db.execute(sql`select id, note from later_probe order by id`)) as unknown as { rows: { id: number; note: string }[] }).rows;
const insert = (id: number, note: string | null) => sql`insert into later_probe (id, note) values (${id}, ${note})`;

describe('later', () => {
  it('commits a late write with the transaction, and the statements after it see it', async () => {
    const seen = await runTransaction(handle.db, async (tx) => {
      await later(tx, tx.execute(insert(1, '先写')));
      return ((await tx.execute(sql`select count(*)::int as n from later_probe`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
    });
    expect(seen).toBe(1);
    expect(await rows()).toEqual([{ id: 1, note: '先写' }]);
  });

  it('fails the transaction with the late write’s own error when it is the last statement, and saves nothing', async () => {
    const failed = runTransaction(handle.db, async (tx) => {
      await tx.execute(insert(1, '等待的写入'));
      await later(tx, tx.execute(insert(1, '主键重复')));
      return 'committed';
    });
    await expect(failed).rejects.toMatchObject({ cause: { code: '23505' } });
    expect(await rows()).toEqual([]);
  });

  it('reports the late write’s error, not the aborted transaction met by the statement after it', async () => {
    const failed = runTransaction(handle.db, async (tx) => {
      await later(tx, tx.execute(insert(2, null)));
      await tx.execute(insert(3, '之后的语句'));
      return 'committed';
    });
    // 23502: not null violation (the late write), rather than 25P02 (in failed SQL transaction).
    await expect(failed).rejects.toMatchObject({ cause: { code: '23502' } });
    expect(await rows()).toEqual([]);
  });

  it('is an ordinary awaited write outside runTransaction', async () => {
    const failed = handle.db.transaction(async (tx) => {
      await expect(later(tx, tx.execute(sql`select 1/0`))).rejects.toMatchObject({ cause: { code: '22012' } });
      throw new Error('回滚');
    });
    await expect(failed).rejects.toThrow('回滚');
  });
});

describe.runIf(testDatabaseKind() === 'postgres')('the pipelined PostgreSQL connection', () => {
  it('sends BEGIN and the statements of one tick in one socket write', async () => {
    let writes = 0;
    const { _write, _writev } = net.Socket.prototype;
    net.Socket.prototype._write = function (...args: Parameters<typeof _write>) {
      writes++;
      return _write.apply(this, args);
    };
    net.Socket.prototype._writev = function (...args: Parameters<NonNullable<typeof _writev>>) {
      writes++;
      return _writev!.apply(this, args);
    };
    try {
      await runTransaction(handle.db, async (tx) => {
        const sent = writes;
        await Promise.all([tx.execute(insert(5, '一')), later(tx, tx.execute(insert(6, '二'))), tx.execute(sql`select 1`)]);
        // BEGIN, two inserts and the select: one write.
        expect(writes - sent).toBe(1);
      });
    } finally {
      net.Socket.prototype._write = _write;
      net.Socket.prototype._writev = _writev;
    }
    expect((await rows()).map((r) => r.id)).toEqual([5, 6]);
  });

  it('fails a transaction whose connection is cut in the middle, saves nothing of it, and serves the next one', async () => {
    const cut = runTransaction(handle.db, async (tx) => {
      await tx.execute(insert(8, '连接中断前'));
      await later(tx, tx.execute(insert(9, '中断时未确认的写入')));
      // Another session ends this transaction's connection (an administrator, a restart of the server).
      const pid = ((await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as { rows: { pid: number }[] }).rows[0]!.pid;
      await handle.db.execute(sql`select pg_terminate_backend(${pid})`);
      await tx.execute(sql`select 1`);
    });
    await expect(cut).rejects.toThrow();
    expect(await rows()).toEqual([]);
    await runTransaction(handle.db, async (tx) => later(tx, tx.execute(insert(10, '之后的事务'))));
    expect((await rows()).map((r) => r.id)).toEqual([10]);
  });

  it('refuses a COMMIT that PostgreSQL answered with ROLLBACK (a failed statement whose error was swallowed)', async () => {
    const swallowed = handle.db.transaction(async (tx) => {
      await tx.execute(insert(7, '会被回滚'));
      await tx.execute(sql`select 1/0`).catch(() => undefined);
    });
    await expect(swallowed).rejects.toMatchObject({ cause: expect.any(RolledBackError) });
    expect(await rows()).toEqual([]);
  });
});

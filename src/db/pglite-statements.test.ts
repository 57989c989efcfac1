/**
 * The embedded database's named statements (./pglite-statements.ts): each text parsed once and kept, answers equal to
 * PGlite's own `query` (rows, fields, types, counts, errors), transactions and their failures unchanged, a bounded
 * number of kept statements.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallBuffers } from './pglite-options.ts';
import { namedStatementClient, type PgliteClient } from './pglite-statements.ts';

let pg: PGlite;
let client: PgliteClient;

const kept = async (): Promise<number> => (await pg.query<{ n: number }>("select count(*)::int as n from pg_prepared_statements where name like 'fazhi_s%'")).rows[0]!.n;

beforeAll(async () => {
  pg = new PGlite(smallBuffers());
  await pg.exec(`create table t (id serial primary key, name text not null unique, born date, data jsonb, amount numeric, at timestamptz)`);
  client = namedStatementClient(pg, 8);
});
afterAll(async () => pg.close());

describe('named statements on PGlite', () => {
  it('parses a text once and answers as PGlite does: rows, fields, parsed types, affected rows, array mode', async () => {
    const insert = 'insert into t (name, born, data, amount, at) values ($1, $2, $3, $4, $5) returning id, name, born, data, amount, at';
    const first = await client.query(insert, ['甲', '2026-10-01', { a: [1, '二'] }, '12.50', new Date('2026-12-06T01:00:00Z')]);
    const second = await client.query(insert, ['乙', null, null, null, null]);
    expect(await kept()).toBe(1);
    const select = 'select id, name, born, data, amount, at from t order by id';
    const mine = await client.query(select);
    const theirs = await pg.query(select);
    expect(mine).toEqual(theirs);
    expect(first.affectedRows).toBe(1);
    expect(second.rows).toEqual([{ id: 2, name: '乙', born: null, data: null, amount: null, at: null }]);
    expect(mine.rows[0]).toMatchObject({ name: '甲', data: { a: [1, '二'] }, amount: '12.50' });
    const update = await client.query('update t set amount = $1 where id > $2', ['1', 0]);
    expect(update).toEqual(await pg.query('update t set amount = $1 where id > $2', ['1', 0]));
    expect(update).toMatchObject({ affectedRows: 2, rowCount: 2, command: 'UPDATE', rows: [] });
    // drizzle's driver asks for arrays and its own parsers (dates as text).
    const asArrays = await client.query('select name, born from t where id = $1', [1], { rowMode: 'array', parsers: { 1082: (v: string) => v } });
    expect(asArrays.rows).toEqual([['甲', '2026-10-01']]);
    expect(await kept()).toBe(4);
  });

  it('a failing statement throws PostgreSQL’s error with the query, and the next statements run', async () => {
    const insert = 'insert into t (name) values ($1) returning id';
    const error = await client.query(insert, ['甲']).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '23505', query: insert, params: ['甲'] });
    expect((await client.query<{ id: number }>(insert, ['丙'])).rows).toHaveLength(1);
    const syntax = await client.query('selec 1').catch((e: unknown) => e);
    expect(syntax).toMatchObject({ code: '42601' });
  });

  it('in a transaction: statements see its writes, a failure rolls all of it back, a commit keeps it', async () => {
    const count = 'select count(*)::int as n from t';
    const before = (await client.query<{ n: number }>(count)).rows[0]!.n;
    const failed = await client
      .transaction(async (tx) => {
        await tx.query('insert into t (name) values ($1)', ['丁']);
        expect((await tx.query<{ n: number }>(count)).rows[0]!.n).toBe(before + 1);
        await tx.query('insert into t (name) values ($1)', ['丁']);
      })
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: '23505' });
    expect((await client.query<{ n: number }>(count)).rows[0]!.n).toBe(before);
    await client.transaction(async (tx) => {
      await tx.query('insert into t (name) values ($1)', ['戊']);
    });
    expect((await client.query<{ n: number }>(count)).rows[0]!.n).toBe(before + 1);
  });

  it('a kept statement still runs after its table changes (PostgreSQL plans it again)', async () => {
    expect(await kept()).toBe(7);
    const read = 'select name from t where id = $1';
    expect((await client.query(read, [1])).rows).toEqual([{ name: '甲' }]);
    await pg.exec('alter table t add column note text; create index t_born on t (born)');
    expect((await client.query(read, [1])).rows).toEqual([{ name: '甲' }]);
  });

  it('keeps at most its bound of statements; texts beyond it run unnamed, answered the same', async () => {
    expect(await kept()).toBe(8);
    for (let i = 0; i < 3; i++) expect((await client.query(`select ${String(i)}::int as k`)).rows).toEqual([{ k: i }]);
    await client.transaction(async (tx) => {
      expect((await tx.query('select $1::text as k', ['内'])).rows).toEqual([{ k: '内' }]);
    });
    expect(await kept()).toBe(8);
  });

  it('a COPY with a blob runs as PGlite runs it', async () => {
    const copied = await namedStatementClient(pg).query("copy t (name) from '/dev/blob' with (format csv)", [], { blob: new Blob(['己\n庚\n']) });
    expect(copied.affectedRows).toBe(2);
    expect((await pg.query('select count(*)::int as n from t where name in ($1, $2)', ['己', '庚'])).rows).toEqual([{ n: 2 }]);
  });
});

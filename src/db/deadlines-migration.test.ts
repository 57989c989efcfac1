/**
 * Migration 0005 moves every case deadline into the generic `deadlines` table (issue 11): a database migrated up to
 * 0004 with rows in case_deadlines, then the 0005 SQL applied; the rows are found in `deadlines` with the subject,
 * the met date in China and the recorded time kept, and the indexes serve "overdue" and "due within N days" as
 * index scans. Runs on PGlite, or on a new database of FAZHI_TEST_DATABASE_URL when set (like the medium tier).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder, smallBuffers } from './connect.ts';

interface Raw {
  exec(statement: string): Promise<void>;
  rows<T>(query: string): Promise<T[]>;
  close(): Promise<void>;
}

async function openRaw(): Promise<Raw> {
  const url = process.env.FAZHI_TEST_DATABASE_URL;
  if (!url) {
    const db = new PGlite(smallBuffers());
    return {
      exec: async (s) => void (await db.exec(s)),
      rows: async <T,>(q: string) => (await db.query<T>(q)).rows,
      close: () => db.close(),
    };
  }
  const name = `fazhi_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: testUrl.toString() });
  await client.connect();
  return {
    exec: async (s) => void (await client.query(s)),
    rows: async <T,>(q: string) => (await client.query(q)).rows as T[],
    close: async () => {
      await client.end();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name}`);
      await dropper.end();
    },
  };
}

const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };

/** Applies migration `idx` the way drizzle's migrator does: its statements, split at the breakpoints, in order. */
async function apply(db: Raw, idx: number): Promise<void> {
  const entry = journal.entries.find((e) => e.idx === idx)!;
  const text = readFileSync(join(migrationsFolder, `${entry.tag}.sql`), 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) if (statement.trim()) await db.exec(statement);
}

let db: Raw;
interface Before {
  id: number;
  met_at: string | null;
}
let before: Before[];

beforeAll(async () => {
  db = await openRaw();
  for (const e of [...journal.entries].sort((a, b) => a.idx - b.idx).filter((e) => e.idx <= 4)) await apply(db, e.idx);
  await db.exec(`
    INSERT INTO organizations (id, path, name, kind) VALUES (1, '/1/', '云城市城市管理局', 'bureau'), (2, '/1/2/', '东湖区执法大队', 'brigade');
    INSERT INTO cases (id, organization_id, procedure, state, act_code, clue_source, title, facts, place, act_started_on,
      discovered_on, registered_on, last_acted_on, officer_ids, record)
    VALUES (7, 2, 'general', 'investigating', 'A-7', 'patrol', '案七', '事实', '地点', '2026-11-01', '2026-11-02', '2026-11-02', '2026-11-17', '{}', '{}'),
           (9, 1, 'general', 'decided', 'A-9', 'patrol', '案九', '事实', '地点', '2026-10-01', '2026-10-02', '2026-10-02', '2026-11-10', '{}', '{}');
    INSERT INTO case_deadlines (id, case_id, organization_id, kind, due_on, met_at, article) VALUES
      (3, 7, 2, 'decision', '2027-01-31', NULL, '《行政处罚法》第六十条'),
      -- 01:30 on 11-18 in China is still 11-17 in UTC: met_on is the date in China.
      (4, 7, 2, 'preservation', '2026-11-25', '2026-11-17T17:30:00Z', '《行政处罚法》第五十六条'),
      (8, 9, 1, 'service', '2026-11-19', '2026-11-12T02:00:00Z', '《行政处罚法》第六十一条'),
      (11, 9, 1, 'publicity', '2026-11-17', NULL, '《行政处罚法》第四十八条');
  `);
  before = await db.rows<Before>(`SELECT id, met_at::text AS met_at FROM case_deadlines ORDER BY id`);
  await apply(db, 5);
});
afterAll(() => db?.close());

describe('migration 0005: case_deadlines moves into deadlines', () => {
  it('copies every row with its subject, kind, dates and article, ids kept', async () => {
    const rows = await db.rows(`
      SELECT id, subject_type, subject_id, organization_id, kind, due_on::text AS due_on, met_on::text AS met_on, article
      FROM deadlines ORDER BY id`);
    expect(rows).toEqual([
      { id: 3, subject_type: 'case', subject_id: 7, organization_id: 2, kind: 'decision', due_on: '2027-01-31', met_on: null, article: '《行政处罚法》第六十条' },
      { id: 4, subject_type: 'case', subject_id: 7, organization_id: 2, kind: 'preservation', due_on: '2026-11-25', met_on: '2026-11-18', article: '《行政处罚法》第五十六条' },
      { id: 8, subject_type: 'case', subject_id: 9, organization_id: 1, kind: 'service', due_on: '2026-11-19', met_on: '2026-11-12', article: '《行政处罚法》第六十一条' },
      { id: 11, subject_type: 'case', subject_id: 9, organization_id: 1, kind: 'publicity', due_on: '2026-11-17', met_on: null, article: '《行政处罚法》第四十八条' },
    ]);
    expect(await db.rows(`SELECT id, met_at::text AS met_at FROM deadlines ORDER BY id`)).toEqual(before);
  });

  it('drops case_deadlines, and new rows continue after the copied ids', async () => {
    expect(await db.rows(`SELECT to_regclass('case_deadlines') IS NULL AS gone`)).toEqual([{ gone: true }]);
    const [row] = await db.rows<{ id: number }>(
      `INSERT INTO deadlines (subject_type, subject_id, organization_id, kind, due_on, article) VALUES ('case', 9, 1, 'payment', '2026-12-03', '《行政处罚法》第六十七条') RETURNING id`,
    );
    expect(row!.id).toBe(12);
  });

  it('serves "overdue", "due within N days" and a subject\'s deadlines from its indexes', async () => {
    // Enough met rows that only the partial index on open rows is worth using; seq scans off so the plan is stable.
    await db.exec(`
      INSERT INTO deadlines (subject_type, subject_id, organization_id, kind, due_on, met_on, met_at, article)
      SELECT 'case', 9, 1, 'service', date '2026-01-01' + (g % 300), date '2026-01-01' + (g % 300), now(), '测试' FROM generate_series(1, 2000) g;
      ANALYZE deadlines;
      SET enable_seqscan = off;
    `);
    const plan = async (q: string) => (await db.rows<{ 'QUERY PLAN': string }>(`EXPLAIN ${q}`)).map((r) => r['QUERY PLAN']).join('\n');
    expect(await plan(`SELECT id FROM deadlines WHERE met_on IS NULL AND due_on < '2026-11-18'`)).toContain('deadlines_open_due_idx');
    expect(await plan(`SELECT id FROM deadlines WHERE met_on IS NULL AND subject_type = 'case' AND due_on >= '2026-11-18' AND due_on <= '2026-11-25'`)).toContain(
      'deadlines_open_due_idx',
    );
    expect(await plan(`SELECT id FROM deadlines WHERE subject_type = 'case' AND subject_id = 7`)).toContain('deadlines_subject_idx');
  });
});

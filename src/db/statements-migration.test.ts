/**
 * Migration 0009 moves the single `statement` of a case record into the list `statements` (issue 15: a second
 * 陈述申辩 no longer overwrites the first): a record with a statement gets a one-entry list, one without an empty list.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder, smallBuffers } from './connect.ts';

const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };

async function apply(db: PGlite, idx: number): Promise<void> {
  const entry = journal.entries.find((e) => e.idx === idx)!;
  const text = readFileSync(join(migrationsFolder, `${entry.tag}.sql`), 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) if (statement.trim()) await db.exec(statement);
}

let db: PGlite;
beforeAll(async () => {
  db = new PGlite(smallBuffers());
  for (const e of [...journal.entries].sort((a, b) => a.idx - b.idx).filter((e) => e.idx <= 8)) await apply(db, e.idx);
  const statement = { on: '2026-03-11', waived: false, content: '已整改', reply: '经复核，不予采纳', hearingWaived: false };
  await db.exec(`
    INSERT INTO organizations (id, path, name, kind) VALUES (1, '/1/', '云城市城市管理局', 'bureau');
    INSERT INTO cases (id, organization_id, procedure, state, act_code, clue_source, title, facts, place, act_started_on,
      discovered_on, registered_on, last_acted_on, officer_ids, record)
    VALUES (7, 1, 'general', 'notified', 'A-7', 'patrol', '案七', '事实', '地点', '2026-03-01', '2026-03-02', '2026-03-02', '2026-03-11', '{}',
              '${JSON.stringify({ statement, notice: null })}'),
           (9, 1, 'general', 'filed', 'A-9', 'patrol', '案九', '事实', '地点', '2026-03-01', '2026-03-02', '2026-03-02', '2026-03-02', '{}',
              '{"statement": null}');
  `);
  await apply(db, 9);
});
afterAll(() => db?.close());

describe('migration 0009: the statement becomes the list statements', () => {
  it('keeps a recorded statement as the only entry and gives a record without one an empty list', async () => {
    const rows = (await db.query<{ id: number; record: Record<string, unknown> }>('SELECT id, record FROM cases ORDER BY id')).rows;
    expect(rows[0]!.record).toEqual({ notice: null, statements: [{ on: '2026-03-11', waived: false, content: '已整改', reply: '经复核，不予采纳', hearingWaived: false }] });
    expect(rows[1]!.record).toEqual({ statements: [] });
  });
});

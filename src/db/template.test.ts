import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from './connect.ts';
import { migrationsFolder } from './database.ts';
import { isMigrated } from './migration-status.ts';
import { embeddedOptions } from './pglite-options.ts';
import { ensureDatabaseTemplate, freshTemplate, layFromTemplate, templateKey } from './template.ts';

const work = mkdtempSync(path.join(tmpdir(), 'fazhi-template-test-'));
const root = path.join(work, 'templates');
const previousRoot = process.env.FAZHI_DB_TEMPLATE_DIR;

beforeAll(() => {
  process.env.FAZHI_DB_TEMPLATE_DIR = root;
});
afterAll(() => {
  if (previousRoot === undefined) delete process.env.FAZHI_DB_TEMPLATE_DIR;
  else process.env.FAZHI_DB_TEMPLATE_DIR = previousRoot;
  rmSync(work, { recursive: true, force: true });
});

async function migrationCount(pgdata: string): Promise<number> {
  const client = new PGlite(pgdata, embeddedOptions());
  try {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    return rows[0]!.n;
  } finally {
    await client.close();
  }
}

const journalEntries = (JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;

describe('the template of the empty, migrated embedded database', () => {
  it('is made once for the current migrations, and a new database laid from it is migrated and separate from it', async () => {
    expect(freshTemplate()).toBeNull();
    const made = await ensureDatabaseTemplate();
    expect(made.made).toBe(true);
    expect(made.dir).toBe(path.join(root, templateKey(), 'pgdata'));
    const again = await ensureDatabaseTemplate();
    expect(again).toEqual({ dir: made.dir, made: false });

    const pgdata = path.join(work, 'laid', 'pgdata');
    expect(await layFromTemplate(pgdata)).toBe(true);
    expect(await migrationCount(pgdata)).toBe(journalEntries);
    // A write to the new database leaves the template as it was.
    const client = new PGlite(pgdata, embeddedOptions());
    await client.query('CREATE TABLE template_probe (id int)');
    await client.close();
    const template = new PGlite(made.dir, embeddedOptions());
    const { rows } = await template.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'template_probe'`);
    await template.close();
    expect(rows[0]!.n).toBe(0);
  }, 180_000);

  it('is keyed by the migrations: a changed or added migration file has no template until one is made for it', async () => {
    const migrations = path.join(work, 'migrations');
    cpSync(migrationsFolder, migrations, { recursive: true });
    expect(templateKey({ migrations })).toBe(templateKey());
    const last = path.join(migrations, '0025_province-aggregates.sql');
    writeFileSync(last, `${readFileSync(last, 'utf8')}\n-- changed\n`);
    expect(templateKey({ migrations })).not.toBe(templateKey());
    expect(freshTemplate({ migrations })).toBeNull();
    const pgdata = path.join(work, 'stale', 'pgdata');
    expect(await layFromTemplate(pgdata, { migrations })).toBe(false);
    expect(existsSync(pgdata)).toBe(false);
  });

  it('is used by openPglite only when asked (openers that migrate); a read-only opener gets a new, unmigrated database', async () => {
    expect(freshTemplate()).not.toBeNull();
    const laid = await openPglite(path.join(work, 'server'), false, true);
    try {
      expect(await isMigrated(laid.db)).toBe(true);
    } finally {
      await laid.close();
    }
    const plain = await openPglite(path.join(work, 'reader'), true, false);
    try {
      expect(await isMigrated(plain.db)).toBe(false);
    } finally {
      await plain.close();
    }
  }, 180_000);
});

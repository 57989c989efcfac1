import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import * as schema from './schema.ts';
import { type DatabaseHandle, smallBuffers, wrapPglite } from './connect.ts';
import { openPostgres } from './postgres.ts';
import { forgetReferences } from './reference-cache.ts';
import { forgetNumberBlocks } from './number-blocks.ts';

/**
 * A fresh, migrated database for one test. PGlite by default (loaded from an archive of a migrated database, made once
 * per test run); a new database on the PostgreSQL server named by
 * FAZHI_TEST_DATABASE_URL when set (CI runs the medium tier both ways).
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.FAZHI_TEST_DATABASE_URL;
  return url ? createPostgresTestDatabase(url) : createPgliteTestDatabase();
}

export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.FAZHI_TEST_DATABASE_URL ? 'postgres' : 'pglite';
}

/**
 * The migrated, empty database as a data-directory archive. Creating a PGlite database (initdb) and migrating it
 * costs seconds of CPU; loading an archive a fraction of that. So the first test file of a run makes the archive
 * and saves it in FAZHI_TEST_SEED_DIR (test/global-setup.ts), every other file loads it (`oncePerRun`).
 */
const pgliteClients = new WeakMap<DatabaseHandle, PGlite>();
let migratedArchive: Promise<Blob> | undefined;

function migrated(): Promise<Blob> {
  migratedArchive ??= oncePerRun('migrated', {
    make: async (dir) => {
      const client = new PGlite(smallBuffers());
      await wrapPglite(client, 'memory://template').migrate();
      const archive = await client.dumpDataDir('none');
      await client.close();
      await writeFile(path.join(dir, 'pgdata.tar'), Buffer.from(await archive.arrayBuffer()));
      return archive;
    },
    load: async (dir) => new Blob([await readFile(path.join(dir, 'pgdata.tar'))]),
  });
  return migratedArchive;
}

async function createPgliteTestDatabase(): Promise<DatabaseHandle> {
  return loadTestDatabase(await migrated());
}

/**
 * A data folder (FAZHI_DATA_DIR) with a migrated, empty embedded database, made once per run: CLI tests copy it
 * (`cp -r`) so their first command does not create and migrate a database. It must not be written to.
 */
export async function migratedDataFolderTemplate(): Promise<string> {
  return oncePerRun('migrated-data-folder', {
    make: async (dir) => {
      const client = new PGlite(path.join(dir, 'pgdata'), { loadDataDir: await migrated(), ...smallBuffers() });
      await client.waitReady;
      await client.close();
      return dir;
    },
    load: async (dir) => dir,
  });
}

/**
 * Something expensive tests need, made once per test run instead of once per test file: the first process that
 * asks makes it into FAZHI_TEST_SEED_DIR/<name>/ (holding a lock, so the others wait instead of making it too);
 * every later one loads it from there. Without FAZHI_TEST_SEED_DIR (a run not started through vitest's global
 * setup, test/global-setup.ts) it is made in a temporary folder removed when the process exits.
 */
export async function oncePerRun<T>(name: string, steps: { make: (dir: string) => Promise<T>; load: (dir: string) => Promise<T> }): Promise<T> {
  const root = process.env.FAZHI_TEST_SEED_DIR;
  if (!root) {
    const dir = await mkdtemp(path.join(tmpdir(), `fazhi-test-${name}-`));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return steps.make(dir);
  }
  const dir = path.join(root, name);
  const done = path.join(root, `${name}.done`);
  if (existsSync(done)) return steps.load(dir);
  await mkdir(root, { recursive: true });
  // One lock per name (proper-lockfile keys its locks by the locked path): making the demo needs the migrated one.
  // Making the demo keeps the event loop busy for long stretches (PGlite runs in WebAssembly on this thread), so the
  // lock's mtime may not be refreshed for a while on a loaded machine: with a short `stale` a waiting process would
  // take the lock over and remake the folder under the maker's feet, and the maker's release would throw "Lock is
  // already released". So the lock goes stale only after 10 minutes (a maker that died), and a compromised lock is
  // reported, not thrown from a timer.
  const release = await lockfile.lock(dir, {
    realpath: false,
    lockfilePath: path.join(root, `${name}.lock`),
    retries: { retries: 2400, minTimeout: 100, maxTimeout: 500 },
    stale: 600_000,
    update: 10_000,
    onCompromised: (error) => console.warn(`oncePerRun(${name}): ${error.message}`),
  });
  try {
    if (existsSync(done)) return await steps.load(dir);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const value = await steps.make(dir);
    await writeFile(done, '');
    return value;
  } finally {
    await release().catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ERELEASED') throw error;
    });
  }
}

/** The whole content of a PGlite test database as a data-directory archive (for `loadTestDatabase`). */
export async function saveTestDatabase(handle: DatabaseHandle): Promise<Blob> {
  const client = pgliteClients.get(handle);
  if (!client) throw new Error('saveTestDatabase: only PGlite test databases can be saved');
  return client.dumpDataDir('none');
}

/** A PGlite test database with the content `saveTestDatabase` saved. */
export async function loadTestDatabase(archive: Blob): Promise<DatabaseHandle> {
  const client = await PGlite.create({ loadDataDir: archive, ...smallBuffers() });
  const handle = wrapPglite(client, 'memory://test');
  pgliteClients.set(handle, client);
  return handle;
}

async function createPostgresTestDatabase(url: string): Promise<DatabaseHandle> {
  const name = `fazhi_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const handle = openPostgres(testUrl.toString(), 20);
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/**
 * Empties every table (identities restarted) — much cheaper than a new database, so a test file creates
 * its database once and resets it before each test; no test sees another's rows.
 */
export async function resetTestDatabase(handle: DatabaseHandle): Promise<void> {
  const tables = Object.values(schema)
    .filter((t) => is(t, PgTable))
    .map((t) => `"${getTableName(t as PgTable)}"`);
  await handle.db.execute(sql.raw(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`));
  forgetReferences(handle.db);
  forgetNumberBlocks(handle.db);
}

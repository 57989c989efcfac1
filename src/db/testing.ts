import { createHash, randomBytes } from 'node:crypto';
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
  return url ? createPostgresTestDatabase(url, await migratedPostgresTemplate(url)) : createPgliteTestDatabase();
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

/**
 * A new database on the PostgreSQL server of FAZHI_TEST_DATABASE_URL, copied from `template` (a database made once
 * per run, see `postgresTemplate`) or, without one, created empty and migrated. Dropped when the handle closes.
 */
export async function createPostgresTestDatabase(url: string, template: string | undefined): Promise<DatabaseHandle> {
  const name = `fazhi_test_${randomBytes(6).toString('hex')}`;
  await onServer(url, (admin) => admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
  const handle = openPostgres(databaseUrl(url, name), 20);
  if (!template) await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await onServer(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/**
 * A PostgreSQL database made once per test run and copied by `CREATE DATABASE … TEMPLATE` for each test file that
 * needs its content: migrating a new database costs about 0.6 s, seeding the demo into one tens of seconds on a busy
 * machine, a copy a fraction of either. `fill` gets the new, migrated database; its connections are closed before
 * the database is used as a template (a template has no other session while it is copied); `dir` is the run's
 * folder for this template, where `fill` may keep what goes with the database (the demo's files). The run's templates are
 * named after its seed folder and dropped when the run ends (`dropPostgresTemplates`, test/global-setup.ts). Without
 * a seed folder (a run not started by vitest) there is none: `undefined`, and the caller makes its database itself.
 */
export async function postgresTemplate(
  url: string,
  name: string,
  fill: (handle: DatabaseHandle, dir: string) => Promise<void>,
): Promise<{ template: string; dir: string } | undefined> {
  const seedDir = process.env.FAZHI_TEST_SEED_DIR;
  if (!seedDir) return undefined;
  return oncePerRun(`postgres-${name}`, {
    make: async (dir) => {
      const template = `${templatePrefix(seedDir)}${name}`;
      await onServer(url, async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${template}`);
      });
      const handle = openPostgres(databaseUrl(url, template), 20);
      try {
        await handle.migrate();
        await fill(handle, dir);
      } finally {
        await handle.close();
      }
      await writeFile(path.join(dir, 'name'), template);
      return { template, dir };
    },
    load: async (dir) => ({ template: await readFile(path.join(dir, 'name'), 'utf8'), dir }),
  });
}

async function migratedPostgresTemplate(url: string): Promise<string | undefined> {
  return (await postgresTemplate(url, 'migrated', async () => undefined))?.template;
}

/** Drops the PostgreSQL templates `postgresTemplate` made in the run whose seed folder is `seedDir`. */
export async function dropPostgresTemplates(url: string, seedDir: string): Promise<void> {
  await onServer(url, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [templatePrefix(seedDir)]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}

/** `fazhi_tpl_<10 hex digits of the seed folder's path>_`: a run's templates, told apart from another run's. */
const templatePrefix = (seedDir: string) => `fazhi_tpl_${createHash('sha256').update(seedDir).digest('hex').slice(0, 10)}_`;

function databaseUrl(url: string, name: string): string {
  const withName = new URL(url);
  withName.pathname = `/${name}`;
  return withName.toString();
}

/** Runs `work` on a connection of its own to the server's maintenance database (the one `url` names). */
async function onServer<T>(url: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
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

import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';
import { type DatabaseHandle, openPostgres, wrapPglite } from './connect.ts';

/**
 * A fresh, migrated database for one test. PGlite by default (a clone of a migrated in-memory template, so
 * each test pays ~ms, not seconds); a new database on the PostgreSQL server named by
 * FAZHI_TEST_DATABASE_URL when set (CI runs the medium tier both ways).
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.FAZHI_TEST_DATABASE_URL;
  return url ? createPostgresTestDatabase(url) : createPgliteTestDatabase();
}

export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.FAZHI_TEST_DATABASE_URL ? 'postgres' : 'pglite';
}

let template: Promise<PGlite> | undefined;
const pgliteClients = new WeakMap<DatabaseHandle, PGlite>();

async function createPgliteTestDatabase(): Promise<DatabaseHandle> {
  template ??= (async () => {
    const client = new PGlite();
    await wrapPglite(client, 'memory://template').migrate();
    return client;
  })();
  const clone = (await (await template).clone()) as PGlite;
  const handle = wrapPglite(clone, 'memory://test');
  pgliteClients.set(handle, clone);
  return handle;
}

/** The whole content of a PGlite test database as a data-directory archive (for `loadTestDatabase`). */
export async function saveTestDatabase(handle: DatabaseHandle): Promise<Blob> {
  const client = pgliteClients.get(handle);
  if (!client) throw new Error('saveTestDatabase: only PGlite test databases can be saved');
  return client.dumpDataDir('none');
}

/** A PGlite test database with the content `saveTestDatabase` saved. */
export async function loadTestDatabase(archive: Blob): Promise<DatabaseHandle> {
  const client = await PGlite.create({ loadDataDir: archive });
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
}

/**
 * The demo bureau for the tests that truly need it (tests of the demo itself, the case list and portal over every
 * demo case, the CLI on a demo data folder). Seeding it walks dozens of cases through the workflow and imports the
 * benchmarks — tens of seconds on a busy 2-core machine — so it is seeded once per test run (`oncePerRun`) and
 * every test file gets its own copy. Tests that need a few users, a power item and a case use the factories
 * (src/services/testing/factories.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type DatabaseHandle, smallBuffers } from '../db/connect.ts';
import { createPostgresTestDatabase, createTestDatabase, loadTestDatabase, oncePerRun, postgresTemplate, saveTestDatabase } from '../db/testing.ts';
import { localFileStore, memoryFileStore } from '../services/file-store.ts';
import { seedDemo } from './index.ts';

export type MemoryFileStore = ReturnType<typeof memoryFileStore>;

interface DemoArchive {
  database: Blob;
  files: [string, Buffer][];
}

let archive: Promise<DemoArchive> | undefined;
let postgresDemo: ReturnType<typeof postgresTemplate> | undefined;

/** The demo's evidence files beside its database, as `files.json` in `dir`. */
async function saveFiles(dir: string, files: [string, Buffer][]): Promise<void> {
  await writeFile(path.join(dir, 'files.json'), JSON.stringify(files.map(([digest, data]) => [digest, data.toString('base64')])));
}

async function loadFiles(dir: string): Promise<[string, Buffer][]> {
  const entries = JSON.parse(await readFile(path.join(dir, 'files.json'), 'utf8')) as [string, string][];
  return entries.map(([digest, base64]) => [digest, Buffer.from(base64, 'base64')]);
}

async function seedFresh(): Promise<{ handle: DatabaseHandle; files: MemoryFileStore }> {
  const handle = await createTestDatabase();
  const files = memoryFileStore();
  await seedDemo({ db: handle.db, clock: () => new Date(), files });
  return { handle, files };
}

function demoArchive(): Promise<DemoArchive> {
  archive ??= oncePerRun('demo', {
    make: async (dir) => {
      const seeded = await seedFresh();
      const database = await saveTestDatabase(seeded.handle);
      await seeded.handle.close();
      const files = seeded.files.entries();
      await writeFile(path.join(dir, 'pgdata.tar'), Buffer.from(await database.arrayBuffer()));
      await saveFiles(dir, files);
      return { database, files };
    },
    load: async (dir) => ({ database: new Blob([await readFile(path.join(dir, 'pgdata.tar'))]), files: await loadFiles(dir) }),
  });
  return archive;
}

/**
 * A database of its own with the demo bureau, and the evidence files it refers to: a copy of the demo seeded once
 * per run — from an archive on PGlite, from a template database on PostgreSQL (FAZHI_TEST_DATABASE_URL).
 */
export async function demoDatabase(): Promise<{ handle: DatabaseHandle; files: MemoryFileStore }> {
  const url = process.env.FAZHI_TEST_DATABASE_URL;
  if (url) {
    postgresDemo ??= postgresTemplate(url, 'demo', async (handle, dir) => {
      const files = memoryFileStore();
      await seedDemo({ db: handle.db, clock: () => new Date(), files });
      await saveFiles(dir, files.entries());
    });
    const demo = await postgresDemo;
    if (!demo) return seedFresh();
    return { handle: await createPostgresTestDatabase(url, demo.template), files: memoryFileStore(await loadFiles(demo.dir)) };
  }
  const { database, files } = await demoArchive();
  return { handle: await loadTestDatabase(database), files: memoryFileStore(files) };
}

/**
 * A data folder (FAZHI_DATA_DIR) holding the demo as `fazhi demo` leaves it — pgdata/ and files/ — made once per
 * run. The CLI tests copy it (`cp -r`) instead of running `fazhi demo` themselves; it must not be written to.
 */
export async function demoDataFolderTemplate(): Promise<string> {
  return oncePerRun('demo-data-folder', {
    make: async (dir) => {
      const { database, files } = await demoArchive();
      const client = new PGlite(path.join(dir, 'pgdata'), { loadDataDir: database, ...smallBuffers() });
      await client.waitReady;
      await client.close();
      const store = localFileStore(path.join(dir, 'files'));
      for (const [, data] of files) await store.put(data);
      return dir;
    },
    load: async (dir) => dir,
  });
}

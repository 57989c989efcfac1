import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import lockfile from 'proper-lockfile';
import { AppError } from '../domain/errors.ts';
import { type DatabaseHandle, migrationsFolder } from './database.ts';
import * as schema from './schema.ts';
import { serverBuffers, smallBuffers } from './pglite-options.ts';
import { namedStatementClient } from './pglite-statements.ts';
import { newStatementTap, registerTap } from './statements.ts';
import { layFromTemplate } from './template.ts';

export type { Database, DatabaseHandle, Executor, Schema, Transaction } from './database.ts';
export { migrationsFolder } from './database.ts';
export { embeddedOptions, smallBuffers } from './pglite-options.ts';

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /** Embedded only: a short-lived process (a read-only CLI command) starts with a small buffer pool (`smallBuffers`). */
  brief?: boolean;
  /**
   * Embedded only: a new database is laid from the installation's migrated template (./template.ts) when one is
   * fresh — for openers that migrate anyway (the server, `fazhi db migrate`). A read-only command leaves a new data
   * folder unmigrated, as it always did.
   */
  fromTemplate?: boolean;
}

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite in `dataDir` (held with an exclusive lock). */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    // node-postgres is loaded only for a server URL: an embedded install (and a quick CLI command) never needs it.
    const { openPostgres } = await import('./postgres.ts');
    return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  }
  if (!options.dataDir) throw new AppError('VALIDATION', '未配置数据目录 FAZHI_DATA_DIR 或 DATABASE_URL');
  return openPglite(options.dataDir, options.brief ?? false, options.fromTemplate ?? false);
}

/**
 * PGlite has no locking between processes: two processes on one directory silently lose writes (measured).
 * So the directory is held with an exclusive lock for the life of the process, and a second process fails
 * clearly instead.
 */
export async function openPglite(dataDir: string, brief = false, fromTemplate = false): Promise<DatabaseHandle> {
  const dir = path.resolve(dataDir);
  await mkdir(dir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockDataDir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED' || !(await ownerIsGone(dir))) throw lockedError(dir, error);
    // The process that held the lock was killed (kill -9, power loss): its lock is taken at once instead of after
    // `stale` seconds.
    await rm(path.join(dir, LOCK_NAME), { recursive: true, force: true });
    try {
      release = await lockDataDir(dir);
    } catch (again) {
      throw lockedError(dir, again);
    }
  }
  await writeFile(path.join(dir, OWNER_NAME), `${process.pid} ${hostname()}\n`);
  const pgdata = path.join(dir, 'pgdata');
  // A new database is laid from the installation's migrated template when there is one (./template.ts), instead of
  // PGlite's initdb and every migration; otherwise PGlite creates it.
  if (fromTemplate && !existsSync(pgdata)) await layFromTemplate(pgdata);
  const client = new PGlite(pgdata, brief ? smallBuffers() : serverBuffers());
  try {
    await client.waitReady;
  } catch (error) {
    await release();
    throw error;
  }
  return wrapPglite(client, dir, release);
}

const LOCK_NAME = '.fazhi.lock';
/** Who holds the lock: "pid hostname", so a later process can tell a lock whose owner is gone. */
const OWNER_NAME = '.fazhi.lock.owner';

function lockDataDir(dir: string): Promise<() => Promise<void>> {
  return lockfile.lock(dir, {
    lockfilePath: path.join(dir, LOCK_NAME),
    stale: 15_000,
    update: 5_000,
    retries: 0,
    onCompromised: (error) => {
      process.stderr.write(`数据目录锁失效：${error.message}\n`);
    },
  });
}

function lockedError(dir: string, error: unknown): unknown {
  if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') return error;
  return new AppError('LOCKED', `数据目录 ${dir} 正被另一个 Fazhi 进程使用。请先停止该进程，或设置不同的 FAZHI_DATA_DIR。`, { dataDir: dir });
}

/** The lock's owner was a process of this machine that no longer runs (or this very process id, reused). */
async function ownerIsGone(dir: string): Promise<boolean> {
  const owner = await readFile(path.join(dir, OWNER_NAME), 'utf8').catch(() => null);
  const [pidText, host] = owner?.trim().split(' ') ?? [];
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0 || host !== hostname()) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** In-memory PGlite (tests, benchmarks) — or a clone of a migrated template. */
export function wrapPglite(client: PGlite, location: string, release?: () => Promise<void>): DatabaseHandle {
  const tap = newStatementTap();
  // Statements named and kept per database (./pglite-statements.ts); drizzle's driver needs only `query` and `transaction`.
  const db = drizzlePglite({ client: namedStatementClient(client) as unknown as PGlite, schema, logger: tap });
  registerTap(db, tap);
  return {
    db,
    kind: 'pglite',
    location,
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: async () => {
      await client.close();
      await release?.();
    },
  };
}

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import { AppError } from '../domain/errors.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repositories accept either, so a service can run several of them in one transaction. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a directory or the server URL without password. */
  location: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite in `dataDir` (held with an exclusive lock). */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  if (!options.dataDir) throw new AppError('VALIDATION', '未配置数据目录 FAZHI_DATA_DIR 或 DATABASE_URL');
  return openPglite(options.dataDir);
}

export function openPostgres(url: string, poolSize = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  let closing = false;
  // An idle client can lose its connection (server restart, admin termination); without a listener that
  // error would crash the process. The pool replaces the client on next use.
  pool.on('error', (error) => {
    if (!closing) process.stderr.write(`PostgreSQL 空闲连接出错：${error.message}\n`);
  });
  const db = drizzleNodePg({ client: pool, schema });
  return {
    db,
    kind: 'postgres',
    location: redactUrl(url),
    migrate: () => migrateNodePg(db, { migrationsFolder }),
    close: async () => {
      closing = true;
      await pool.end();
    },
  };
}

/**
 * PGlite has no locking between processes: two processes on one directory silently lose writes (measured).
 * So the directory is held with an exclusive lock for the life of the process, and a second process fails
 * clearly instead.
 */
export async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const dir = path.resolve(dataDir);
  await mkdir(dir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, {
      lockfilePath: path.join(dir, '.fazhi.lock'),
      stale: 15_000,
      update: 5_000,
      retries: 0,
      onCompromised: (error) => {
        process.stderr.write(`数据目录锁失效：${error.message}\n`);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new AppError('LOCKED', `数据目录 ${dir} 正被另一个 Fazhi 进程使用。请先停止该进程，或设置不同的 FAZHI_DATA_DIR。`, {
        dataDir: dir,
      });
    }
    throw error;
  }
  const client = new PGlite(path.join(dir, 'pgdata'));
  try {
    await client.waitReady;
  } catch (error) {
    await release();
    throw error;
  }
  return wrapPglite(client, dir, release);
}

/** In-memory PGlite (tests, benchmarks) — or a clone of a migrated template. */
export function wrapPglite(client: PGlite, location: string, release?: () => Promise<void>): DatabaseHandle {
  const db = drizzlePglite({ client, schema });
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

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

import { fileReportKeys } from '../services/reports/key-store.ts';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { systemClock } from '../domain/clock.ts';
import { AppError } from '../domain/errors.ts';
import { type DatabaseHandle, openDatabase } from '../db/connect.ts';
import { isMigrated } from '../db/migration-status.ts';
import type { ServiceContext } from '../services/context.ts';
import { directoryPdfCache, setPdfCache } from '../services/documents/pdf-cache.ts';
import { stopSharedOffice } from '../services/documents/warm-office.ts';
import { localFileStore } from '../services/file-store.ts';
import { startupPhase } from './startup-phases.ts';

export interface Runtime {
  config: Config;
  handle: DatabaseHandle;
  ctx: ServiceContext;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /**
   * A command that only reads (`org list`, `cases list`, `audit verify`) does not migrate: it refuses a database
   * that is not at the latest schema with a message saying to run `fazhi db migrate`. Every other command
   * migrates first, as the server does.
   */
  readOnly?: boolean;
}

export const NOT_MIGRATED_MESSAGE = '数据库尚未迁移到最新版本，请先运行 fazhi db migrate（或启动服务 fazhi start，启动时会自动迁移）。';

/** Reads configuration (exiting with the readable list when invalid) and opens the database. */
export async function openRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  startupPhase('node and the CLI loaded');
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new AppError('VALIDATION', error.message);
    throw error;
  }
  const readOnly = options.readOnly === true;
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, brief: readOnly, fromTemplate: !readOnly });
  startupPhase('open database');
  try {
    if (!options.readOnly) {
      // The migrator reads and digests every migration file and creates its own schema and table if missing; a
      // database already at the newest migration (every restart) is known from the journal and one query.
      if (!(await isMigrated(handle.db))) await handle.migrate();
      startupPhase('migrations');
    }
    else if (!(await isMigrated(handle.db))) throw new AppError('CONFLICT', NOT_MIGRATED_MESSAGE);
    if (config.sessionSecretGenerated && handle.kind === 'pglite') {
      config = { ...config, sessionSecret: await persistentSecret(config.dataDir) };
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
  const ctx: ServiceContext = {
    db: handle.db,
    clock: systemClock,
    files: localFileStore(path.join(config.dataDir, 'files')),
    reportKeys: fileReportKeys(path.join(config.dataDir, 'keys')),
  };
  // PDF conversions are cached beside the data (derived, safe to delete); the warm LibreOffice stops with the runtime.
  setPdfCache(directoryPdfCache(path.join(config.dataDir, 'cache', 'pdf')));
  const close = async () => {
    stopSharedOffice();
    await handle.close();
  };
  return { config, handle, ctx, close };
}

/** Embedded installs keep a generated session secret beside the data, so logins survive a restart. */
async function persistentSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, '.session-secret');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  } catch {
    // First start: create it below.
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Runs `work` with an open runtime and always closes it (releasing the data-directory lock). */
export async function withRuntime<T>(work: (rt: Runtime) => Promise<T>, options?: RuntimeOptions): Promise<T> {
  const rt = await openRuntime(options);
  try {
    return await work(rt);
  } finally {
    await rt.close();
  }
}

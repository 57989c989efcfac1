/**
 * A template of the empty, migrated embedded database, so a new data folder does not run PGlite's initdb inside
 * WebAssembly and every migration (issue 16 item 6: 5.8 s + 0.8 s of the first `npm start` on a quiet machine,
 * docs/PERFORMANCE.md "Round 6 — start-up"). The template is an ordinary PGlite data directory (`pgdata`), made once
 * per installation — by `npm start`'s prestart step (scripts/prepare-start.ts), as it builds the web app — and
 * copied into a new data folder by `openPglite`. A data directory does not depend on where it lies, so a copy is a
 * database of its own; copying 40 MB and opening it costs a fraction of initdb.
 *
 * Freshness: the template's folder is named by a key — the digest of every migration file, the journal, PGlite's
 * version and FORMAT — so a new migration or another PGlite makes another template, and a data folder is never laid
 * from a stale one. Without a fresh template (a run not started through `npm start`, a read-only node_modules, any
 * error while copying) a new data folder is created by initdb as before: the template only saves time.
 *
 * Layer: db.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, rm, utimes } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import lockfile from 'proper-lockfile';
import { migrationsFolder } from './database.ts';
import { smallBuffers } from './pglite-options.ts';

/** Changes when what goes into a template changes beyond the key's files (e.g. another extension loaded at start). */
const FORMAT = 'pgdata-1 pg_trgm';
/** Templates of other keys kept (worktrees or branches with other migrations sharing one node_modules). */
const KEEP = 3;

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface TemplateOptions {
  /** Where templates are kept; default node_modules/.cache/fazhi-db-template, or FAZHI_DB_TEMPLATE_DIR. */
  root?: string;
  /** The migrations the template is migrated to (default: the app's). */
  migrations?: string;
}

function rootOf(options: TemplateOptions): string {
  return options.root ?? (process.env.FAZHI_DB_TEMPLATE_DIR || path.join(packageRoot, 'node_modules', '.cache', 'fazhi-db-template'));
}

function pgliteVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(packageRoot, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** The key of the template for these migrations: the digest of the journal and every SQL file, PGlite's version and FORMAT. */
export function templateKey(options: TemplateOptions = {}): string {
  const dir = options.migrations ?? migrationsFolder;
  const hash = createHash('sha256').update(`${FORMAT}\n${pgliteVersion()}\n`);
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  for (const name of [...files, path.join('meta', '_journal.json')]) {
    hash.update(`${name}\n`).update(readFileSync(path.join(dir, name))).update('\n');
  }
  return hash.digest('hex').slice(0, 20);
}

/** The fresh template's data directory, or null when there is none for the current migrations. */
export function freshTemplate(options: TemplateOptions = {}): string | null {
  try {
    const dir = path.join(rootOf(options), templateKey(options), 'pgdata');
    return existsSync(path.join(dir, 'PG_VERSION')) ? dir : null;
  } catch {
    return null;
  }
}

/**
 * Lays a new database at `pgdata` (which must not exist; the caller holds the data folder's lock) from the fresh
 * template; false (nothing laid) when there is none or the copy failed, and the caller creates the database instead.
 */
export async function layFromTemplate(pgdata: string, options: TemplateOptions = {}): Promise<boolean> {
  const template = freshTemplate(options);
  if (!template) return false;
  const partial = `${pgdata}.partial-${process.pid}`;
  try {
    await rm(partial, { recursive: true, force: true });
    // Synchronously: the template is ~1,300 files, and fs.promises.cp's per-file round trips through the thread
    // pool took 0.66-0.75 s where cpSync takes 0.19-0.32 s (measured; nothing else runs while a database is laid).
    cpSync(template, partial, { recursive: true });
    // The copy appears whole or not at all: a crash mid-copy leaves a `.partial` folder, never a broken pgdata.
    await rename(partial, pgdata);
    // Marks the template as used, so cleaning keeps the templates in use.
    await utimes(path.dirname(template), new Date(), new Date()).catch(() => undefined);
    return true;
  } catch {
    await rm(partial, { recursive: true, force: true }).catch(() => undefined);
    return false;
  }
}

/**
 * Makes the template for the current migrations unless it exists (one maker at a time, under a lock; a second
 * caller waits and finds it made). Returns its data directory and whether this call made it.
 */
export async function ensureDatabaseTemplate(options: TemplateOptions = {}): Promise<{ dir: string; made: boolean }> {
  const existing = freshTemplate(options);
  if (existing) return { dir: existing, made: false };
  const root = rootOf(options);
  await mkdir(root, { recursive: true });
  const release = await lockfile.lock(root, {
    lockfilePath: path.join(root, '.make.lock'),
    retries: { retries: 600, minTimeout: 100, maxTimeout: 500 },
    // initdb keeps the event loop busy for seconds at a time: the lock's refresh may be late on a loaded machine.
    stale: 120_000,
    update: 10_000,
    onCompromised: () => undefined,
  });
  try {
    const again = freshTemplate(options);
    if (again) return { dir: again, made: false };
    const key = templateKey(options);
    const tmp = path.join(root, `tmp-${process.pid}-${Date.now()}`);
    await mkdir(tmp, { recursive: true });
    try {
      // Lazy imports: a start that finds its template never loads the migrator.
      const [{ drizzle }, { migrate }] = await Promise.all([import('drizzle-orm/pglite'), import('drizzle-orm/pglite/migrator')]);
      // The buffer pool's size is a start parameter, not part of the data: a small one starts faster.
      const client = new PGlite(path.join(tmp, 'pgdata'), smallBuffers());
      await client.waitReady;
      try {
        await migrate(drizzle({ client }), { migrationsFolder: options.migrations ?? migrationsFolder });
      } finally {
        await client.close();
      }
      await rm(path.join(root, key), { recursive: true, force: true });
      await rename(tmp, path.join(root, key));
    } catch (error) {
      await rm(tmp, { recursive: true, force: true });
      throw error;
    }
    removeOldTemplates(root, key);
    return { dir: path.join(root, key, 'pgdata'), made: true };
  } finally {
    await release().catch(() => undefined);
  }
}

/** Keeps the KEEP most recently used templates besides `keep`; removes left-over temporary folders older than an hour. */
function removeOldTemplates(root: string, keep: string): void {
  const hourAgo = Date.now() - 3600_000;
  const entries = readdirSync(root, { withFileTypes: true })
    // Dot names are the makers' lock (held now), never a template.
    .filter((e) => e.isDirectory() && e.name !== keep && !e.name.startsWith('.'))
    .map((e) => ({ name: e.name, mtime: statSync(path.join(root, e.name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  const templates = entries.filter((e) => !e.name.startsWith('tmp-'));
  const doomed = [...templates.slice(KEEP), ...entries.filter((e) => e.name.startsWith('tmp-') && e.mtime < hourAgo)];
  for (const e of doomed) {
    void rm(path.join(root, e.name), { recursive: true, force: true }).catch(() => undefined);
  }
}

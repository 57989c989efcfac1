/**
 * The CLI tests' data folder and `fazhi` runner: a fresh FAZHI_DATA_DIR — empty, or copied from the migrated or the
 * demo template made once per test run (so a test's first command neither creates, migrates nor seeds a database) —
 * and `fazhi(...args)` running bin/fazhi.js on it as a user would, answering its exit code and output.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const fazhiBin = path.resolve(import.meta.dirname, '../../bin/fazhi.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliFolder {
  dir: string;
  /** The environment `fazhi` runs with on this folder (the embedded database, quiet logs). */
  env: (extra?: Record<string, string>) => NodeJS.ProcessEnv;
  fazhi: (...args: string[]) => Promise<CliRun>;
  remove: () => Promise<void>;
}

/** A new data folder named `fazhi-<name>-…` in the temporary folder, `from` an empty folder or a template. */
export async function cliFolder(name: string, from: 'empty' | 'migrated' | 'demo' = 'empty'): Promise<CliFolder> {
  const dir = await mkdtemp(path.join(tmpdir(), `fazhi-${name}-`));
  if (from === 'migrated') await cp(await (await import('../db/testing.ts')).migratedDataFolderTemplate(), dir, { recursive: true });
  if (from === 'demo') await cp(await (await import('../demo/testing.ts')).demoDataFolderTemplate(), dir, { recursive: true });
  const env = (extra: Record<string, string> = {}) => ({ ...process.env, FAZHI_DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'warn', ...extra });
  return { dir, env, fazhi: (...args) => runFazhi(args, env()), remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Runs `fazhi args…`; a failing command answers its exit code and output instead of throwing. */
export function runFazhi(args: readonly string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile('node', [fazhiBin, ...args], { env, maxBuffer: 16 * 1024 * 1024, ...(cwd ? { cwd } : {}) }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/**
 * `npm run bench:tests`: wall-clock time of the test commands and of two read-only CLI commands on a demo data
 * folder, so the suite's speed can be watched as ledgers are added (issue #11 targets on the 2-core machine:
 * `npm test` ≤ 5 min, `npm run check` with the browser tests ≤ 10 min, each CLI command ≤ 1 s). Printed, never
 * asserted. `npm run bench:tests -- cli` times only the CLI commands.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM } from '../test/browser/chromium.ts';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv[2];

/** Runs `command args` in the project folder and prints its wall-clock time (and the end of its output if it failed). */
function timed(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const status = result.status === 0 ? 'ok' : `FAILED (exit ${String(result.status ?? result.signal)})`;
  process.stdout.write(`${label.padEnd(44)} ${seconds.toFixed(seconds < 10 ? 2 : 0).padStart(7)} s  ${status}\n`);
  if (result.status !== 0) process.stdout.write(`${`${result.stdout}${result.stderr}`.trim().split('\n').slice(-20).join('\n')}\n`);
  return seconds;
}

process.stdout.write(`Fazhi test timings — node ${process.version}, ${String(cpus().length)} CPUs, ${new Date().toISOString()}\n`);

if (only !== 'cli') {
  timed('npm test', 'npm', ['test', '--silent']);
  if (existsSync(CHROMIUM)) timed('npm run test:browser', 'npm', ['run', 'test:browser', '--silent']);
  else process.stdout.write(`${'npm run test:browser'.padEnd(44)} skipped: no Chromium at ${CHROMIUM} (set FAZHI_CHROMIUM or install chromium-headless-shell)\n`);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'fazhi-bench-cli-'));
try {
  const env = { ...process.env, FAZHI_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
  timed('fazhi demo (seeds the data folder)', 'node', ['bin/fazhi.js', 'demo'], env);
  timed('npx fazhi org list', 'npx', ['fazhi', 'org', 'list'], env);
  timed('npx fazhi cases list --json', 'npx', ['fazhi', 'cases', 'list', '--json'], env);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

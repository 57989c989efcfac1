/**
 * Start-up of `fazhi start` (issue 16 item 6), on the embedded database in a new data folder: the first start (the
 * migrations and the demo bureau), a restart after a clean stop (SIGTERM), and a restart after `kill -9` (the stale
 * lock of the killed process is taken at once), each timed from spawning `node bin/fazhi.js start` to the first
 * `200` of /api/health — next to `node -e 0`, the floor of any Node start on this machine. What `npm start`'s prestart
 * step makes once per installation (scripts/prepare-start.ts) is made before the first timing, as it is before a
 * user's first start: the compiled CLI and the empty database's template (src/db/template.ts; the time to make it, when
 * it had to be made, is printed). FAZHI_BENCH_NO_TEMPLATE=1 starts without a template (initdb and every migration), for
 * an A/B in the same period.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDatabaseTemplate } from '../src/db/template.ts';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'fazhi.js');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/health', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

/**
 * CPU seconds (user + system) the process has used, from /proc (Linux; null elsewhere). On a machine shared with other
 * work the wall time mostly measures the others; the CPU time of the start itself changes far less.
 */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

interface Phase {
  name: string;
  wallMs: number;
  cpuMs: number;
}

/**
 * Spawns `fazhi start` and resolves with the seconds to a healthy server (wall, and CPU of the server process) and
 * the phases it reported (FAZHI_STARTUP_PHASES=1, src/cli/startup-phases.ts); other stderr goes through.
 */
async function start(dataDir: string, port: number, extraEnv: Record<string, string>): Promise<{ child: ChildProcess; seconds: number; cpu: number | null; phases: Phase[] }> {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'start'], {
    cwd: root,
    env: { ...process.env, FAZHI_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '', FAZHI_STARTUP_PHASES: '1', ...extraEnv },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const phases: Phase[] = [];
  let pending = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      const [tag, name, wall, cpu] = line.split('\t');
      if (tag === 'fazhi-phase' && name) phases.push({ name, wallMs: Number(wall), cpuMs: Number(cpu) });
      else process.stderr.write(`${line}\n`);
    }
  });
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  for (;;) {
    if (exited !== null) throw new Error(`fazhi start exited with ${exited}`);
    if (await healthy(port)) return { child, seconds: (performance.now() - started) / 1000, cpu: cpuSeconds(child.pid), phases: [...phases] };
    await new Promise((r) => setTimeout(r, 25));
  }
}

function phaseTable(title: string, phases: Phase[]): string[] {
  return [`  ${title} (wall ms, CPU ms of the server process):`, ...phases.map((p) => `    ${p.name.padEnd(40)} ${String(p.wallMs).padStart(7)}  ${String(p.cpuMs).padStart(7)}`)];
}

function stopped(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

export async function benchStartup(): Promise<string> {
  const nodeStarted = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  const nodeAlone = (performance.now() - nodeStarted) / 1000;
  spawnSync(process.execPath, [bin, '--version'], { cwd: root, stdio: 'ignore' });
  const withoutTemplate = process.env.FAZHI_BENCH_NO_TEMPLATE === '1';
  const noTemplateDir = mkdtempSync(path.join(tmpdir(), 'fazhi-bench-no-template-'));
  let templateLine = '  database template: none (FAZHI_BENCH_NO_TEMPLATE=1: initdb and every migration)';
  if (!withoutTemplate) {
    const made = performance.now();
    const template = await ensureDatabaseTemplate();
    templateLine = template.made
      ? `  database template: made now, once per installation, in ${((performance.now() - made) / 1000).toFixed(2)} s (not in the timings)`
      : '  database template: found (made earlier by npm start or a previous run)';
  }
  const env: Record<string, string> = withoutTemplate ? { FAZHI_DB_TEMPLATE_DIR: noTemplateDir } : {};
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fazhi-bench-start-'));
  const port = await freePort();
  try {
    const first = await start(dataDir, port, env);
    await stopped(first.child, 'SIGTERM');
    const restart = await start(dataDir, port, env);
    await stopped(restart.child, 'SIGKILL');
    const crashed = await start(dataDir, port, env);
    await stopped(crashed.child, 'SIGTERM');
    const row = (name: string, seconds: number, cpu: number | null, target: string) =>
      `  ${name.padEnd(44)} ${seconds.toFixed(2).padStart(6)} s  ${cpu === null ? '     —' : cpu.toFixed(2).padStart(6)} s   ${target}`;
    return [
      'Start-up of `fazhi start`, embedded PGlite (spawn → first 200 of /api/health; wall, then CPU of the server process; load average ' +
        `${readFileSync('/proc/loadavg', 'utf8').split(' ')[0] ?? '?'})`,
      row('node -e 0', nodeAlone, null, ''),
      row('first start, empty data folder (demo data)', first.seconds, first.cpu, 'target ≤ 10 s'),
      row('restart after a clean stop', restart.seconds, restart.cpu, 'target ≤ 2 s'),
      row('restart after kill -9', crashed.seconds, crashed.cpu, 'target ≤ 5 s'),
      templateLine,
      '',
      ...phaseTable('phases of the first start', first.phases),
      ...phaseTable('phases of the restart after a clean stop', restart.phases),
    ].join('\n');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(noTemplateDir, { recursive: true, force: true });
  }
}

/**
 * Phase timings of `fazhi start` and `fazhi serve` (issue 16 item 6): with FAZHI_STARTUP_PHASES=1 each phase writes
 * one line `fazhi-phase <name> <wall ms> <cpu ms>` to stderr — the time since the previous phase (the first: since
 * the process started, i.e. Node's start and loading the CLI). `npm run bench startup` (bench/startup.bench.ts)
 * reads them; without the variable this costs nothing.
 */
const enabled = process.env.FAZHI_STARTUP_PHASES === '1';
let lastWall = 0;
let lastCpu = { user: 0, system: 0 };

/** Marks the end of phase `name`. */
export function startupPhase(name: string): void {
  if (!enabled) return;
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const cpuMs = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000;
  process.stderr.write(`fazhi-phase\t${name}\t${(wall - lastWall).toFixed(0)}\t${cpuMs.toFixed(0)}\n`);
  lastWall = wall;
  lastCpu = cpu;
}

/**
 * `npm run bench` (`npm run bench http`: the HTTP request speed only): speed and memory, measured — never asserted
 * in tests. PostgreSQL is measured when
 * FAZHI_BENCH_DATABASE_URL is set, or when the Debian PostgreSQL server is installed (a private cluster is
 * started on 127.0.0.1 for the run).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { embeddedOptions, wrapPglite } from '../src/db/connect.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { benchAuditedWrites } from './audit.bench.ts';
import { benchHttpPglite, benchHttpPostgres } from './http.bench.ts';
import { benchLists } from './lists.bench.ts';
import { benchStartup } from './startup.bench.ts';
import { benchInboxPostgres, benchIntakePglite, benchIntakePostgres } from './workorders.bench.ts';

/**
 * `npm run bench` runs everything; `npm run bench http` only the HTTP request speed, `npm run bench startup` only the
 * start-up times, `npm run bench lists` only the case lists at a million cases (issue 16); `npm run bench workorders`
 * only issue 17's (Open311 intake, the inbox at a million orders); `npm run bench inspections` only issue 18's (the
 * 双随机 draw over a million subjects, the yearly-caps check per inspection); `npm run bench province` only issue 19's
 * synthetic province (bench/province.ts: 100 units, 10 M cases; indicator tables and the roll-up), which the full run
 * leaves out — it takes tens of minutes and ~10 GB.
 */
const only = process.argv[2];

const root = path.resolve(import.meta.dirname, '..');
const lines: string[] = [];
const report = (line: string) => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};

async function main() {
  report(`Fazhi benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  if (only === 'startup') return report(await benchStartup());
  if (only === 'inspections') {
    const { benchDraw, benchCaps } = await import('./inspections.bench.ts');
    report(await benchDraw());
    return report(await benchCaps());
  }

  await withPostgres(async (url) => {
    if (only === 'lists') return report(await benchLists(url));
    if (only === 'province') return report(await (await import('./province.ts')).benchProvince(url));
    if (only !== 'workorders') report(await benchHttpPostgres(url));
    if (only === undefined || only === 'workorders') {
      report(await benchIntakePostgres(url));
      report(await benchInboxPostgres(url));
    }
    if (only === 'http' || only === 'workorders') return;
    const pg = openPostgres(url, 20);
    await pg.migrate();
    report(await benchAuditedWrites(pg, { writes: 5000, concurrency: 16, subjects: 50 }));
    await pg.close();
    report(await benchLists(url));
  });
  if (only === 'lists' || only === 'province') return;
  if (only !== 'workorders') report(await benchHttpPglite());
  if (only === undefined || only === 'workorders') report(await benchIntakePglite());
  if (only === 'http' || only === 'workorders') return;
  report(await benchStartup());

  const pgliteDir = mkdtempSync(path.join(tmpdir(), 'fazhi-bench-'));
  const pglite = wrapPglite(new PGlite(path.join(pgliteDir, 'pgdata'), embeddedOptions()), pgliteDir);
  await pglite.migrate();
  report(await benchAuditedWrites(pglite, { writes: 2000, concurrency: 1, subjects: 50 }));
  await pglite.close();
  rmSync(pgliteDir, { recursive: true, force: true });

  for (const extra of ['analyzer.bench.ts', 'web.bench.ts', 'documents.bench.ts', 'cases.bench.ts', 'oversight.bench.ts', 'inspections.bench.ts']) {
    const file = path.join(import.meta.dirname, extra);
    if (existsSync(file)) {
      const mod = (await import(file)) as Record<string, () => Promise<string>>;
      for (const fn of Object.values(mod)) if (typeof fn === 'function') report(await fn());
    }
  }
  report(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}

async function withPostgres(work: (url: string) => Promise<void>): Promise<void> {
  if (process.env.FAZHI_BENCH_DATABASE_URL) return work(process.env.FAZHI_BENCH_DATABASE_URL);
  const hasServer = existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').length > 0;
  if (!hasServer) {
    report('postgres (skipped: set FAZHI_BENCH_DATABASE_URL or install the Debian postgresql package)');
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-bench-pg-'));
  const script = path.join(root, '.ci/pg-cluster.sh');
  const url = execFileSync(script, ['start', dir, process.env.FAZHI_BENCH_PG_PORT ?? '55439']).toString().trim();
  try {
    await work(url);
  } finally {
    execFileSync(script, ['stop', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

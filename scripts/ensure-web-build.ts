/**
 * Builds the web app (dist/web) when it is missing or older than its sources — run by `npm start` (prestart)
 * and by the browser tests, so neither needs a manual `npm run build:web` first. Sources are src/web, the domain
 * modules the web app imports (src/domain), vite.config.ts and the lock file. Concurrent callers (parallel test
 * files) wait for one build under a lock instead of building over each other.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import lockfile from 'proper-lockfile';

const root = path.resolve(import.meta.dirname, '..');
// FAZHI_WEB_DIST: another build folder (vite.config.ts and src/server/static.ts read the same variable).
const distDir = path.resolve(root, process.env.FAZHI_WEB_DIST ?? 'dist/web');
const stampFile = path.join(distDir, '.vite', 'manifest.json');
const sources = ['src/web', 'src/domain', 'vite.config.ts', 'package-lock.json'].map((p) => path.join(root, p));

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

/** Why a build is needed, or null when dist/web is up to date. */
export function webBuildStaleness(): string | null {
  if (!existsSync(stampFile)) return '网页尚未构建';
  const built = statSync(stampFile).mtimeMs;
  const changed = sources.find((s) => newestMtime(s) > built);
  return changed ? `源文件已更新（${path.relative(root, changed)}）` : null;
}

/** Builds dist/web if it is stale; returns whether a build ran. Throws when the build fails. */
export async function ensureWebBuild(options: { log?: (line: string) => void } = {}): Promise<boolean> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  if (webBuildStaleness() === null) return false;
  const lockDir = path.dirname(distDir);
  mkdirSync(lockDir, { recursive: true });
  const release = await lockfile.lock(lockDir, { lockfilePath: path.join(lockDir, `.${path.basename(distDir)}-build.lock`), retries: { retries: 120, minTimeout: 500, maxTimeout: 1000 }, stale: 120_000 });
  try {
    const reason = webBuildStaleness();
    if (reason === null) return false;
    log(`${reason}，正在构建网页（npm run build:web）……`);
    const started = Date.now();
    // NODE_ENV=production even when called from vitest (which sets NODE_ENV=test): Vite would otherwise bundle
    // React's development build.
    const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status !== 0) throw new Error(`网页构建失败（vite build 退出码 ${result.status ?? result.signal}）`);
    log(`网页构建完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
    return true;
  } finally {
    await release();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureWebBuild().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

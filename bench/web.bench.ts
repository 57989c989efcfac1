// Web app: bundle sizes (portal initial JS must stay under 300 kB gzipped) and page load times on demo data in
// Debian's Chromium against the real server (each page: from navigation until it shows content — loaded, no
// spinner or skeleton left).
// Called by bench/run.ts; returns its lines.
import { existsSync } from 'node:fs';
import { ensureWebBuild } from '../scripts/ensure-web-build.ts';
import { describeWebBundles, measureWebBundles } from '../scripts/web-bundle-size.ts';
import { CHROMIUM } from '../test/browser/chromium.ts';
import { login, ready, startHarness } from '../test/browser/harness.ts';

const staffPaths = ['/', '/organizations', '/users', '/calendar', '/tools/deadline', '/profile', '/dashboard', '/review'];
const portalPaths = ['/portal', '/portal/bodies', '/portal/officers', '/portal/procedure'];

export async function benchWeb(): Promise<string> {
  const lines: string[] = [];
  const started = performance.now();
  const built = await ensureWebBuild({ log: () => undefined });
  lines.push(built ? `web build ${((performance.now() - started) / 1000).toFixed(1)} s` : 'web build up to date');
  lines.push(describeWebBundles(measureWebBundles()));
  if (!existsSync(CHROMIUM)) {
    lines.push(`web page loads (skipped: no Chromium at ${CHROMIUM})`);
    return lines.join('\n');
  }
  const h = await startHarness();
  try {
    for (const [label, viewport] of [
      ['desktop', 'desktop'],
      ['phone', 'phone'],
    ] as const) {
      const { context, page } = await h.newPage(viewport);
      await login(page, 'admin');
      const times: string[] = [];
      let worst = 0;
      for (const p of [...staffPaths, ...portalPaths]) {
        // Twice: the first load fills the browser cache, the second is what a returning user sees.
        for (const round of [0, 1]) {
          const t0 = performance.now();
          await page.goto(p);
          await ready(page);
          const ms = performance.now() - t0;
          if (round === 1) {
            worst = Math.max(worst, ms);
            times.push(`${p} ${ms.toFixed(0)}`);
          }
        }
      }
      lines.push(`web page loads (${label}, ms, warm cache): ${times.join(', ')}; slowest ${worst.toFixed(0)} ms`);
      await context.close();
    }
  } finally {
    await h.close();
  }
  return lines.join('\n');
}

/**
 * Browser tests: the real server (buildApp on a fresh test database with the demo bureau, listening on a random
 * 127.0.0.1 port, serving the built web app) driven by Debian's Chromium through playwright-core. The web app
 * is built first when dist/web is missing or stale, so `npm test` needs no prior build.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { type Browser, type BrowserContext, type Locator, type Page, chromium } from 'playwright-core';
import { ensureWebBuild } from '../../scripts/ensure-web-build.ts';
import { createTestApp } from '../../src/server/test-app.ts';
import { CHROMIUM } from './chromium.ts';

export const screenshotDir = path.resolve(import.meta.dirname, '../../test-results/screenshots');

export const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof viewports;

export interface Harness {
  baseUrl: string;
  browser: Browser;
  app: Awaited<ReturnType<typeof createTestApp>>;
  /** A fresh browser context (own cookies) at the given width. */
  newPage(viewport: ViewportName): Promise<{ context: BrowserContext; page: Page }>;
  /** `newPage`, logged in as `username`, on `path` once it has settled. */
  signedIn(viewport: ViewportName, username: string, path: string): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startHarness(options: { clock?: () => Date } = {}): Promise<Harness> {
  await ensureWebBuild({ log: () => undefined });
  const app = await createTestApp(options);
  await app.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-extensions', '--mute-audio', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  } catch (error) {
    await app.close();
    throw new Error(`无法启动 Chromium（${CHROMIUM}）：请安装 Debian 软件包 chromium-headless-shell 或 chromium（见 .ci/apt-packages）。`, { cause: error });
  }
  mkdirSync(screenshotDir, { recursive: true });
  const newPage: Harness['newPage'] = async (viewport) => {
    const context = await browser.newContext({ viewport: viewports[viewport], locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: baseUrl, reducedMotion: 'reduce', ...(viewport === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    trackRequests(page);
    return { context, page };
  };
  return {
    baseUrl,
    browser,
    app,
    newPage,
    async signedIn(viewport, username, path) {
      const opened = await newPage(viewport);
      await login(opened.page, username);
      await opened.page.goto(path);
      await settle(opened.page);
      return opened;
    },
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

/** Saves test-results/screenshots/<name>-<viewport>.png once the page has no spinner or skeleton left. */
export async function screenshot(page: Page, name: string, viewport: ViewportName): Promise<void> {
  await settle(page);
  await page.screenshot({ path: path.join(screenshotDir, `${name}-${viewport}.png`), fullPage: true });
}

/** Waits until the page shows its content: loaded, and no boot text, spinner or skeleton left. */
export async function ready(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForFunction(() => !document.querySelector('.ant-skeleton, .ant-spin-spinning, .boot'), undefined, { timeout: 30_000, polling: 'raf' });
}

/** Requests each test page has in flight (an SPA navigation loads chunks and data without a new document). */
const inFlight = new WeakMap<Page, Set<unknown>>();

function trackRequests(page: Page): void {
  const pending = new Set<unknown>();
  inFlight.set(page, pending);
  page.on('request', (request) => pending.add(request));
  page.on('requestfinished', (request) => pending.delete(request));
  page.on('requestfailed', (request) => pending.delete(request));
}

/**
 * `ready`, and the network quiet (no request in flight for 500 ms), then `ready` again — before screenshots and
 * assertions. Playwright's own `networkidle` is no use after a client-side navigation: it was reached once for
 * the document and resolves at once, before the new page has even asked for its data.
 */
export async function settle(page: Page): Promise<void> {
  await ready(page);
  const pending = inFlight.get(page);
  if (pending) {
    const deadline = Date.now() + 30_000;
    let quietSince = Date.now();
    while (Date.now() - quietSince < 500) {
      if (Date.now() > deadline) throw new Error(`settle: requests still running after 30 s (${pending.size})`);
      await page.waitForTimeout(50);
      if (pending.size > 0) quietSince = Date.now();
    }
  } else {
    await page.waitForLoadState('networkidle');
  }
  await ready(page);
}

export async function login(page: Page, username: string, password = 'Demo2026'): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登 录' }).or(page.getByRole('button', { name: '登录' })).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await settle(page);
}

/** The page is no wider than the viewport (nothing runs off a phone screen). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Picks an option of an antd Select (`select`: the Select or the combobox input inside it) and checks that it was
 * taken. A click that lands while the dropdown is still opening or its options are re-rendered (they load on
 * demand) can be lost, so the pick is retried a few times before the test fails.
 */
export async function pickOption(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  const root = select.locator('xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const matches = (text: string) => (typeof option === 'string' ? text.includes(option) : option.test(text));
  // The Select shows the chosen option's label (its placeholder otherwise, which no option reads like).
  const chosen = async () => (await root.innerText()).split('\n').some((line) => matches(line.trim()));
  for (let attempt = 1; ; attempt++) {
    if (!/\bant-select-open\b/.test((await root.getAttribute('class')) ?? '')) await select.click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().click();
    for (let i = 0; i < 20 && !(await chosen()); i++) await page.waitForTimeout(100);
    if (await chosen()) return;
    if (attempt === 3) throw new Error(`下拉选项“${String(option)}”三次点选均未生效`);
  }
}

/**
 * Goes to `path` inside the single-page app, as a click on a link does (history API and the popstate event the
 * router listens to), without loading the app again: tests that walk many pages load the first one only.
 */
export async function clientNavigate(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.waitForURL((url) => `${url.pathname}${url.search}` === path);
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/services/seed-demo.ts';
import { PORTAL_INITIAL_JS_LIMIT_GZIP, kB, measureWebBundles } from '../../scripts/web-bundle-size.ts';
import { type Harness, type ViewportName, horizontalOverflow, screenshot, settle, startHarness } from './harness.ts';

let h: Harness;
const phoneOfWanglei = '13912345678';
let usernames: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  // Give an officer a phone number, so the privacy checks below have something real to leak.
  const cookie = await h.app.login('admin', DEMO_PASSWORD);
  const users = (await h.app.app.inject({ method: 'GET', url: '/api/users', headers: { cookie } })).json() as { id: number; username: string }[];
  usernames = users.map((u) => u.username);
  const wanglei = users.find((u) => u.username === 'wanglei')!;
  const res = await h.app.app.inject({ method: 'PATCH', url: `/api/users/${wanglei.id}`, headers: { cookie }, payload: { phone: phoneOfWanglei } });
  if (res.statusCode !== 200) throw new Error(res.body);
}, 240_000);
afterAll(() => h?.close());

const portalPages = [
  { path: '/portal', name: 'portal-home' },
  { path: '/portal/bodies', name: 'portal-bodies' },
  { path: '/portal/officers', name: 'portal-officers' },
  { path: '/portal/procedure', name: 'portal-procedure' },
];

/** Phone numbers (mobile and landline) and 18-digit ID numbers, as they would appear in page text. */
const phonePattern = /(?<!\d)(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)/;
const idNumberPattern = /(?<![0-9A-Z])\d{17}[\dX](?![0-9A-Z])/;

describe('public portal in the browser', { timeout: 120_000 }, () => {
  it('finds an officer by name and shows the certificate number and its validity, without logging in', async () => {
    const { context, page } = await h.newPage('desktop');
    await page.goto('/portal');
    await settle(page);
    await page.getByRole('menuitem', { name: '执法人员' }).click();
    await page.waitForURL(/\/portal\/officers$/);
    await page.getByLabel('姓名或执法证号').fill('王磊');
    await page.getByLabel('姓名或执法证号').press('Enter');
    await page.waitForURL(/q=/);
    await settle(page);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    const text = (await rows.first().textContent()) ?? '';
    expect(text).toContain('王磊');
    expect(text).toContain('53990219000201');
    expect(text).toContain('东湖区城市管理综合行政执法大队');
    expect(text).toMatch(/有效|已过期/);
    await screenshot(page, 'portal-officer-search', 'desktop');
    await context.close();
  });

  it('lists an expired certificate as expired, so a member of the public can tell', async () => {
    const { context, page } = await h.newPage('phone');
    await page.goto('/portal/officers?q=53990219000203');
    await settle(page);
    const item = page.locator('.ant-list-item').filter({ hasText: '孙丽' });
    await item.waitFor();
    expect(await item.textContent()).toContain('已过期');
    await context.close();
  });

  for (const viewport of ['desktop', 'phone'] as ViewportName[]) {
    it(`never shows a phone number, ID number or username on any portal page (${viewport}), and fits the screen`, async () => {
      const { context, page } = await h.newPage(viewport);
      const apiBodies: string[] = [];
      page.on('response', async (response) => {
        if (response.url().includes('/api/')) apiBodies.push(await response.text().catch(() => ''));
      });
      for (const p of portalPages) {
        await page.goto(p.path);
        await screenshot(page, p.name, viewport);
        const text = await page.locator('body').innerText();
        expect(text, p.path).not.toContain(phoneOfWanglei);
        expect(text, p.path).not.toMatch(phonePattern);
        expect(text, p.path).not.toMatch(idNumberPattern);
        for (const username of usernames) expect(text, `${p.path} shows username ${username}`).not.toMatch(new RegExp(`(?<![\\w.])${username.replace('.', '\\.')}(?![\\w.])`));
        if (viewport === 'phone') expect(await horizontalOverflow(page), p.path).toBeLessThanOrEqual(0);
      }
      // The officers page really shows officers (the check above would pass on an empty page).
      await page.goto('/portal/officers');
      await settle(page);
      expect(await page.locator('body').innerText()).toContain('王磊');
      // What the portal fetched carries no phone or username either.
      const fetched = apiBodies.join('\n');
      expect(fetched).toContain('53990219000201');
      expect(fetched).not.toContain(phoneOfWanglei);
      expect(fetched).not.toMatch(/"username"|"phone"/);
      await context.close();
    });
  }

  it('cites the statutory remedies and their time limits', async () => {
    const { context, page } = await h.newPage('desktop');
    await page.goto('/portal/procedure');
    await settle(page);
    const text = await page.locator('body').innerText();
    expect(text).toContain('六十日');
    expect(text).toContain('《中华人民共和国行政复议法》第二十条');
    expect(text).toContain('六个月');
    expect(text).toContain('《中华人民共和国行政诉讼法》第四十六条');
    await context.close();
  });

  it('keeps the portal small: initial JavaScript under 300 kB gzipped, pages loaded on demand', async () => {
    const sizes = measureWebBundles();
    const portal = sizes.find((s) => s.entry === 'portal')!;
    const staff = sizes.find((s) => s.entry === 'staff')!;
    // A production build (React's development build would be measured otherwise).
    expect([...portal.files, ...staff.files].filter((f) => /dev-runtime|development/.test(f))).toEqual([]);
    expect(portal.gzipBytes, `portal initial JS ${kB(portal.gzipBytes)}`).toBeLessThan(PORTAL_INITIAL_JS_LIMIT_GZIP);
    expect(portal.lazyChunks.map((c) => c.name)).toEqual(expect.arrayContaining(['OfficersPage', 'BodiesPage', 'ProcedurePage']));
    // The staff app splits its code per page: each page is its own chunk, none in the initial load.
    expect(staff.lazyChunks.map((c) => c.name)).toEqual(expect.arrayContaining(['LoginPage', 'HomePage', 'UsersPage', 'OrganizationsPage', 'CalendarPage', 'DeadlinePage']));
    for (const c of staff.lazyChunks) expect(staff.files).not.toContain(c.file);
    // The portal page never downloads the staff app: neither its entry chunk nor any of its pages.
    const { context, page } = await h.newPage('desktop');
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname.slice(1));
    });
    await page.goto('/portal');
    await settle(page);
    expect(scripts.length).toBeGreaterThan(0);
    expect(staff.files[0]).toMatch(/^assets\/staff-/);
    for (const file of [staff.files[0]!, ...staff.lazyChunks.map((c) => c.file)]) expect(scripts).not.toContain(file);
    await context.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseParties } from '../../src/db/schema.ts';
import { DEMO_PASSWORD } from '../../src/demo/index.ts';
import { PORTAL_INITIAL_JS_LIMIT_GZIP, kB, measureWebBundles } from '../../scripts/web-bundle-size.ts';
import { clientNavigate, type Harness, type ViewportName, horizontalOverflow, screenshot, settle, startHarness } from './harness.ts';

let h: Harness;
const phoneOfWanglei = '13912345678';
let usernames: string[] = [];
/** Full names of natural persons in the case data (parties and legal representatives), their ID numbers and phones. */
let personNames: string[] = [];
let partySecrets: string[] = [];
let published: { id: number; actCode: string; title: string; decisionNumber: string | null }[] = [];
/** A published benchmark item, for its page (《行政处罚法》第三十四条). */
let benchmarkItemId = 0;

beforeAll(async () => {
  h = await startHarness();
  // Give an officer a phone number, so the privacy checks below have something real to leak.
  const cookie = await h.app.login('admin', DEMO_PASSWORD);
  const users = (await h.app.app.inject({ method: 'GET', url: '/api/users', headers: { cookie } })).json() as { id: number; username: string }[];
  usernames = users.map((u) => u.username);
  const wanglei = users.find((u) => u.username === 'wanglei')!;
  const res = await h.app.app.inject({ method: 'PATCH', url: `/api/users/${wanglei.id}`, headers: { cookie }, payload: { phone: phoneOfWanglei } });
  if (res.statusCode !== 200) throw new Error(res.body);
  const parties = await h.app.ctx.db.select().from(caseParties);
  personNames = [...new Set(parties.flatMap((p) => [p.kind === 'person' ? p.name : null, p.legalRepresentative]).filter((n): n is string => Boolean(n && n.length >= 2)))];
  partySecrets = [...new Set(parties.flatMap((p) => [p.idNumber, p.phone]).filter((x): x is string => Boolean(x)))];
  published = ((await h.app.app.inject({ method: 'GET', url: '/api/public/decisions?pageSize=50' })).json() as { items: typeof published }).items;
  if (personNames.length === 0 || published.length === 0) throw new Error('demo data has no natural-person parties or no published decisions to check');
  const benchmarks = (await h.app.app.inject({ method: 'GET', url: '/api/public/benchmarks' })).json() as { versions: { items: { id: number }[] }[] };
  benchmarkItemId = benchmarks.versions.flatMap((v) => v.items)[0]?.id ?? 0;
  if (!benchmarkItemId) throw new Error('demo data has no published benchmark item');
}, 240_000);
afterAll(() => h?.close());

const portalPages = [
  { path: '/portal', name: 'portal-home' },
  { path: '/portal/decisions', name: 'portal-decisions' },
  { path: '/portal/verify', name: 'portal-verify' },
  { path: '/portal/bodies', name: 'portal-bodies' },
  { path: '/portal/officers', name: 'portal-officers' },
  { path: '/portal/procedure', name: 'portal-procedure' },
  { path: '/portal/benchmarks', name: 'portal-benchmarks' },
  { path: '/portal/exemptions', name: 'portal-exemptions' },
];

/** Phone numbers (mobile and landline) and 18-digit ID numbers, as they would appear in page text. */
const phonePattern = /(?<!\d)(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)/;
const idNumberPattern = /(?<![0-9A-Z])\d{17}[\dX](?![0-9A-Z])/;

describe('public portal in the browser', { timeout: 180_000 }, () => {
  it('finds an officer by name and shows the certificate number and its validity, without logging in', async () => {
    const { context, page } = await h.newPage('desktop');
    await page.goto('/portal');
    await settle(page);
    await page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '执法人员' }).click();
    await page.waitForURL(/\/portal\/officers$/);
    await page.getByLabel('姓名或执法证号').fill('王磊');
    await page.getByLabel('姓名或执法证号').press('Enter');
    await page.waitForURL(/q=/);
    await settle(page);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(1);
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
    it(`never shows a phone number, ID number, username or a natural person's full name on any portal page (${viewport}), and fits the screen`, async () => {
      const { context, page } = await h.newPage(viewport);
      const apiBodies: string[] = [];
      page.on('response', async (response) => {
        if (response.url().includes('/api/')) apiBodies.push(await response.text().catch(() => ''));
      });
      const pages = [
        ...portalPages,
        { path: `/portal/benchmarks/items/${benchmarkItemId}`, name: 'portal-benchmark-item' },
        ...published.flatMap((d) => [
          { path: `/portal/decisions/${d.id}`, name: 'portal-decision', shows: d.actCode },
          { path: `/portal/verify/${d.actCode}`, name: 'portal-verify-result', shows: d.actCode },
        ]),
      ];
      const shot = new Set<string>();
      let loaded = false;
      for (const p of pages) {
        // The first page is loaded, the others are reached inside the app as a reader's clicks reach them (the
        // router follows the address; a full reload of the portal for each of ~20 pages was most of this test).
        if (loaded) await clientNavigate(page, p.path);
        else await page.goto(p.path);
        loaded = true;
        // One screenshot per kind of page (every decision page looks alike); every page is read once it has settled.
        if (shot.has(p.name)) await settle(page);
        else await screenshot(page, p.name, viewport);
        shot.add(p.name);
        const text = await page.locator('body').innerText();
        // The page reached is the one asked for (each decision's own page), not the previous one left standing.
        if ('shows' in p) expect(text, p.path).toContain(p.shows);
        for (const name of personNames) expect(text, `${p.path} shows the full name ${name}`).not.toContain(name);
        for (const secret of partySecrets) expect(text, p.path).not.toContain(secret);
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
      expect(fetched).not.toMatch(/"username"|"phone"|"idNumber"/);
      for (const secret of partySecrets) expect(fetched).not.toContain(secret);
      await context.close();
    });
  }

  it('finds a published decision by keyword and opens it', async () => {
    const target = published[0]!;
    const { context, page } = await h.newPage('desktop');
    await page.goto('/portal');
    await settle(page);
    await page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '处罚决定公示' }).click();
    await page.waitForURL(/\/portal\/decisions$/);
    await settle(page);
    await page.getByLabel('公示检索关键词').fill(target.decisionNumber ?? target.title);
    await page.getByLabel('公示检索关键词').press('Enter');
    await page.waitForURL(/q=/);
    await settle(page);
    const items = page.locator('.ant-list-item');
    await expect.poll(() => items.count(), { timeout: 20_000 }).toBe(1);
    await items.first().getByRole('link', { name: target.title }).click();
    await page.waitForURL(new RegExp(`/portal/decisions/${target.id}$`));
    await settle(page);
    const text = await page.locator('body').innerText();
    expect(text).toContain(target.actCode);
    if (target.decisionNumber) expect(text).toContain(target.decisionNumber);
    await screenshot(page, 'portal-decision-detail', 'desktop');
    // A keyword that matches nothing says so.
    await page.goto('/portal/decisions?q=不存在的关键词');
    await settle(page);
    expect(await page.locator('body').innerText()).toContain('没有与“不存在的关键词”相关的公示');
    await context.close();
  });

  it('verifies a document by its act code, typed or from the QR address, and explains a mistyped code', async () => {
    const target = published[0]!;
    const { context, page } = await h.newPage('phone');
    await page.goto('/portal/verify');
    await settle(page);
    // One wrong character: the check character catches it before anything is sent.
    const mistyped = `${target.actCode.slice(0, 16)}${target.actCode[16] === '1' ? '2' : '1'}${target.actCode[17]}`;
    await page.getByLabel('行政行为码').fill(mistyped.toLowerCase());
    await page.getByRole('button', { name: /核\s?验/ }).click();
    await page.getByText('行政行为码校验码不正确').first().waitFor();
    await page.getByLabel('行政行为码').fill(target.actCode.toLowerCase());
    await page.getByRole('button', { name: /核\s?验/ }).click();
    await page.waitForURL(new RegExp(`/portal/verify/${target.actCode}$`));
    await settle(page);
    const result = (await page.getByTestId('verify-result').innerText()).replace(/\s+/g, ' ');
    expect(result).toContain(target.actCode);
    expect(result).toContain(target.title);
    expect(result).toMatch(/真实有效|不再具有执行效力/);
    await screenshot(page, 'portal-verify-typed', 'phone');
    // The QR code on a document encodes /portal/verify/<code>: opening it shows the result directly.
    await page.goto(`/portal/verify/${target.actCode}`);
    await settle(page);
    expect(await page.getByTestId('verify-result').innerText()).toContain(target.title);
    // A well-formed code that no document carries: the server's Chinese answer is shown.
    const unknownBody = `${target.actCode.slice(0, 11)}999999`;
    const { mod3736CheckChar } = await import('../../src/domain/cases/codes.ts');
    await page.goto(`/portal/verify/${unknownBody}${mod3736CheckChar(unknownBody)}`);
    await settle(page);
    expect(await page.getByTestId('verify-result').innerText()).toContain('未找到');
    await context.close();
  });

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
    expect(portal.lazyChunks.map((c) => c.name)).toEqual(
      expect.arrayContaining(['OfficersPage', 'BodiesPage', 'ProcedurePage', 'DecisionsPage', 'VerifyPage', 'BenchmarksPage', 'BenchmarkItemPage', 'ExemptionsPage']),
    );
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

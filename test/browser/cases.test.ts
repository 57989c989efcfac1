/**
 * The officer's case workspace in the browser: the case list with its filters kept in the URL, the case page
 * (timeline, evidence from the camera with its SM3 digest, documents generated and downloaded), at desktop and
 * phone widths.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, horizontalOverflow, login, pickOption, screenshot, settle, startHarness } from './harness.ts';

let h: Harness;
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });
beforeAll(async () => {
  h = await startHarness();
}, 240_000);
afterAll(() => h?.close());

const agencyProfile = {
  agencyAddress: '云城市东湖区解放路1号',
  contactPhone: '0871-65550000',
  reconsiderationBody: '云城市东湖区人民政府',
  court: '云城市东湖区人民法院',
  paymentBank: '中国工商银行云城市东湖支行',
  paymentAccountName: '云城市东湖区财政局非税收入汇缴结算户',
  paymentAccountNo: '2502001209000012345',
};

/** A 1×1 PNG, as a phone camera would hand over a (much larger) photo. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');
const total = async (page: Page) => Number((await page.getByTestId('case-total').textContent())!.replace(/\D/g, ''));

/** Picks an option of the antd Select labelled `label` in the filter bar. */
async function pick(page: Page, label: string, option: string) {
  await pickOption(page, page.getByTestId('case-filters').getByLabel(label, { exact: true }), new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
}

/** Does what changes the list's query, and waits until the list shows the new answer. */
async function refetched(page: Page, action: () => Promise<unknown>) {
  await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cases'), action()]);
  await settle(page);
}

async function openCase(page: Page, partyOrTitle: string) {
  await page.goto(`/cases?q=${encodeURIComponent(partyOrTitle)}`);
  await settle(page);
  await rows(page).first().getByRole('link').click();
  await page.waitForURL(/\/cases\/\d+$/);
  await settle(page);
}

describe('cases in the browser', { timeout: 240_000 }, () => {
  it('lists cases and filters them by state and by deadline, through the filters and through the URL', async () => {
    const { context, page } = await h.newPage('desktop');
    await login(page, 'wanglei');
    await page.getByRole('menuitem', { name: '案件办理' }).click();
    await page.waitForURL(/\/cases$/);
    await settle(page);
    const all = await total(page);
    expect(all).toBeGreaterThan(10);

    await refetched(page, () => pick(page, '状态', '执行中'));
    expect(page.url()).toContain('state=enforcing');
    const enforcing = await total(page);
    expect(enforcing).toBeGreaterThan(0);
    expect(enforcing).toBeLessThan(all);
    expect(await rows(page).count()).toBe(enforcing);
    for (const text of await rows(page).allTextContents()) expect(text).toContain('执行中');
    await expect(page.getByTestId('active-filters').textContent()).resolves.toContain('状态：执行中');

    // The filter survives a reload, and comes from a link the same way.
    await page.reload();
    await settle(page);
    expect(await total(page)).toBe(enforcing);
    await page.goto('/cases?deadline=overdue');
    await settle(page);
    const overdue = await total(page);
    expect(overdue).toBeGreaterThan(0);
    for (const text of await rows(page).allTextContents()) expect(text).toContain('已超期');
    await refetched(page, () => page.getByText('清除全部筛选').click());
    expect(page.url()).toMatch(/\/cases$/);
    expect(await total(page)).toBe(all);
    await refetched(page, () => pick(page, '办案期限', '已超期'));
    expect(page.url()).toContain('deadline=overdue');
    expect(await total(page)).toBe(overdue);
    await screenshot(page, 'cases-list', 'desktop');
    await context.close();
  });

  it('the workbench counts the officer’s overdue cases and links to exactly that list', async () => {
    const { context, page } = await h.newPage('desktop');
    await login(page, 'wanglei');
    const counted = Number((await page.getByTestId('home-overdue').locator('.ant-statistic-content-value').textContent())!.replace(/\D/g, ''));
    expect(counted).toBeGreaterThan(0);
    await page.getByTestId('home-overdue').click();
    await page.waitForURL(/\/cases\?officerId=\d+&deadline=overdue$/);
    await settle(page);
    expect(await total(page)).toBe(counted);
    // The officer's name comes with the filter options, which load after the list.
    await poll(() => page.getByTestId('active-filters').textContent()).toContain('承办人员：王磊');
    await context.close();
  });

  it('searches by party name and by act code', async () => {
    const { context, page } = await h.signedIn('desktop', 'wanglei', '/cases');
    await page.getByLabel('搜索案件').fill('邓美玲');
    await refetched(page, () => page.getByLabel('搜索案件').press('Enter'));
    expect(decodeURIComponent(page.url())).toContain('q=邓美玲');
    expect(await total(page)).toBe(2);
    for (const text of await rows(page).allTextContents()) expect(text).toContain('邓美玲');
    const code = (await rows(page).first().locator('td').nth(1).textContent())!.slice(0, 18);
    expect(code).toMatch(/^\d{10}[PJ]\d{6}[0-9A-Z]$/);
    await page.getByLabel('搜索案件').fill(code.toLowerCase());
    await refetched(page, () => page.getByLabel('搜索案件').press('Enter'));
    expect(await total(page)).toBe(1);
    await expect(rows(page).first().textContent()).resolves.toContain(code);
    // A malformed filter in a typed link: the server's Chinese reason, nothing else breaks.
    await page.goto('/cases?month=2026-13');
    await settle(page);
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('月份格式应为 YYYY-MM');
    await context.close();
  });

  it('opens a case: header, deadlines, timeline of every step; records a photo as evidence and verifies every digest', async () => {
    const { context, page } = await h.newPage('desktop');
    await login(page, 'wanglei');
    await openCase(page, '老街坊餐饮');
    await expect(page.getByTestId('case-header').textContent()).resolves.toContain('调查取证');
    const steps = await page.getByTestId('case-timeline').locator('.ant-timeline-item').count();
    expect(steps).toBeGreaterThanOrEqual(3);
    await expect(page.getByTestId('case-timeline').textContent()).resolves.toMatch(/立案[\s\S]*陈建国/);
    // The engine's internal version number is not shown to users (issue 15).
    await expect(page.getByTestId('case-actions-card').textContent()).resolves.not.toMatch(/版本 \d+/);

    const before = await page.getByTestId('evidence-item').count();
    await page.getByRole('button', { name: /登记证据/ }).click();
    const dialog = page.getByRole('dialog');
    const input = dialog.locator('input[type=file]');
    expect(await input.getAttribute('capture')).toBe('environment');
    expect(await input.getAttribute('accept')).toBe('image/*,video/*,audio/*,application/pdf');
    await input.setInputFiles({ name: 'site-photo.png', mimeType: 'image/png', buffer: PHOTO });
    await dialog.getByLabel('证据名称').fill('现场照片（燃气钢瓶存放处）');
    await dialog.getByLabel('证明对象').fill('证明店内违规存放燃气钢瓶');
    await dialog.getByRole('button', { name: /上传并登记/ }).click();
    await poll(() => page.getByTestId('evidence-item').count()).toBe(before + 1);
    const digest = createHash('sm3').update(PHOTO).digest('hex');
    const item = page.getByTestId('evidence-item').last();
    await expect(item.textContent()).resolves.toContain(`SM3 ${digest.slice(0, 16)}`);
    await expect(item.textContent()).resolves.toContain('现场照片（燃气钢瓶存放处）');
    // The step is on the timeline, and every stored file still matches its digest.
    await poll(() => page.getByTestId('case-timeline').locator('.ant-timeline-item').count()).toBe(steps + 1);
    await page.getByRole('button', { name: /校验全部摘要/ }).click();
    await poll(() => page.getByTestId('evidence-verify-result').textContent()).toContain(`全部 ${before + 1} 份证据文件与登记的 SM3 摘要一致`);
    await screenshot(page, 'cases-case', 'desktop');
    await context.close();
  });

  it('generates a decision as Word and as PDF and downloads both', async () => {
    const { context, page } = await h.newPage('desktop');
    // The admin enters what a decision prints about the bureau (address, 复议机关, court, bank, Art. 59/67).
    await login(page, 'admin');
    const orgs = (await (await page.request.get('/api/organizations')).json()) as { id: number; name: string }[];
    const bureau = orgs.find((o) => o.name === '云城市东湖区城市管理和综合行政执法局')!;
    const saved = await page.request.put(`/api/organizations/${bureau.id}/case-settings`, { data: agencyProfile });
    expect(saved.status(), await saved.text()).toBe(200);
    await context.clearCookies();
    await login(page, 'wanglei');
    await openCase(page, '马建华');
    const card = page.getByTestId('documents-card');
    // Counted from what the case already has (a retried run finds the documents of the first attempt).
    const before = await card.getByTestId('generated-document').count();
    await pickOption(page, card.getByTestId('document-type'), /^行政处罚决定书$/);
    await card.getByRole('button', { name: /生\s?成/ }).click();
    await poll(() => generated(card)).toBe(before + 1);
    const docx = await download(page, card.getByTestId('generated-document').filter({ hasText: 'Word' }).first().getByRole('link'));
    expect(docx.subarray(0, 2).toString()).toBe('PK');

    await card.locator('.ant-radio-button-wrapper', { hasText: 'PDF' }).click();
    await card.getByRole('button', { name: /生\s?成/ }).click();
    // LibreOffice makes the PDF: on a busy 2-core machine (three browser files at once) that takes a minute or more.
    await expect.poll(() => generated(card), { timeout: 150_000 }).toBe(before + 2);
    const pdfItem = card.getByTestId('generated-document').filter({ hasText: 'PDF' }).first();
    const pdf = await download(page, pdfItem.getByRole('link'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await expect(pdfItem.textContent()).resolves.toContain(`SM3 ${createHash('sm3').update(pdf).digest('hex').slice(0, 16)}`);
    await context.close();
  });

  it('on a phone: cards instead of a table, filters behind a button, nothing wider than the screen', async () => {
    const { context, page } = await h.signedIn('phone', 'wanglei', '/cases?deadline=overdue');
    expect(await page.getByTestId('case-card').count()).toBeGreaterThan(0);
    expect(await page.locator('.ant-table').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'cases-list', 'phone');
    await page.getByRole('button', { name: /^筛选条件/ }).click();
    await expect(page.getByTestId('case-filters').isVisible()).resolves.toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByTestId('case-card').first().getByRole('link').click();
    await page.waitForURL(/\/cases\/\d+$/);
    await settle(page);
    await screenshot(page, 'cases-case', 'phone');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expect(page.getByTestId('deadlines-card').locator('[data-urgency="overdue"]').count()).resolves.toBeGreaterThan(0);
    await context.close();
  });
});

/** How many documents the card lists — or, when generating failed, the error it shows (so a failure says why). */
async function generated(card: ReturnType<Page['locator']>): Promise<number | string | null> {
  if (await card.getByTestId('document-error').count()) return card.getByTestId('document-error').textContent();
  return card.getByTestId('generated-document').count();
}

async function download(page: Page, link: ReturnType<Page['locator']>): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return readFileSync((await file.path())!);
}

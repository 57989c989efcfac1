/**
 * The case page's layout and the gaps users hit first (issue 15): the step form uses the page's width at 1280 px and
 * fits a phone; the text-area counter does not cover the help text; 返回 after opening a case by link; a case outside
 * the user's scope; the printed summary; no internal version or raw 文号 placeholders; the favicon. Screenshots of
 * the case page with a step form open are kept in docs/images (docs/STAFF-APP.md).
 */
import { createHash } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type ViewportName, horizontalOverflow, screenshotDir, settle, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 240_000);
afterAll(() => h?.close());

/** Two different 1×1 PNGs, as a phone's gallery hands over (much larger) photos. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PHOTO_2 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const docsImages = path.resolve(import.meta.dirname, '../../docs/images');

/** The id of the demo's 老街坊餐饮 case (调查取证, officer 王磊), found through the list. */
async function caseId(page: Page): Promise<number> {
  await page.goto(`/cases?q=${encodeURIComponent('老街坊餐饮')}`);
  await settle(page);
  const href = await page.locator('.ant-table-tbody tr.ant-table-row a, [data-testid=case-card] a').first().getAttribute('href');
  return Number(href!.split('/').pop());
}

describe('the case page', { timeout: 180_000 }, () => {
  for (const viewport of ['desktop', 'phone'] as ViewportName[]) {
    it(`a step form uses the width at ${viewport} size, and its counters leave the help text readable`, async () => {
      const { context, page } = await h.signedIn(viewport, 'wanglei', '/');
      const id = await caseId(page);
      await page.goto(`/cases/${id}`);
      await settle(page);
      const card = page.getByTestId('case-actions-card');
      const form = card.getByRole('form').first();
      await form.waitFor();
      const width = await card.evaluate((e) => e.getBoundingClientRect().width);
      const viewportWidth = page.viewportSize()!.width;
      if (viewport === 'desktop') expect(width).toBeGreaterThan(600);
      else expect(width).toBeGreaterThan(viewportWidth - 40);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      // On a phone the step card comes first, before the record.
      const [actionsTop, partyTop] = await Promise.all([card.evaluate((e) => e.getBoundingClientRect().top), page.getByText('当事人', { exact: true }).first().evaluate((e) => e.getBoundingClientRect().top)]);
      if (viewport === 'phone') expect(actionsTop).toBeLessThan(partyTop);
      // No text-area counter overlaps the help text under it.
      const overlaps = await page.evaluate(() =>
        [...document.querySelectorAll('.ant-form-item')].filter((item) => {
          const count = item.querySelector('.ant-input-data-count')?.getBoundingClientRect();
          const extra = item.querySelector('.ant-form-item-extra')?.getBoundingClientRect();
          return count && extra && count.bottom > extra.top + 1 && count.top < extra.bottom - 1;
        }).length,
      );
      expect(overlaps).toBe(0);
      await expect(card.textContent()).resolves.not.toMatch(/版本 \d+/);
      const shot = path.join(screenshotDir, `case-page-step-form-${viewport}.png`);
      if (viewport === 'phone') await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot });
      copyFileSync(shot, path.join(docsImages, `case-page-step-form-${viewport}.png`));
      await context.close();
    });
  }

  it('registers several photos at once, with previews, each its own evidence item and digest', async () => {
    const { context, page } = await h.signedIn('desktop', 'wanglei', '/');
    await page.goto(`/cases/${await caseId(page)}`);
    await settle(page);
    const before = await page.getByTestId('evidence-item').count();
    await page.getByRole('button', { name: /登记证据/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles([
      { name: 'a.png', mimeType: 'image/png', buffer: PHOTO },
      { name: 'b.png', mimeType: 'image/png', buffer: PHOTO_2 },
    ]);
    // A preview of each photo before anything is sent.
    await expect.poll(() => dialog.locator('.ant-upload-list-item-thumbnail img').count(), { timeout: 10_000 }).toBe(2);
    await dialog.getByLabel('证据名称').fill('现场照片（多张）');
    await dialog.getByLabel('证明对象').fill('证明店内违规存放燃气钢瓶');
    await dialog.getByRole('button', { name: /上传并登记/ }).click();
    await expect.poll(() => page.getByTestId('evidence-item').count(), { timeout: 20_000 }).toBe(before + 2);
    const texts = (await page.getByTestId('evidence-item').allTextContents()).slice(-2);
    expect(texts[0]).toContain('现场照片（多张）（1/2）');
    expect(texts[1]).toContain('现场照片（多张）（2/2）');
    expect(texts[0]).toContain(`SM3 ${createHash('sm3').update(PHOTO).digest('hex').slice(0, 16)}`);
    expect(texts[1]).toContain(`SM3 ${createHash('sm3').update(PHOTO_2).digest('hex').slice(0, 16)}`);
    await context.close();
  });

  it('返回 after opening a case by link goes to the case list, not a blank page', async () => {
    const { context, page } = await h.signedIn('desktop', 'wanglei', '/');
    const id = await caseId(page);
    const fresh = await context.newPage();
    await fresh.goto(`/cases/${id}`);
    await settle(fresh);
    await fresh.getByRole('button', { name: /返回/ }).click();
    await fresh.waitForURL((url) => url.pathname === '/cases');
    await context.close();
  });

  it('a case outside the user’s scope shows 无权查看或不存在, without a retry', async () => {
    const own = await h.signedIn('desktop', 'wanglei', '/');
    const id = await caseId(own.page);
    await own.context.close();
    const { context, page } = await h.signedIn('desktop', 'liuyang', `/cases/${id}`);
    await expect(page.getByTestId('remote-missing').textContent()).resolves.toContain('无权查看或不存在');
    await expect(page.getByRole('button', { name: '重试' }).count()).resolves.toBe(0);
    await expect(page.getByText('加载失败').count()).resolves.toBe(0);
    await page.getByRole('link', { name: '返回案件列表' }).click();
    await page.waitForURL((url) => url.pathname === '/cases');
    await context.close();
  });

  it('prints the case summary without the menu, the top bar or buttons', async () => {
    const { context, page } = await h.signedIn('desktop', 'wanglei', '/');
    const id = await caseId(page);
    await page.goto(`/cases/${id}`);
    await settle(page);
    await page.getByTestId('case-print-link').click();
    await page.waitForURL((url) => url.pathname === `/cases/${id}/print`);
    await settle(page);
    const sheet = page.getByTestId('case-print');
    await expect(sheet.textContent()).resolves.toContain('行政处罚案件摘要');
    await expect(sheet.textContent()).resolves.toContain('老街坊餐饮');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.ant-layout-sider').isVisible()).resolves.toBe(false);
    await expect(page.locator('.ant-layout-header').isVisible()).resolves.toBe(false);
    await expect(sheet.getByRole('button').filter({ visible: true }).count()).resolves.toBe(0);
    await expect(page.getByTestId('case-timeline').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, 'case-print-desktop.png'), fullPage: true });
    await context.close();
  });

  it('shows 文号 formats as an example number, never raw placeholders; staff and portal carry an icon', async () => {
    const { context, page } = await h.signedIn('desktop', 'admin.donghu', '/admin/settings');
    const values = await page.getByTestId('setting-value').allTextContents();
    expect(values.some((v) => /罚决字〔\d{4}〕1号/.test(v))).toBe(true);
    expect(values.join('\n')).not.toMatch(/\{prefix\}|\{year\}|\{seq\}/);
    await expect(page.locator('link[rel=icon]').count()).resolves.toBe(1);
    await page.goto('/portal');
    await settle(page);
    await expect(page.locator('link[rel=icon]').count()).resolves.toBe(1);
    await context.close();
  });
});

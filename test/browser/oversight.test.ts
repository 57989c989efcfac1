/**
 * Oversight in the browser: the reviewer's desk (queue, the case beside the checklist, approval, the case leaving the
 * queue with the review on its timeline) and the supervisor's dashboard (charts drawn on canvas, a click on a bar
 * opening the case list it counts), at desktop and phone widths.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, horizontalOverflow, login, screenshot, settle, startHarness } from './harness.ts';

let h: Harness;
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });
beforeAll(async () => {
  h = await startHarness();
}, 240_000);
afterAll(() => h?.close());

/** The demo case awaiting legal review in 东湖 (src/demo/cases.ts, case 20). */
const AWAITING = '涉嫌餐饮服务未安装油烟净化设施排放油烟案';

async function openFromQueue(page: Page) {
  await page.goto('/review');
  await settle(page);
  await page.getByTestId('review-queue').getByRole('link', { name: AWAITING }).first().click();
  await page.waitForURL(/\/review\/\d+$/);
  await settle(page);
}

/** How many chart canvases carry drawn (non-blank) pixels. */
const drawnCanvases = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-testid^="chart-"] canvas')].filter((c) => {
      const canvas = c as HTMLCanvasElement;
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      return data !== undefined && data.some((v, i) => i % 4 === 3 && v > 0);
    }).length,
  );

describe('reviewer’s desk in the browser', { timeout: 240_000 }, () => {
  it('phone: the queue as cards, the case with the checklist below it, nothing wider than the screen', async () => {
    const { context, page } = await h.signedIn('phone', 'reviewer.donghu', '/review');
    await poll(() => page.getByTestId('review-queue').getByText(AWAITING).count()).toBeGreaterThan(0);
    await screenshot(page, 'review-queue', 'phone');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await openFromQueue(page);
    await poll(() => page.getByRole('group', { name: '文书' }).count()).toBe(1);
    await screenshot(page, 'review-case', 'phone');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('desktop: a reviewer checks the eight items and approves; the case leaves the queue, its timeline shows the review', async () => {
    const { context, page } = await h.newPage('desktop');
    await login(page, 'reviewer.donghu');
    await page.getByRole('menuitem', { name: '法制审核' }).click();
    await page.waitForURL(/\/review$/);
    await settle(page);
    const row = page.getByRole('row', { name: new RegExp(AWAITING) });
    await expect(row.textContent()).resolves.toContain('罚款达到 5,000.00元');
    await screenshot(page, 'review-queue', 'desktop');
    await row.getByRole('link', { name: `审核：${AWAITING}` }).click();
    await page.waitForURL(/\/review\/\d+$/);
    await settle(page);
    // The dossier beside the form: facts, the proposal, the discretion assessment, evidence.
    // Waits for the dossier (settle may return between the route's chunk and the case request on a loaded machine).
    await page.getByText('当事人经营的餐馆后厨未安装油烟净化设施').first().waitFor();
    await expect(page.getByTestId('review-discretion').count()).resolves.toBe(1);
    await expect(page.getByTestId('evidence-card').textContent()).resolves.toContain('现场检查笔录');

    const form = page.getByRole('form', { name: '法制审核意见' });
    // An item marked 不合格 in an approval is refused before sending, with the rule's message on the item.
    await form.getByRole('button', { name: '全部合格' }).click();
    await form.getByRole('group', { name: '证据' }).getByText('不合格', { exact: true }).click();
    await form.getByLabel('审核意见').fill('主体合法，事实清楚，证据确凿，程序合法，适用法律正确，裁量适当，同意。');
    await form.getByRole('button', { name: /审核通过/ }).click();
    await poll(() => form.locator('.ant-form-item-explain-error').allTextContents()).toContain('“证据”审核不合格，审核结论不能为通过；请退回补正或改为合格');
    await form.getByRole('group', { name: '证据' }).getByText('合格', { exact: true }).click();
    await form.getByLabel('裁量审核说明').fill('罚款8000元在法定幅度五千元以上五万元以下之内');
    await screenshot(page, 'review-case', 'desktop');
    await form.getByRole('button', { name: /审核通过/ }).click();
    await poll(() => page.getByTestId('review-form-card').textContent()).toContain('审核结论已记录：通过');
    await poll(() => page.getByTestId('case-timeline').textContent()).toMatch(/法制审核林晓/);
    await expect(page.getByTestId('past-reviews').textContent()).resolves.toContain('通过');

    await page.getByTestId('review-form-card').getByRole('button', { name: '返回待审核案件' }).click();
    await page.waitForURL(/\/review$/);
    await settle(page);
    await poll(() => page.getByTestId('review-queue').getByText(AWAITING).count()).toBe(0);
    await context.close();
  });
});

describe('supervisor’s dashboard in the browser', { timeout: 240_000 }, () => {
  it('desktop: the charts are drawn, and a click on a bar opens the case list with that filter', async () => {
    const { context, page } = await h.newPage('desktop');
    await login(page, 'supervisor');
    await page.getByRole('menuitem', { name: /(^|\s)监督看板$/ }).click();
    await page.waitForURL(/\/dashboard$/);
    await settle(page);
    await poll(() => drawnCanvases(page)).toBe(5);
    await expect(page.getByTestId('overdue-list').textContent()).resolves.toMatch(/全部 \d+ 件案件/);
    await screenshot(page, 'dashboard', 'desktop');

    const stats = (await (await page.request.get('/api/stats/cases')).json()) as { byState: { state: string; count: number }[] };
    // Anywhere in a state's row of the bar chart picks that state (a bar may be short; the row is easy to hit).
    const chart = page.getByTestId('chart-案件状态分布');
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    await chart.click({ position: { x: box.width * 0.6, y: box.height / 2 } });
    await page.waitForURL(/\/cases\?state=\w+$/);
    await settle(page);
    const state = new URL(page.url()).searchParams.get('state')!;
    const counted = stats.byState.find((r) => r.state === state)!.count;
    await poll(() => page.getByTestId('active-filters').textContent()).toContain('状态：');
    await poll(() => page.getByTestId('case-total').textContent()).toBe(`共 ${counted} 件`);

    // The units compared: the table links each district to its cases.
    await page.goBack();
    await settle(page);
    await page.getByRole('link', { name: '云城市西山区城市管理和综合行政执法局' }).click();
    await page.waitForURL(/\/cases\?organizationId=\d+$/);
    await context.close();
  });

  it('phone: the charts stack within the screen; a district head sees only the district', async () => {
    const { context, page } = await h.signedIn('phone', 'head.donghu', '/dashboard');
    await poll(() => drawnCanvases(page)).toBe(5);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const widths = await page.locator('[data-testid^="chart-"]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    expect(widths.every((w) => w > 300 && w <= 390)).toBe(true);
    await expect(page.getByTestId('dashboard').textContent()).resolves.not.toContain('西山区');
    await screenshot(page, 'dashboard', 'phone');
    await context.close();
  });
});

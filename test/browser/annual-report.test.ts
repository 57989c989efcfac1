/**
 * 年度报告 in the browser (issue #19 item 2; docs/REPORTS.md "The staff page"): the head of 西山区 drafts the demo
 * year's report (东湖区's is drafted by the demo itself), sees its figures as read-only chips, writes an author's paragraph, saves, reloads and finds the words
 * kept, and submits it for review; the legal section (not the author) returns it with a reason, the head submits again,
 * the legal section passes it; 东湖区's report of last year, published by the demo, shows its signed appendix; at 390 px
 * the page does not run off the screen.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, horizontalOverflow, pickOption, screenshot, settle, startHarness } from './harness.ts';

let h: Harness;
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });
beforeAll(async () => {
  h = await startHarness();
}, 240_000);
afterAll(() => h?.close());

const YEAR = '2026年度';
const narrative = '2026年，本局坚持严格规范公正文明执法，推行柔性执法。';

/** Enters (or corrects) 西山区's hand-entered 专题学法次数 for 2026 through the API, as the signed-in page's user. */
const enterStudySessions = (page: Page, value: number) =>
  page.evaluate(async (v) => {
    const organizations = (await (await fetch('/api/organizations')).json()) as { id: number; name: string }[];
    const unit = organizations.find((o) => o.name === '云城市西山区城市管理和综合行政执法局')!;
    const response = await fetch(`/api/organizations/${String(unit.id)}/indicators/law_study_sessions/manual`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ year: 2026, value: v, sourceNote: '党组理论学习中心组记录' }),
    });
    return response.status;
  }, value);

describe('年度报告', { timeout: 240_000 }, () => {
  it('desktop: draft, edit and save, reload, then review by the legal section', async () => {
    const { context, page } = await h.signedIn('desktop', 'head.xishan', '/reports/annual');
    await expect(enterStudySessions(page, 5)).resolves.toBe(200);
    await pickOption(page, page.getByRole('combobox', { name: '年度' }), YEAR);
    await settle(page);
    await page.getByRole('button', { name: /起\s*草/ }).click();
    await poll(() => page.getByTestId('report-state').textContent()).toBe('起草');
    await expect(page.getByTestId('figure-chip').first().isVisible()).resolves.toBe(true);
    await expect(page.getByRole('region', { name: '二、存在的不足和原因' }).count()).resolves.toBe(1);

    const author = page.locator('[data-paragraph="measures:enforcement:narrative"] textarea');
    await expect(author.getAttribute('placeholder')).resolves.toBeTruthy();
    await author.fill(narrative);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await poll(() => page.getByText('版本 2').count()).toBe(1);

    await page.reload();
    await settle(page);
    await pickOption(page, page.getByRole('combobox', { name: '年度' }), YEAR);
    await settle(page);
    await poll(() => page.locator('[data-paragraph="measures:enforcement:narrative"] textarea').inputValue()).toBe(narrative);

    // A hand-entered figure is a chip marked 手工填报; corrected in the indicator table, 刷新数据 updates and marks it.
    const study = page.locator('[data-testid="figure-chip"][data-key="law_study_sessions"][data-kind="figure"]');
    await expect(study.textContent()).resolves.toMatch(/^5次.*手工填报/);
    await expect(enterStudySessions(page, 6)).resolves.toBe(200);
    await page.getByRole('button', { name: '刷新数据' }).click();
    await poll(() => study.textContent()).toMatch(/^6次.*已更新/);
    await expect(page.locator('[data-paragraph="measures:enforcement:narrative"] textarea').inputValue()).resolves.toBe(narrative);

    // Saved by someone else meanwhile: 保存 answers 409, the page says so in Chinese and shows the report as it is now.
    const other = '2027年，继续推进严格规范公正文明执法。';
    const status = await page.evaluate(async (text) => {
      const organizations = (await (await fetch('/api/organizations')).json()) as { id: number; name: string }[];
      const unit = organizations.find((o) => o.name === '云城市西山区城市管理和综合行政执法局')!;
      const url = `/api/organizations/${String(unit.id)}/reports/2026`;
      const { version } = (await (await fetch(url)).json()) as { version: number };
      const response = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ expectedVersion: version, edits: [{ paragraphId: 'plan:narrative', text } ] }) });
      return response.status;
    }, other);
    expect(status).toBe(200);
    const plan = page.locator('[data-paragraph="plan:narrative"] textarea');
    await plan.fill('我写的工作打算');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await poll(() => page.getByText(/报告已被他人修改/).count()).toBeGreaterThan(0);
    await poll(() => plan.inputValue()).toBe(other);
    await screenshot(page, 'annual-report', 'desktop');

    await page.getByRole('button', { name: '提交法制科审核' }).click();
    await poll(() => page.getByTestId('report-state').textContent()).toBe('法制科审核');
    // Under review the author's words are shown, no longer editable.
    await expect(page.locator('[data-paragraph="measures:enforcement:narrative"] textarea').count()).resolves.toBe(0);
    await expect(page.getByText(narrative).count()).resolves.toBe(1);
    await context.close();

    const reviewer = await h.signedIn('desktop', 'reviewer.xishan', '/reports/annual');
    await pickOption(reviewer.page, reviewer.page.getByRole('combobox', { name: '年度' }), YEAR);
    await settle(reviewer.page);
    await reviewer.page.getByRole('button', { name: '退回修改' }).click();
    const dialog = reviewer.page.getByRole('dialog', { name: '退回修改' });
    await dialog.getByLabel('退回理由').fill('第四部分工作打算未写');
    await dialog.getByRole('button', { name: /退\s*回/ }).click();
    await poll(() => reviewer.page.getByTestId('report-state').textContent()).toBe('起草');
    await reviewer.context.close();

    const head = await h.signedIn('desktop', 'head.xishan', '/reports/annual');
    await pickOption(head.page, head.page.getByRole('combobox', { name: '年度' }), YEAR);
    await settle(head.page);
    await poll(() => head.page.getByText('退回理由：第四部分工作打算未写').count()).toBe(1);
    await head.page.getByRole('button', { name: '提交法制科审核' }).click();
    await poll(() => head.page.getByTestId('report-state').textContent()).toBe('法制科审核');
    await head.context.close();

    const again = await h.signedIn('desktop', 'reviewer.xishan', '/reports/annual');
    await pickOption(again.page, again.page.getByRole('combobox', { name: '年度' }), YEAR);
    await settle(again.page);
    await again.page.getByRole('button', { name: '法制审核通过' }).click();
    await poll(() => again.page.getByTestId('report-state').textContent()).toBe('主要负责人审定');
    await expect(again.page.getByTestId('figure-chip').first().isVisible()).resolves.toBe(true);
    await again.context.close();
  });

  it('published: last year (the default) — the demo’s report of 东湖区, published and submitted — shows the signed appendix and the portal link', async () => {
    const head = await h.signedIn('desktop', 'head.donghu', '/reports/annual');
    await expect(head.page.getByRole('combobox', { name: '年度' }).locator('xpath=ancestor::*[contains(@class, "ant-select")][1]').innerText()).resolves.toContain('2025年度');
    await poll(() => head.page.getByTestId('report-state').textContent()).toBe('已报送');
    const seal = head.page.getByTestId('report-seal');
    await expect(seal.innerText()).resolves.toMatch(/内容摘要（SM3）\s*[0-9a-f]{64}/);
    await expect(seal.innerText()).resolves.toContain('签名（SM2）');
    await expect(seal.getByRole('link', { name: /法治政府建设报告/ }).getAttribute('href')).resolves.toBe('/portal/reports');
    // Published, the words are no longer editable.
    await expect(head.page.locator('textarea').count()).resolves.toBe(0);
    await screenshot(head.page, 'annual-report-published', 'desktop');
    await head.context.close();
  });

  it('phone: the report fits 390 px', async () => {
    const { context, page } = await h.signedIn('phone', 'head.donghu', '/reports/annual');
    await pickOption(page, page.getByRole('combobox', { name: '年度' }), YEAR);
    await settle(page);
    await poll(() => page.getByTestId('figure-chip').count()).toBeGreaterThan(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'annual-report', 'phone');
    await context.close();
  });
});

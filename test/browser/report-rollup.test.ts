/**
 * 报告汇总 in the browser (issue #19 item 5), desktop width: the supervisor uploads 西山区's 2025 report as a .txt,
 * sees its figures in the roll-up flagged 提取 with the sentence they were read from, sets a weight and sees the
 * ranking, and the bar chart and status pie are drawn (ECharts canvases, loaded with the page's chart chunk).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, pickOption, screenshot, settle, startHarness } from './harness.ts';

let h: Harness;
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000 });
beforeAll(async () => {
  h = await startHarness();
}, 240_000);
afterAll(() => h?.close());

const xishan = '云城市西山区城市管理和综合行政执法局';
const report = `${xishan}2025年法治政府建设年度报告

2025年，${xishan}坚持依法行政，现将有关情况报告如下。
一、主要举措和成效
全年办理行政处罚案件15件。组织专题学法6次。
二、存在的不足和原因
执法力量不足。
四、2026年工作打算
继续加强执法规范化建设。
`;

describe('报告汇总', { timeout: 240_000 }, () => {
  it('desktop: an uploaded .txt report’s figures flagged 提取 with their sentence, the ranking, the charts drawn', async () => {
    const { context, page } = await h.signedIn('desktop', 'supervisor', '/reports/rollup');
    await pickOption(page, page.getByLabel('年度'), '2025年度');
    await settle(page);
    await pickOption(page, page.getByLabel('上传单位'), xishan);
    await page.locator('input[type=file]').setInputFiles({ name: '西山区2025年法治政府建设年度报告.txt', mimeType: 'text/plain', buffer: Buffer.from(report, 'utf8') });
    await page.getByRole('button', { name: '上传并分析' }).click();
    await poll(() => page.getByText(/提取到 \d+ 项数据/).first().count()).toBeGreaterThan(0);

    // The unit counts as having published its report; its figure is the extracted one, with its sentence.
    await poll(() => page.getByRole('row', { name: new RegExp(xishan) }).first().textContent()).toMatch(/已公开|逾期公开/);
    const penalties = page.getByRole('row', { name: /行政处罚案件数/ }).first();
    await poll(() => penalties.textContent()).toContain('提取');
    await penalties.getByRole('button', { name: /15\s*提取/ }).click();
    await poll(() => page.getByTestId('extracted-sentence').textContent()).toContain('全年办理行政处罚案件15件。');
    await page.keyboard.press('Escape');

    // A weight on 行政处罚案件数 (the form's first row) ranks the districts.
    await page.getByRole('button', { name: /保存权重/ }).click();
    const ranking = page.getByTestId('ranking');
    await poll(() => ranking.getByRole('row').count()).toBe(3);
    await poll(() => ranking.getByRole('row').nth(1).textContent()).toContain(xishan);

    // The charts: ECharts draws on canvases.
    await poll(() => page.getByTestId('rollup-bar').locator('canvas').count()).toBeGreaterThan(0);
    await poll(() => page.getByTestId('rollup-pie').locator('canvas').count()).toBeGreaterThan(0);
    await screenshot(page, 'report-rollup', 'desktop');

    // The comparison of the two districts: 西山区's report lacks part 三, shown in red.
    await page.getByRole('row', { name: new RegExp(xishan) }).first().getByRole('checkbox').check();
    await page.getByRole('row', { name: /东湖区城市管理和综合行政执法局/ }).first().getByRole('checkbox').check();
    await page.getByRole('button', { name: '对比所选单位' }).click();
    await poll(() => page.getByText('报告各部分').count()).toBeGreaterThan(0);
    await poll(() => page.locator('[data-testid$="-responsibility"]').first().textContent()).toBe('缺失');
    await screenshot(page, 'report-compare', 'desktop');
    await context.close();
  });
});

/**
 * 年度报告指标 in the browser (issue #19 item 1): the legal section of 东湖区 opens its unit's table for the demo year,
 * sees the computed enforcement figures with their drill-down, enters a figure no ledger holds with its source note,
 * and sees it marked 手工填报; the supervisor reads the same figure for the district.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, pickOption, screenshot, settle, startHarness } from './harness.ts';

let h: Harness;
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });
beforeAll(async () => {
  h = await startHarness();
}, 240_000);
afterAll(() => h?.close());

describe('年度报告指标', { timeout: 240_000 }, () => {
  it('desktop: computed figures with their records, a hand-entered figure shown as 手工填报', async () => {
    const { context, page } = await h.signedIn('desktop', 'reviewer.donghu', '/reports/indicators');
    await pickOption(page, page.getByLabel('年度'), '2026年度');
    await settle(page);
    const penalties = page.getByRole('row', { name: /行政处罚案件数/ });
    await poll(() => penalties.textContent()).toContain('系统计算');
    await penalties.getByRole('button', { name: /明\s*细/ }).click();
    const drill = page.getByRole('dialog', { name: /明细：行政处罚案件数/ });
    await poll(() => drill.getByRole('row').count()).toBeGreaterThan(1);
    await page.keyboard.press('Escape');
    await poll(() => drill.count()).toBe(0);

    const study = page.getByRole('row', { name: /专题学法次数/ });
    await expect(study.textContent()).resolves.toContain('无记录');
    await study.getByRole('button', { name: '手工填报' }).click();
    const form = page.getByRole('dialog', { name: /手工填报：专题学法次数/ });
    await form.getByLabel('数值（次）').fill('6');
    await form.getByLabel('数据来源说明').fill('党组理论学习中心组记录');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await poll(() => page.getByTestId('value-law_study_sessions').textContent()).toBe('6 次');
    await poll(() => study.textContent()).toContain('手工填报');
    await screenshot(page, 'indicators', 'desktop');
    await context.close();

    const supervisor = await h.signedIn('desktop', 'supervisor', '/reports/indicators');
    await pickOption(supervisor.page, supervisor.page.getByLabel('单位'), '东湖区城市管理和综合行政执法局');
    await pickOption(supervisor.page, supervisor.page.getByLabel('年度'), '2026年度');
    await poll(() => supervisor.page.getByTestId('value-law_study_sessions').textContent()).toBe('6 次');
    await expect(supervisor.page.getByRole('button', { name: '手工填报' }).count()).resolves.toBe(0);
    await supervisor.context.close();
  });
});

/**
 * Issue 15, the forms (items 5, 6, 7): two statements of the party kept side by side with their own 复核 replies; a
 * clue registered without a party; a benchmark import kept as a draft, then put in force after confirmation. On the
 * demo bureau, driven in Chromium like an officer, a head and an admin would.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, settle, startHarness } from './harness.ts';

let h: Harness;
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000 });
beforeAll(async () => {
  h = await startHarness();
}, 300_000);
afterAll(() => h?.close());

/** Opens the step's panel in the 办理 card and returns its form. */
async function openStep(page: Page, label: string): Promise<Locator> {
  const form = page.getByRole('form', { name: label, exact: true });
  if (!(await form.isVisible())) await page.locator('.ant-collapse-header').filter({ hasText: new RegExp(`^${label}$`) }).click();
  await form.waitFor();
  return form;
}

/** The id of the demo case titled `title` (as the officer sees it). */
async function caseIdOf(page: Page, title: string): Promise<number> {
  const list = (await (await page.request.get(`/api/cases?q=${encodeURIComponent(title)}`)).json()) as { id: number; title: string }[];
  const found = list.find((c) => c.title === title);
  if (!found) throw new Error(`演示案件“${title}”不存在`);
  return found.id;
}

describe('issue 15 forms', { timeout: 300_000 }, () => {
  it('item 5: a second 陈述申辩 is kept beside the first, each with its own 复核 reply', async () => {
    const { context, page } = await h.signedIn('desktop', 'wanglei', '/cases');
    const id = await caseIdOf(page, '涉嫌施工工地未采取有效防尘降尘措施案');
    await page.goto(`/cases/${String(id)}`);
    await settle(page);
    let form = await openStep(page, '记录陈述申辩');
    await form.getByLabel('陈述申辩内容', { exact: true }).fill('当事人称裸露土方已于次日覆盖，请求从轻处罚。');
    await form.getByLabel('复核意见', { exact: true }).fill('经复核，覆盖系查处后整改，不影响违法事实认定，不予采纳。');
    await form.getByRole('button', { name: '提交：记录陈述申辩' }).click();
    await poll(() => page.getByTestId('statement-entry').count()).toBe(1);
    await settle(page);
    form = await openStep(page, '记录陈述申辩');
    await form.getByLabel('陈述申辩内容', { exact: true }).fill('当事人补充：冲洗设施已订购，正在安装。');
    await form.getByRole('button', { name: '提交：记录陈述申辩' }).click();
    await poll(() => page.getByTestId('statement-entry').count()).toBe(2);
    await settle(page);
    const entries = page.getByTestId('statement-entry');
    await expect(entries.nth(0).textContent()).resolves.toContain('不予采纳');
    await expect(entries.nth(1).textContent()).resolves.toContain('待复核');
    form = await openStep(page, '记录复核意见');
    await form.getByLabel('陈述申辩序号', { exact: true }).fill('2');
    await form.getByLabel('复核意见', { exact: true }).fill('经复核，整改措施尚未完成，不予采纳。');
    await form.getByRole('button', { name: '提交：记录复核意见' }).click();
    await poll(() => entries.nth(1).textContent()).toContain('整改措施尚未完成');
    await expect(entries.nth(0).textContent()).resolves.toContain('裸露土方已于次日覆盖');
    await expect(entries.nth(0).textContent()).resolves.toContain('覆盖系查处后整改');
    await context.close();
  });

  it('item 6: a 12345 clue about an unknown vendor is registered without a party, then the party is identified', async () => {
    const { context, page } = await h.signedIn('desktop', 'wanglei', '/cases/new');
    const form = page.getByRole('form', { name: '登记线索' });
    await form.getByLabel('线索来源', { exact: true }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '12345' }).first().click();
    await form.getByLabel('案由', { exact: true }).fill('涉嫌擅自占用城市道路摆摊设点案');
    await form.getByLabel('违法事实', { exact: true }).fill('12345热线反映：有流动摊贩每天傍晚在南湖路人行道摆摊卖烧烤，身份不明。');
    await form.getByLabel('违法地点', { exact: true }).fill('云城市东湖区南湖路人行道');
    await form.getByLabel('违法行为仍在继续', { exact: true }).check();
    await form.locator('.ant-radio-button-wrapper').filter({ hasText: '尚不明确' }).click();
    await form.getByLabel('当事人特征', { exact: true }).fill('男，约40岁，推蓝色三轮车');
    await form.getByRole('button', { name: '登记线索' }).click();
    await page.waitForURL(/\/cases\/\d+$/);
    await settle(page);
    await poll(() => page.locator('body').textContent()).toContain('当事人不明（男，约40岁，推蓝色三轮车）');
    const step = await openStep(page, '确认当事人信息');
    await step.getByLabel('姓名', { exact: true }).fill('陈大文');
    await step.getByLabel('证件类型', { exact: true }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '港澳居民来往内地通行证' }).first().click();
    await step.getByLabel('证件号码', { exact: true }).fill('H12345678');
    await step.getByLabel('更正理由', { exact: true }).fill('经蹲守查明当事人身份');
    await step.getByRole('button', { name: '提交：确认当事人信息' }).click();
    await poll(() => page.locator('body').textContent()).toContain('陈大文');
    await expect(page.locator('body').textContent()).resolves.not.toContain('当事人不明（');
    await context.close();
  });
});

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
});

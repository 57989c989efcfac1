/**
 * Admin work in the browser (issue 15): a holiday entered as one range with one name, and the audit trail of a case
 * browsed by its act code, paged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, settle, startHarness } from './harness.ts';

let h: Harness;
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });
beforeAll(async () => {
  h = await startHarness();
}, 240_000);
afterAll(() => h?.close());

describe('admin pages', { timeout: 180_000 }, () => {
  it('enters a holiday by range: every day of it listed under the one name', async () => {
    const { context, page } = await h.signedIn('desktop', 'admin', '/calendar');
    // A retried run starts from the built-in calendar again.
    for (const day of ['2026-09-14', '2026-09-15', '2026-09-16']) await page.request.delete(`/api/calendar/overrides/${day}`);
    const range = page.getByTestId('range-admin');
    await range.getByLabel('节日名称').fill('区间测试假');
    await page.locator('#calendar-range-from').fill('2026-09-14');
    await page.locator('#calendar-range-from').press('Enter');
    await page.locator('#calendar-range-to').fill('2026-09-16');
    await page.locator('#calendar-range-to').press('Enter');
    await page.keyboard.press('Escape');
    await range.getByRole('button', { name: '录入区间' }).click();
    await page.getByText('已录入 2026-09-14 至 2026-09-16，共 3 天').waitFor();
    const admin = page.getByTestId('year-admin');
    await poll(() => admin.getByRole('row').filter({ hasText: '区间测试假' }).count()).toBe(3);
    await context.close();
  });

  it('browses a case’s audit trail by act code, twenty records to a page', async () => {
    const { context, page } = await h.signedIn('desktop', 'supervisor', '/cases?q=%E8%80%81%E8%A1%97%E5%9D%8A%E9%A4%90%E9%A5%AE');
    const code = (await page.locator('.ant-table-tbody tr.ant-table-row td').nth(1).textContent())!.slice(0, 18);
    await page.goto('/audit');
    await settle(page);
    const trail = page.getByTestId('audit-trail');
    await trail.getByLabel('对象', { exact: true }).fill(code);
    await trail.getByRole('button', { name: /查\s?看/ }).click();
    await poll(() => trail.getByTestId('audit-trail-total').textContent()).toMatch(/共 \d+ 条记录/);
    const total = Number((await trail.getByTestId('audit-trail-total').textContent())!.match(/共 (\d+) 条/)![1]);
    expect(total).toBeGreaterThan(0);
    await expect(trail.locator('.ant-table-tbody tr.ant-table-row').count()).resolves.toBe(Math.min(total, 20));
    await expect(trail.textContent()).resolves.toContain('登记');
    await context.close();
  });
});

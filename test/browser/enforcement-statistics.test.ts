/**
 * 行政执法数据公示 on a phone (390 px; issue #19 item 4): anyone opens the portal's page, picks 东湖区 and last year —
 * the current year is not offered (it is public once over, 国办发〔2018〕118号) — and reads the statistics table with
 * its notes, "本系统无记录" for the ledgers Fazhi does not hold, and downloads the XLSX. The demo bureau's history is in
 * the current year, so one of its penalty decisions is dated into last year first (test setup, in SQL).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDateOf } from '../../src/domain/calendar/iso-date.ts';
import { type Harness, horizontalOverflow, pickOption, screenshot, settle, startHarness } from './harness.ts';

let h: Harness;
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });
const thisYear = Number(chinaDateOf(new Date()).slice(0, 4));
const year = thisYear - 1;
const BODY = '云城市东湖区城市管理和综合行政执法局';
let bodyId = 0;

beforeAll(async () => {
  h = await startHarness();
  const moved = (await h.app.ctx.db.execute(sql`
    update cases set decided_on = ${`${String(year)}-06-15`}::date
    where id = (select c.id from cases c join organizations o on o.id = c.organization_id
                where o.path like (select path from organizations where name = ${BODY}) || '%'
                  and c.decision_kind = 'penalty' and c.decision_status = 'inForce' order by c.id limit 1)
    returning organization_id`)) as unknown as { rows: unknown[] };
  if (moved.rows.length !== 1) throw new Error('demo data has no penalty decision of 东湖区 to date into last year');
  const bodies = (await h.app.app.inject({ method: 'GET', url: '/api/public/bodies' })).json() as { id: number; name: string }[];
  bodyId = bodies.find((b) => b.name === BODY)!.id;
}, 240_000);
afterAll(() => h?.close());

describe('行政执法数据公示 (portal, phone)', { timeout: 240_000 }, () => {
  it('a closed year’s table, 本系统无记录 where there is no ledger, the XLSX; the current year is not offered', async () => {
    const expected = (await h.app.app.inject({ method: 'GET', url: `/api/public/enforcement-statistics?org=${bodyId}&year=${year}` })).json() as { rows: { key: string; value: number | null }[] };
    const total = expected.rows.find((r) => r.key === 'penalty_decisions')!.value!;
    expect(total).toBeGreaterThanOrEqual(1);

    const { context, page } = await h.newPage('phone');
    await page.goto('/portal');
    await settle(page);
    await page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '行政执法数据公示' }).click();
    await page.waitForURL(/\/portal\/enforcement-statistics$/);
    await settle(page);
    await pickOption(page, page.getByRole('combobox', { name: '执法主体', exact: true }), BODY);
    const yearSelect = page.getByRole('combobox', { name: '年度', exact: true });
    await yearSelect.click();
    const years = await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').allInnerTexts();
    expect(years).toContain(`${year}年度`);
    expect(years).not.toContain(`${thisYear}年度`);
    await page.keyboard.press('Escape');
    await pickOption(page, yearSelect, `${year}年度`);
    await settle(page);

    await poll(() => page.getByTestId('statistics-title').innerText()).toBe(`${BODY} ${year}年度行政执法数据统计表`);
    await poll(() => page.getByTestId('statistic-penalty_decisions').innerText()).toBe(`${total} 件`);
    await expect(page.getByTestId('statistic-licences').innerText()).resolves.toBe('本系统无记录');
    await expect(page.getByTestId('statistic-kind_detention').innerText()).resolves.toBe('本系统无记录');
    await expect(page.getByTestId('statistic-fine_amount').innerText()).resolves.toMatch(/^\d+\.\d{2} 万元$/);
    await expect(page.getByTestId('statistics-notes').innerText()).resolves.toContain('在每一种处罚的行中各计一次');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'portal-enforcement-statistics', 'phone');

    const href = await page.getByTestId('statistics-download').getAttribute('href');
    expect(href).toBe(`/api/public/enforcement-statistics.xlsx?org=${bodyId}&year=${year}`);
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await context.close();
  });
});

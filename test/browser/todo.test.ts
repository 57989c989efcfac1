/**
 * The to-do centre in the browser (issue 15): each role finds what waits for them at /todo with the count in the menu;
 * a legal review returned by the reviewer reaches the officer — in the to-do list and on the case page with each failed
 * item's note; a supervisor's 督办 reaches the officers; at 1280 and 390 px.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPassedChecklist } from '../../src/domain/cases/legal-review.ts';
import { type Harness, horizontalOverflow, screenshot, settle, startHarness } from './harness.ts';

let h: Harness;
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });
/** The server's clock: today, unless a test moves it (the report notice of March). */
let today: Date | null = null;
beforeAll(async () => {
  h = await startHarness({ clock: () => today ?? new Date() });
}, 240_000);
afterAll(() => h?.close());

/** The demo case awaiting legal review in 东湖 (src/demo/cases.ts, case 20), handled by 王磊 and 赵刚. */
const AWAITING = '涉嫌餐饮服务未安装油烟净化设施排放油烟案';
const NOTE = '缺少油烟直排的检测报告或视听资料';

async function api(username: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const cookie = await h.app.login(username);
  const res = await h.app.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload: payload as object } : {}) });
  return res.json() as Record<string, unknown> & unknown[];
}

const items = (page: Page) => page.getByTestId('todo-item');

describe('to-do centre in the browser', { timeout: 240_000 }, () => {
  it('head and reviewer: their own to-dos with the count in the menu (1280 px)', async () => {
    const head = await h.signedIn('desktop', 'head.donghu', '/todo');
    await poll(() => items(head.page).filter({ hasText: '待立案审批' }).count()).toBeGreaterThan(0);
    // The menu badge counts them.
    await poll(async () => Number((await head.page.getByTestId('todo-menu-label').innerText()).replace(/\D/g, '') || 0)).toBeGreaterThan(0);
    expect(await items(head.page).filter({ hasText: '待法制审核' }).count()).toBe(0);
    await screenshot(head.page, 'todo-head', 'desktop');
    await head.context.close();

    const reviewer = await h.signedIn('desktop', 'reviewer.donghu', '/todo');
    await poll(() => items(reviewer.page).filter({ hasText: AWAITING }).filter({ hasText: '待法制审核' }).count()).toBe(1);
    expect(await items(reviewer.page).filter({ hasText: '待立案审批' }).count()).toBe(0);
    await reviewer.context.close();
  });

  it('a returned review reaches the officer: the to-do with the failed item, the case page with the result and the note', async () => {
    const queue = ((await api('reviewer.donghu', 'GET', '/api/legal-reviews/queue?limit=100')) as unknown as { items: { id: number; title: string; version: number }[] }).items;
    const c = queue.find((q) => q.title === AWAITING)!;
    const checklist = { ...allPassedChecklist(), evidence: { passed: false, note: NOTE } };
    await api('reviewer.donghu', 'POST', `/api/cases/${c.id}/transitions`, { expectedVersion: c.version, action: 'legalReview', passed: false, opinion: '证据不足，退回补充调查。', checklist });

    const { context, page } = await h.signedIn('desktop', 'wanglei', '/todo');
    const returned = items(page).filter({ hasText: '法制审核退回' }).filter({ hasText: AWAITING });
    await poll(() => returned.count()).toBe(1);
    expect(await returned.innerText()).toContain(NOTE);
    await returned.getByRole('link', { name: AWAITING }).click();
    await page.waitForURL(new RegExp(`/cases/${c.id}$`));
    await settle(page);
    const card = page.getByTestId('legal-review-card');
    await poll(() => card.innerText()).toContain('已退回');
    expect(await card.innerText()).toContain(`证据不合格：${NOTE}`);
    expect(await card.innerText()).toContain('证据不足，退回补充调查。');
    await screenshot(page, 'case-returned-review', 'desktop');
    await context.close();

    const phone = await h.signedIn('phone', 'zhaogang', `/cases/${c.id}`);
    await poll(() => phone.page.getByTestId('legal-review-card').innerText()).toContain(NOTE);
    expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);
    await phone.page.goto('/todo');
    await settle(phone.page);
    await poll(() => items(phone.page).filter({ hasText: '法制审核退回' }).count()).toBeGreaterThan(0);
    expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);
    await screenshot(phone.page, 'todo-officer', 'phone');
    await phone.context.close();
  });

  it('督办: the supervisor urges from the case page; the officer finds the note in the to-dos (390 px)', async () => {
    const list = (await api('supervisor', 'GET', `/api/cases?q=${encodeURIComponent(AWAITING)}`)) as unknown as { id: number }[];
    const id = list[0]!.id;
    const sup = await h.signedIn('desktop', 'supervisor', `/cases/${id}`);
    const card = sup.page.getByTestId('urge-card');
    await card.getByLabel('督办意见').fill('群众多次投诉，请于三个工作日内补充证据。');
    await card.getByRole('button', { name: /督\s*办/ }).click();
    await poll(() => sup.page.getByText('已督办，承办人员将在待办中看到').count()).toBeGreaterThan(0);
    await sup.context.close();

    const { context, page } = await h.signedIn('phone', 'wanglei', '/todo');
    await poll(() => items(page).filter({ hasText: '群众多次投诉，请于三个工作日内补充证据。' }).count()).toBe(1);
    expect(await items(page).filter({ hasText: '周敏' }).first().innerText()).toContain('督办');
    // An officer is not offered 督办.
    await page.goto(`/cases/${id}`);
    await settle(page);
    expect(await page.getByTestId('urge-card').count()).toBe(0);
    await context.close();
  });

  it('the annual report notice: from 1 March 东湖区’s head is reminded of last year’s report, with a link to it (1280 and 390 px)', async () => {
    // The demo has 东湖区's report of this year in draft (src/demo/reports.ts); move the server to 5 March next year.
    const year = new Date().getFullYear();
    today = new Date(`${String(year + 1)}-03-05T02:00:00Z`);
    try {
      const { context, page } = await h.signedIn('desktop', 'head.donghu', '/todo');
      const notice = page.getByTestId('todo-notice');
      await poll(() => notice.count()).toBe(1);
      expect(await notice.innerText()).toContain(`${String(year)}年度法治政府建设情况报告（起草），应于${String(year + 1)}-03-31前公开，还剩27天`);
      await screenshot(page, 'todo-report-notice', 'desktop');
      await notice.getByRole('link').click();
      await page.waitForURL(/\/reports\/annual$/);
      await context.close();
      // Officers of the brigade are not reminded.
      const phone = await h.signedIn('phone', 'wanglei', '/todo');
      await poll(() => items(phone.page).count()).toBeGreaterThan(0);
      expect(await phone.page.getByTestId('todo-notice').count()).toBe(0);
      await phone.context.close();
      const head = await h.signedIn('phone', 'head.donghu', '/todo');
      await poll(() => head.page.getByTestId('todo-notice').count()).toBe(1);
      expect(await horizontalOverflow(head.page)).toBeLessThanOrEqual(0);
      await screenshot(head.page, 'todo-report-notice', 'phone');
      await head.context.close();
    } finally {
      today = null;
    }
  });
});

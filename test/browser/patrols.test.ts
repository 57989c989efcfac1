/**
 * Patrols and 双随机 in the browser (issue 18), at 390 px: 王磊 plans a patrol with 赵刚 on his phone, starts it,
 * records a problem (category from the catalog, place, a photo; the form is a draft kept in the browser, restored after
 * a reload) and orders its rectification with a due date. The head sees the demo bureau's 双随机 plan with its proof
 * and the link to the public proof, then makes a plan, publishes its seed and draws; the portal shows the published
 * draw (seed, pool digests, published results).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDateOf } from '../../src/domain/calendar/iso-date.ts';
import { DEMO_DRAW_SEED } from '../../src/demo/inspections.ts';
import { type Harness, horizontalOverflow, pickOption, screenshot, settle, startHarness } from './harness.ts';

let h: Harness;
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });
const AREA = '湖滨路—文化路沿线（浏览器测试）';
const PLACE = '湖滨路 12 号门前人行道';
const dueOn = chinaDateOf(new Date(Date.now() + 7 * 86_400_000));
/** A 1×1 PNG: what a phone's camera gives, at its smallest. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  h = await startHarness();
}, 600_000);
afterAll(() => h?.close());

describe('patrols on the phone and the published draw', { timeout: 240_000 }, () => {
  it('plan a patrol → start → record a problem with a photo (draft restored) → order its rectification (390 px)', async () => {
    const { context, page } = await h.signedIn('phone', 'wanglei', '/inspections/patrols');
    await page.getByRole('button', { name: '下达巡查任务' }).click();
    await page.getByLabel('巡查区域').fill(AREA);
    await page.getByLabel('巡查路线').fill('湖滨路—解放路—文化路');
    await pickOption(page, page.getByLabel('巡查人员'), '赵刚');
    await page.keyboard.press('Escape');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'patrol-create', 'phone');
    await page.getByRole('button', { name: '下达任务' }).click();
    await page.waitForURL(/\/inspections\/patrols\/\d+$/);
    await settle(page);
    await poll(() => page.locator('body').innerText()).toContain('待巡查');
    expect(await page.locator('body').innerText()).toContain('王磊、赵刚');

    await page.getByRole('button', { name: '开始巡查' }).click();
    await poll(() => page.locator('body').innerText()).toContain('巡查中');

    // The problem, typed on the street, survives a reload (a dropped connection) as a draft.
    await page.getByRole('button', { name: '记录问题' }).click();
    await page.getByLabel('问题类别').fill('占道经营');
    await pickOption(page, page.getByLabel('问题类别'), '占道经营（09006）');
    await page.getByLabel('问题地点').fill(PLACE);
    await page.getByLabel('问题描述').fill('流动摊贩占用人行道经营，影响通行。');
    await page.reload();
    await settle(page);
    await poll(() => page.getByLabel('问题地点').inputValue()).toBe(PLACE);
    expect(await page.locator('body').innerText()).toContain('已恢复未提交的草稿');
    await page.locator('input[type=file]').first().setInputFiles({ name: '占道现场.png', mimeType: 'image/png', buffer: PNG });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'patrol-problem-form', 'phone');
    await page.getByRole('button', { name: '提交问题' }).click();
    const card = page.getByTestId('problem-card').filter({ hasText: PLACE });
    await poll(() => card.count()).toBe(1);
    await poll(() => card.innerText()).toContain('占道现场.png');
    expect(await card.innerText()).toContain('待处置');

    // 责令整改 with a due date.
    await card.getByRole('button', { name: '责令整改' }).click();
    await card.getByLabel('整改要求').fill('当日撤离人行道，恢复通行。');
    await card.getByLabel('整改期限').click();
    await card.getByLabel('整改期限').fill(dueOn);
    await card.getByLabel('整改期限').press('Enter');
    const submit = card.getByRole('button', { name: '提 交' }).or(card.getByRole('button', { name: '提交', exact: true }));
    await page.waitForTimeout(500);
    if (await submit.isVisible()) await submit.click();
    await poll(() => card.innerText()).toContain('整改中');
    expect(await card.innerText()).toContain(`${dueOn} 前整改`);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fazhi.draft.')))).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'patrol-rectifying', 'phone');

    // The patrol is on the officer's list.
    await page.goto('/inspections/patrols');
    await settle(page);
    await poll(() => page.getByTestId('patrol-card').filter({ hasText: AREA }).count()).toBe(1);
    await context.close();
  });

  it('the head sees the draw with its proof; the portal shows the published draw (390 px)', async () => {
    const { context, page } = await h.signedIn('phone', 'head.donghu', '/inspections/plans');
    // The bureau's head chooses the brigade, whose plan the demo drew.
    await pickOption(page, page.getByLabel('抽查单位'), '东湖区城市管理综合行政执法大队');
    await page.getByTestId('plan-card').filter({ hasText: '城市管理领域' }).first().getByRole('link').click();
    await page.waitForURL(/\/inspections\/plans\/\d+$/);
    await settle(page);
    const proof = page.getByTestId('draw-proof');
    await poll(() => proof.innerText()).toContain(DEMO_DRAW_SEED);
    expect(await proof.innerText()).toContain('fazhi-draw-v1');
    expect(await proof.innerText()).toContain('可用 fazhi draw verify 文件 离线复核');
    expect(await page.getByTestId('proof-download').getAttribute('href')).toMatch(/^\/api\/public\/draws\/\d+$/);
    expect(await page.getByTestId('drawn-subject').count()).toBeGreaterThan(0);
    expect(await page.locator('body').innerText()).toContain('回避重新选派记录');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'plan-proof', 'phone');

    // A new plan through the form: the seed published (fixed before the draw), then the draw, with its proof.
    await page.goto('/inspections/plans');
    await settle(page);
    await pickOption(page, page.getByLabel('抽查单位'), '东湖区城市管理综合行政执法大队');
    await page.getByRole('button', { name: '制定抽查计划' }).click();
    await page.getByLabel('计划名称').fill('浏览器测试抽查计划');
    await pickOption(page, page.getByLabel('抽查事项'), 'DH-JC-01');
    await pickOption(page, page.getByLabel('执法人员名录'), '王磊');
    await pickOption(page, page.getByLabel('执法人员名录'), '赵刚');
    await page.keyboard.press('Escape');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: '制定计划' }).click();
    await page.waitForURL(/\/inspections\/plans\/\d+$/);
    await settle(page);
    await page.getByRole('button', { name: '公布抽取种子' }).click();
    await page.getByRole('button', { name: '确 定' }).or(page.getByRole('button', { name: '确定', exact: true })).or(page.getByRole('button', { name: 'OK' })).click();
    await poll(() => page.getByTestId('draw-proof').count()).toBe(1);
    expect(await page.getByTestId('draw-proof').innerText()).toMatch(/[0-9a-f]{32}/);
    await page.getByRole('button', { name: '抽 取' }).or(page.getByRole('button', { name: '抽取', exact: true })).click();
    await poll(() => page.getByTestId('drawn-subject').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('draw-proof').innerText()).toContain('fazhi-draw-v1');
    await context.close();

    const portal = await h.newPage('phone');
    await portal.page.goto('/portal');
    await settle(portal.page);
    await portal.page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '双随机抽查公示' }).click();
    await poll(() => portal.page.getByTestId('public-draw').count()).toBeGreaterThan(0);
    // The demo bureau's draw (the plan drawn above is listed too).
    await portal.page.getByTestId('public-draw').filter({ hasText: '城市管理领域' }).first().getByRole('link').click();
    await poll(() => portal.page.getByTestId('public-draw-proof').innerText()).toContain(DEMO_DRAW_SEED);
    await poll(() => portal.page.getByTestId('public-draw-item').count()).toBeGreaterThan(0);
    expect(await portal.page.getByTestId('public-draw-item').first().innerText()).toMatch(/[0-9a-f]{64}/);
    expect(await portal.page.getByTestId('public-draw-result').count()).toBeGreaterThan(0);
    expect(await horizontalOverflow(portal.page)).toBeLessThanOrEqual(0);
    await screenshot(portal.page, 'portal-draw', 'phone');
    await portal.context.close();
  });
});

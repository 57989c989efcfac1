/**
 * Inspections of enterprises in the browser (issue 18), at 390 px as the officer holds the phone at the door: 王磊
 * registers an inspection of an enterprise on a published item with 赵刚, issues the 行政检查码; the enterprise verifies
 * the code on the portal and rates the inspection anonymously; the officer records a finding (the form is a draft kept
 * in the browser, restored after a reload) with a rectification order, which then stands on the rectification board.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/access.ts';
import { chinaDateOf } from '../../src/domain/calendar/iso-date.ts';
import { creditCodeCheckChar } from '../../src/domain/validators/credit-code.ts';
import { organizations } from '../../src/db/schema.ts';
import { addInspectionItem, publishInspectionItem } from '../../src/services/inspections/items.ts';
import { addSubject } from '../../src/services/inspections/subjects.ts';
import { type Harness, horizontalOverflow, pickOption, screenshot, settle, startHarness } from './harness.ts';

let h: Harness;
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });
const SUBJECT = '云城市湖滨餐饮管理有限公司';
const ITEM = '餐饮油烟污染防治检查';
const today = chinaDateOf(new Date());
const dueOn = chinaDateOf(new Date(Date.now() + 15 * 86_400_000));

beforeAll(async () => {
  h = await startHarness();
  const ctx = h.app.ctx;
  const orgId = async (name: string) => (await ctx.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name)))[0]!.id;
  const district = await orgId('云城市东湖区城市管理和综合行政执法局');
  const brigade = await orgId('东湖区城市管理综合行政执法大队');
  const item = await addInspectionItem(ctx, systemActor, district, { code: 'BR-001', name: ITEM, basis: '《城市市容和环境卫生管理条例》第十四条', subjectKinds: ['enterprise'], method: 'onSite', yearlyCap: 2, random: false });
  await publishInspectionItem(ctx, systemActor, item.id, { publishedOn: today });
  const first17 = '91539902MA6K0XYW1';
  await addSubject(ctx, systemActor, brigade, { name: SUBJECT, creditCode: first17 + creditCodeCheckChar(first17), kind: 'enterprise', address: '云城市东湖区湖滨路88号', category: '餐饮', riskClass: 'C' });
}, 600_000);
afterAll(() => h?.close());

describe('an inspection on the phone, verified and rated on the portal', { timeout: 240_000 }, () => {
  it('register → code → the portal verifies it and takes a rating → record with a finding (draft restored) → rectification board (390 px)', async () => {
    const { context, page } = await h.signedIn('phone', 'wanglei', '/inspections');
    await page.getByRole('button', { name: '登记检查' }).click();
    await pickOption(page, page.getByLabel('检查对象'), SUBJECT);
    await pickOption(page, page.getByLabel('检查事项'), ITEM);
    await pickOption(page, page.getByLabel('执法人员'), '赵刚');
    await page.keyboard.press('Escape');
    // Only officers whose certificate is valid today are offered (孙丽's expired).
    expect(await page.locator('.ant-select-dropdown').last().innerText()).not.toContain('孙丽');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'inspection-register', 'phone');
    await page.getByRole('button', { name: '提交登记' }).click();
    await page.waitForURL(/\/inspections\/\d+$/);
    await settle(page);
    const inspectionPath = new URL(page.url()).pathname;
    expect(await page.locator('body').innerText()).toContain('已登记');

    // 赋码: every pre-entry rule is checked by the server; the code is shown to the enterprise.
    await page.getByRole('button', { name: '赋码（行政检查码）' }).click();
    await page.getByRole('button', { name: '赋 码' }).or(page.getByRole('button', { name: '赋码', exact: true })).click();
    await poll(() => page.getByTestId('inspection-code').count()).toBe(1);
    const code = ((await page.getByTestId('inspection-code').innerText()).match(/([0-9A-Z]{4} ){3}[0-9A-Z]{4}/) ?? [''])[0].replace(/ /g, '');
    expect(code).toMatch(/^[0-9A-Z]{16}$/);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'inspection-coded', 'phone');

    // The enterprise, on its own phone, verifies the code on the portal and rates the inspection anonymously.
    const portal = await h.newPage('phone');
    await portal.page.goto('/portal');
    await settle(portal.page);
    await portal.page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '行政检查码核验' }).click();
    await portal.page.getByLabel('行政检查码').fill(code.toLowerCase());
    await portal.page.getByRole('button', { name: '核 验' }).or(portal.page.getByRole('button', { name: '核验' })).click();
    await poll(() => portal.page.getByTestId('inspection-check').innerText()).toContain(SUBJECT);
    const check = await portal.page.getByTestId('inspection-check').innerText();
    expect(check).toContain(ITEM);
    expect(check).toContain('王磊');
    expect(check).toContain('赵刚');
    expect(await horizontalOverflow(portal.page)).toBeLessThanOrEqual(0);
    await portal.page.getByTestId('rating-form').locator('.ant-rate-star').nth(3).click();
    await portal.page.getByRole('button', { name: '提交匿名评价' }).click();
    await poll(() => portal.page.getByTestId('rating-done').innerText()).toContain('满意');
    await screenshot(portal.page, 'portal-inspection-code', 'phone');
    // A wrong code is not valid.
    await portal.page.getByLabel('行政检查码').fill('ABCDEFGHJKMNPQRS');
    await portal.page.getByRole('button', { name: '核 验' }).or(portal.page.getByRole('button', { name: '核验' })).click();
    await poll(() => portal.page.getByTestId('inspection-check').innerText()).toContain('未找到该行政检查码');
    await portal.context.close();

    // The record with a finding: typed at the enterprise, kept as a draft through a reload (a dropped connection).
    await page.getByRole('button', { name: '记录检查情况' }).click();
    await page.getByLabel('检查情况').fill('油烟净化设施未正常运行，排放口油污明显。');
    await page.getByRole('radio', { name: '责令整改' }).check();
    await page.reload();
    await settle(page);
    await poll(() => page.getByLabel('检查情况').inputValue()).toBe('油烟净化设施未正常运行，排放口油污明显。');
    expect(await page.locator('body').innerText()).toContain('已恢复未提交的草稿');
    await page.getByLabel('整改期限').click();
    await page.getByLabel('整改期限').fill(dueOn);
    // Enter takes the typed date; inside the form it may submit it at once, otherwise the button does.
    await page.getByLabel('整改期限').press('Enter');
    const submit = page.getByRole('button', { name: '提 交' }).or(page.getByRole('button', { name: '提交', exact: true }));
    await page.waitForTimeout(500);
    if (await submit.isVisible()) await submit.click();
    await poll(() => page.locator('body').innerText()).toContain('整改中');
    expect(await page.getByTestId('inspection-record').innerText()).toContain('责令整改');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fazhi.draft.')))).toEqual([]);
    await screenshot(page, 'inspection-rectifying', 'phone');

    // The rectification board lists it with its due date.
    await page.goto('/inspections/board');
    await settle(page);
    const card = page.getByTestId('rectification-card').filter({ hasText: SUBJECT });
    await poll(() => card.count()).toBe(1);
    expect(await card.innerText()).toContain(`${dueOn} 前整改`);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'inspection-board', 'phone');
    expect(inspectionPath).toMatch(/^\/inspections\/\d+$/);
    await context.close();
  });
});

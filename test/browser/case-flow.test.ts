/**
 * Acceptance: an officer's case from the clue to the downloaded 行政处罚决定书, in the browser, with the forms
 * generated from the action schemas (src/web/staff/case-actions/). The officer 王磊 (wanglei) registers and
 * investigates, the head 陈建国 (head.donghu) files and decides — the roles workflow.ts gives each step. A step the
 * law forbids (deciding before the party’s statement period, 《行政处罚法》第四十五条、第六十二条) is not offered: the
 * page says when it becomes possible, with the article. Screenshots of every form at desktop and phone widths.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../src/domain/validators/id-number.ts';
import { type Harness, type ViewportName, horizontalOverflow, viewports, login, pickOption, screenshot, settle, startHarness } from './harness.ts';

let h: Harness;
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000 });
beforeAll(async () => {
  h = await startHarness();
}, 300_000);
afterAll(() => h?.close());

const idNumber = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;

/** Opens an antd Select by its label and picks the option with the given text. */
async function choose(page: Page, form: Locator, label: string, option: string | RegExp): Promise<void> {
  await pickOption(page, form.getByLabel(label, { exact: true }), option);
}

/** Opens the step's panel in the 办理 card and returns its form. */
async function openStep(page: Page, label: string): Promise<Locator> {
  const form = page.getByRole('form', { name: label, exact: true });
  if (!(await form.isVisible())) await page.locator('.ant-collapse-header').filter({ hasText: new RegExp(`^${label}$`) }).click();
  await form.waitFor();
  return form;
}

/** Clicks the step's button; an irreversible step asks to confirm what will happen first (confirmed here). */
async function submitStep(page: Page, form: Locator, label: string): Promise<void> {
  await form.getByRole('button', { name: `提交：${label}` }).click();
  if (IRREVERSIBLE.has(label)) {
    const dialog = page.getByRole('dialog').filter({ hasText: `确认${label}？` });
    await dialog.getByRole('button', { name: '确认提交' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
const IRREVERSIBLE = new Set(['事先告知', '作出决定', '送达', '记录缴款', '结案', '归档', '不予立案']);

/** Waits until the case page shows the state (the header's state tag). */
async function expectState(page: Page, state: string): Promise<void> {
  try {
    await poll(() => page.getByTestId('case-header').locator('.ant-tag').first().textContent()).toContain(state);
  } catch (error) {
    // Say why: the refusal or the field errors the page shows.
    const shown = await page.locator('.ant-alert, .ant-form-item-explain-error, .ant-message-notice').allTextContents();
    throw new Error(`${(error as Error).message}；页面提示：${shown.join(' | ')}`, { cause: error });
  }
  await settle(page);
}

async function registerClue(page: Page, viewport: ViewportName, party: { name: string; id: string }): Promise<string> {
  await page.goto('/cases');
  await settle(page);
  await page.getByRole('link', { name: /登记线索|新建案件/ }).first().click();
  await page.waitForURL(/\/cases\/new$/);
  await settle(page);
  const form = page.getByRole('form', { name: '登记线索' });
  await choose(page, form, '线索来源', '日常巡查');
  await form.getByLabel('案由', { exact: true }).fill('涉嫌超出门窗外墙摆卖案');
  await form.getByLabel('违法事实', { exact: true }).fill(`当事人${party.name}在东湖区人民路30号门店门外人行道摆放货架、堆放商品经营，影响市容。`);
  await form.getByLabel('违法地点', { exact: true }).fill('云城市东湖区人民路30号门前');
  // Issue 15: a blank end date is a continuing act only when said so.
  await form.getByLabel('违法行为仍在继续', { exact: true }).check();
  await choose(page, form, '违法行为（权责清单事项）', /超出门、窗外墙摆卖/);
  await form.getByLabel('姓名', { exact: true }).fill(party.name);
  await form.getByLabel('证件号码', { exact: true }).fill(party.id);
  await form.getByLabel('联系电话', { exact: true }).fill('13700001234');
  await form.getByLabel('地址', { exact: true }).fill('云城市东湖区人民路30号');
  await screenshot(page, 'case-form-clue', viewport);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await form.getByRole('button', { name: '登记线索' }).click();
  await page.waitForURL(/\/cases\/\d+$/);
  await expectState(page, '线索登记');
  return page.url();
}

async function fileCase(page: Page, caseUrl: string, viewport: ViewportName): Promise<void> {
  await page.goto(caseUrl);
  await settle(page);
  const form = await openStep(page, '立案');
  const officers = form.getByLabel('承办执法人员', { exact: true });
  await officers.click();
  const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
  await options.filter({ hasText: '赵刚' }).waitFor();
  // 孙丽's certificate expired (2025-06-30): she is not offered as an officer (《行政处罚法》第四十二条).
  await expect(options.filter({ hasText: '孙丽' }).count()).resolves.toBe(0);
  for (const name of ['王磊', '赵刚']) {
    await officers.pressSequentially(name);
    await options.filter({ hasText: name }).first().waitFor();
    await officers.press('Enter');
  }
  await page.keyboard.press('Escape');
  await poll(() => form.locator('.ant-select-selection-item').allTextContents()).toEqual([expect.stringContaining('王磊'), expect.stringContaining('赵刚')]);
  await form.getByLabel('立案意见', { exact: true }).fill('违法事实基本清楚，属本机关管辖，同意立案。');
  await screenshot(page, 'case-form-file', viewport);
  await submitStep(page, form, '立案');
  await expectState(page, '已立案');
}

async function startInvestigation(page: Page, viewport: ViewportName): Promise<void> {
  const form = await openStep(page, '开始调查取证');
  await screenshot(page, 'case-form-start-investigation', viewport);
  await submitStep(page, form, '开始调查取证');
  await expectState(page, '调查取证');
}

/** A photo of the scene as evidence (the decision lists the evidence, 《行政处罚法》第五十九条). */
async function addEvidence(page: Page): Promise<void> {
  await page.getByTestId('evidence-card').getByRole('button', { name: /登记证据/ }).click();
  const dialog = page.getByRole('dialog', { name: '登记证据' });
  // A 1×1 PNG: the content does not matter, its SM3 digest is what the case records.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  await dialog.locator('input[type=file]').setInputFiles({ name: 'scene.png', mimeType: 'image/png', buffer: png });
  await dialog.getByLabel('证据名称').fill('现场照片（门店外人行道）');
  // What the item proves (证明对象): the decision prints it next to the evidence.
  await dialog.getByLabel(/证明对象|说明/).fill('证明当事人在门店外人行道摆放货架、堆放商品经营');
  await dialog.getByRole('button', { name: /上传并登记/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await poll(() => page.getByTestId('evidence-item').count()).toBe(1);
}

/** 调查终结 with the discretion helper: the facts give 情节较轻 and its range; the suggestion fills the penalty. */
async function closeInvestigation(page: Page, viewport: ViewportName, submit: boolean): Promise<void> {
  const form = await openStep(page, '调查终结');
  await form.getByLabel('调查终结报告（违法事实）', { exact: true }).fill('经调查，当事人在门店门外人行道摆放货架经营，经责令改正后拒不改正，事实清楚，证据确凿。');
  await choose(page, form, '处理意见', '行政处罚决定');
  const helper = form.getByLabel('裁量助手');
  await helper.getByLabel('违法行为发生前一年内因同一违法行为受到行政处罚的次数').fill('0');
  await choose(page, helper, '已改正', '否');
  // A fine above the benchmark range without a written reason: the helper shows the refusal.
  await form.getByLabel('罚款金额', { exact: true }).fill('2000');
  await helper.getByRole('button', { name: /计算裁量/ }).click();
  const result = helper.getByLabel('裁量结果');
  await poll(() => result.textContent()).toContain('裁量阶次');
  await expect(result.textContent()).resolves.toMatch(/1,000\.00元/);
  await poll(() => result.getByRole('alert').last().textContent()).toMatch(/幅度|理由/);
  await screenshot(page, 'case-form-close-investigation-outside-range', viewport);
  await helper.getByRole('button', { name: /按建议填写处罚内容/ }).click();
  await poll(() => form.getByLabel('罚款金额', { exact: true }).inputValue()).toMatch(/^1,?000(\.00)?$/);
  await expect(form.getByLabel('处罚依据', { exact: true }).inputValue()).resolves.toContain('序号');
  await helper.getByRole('button', { name: /计算裁量/ }).click();
  await poll(() => result.getByRole('alert').last().textContent()).not.toMatch(/理由/);
  await screenshot(page, 'case-form-close-investigation', viewport);
  if (!submit) return;
  await submitStep(page, form, '调查终结');
  await expectState(page, '调查终结');
}

/** 简易程序 (《行政处罚法》第五十一条): a 50元 fine decided on the spot by two officers; the case is then being enforced. */
async function decideOnSpot(page: Page, viewport: ViewportName): Promise<void> {
  await page.goto('/cases/new');
  await settle(page);
  await page.getByRole('tab', { name: '简易程序当场处罚' }).click();
  const form = page.getByRole('form', { name: '简易程序当场处罚' });
  await form.getByLabel('案由', { exact: true }).fill('涉嫌随地乱扔烟头案');
  await form.getByLabel('违法事实', { exact: true }).fill('当事人在东湖区人民路公交站台随地乱扔烟头，经执法人员当场指出后拒不捡拾。');
  await form.getByLabel('违法地点', { exact: true }).fill('云城市东湖区人民路公交站台');
  await choose(page, form, '违法行为（权责清单事项）', /LR-001/);
  await form.getByLabel('姓名', { exact: true }).fill('钱小龙');
  await form.getByLabel('证件号码', { exact: true }).fill(idNumber('53990219920808051'));
  // What the 当场行政处罚决定书 prints is required on the spot (第五十二条).
  await form.getByLabel('地址', { exact: true }).fill('云城市东湖区人民路12号');
  // A one-off act: it ended today (a blank end date would be refused unless the act is said to continue).
  // (The phone's date picker takes no typing: its 今天 button.)
  await form.getByLabel('违法行为终了日期', { exact: true }).click();
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').getByText('今天', { exact: true }).click();
  const officers = form.getByLabel('在场执法人员', { exact: true });
  await officers.click();
  await officers.pressSequentially('赵刚');
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '赵刚' }).first().waitFor();
  await officers.press('Enter');
  await page.keyboard.press('Escape');
  await form.getByLabel('罚款金额', { exact: true }).fill('50');
  await form.getByLabel('处罚内容', { exact: true }).fill('罚款人民币伍拾元');
  await form.getByLabel('处罚依据', { exact: true }).fill('《城市市容和环境卫生管理条例》第三十四条');
  await screenshot(page, 'case-form-on-spot', viewport);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await form.getByRole('button', { name: '作出当场处罚决定' }).click();
  await page.waitForURL(/\/cases\/\d+$/);
  await expectState(page, '执行中');
}

describe('the officer carries a case from the clue to the decision document', { timeout: 600_000 }, () => {
  it('desktop: clue, filing, investigation with the discretion helper, prior notice, a refused decision, waiver, decision, 行政处罚决定书', async () => {
    const party = { name: '周大福', id: idNumber('53990219850612031') };
    const officer = await h.newPage('desktop');
    await login(officer.page, 'wanglei');
    const caseUrl = await registerClue(officer.page, 'desktop', party);

    const head = await h.newPage('desktop');
    await login(head.page, 'head.donghu');
    await fileCase(head.page, caseUrl, 'desktop');

    await officer.page.goto(caseUrl);
    await settle(officer.page);
    await startInvestigation(officer.page, 'desktop');
    await addEvidence(officer.page);
    await closeInvestigation(officer.page, 'desktop', true);

    const notify = await openStep(officer.page, '事先告知');
    // The notice is served with the step: its 送达回证 prints how and when (required).
    await choose(officer.page, notify, '送达方式', '直接送达');
    const servedAt = notify.getByLabel('送达时间', { exact: true });
    await servedAt.click();
    await servedAt.fill('10:00');
    await servedAt.press('Enter');
    await screenshot(officer.page, 'case-form-notify', 'desktop');
    // Enter in a field of an irreversible step sends nothing (issue 15 item 2): only the button does, after saying
    // what will happen.
    const field = notify.locator('input:not([type=hidden]):not([type=checkbox]):not([type=radio])').first();
    await field.focus();
    await field.press('Enter');
    await settle(officer.page);
    await expect(officer.page.getByRole('dialog').count()).resolves.toBe(0);
    await expect(officer.page.getByTestId('case-header').locator('.ant-tag').first().textContent()).resolves.toContain('调查终结');
    await notify.getByRole('button', { name: '提交：事先告知' }).click();
    const confirmation = officer.page.getByRole('dialog').filter({ hasText: '确认事先告知？' });
    await expect(confirmation.textContent()).resolves.toContain('陈述、申辩期限');
    await screenshot(officer.page, 'case-form-notify-confirm', 'desktop');
    await confirmation.getByRole('button', { name: '返回修改' }).click();
    await submitStep(officer.page, notify, '事先告知');
    await expectState(officer.page, '已事先告知');

    // While the party may still state their case the head is not offered 作出决定: the page says from when, and why.
    await head.page.goto(caseUrl);
    await settle(head.page);
    const notYet = head.page.getByTestId('not-yet-card');
    await poll(() => notYet.textContent()).toMatch(/陈述申辩期限届满（\d{4}-\d{2}-\d{2}）后可作出决定/);
    await expect(notYet.textContent()).resolves.toMatch(/依据：《行政处罚法》第/);
    expect(await head.page.locator('.ant-collapse-header').filter({ hasText: /^作出决定$/ }).count()).toBe(0);
    await screenshot(head.page, 'case-form-decide-not-yet', 'desktop');

    // The party expressly waives the statement (第六十二条): recorded by the officer.
    await officer.page.reload();
    await settle(officer.page);
    const statement = await openStep(officer.page, '记录陈述申辩');
    await statement.getByLabel('当事人明确放弃陈述申辩', { exact: true }).click();
    await expect(statement.getByLabel('陈述申辩内容', { exact: true }).count()).resolves.toBe(0);
    await screenshot(officer.page, 'case-form-statement', 'desktop');
    await submitStep(officer.page, statement, '记录陈述申辩');
    await poll(() => officer.page.getByText('案件已被他人更新').count()).toBe(0);
    await officer.page.waitForFunction(() => !document.querySelector('.ant-btn-loading'));

    // The head's page still shows the old version: a step sent from it is answered 409, the form offers a reload.
    const decideStale = await openStep(head.page, '中止调查');
    await decideStale.getByLabel('中止理由', { exact: true }).fill('当事人下落不明');
    await submitStep(head.page, decideStale, '中止调查');
    await poll(() => decideStale.getByRole('alert').textContent()).toContain('案件已被他人更新');
    await screenshot(head.page, 'case-form-decide-conflict', 'desktop');
    // A window narrowed to a phone's width and widened again (a tablet turned) lays the cards out again without
    // mounting them again: the open step and its answer stay.
    await head.page.setViewportSize(viewports.phone);
    await poll(() => head.page.locator('[data-testid=case-actions-card]').evaluate((e) => e.getBoundingClientRect().left)).toBeLessThan(100);
    await head.page.setViewportSize(viewports.desktop);
    // At desktop width the step forms head the wide column (issue 15: not a 270 px side column).
    await poll(() => head.page.locator('[data-testid=case-actions-card]').evaluate((e) => e.getBoundingClientRect().width)).toBeGreaterThan(600);
    await expect(decideStale.getByRole('alert').textContent()).resolves.toContain('案件已被他人更新');
    await decideStale.getByRole('button', { name: /重新加载/ }).click();
    await settle(head.page);
    const decideAgain = await openStep(head.page, '作出决定');
    await submitStep(head.page, decideAgain, '作出决定');
    await expectState(head.page, '已作出决定');

    // The 行政处罚决定书: generated on the case page and downloaded; it names the decision number and the party.
    const numberItem = head.page.getByTestId('case-header').locator('.ant-descriptions-item').filter({ hasText: '决定书文号' }).locator('.ant-descriptions-item-content');
    const decisionNumber = ((await numberItem.textContent()) ?? '').trim();
    expect(decisionNumber).toMatch(/罚决字〔\d{4}〕/);
    const documents = head.page.getByTestId('documents-card');
    await pickOption(head.page, documents.getByTestId('document-type'), /^行政处罚决定书$/);
    await documents.getByRole('button', { name: /生\s?成/ }).click();
    const link = documents.getByRole('link', { name: /下载.*\.docx/ }).first();
    await link.or(documents.getByTestId('document-error')).first().waitFor({ timeout: 60_000 });
    expect(await documents.getByTestId('document-error').count(), (await documents.getByTestId('document-error').allTextContents()).join()).toBe(0);
    const [download] = await Promise.all([head.page.waitForEvent('download'), link.click()]);
    const zip = await JSZip.loadAsync(await readFile(await download.path()));
    const text = ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
    expect(text).toContain(decisionNumber);
    expect(text).toContain(party.name);
    await screenshot(head.page, 'case-decided', 'desktop');
    await officer.context.close();
    await head.context.close();
  });

  it('phone: the first steps at 390 px and a decision on the spot, forms in one column with nothing off the screen', async () => {
    const party = { name: '吴小梅', id: idNumber('53990219900303042') };
    const officer = await h.newPage('phone');
    await login(officer.page, 'wanglei');
    const caseUrl = await registerClue(officer.page, 'phone', party);
    const head = await h.newPage('phone');
    await login(head.page, 'head.donghu');
    await fileCase(head.page, caseUrl, 'phone');
    expect(await horizontalOverflow(head.page)).toBeLessThanOrEqual(0);
    await officer.page.goto(caseUrl);
    await settle(officer.page);
    await startInvestigation(officer.page, 'phone');
    await closeInvestigation(officer.page, 'phone', false);
    expect(await horizontalOverflow(officer.page)).toBeLessThanOrEqual(0);
    await decideOnSpot(officer.page, 'phone');
    await officer.context.close();
    await head.context.close();
  });
});

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBenchmarksUrl } from '../../src/domain/discretion/data.ts';
import { type Harness, type ViewportName, horizontalOverflow, login, screenshot, settle, startHarness } from './harness.ts';

let h: Harness;
const orgIds = new Map<string, number>();

beforeAll(async () => {
  h = await startHarness();
  const cookie = await h.app.login('admin');
  const orgs = (await h.app.app.inject({ method: 'GET', url: '/api/organizations', headers: { cookie } })).json() as { id: number; name: string }[];
  for (const o of orgs) orgIds.set(o.name, o.id);
}, 240_000);
afterAll(() => h?.close());

const donghu = '云城市东湖区城市管理和综合行政执法局';
const nanhu = '东湖区南湖街道综合行政执法队';

/** A small benchmark file: the three tiers of one real item (under a name of its own) and one broken row. */
function smallBenchmarkCsv(): Buffer {
  const lines = readFileSync(bundledBenchmarksUrl, 'utf8').split(/\r?\n/);
  const header = lines.find((l) => l.startsWith('source,'))!;
  const firstItem = lines.filter((l) => !l.startsWith('#') && l.includes(',1,《')).slice(0, 3);
  expect(firstItem).toHaveLength(3);
  const renamed = firstItem.map((l) => l.replace('不履行市容和环境卫生主体责任且逾期未改正', '测试导入：不履行市容和环境卫生责任区责任'));
  // The fourth data row has no 处罚标准 (penalty standard): it must be rejected with its row number.
  const broken = renamed[0]!.replace(/,情节较轻,([^,]*),[^,]*,/, ',情节较轻,$1,,');
  return Buffer.from(['# 浏览器测试用的小型裁量基准', header, ...renamed, broken].join('\n'), 'utf8');
}

/** A report written for this test: it has no part on shortcomings (存在的不足), which must show in red. */
const handWrittenReport = `云城市东湖区城市管理局2025年法治政府建设年度报告

2025年，东湖区城市管理局深入学习贯彻习近平法治思想，扎实推进法治政府建设，现将有关情况报告如下。

一、2025年推进法治政府建设的主要举措和成效
（一）规范行政执法。全年办理行政处罚案件356件，重大执法决定法制审核58件，全部在规定期限内办结。
（二）加强学法用法。局党组开展专题学法12次，组织法治培训8期，参训人员420人次。

二、党政主要负责人履行推进法治建设第一责任人职责情况
局主要负责人认真履行推进法治建设第一责任人职责，亲自部署重要工作、亲自过问重大问题、亲自协调重点环节。

三、2026年推进法治政府建设的工作安排
一是深化执法规范化建设；二是加强执法队伍培训；三是推进包容审慎监管。

云城市东湖区城市管理局
2026年1月15日
`;

const samplesDir = path.resolve(import.meta.dirname, '../../../shared/samples/reports');
const haveSamples = existsSync(samplesDir);

describe('admin pages, portal benchmarks and the report comparison in the browser', { timeout: 240_000 }, () => {
  it('imports a small benchmark CSV and shows the rejected row with its reason; the new version lists its item', async () => {
    const { context, page } = await h.newPage('desktop');
    await login(page, 'admin');
    await page.getByRole('menuitem', { name: '系统管理' }).click();
    await page.getByRole('menuitem', { name: '裁量基准' }).click();
    await page.waitForURL(/\/admin\/benchmarks/);
    await settle(page);
    await screenshot(page, 'admin-benchmarks', 'desktop');
    await page.getByRole('button', { name: /导\s?入/ }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles({ name: 'small-benchmark.csv', mimeType: 'text/csv', buffer: smallBenchmarkCsv() });
    await dialog.getByLabel('版本名称').fill('浏览器测试裁量基准');
    await dialog.getByRole('button', { name: /^导\s?入$/ }).click();
    await dialog.getByText('已导入为草稿：浏览器测试裁量基准').waitFor();
    const report = dialog.getByTestId('rejection-report');
    const rows = report.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    const rejected = (await rows.first().innerText()).replace(/\s+/g, ' ');
    expect(rejected).toMatch(/^\d+ /);
    expect(rejected).toMatch(/[\u4e00-\u9fa5]{4,}/);
    expect(await dialog.innerText()).toContain('未导入 1 行');
    await screenshot(page, 'admin-benchmark-import', 'desktop');
    await dialog.getByRole('button', { name: /^关\s闭$/ }).click();
    // The new version is selected and lists its one item, whose three tiers open in the drawer.
    await settle(page);
    await page.locator('.ant-table-tbody').getByText('测试导入：不履行市容和环境卫生责任区责任').click();
    const drawer = page.locator('.ant-drawer');
    await expect.poll(() => drawer.getByTestId('benchmark-tier').count(), { timeout: 20_000 }).toBe(3);
    await drawer.getByRole('button', { name: /修\s?改/ }).click();
    expect(await drawer.innerText()).toContain('《行政处罚法》第三十四条');
    await screenshot(page, 'admin-benchmark-item', 'desktop');
    await context.close();
  });

  it('adds a power item to a district list, finds it by search, and imports a list with a rejected row', async () => {
    const { context, page } = await h.signedIn('desktop', 'admin.donghu', '/admin/power-items');
    await page.getByRole('button', { name: '新增事项' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('事项编码').fill('DH-TEST-01');
    await dialog.getByLabel('违法行为名称').fill('在城市道路两侧晾晒、吊挂影响市容的物品');
    await dialog.getByLabel('违则（违反的条款）').fill('《城市市容和环境卫生管理条例》第十六条');
    await dialog.getByLabel('罚则（处罚依据）').fill('《城市市容和环境卫生管理条例》第三十四条第（二）项');
    await dialog.getByLabel('法定处罚幅度').fill('责令纠正违法行为、采取补救措施，可以并处警告、罚款');
    await dialog.getByLabel('事项类别').fill('市容环境');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('已新增“在城市道路两侧晾晒、吊挂影响市容的物品”').waitFor();
    await settle(page);
    await page.getByLabel('检索权责清单').fill('晾晒');
    await page.getByLabel('检索权责清单').press('Enter');
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    const text = await rows.first().innerText();
    expect(text).toContain('DH-TEST-01');
    expect(text).toContain('本单位');
    await page.getByLabel('检索权责清单').fill('');
    await page.getByLabel('检索权责清单').press('Enter');
    await screenshot(page, 'admin-power-items', 'desktop');
    // Import a list: the good row comes in, the bad one is reported with its row and reason.
    await page.getByRole('button', { name: /导\s?入/ }).click();
    const importDialog = page.getByRole('dialog');
    const list = [
      '事项编码,违法行为,违则,罚则,法定处罚幅度,类别',
      'DH-IMP-01,擅自在城市道路上设置大型户外广告牌,《城市市容和环境卫生管理条例》第十一条,《城市市容和环境卫生管理条例》第三十六条,责令限期改正，可以并处罚款,户外广告',
      'DH-IMP-02,摆摊,第十四条,第三十六条,罚款,市容',
    ].join('\n');
    await importDialog.locator('input[type=file]').setInputFiles({ name: '权责清单.csv', mimeType: 'text/csv', buffer: Buffer.from(list, 'utf8') });
    await importDialog.getByRole('button', { name: /^导\s?入$/ }).click();
    await importDialog.getByText('已导入 1 个事项').waitFor();
    const rejectedRow = (await importDialog.getByTestId('rejection-report').locator('tbody tr.ant-table-row').innerText()).replace(/\s+/g, ' ');
    expect(rejectedRow).toContain('3 违法行为：违法行为名称至少 4 个字');
    await screenshot(page, 'admin-power-items-import', 'desktop');
    await importDialog.getByRole('button', { name: /^关\s闭$/ }).click();
    await settle(page);
    expect(await page.locator('.ant-table-tbody').innerText()).toContain('DH-IMP-01');
    // A legal reviewer reads the list but has no buttons to change it.
    const reviewer = await h.newPage('desktop');
    await login(reviewer.page, 'reviewer.donghu');
    await reviewer.page.goto('/admin/power-items');
    await settle(reviewer.page);
    expect(await reviewer.page.locator('body').innerText()).toContain('DH-TEST-01');
    expect(await reviewer.page.getByRole('button', { name: '新增事项' }).count()).toBe(0);
    await reviewer.context.close();
    await context.close();
  });

  it('changes a local parameter for a district and shows it inherited by the street team below', async () => {
    const { context, page } = await h.signedIn('desktop', 'admin.donghu', '/admin/settings');
    const setting = page.getByTestId('setting-statementPeriodDays');
    expect(await setting.innerText()).toContain('法定默认');
    await setting.getByRole('button', { name: '设置陈述申辩期限（工作日）' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('陈述申辩期限（工作日）').fill('5');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('已保存“陈述申辩期限（工作日）”').waitFor();
    await settle(page);
    await expect.poll(() => setting.getByTestId('setting-value').innerText()).toBe('5');
    expect(await setting.innerText()).toContain('本单位设置');
    await screenshot(page, 'admin-settings', 'desktop');
    // The street team below sets nothing itself: it works with the district's value.
    await page.goto(`/admin/settings?org=${orgIds.get(nanhu)}`);
    await settle(page);
    const inherited = page.getByTestId('setting-statementPeriodDays');
    await expect.poll(() => inherited.getByTestId('setting-value').innerText()).toBe('5');
    expect(await inherited.innerText()).toContain('继承上级单位');
    // A value the server refuses (over 30 working days) changes nothing and says why.
    await page.goto(`/admin/settings?org=${orgIds.get(donghu)}`);
    await settle(page);
    await page.getByTestId('setting-statementPeriodDays').getByRole('button', { name: '设置陈述申辩期限（工作日）' }).click();
    await page.getByRole('dialog').getByLabel('陈述申辩期限（工作日）').fill('40');
    await page.getByRole('dialog').getByRole('button', { name: /保\s?存/ }).click();
    await page.getByRole('dialog').getByText('陈述申辩期限不超过 30 个工作日').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: /取\s?消/ }).click();
    // Reset to inherited: back to the lawful default.
    await page.getByRole('button', { name: '恢复继承陈述申辩期限（工作日）' }).click();
    await page.getByRole('button', { name: /^恢\s?复$/ }).click();
    await expect.poll(() => page.getByTestId('setting-statementPeriodDays').getByTestId('setting-value').innerText()).toBe('3');
    await context.close();
  });

  it('finds a benchmark item on the portal and opens its tiers, without logging in', async () => {
    const { context, page } = await h.newPage('phone');
    await page.goto('/portal');
    await settle(page);
    await page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '裁量基准' }).click();
    await page.waitForURL(/\/portal\/benchmarks/);
    await settle(page);
    await page.getByLabel('裁量基准检索关键词').fill('摆卖');
    await page.getByLabel('裁量基准检索关键词').press('Enter');
    await page.waitForURL(/q=/);
    await settle(page);
    const item = page.getByRole('link', { name: /超出门、窗外墙摆卖/ }).first();
    await item.click();
    await page.waitForURL(/\/portal\/benchmarks\/items\/\d+$/);
    await settle(page);
    const tiers = page.getByTestId('benchmark-tier');
    await expect.poll(() => tiers.count()).toBe(4);
    const text = await page.locator('body').innerText();
    expect(text).toContain('处三千元罚款');
    expect(text).toContain('适用条件');
    await screenshot(page, 'portal-benchmark-item-found', 'phone');
    await context.close();
  });

  it.skipIf(!haveSamples)(`compares two sample reports and a hand-written one side by side, the missing section in red (samples: ${samplesDir})`, async () => {
    const samples = readdirSync(samplesDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .slice(0, 2);
    expect(samples).toHaveLength(2);
    for (const viewport of ['desktop', 'phone'] as ViewportName[]) {
      const { context, page } = await h.newPage(viewport);
      await login(page, 'supervisor');
      await page.goto('/reports/analyze');
      await settle(page);
      await page.locator('input[type=file]').setInputFiles([
        ...samples.map((f) => ({ name: f, mimeType: 'text/plain', buffer: readFileSync(path.join(samplesDir, f)) })),
        { name: 'handwritten-2025.txt', mimeType: 'text/plain', buffer: Buffer.from(handWrittenReport, 'utf8') },
        { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') },
      ]);
      await page.getByRole('button', { name: /开始分析（4 份）/ }).click();
      await page.getByTestId('report-error').first().waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('report-error').innerText()).toContain('scan.pdf');
      if (viewport === 'desktop') {
        const table = page.getByTestId('report-comparison');
        const headers = await table.locator('thead th').allInnerTexts();
        expect(headers.slice(1)).toEqual([...samples, 'handwritten-2025.txt']);
        const shortcomings = table.locator('tbody tr').filter({ hasText: '存在的不足' });
        const cells = shortcomings.locator('td');
        const missing = cells.nth(3).getByTestId('missing-section');
        expect(await missing.innerText()).toBe('缺失');
        expect(await missing.evaluate((el) => getComputedStyle(el).color)).toMatch(/rgb\((2[0-9]{2}), ([0-9]{1,2}), ([0-9]{1,2})\)/);
        const penalties = table.locator('tbody tr').filter({ hasText: '行政处罚案件数' });
        await penalties.locator('td').nth(3).getByText('356 件').hover();
        await page.getByText('全年办理行政处罚案件356件').first().waitFor();
        expect(await table.locator('tbody tr').filter({ hasText: '报告年度' }).locator('td').nth(3).innerText()).toBe('2025');
      } else {
        const cards = page.getByTestId('report-card');
        await expect.poll(() => cards.count()).toBe(3);
        expect(await cards.nth(2).getByTestId('missing-section').count()).toBe(1);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      }
      await screenshot(page, 'report-analyze', viewport);
      await context.close();
    }
  });

  it('shows every admin page on a phone without running off the screen (the portal pages: portal.test.ts)', async () => {
    const { context, page } = await h.newPage('phone');
    await login(page, 'admin');
    const pages: [string, string][] = [
      [`/admin/power-items?org=${orgIds.get(donghu)}`, 'admin-power-items'],
      ['/admin/benchmarks', 'admin-benchmarks'],
      ['/admin/settings', 'admin-settings'],
    ];
    for (const [url, name] of pages) {
      await page.goto(url);
      await screenshot(page, name, 'phone');
      expect(await horizontalOverflow(page), url).toBeLessThanOrEqual(0);
    }
    // The drawer menu groups the admin pages under 系统管理.
    await page.goto('/');
    await settle(page);
    await page.getByRole('button', { name: '打开菜单' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByRole('menuitem', { name: '系统管理' }).click();
    await drawer.getByRole('menuitem', { name: '办案参数' }).waitFor();
    await context.close();
  });
});

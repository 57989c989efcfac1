/**
 * Issue 15, item 7 in the browser: "import as draft then in force". The district admin uploads a revised benchmark
 * file and sees the preview and the diff against the version in force; the district head opens the draft, sees the
 * same diff, confirms it with an effective date, and sees it scheduled while the old version stays in force (and
 * the portal does not show it before its date).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/access.ts';
import { bundledBenchmarksUrl } from '../../src/domain/discretion/data.ts';
import { confirmBenchmarkVersion } from '../../src/services/discretion/version-steps.ts';
import { type Harness, screenshot, settle, startHarness } from './harness.ts';

let h: Harness;
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });

const lines = readFileSync(bundledBenchmarksUrl, 'utf8').split(/\r?\n/);
const header = lines.find((l) => l.startsWith('source,'))!;
/** The rows of one item of 深圳2023 by its 序号, its violation name prefixed so the test's items are recognisable. */
const rowsOf = (code: string) =>
  lines
    .filter((l) => l.startsWith('深圳市城市管理行政处罚裁量权实施标准（2023年版）') && l.includes(`,${code},《`))
    .map((l) => l.replace(/(,《[^,]*》,)([^,]+)/, '$1草稿测试：$2'));
const file = (rows: string[]) => Buffer.from([header, ...rows].join('\n'), 'utf8');

/** Tomorrow in China time (the server's and the browser's calendar day). */
const tomorrow = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 24 * 3600 * 1000));

beforeAll(async () => {
  h = await startHarness();
  // 东湖区 has its own version in force: items 1 and 2, as an older import the system recorded from 2026-03-01.
  const cookie = await h.app.login('admin.donghu');
  const form = new FormData();
  form.append('name', '东湖区裁量基准（草稿测试现行版）');
  form.append('file', new Blob([file([...rowsOf('1'), ...rowsOf('2')])]), 'base.csv');
  const encoded = new Response(form);
  const res = await h.app.app.inject({
    method: 'POST',
    url: '/api/benchmarks/import',
    headers: { cookie, 'content-type': encoded.headers.get('content-type')! },
    payload: Buffer.from(await encoded.arrayBuffer()),
  });
  expect(res.statusCode, res.body).toBe(201);
  await confirmBenchmarkVersion(h.app.ctx, systemActor, (res.json() as { versionId: number }).versionId, { effectiveFrom: '2026-03-01' });
}, 600_000);
afterAll(() => h?.close());

describe('benchmark drafts in the browser', { timeout: 240_000 }, () => {
  it('import as draft then in force: preview and diff, the head confirms with a date, the version is scheduled', async () => {
    // The revision: item 1's 情节较重 raised, item 2 dropped, item 5 added.
    const revised = file([...rowsOf('1').map((l) => l.replace('处一万元罚款。', '处一万二千元罚款。')), ...rowsOf('5')]);
    const admin = await h.signedIn('desktop', 'admin.donghu', '/admin/benchmarks');
    await admin.page.getByRole('button', { name: /导\s?入/ }).first().click();
    const dialog = admin.page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles({ name: '东湖区裁量基准修订.csv', mimeType: 'text/csv', buffer: revised });
    await dialog.getByLabel('版本名称').fill('东湖区裁量基准（草稿测试修订版）');
    await dialog.getByRole('button', { name: /^导\s?入$/ }).click();
    await dialog.getByText('已导入为草稿：东湖区裁量基准（草稿测试修订版）').waitFor();
    const diff = dialog.getByTestId('draft-diff');
    await expect(diff.innerText()).resolves.toContain('与现行版本「东湖区裁量基准（草稿测试现行版）」');
    await expect(diff.innerText()).resolves.toContain('新增 1 项，删除 1 项，变更 1 项');
    // The changed item and which field changed.
    // Only the open tab (变更) is rendered at first.
    const changed = diff.locator('tbody tr.ant-table-row');
    await poll(() => changed.count()).toBe(1);
    expect((await changed.innerText()).replace(/\s+/g, ' ')).toMatch(/草稿测试：不履行市容和环境卫生主体责任且逾期未改正.*处罚标准/);
    await diff.getByRole('tab', { name: '删除 1' }).click();
    await poll(() => diff.innerText()).toContain('草稿测试：商场、门店超出门');
    await expect(dialog.getByTestId('draft-preview').innerText()).resolves.toContain('草稿测试：擅自占用城市道路、公共场所设置各种设施');
    await screenshot(admin.page, 'benchmark-draft-import', 'desktop');
    const draftId = Number(new URL(admin.page.url()).searchParams.get('version'));
    expect(draftId).toBeGreaterThan(0);
    await admin.context.close();

    // The head opens the draft: the same diff, and the confirmation with an effective date.
    const head = await h.signedIn('desktop', 'head.donghu', `/admin/benchmarks?version=${draftId}`);
    const page = head.page;
    await page.getByText('草稿：未公布、未施行').waitFor();
    await expect(page.getByTestId('draft-diff').innerText()).resolves.toContain('新增 1 项，删除 1 项，变更 1 项');
    const effective = tomorrow();
    await page.locator('#benchmark-effective-from').fill(effective);
    await page.locator('#benchmark-effective-from').press('Enter');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '确认生效' }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await expect(confirm.innerText()).resolves.toContain(`将自 ${effective} 起施行`);
    await confirm.getByRole('button', { name: '确认生效' }).click();
    await page.getByText(`已确认，自 ${effective} 起施行`).waitFor();
    await settle(page);
    // Scheduled; the old version stays in force until then.
    const row = (name: string) => page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: name }).first();
    await poll(() => row('东湖区裁量基准（草稿测试修订版）').innerText()).toContain('待施行');
    await expect(row('东湖区裁量基准（草稿测试现行版）').innerText()).resolves.toContain('现行');
    await expect(row('东湖区裁量基准（草稿测试修订版）').innerText()).resolves.toContain(effective);
    await screenshot(page, 'benchmark-draft-scheduled', 'desktop');
    // The portal shows only what is in force: not the scheduled version before its date.
    const portal = (await (await page.request.get('/api/public/benchmarks')).json()) as { versions: { name: string }[] };
    expect(portal.versions.map((v) => v.name)).toContain('东湖区裁量基准（草稿测试现行版）');
    expect(portal.versions.map((v) => v.name)).not.toContain('东湖区裁量基准（草稿测试修订版）');
    await head.context.close();
  });
});

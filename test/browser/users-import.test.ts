/**
 * The users page in the browser (issue 15 "Admin" and "Export and print"): an admin imports users from an XLSX — the
 * valid row is created, the rejected one listed with its row number and reason — and exports the users list with
 * the search applied; the downloaded file is parsed and compared with the rows the page shows.
 */
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations, users } from '../../src/db/schema.ts';
import { type Harness, settle, startHarness } from './harness.ts';

let h: Harness;
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });
beforeAll(async () => {
  h = await startHarness();
}, 240_000);
afterAll(() => h?.close());

/** The full name of the organization `username` belongs to (what the import's 所属单位 column takes). */
async function organizationOf(username: string): Promise<string> {
  const [row] = await h.app.ctx.db
    .select({ name: organizations.name })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.username, username));
  return row!.name;
}

async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('用户');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('users: XLSX import and export on the admin page', { timeout: 180_000 }, () => {
  it('imports an XLSX of users: the valid row is created, the rejected row is listed with its number and reason', async () => {
    const brigade = await organizationOf('wanglei');
    // A name of its own per attempt (a retried test would find the first attempt's user).
    const username = `browser.import${String(Date.now() % 100_000)}`;
    const file = await xlsx([
      ['用户名', '姓名', '所属单位', '角色', '初始密码', '执法证号', '执法证有效期至', '电话'],
      [username, '导入测试员', brigade, '执法人员', 'Chushi2026', '53990219000299', '2029-06-30', '13900003333'],
      ['browser.bad', '错行', brigade, '队长', 'Chushi2026', '', '', ''],
    ]);
    const { context, page } = await h.signedIn('desktop', 'admin.donghu', '/users');
    await page.getByRole('button', { name: /导入用户/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '导入用户' });
    await dialog.locator('input[type=file]').setInputFiles({ name: '新用户.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    // antd spaces a two-character button label (“导 入”).
    await dialog.getByRole('button', { name: /^导\s?入$/ }).click();
    await poll(() => dialog.textContent()).toContain('已导入 1 个用户');
    await expect(dialog.textContent()).resolves.toContain(`导入测试员（${username}）`);
    await expect(dialog.textContent()).resolves.toContain('未导入 1 行');
    // The rejected row: its number in the sheet (the header is row 1) and the reason.
    const rejected = await dialog.locator('.ant-table-tbody tr.ant-table-row').allTextContents();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatch(/^3/);
    expect(rejected[0]).toContain('角色「队长」无效');
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: /^关\s?闭$/ }).click();
    // The list shows the new user; the database has it in the brigade, and not the rejected one.
    await page.getByPlaceholder('姓名、用户名或执法证号').fill(username);
    await poll(() => page.locator('.ant-table-tbody tr.ant-table-row').allTextContents()).toEqual([expect.stringContaining('导入测试员')]);
    const created = await h.app.ctx.db.select({ username: users.username }).from(users).where(eq(users.username, username));
    expect(created).toHaveLength(1);
    expect(await h.app.ctx.db.select().from(users).where(eq(users.username, 'browser.bad'))).toEqual([]);
    await context.close();
  });

  it('exports the users list with the search applied: the file has exactly the users the page shows', async () => {
    const { context, page } = await h.signedIn('desktop', 'admin.donghu', '/users');
    await settle(page);
    await page.getByPlaceholder('姓名、用户名或执法证号').fill('wang');
    const shown = await page.locator('.ant-table-tbody tr.ant-table-row').evaluateAll((rows) => rows.map((r) => r.querySelector('td:nth-child(2)')!.textContent!.trim()));
    expect(shown.length).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('users-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^用户列表-\d{8}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const sheet = wb.getWorksheet('用户')!;
    const header: string[] = [];
    sheet.getRow(1).eachCell((cell) => header.push(String(cell.value)));
    expect(header).toEqual(['用户名', '姓名', '所属单位', '角色', '执法证号', '执法证有效期至', '电话', '状态']);
    const exported: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) exported.push(String(row.getCell(1).value));
    });
    expect(exported.sort()).toEqual([...shown].sort());
    // No password column, no hash: the file is a list of people, not of credentials.
    expect(JSON.stringify(sheet.getSheetValues())).not.toMatch(/argon2|密码/);
    const notes: string[] = [];
    wb.getWorksheet('说明')!.eachRow((row) => notes.push(String(row.getCell(1).value)));
    expect(notes.join('\n')).toContain('关键词：wang');
    await context.close();
  });
});

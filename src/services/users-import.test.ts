import { verify } from '@node-rs/argon2';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { refusal } from '../domain/test-support.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { auditRecords, users } from '../db/schema.ts';
import { createTestDatabase, resetTestDatabase } from '../db/testing.ts';
import type { ServiceContext } from './context.ts';
import { newWorld, type World } from './testing/factories.ts';
import { importUsers, userImportTemplate } from './users-import.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;
beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date('2026-12-07T02:00:00Z') };
});
beforeEach(async () => {
  await resetTestDatabase(handle);
  w = await newWorld(ctx);
});
afterAll(() => handle.close());

const header = ['用户名', '姓名', '所属单位', '角色', '初始密码', '执法证号', '执法证有效期至', '电话'];

async function xlsx(rows: (string | Date)[][]): Promise<{ fileName: string; data: Buffer }> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('用户');
  for (const row of rows) sheet.addRow(row);
  return { fileName: '用户.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) };
}

describe('importing users from XLSX', () => {
  it('creates every valid row, rejects the others with their row number and a Chinese reason, hashes the passwords', async () => {
    const brigade = w.org.brigade.name;
    const file = await xlsx([
      header,
      ['qianjin', '钱进', brigade, '执法人员', 'Chushi2026', '53990219000290', new Date('2028-06-30T00:00:00Z'), '13900002222'],
      ['liyan', '李燕', w.org.district.name, '法制审核员、执法人员', 'Chushi2027', '53990219000291', '2029-01-31', ''],
      ['wanglei', '王磊二', brigade, '执法人员', 'Chushi2026', '', '', ''],
      ['bad name', '张', brigade, '队长', 'short', '', '', ''],
      ['xishan.user', '西山用户', w.org.otherDistrict.name, '执法人员', 'Chushi2026', '', '', ''],
      ['qianjin', '钱进重复', brigade, '执法人员', 'Chushi2026', '', '', ''],
    ]);
    const report = await importUsers(ctx, w.actors['admin.donghu'], file);
    expect(report.imported.map((u) => u.username)).toEqual(['qianjin', 'liyan']);
    expect(report.rows).toBe(6);
    expect(report.rejected).toEqual([
      { row: 4, reason: '用户名 wanglei 已被使用' },
      { row: 5, reason: expect.stringMatching(/角色「队长」无效.*用户名：用户名为 3–32 位.*姓名：姓名至少 2 个字.*初始密码：密码至少 8 位/) as string },
      { row: 6, reason: `所属单位「${w.org.otherDistrict.name}」不是本单位或下级单位的名称` },
      { row: 7, reason: '用户名 qianjin 与第2行重复' },
    ]);
    const [qian] = await ctx.db.select().from(users).where(eq(users.username, 'qianjin'));
    expect(qian).toMatchObject({ displayName: '钱进', organizationId: w.org.brigade.id, roles: ['officer'], certificateValidUntil: '2028-06-30', phone: '13900002222' });
    expect(qian!.passwordHash).not.toContain('Chushi2026');
    expect(await verify(qian!.passwordHash, 'Chushi2026')).toBe(true);
    const [li] = await ctx.db.select().from(users).where(eq(users.username, 'liyan'));
    expect(li!.roles).toEqual(['reviewer', 'officer']);
    const trail = await ctx.db.select().from(auditRecords).where(eq(auditRecords.action, 'user.create'));
    const imported = trail.filter((r) => ['qianjin', 'liyan'].includes((r.change as { username: string }).username));
    expect(imported).toHaveLength(2);
    expect(JSON.stringify(imported)).not.toMatch(/Chushi202|password/);
    expect(JSON.stringify(report)).not.toContain('Chushi');
  });

  it('writes nothing for an unreadable file, a missing column or a file without a valid row; only admins import', async () => {
    const [before] = await ctx.db.select({ n: count() }).from(users);
    const pdf = await refusal(importUsers(ctx, w.actors['admin.donghu'], { fileName: 'x.pdf', data: Buffer.from('%PDF-1.7\n\0\0') }));
    expect(pdf.message).toMatch(/^无法读取文件 x\.pdf/);
    const noColumn = await refusal(importUsers(ctx, w.actors['admin.donghu'], await xlsx([['用户名', '姓名'], ['qianjin', '钱进']])));
    expect(noColumn.message).toContain('表头缺少以下列：所属单位、角色、初始密码');
    const noValid = await refusal(importUsers(ctx, w.actors['admin.donghu'], await xlsx([header, ['wanglei', '王磊', w.org.brigade.name, '执法人员', 'Chushi2026']])));
    expect(noValid.message).toContain('没有可导入的用户，未导入任何内容：第2行：用户名 wanglei 已被使用');
    expect(noValid.details?.rejected).toEqual([{ row: 2, reason: '用户名 wanglei 已被使用' }]);
    expect((await refusal(importUsers(ctx, w.actors['head.donghu'], await xlsx([header])))).code).toBe('FORBIDDEN');
    const [after] = await ctx.db.select({ n: count() }).from(users);
    expect(after!.n).toBe(before!.n);
  });

  it('offers a template whose columns the import reads', async () => {
    const template = await userImportTemplate(ctx, w.actors['admin.donghu']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.data as unknown as ArrayBuffer);
    expect((wb.getWorksheet('用户')!.getRow(1).values as string[]).slice(1)).toEqual(header);
    // The example row names the admin's unit and is rejected until it is replaced.
    const refused = await refusal(importUsers(ctx, w.actors['admin.donghu'], { fileName: template.fileName, data: template.data }));
    expect(refused.details?.rejected).toEqual([{ row: 2, reason: expect.stringContaining('用户名') as string }]);
  });
});

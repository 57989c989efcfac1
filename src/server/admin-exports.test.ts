/** The admin lists exported as XLSX over HTTP (issue 15): users, organizations, a unit's power list — with the filters. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { newPowerItem } from '../services/testing/factories.ts';
import { worldApp } from './test-app.ts';

const t = worldApp();

async function sheets(body: Buffer): Promise<Record<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const out: Record<string, string[][]> = {};
  for (const sheet of wb.worksheets) {
    const rows: string[][] = [];
    // Array.from: an empty cell is a hole in row.values, which map() would skip.
    sheet.eachRow((row) => rows.push(Array.from((row.values as ExcelJS.CellValue[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v)))));
    out[sheet.name] = rows;
  }
  return out;
}

async function get(username: string, url: string) {
  return t.app.inject({ method: 'GET', url: encodeURI(url), headers: { cookie: await t.login(username) } });
}

describe('XLSX export of the admin lists', () => {
  it('users: the unit and the search of the users page, the certificate columns, never a password', async () => {
    const res = await get('admin.donghu', `/api/users/export?organizationId=${t.w.org.brigade.id}&q=5399021900020`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('用户列表-');
    const { 用户: rows, 说明: notes } = await sheets(res.rawPayload);
    expect(rows![0]).toEqual(['用户名', '姓名', '所属单位', '角色', '执法证号', '执法证有效期至', '电话', '状态']);
    // The brigade's officers whose certificate starts 5399021900020…: 李卫东 (…200) and 王磊, 赵刚, 孙丽 (…201–203).
    expect(rows!.slice(1).map((r) => r[0]).sort()).toEqual(['chief.donghu', 'sunli', 'wanglei', 'zhaogang']);
    expect(rows!.find((r) => r[0] === 'wanglei')).toEqual(['wanglei', '王磊', t.w.org.brigade.name, '执法人员', '53990219000201', '2028-12-31', '', '启用']);
    expect(JSON.stringify(rows)).not.toMatch(/argon2|password|Demo2026/i);
    const noteText = notes!.flat().join('\n');
    expect(noteText).toContain(`单位：${t.w.org.brigade.name}`);
    expect(noteText).toContain('关键词：5399021900020');
    expect(noteText).toContain('符合条件：4 人');
    expect(noteText).toContain('导出人：黄涛');
  });

  it('users: an officer exports only their own subtree; another district’s unit is refused as JSON', async () => {
    const own = await sheets((await get('liuyang', '/api/users/export')).rawPayload);
    expect(own['用户']!.slice(1).map((r) => r[0])).toEqual(['liuyang']);
    const refused = await get('admin.donghu', `/api/users/export?organizationId=${t.w.org.otherDistrict.id}`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/^未找到/) as string });
    expect((await get('admin.donghu', `/api/users/export?q=${'长'.repeat(51)}`)).statusCode).toBe(400);
  });

  it('organizations: the subtree in tree order with the parent, kind and codes', async () => {
    const res = await get('admin.donghu', '/api/organizations/export');
    expect(res.statusCode).toBe(200);
    const { 组织机构: rows } = await sheets(res.rawPayload);
    expect(rows![0]).toEqual(['单位名称', '类型', '上级单位', '层级', '统一社会信用代码', '行政区划代码']);
    const names = rows!.slice(1).map((r) => r[0]);
    expect(names[0]).toBe(t.w.org.district.name);
    expect(names).toEqual(expect.arrayContaining([t.w.org.brigade.name, t.w.org.town.name]));
    expect(names).not.toContain(t.w.org.otherDistrict.name);
    expect(names).not.toContain(t.w.org.city.name);
    expect(rows!.find((r) => r[0] === t.w.org.brigade.name)!.slice(1, 4)).toEqual(['执法大队', t.w.org.district.name, '3']);
  });

  it('the power list: the unit’s and its superiors’ items, the search and 停用 items only when asked', async () => {
    const own = await newPowerItem(t.ctx, t.w.org.district.id, { name: '导出测试：在城市道路两侧晾晒物品', category: '市容环境' });
    const stopped = await newPowerItem(t.ctx, t.w.org.district.id, { name: '导出测试：已停用的事项' });
    const cookie = await t.login('admin.donghu');
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/power-items/${stopped.id}`, headers: { cookie }, payload: { active: false } });
    expect(patched.statusCode, patched.body).toBe(200);
    const active = await sheets((await get('admin.donghu', `/api/organizations/${t.w.org.brigade.id}/power-items/export?q=导出测试`)).rawPayload);
    expect(active['权责清单']![0]).toEqual(['事项编码', '违法行为', '违则', '罚则', '法定处罚幅度', '类别', '来源', '委托单位', '状态', '适用案件数']);
    expect(active['权责清单']!.slice(1).map((r) => [r[0], r[1], r[6], r[8]])).toEqual([[own.code, own.name, `上级：${t.w.org.district.name}`, '启用']]);
    expect(active['说明']!.flat().join('\n')).toContain('筛选条件：仅启用事项；关键词：导出测试');
    const all = await sheets((await get('admin.donghu', `/api/organizations/${t.w.org.brigade.id}/power-items/export?q=导出测试&includeInactive=true`)).rawPayload);
    expect(all['权责清单']!.slice(1).map((r) => r[8]).sort()).toEqual(['停用', '启用']);
    expect((await get('liuyang', `/api/organizations/${t.w.org.brigade.id}/power-items/export`)).statusCode).toBe(404);
  });
});

describe('users imported from a file over HTTP', () => {
  it('creates the valid rows, answers the rejected ones, never echoes a password; the template downloads', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('用户');
    sheet.addRow(['用户名', '姓名', '所属单位', '角色', '初始密码', '执法证号', '执法证有效期至']);
    sheet.addRow(['http.user', '何平', t.w.org.town.name, '执法人员', 'Chushi2026', '53990219000399', '2029-12-31']);
    sheet.addRow(['http.bad', '何错', t.w.org.town.name, '执法人员', 'nodigits', '', '']);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await wb.xlsx.writeBuffer())]), '用户.xlsx');
    const encoded = new Response(form);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users/import',
      headers: { cookie: await t.login('admin.donghu'), 'content-type': encoded.headers.get('content-type')! },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ rows: 2, imported: [{ username: 'http.user', displayName: '何平' }], rejected: [{ row: 3, reason: '初始密码：密码须同时包含字母和数字' }] });
    expect(res.body).not.toContain('Chushi2026');
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'http.user', password: 'Chushi2026' } });
    expect(login.statusCode).toBe(200);
    const template = await get('admin.donghu', '/api/users/import-template');
    expect(template.statusCode).toBe(200);
    expect(decodeURIComponent(String(template.headers['content-disposition']))).toContain('用户导入模板.xlsx');
    expect((await get('wanglei', '/api/users/import-template')).statusCode).toBe(403);
  });
});

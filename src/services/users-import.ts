/**
 * Importing users from a spreadsheet (issue 15 "Admin: users imported from XLSX"), as the power list is imported
 * (services/cases/import-power-items.ts): XLSX (first sheet) or CSV, one user a row, columns named in the header.
 * Every row is checked like a user created by hand (domain/people.ts userInput): its unit must be in the admin's
 * subtree and named exactly, its roles by their Chinese names; a row that fails is reported with its row number and a
 * Chinese reason, and every valid row is created — all in one transaction, each with its own `user.create` audit
 * record. A file that cannot be read, lacks a column or has no valid row creates nobody.
 *
 * Initial passwords: as for a user created by hand, the admin sets each one (column 初始密码); it is hashed (argon2)
 * before anything is written, never stored in clear, never in the audit record and never sent back.
 */
import { hash } from '@node-rs/argon2';
import { inArray } from 'drizzle-orm';
import { type Actor, type Role, roles as roleNames } from '../domain/access.ts';
import { adminPolicy } from '../domain/admin/policy.ts';
import { validationError } from '../domain/errors.ts';
import { userInput } from '../domain/people.ts';
import { assertMay } from '../domain/policy.ts';
import type { Rejection } from '../domain/view-kit.ts';
import type { UserImportReport } from '../domain/admin/views.ts';
import { users } from '../db/schema.ts';
import { appendAudit } from './audit-trail.ts';
import { type ServiceContext, inTransaction } from './context.ts';
import { readTableFile } from './discretion/files.ts';
import { loadExcelJS } from './exceljs.ts';
import { listOrganizations } from './organizations.ts';

export const userImportColumns = {
  username: '用户名',
  displayName: '姓名',
  organization: '所属单位',
  roles: '角色',
  password: '初始密码',
  certificateNo: '执法证号',
  certificateValidUntil: '执法证有效期至',
  phone: '电话',
} as const;
type Column = keyof typeof userImportColumns;
const required: Column[] = ['username', 'displayName', 'organization', 'roles', 'password'];
const columns = Object.keys(userImportColumns) as Column[];

const MAX_FILE_BYTES = 2 * 1024 * 1024;
const MAX_ROWS = 500;

export type { UserImportReport } from '../domain/admin/views.ts';

const roleByLabel = new Map<string, Role>(Object.entries(roleNames).map(([key, label]) => [label, key as Role]));

function rolesOf(text: string): { roles: Role[] } | { error: string } {
  const parts = text.split(/[、,，;；\s]+/).map((p) => p.trim()).filter(Boolean);
  const unknown = parts.filter((p) => !roleByLabel.has(p) && !(p in roleNames));
  if (unknown.length) return { error: `角色「${unknown.join('、')}」无效（可填：${Object.values(roleNames).join('、')}）` };
  return { roles: [...new Set(parts.map((p) => roleByLabel.get(p) ?? (p as Role)))] };
}

function nothingImported(fileName: string, rejected: readonly Rejection[]) {
  const shown = rejected.slice(0, 5).map((r) => `第${r.row}行：${r.reason}`);
  const more = rejected.length > shown.length ? `等${rejected.length}行` : '';
  return validationError(`文件 ${fileName} 中没有可导入的用户，未导入任何内容${shown.length ? `：${shown.join('；')}${more}` : '（文件没有数据行）'}`, { rejected });
}

/** Creates the users of every valid row (admins, within their subtree). */
export async function importUsers(ctx: ServiceContext, actor: Actor, file: { fileName: string; data: Uint8Array }): Promise<UserImportReport> {
  assertMay(actor, adminPolicy.manageUsers);
  if (file.data.byteLength === 0) throw validationError(`文件 ${file.fileName} 是空文件`);
  if (file.data.byteLength > MAX_FILE_BYTES) throw validationError(`文件 ${file.fileName} 超过 ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const table = await readTableFile(file.fileName, file.data);
  const header = (table.records[0]?.cells ?? []).map((h) => h.trim());
  const missing = required.filter((c) => !header.includes(userImportColumns[c])).map((c) => userImportColumns[c]);
  if (missing.length) throw validationError(`文件 ${file.fileName} 的表头缺少以下列：${missing.join('、')}（须有：${required.map((c) => userImportColumns[c]).join('、')}）`, { rejected: [] });
  const index = Object.fromEntries(columns.map((c) => [c, header.indexOf(userImportColumns[c])])) as Record<Column, number>;
  const records = table.records.slice(1).filter((r) => r.cells.some((c) => c.trim()));
  if (records.length > MAX_ROWS) throw validationError(`文件 ${file.fileName} 有 ${records.length} 行数据，每次最多导入 ${MAX_ROWS} 行，请分批导入`);

  // Units by exact name within the admin's subtree; a name two units share cannot say which one.
  const orgs = await listOrganizations(ctx, actor);
  const orgsByName = new Map<string, number[]>();
  for (const o of orgs) orgsByName.set(o.name, [...(orgsByName.get(o.name) ?? []), o.id]);

  const rejected: Rejection[] = [];
  const candidates: { row: number; input: ReturnType<typeof userInput.parse> }[] = [];
  const firstRowOf = new Map<string, number>();
  for (const record of records) {
    const cell = (c: Column) => (index[c] >= 0 ? (record.cells[index[c]] ?? '').trim() : '');
    const reasons: string[] = [];
    const orgIds = orgsByName.get(cell('organization'));
    if (!cell('organization')) reasons.push('所属单位：请填写');
    else if (!orgIds) reasons.push(`所属单位「${cell('organization')}」不是本单位或下级单位的名称`);
    else if (orgIds.length > 1) reasons.push(`所属单位「${cell('organization')}」有重名单位，无法确定`);
    const roles = rolesOf(cell('roles'));
    if ('error' in roles) reasons.push(`角色：${roles.error}`);
    const parsed = userInput.safeParse({
      organizationId: orgIds?.[0] ?? 1,
      username: cell('username'),
      displayName: cell('displayName'),
      password: cell('password'),
      roles: 'roles' in roles ? roles.roles : ['officer'],
      certificateNo: cell('certificateNo') || null,
      certificateValidUntil: cell('certificateValidUntil') || null,
      phone: cell('phone') || null,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) reasons.push(`${userImportColumns[issue.path[0] as Column] ?? String(issue.path[0])}：${issue.message}`);
    }
    if (reasons.length || !parsed.success) {
      rejected.push({ row: record.row, reason: [...new Set(reasons)].join('；') });
      continue;
    }
    const earlier = firstRowOf.get(parsed.data.username);
    if (earlier !== undefined) {
      rejected.push({ row: record.row, reason: `用户名 ${parsed.data.username} 与第${earlier}行重复` });
      continue;
    }
    firstRowOf.set(parsed.data.username, record.row);
    candidates.push({ row: record.row, input: parsed.data });
  }
  if (candidates.length === 0) throw nothingImported(file.fileName, rejected.sort((a, b) => a.row - b.row));
  // Hashed before the transaction (argon2 is slow on purpose); the clear passwords go no further.
  const hashes = await Promise.all(candidates.map((c) => hash(c.input.password)));

  return inTransaction(ctx, async (tx) => {
    const names = candidates.map((c) => c.input.username);
    const taken = new Set((await tx.select({ username: users.username }).from(users).where(inArray(users.username, names))).map((r) => r.username));
    const all = [...rejected];
    const imported: UserImportReport['imported'] = [];
    for (const [i, c] of candidates.entries()) {
      if (taken.has(c.input.username)) {
        all.push({ row: c.row, reason: `用户名 ${c.input.username} 已被使用` });
        continue;
      }
      const { password: _password, ...fields } = c.input;
      const [row] = await tx
        .insert(users)
        .values({ ...fields, passwordHash: hashes[i]!, certificateNo: fields.certificateNo ?? null, certificateValidUntil: fields.certificateValidUntil ?? null, phone: fields.phone ?? null })
        .returning({ id: users.id });
      await appendAudit(tx, actor, { action: 'user.create', subjectType: 'user', subjectId: row!.id, organizationId: fields.organizationId, change: { ...fields, phone: undefined } }, ctx.clock());
      imported.push({ id: row!.id, username: fields.username, displayName: fields.displayName });
    }
    all.sort((a, b) => a.row - b.row);
    if (imported.length === 0) throw nothingImported(file.fileName, all);
    return { fileName: file.fileName, rows: records.length, imported, rejected: all };
  });
}

/**
 * The import template: the columns, and one example row in the admin's own unit (its real name, so the row shows
 * how a unit is written), marked as an example to replace. No password is suggested: the admin sets each one.
 */
export async function userImportTemplate(ctx: ServiceContext, actor: Actor): Promise<{ fileName: string; data: Buffer }> {
  assertMay(actor, adminPolicy.manageUsers);
  const [own] = (await listOrganizations(ctx, actor)).filter((o) => o.id === actor.organizationId);
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('用户');
  sheet.columns = columns.map((c) => ({ header: userImportColumns[c], width: c === 'organization' ? 36 : 16 }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(['（示例，导入前删除此行）', '', own?.name ?? '', `${roleNames.officer}`, '', '', '', ''].map(String));
  for (const col of [1, 5, 6, 7, 8]) sheet.getColumn(col).numFmt = '@';
  const notes = workbook.addWorksheet('说明');
  notes.getColumn(1).width = 110;
  for (const line of [
    '每行一个用户。必填：用户名、姓名、所属单位、角色、初始密码；执法人员另填执法证号和有效期（YYYY-MM-DD）。',
    `用户名：3–32 位小写字母、数字、点、下划线或连字符，以字母开头。角色：${Object.values(roleNames).join('、')}，多个用“、”分隔。`,
    '所属单位：填写本单位或下级单位的全称（与“组织机构”页一致）。初始密码：至少 8 位，含字母和数字；导入后请当面告知本人并提醒修改。',
    '逐行校验：有误的行列出行号和原因，其余行导入；文件无法读取时不导入任何内容。',
  ]) notes.addRow([line]);
  return { fileName: '用户导入模板.xlsx', data: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

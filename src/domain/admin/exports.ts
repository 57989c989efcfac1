/**
 * The admin lists as spreadsheets (issue 15 "Export and print"): users, organizations and a unit's power list
 * (权责清单), with the filters their pages apply, so the downloaded workbook shows what the list on screen shows.
 * Pure: columns and filters; services/export/admin-lists.ts reads and writes.
 */
import { organizationKinds, roles } from '../access.ts';
import type { PowerListEntry } from '../cases/views.ts';
import type { ExportColumn } from '../export/table.ts';
import type { OrganizationView, UserView } from './views.ts';

/** The users page's search: a name, a username or an enforcement certificate number containing the text. */
export function userMatches(user: Pick<UserView, 'displayName' | 'username' | 'certificateNo'>, q: string): boolean {
  const text = q.trim();
  return !text || user.displayName.includes(text) || user.username.includes(text.toLowerCase()) || (user.certificateNo ?? '').includes(text);
}

/** The power-list page's search: code, violation, provisions, range or category containing the text. */
export function powerItemMatches(item: Pick<PowerListEntry, 'code' | 'name' | 'violatedProvision' | 'penaltyProvision' | 'category' | 'statutoryRange'>, q: string): boolean {
  const text = q.trim();
  if (!text) return true;
  return [item.code, item.name, item.violatedProvision, item.penaltyProvision, item.category, item.statutoryRange].some((field) => field.includes(text));
}

const userState = (u: UserView) => (!u.active ? '停用' : u.locked ? '已锁定' : '启用');

/** Never a password or its hash: the view has none. */
export const userColumns: ExportColumn<UserView>[] = [
  { header: '用户名', width: 16, value: (u) => u.username },
  { header: '姓名', width: 12, value: (u) => u.displayName },
  { header: '所属单位', width: 34, value: (u) => u.organizationName },
  { header: '角色', width: 24, value: (u) => u.roles.map((r) => roles[r]).join('、') },
  { header: '执法证号', width: 18, value: (u) => u.certificateNo },
  { header: '执法证有效期至', width: 14, value: (u) => u.certificateValidUntil },
  { header: '电话', width: 14, value: (u) => u.phone },
  { header: '状态', width: 8, value: userState },
];

export const organizationColumns = (names: ReadonlyMap<number, string>): ExportColumn<OrganizationView>[] => [
  { header: '单位名称', width: 36, value: (o) => o.name },
  { header: '类型', width: 16, value: (o) => organizationKinds[o.kind] },
  { header: '上级单位', width: 36, value: (o) => (o.parentId === null ? null : (names.get(o.parentId) ?? null)) },
  { header: '层级', width: 6, value: (o) => o.path.split('/').filter(Boolean).length },
  { header: '统一社会信用代码', width: 22, value: (o) => o.creditCode },
  { header: '行政区划代码', width: 12, value: (o) => o.divisionCode },
];

export const powerItemColumns: ExportColumn<PowerListEntry>[] = [
  { header: '事项编码', width: 14, value: (i) => i.code },
  { header: '违法行为', width: 40, value: (i) => i.name },
  { header: '违则', width: 30, value: (i) => i.violatedProvision },
  { header: '罚则', width: 30, value: (i) => i.penaltyProvision },
  { header: '法定处罚幅度', width: 36, value: (i) => i.statutoryRange },
  { header: '类别', width: 12, value: (i) => i.category },
  { header: '来源', width: 30, value: (i) => (i.inherited ? `上级：${i.organizationName}` : '本单位') },
  { header: '委托单位', width: 30, value: (i) => i.delegatedFromName },
  { header: '状态', width: 8, value: (i) => (i.active ? '启用' : '停用') },
  { header: '适用案件数', width: 10, value: (i) => i.caseCount },
];

/**
 * The admin lists as XLSX (issue 15 "Export and print"): users, organizations and a unit's power list (权责清单). Each
 * export reads through the list's own service — the actor's subtree, the same filters and refusals as the page — and
 * applies the page's search (domain/admin/exports.ts). These lists are small (a unit's staff, its units, its list),
 * so they are read whole; the 说明 sheet says what was exported, with which filters, by whom and when.
 */
import { z } from 'zod';
import type { Actor } from '../../domain/access.ts';
import { chinaDateOf } from '../../domain/calendar/iso-date.ts';
import { organizationColumns, powerItemColumns, powerItemMatches, userColumns, userMatches } from '../../domain/admin/exports.ts';
import { idParam } from '../../domain/ids.ts';
import { EXPORT_ROW_CAP, truncationNote } from '../../domain/export/table.ts';
import { listPowerItems, powerItemListQuery } from '../cases/power-list.ts';
import type { ServiceContext } from '../context.ts';
import { getOrganization, listOrganizations } from '../organizations.ts';
import { parseInput } from '../parse-input.ts';
import { listUsers } from '../users.ts';
import { type XlsxExport, sheetOf, xlsxStream } from './xlsx.ts';

const search = z.string().trim().max(50, '关键词不超过 50 个字').optional();
export const userExportQuery = z.object({ organizationId: idParam('单位编号').optional(), q: search });
export const powerItemExportQuery = powerItemListQuery.extend({ q: search });

const stamp = (ctx: ServiceContext) => chinaDateOf(ctx.clock()).replaceAll('-', '');
const exportedBy = (ctx: ServiceContext, actor: Actor) =>
  `导出人：${actor.displayName}；导出时间：${ctx.clock().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}`;

function capped<T>(rows: T[]): { rows: T[]; notes: string[] } {
  return { rows: rows.slice(0, EXPORT_ROW_CAP), notes: rows.length > EXPORT_ROW_CAP ? [truncationNote(rows.length)] : [] };
}

/** Users of the actor's subtree (or one unit of it), with the page's search. */
export async function exportUsers(ctx: ServiceContext, actor: Actor, raw: unknown): Promise<XlsxExport> {
  const input = parseInput(userExportQuery, raw);
  const all = await listUsers(ctx, actor, input.organizationId ? { organizationId: input.organizationId } : {});
  const matching = all.filter((u) => userMatches(u, input.q ?? ''));
  const unit = input.organizationId ? (await getOrganization(ctx, actor, input.organizationId)).name : null;
  const { rows, notes } = capped(matching);
  const filters = [...(unit ? [`单位：${unit}`] : []), ...(input.q ? [`关键词：${input.q}`] : [])];
  return {
    fileName: `用户列表-${stamp(ctx)}.xlsx`,
    total: matching.length,
    exported: rows.length,
    stream: xlsxStream(
      [sheetOf('用户', userColumns, rows)],
      [
        '用户列表（本单位及下级单位；不含密码）',
        `筛选条件：${filters.length ? filters.join('；') : '无（全部用户）'}`,
        `符合条件：${matching.length} 人；导出：${rows.length} 人`,
        ...notes,
        exportedBy(ctx, actor),
      ],
    ),
  };
}

/** The actor's organization and everything below it, in tree order. */
export async function exportOrganizations(ctx: ServiceContext, actor: Actor): Promise<XlsxExport> {
  const all = await listOrganizations(ctx, actor);
  const names = new Map(all.map((o) => [o.id, o.name]));
  const { rows, notes } = capped(all);
  return {
    fileName: `组织机构-${stamp(ctx)}.xlsx`,
    total: all.length,
    exported: rows.length,
    stream: xlsxStream([sheetOf('组织机构', organizationColumns(names), rows)], ['组织机构（本单位及下级单位，按层级排列）', `导出：${rows.length} 个单位`, ...notes, exportedBy(ctx, actor)]),
  };
}

/** A unit's power list with its superiors' items, as the page shows it (停用 items when asked), with the search. */
export async function exportPowerItems(ctx: ServiceContext, actor: Actor, organizationId: number, raw: unknown): Promise<XlsxExport> {
  const input = parseInput(powerItemExportQuery, raw);
  const org = await getOrganization(ctx, actor, organizationId);
  const all = await listPowerItems(ctx, actor, organizationId, { includeInactive: input.includeInactive ?? false });
  const matching = all.filter((i) => powerItemMatches(i, input.q ?? ''));
  const { rows, notes } = capped(matching);
  const filters = [input.includeInactive ? '含已停用事项' : '仅启用事项', ...(input.q ? [`关键词：${input.q}`] : [])];
  return {
    fileName: `权责清单-${org.name}-${stamp(ctx)}.xlsx`,
    total: matching.length,
    exported: rows.length,
    stream: xlsxStream(
      [sheetOf('权责清单', powerItemColumns, rows)],
      [`权责清单：${org.name}（含上级单位事项）`, `筛选条件：${filters.join('；')}`, `符合条件：${matching.length} 项；导出：${rows.length} 项`, ...notes, exportedBy(ctx, actor)],
    ),
  };
}

/**
 * The case lists as XLSX (issue 15 "Export and print"): the case list with the filters of GET /api/cases, the
 * deadline lists, the reviewer's queue and the dashboard's tables. Each export reads through the list's own service,
 * so it sees exactly what the screen shows — the actor's subtree, the same filters, the same refusals. The case list
 * is read in pages of PAGE rows while the workbook is written, and cut at EXPORT_ROW_CAP (the 说明 sheet says so).
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { chinaDateOf } from '../../domain/calendar/iso-date.ts';
import { caseListColumns, deadlineColumns, describeCaseFilters, reviewQueueColumns, statisticsSheets } from '../../domain/cases/exports.ts';
import type { DeadlineEntry } from '../../domain/cases/oversight-views.ts';
import { EXPORT_ROW_CAP, type ExportColumn, truncationNote, yuanOf } from '../../domain/export/table.ts';
import type { Executor } from '../../db/connect.ts';
import { organizations, users } from '../../db/schema.ts';
import { parseInput } from '../parse-input.ts';
import { type XlsxExport, sheetOf, xlsxStream } from '../export/xlsx.ts';
import { caseStatistics, caseStatisticsInput } from './case-statistics.ts';
import { listCasesInput, listCasesPage, totalText } from './list-cases.ts';
import { deadlineQuery, listDeadlines } from './list-deadlines.ts';
import { listReviewQueue } from './review-queue.ts';

type Ctx = { db: Executor; clock: () => Date };

/** Rows read per query while the case list is written. */
const PAGE = 500;

/** The query of the case-list export: the list's filters, without paging. */
export const caseExportQuery = listCasesInput.omit({ limit: true, offset: true });
export const deadlineExportQuery = deadlineQuery.omit({ limit: true, offset: true });
export const statisticsExportQuery = caseStatisticsInput.omit({ listLimit: true });

/** The most deadlines one export lists (the list's own maximum page). */
const DEADLINE_CAP = 1000;

const stamp = (ctx: Ctx) => chinaDateOf(ctx.clock()).replaceAll('-', '');
const exportedBy = (ctx: Ctx, actor: Actor) => `导出人：${actor.displayName}；导出时间：${ctx.clock().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}`;

export async function exportCaseList(ctx: Ctx, actor: Actor, raw: unknown): Promise<XlsxExport> {
  const input = parseInput(caseExportQuery, raw);
  // The first page is read before anything is sent: a refused filter (a unit outside the subtree, a bad range) is an
  // error answer, not a broken download.
  // It counts up to the export's own cap (the list stops at TOTAL_CAP): the 说明 sheet says how many match up to it.
  const first = await listCasesPage(ctx, actor, { ...input, limit: PAGE, offset: 0 }, { countUpTo: EXPORT_ROW_CAP });
  const exported = Math.min(first.total, EXPORT_ROW_CAP);
  async function* rows() {
    yield* first.items;
    // Newest first by id: a case registered meanwhile shifts later pages by one, so a row already written is skipped.
    let lastId = first.items.at(-1)?.id ?? 0;
    for (let offset = PAGE; offset < exported; offset += PAGE) {
      // The later pages' count is not read: counting up to 0 stops at the first match.
      const page = await listCasesPage(ctx, actor, { ...input, limit: Math.min(PAGE, exported - offset), offset }, { countUpTo: 0 });
      const fresh = page.items.filter((c) => c.id < lastId);
      yield* fresh;
      lastId = fresh.at(-1)?.id ?? lastId;
      if (page.items.length === 0) break;
    }
  }
  const filters = describeCaseFilters({ ...input, officerName: await officerName(ctx.db, input.officerId), organizationName: await organizationName(ctx.db, input.organizationId) });
  const notes = [
    '案件列表（本单位及下级单位）',
    `筛选条件：${filters.length ? filters.join('；') : '无（全部案件）'}`,
    `符合条件：${totalText(first)} 件；导出：${exported} 件（每次最多导出 ${EXPORT_ROW_CAP} 件）`,
    // The count stops at EXPORT_ROW_CAP: a capped total is a list cut at the cap.
    ...(first.totalCapped || first.total > EXPORT_ROW_CAP ? [truncationNote(totalText(first))] : []),
    exportedBy(ctx, actor),
  ];
  return { fileName: `案件列表-${stamp(ctx)}.xlsx`, total: first.total, exported, stream: xlsxStream([sheetOf('案件列表', caseListColumns, rows())], notes) };
}

const deadlineStatusWords = { overdue: '已超期未办理', due: '即将到期', late: '逾期办理' } as const;

export async function exportDeadlines(ctx: Ctx, actor: Actor, raw: unknown): Promise<XlsxExport> {
  const input = parseInput(deadlineExportQuery, raw);
  const items = await listDeadlines(ctx, actor, { ...input, limit: DEADLINE_CAP });
  const range = input.status === 'overdue' ? '' : input.status === 'due' ? `，${input.days} 日内到期` : `，近 ${input.days} 日内办理`;
  const notes = [
    `办案期限：${deadlineStatusWords[input.status]}${range}`,
    `导出：${items.length} 条${items.length >= DEADLINE_CAP ? `（每次最多导出 ${DEADLINE_CAP} 条，可能还有更多）` : ''}`,
    exportedBy(ctx, actor),
  ];
  return { fileName: `办案期限-${stamp(ctx)}.xlsx`, total: items.length, exported: items.length, stream: xlsxStream([sheetOf('办案期限', deadlineColumns, items)], notes) };
}

export async function exportReviewQueue(ctx: Ctx, actor: Actor): Promise<XlsxExport> {
  const items = await listReviewQueue(ctx, actor);
  const notes = ['待法制审核的案件（《行政处罚法》第五十八条及本地审核目录），按最近期限排序', `导出：${items.length} 件`, exportedBy(ctx, actor)];
  return { fileName: `待审核案件-${stamp(ctx)}.xlsx`, total: items.length, exported: items.length, stream: xlsxStream([sheetOf('待审核案件', reviewQueueColumns, items)], notes) };
}

const deadlineEntryColumns: ExportColumn<DeadlineEntry>[] = deadlineColumns.slice(0, 4).concat({ header: '届满日期', width: 12, value: (d) => d.dueOn }) as ExportColumn<DeadlineEntry>[];

export async function exportStatistics(ctx: Ctx, actor: Actor, raw: unknown): Promise<XlsxExport> {
  const input = parseInput(statisticsExportQuery, raw);
  const s = await caseStatistics(ctx, actor, { ...input, listLimit: 100 });
  const t = s.totals;
  const totals = [
    ['案件总数', t.cases],
    ['已作出决定', t.decided],
    ['超期案件', t.overdue],
    ['三个工作日内到期', t.dueSoon],
    ['处罚决定', t.penalties],
    ['罚款（元）', yuanOf(t.fineFen)],
  ] as const;
  const sheets = [
    sheetOf('总览', [{ header: '指标', width: 20, value: (r: (typeof totals)[number]) => r[0] }, { header: '数值', width: 14, value: (r: (typeof totals)[number]) => r[1] }], totals),
    sheetOf(statisticsSheets.byState.name, statisticsSheets.byState.columns, s.byState),
    sheetOf(statisticsSheets.byMonth.name, statisticsSheets.byMonth.columns, s.byMonth),
    sheetOf(statisticsSheets.byPenaltyKind.name, statisticsSheets.byPenaltyKind.columns, s.byPenaltyKind),
    sheetOf(statisticsSheets.byViolation.name, statisticsSheets.byViolation.columns, s.byViolation),
    sheetOf(statisticsSheets.units.name, statisticsSheets.units.columns, s.units),
    sheetOf('已超期', deadlineEntryColumns, s.overdue.items),
    sheetOf('即将到期', deadlineEntryColumns, s.dueSoon.items),
  ];
  const notes = [
    `执法监督看板：${s.scope.organizationName}`,
    `登记日期：${s.range.from ?? '不限'} 至 ${s.range.to ?? '不限'}；统计日：${s.today}`,
    `已超期 ${s.overdue.cases} 件、即将到期 ${s.dueSoon.cases} 件，两张期限表各列出最早的 100 条`,
    exportedBy(ctx, actor),
  ];
  return { fileName: `执法监督看板-${stamp(ctx)}.xlsx`, total: t.cases, exported: t.cases, stream: xlsxStream(sheets, notes) };
}

async function officerName(db: Executor, id: number | undefined): Promise<string | undefined> {
  if (!id) return undefined;
  const [u] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, id));
  return u?.name ?? `编号 ${id}`;
}

/** The unit's name; listCasesPage has already refused a unit outside the actor's subtree. */
async function organizationName(db: Executor, id: number | undefined): Promise<string | undefined> {
  if (!id) return undefined;
  const [o] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, id));
  return o?.name;
}

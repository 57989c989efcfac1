/**
 * The case lists as spreadsheets (domain/export/table.ts): the columns of the case list, the deadline lists, the
 * reviewer's queue and the dashboard's tables, over the same read shapes the screens show (views.ts,
 * oversight-views.ts), and the filters of an export in words for its 说明 sheet.
 */
import { type ExportColumn, yuanOf } from '../export/table.ts';
import { caseStates, penaltyKinds } from './model.ts';
import type { DeadlineItem, ReviewQueueItem, UnitFigures, CaseStatistics } from './oversight-views.ts';
import type { CaseSummary, DeadlineMark } from './views.ts';

const deadlineText = (marks: DeadlineMark[]) => marks.map((d) => `${d.label} ${d.dueOn}${d.overdue ? '（已超期）' : d.dueSoon ? '（即将到期）' : ''}`).join('；');

export const caseListColumns: ExportColumn<CaseSummary>[] = [
  { header: '行政行为码', width: 26, value: (c) => c.actCode },
  { header: '决定书文号', width: 24, value: (c) => c.decisionNumber },
  { header: '案由', width: 36, value: (c) => c.title },
  { header: '当事人', width: 20, value: (c) => c.party.name },
  { header: '状态', width: 12, value: (c) => c.stateLabel },
  { header: '程序', width: 10, value: (c) => c.procedureLabel },
  { header: '办案单位', width: 24, value: (c) => c.organizationName },
  { header: '登记日期', width: 12, value: (c) => c.registeredOn },
  { header: '办案期限', width: 40, value: (c) => deadlineText(c.deadlines) },
];

export const deadlineColumns: ExportColumn<DeadlineItem>[] = [
  { header: '行政行为码', width: 26, value: (d) => d.actCode },
  { header: '案由', width: 36, value: (d) => d.title },
  { header: '办案单位', width: 24, value: (d) => d.organizationName },
  { header: '期限', width: 20, value: (d) => d.label },
  { header: '依据', width: 30, value: (d) => d.article },
  { header: '届满日期', width: 12, value: (d) => d.dueOn },
  { header: '办理日期', width: 12, value: (d) => d.metOn },
  { header: '逾期原因', width: 30, value: (d) => d.lateReason },
];

export const reviewQueueColumns: ExportColumn<ReviewQueueItem>[] = [
  { header: '行政行为码', width: 26, value: (r) => r.actCode },
  { header: '案由', width: 36, value: (r) => r.title },
  { header: '当事人', width: 20, value: (r) => r.party.name },
  { header: '办案单位', width: 24, value: (r) => r.organizationName },
  { header: '审核状态', width: 12, value: (r) => r.statusLabel },
  { header: '拟处罚', width: 24, value: (r) => (r.proposal ? r.proposal.description ?? r.proposal.kindLabel : null) },
  { header: '拟罚款（元）', width: 12, value: (r) => yuanOf(r.proposal?.fineFen) },
  { header: '须审核的理由', width: 40, value: (r) => r.reasons.join('；') },
  { header: '上次审核', width: 40, value: (r) => (r.lastReview ? `${r.lastReview.on} ${r.lastReview.reviewerName}：${r.lastReview.passed ? '通过' : '退回'}。${r.lastReview.opinion}` : null) },
  { header: '办案期限', width: 40, value: (r) => deadlineText(r.deadlines) },
];

type Stat<K extends keyof CaseStatistics> = CaseStatistics[K] extends (infer R)[] ? R : never;

/** The dashboard's tables, one sheet each. */
export const statisticsSheets = {
  byState: { name: '按状态', columns: [
    { header: '状态', width: 14, value: (r) => r.label },
    { header: '件数', width: 10, value: (r) => r.count },
  ] as ExportColumn<Stat<'byState'>>[] },
  byMonth: { name: '按登记月份', columns: [
    { header: '月份', width: 10, value: (r) => r.month },
    { header: '件数', width: 10, value: (r) => r.count },
  ] as ExportColumn<Stat<'byMonth'>>[] },
  byPenaltyKind: { name: '按处罚种类', columns: [
    { header: '处罚种类', width: 20, value: (r) => r.label },
    { header: '决定数', width: 10, value: (r) => r.count },
    { header: '罚款（元）', width: 14, value: (r) => yuanOf(r.fineFen) },
  ] as ExportColumn<Stat<'byPenaltyKind'>>[] },
  byViolation: { name: '按违法行为', columns: [
    { header: '事项编码', width: 20, value: (r) => r.code },
    { header: '违法行为', width: 40, value: (r) => r.name },
    { header: '类别', width: 14, value: (r) => r.category },
    { header: '案件数', width: 10, value: (r) => r.cases },
    { header: '处罚决定数', width: 12, value: (r) => r.penalties },
    { header: '罚款（元）', width: 14, value: (r) => yuanOf(r.fineFen) },
  ] as ExportColumn<Stat<'byViolation'>>[] },
  units: { name: '各单位对比', columns: [
    { header: '单位', width: 30, value: (r) => (r.ownLevel ? `${r.name}（本级）` : r.name) },
    { header: '案件数', width: 10, value: (r) => r.cases },
    { header: '已决定', width: 10, value: (r) => r.decided },
    { header: '超期', width: 10, value: (r) => r.overdue },
    { header: '罚款（元）', width: 14, value: (r) => yuanOf(r.fineFen) },
  ] as ExportColumn<UnitFigures>[] },
} as const;

/** The case-list filters (GET /api/cases) an export applied, as lines for its 说明 sheet. */
export interface CaseFilterWords {
  state?: string | undefined;
  deadline?: 'overdue' | 'dueSoon' | undefined;
  officerName?: string | undefined;
  violation?: string | undefined;
  category?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  month?: string | undefined;
  organizationName?: string | undefined;
  penaltyKind?: string | undefined;
  q?: string | undefined;
}

export function describeCaseFilters(f: CaseFilterWords): string[] {
  const out: string[] = [];
  if (f.state) out.push(`状态：${caseStates[f.state as keyof typeof caseStates] ?? f.state}`);
  if (f.deadline) out.push(`期限：${f.deadline === 'overdue' ? '已超期' : '三个工作日内到期'}`);
  if (f.officerName) out.push(`承办人员：${f.officerName}`);
  if (f.violation) out.push(`违法行为编码：${f.violation}`);
  if (f.category) out.push(`违法行为类别：${f.category}`);
  if (f.from || f.to) out.push(`登记日期：${f.from ?? '不限'} 至 ${f.to ?? '不限'}`);
  if (f.month) out.push(`登记月份：${f.month}`);
  if (f.organizationName) out.push(`办案单位：${f.organizationName}（含下级单位）`);
  if (f.penaltyKind) out.push(`处罚种类：${penaltyKinds[f.penaltyKind as keyof typeof penaltyKinds] ?? f.penaltyKind}`);
  if (f.q) out.push(`搜索：${f.q}`);
  return out;
}

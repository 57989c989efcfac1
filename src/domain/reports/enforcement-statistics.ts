/**
 * 行政执法数据 — the annual administrative enforcement statistics a unit publishes by 31 January of the next year
 * (行政执法公示制度, 国办发〔2018〕118号《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的
 * 指导意见》; that document is not in the law library, so it is cited by name, never by article). Issue #19 item 4.
 *
 * The rows, their definitions, the read shape and the rule that makes a year public. Pure (zod only): the staff app and
 * the portal import it. The counting is services/reports/enforcement-statistics.ts; docs/REPORTS.md "行政执法数据".
 *
 * A row whose ledger Fazhi does not hold (行政许可, 行政强制措施, …) is `recorded: false` with the note "本系统无记录",
 * never 0; a row whose ledger exists shows a real count, 0 included.
 */
import { z } from 'zod';
import { ruleViolation } from '../errors.ts';
import { idParam } from '../ids.ts';
import { indicatorYear } from '../indicators/manual.ts';
import { type PenaltyKind, penaltyKinds } from '../cases/model.ts';
import { isoDay } from '../view-kit.ts';

/** What the statistics are published under, as cited in refusals and in the 说明 sheet. */
export const STATISTICS_BASIS = '国办发〔2018〕118号（行政执法公示制度）';

export const statisticsCategories = { penalty: '行政处罚', inspection: '行政检查', coercion: '行政强制', licensing: '行政许可' } as const;
export type StatisticsCategory = keyof typeof statisticsCategories;

export type StatisticsUnit = '件' | '次' | '元' | '%';

/** The penalty kinds of 《行政处罚法》第九条 as the case ledger records them, in the article's order. */
export const statisticsPenaltyKinds: readonly PenaltyKind[] = [
  'warning',
  'criticism',
  'fine',
  'confiscateIncome',
  'confiscateProperty',
  'suspendLicense',
  'lowerQualification',
  'revokeLicense',
  'restrictBusiness',
  'suspendBusiness',
  'close',
  'restrictEmployment',
  'other',
];

/** The note of a row whose ledger Fazhi does not hold. */
export const NOT_RECORDED = '本系统无记录';

interface RowDefinition {
  key: string;
  category: StatisticsCategory;
  name: string;
  unit: StatisticsUnit;
  /** Where the figure comes from and what it counts (shown in the table and the 说明 sheet). */
  definition: string;
  /** False: no ledger of Fazhi holds it; the row reads NOT_RECORDED. */
  recorded: boolean;
}

const kindRow = (kind: PenaltyKind): RowDefinition => ({
  key: `kind_${kind}`,
  category: 'penalty',
  name: kind === 'other' ? '法律、行政法规规定的其他行政处罚' : penaltyKinds[kind],
  unit: '件',
  definition: `处罚内容含“${penaltyKinds[kind]}”的行政处罚决定数（《行政处罚法》第九条）`,
  recorded: true,
});

/** Every row of the table, in its order. */
export const statisticsRows: readonly RowDefinition[] = [
  { key: 'penalty_decisions', category: 'penalty', name: '行政处罚决定（合计）', unit: '件', definition: '本年度作出（按决定日期）且未被撤销的行政处罚决定数；一件决定只计一次', recorded: true },
  ...statisticsPenaltyKinds.slice(0, 12).map(kindRow),
  {
    key: 'kind_detention',
    category: 'penalty',
    name: '行政拘留',
    unit: '件',
    definition: '限制人身自由的行政处罚权只能由公安机关和法律规定的其他机关行使（《行政处罚法》第十八条第三款），本系统不记录',
    recorded: false,
  },
  kindRow('other'),
  { key: 'fine_amount', category: 'penalty', name: '罚款金额', unit: '元', definition: '上列处罚决定的罚款数额之和（被变更的决定按原处罚决定书记载的数额，与年度报告指标“罚没金额”一致）', recorded: true },
  { key: 'confiscation_amount', category: 'penalty', name: '没收违法所得、没收非法财物金额', unit: '元', definition: '上列处罚决定没收违法所得的数额和没收非法财物的价值之和', recorded: true },
  { key: 'simple_procedure', category: 'penalty', name: '其中：简易程序', unit: '件', definition: '当场作出的行政处罚决定（《行政处罚法》第五十一条）', recorded: true },
  { key: 'ordinary_procedure', category: 'penalty', name: '其中：普通程序', unit: '件', definition: '经调查终结审查作出的行政处罚决定（《行政处罚法》第五十七条）', recorded: true },
  { key: 'no_penalty', category: 'penalty', name: '不予行政处罚决定', unit: '件', definition: '本年度作出且未被撤销的不予行政处罚决定（《行政处罚法》第三十条、第三十一条、第三十三条、第五十七条第一款第（二）（三）项）', recorded: true },
  { key: 'revoked', category: 'penalty', name: '行政处罚决定被撤销', unit: '件', definition: '本年度作出、至统计日已被撤销的行政处罚决定（不计入上列各项）', recorded: true },
  { key: 'withdrawn', category: 'penalty', name: '撤销立案', unit: '件', definition: '本年度撤销立案的案件（按撤销日期）', recorded: true },
  { key: 'closed', category: 'penalty', name: '结案', unit: '件', definition: '本年度结案的案件（按结案日期，含不予处罚结案）', recorded: true },
  { key: 'inspections', category: 'inspection', name: '行政检查（涉企）', unit: '次', definition: '本年度实施的涉企行政检查（按赋码或紧急检查日期，不含已取消的），检查台账记录', recorded: true },
  { key: 'random_inspections', category: 'inspection', name: '其中：双随机抽查', unit: '次', definition: '由双随机抽取产生的行政检查', recorded: true },
  { key: 'random_share', category: 'inspection', name: '双随机抽查占比', unit: '%', definition: '双随机抽查次数 ÷ 行政检查次数', recorded: true },
  {
    key: 'coercive_measures',
    category: 'coercion',
    name: '行政强制措施（查封、扣押、冻结等）',
    unit: '件',
    definition: '《行政强制法》第九条的行政强制措施：本系统未设强制措施台账（案件证据中的“查封扣押”取证记录不是强制措施决定，不计入）',
    recorded: false,
  },
  {
    key: 'coercive_enforcement',
    category: 'coercion',
    name: '行政机关强制执行',
    unit: '件',
    definition: '《行政强制法》第十二条的强制执行决定：本系统未设强制执行台账（罚款催告和加处罚款记录在案件中，不作为强制执行决定统计）',
    recorded: false,
  },
  { key: 'court_enforcement', category: 'coercion', name: '申请人民法院强制执行', unit: '件', definition: '本年度申请人民法院强制执行的案件（《行政强制法》第五十三条，按申请日期）', recorded: true },
  { key: 'licences', category: 'licensing', name: '行政许可决定', unit: '件', definition: '《行政许可法》规定的行政许可：本系统尚无行政许可台账', recorded: false },
];

export const statisticsRowKeys = statisticsRows.map((r) => r.key);

/** The notes printed under the table and on the 说明 sheet. */
export const statisticsNotes: readonly string[] = [
  `依据：${STATISTICS_BASIS}，行政执法机关于每年1月31日前公开上一年度行政执法总体情况和有关数据。`,
  '统计范围：本单位及其下级单位；统计期间为公历年度（北京时间1月1日至12月31日），行政处罚按决定日期、行政检查按检查日期计入。',
  '一件处罚决定同时给予几种处罚的，在每一种处罚的行中各计一次，在“行政处罚决定（合计）”中只计一次，因此各种类之和可以大于合计。',
  '被撤销的处罚决定不计入合计、各种类和金额，单列于“行政处罚决定被撤销”；被变更的决定按原处罚决定书记载的处罚计入（与法治政府建设年度报告的指标口径一致）。',
  '金额以元为单位精确到分计算，表中以万元显示（保留两位小数）。',
  `“${NOT_RECORDED}”表示本系统没有相应台账，不表示数量为零；这些数据应由业务部门另行统计。`,
  '数据来源：行政处罚——案件办理台账；行政检查——涉企行政检查台账；申请人民法院强制执行——案件办理台账。',
];

// ——— The read shape ———

export const statisticsRow = z.object({
  key: z.string(),
  category: z.enum(Object.keys(statisticsCategories) as [StatisticsCategory, ...StatisticsCategory[]]),
  categoryLabel: z.string(),
  name: z.string(),
  unit: z.enum(['件', '次', '元', '%']),
  /** In `unit` (元 exact to the 分; a rate as a percentage with two decimals); null when not recorded or not computable. */
  value: z.number().nullable(),
  /** January … December, in `unit`; null when not recorded. A month's rate is null when it has no denominator. */
  months: z.array(z.number().nullable()).nullable(),
  recorded: z.boolean(),
  definition: z.string(),
  note: z.string().nullable(),
});
export type StatisticsRow = z.infer<typeof statisticsRow>;

export const enforcementStatisticsView = z.object({
  organization: z.object({ id: z.number(), name: z.string() }),
  year: z.number(),
  /** The day the figures were counted (China time). */
  countedOn: isoDay,
  /** Whether the year is over (then the statistics are public). */
  closed: z.boolean(),
  title: z.string(),
  rows: z.array(statisticsRow),
  notes: z.array(z.string()),
});
export type EnforcementStatistics = z.infer<typeof enforcementStatisticsView>;

/** `?year=` of the staff routes. */
export const statisticsYearQuery = z.object({ year: indicatorYear });

/** `?org=&year=` of the public route. */
export const publicStatisticsQuery = z.object({
  org: idParam('执法主体编号'),
  year: indicatorYear,
});

// ——— Rules and formatting ———

/** The title row: "XX 20XX年度行政执法数据统计表". */
export const statisticsTitle = (organizationName: string, year: number) => `${organizationName} ${String(year)}年度行政执法数据统计表`;

/**
 * Statistics are public once their year is over (国办发〔2018〕118号: published by 31 January of the next year): a year
 * that has not ended is refused, in Chinese, with the basis.
 */
export function assertYearClosed(year: number, today: string): void {
  const current = Number(today.slice(0, 4));
  if (year >= current) throw ruleViolation(`${String(year)}年度尚未结束，行政执法数据在年度结束后公开（次年1月31日前）`, STATISTICS_BASIS, { year, today });
}

/** 元 → 万元 with two decimals, from the exact 分: 12345.67 → '1.23'. */
export function wanYuan(yuan: number): string {
  const fen = Math.round(yuan * 100);
  return (Math.round(fen / 10_000) / 100).toFixed(2);
}

/** A cell of the table as shown (money in 万元): '3 件', '1.23 万元', '25.00%', or '本系统无记录'. */
export function formatStatistic(row: Pick<StatisticsRow, 'unit' | 'value' | 'recorded'>, value: number | null = row.value): string {
  if (!row.recorded) return NOT_RECORDED;
  if (value === null) return '—';
  if (row.unit === '元') return `${wanYuan(value)} 万元`;
  if (row.unit === '%') return `${value.toFixed(2)}%`;
  return `${String(value)} ${row.unit}`;
}

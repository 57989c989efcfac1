/**
 * The dashboard's charts as data: the ECharts option of each, and for each datum the case list it counts —
 * `/cases?…` with the filters of the case-list contract (docs/CASES.md), the dashboard's date range included — so
 * a click on a bar or slice opens exactly the cases behind it. Pure (no React, no ECharts), tested in
 * chart-options.test.ts. A tooltip `formatter` returns HTML that ECharts sets as markup: its text goes through
 * `htmlLines` (every name may have been typed by someone); ECharts' own default tooltips escape what they show, and
 * labels are drawn on the canvas, not as HTML.
 */
import { formatYuan } from '../../../../domain/cases/model.ts';
import { htmlLines } from '../../../shared/html.ts';
import type { CaseStatistics } from './types.ts';

export type ChartPick = 'x' | 'y' | 'item';

export interface ChartSpec {
  title: string;
  /** The ECharts option (kept free of ECharts types so this module stays pure). */
  option: Record<string, unknown>;
  /** Clicks pick a category of the x axis, of the y axis, or the clicked item (pie slices). */
  pick: ChartPick;
  /** Where a click on datum i leads; null where no list counts it. */
  hrefs: (string | null)[];
  /** The chart's figures in words, for screen readers. */
  label: string;
  height: number;
  empty: boolean;
}

export interface Range {
  from: string | null;
  to: string | null;
}

type Filters = Record<string, string | number | null | undefined>;

/** `/cases?…` with the given filters of the case-list contract; empty ones left out. */
export function casesHref(filters: Filters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `/cases?${query}` : '/cases';
}

const inRange = (r: Range, filters: Filters): string => casesHref({ ...filters, from: r.from, to: r.to });

/** Long names shortened on the axis (the tooltip shows them whole). */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * '2026-11' → '11月'; January and the first month of the series also name the year, below the month on a wide
 * axis ('1月\n2026年'), after it on a phone's slanted one ('2026年1月').
 */
export function monthLabel(month: string, first: boolean, phone = false): string {
  const [year, mm] = month.split('-') as [string, string];
  if (!first && mm !== '01') return `${Number(mm)}月`;
  return phone ? `${year}年${Number(mm)}月` : `${Number(mm)}月\n${year}年`;
}

const spoken = (title: string, rows: string[]) => `${title}：${rows.length ? rows.join('，') : '无数据'}`;
const axisTooltip = { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true };

/** A horizontal bar chart (categories down the y axis, in the given order from the top). */
function horizontalBars(names: string[], series: { name: string; values: number[] }[], rowHeight: number, labelWidth: number): Pick<ChartSpec, 'option' | 'height'> {
  return {
    height: Math.max(160, names.length * rowHeight + 56),
    option: {
      grid: { left: 8, right: 32, top: series.length > 1 ? 32 : 8, bottom: 8, containLabel: true },
      tooltip: axisTooltip,
      ...(series.length > 1 ? { legend: { top: 0 } } : {}),
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: names, axisLabel: { width: labelWidth, overflow: 'truncate' } },
      series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values, barMaxWidth: 22, label: { show: true, position: 'right' } })),
    },
  };
}

/** 案件状态分布 → `state`. */
export function stateChart(s: CaseStatistics, range: Range, phone: boolean): ChartSpec {
  return {
    title: '案件状态分布',
    pick: 'y',
    ...horizontalBars(
      s.byState.map((r) => r.label),
      [{ name: '案件数', values: s.byState.map((r) => r.count) }],
      phone ? 26 : 28,
      phone ? 96 : 120,
    ),
    hrefs: s.byState.map((r) => inRange(range, { state: r.state })),
    label: spoken('案件状态分布', s.byState.map((r) => `${r.label} ${r.count} 件`)),
    empty: s.byState.length === 0,
  };
}

/** 各月登记案件 → `month`. */
export function monthChart(s: CaseStatistics, range: Range, phone: boolean): ChartSpec {
  const labels = s.byMonth.map((m, i) => monthLabel(m.month, i === 0, phone));
  return {
    title: '各月登记案件',
    pick: 'x',
    height: phone ? 240 : 280,
    option: {
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: axisTooltip,
      xAxis: { type: 'category', data: labels, axisLabel: { interval: phone ? 'auto' : 0, rotate: phone ? 45 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: '登记案件', data: s.byMonth.map((m) => m.count), barMaxWidth: 28, label: { show: !phone, position: 'top' } }],
    },
    hrefs: s.byMonth.map((m) => inRange(range, { month: m.month })),
    label: spoken('各月登记案件', s.byMonth.filter((m) => m.count > 0).map((m) => `${m.month} ${m.count} 件`)),
    empty: s.byMonth.every((m) => m.count === 0),
  };
}

/** 处罚种类 (decisions in force) → `penaltyKind`; fines in the tooltip. */
export function penaltyKindChart(s: CaseStatistics, range: Range, phone: boolean): ChartSpec {
  const rows = s.byPenaltyKind;
  return {
    title: '处罚种类',
    pick: 'item',
    height: phone ? 300 : 280,
    option: {
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (p: { dataIndex: number }) => {
          const r = rows[p.dataIndex]!;
          return htmlLines(r.label, `处罚决定 ${r.count} 件`, `涉及罚款 ${formatYuan(r.fineFen)}`);
        },
      },
      legend: phone ? { bottom: 0, type: 'scroll' } : { orient: 'vertical', right: 0, top: 'middle', type: 'scroll' },
      series: [
        {
          type: 'pie',
          name: '处罚种类',
          radius: phone ? ['30%', '58%'] : ['35%', '68%'],
          center: phone ? ['50%', '45%'] : ['38%', '50%'],
          label: { formatter: '{b} {c}' },
          data: rows.map((r) => ({ name: r.label, value: r.count })),
        },
      ],
    },
    hrefs: rows.map((r) => inRange(range, { penaltyKind: r.kind })),
    label: spoken('处罚种类', rows.map((r) => `${r.label} ${r.count} 件（罚款 ${formatYuan(r.fineFen)}）`)),
    empty: rows.length === 0,
  };
}

/** 违法行为 (the ten with most cases) → `violation`; penalties and fines in the tooltip. */
export function violationChart(s: CaseStatistics, range: Range, phone: boolean): ChartSpec {
  const rows = s.byViolation.slice(0, 10);
  const spec = horizontalBars(
    rows.map((r) => shorten(r.name, phone ? 8 : 14)),
    [{ name: '案件数', values: rows.map((r) => r.cases) }],
    phone ? 26 : 28,
    phone ? 110 : 190,
  );
  return {
    title: '违法行为（案件数前十）',
    pick: 'y',
    ...spec,
    option: {
      ...spec.option,
      tooltip: {
        ...axisTooltip,
        formatter: (params: { dataIndex: number }[]) => {
          const r = rows[params[0]!.dataIndex]!;
          return htmlLines(`${r.name}（${r.code}）`, `案件 ${r.cases} 件，其中处罚决定 ${r.penalties} 件`, `罚款 ${formatYuan(r.fineFen)}`);
        },
      },
    },
    hrefs: rows.map((r) => inRange(range, { violation: r.code })),
    label: spoken('违法行为', rows.map((r) => `${r.name} ${r.cases} 件（处罚 ${r.penalties} 件，罚款 ${formatYuan(r.fineFen)}）`)),
    empty: rows.length === 0,
  };
}

/** 各单位对比 → `organizationId` (with its sub-units; the caller's own level has no list of its own). */
export function unitChart(s: CaseStatistics, range: Range, phone: boolean): ChartSpec {
  const rows = s.units;
  const divisions = divisionsOf(s.scope.organizationName);
  return {
    title: '各单位对比',
    pick: 'y',
    ...horizontalBars(
      rows.map((u) => shorten(u.name.slice(divisions.find((d) => u.name.startsWith(d))?.length ?? 0), phone ? 8 : 16)),
      [
        { name: '案件数', values: rows.map((u) => u.cases) },
        { name: '已作出决定', values: rows.map((u) => u.decided) },
        { name: '超期案件', values: rows.map((u) => u.overdue) },
      ],
      phone ? 64 : 72,
      phone ? 96 : 200,
    ),
    hrefs: rows.map((u) => (u.ownLevel ? null : inRange(range, { organizationId: u.organizationId }))),
    label: spoken('各单位对比', rows.map((u) => `${u.name} 案件 ${u.cases} 件、已作出决定 ${u.decided} 件、超期 ${u.overdue} 件、罚款 ${formatYuan(u.fineFen)}`)),
    empty: rows.length === 0,
  };
}

/**
 * The administrative divisions that open the caller's unit name, longest first (云城市东湖区 → 云城市东湖区, 云城市,
 * 东湖区): the units below it repeat one of them at the start of their names, dropped on the axis.
 */
export function divisionsOf(name: string): string[] {
  // A place name has at least two characters before 省/市/区/县 (so the 城市 of 城市管理局 is not one).
  const parts = /^(?:[^省市区县]{2,}?[省市区县]){1,3}/.exec(name)?.[0].match(/[^省市区县]{2,}?[省市区县]/g) ?? [];
  const runs = parts.flatMap((_, i) => parts.slice(i).map((__, j) => parts.slice(i, i + j + 1).join('')));
  return [...new Set(runs)].sort((a, b) => b.length - a.length);
}

/** Every chart of the dashboard, in page order. */
export function dashboardCharts(s: CaseStatistics, range: Range, phone: boolean): ChartSpec[] {
  return [stateChart, monthChart, penaltyKindChart, violationChart, unitChart].map((build) => build(s, range, phone));
}

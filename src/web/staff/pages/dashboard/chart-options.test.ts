import { describe, expect, it } from 'vitest';
import { casesHref, dashboardCharts, divisionsOf, monthChart, monthLabel, penaltyKindChart, shorten, stateChart, unitChart, violationChart } from './chart-options.ts';
import { escapeHtml, htmlLines } from '../../../shared/html.ts';
import type { CaseStatistics } from './types.ts';

const stats: CaseStatistics = {
  today: '2026-11-13',
  dueSoonUntil: '2026-11-18',
  scope: { organizationId: 2, organizationName: '云城市东湖区城市管理和综合行政执法局' },
  range: { from: null, to: null },
  totals: { cases: 6, decided: 3, overdue: 1, dueSoon: 1, penalties: 2, fineFen: 250_000 },
  byState: [
    { state: 'reviewing', label: '调查终结·审查', count: 2 },
    { state: 'enforcing', label: '执行中', count: 4 },
  ],
  byMonth: [
    { month: '2026-10', count: 0 },
    { month: '2026-11', count: 6 },
  ],
  overdue: { cases: 1, items: [] },
  dueSoon: { cases: 1, items: [] },
  byPenaltyKind: [
    { kind: 'warning', label: '警告', count: 1, fineFen: 0 },
    { kind: 'fine', label: '罚款', count: 2, fineFen: 250_000 },
  ],
  byViolation: [{ code: 'SR-001', name: '未经批准擅自在街道两侧和公共场地堆放物料、摆摊设点，影响市容', category: '占道经营', cases: 3, penalties: 2, fineFen: 250_000 }],
  units: [
    { organizationId: 2, name: '云城市东湖区城市管理和综合行政执法局（本级）', ownLevel: true, cases: 1, decided: 0, overdue: 0, fineFen: 0 },
    { organizationId: 3, name: '云城市东湖区城市管理综合行政执法大队', ownLevel: false, cases: 5, decided: 3, overdue: 1, fineFen: 250_000 },
  ],
};
const all = { from: null, to: null };
const october = { from: '2026-10-01', to: '2026-10-31' };

describe('dashboard charts link to the case list they count', () => {
  it('builds /cases links with the contract’s parameters, empty ones left out', () => {
    expect(casesHref({})).toBe('/cases');
    expect(casesHref({ state: 'enforcing', from: null, to: undefined, q: '' })).toBe('/cases?state=enforcing');
    expect(casesHref({ organizationId: 3, deadline: 'overdue' })).toBe('/cases?organizationId=3&deadline=overdue');
  });

  it('each datum links to its filter, with the dashboard’s date range', () => {
    expect(stateChart(stats, all, false).hrefs).toEqual(['/cases?state=reviewing', '/cases?state=enforcing']);
    expect(stateChart(stats, october, false).hrefs[1]).toBe('/cases?state=enforcing&from=2026-10-01&to=2026-10-31');
    expect(monthChart(stats, all, false).hrefs).toEqual(['/cases?month=2026-10', '/cases?month=2026-11']);
    expect(penaltyKindChart(stats, all, false).hrefs).toEqual(['/cases?penaltyKind=warning', '/cases?penaltyKind=fine']);
    expect(violationChart(stats, all, false).hrefs).toEqual(['/cases?violation=SR-001']);
    // The caller's own level alone has no list (organizationId would include the units below it).
    expect(unitChart(stats, all, false).hrefs).toEqual([null, '/cases?organizationId=3']);
  });

  it('data, picking and the spoken label follow the figures', () => {
    const state = stateChart(stats, all, false);
    expect(state.pick).toBe('y');
    expect((state.option.series as { data: number[] }[])[0]!.data).toEqual([2, 4]);
    expect(state.label).toBe('案件状态分布：调查终结·审查 2 件，执行中 4 件');
    const pie = penaltyKindChart(stats, all, true);
    expect(pie.pick).toBe('item');
    expect((pie.option.series as { data: unknown[] }[])[0]!.data).toEqual([
      { name: '警告', value: 1 },
      { name: '罚款', value: 2 },
    ]);
    expect(pie.label).toContain('罚款 2 件（罚款 2,500.00元）');
    const units = unitChart(stats, all, false);
    expect((units.option.yAxis as { data: string[] }).data).toEqual(['城市管理和综合行政执法局（本级）', '城市管理综合行政执法大队']);
    expect((units.option.series as { name: string; data: number[] }[]).map((s) => [s.name, s.data])).toEqual([
      ['案件数', [1, 5]],
      ['已作出决定', [0, 3]],
      ['超期案件', [0, 1]],
    ]);
    expect(monthChart(stats, all, false).empty).toBe(false);
    expect(dashboardCharts({ ...stats, byState: [], byPenaltyKind: [] }, all, false).map((c) => c.empty)).toEqual([true, false, true, false, false]);
  });

  it('unit names drop the division they share with the caller’s unit', () => {
    expect(divisionsOf('云城市城市管理局')).toEqual(['云城市']);
    expect(divisionsOf('云城市东湖区城市管理和综合行政执法局')).toEqual(['云城市东湖区', '云城市', '东湖区']);
    expect(divisionsOf('城管执法支队')).toEqual([]);
    const names = (scope: string, unit: string) =>
      (unitChart({ ...stats, scope: { organizationId: 1, organizationName: scope }, units: [{ ...stats.units[1]!, name: unit }] }, all, false).option.yAxis as { data: string[] }).data;
    expect(names('云城市东湖区城市管理和综合行政执法局', '东湖区南湖街道综合行政执法队')).toEqual(['南湖街道综合行政执法队']);
    expect(names('云城市城市管理局', '云城市西山区城市管理和综合行政执法局')).toEqual(['西山区城市管理和综合行政执法局']);
  });

  it('names on phone axes are shortened; months name their year at the start and in January', () => {
    expect((violationChart(stats, all, true).option.yAxis as { data: string[] }).data).toEqual(['未经批准擅自在…']);
    expect(shorten('东湖区', 8)).toBe('东湖区');
    expect(monthLabel('2026-11', false)).toBe('11月');
    expect(monthLabel('2026-11', true)).toBe('11月\n2026年');
    expect(monthLabel('2027-01', false, true)).toBe('2027年1月');
  });
});

describe('chart tooltips escape the names they show (no HTML injection)', () => {
  const payload = '<img src=x onerror=alert(1)>';
  const hostile: CaseStatistics = {
    ...stats,
    byPenaltyKind: stats.byPenaltyKind.map((k) => ({ ...k, label: `${k.label}${payload}` })),
    byViolation: [{ ...stats.byViolation[0]!, name: payload, code: `SR-1${payload}` }],
    units: stats.units.map((u) => ({ ...u, name: `${u.name}${payload}` })),
  };

  /** Every function `formatter` anywhere in an option (tooltips and labels alike). */
  function formatters(value: unknown): ((params: unknown) => unknown)[] {
    if (!value || typeof value !== 'object') return [];
    return Object.entries(value).flatMap(([key, v]) => (key === 'formatter' && typeof v === 'function' ? [v as (params: unknown) => unknown] : formatters(v)));
  }

  it('every formatter of every chart answers the payload as text: &lt;img, never <img', () => {
    const outputs: string[] = [];
    for (const chart of dashboardCharts(hostile, all, false)) {
      for (const format of formatters(chart.option)) {
        // An item tooltip gets one datum, an axis tooltip the list of the series at that category.
        for (const params of [{ dataIndex: 0 }, [{ dataIndex: 0 }]]) {
          try {
            outputs.push(String(format(params)));
          } catch {
            // Not the shape this formatter takes.
          }
        }
      }
    }
    expect(outputs.length).toBeGreaterThanOrEqual(2);
    for (const html of outputs) {
      expect(html).toContain('&lt;img');
      expect(html).not.toContain('<img');
    }
    expect(outputs).toContain('警告&lt;img src=x onerror=alert(1)&gt;<br/>处罚决定 1 件<br/>涉及罚款 0.00元');
  });

  it('escapes the five characters that matter in HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(htmlLines('a<b', 3)).toBe('a&lt;b<br/>3');
  });
});

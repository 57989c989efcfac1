import { describe, expect, it } from 'vitest';
import { parseBenchmarkCsv } from './csv.ts';
import { benchmarkCsv } from './fixtures.ts';
import type { BenchmarkVersion } from './model.ts';
import { benchmarkSets, parseSourceVersion, sourceTitle, versionInForce } from './versions.ts';

const sz2023Source =
  '深圳市城市管理行政处罚裁量权实施标准（2023年版）（深城管规〔2023〕2号，深圳市城市管理和综合执法局，2023-11-23印发，2023-12-15施行）';

describe('benchmark versions', () => {
  it('reads name, number, issuer and dates from the source line', () => {
    expect(parseSourceVersion({ name: sz2023Source, url: 'https://cgj.sz.gov.cn/zwgk/zcfg/xzzf/content/post_11035670.html' })).toMatchObject({
      name: '深圳市城市管理行政处罚裁量权实施标准（2023年版）',
      documentNumber: '深城管规〔2023〕2号',
      issuer: '深圳市城市管理和综合执法局',
      issuedOn: '2023-11-23',
      publishedOn: '2023-11-23',
      effectiveFrom: '2023-12-15',
    });
    expect(sourceTitle(sz2023Source)).toBe('《深圳市城市管理行政处罚裁量权实施标准（2023年版）》');
  });

  it('groups the table into one set per source', () => {
    const sets = benchmarkSets(parseBenchmarkCsv(benchmarkCsv).items);
    expect(sets.map((s) => [s.version.name.slice(0, 5), s.items.length])).toEqual([
      ['深圳市城市', 9],
      ['嘉兴市城市', 1],
      ['淮北市相山', 1],
      ['莆田市荔城', 1],
      ['深圳市城市', 2],
    ]);
  });

  const v2020: BenchmarkVersion = { id: 'a', name: '2020年版', effectiveFrom: '2020-06-01', publishedOn: '2020-05-20' };
  const v2023: BenchmarkVersion = { id: 'b', name: '2023年版', effectiveFrom: '2023-12-15', publishedOn: '2023-11-23' };

  it('keeps the version in force on the decision date, boundaries included', () => {
    expect(versionInForce([v2020, v2023], '2020-05-31')).toBeUndefined();
    expect(versionInForce([v2020, v2023], '2020-06-01')?.name).toBe('2020年版');
    expect(versionInForce([v2023, v2020], '2023-12-14')?.name).toBe('2020年版');
    expect(versionInForce([v2020, v2023], '2023-12-15')?.name).toBe('2023年版');
  });

  it('ends a version on its effectiveTo date (exclusive)', () => {
    const repealed = { ...v2020, effectiveTo: '2022-01-01' };
    expect(versionInForce([repealed], '2021-12-31')?.name).toBe('2020年版');
    expect(versionInForce([repealed], '2022-01-01')).toBeUndefined();
  });

  it('Art. 34 (《行政处罚法》第三十四条): an unpublished benchmark is never applied', () => {
    const draft: BenchmarkVersion = { id: 'c', name: '2025年版（未公布）', effectiveFrom: '2025-01-01' };
    expect(versionInForce([v2023, draft], '2025-06-01')?.name).toBe('2023年版');
    const lateNotice: BenchmarkVersion = { id: 'd', name: '2025年版', effectiveFrom: '2025-01-01', publishedOn: '2025-03-01' };
    expect(versionInForce([v2023, lateNotice], '2025-02-01')?.name).toBe('2023年版');
    expect(versionInForce([v2023, lateNotice], '2025-03-01')?.name).toBe('2025年版');
  });

  it('refuses a malformed date', () => {
    expect(() => versionInForce([v2023], '2025/03/01')).toThrow('日期格式应为 YYYY-MM-DD');
  });
});

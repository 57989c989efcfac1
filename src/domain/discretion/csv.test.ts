// eslint-disable-next-line no-restricted-imports -- tests read the shared fixture files; domain code itself never does I/O
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benchmarksToCsv, exemptionsToCsv, parseBenchmarkCsv, parseExemptionCsv, readCsvRecords } from './csv.ts';
import { benchmarkCsv, benchmarkHeader, exemptionCsv } from './fixtures.ts';
import { BenchmarkItemSchema, ExemptionItemSchema } from './model.ts';
import { benchmarksToRows } from './table.ts';

const sharedBenchmarks = new URL('../../../../shared/data/discretion-benchmarks.csv', import.meta.url);
const sharedExemptions = new URL('../../../../shared/data/first-violation-exemptions.csv', import.meta.url);
const bundledBenchmarks = new URL('./data/discretion-benchmarks.csv', import.meta.url);
const bundledExemptions = new URL('./data/first-violation-exemptions.csv', import.meta.url);

const sz = '深圳市城市管理行政处罚裁量权实施标准（2023年版）（深城管规〔2023〕2号，深圳市城市管理和综合执法局，2023-11-23印发，2023-12-15施行）';
const row = (cells: Partial<Record<'code' | 'name' | 'range' | 'tier' | 'condition' | 'standard' | 'penalty', string>>) =>
  [
    sz,
    'https://cgj.sz.gov.cn/zwgk/zcfg/xzzf/content/post_11035670.html',
    cells.code ?? '1',
    '《深圳经济特区市容和环境卫生管理条例》',
    cells.name ?? '不履行市容和环境卫生主体责任且逾期未改正',
    '《深圳经济特区市容和环境卫生管理条例》第十一条',
    cells.penalty ?? '《深圳经济特区市容和环境卫生管理条例》第十三条第二款',
    cells.range ?? '处二千元以上二万元以下罚款',
    cells.tier ?? '情节较轻',
    cells.condition ?? '第一次被处罚的。',
    cells.standard ?? '处二千元罚款。',
    '',
  ].join(',');

describe('parseBenchmarkCsv', () => {
  it('loads the inline real rows: one rule per row, items grouped by source and 序号', () => {
    const result = parseBenchmarkCsv(benchmarkCsv);
    expect(result.rejected).toEqual([]);
    expect(result.stats).toEqual({ rows: 44, rules: 44, items: 14, rejected: 0 });
    for (const item of result.items) expect(BenchmarkItemSchema.safeParse(item).success).toBe(true);
    const item74 = result.items.find((i) => i.code === '74');
    expect(item74?.tiers.map((t) => t.name)).toEqual([
      '情节较轻',
      '情节较重',
      '情节严重',
      '情节严重情形下的较轻情节',
      '情节严重情形下的较重情节',
      '情节严重情形下的严重情节',
      '个人情节严重',
    ]);
    expect(result.items.find((i) => i.code === '41')?.partyKind).toBe('organization');
    expect(result.items.find((i) => i.code === '41.1')?.partyKind).toBe('person');
  });

  it('rejects malformed rows one by one with their line number and a Chinese reason', () => {
    const text = [
      '# 测试文件',
      benchmarkHeader,
      row({}),
      row({ name: '', code: '2' }),
      row({ code: '3', name: '违法行为三', range: '依法处理' }),
      row({ code: '4', name: '违法行为四', range: '处二万元以上二千元以下罚款' }),
      row({ code: '5', name: '违法行为五', range: '对路人处二百元以上五百元以下罚款' }),
      row({ code: '6', name: '违法行为六' }) + ',多余一列',
      row({ code: '7', name: '违法行为七', standard: '处一千元罚款。' }),
      row({}),
      row({ tier: '情节较重', condition: '第二次被处罚的。', standard: '处一万元罚款。', range: '处一千元以上二万元以下罚款' }),
      row({ code: '8', name: '违法行为八', penalty: '' }),
      row({ code: '9', name: '违法行为九', standard: '视情况处理。' }),
      '',
      row({ tier: '情节严重', condition: '第三次及以上被处罚的。', standard: '处二万元罚款。' }),
    ].join('\n');
    const result = parseBenchmarkCsv(text);
    expect(result.rejected.map((r) => r.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const reasons = new Map(result.rejected.map((r) => [r.row, r.reason]));
    expect(reasons.get(4)).toMatch(/缺少违法行为名称/);
    expect(reasons.get(5)).toMatch(/法定处罚幅度无法解析/);
    expect(reasons.get(6)).toMatch(/下限大于上限/);
    expect(reasons.get(7)).toMatch(/无法识别的当事人类型「路人」/);
    expect(reasons.get(8)).toMatch(/列数为13，应为12/);
    expect(reasons.get(9)).toMatch(/处罚标准（1000元）低于法定处罚幅度下限（2000元）/);
    expect(reasons.get(10)).toMatch(/与第3行重复/);
    expect(reasons.get(11)).toMatch(/与第3行属同一违法行为，但「法定处罚幅度」不一致/);
    expect(reasons.get(12)).toMatch(/缺少罚则条款/);
    expect(reasons.get(13)).toMatch(/处罚标准无法解析/);
    expect(result.stats).toEqual({ rows: 12, rules: 2, items: 1, rejected: 10 });
    expect(result.items[0]?.tiers.map((t) => t.name)).toEqual(['情节较轻', '情节严重']);
  });

  it('rejects a file whose header lacks required columns', () => {
    const result = parseBenchmarkCsv('序号,违法行为\n1,乱扔垃圾\n');
    expect(result.items).toEqual([]);
    expect(result.rejected).toEqual([{ row: 1, reason: expect.stringMatching(/表头缺少列：source、罚则条款/) as string }]);
  });

  it('reports a broken quote instead of dropping the rest silently', () => {
    const result = parseBenchmarkCsv(`${benchmarkHeader}\n"未闭合,1,2\n`);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]?.reason).toMatch(/CSV格式错误/);
  });

  it('numbers rows by their line in the file, across comments and multi-line cells', () => {
    const { records } = readCsvRecords('# a\r\n# b\nh1,h2\r\n"x\ny",1\n\n# c\nz,2\n');
    expect(records.map((r) => r.row)).toEqual([3, 4, 8]);
  });

  it('exports in the same layout and re-imports to the same items', () => {
    const first = parseBenchmarkCsv(benchmarkCsv);
    const csv = benchmarksToCsv(first.items, ['来源：测试']);
    expect(csv.startsWith('# 来源：测试\r\n' + benchmarkHeader + '\r\n')).toBe(true);
    const again = parseBenchmarkCsv(csv);
    expect(again.rejected).toEqual([]);
    expect(again.items).toEqual(first.items);
  });
});

describe('parseExemptionCsv', () => {
  it('loads the inline real exemption rows and round-trips them', () => {
    const result = parseExemptionCsv(exemptionCsv);
    expect(result.rejected).toEqual([]);
    expect(result.items.map((i) => i.type)).toEqual(['minorFirst', 'firstViolation', 'firstViolation', 'firstViolation', 'statutoryGrounds', 'educationInstead', 'firstViolation']);
    for (const item of result.items) expect(ExemptionItemSchema.safeParse(item).success).toBe(true);
    expect(result.items.at(-1)?.commitmentRequired).toBe(true);
    expect(parseExemptionCsv(exemptionsToCsv(result.items)).items).toEqual(result.items);
  });

  it('rejects unknown exemption types and missing matters', () => {
    const text = ['source,source_url,序号,事项,依据,免罚类型,适用条件,备注', '某市,,1,乱扔垃圾,,随便不罚,及时改正的,', '某市,,2,,,首违不罚,及时改正的,'].join('\n');
    const result = parseExemptionCsv(text);
    expect(result.rejected).toEqual([
      { row: 2, reason: expect.stringMatching(/无法识别的免罚类型「随便不罚」/) as string },
      { row: 3, reason: expect.stringMatching(/缺少免罚事项/) as string },
    ]);
  });
});

describe.skipIf(!existsSync(sharedBenchmarks))('the shared benchmark file (shared/data/discretion-benchmarks.csv)', () => {
  const text = existsSync(sharedBenchmarks) ? readFileSync(sharedBenchmarks, 'utf8') : '';
  const result = parseBenchmarkCsv(text);

  it('loads at least 190 rules (one rule = one violation × tier row) and lists every rejected row with its reason', () => {
    expect(result.stats.rules).toBeGreaterThanOrEqual(190);
    expect(result.stats.rows).toBe(214);
    expect(result.stats.rules + result.stats.rejected).toBe(result.stats.rows);
    // Every rejection names a data line of the file, in the order of the file.
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    for (const r of result.rejected) {
      expect(lines[r.row - 1]?.startsWith('#')).toBe(false);
      expect(r.reason.length).toBeGreaterThan(0);
    }
    expect(result.rejected).toEqual([
      // 深圳2023 序号27 情节较轻: the transcription says 处一千元罚款 under a 2000–5000 statutory range.
      { row: 86, reason: '处罚标准（1000元）低于法定处罚幅度下限（2000元）' },
      // The unnamed-city 裁量细则 excerpt has no 罚则 and packs several sub-cases into one standard.
      { row: 218, reason: expect.stringMatching(/^缺少罚则条款.*处罚标准无法解析：无法理解「当事人自行纠正的」$/) as string },
      { row: 219, reason: expect.stringMatching(/^缺少罚则条款.*处罚标准无法解析：无法理解「未纠正或纠正未达到要求的」$/) as string },
      { row: 220, reason: expect.stringMatching(/^缺少罚则条款/) as string },
    ]);
    expect(result.stats).toMatchObject({ rules: 210, items: 69 });
  });

  it('exports rows identical to the accepted rows of the file, and re-imports identically', () => {
    const { records } = readCsvRecords(text);
    const rejectedRows = new Set(result.rejected.map((r) => r.row));
    const accepted = records.filter((r) => !rejectedRows.has(r.row)).map((r) => r.cells.map((c) => c.trim()));
    expect(benchmarksToRows(result.items)).toEqual(accepted);
    const again = parseBenchmarkCsv(benchmarksToCsv(result.items));
    expect(again.rejected).toEqual([]);
    expect(again.items).toEqual(result.items);
  });

  it('is bundled verbatim under src/domain/discretion/data for runtime use', () => {
    expect(readFileSync(bundledBenchmarks, 'utf8')).toBe(text);
    expect(readFileSync(bundledExemptions, 'utf8')).toBe(readFileSync(sharedExemptions, 'utf8'));
  });
});

describe.skipIf(!existsSync(sharedExemptions))('the shared exemption file (shared/data/first-violation-exemptions.csv)', () => {
  it('loads every row', () => {
    const result = parseExemptionCsv(readFileSync(sharedExemptions, 'utf8'));
    expect(result.rejected).toEqual([]);
    expect(result.stats).toEqual({ rows: 24, items: 24, rejected: 0 });
  });
});

describe('the bundled copies', () => {
  it('parse on their own, without the shared folder', () => {
    expect(parseBenchmarkCsv(readFileSync(bundledBenchmarks, 'utf8')).stats.rules).toBeGreaterThanOrEqual(190);
    expect(parseExemptionCsv(readFileSync(bundledExemptions, 'utf8')).stats.items).toBe(24);
  });
});

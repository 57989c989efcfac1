import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { applyBenchmark } from './case-penalty.ts';
import { parseBenchmarkCsv } from './csv.ts';
import { benchmarkCsv } from './fixtures.ts';
import type { BenchmarkItem, CaseFacts } from './model.ts';

const { items } = parseBenchmarkCsv(benchmarkCsv);
const item = (code: string, source = '2023年版'): BenchmarkItem => {
  const found = items.find((i) => i.code === code && i.source.name.includes(source));
  if (!found) throw new Error(`fixture item ${source} ${code} missing`);
  return found;
};
// 深圳2023 序号2: 商场、门店超出门、窗外墙摆卖… — 不予处罚 / 1000 / 3000 / 5000元 by repeat count.
const shopFront = item('2');
// 深圳2023 序号30: 立体绿化 — per m² 500 / 1000 / 2000元.
const greenery = item('30');
const org = (facts: Partial<CaseFacts> = {}): CaseFacts => ({ partyKind: 'organization', ...facts });

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('applyBenchmark — a proposal inside the range (《行政处罚法》第三十四条)', () => {
  it('records tier and range in 分, and keeps no outside-range reason', () => {
    const applied = applyBenchmark(shopFront, org({ repeatCountPastYear: 0 }), { fineFen: 100_000, outsideRangeReason: null });
    expect(applied.tier).toBe('情节较轻');
    expect(applied.rangeFen).toEqual({ minFen: 100_000, maxFen: 100_000 });
    expect(applied.check).toMatchObject({ withinRange: true, requiresLegalReview: false });
    expect(applied.outsideRangeReason).toBeNull();
    expect(applied.citation).toBe('《深圳市城市管理行政处罚裁量权实施标准（2023年版）》序号2「商场、门店超出门、窗外墙摆卖、经营不符合规范且拒不改正」');
  });

  it('drops a reason written for a fine that is inside the range: it needs no legal review', () => {
    const applied = applyBenchmark(shopFront, org({ repeatCountPastYear: 1 }), { fineFen: 300_000, outsideRangeReason: '当事人经营困难，请求从轻处理。' });
    expect(applied.tier).toBe('情节较重');
    expect(applied.outsideRangeReason).toBeNull();
  });

  it('computes a per-unit range from the area (深圳2023 序号30, 35 m² first time → 17,500元)', () => {
    const applied = applyBenchmark(greenery, org({ repeatCountPastYear: 0, quantities: { area_m2: 35 } }), { fineFen: 1_750_000, outsideRangeReason: null });
    expect(applied.rangeFen).toEqual({ minFen: 1_750_000, maxFen: 1_750_000 });
  });
});

describe('applyBenchmark — outside the range (国办发〔2022〕27号: written reason and legal review)', () => {
  it('refuses without a reason, naming the item, the tier and the range', () => {
    const error = refusal(() => applyBenchmark(shopFront, org({ repeatCountPastYear: 0 }), { fineFen: 300_000, outsideRangeReason: null }));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.message).toContain('序号2「商场、门店超出门、窗外墙摆卖、经营不符合规范且拒不改正」「情节较轻」阶次');
    expect(error.message).toContain('拟罚款3000元高于裁量基准确定的幅度（1000元至1000元），须书面说明理由');
    expect(error.details?.article).toContain('第三十四条');
  });

  it('refuses a reason one character short of the minimum, accepts one of exactly the minimum', () => {
    expect(refusal(() => applyBenchmark(shopFront, org({ repeatCountPastYear: 0 }), { fineFen: 300_000, outsideRangeReason: '一二三四五六七八九' })).code).toBe('RULE_VIOLATION');
    const applied = applyBenchmark(shopFront, org({ repeatCountPastYear: 0 }), { fineFen: 300_000, outsideRangeReason: '一二三四五六七八九十' });
    expect(applied.check).toMatchObject({ withinRange: false, requiresLegalReview: true });
    expect(applied.outsideRangeReason).toBe('一二三四五六七八九十');
    expect(applied.rangeFen).toEqual({ minFen: 100_000, maxFen: 100_000 });
  });

  it('refuses above the statutory maximum even with a reason', () => {
    const error = refusal(() => applyBenchmark(shopFront, org({ repeatCountPastYear: 0 }), { fineFen: 600_000, outsideRangeReason: '当事人屡教不改，影响恶劣，应当从重。' }));
    expect(error.message).toContain('超过法定处罚幅度上限5000元');
  });
});

describe('applyBenchmark — no penalty', () => {
  it('第三十三条第一款: the 不予处罚 tier refuses a penalty proposal', () => {
    const error = refusal(() => applyBenchmark(shopFront, org({ violationMinor: true, corrected: true, repeatCountPastYear: 0 }), { fineFen: 100_000, outsideRangeReason: null }));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.message).toContain('「情节轻微」阶次');
    expect(error.message).toContain('应当不予行政处罚');
    expect(error.details?.article).toBe('《行政处罚法》第三十三条第一款');
  });

  it('第三十条: a person under 14 gets no penalty, not even a warning; at exactly 14 the benchmark applies', () => {
    const facts = (age: number): CaseFacts => ({ partyKind: 'person', age, repeatCountPastYear: 0 });
    const error = refusal(() => applyBenchmark(shopFront, facts(13), { fineFen: null, outsideRangeReason: null }));
    expect(error.details?.article).toBe('《行政处罚法》第三十条');
    expect(applyBenchmark(shopFront, facts(14), { fineFen: 100_000, outsideRangeReason: null }).tier).toBe('情节较轻');
  });
});

describe('applyBenchmark — facts missing', () => {
  it('refuses with VALIDATION when no tier can be determined, naming the item', () => {
    const error = refusal(() => applyBenchmark(shopFront, org(), { fineFen: 100_000, outsideRangeReason: null }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/^依据《深圳市城市管理行政处罚裁量权实施标准（2023年版）》序号2/);
    expect(error.message).toContain('尚未确定裁量阶次');
  });

  it('refuses with VALIDATION when a per-unit quantity is missing', () => {
    const error = refusal(() => applyBenchmark(greenery, org({ repeatCountPastYear: 0 }), { fineFen: 1_750_000, outsideRangeReason: null }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('面积');
  });
});

import { describe, expect, it } from 'vitest';
import { parseBenchmarkCsv, parseExemptionCsv } from './csv.ts';
import { benchmarkCsv, exemptionCsv } from './fixtures.ts';
import { diffBenchmarkItems, diffExemptionItems } from './version-diff.ts';
import { checkEffectiveDate, versionState, withdrawalEnd } from './versions.ts';

const items = parseBenchmarkCsv(benchmarkCsv).items;

describe('the diff of a draft against the version in force', () => {
  it('lists items added, removed and changed with the fields that changed, matching items by name', () => {
    const [first, second, ...rest] = items;
    const revised = {
      ...second!,
      code: '2-1',
      tiers: second!.tiers.map((t, i) => (i === 1 ? { ...t, standard: { ...t.standard, text: '处一千五百元罚款。' } } : t)),
    };
    // Renamed only by punctuation and width: the same violation.
    const reworded = { ...rest[0]!, name: `${rest[0]!.name.replace('、', ',')}` };
    const diff = diffBenchmarkItems([first!, second!, rest[0]!, rest[1]!], [revised, reworded, rest[2]!]);
    expect(diff.added.map((i) => i.name)).toEqual([rest[2]!.name]);
    expect(diff.removed.map((i) => i.name)).toEqual([first!.name, rest[1]!.name]);
    expect(diff.changed).toEqual([
      { code: '2-1', previousCode: second!.code, name: second!.name, fields: ['序号', '处罚标准'] },
      { code: rest[0]!.code, previousCode: rest[0]!.code, name: reworded.name, fields: ['违法行为'] },
    ]);
    expect(diff.unchanged).toBe(0);
    expect(diffBenchmarkItems([first!], [first!])).toEqual({ added: [], removed: [], changed: [], unchanged: 1 });
  });

  it('is all added when nothing is in force', () => {
    expect(diffBenchmarkItems([], items)).toMatchObject({ removed: [], changed: [], unchanged: 0 });
    expect(diffBenchmarkItems([], items).added).toHaveLength(items.length);
  });

  it('compares exemption items by matter', () => {
    const list = parseExemptionCsv(exemptionCsv).items;
    const changed = { ...list[1]!, conditionText: `${list[1]!.conditionText}（修订）` };
    const diff = diffExemptionItems(list.slice(0, 3), [list[0]!, changed]);
    expect(diff).toMatchObject({ added: [], unchanged: 1 });
    expect(diff.removed.map((i) => i.name)).toEqual([list[2]!.matter]);
    expect(diff.changed.map((c) => c.fields)).toEqual([['适用条件']]);
  });
});

describe('confirming and withdrawing a version', () => {
  it('《行政处罚法》第三十四条: a benchmark takes effect only once public, so no effective date before today', () => {
    // Calendar days: 2026-10-01 is 国庆节, a benchmark may still take effect on it.
    expect(() => checkEffectiveDate('2026-10-01', '2026-09-30', false)).not.toThrow();
    expect(() => checkEffectiveDate('2026-09-30', '2026-09-30', false)).not.toThrow();
    expect(() => checkEffectiveDate('2026-09-29', '2026-09-30', false)).toThrow(/早于今天（2026-09-30）.*第三十四条/);
    // The system records historical benchmarks as they were.
    expect(() => checkEffectiveDate('2023-12-15', '2026-09-30', true)).not.toThrow();
    expect(() => checkEffectiveDate('2026-02-30', '2026-01-01', false)).toThrow(/真实日期/);
  });

  it('names the state of each version', () => {
    const v = (status: 'draft' | 'confirmed' | 'discarded' | 'withdrawn', effectiveFrom: string) => ({ status, effectiveFrom });
    expect(versionState(v('draft', '2026-01-01'), '2026-05-01', false)).toBe('draft');
    expect(versionState(v('confirmed', '2026-06-01'), '2026-05-01', false)).toBe('scheduled');
    expect(versionState(v('confirmed', '2026-01-01'), '2026-05-01', true)).toBe('inForce');
    expect(versionState(v('confirmed', '2026-01-01'), '2026-05-01', false)).toBe('superseded');
    expect(versionState(v('withdrawn', '2026-01-01'), '2026-05-01', false)).toBe('withdrawn');
  });

  it('a withdrawn version in force ends on the withdrawal day; a scheduled one never starts; others cannot be withdrawn', () => {
    const confirmed = (effectiveFrom: string) => ({ status: 'confirmed' as const, effectiveFrom });
    expect(withdrawalEnd(confirmed('2026-01-01'), 'inForce', '2026-05-06')).toBe('2026-05-06');
    expect(withdrawalEnd(confirmed('2026-06-01'), 'scheduled', '2026-05-06')).toBe('2026-06-01');
    expect(() => withdrawalEnd(confirmed('2025-01-01'), 'superseded', '2026-05-06')).toThrow('只能撤回现行或待施行的版本，该版本已被替代');
    expect(() => withdrawalEnd({ status: 'draft', effectiveFrom: '2026-06-01' }, 'draft', '2026-05-06')).toThrow(/草稿/);
  });
});

import { describe, expect, it } from 'vitest';
import type { DecidedCase } from './consistency.ts';
import { median, reviewConsistency, similarCases } from './consistency.ts';

const decided = (caseId: string, fine: number, extra: Partial<DecidedCase> = {}): DecidedCase => ({
  caseId,
  violationCode: 'sz-30',
  tierName: '情节较重',
  fine,
  range: { min: fine, max: fine },
  ...extra,
});

describe('reviewConsistency (同案同罚)', () => {
  it('flags a fine outside the range its tier gave', () => {
    const report = reviewConsistency([decided('A', 12000, { range: { min: 10000, max: 10000 } })]);
    expect(report.flags).toEqual([
      { caseId: 'A', violationCode: 'sz-30', tierName: '情节较重', kind: 'outsideRange', fine: 12000, message: '罚款12000元超出「情节较重」阶次幅度（10000元至10000元）' },
    ]);
  });

  it('flags a fine far from its peers: beyond 2 MADs and beyond 20% of the median', () => {
    const range = { min: 1000, max: 3000 };
    const cases = [1800, 2000, 2000, 2100, 2200, 2900].map((fine, i) => decided(`C${i}`, fine, { range }));
    const report = reviewConsistency(cases);
    expect(report.flags.map((f) => [f.caseId, f.kind])).toEqual([['C5', 'peerOutlier']]);
    const group = report.groups[0];
    expect(group?.caseCount).toBe(6);
    expect(group?.medianFine).toBe(2050);
  });

  it('does not flag small differences when all peers agree (MAD = 0): the 20% threshold holds', () => {
    const range = { min: 1000, max: 3000 };
    const cases = [2000, 2000, 2000, 2000, 2300].map((fine, i) => decided(`D${i}`, fine, { range }));
    expect(reviewConsistency(cases).flags).toEqual([]);
    const farther = [2000, 2000, 2000, 2000, 2500].map((fine, i) => decided(`E${i}`, fine, { range }));
    expect(reviewConsistency(farther).flags.map((f) => f.caseId)).toEqual(['E4']);
  });

  it('compares per-unit tiers as a share of each case’s own range (35 m² and 10 m² at the same rate agree)', () => {
    const cases = [
      decided('F1', 35000, { range: { min: 35000, max: 35000 } }),
      decided('F2', 10000, { range: { min: 10000, max: 10000 } }),
      decided('F3', 20000, { range: { min: 20000, max: 20000 } }),
    ];
    expect(reviewConsistency(cases).flags).toEqual([]);
  });

  it('leaves groups below three cases uncompared, and keeps tiers and violations apart', () => {
    const range = { min: 1000, max: 3000 };
    const report = reviewConsistency([
      decided('G1', 1000, { range }),
      decided('G2', 3000, { range }),
      decided('H1', 1000, { range, tierName: '情节严重' }),
      decided('I1', 3000, { range, violationCode: 'sz-1' }),
    ]);
    expect(report.flags).toEqual([]);
    expect(report.groups.map((g) => [g.violationCode, g.tierName, g.caseCount, g.compared])).toEqual([
      ['sz-30', '情节较重', 2, false],
      ['sz-30', '情节严重', 1, false],
      ['sz-1', '情节较重', 1, false],
    ]);
  });

  it('computes medians of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('similarCases', () => {
  const past = [
    decided('same-tier-near', 30000, { tierCode: 't2', partyKind: 'person', quantities: { area_m2: 30 }, decidedOn: '2024-03-01' }),
    decided('same-tier-far', 100000, { tierCode: 't2', partyKind: 'person', quantities: { area_m2: 100 }, decidedOn: '2024-05-01' }),
    decided('other-tier', 17500, { tierCode: 't1', tierName: '情节较轻', partyKind: 'person', quantities: { area_m2: 35 }, decidedOn: '2024-06-01' }),
    decided('other-violation', 2000, { violationCode: 'sz-1', tierCode: 'x', partyKind: 'person', decidedOn: '2024-07-01' }),
  ];

  it('ranks by violation, then tier, then quantities, then party kind', () => {
    const ranked = similarCases({ violationCode: 'sz-30', tierCode: 't2', partyKind: 'person', quantities: { area_m2: 35 } }, past, 3);
    expect(ranked.map((r) => r.case.caseId)).toEqual(['same-tier-near', 'same-tier-far', 'other-tier']);
    expect(ranked[0]?.reasons).toEqual(['同一违法行为', '同一裁量阶次（情节较重）', '数量相近（面积30平方米）', '当事人同为个人']);
  });

  it('breaks ties by the more recent decision', () => {
    const twins = [decided('old', 1000, { decidedOn: '2023-01-01' }), decided('new', 1000, { decidedOn: '2024-01-01' })];
    expect(similarCases({ violationCode: 'sz-30', tierName: '情节较重' }, twins, 2).map((r) => r.case.caseId)).toEqual(['new', 'old']);
  });
});

import { describe, expect, it } from 'vitest';
import { expectRule } from '../test-support.ts';
import { canonicalPool, poolDigest } from './draw.ts';
import { assertSeedPublished, type DrawProof, drawOfficers, drawSubjects, inPool, planInput, RANDOM_BASIS, verifyProof } from './plan.ts';

const seed = '2026年度东湖区城管局双随机抽查-种子-7f3a9c';
const subjects = Array.from({ length: 40 }, (_, i) => `9135010${String(i).padStart(10, '0')}X`);
const officers = ['35010020260001', '35010020260002', '35010020260003', '35010020260004', '35010020260005'];

function proof(): DrawProof {
  const s = drawSubjects(seed, 'CG-001', subjects, { ratioPercent: 10 });
  return {
    algorithm: 'fazhi-draw-v1',
    planId: 1,
    seed,
    seedPublishedAt: '2026-03-02T01:00:00.000Z',
    drawnAt: '2026-03-05T02:00:00.000Z',
    items: [
      {
        itemCode: 'CG-001',
        rule: { ratioPercent: 10 },
        pool: canonicalPool(subjects),
        poolDigest: s.poolDigest,
        drawn: s.drawn,
        officers: s.drawn.map((subject, i) => {
          const setAside = i === 0 ? [drawOfficers(seed, 'CG-001', subject, officers, 2).drawn[0]!] : [];
          const o = drawOfficers(seed, 'CG-001', subject, officers, 2, setAside);
          return { subject, pool: canonicalPool(officers), poolDigest: o.poolDigest, count: 2, setAside, drawn: o.drawn };
        }),
      },
    ],
  };
}

describe(`${RANDOM_BASIS}: the 双随机 plan and its public proof`, () => {
  it('the seed is published before the draw, and the draw happens after it', () => {
    expectRule(() => assertSeedPublished({ seed: null, seedPublishedAt: null }, new Date('2026-03-05T02:00:00Z')), RANDOM_BASIS);
    expectRule(() => assertSeedPublished({ seed, seedPublishedAt: new Date('2026-03-05T02:00:00Z') }, new Date('2026-03-05T02:00:00Z')), RANDOM_BASIS);
    expect(assertSeedPublished({ seed, seedPublishedAt: new Date('2026-03-02T01:00:00Z') }, new Date('2026-03-05T02:00:00Z'))).toBe(seed);
  });

  it('a published proof re-runs from its seed and pool digest to the same subjects and officers (10 % of 40 = 4)', () => {
    const p = proof();
    expect(p.items[0]!.drawn).toHaveLength(4);
    expect(p.items[0]!.poolDigest).toBe(poolDigest(canonicalPool(subjects)));
    expect(verifyProof(p)).toEqual([]);
    // The recorded re-draw for a conflict of interest is part of the proof and re-runs too.
    expect(p.items[0]!.officers[0]!.setAside).toHaveLength(1);
    expect(p.items[0]!.officers[0]!.drawn).not.toContain(p.items[0]!.officers[0]!.setAside[0]);
  });

  it('a proof altered in any part fails, saying where', () => {
    const swapped = proof();
    swapped.items[0]!.drawn[0] = subjects.find((s) => !swapped.items[0]!.drawn.includes(s))!;
    expect(verifyProof(swapped)).toEqual(['事项 CG-001：抽中的检查对象与重新抽取的结果不一致']);
    const pool = proof();
    pool.items[0]!.pool = [...pool.items[0]!.pool.slice(1), '91350100000000099X'];
    expect(verifyProof(pool)[0]).toContain('名录摘要不符');
    const late = proof();
    late.seedPublishedAt = late.drawnAt;
    expect(verifyProof(late)).toContain('种子公布时间不早于抽取时间');
    const officer = proof();
    officer.items[0]!.officers[1]!.drawn.reverse();
    expect(verifyProof(officer)).toEqual([`事项 CG-001 对象 ${officer.items[0]!.officers[1]!.subject}：选派的执法人员与重新抽取的结果不一致`]);
  });

  it('the plan input: items with a ratio or a count, at least two officers; the pool filter', () => {
    const plan = planInput.parse({ year: 2026, name: '2026年度双随机抽查计划', items: [{ itemId: 3, rule: { ratioPercent: 3 } }], officerIds: [7, 8] });
    expect(plan.officersPerSubject).toBe(2);
    expect(planInput.safeParse({ ...plan, officerIds: [7] }).error?.issues[0]?.message).toBe('执法人员名录至少 2 人');
    expect(inPool({ kinds: ['enterprise'], riskClasses: ['C', 'D'], categories: [] }, { creditCode: 'x', kind: 'enterprise', riskClass: 'D', category: '餐饮' })).toBe(true);
    expect(inPool({ kinds: ['enterprise'], riskClasses: ['C', 'D'], categories: [] }, { creditCode: 'x', kind: 'enterprise', riskClass: 'A', category: '餐饮' })).toBe(false);
    expect(() => drawOfficers(seed, 'CG-001', subjects[0]!, officers.slice(0, 1), 2)).toThrow('执法人员名录只有 1 人');
  });
});

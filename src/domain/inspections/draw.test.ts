import { describe, expect, it } from 'vitest';
import { sm3 } from '../audit/digest.ts';
import { DRAW_ALGORITHM, canonicalPool, draw, drawCount, poolDigest } from './draw.ts';

const seed = '2026-双随机-东湖区城管局-第1次';
const pool = ['91350100M000100Y43', '91350100M000200Y2X', '92350102MA2Y0AAA1B', '91350103MA2XYZ0000', '91350104MA31234567', '91350105MA3ABCDEF1'];

describe(`the 双随机 draw (${DRAW_ALGORITHM}, 《优化营商环境条例》第五十四条): anyone re-runs it from the published seed and pool`, () => {
  it('is pinned: this seed and pool always give these subjects (a re-implementation of the documented algorithm must match)', () => {
    const result = draw({ seed, purpose: 'subjects:CG-001', pool, count: 3 });
    expect(result).toEqual({
      algorithm: 'fazhi-draw-v1',
      purpose: 'subjects:CG-001',
      poolSize: 6,
      poolDigest: '2f8a0ac52d054bc4365d9a5244a76d8bd31275c64ad108d1bb27cfcaba8b1481',
      drawn: ['91350105MA3ABCDEF1', '91350100M000200Y2X', '91350104MA31234567'],
      replacements: [],
    });
    // The digest is SM3 over the sorted codes joined by newlines, as documented.
    expect(result.poolDigest).toBe(sm3([...pool].sort().join('\n')));
  });

  it('re-running from the seed and the pool in any order gives the same result', () => {
    const first = draw({ seed, purpose: 'subjects:CG-001', pool, count: 3 });
    const again = draw({ seed, purpose: 'subjects:CG-001', pool: [...pool].reverse().map((c) => ` ${c.toLowerCase()} `), count: 3 });
    expect(again).toEqual(first);
  });

  it('changing one subject of the pool changes the digest', () => {
    const changed = [...pool.slice(0, 5), '91350106MA3ABCDEF2'];
    expect(poolDigest(canonicalPool(changed))).not.toBe(poolDigest(canonicalPool(pool)));
  });

  it('another seed or another purpose draws independently', () => {
    const base = draw({ seed, purpose: 'subjects:CG-001', pool, count: 3 }).drawn;
    const results = ['subjects:CG-002', 'officers:CG-001'].map((purpose) => draw({ seed, purpose, pool, count: 3 }).drawn);
    results.push(draw({ seed: `${seed}x`, purpose: 'subjects:CG-001', pool, count: 3 }).drawn);
    expect(results.some((r) => r.join() !== base.join())).toBe(true);
  });

  it('every subject is equally likely: over 4,000 seeds each of 4 subjects is drawn alone about 1,000 times', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4000; i++) {
      const [one] = draw({ seed: `seed-${i}`, purpose: 'subjects:x', pool: ['A', 'B', 'C', 'D'], count: 1 }).drawn;
      counts.set(one!, (counts.get(one!) ?? 0) + 1);
    }
    for (const n of counts.values()) expect(n).toBeGreaterThan(900);
    for (const n of counts.values()) expect(n).toBeLessThan(1100);
  });

  it('an officer with a conflict of interest is replaced by the next of the shuffle, recorded, and the re-draw is reproducible', () => {
    const officers = ['A1', 'B2', 'C3', 'D4', 'E5'];
    const first = draw({ seed, purpose: 'officers:CG-001', pool: officers, count: 2 });
    const conflicted = first.drawn[0]!;
    const redraw = draw({ seed, purpose: 'officers:CG-001', pool: officers, count: 2, setAside: [conflicted] });
    expect(redraw.drawn).not.toContain(conflicted);
    expect(redraw.drawn[1]).toBe(first.drawn[1]);
    expect(redraw.replacements).toEqual([{ setAside: conflicted, replacedBy: redraw.drawn[0] }]);
    expect(draw({ seed, purpose: 'officers:CG-001', pool: officers, count: 2, setAside: [conflicted] })).toEqual(redraw);
    expect(() => draw({ seed, purpose: 'officers:CG-001', pool: officers, count: 2, setAside: [officers.find((o) => !first.drawn.includes(o))!] })).toThrow('不在本次抽取结果中');
  });

  it('a pool with duplicates or blanks, a blank seed, a bad count: refused in Chinese', () => {
    expect(() => draw({ seed, purpose: 'p', pool: ['A', 'a'], count: 1 })).toThrow('抽取名录中有重复的编码：A');
    expect(() => draw({ seed, purpose: 'p', pool: ['A', ' '], count: 1 })).toThrow('抽取名录中有空白的编码');
    expect(() => draw({ seed: ' ', purpose: 'p', pool, count: 1 })).toThrow('请先公布抽取种子');
    expect(() => draw({ seed, purpose: 'p', pool, count: -1 })).toThrow('抽取数量应为不小于 0 的整数');
  });

  it('draws the whole pool when it is smaller than the count; counts are a ratio rounded up or a fixed number', () => {
    expect(draw({ seed, purpose: 'p', pool, count: 10 }).drawn.sort()).toEqual([...pool].sort());
    expect(drawCount(1000, { ratioPercent: 3 })).toBe(30);
    expect(drawCount(101, { ratioPercent: 3 })).toBe(4);
    expect(drawCount(2, { count: 5 })).toBe(2);
  });
});

describe('the pool digest at scale', () => {
  it('is SM3 over the sorted codes joined by newlines, however many (fed in slices)', () => {
    const pool = Array.from({ length: 20_000 }, (_, i) => `CODE${String(i).padStart(6, '0')}`);
    expect(poolDigest(pool)).toBe(sm3(pool.join('\n')));
    expect(poolDigest([])).toBe(sm3(''));
    expect(poolDigest(['A'])).toBe(sm3('A'));
  });
  it('gives the same draw from a pool in order (only checked) as from the same pool in any order (sorted first)', () => {
    const codes = Array.from({ length: 5000 }, (_, i) => `91${String(i * 7919 % 100000).padStart(6, '0')}MA${String(i).padStart(7, '0')}X`);
    const shuffled = codes.slice().reverse();
    const sorted = canonicalPool(codes);
    expect(draw({ seed, purpose: 'p', pool: shuffled, count: 50 })).toEqual(draw({ seed, purpose: 'p', pool: sorted, count: 50 }));
    expect(canonicalPool(shuffled)).toEqual(sorted);
  });
});

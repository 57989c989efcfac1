/**
 * The 双随机 draw (随机抽取检查对象、随机选派执法检查人员, 《优化营商环境条例》第五十四条), made so that anyone can re-run it.
 *
 * Algorithm `fazhi-draw-v1`, documented here and in docs/INSPECTIONS.md so a third party can re-implement it:
 * 1. The pool is a set of identifiers (a subject's 统一社会信用代码, an officer's 执法证号): trimmed, upper case, no
 *    duplicates, sorted by UTF-16 code units (JavaScript's default sort; for these ASCII codes the same as byte order).
 * 2. Pool digest = SM3 over the sorted identifiers joined by "\n" (no trailing newline), lower-case hex.
 * 3. A stream of random numbers: block k (k = 0, 1, …) is SM3 over the UTF-8 text `${seed}|${poolDigest}|${purpose}|${k}`;
 *    each block gives five 48-bit numbers (hex characters 0–11, 12–23, …, 48–59; the last 4 are unused).
 * 4. A number below n is drawn by rejection: with limit = floor(2^48 / n) · n, a 48-bit value v < limit gives v mod n;
 *    a value ≥ limit is skipped (so every index is exactly equally likely).
 * 5. The sorted pool is shuffled by Fisher–Yates from the front: for position i = 0, 1, …, the element at i is swapped with
 *    the one at i + draw(n − i). The draw is the first `count` positions; replacements (an officer with a conflict of
 *    interest) are the next positions, in order.
 * The seed is fixed and published before the draw; with the same seed, pool and purpose the result is always the same,
 * and changing one identifier of the pool changes the digest and so the result.
 */
import { createHash } from 'node:crypto';
import { sm3 } from '../audit/digest.ts';
import { validationError } from '../errors.ts';

export const DRAW_ALGORITHM = 'fazhi-draw-v1';

const TWO_48 = 2 ** 48;

/** The pool in canonical order (step 1); duplicates and blanks are refused, naming them. */
export function canonicalPool(ids: readonly string[], label = '抽取名录'): string[] {
  // Sorting first and comparing neighbours finds duplicates without a set of a million strings. A pool that comes
  // already in order (the service reads it sorted; a published proof is sorted) is only checked, not sorted again:
  // the sort is most of the draw's time at a million subjects (docs/PERFORMANCE.md).
  const sorted = ids.map((raw) => (CANONICAL.test(raw) ? raw : raw.trim().toUpperCase()));
  if (!inOrder(sorted)) sorted.sort();
  const duplicates: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i] === '') throw validationError(`${label}中有空白的编码`, { field: 'pool' });
    if (i > 0 && sorted[i] === sorted[i - 1] && duplicates.at(-1) !== sorted[i]) duplicates.push(sorted[i]!);
  }
  if (duplicates.length > 0) throw validationError(`${label}中有重复的编码：${duplicates.slice(0, 5).join('、')}${duplicates.length > 5 ? ` 等 ${duplicates.length} 个` : ''}`, { field: 'pool' });
  return sorted;
}
/** Already trimmed and upper case (the usual case: codes from the database). */
const CANONICAL = /^[0-9A-Z]+$/;

/** Whether `xs` is in the default sort's order (UTF-16 code units, what `<` compares). */
function inOrder(xs: readonly string[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i - 1]! > xs[i]!) return false;
  return true;
}

/** Step 2: SM3 over the sorted pool joined by newlines. */
export function poolDigest(sortedPool: readonly string[]): string {
  // The same bytes as SM3(pool.join('\n')), fed in slices: no 20 MB string for a million codes.
  const hash = createHash('sm3');
  for (let i = 0; i < sortedPool.length; i += DIGEST_SLICE) hash.update((i === 0 ? '' : '\n') + sortedPool.slice(i, i + DIGEST_SLICE).join('\n'));
  return hash.digest('hex');
}
const DIGEST_SLICE = 8192;

/** Steps 3–4: uniform integers below n from the seeded SM3 stream. */
class SeededStream {
  private block = -1;
  private values: number[] = [];
  constructor(private readonly prefix: string) {}

  private next48(): number {
    if (this.values.length === 0) {
      this.block += 1;
      const hex = sm3(`${this.prefix}|${this.block}`);
      this.values = [0, 1, 2, 3, 4].map((i) => Number.parseInt(hex.slice(i * 12, i * 12 + 12), 16));
    }
    return this.values.shift()!;
  }

  below(n: number): number {
    const limit = Math.floor(TWO_48 / n) * n;
    for (;;) {
      const v = this.next48();
      if (v < limit) return v % n;
    }
  }
}

export interface DrawInput {
  /** Published before the draw. */
  seed: string;
  /** What is drawn, e.g. `subjects:CG-001` or `officers:CG-001`: one seed serves every list of a plan. */
  purpose: string;
  pool: readonly string[];
  count: number;
  /** Drawn identifiers that are set aside (a conflict of interest), in the order they were set aside. */
  setAside?: readonly string[];
}

export interface DrawResult {
  algorithm: typeof DRAW_ALGORITHM;
  purpose: string;
  poolSize: number;
  poolDigest: string;
  /** The drawn identifiers in draw order, after replacements. */
  drawn: string[];
  /** Each set-aside identifier with the one that replaced it (the next position of the shuffle). */
  replacements: { setAside: string; replacedBy: string | null }[];
}

/** Step 5: the first `count` of the seeded shuffle, each set-aside identifier replaced by the next position. */
export function draw(input: DrawInput): DrawResult {
  if (input.seed.trim() === '') throw validationError('请先公布抽取种子', { field: 'seed' });
  if (!Number.isInteger(input.count) || input.count < 0) throw validationError('抽取数量应为不小于 0 的整数', { field: 'count' });
  const pool = canonicalPool(input.pool);
  const digest = poolDigest(pool);
  const setAside = (input.setAside ?? []).map((id) => id.trim().toUpperCase());
  const want = Math.min(input.count, pool.length);
  const stream = new SeededStream(`${input.seed}|${digest}|${input.purpose}`);
  // Only the positions needed are shuffled: the drawn ones, then one more per set-aside identifier.
  const shuffled = pool.slice();
  let positions = 0;
  const take = (): string | null => {
    if (positions >= shuffled.length) return null;
    const j = positions + stream.below(shuffled.length - positions);
    [shuffled[positions], shuffled[j]] = [shuffled[j]!, shuffled[positions]!];
    return shuffled[positions++]!;
  };
  const drawn: string[] = [];
  for (let i = 0; i < want; i++) drawn.push(take()!);
  const replacements: DrawResult['replacements'] = [];
  for (const id of setAside) {
    const at = drawn.indexOf(id);
    if (at < 0) throw validationError(`${id} 不在本次抽取结果中，无需回避替换`, { field: 'setAside' });
    const replacedBy = take();
    if (replacedBy === null) drawn.splice(at, 1);
    else drawn[at] = replacedBy;
    replacements.push({ setAside: id, replacedBy });
  }
  return { algorithm: DRAW_ALGORITHM, purpose: input.purpose, poolSize: pool.length, poolDigest: digest, drawn, replacements };
}

/** How many subjects an item's plan draws: a ratio of the pool (rounded up) or a fixed count, never more than the pool. */
export function drawCount(poolSize: number, rule: { ratioPercent: number } | { count: number }): number {
  const n = 'count' in rule ? rule.count : Math.ceil((poolSize * rule.ratioPercent) / 100);
  return Math.min(poolSize, n);
}

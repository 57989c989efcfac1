/**
 * A small seeded generator (mulberry32): the same sequence for the same seed, so the demo's plan is the same on every
 * run and a failing randomized test can be replayed. Not for anything secret (the 双随机 draw uses its own SM3 draw).
 */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

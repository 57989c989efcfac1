import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalPool, poolDigest } from '../domain/inspections/draw.ts';
import { type DrawProof, drawOfficers, drawSubjects } from '../domain/inspections/plan.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function fazhi(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', [path.join(repoRoot, 'bin', 'fazhi.js'), ...args], { cwd: repoRoot }, (error, stdout, stderr) => {
      resolve({ code: error && typeof error.code === 'number' ? error.code : error ? 1 : 0, stdout, stderr });
    });
  });
}

/** A proof as the portal publishes it, made with the domain's draw (what the server runs). */
function proofOf(seed: string): DrawProof {
  const pool = canonicalPool(Array.from({ length: 40 }, (_, i) => `91539902MA6K${String(i).padStart(5, '0')}X`));
  const officers = canonicalPool(['53990219000200', '53990219000201', '53990219000202', '53990219000101']);
  const subjects = drawSubjects(seed, 'CG-001', pool, { ratioPercent: 5 });
  return {
    algorithm: 'fazhi-draw-v1',
    planId: 7,
    seed,
    seedPublishedAt: '2026-09-01T02:00:00.000Z',
    drawnAt: '2026-09-02T02:00:00.000Z',
    items: [
      {
        itemCode: 'CG-001',
        rule: { ratioPercent: 5 },
        pool,
        poolDigest: poolDigest(pool),
        drawn: subjects.drawn,
        officers: subjects.drawn.map((subject, k) => {
          const setAside = k === 0 ? [drawOfficers(seed, 'CG-001', subject, officers, 2).drawn[0]!] : [];
          return { subject, pool: officers, poolDigest: poolDigest(officers), count: 2, setAside, drawn: drawOfficers(seed, 'CG-001', subject, officers, 2, setAside).drawn };
        }),
      },
    ],
  };
}

describe('fazhi draw verify FILE.json', () => {
  let dir = '';
  const file = (name: string) => path.join(dir, name);
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fazhi-draw-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('re-runs a published proof offline: it matches (exit 0); one subject changed in the pool or in the result does not (exit 1)', async () => {
    const proof = proofOf('5f1c2a9e0b7d4c3a8e6f1b2d3c4a5e6f');
    // The portal's whole answer, as downloaded.
    await writeFile(file('draw.json'), JSON.stringify({ id: 7, organization: '东湖区城市管理综合行政执法大队', year: 2026, name: '抽查', algorithm: 'fazhi-draw-v1', seed: proof.seed, proof, results: [] }));
    const good = await fazhi(['draw', 'verify', file('draw.json')]);
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toContain('核验通过');
    expect(good.stdout).toContain(proof.items[0]!.poolDigest);

    const swapped = structuredClone(proof);
    swapped.items[0]!.pool[3] = '91539902MA6K99999X';
    await writeFile(file('pool.json'), JSON.stringify(swapped));
    const pool = await fazhi(['draw', 'verify', file('pool.json')]);
    expect(pool.code).toBe(1);
    expect(pool.stderr).toContain('名录摘要不符');

    const forged = structuredClone(proof);
    forged.items[0]!.drawn[0] = proof.items[0]!.pool.find((c) => !proof.items[0]!.drawn.includes(c))!;
    await writeFile(file('forged.json'), JSON.stringify(forged));
    const result = await fazhi(['draw', 'verify', file('forged.json')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('抽中的检查对象与重新抽取的结果不一致');
  }, 60_000);

  it('a file that is not a proof, or is missing, is refused in Chinese with exit 1', async () => {
    await writeFile(file('broken.json'), '{ not json');
    expect(await fazhi(['draw', 'verify', file('broken.json')])).toMatchObject({ code: 1, stderr: expect.stringContaining('不是有效的 JSON') });
    await writeFile(file('seed-only.json'), JSON.stringify({ id: 1, seed: 'abc', proof: null }));
    expect(await fazhi(['draw', 'verify', file('seed-only.json')])).toMatchObject({ code: 1, stderr: expect.stringContaining('尚未抽取') });
    expect(await fazhi(['draw', 'verify', file('nothing.json')])).toMatchObject({ code: 1, stderr: expect.stringContaining('找不到文件') });
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliFolder, cliFolder } from './testing.ts';

let folder: CliFolder;

const fazhi = (...args: string[]) => folder.fazhi(...args);

beforeAll(async () => {
  folder = await cliFolder('cases-cli', 'demo');
}, 180_000);
afterAll(() => folder.remove());

describe('fazhi cases', () => {
  it('list --json: id, code, number, state, party and deadlines of every demo case, in every state', { timeout: 120_000 }, async () => {
    const { code, stdout } = await fazhi('cases', 'list', '--json');
    expect(code).toBe(0);
    const cases = JSON.parse(stdout) as { id: number; code: string; number: string | null; state: string; party: { name: string }; deadlines: { kind: string; dueOn: string }[] }[];
    expect(cases.length).toBeGreaterThanOrEqual(20);
    for (const c of cases) {
      expect(c.code).toMatch(/^\d{10}[PJ]\d{6}[0-9A-Z]$/);
      expect(c.party.name.length).toBeGreaterThan(1);
      expect(Array.isArray(c.deadlines)).toBe(true);
    }
    const states = new Set(cases.map((c) => c.state));
    for (const s of ['clue', 'declined', 'filed', 'investigating', 'reviewing', 'notified', 'hearing', 'decided', 'served', 'enforcing', 'closed', 'archived', 'withdrawn', 'transferred', 'suspended', 'terminated']) {
      expect(states.has(s), s).toBe(true);
    }
  });

  it('show CODE prints the case in Chinese; an unknown code fails clearly', { timeout: 180_000 }, async () => {
    const list = JSON.parse((await fazhi('cases', 'list', '--json', '--state', 'archived')).stdout) as { code: string }[];
    const shown = await fazhi('cases', 'show', list[0]!.code);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`行政行为码：${list[0]!.code}`);
    expect(shown.stdout).toContain('办理记录：');
    expect(shown.stdout).toMatch(/罚决字〔2026〕\d+号/);
    const missing = await fazhi('cases', 'show', '5399022026P9999990');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('未找到');
  });
});

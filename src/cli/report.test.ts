import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliFolder, cliFolder } from './testing.ts';
import { indicatorCatalog } from '../domain/indicators/catalog.ts';
import { openPglite } from '../db/connect.ts';
import { organizations, users } from '../db/schema.ts';
import { enterManualIndicator } from '../services/indicators/manual-entries.ts';

let folder: CliFolder;
let dataDir: string;
const year = 2026;

const fazhi = (...args: string[]) => folder.fazhi(...args);

beforeAll(async () => {
  folder = await cliFolder('report-cli', 'demo');
  dataDir = folder.dir;
  // One hand-entered figure of the demo district, entered by its legal section through the service.
  const handle = await openPglite(dataDir);
  try {
    const [reviewer] = await handle.db
      .select({ id: users.id, organizationId: users.organizationId, path: organizations.path, name: users.displayName })
      .from(users)
      .innerJoin(organizations, eq(organizations.id, users.organizationId))
      .where(eq(users.username, 'reviewer.donghu'));
    const actor = { userId: reviewer!.id, organizationId: reviewer!.organizationId, organizationPath: reviewer!.path, roles: ['reviewer'] as const, displayName: reviewer!.name };
    await enterManualIndicator({ db: handle.db, clock: () => new Date(`${String(year)}-12-01T01:00:00Z`) }, actor, reviewer!.organizationId, 'law_study_sessions', { year, value: 6, sourceNote: '党组理论学习中心组记录' });
  } finally {
    await handle.close();
  }
}, 600_000);
afterAll(() => folder.remove());

interface Row {
  key: string;
  value: number | null;
  source: string;
  recordCount: number;
  note?: string;
}

describe('fazhi report indicators', () => {
  it('--json: every catalog key with its value, source (computed / hand-entered / none) and record count', { timeout: 120_000 }, async () => {
    const { code, stdout, stderr } = await fazhi('report', 'indicators', '--org', '东湖区城市管理和综合行政执法局', '--year', String(year), '--json');
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout) as { organization: { name: string }; year: number; indicators: Row[] };
    expect(out.organization.name).toBe('云城市东湖区城市管理和综合行政执法局');
    expect(out.indicators.map((r) => r.key)).toEqual(indicatorCatalog.map((e) => e.key));
    for (const r of out.indicators) {
      expect(['computed', 'hand-entered', 'none']).toContain(r.source);
      if (r.source === 'none') expect([r.value, typeof r.note]).toEqual([null, 'string']);
    }
    const byKey = new Map(out.indicators.map((r) => [r.key, r]));
    expect(byKey.get('penalty_cases')).toMatchObject({ source: 'computed' });
    expect(byKey.get('penalty_cases')!.recordCount).toBe(byKey.get('penalty_cases')!.value);
    expect(byKey.get('law_study_sessions')).toMatchObject({ value: 6, source: 'hand-entered', recordCount: 0 });
    expect(byKey.get('legal_aid_cases')).toMatchObject({ value: null, source: 'none', note: '本年度无记录（系统暂无对应台账，可手工填报）' });
  });

  it('prints the table in Chinese; an ambiguous or unknown unit and a bad year fail clearly', { timeout: 120_000 }, async () => {
    const text = await fazhi('report', 'indicators', '--org', '东湖区城市管理和综合行政执法局', '--year', String(year));
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('专题学法次数：6 次  [手工填报]');
    const ambiguous = await fazhi('report', 'indicators', '--org', '执法', '--year', String(year));
    expect([ambiguous.code, ambiguous.stderr]).toEqual([1, expect.stringContaining('请写全称或编号')]);
    const unknown = await fazhi('report', 'indicators', '--org', '不存在的单位', '--year', String(year));
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('未找到名称含“不存在的单位”的单位')]);
    const badYear = await fazhi('report', 'indicators', '--org', '1', '--year', '25');
    expect([badYear.code, badYear.stderr]).toEqual([1, expect.stringContaining('年度无效：25')]);
  });
});

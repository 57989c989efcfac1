import { existsSync, readFileSync } from 'node:fs';
import { count, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Actor, type Role, systemActor } from '../../domain/access.ts';
import { type BenchmarkItem, bundledBenchmarksUrl, bundledExemptionsUrl, parseBenchmarkCsv } from '../../domain/discretion/index.ts';
import { idNumberCheckChar } from '../../domain/validators/id-number.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { auditRecords, benchmarkItems, benchmarkSourceRows, benchmarkVersions, caseDiscretion } from '../../db/schema.ts';
import { createTestDatabase, resetTestDatabase } from '../../db/testing.ts';
import { setCaseSettings } from '../cases/case-settings.ts';
import type { CaseView } from '../cases/get-case.ts';
import { addPowerItem } from '../cases/power-list.ts';
import { registerClue } from '../cases/register-clue.ts';
import { transitionCase } from '../cases/transition-case.ts';
import type { ServiceContext } from '../context.ts';
import { createOrganization } from '../organizations.ts';
import { createUser } from '../users.ts';
import { addTestEvidence, TEST_PASSWORD, testPasswordHash } from '../testing/factories.ts';
import { verifyAudit } from '../verify-audit.ts';
import { exportBenchmarkVersion, getBenchmarkItem, getPublicBenchmarkItem, listBenchmarkItems, listBenchmarkVersions, listPublicBenchmarks } from './browse-benchmarks.ts';
import { assessCaseDiscretion } from './case-discretion.ts';
import { consistencyReport, similarCasesForCase } from './consistency.ts';
import { type ImportReport, importBenchmarks } from './import-benchmarks.ts';
import { benchmarkVersionDiff, confirmBenchmarkVersion, discardBenchmarkVersion, withdrawBenchmarkVersion } from './version-steps.ts';
import { versionsInForce } from './store.ts';
import { benchmarkTemplate } from './template.ts';
import { allPassedChecklist } from '../../domain/cases/legal-review.ts';
import { refusal } from '../../domain/test-support.ts';
import { readCaseTrail } from '../cases/case-timeline.ts';

const bundledCsv = readFileSync(bundledBenchmarksUrl, 'utf8');
const bundledExemptions = readFileSync(bundledExemptionsUrl, 'utf8');
const sharedCsv = new URL('../../../../shared/data/discretion-benchmarks.csv', import.meta.url);
const realItems = parseBenchmarkCsv(bundledCsv).items;
const shenzhen = (code: string): BenchmarkItem => realItems.find((i) => i.code === code && i.source.name.includes('2023年版'))!;
// 深圳2023 序号2 (商场、门店超出门、窗外墙摆卖…): 情节轻微 不予处罚 / 较轻 1000元 / 较重 3000元 / 严重 5000元.
const SHOP_FRONT = shenzhen('2');

let handle: DatabaseHandle;
let ctx: ServiceContext;
let now = new Date('2026-03-02T01:00:00Z');
const at = (date: string) => {
  now = new Date(`${date}T01:00:00Z`);
};

interface World {
  city: { id: number; path: string };
  district: { id: number; path: string };
  other: { id: number; path: string };
  admin: Actor;
  districtAdmin: Actor;
  otherAdmin: Actor;
  head: Actor;
  /** The city bureau's head: confirms the city's benchmark versions. */
  cityHead: Actor;
  reviewer: Actor;
  supervisor: Actor;
  officerA: Actor;
  officerB: Actor;
  shopFrontItem: number;
}
let w: World;

async function user(org: { id: number; path: string }, username: string, roles: Role[], cert: string | null = null): Promise<Actor> {
  const u = await createUser(ctx, systemActor, {
    organizationId: org.id,
    username,
    displayName: `用户${username}`,
    password: TEST_PASSWORD,
    roles,
    certificateNo: cert,
    certificateValidUntil: cert ? '2029-12-31' : null,
  }, { passwordHash: await testPasswordHash() }); // argon2 once per process, not per user
  return { userId: u.id, organizationId: org.id, organizationPath: org.path, roles, displayName: u.displayName };
}

async function buildWorld(): Promise<World> {
  const city = await createOrganization(ctx, systemActor, { name: '云城市城市管理局', kind: 'bureau', parentId: null, divisionCode: '539900' });
  const district = await createOrganization(ctx, systemActor, { name: '云城市东湖区城市管理和综合行政执法局', kind: 'district_bureau', parentId: city.id, divisionCode: '539902' });
  const brigade = await createOrganization(ctx, systemActor, { name: '东湖区城市管理综合行政执法大队', kind: 'brigade', parentId: district.id, divisionCode: '539902' });
  const other = await createOrganization(ctx, systemActor, { name: '云城市西山区城市管理和综合行政执法局', kind: 'district_bureau', parentId: city.id, divisionCode: '539903' });
  await setCaseSettings(ctx, systemActor, district.id, { documentPrefix: '云东城管' });
  const item = await addPowerItem(ctx, systemActor, {
    organizationId: district.id,
    code: 'SZ2023-002',
    name: SHOP_FRONT.name,
    violatedProvision: SHOP_FRONT.violatedProvision,
    penaltyProvision: SHOP_FRONT.penaltyProvision,
    statutoryRange: SHOP_FRONT.statutoryRange.text,
    category: '店外经营',
  });
  return {
    city,
    district,
    other,
    admin: await user(city, 'admin', ['admin']),
    districtAdmin: await user(district, 'admin.dh', ['admin']),
    otherAdmin: await user(other, 'admin.xs', ['admin']),
    head: await user(district, 'head', ['head'], '53990219000101'),
    cityHead: await user(city, 'head.city', ['head'], '53990219000109'),
    reviewer: await user(district, 'reviewer', ['reviewer'], '53990219000102'),
    supervisor: await user(city, 'supervisor', ['supervisor']),
    officerA: await user(brigade, 'wanglei', ['officer'], '53990219000201'),
    officerB: await user(brigade, 'zhaogang', ['officer'], '53990219000202'),
    shopFrontItem: item.id,
  };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => now };
});
beforeEach(async () => {
  await resetTestDatabase(handle);
  at('2026-03-01');
  w = await buildWorld();
});
afterAll(() => handle.close());


const csvFile = (text: string, fileName = 'benchmarks.csv') => ({ fileName, data: Buffer.from(text, 'utf8') });
/** A head of the version's level confirms an imported draft from its proposed date: it is then in force. */
async function confirmed(imported: Promise<ImportReport>): Promise<ImportReport> {
  const report = await imported;
  const head = report.organizationId === w.district.id ? w.head : w.cityHead;
  await confirmBenchmarkVersion(ctx, head, report.versionId, { effectiveFrom: report.effectiveFrom });
  return report;
}
const importDraft = (actor: Actor = w.admin, options: Record<string, unknown> = {}) =>
  importBenchmarks(ctx, actor, csvFile(bundledCsv, 'discretion-benchmarks.csv'), { name: '云城市城市管理行政处罚裁量基准', effectiveFrom: '2026-03-01', ...options });
const importBundled = (actor: Actor = w.admin, options: Record<string, unknown> = {}) => confirmed(importDraft(actor, options));

let seq = 100;
const person = (name: string) => {
  const first17 = `53990219850615${String(seq++).padStart(3, '0')}`;
  return { kind: 'person' as const, name, idNumber: `${first17}${idNumberCheckChar(first17)}`, phone: '13900001111', address: '云城市东湖区人民路66号' };
};

const fine = (yuan: number, extra: Record<string, unknown> = {}) => ({
  kinds: ['fine'],
  fineFen: yuan * 100,
  description: `罚款人民币${yuan}元`,
  basis: SHOP_FRONT.penaltyProvision,
  ...extra,
});

async function step(c: CaseView, actor: Actor, body: Record<string, unknown>): Promise<CaseView> {
  return transitionCase(ctx, actor, c.id, { expectedVersion: c.version, ...body });
}

/** A 店外摆卖 case taken to 调查取证 on `date`. */
async function investigating(party: Record<string, unknown>, date: string, actStartedOn = date): Promise<CaseView> {
  at(date);
  let c = await registerClue(ctx, w.officerA, {
    clueSource: 'patrol',
    title: '涉嫌店外摆卖案',
    facts: '当事人在其经营的门店门外人行道摆放货架销售商品，经责令改正拒不改正。',
    place: '云城市东湖区人民路66号门前',
    actStartedOn,
    actEndedOn: actStartedOn,
    discoveredOn: date,
    powerItemId: w.shopFrontItem,
    party,
  });
  c = await step(c, w.head, { action: 'file', officerIds: [w.officerA.userId, w.officerB.userId], opinion: '符合立案条件，同意立案。' });
  c = await step(c, w.officerA, { action: 'startInvestigation' });
  // A penalty is proposed only on evidence (《行政处罚法》第四十条).
  return addTestEvidence(ctx, w.officerA, c, [w.officerA.userId, w.officerB.userId]);
}

const closeWith = (penalty: Record<string, unknown>, discretionFacts?: Record<string, unknown>) => ({
  action: 'closeInvestigation',
  findings: '当事人超出门店外墙摆卖，经责令改正拒不改正，事实清楚，证据确凿。',
  proposal: { kind: 'penalty', penalty },
  ...(discretionFacts ? { discretionFacts } : {}),
});

/** notify → statement waived → (legal review) → decide, all on `date`. */
async function decide(c: CaseView, date: string, review = false): Promise<CaseView> {
  at(date);
  c = await step(c, w.officerA, { action: 'notify', service: { method: 'direct', time: '10:00', place: '当事人住所' } });
  c = await step(c, w.officerA, { action: 'recordStatement', waived: true, content: '对违法事实无异议，放弃陈述申辩。' });
  if (review) c = await step(c, w.reviewer, { action: 'legalReview', passed: true, opinion: '超出裁量基准幅度的理由充分，同意。', checklist: allPassedChecklist() });
  return step(c, w.head, { action: 'decide' });
}

describe('importing benchmarks (CSV and XLSX)', () => {
  it('imports the bundled file: ≥190 rules, every rejected row with its line and reason, source rows kept, audited', async () => {
    const report = await importBundled();
    expect(report.imported).toBe(210);
    expect(report.imported).toBeGreaterThanOrEqual(190);
    expect(report.items).toBe(69);
    expect(report.rows).toBe(214);
    expect(report.rejected.map((r) => r.row)).toEqual([86, 218, 219, 220]);
    expect(report.rejected[0]!.reason).toContain('低于法定处罚幅度下限');
    expect(report.rejected.every((r) => r.reason.length > 0)).toBe(true);
    expect(report).toMatchObject({ status: 'draft', organizationId: w.city.id, effectiveFrom: '2026-03-01', format: 'csv' });
    const [rows] = await ctx.db.select({ n: count() }).from(benchmarkSourceRows).where(eq(benchmarkSourceRows.versionId, report.versionId));
    expect(rows!.n).toBe(214);
    const trail = await ctx.db.select().from(auditRecords).where(eq(auditRecords.chain, `benchmarkVersion:${report.versionId}`)).orderBy(auditRecords.id);
    expect(trail.map((r) => r.action)).toEqual(['benchmark.import', 'benchmark.confirm']);
    expect(trail[0]).toMatchObject({ action: 'benchmark.import', organizationId: w.city.id, change: expect.objectContaining({ imported: 210, rejected: report.rejected }) as unknown });
    expect((await verifyAudit(ctx.db)).problem).toBeNull();
  });

  it.skipIf(!existsSync(sharedCsv))('imports the shared data file with the same result', async () => {
    const report = await importBenchmarks(ctx, w.admin, csvFile(readFileSync(sharedCsv, 'utf8')));
    expect(report.imported).toBeGreaterThanOrEqual(190);
    expect(report.rejected.every((r) => r.row > 0 && r.reason.length > 0)).toBe(true);
  });

  it('names a single-source file after its document and its 施行 date by default', async () => {
    const oneSource = bundledCsv
      .split(/\r?\n/)
      .filter((line, i) => i < 6 || line.startsWith('深圳市城市管理行政处罚裁量权实施标准（2023年版）'))
      .join('\n');
    const report = await importBenchmarks(ctx, w.admin, csvFile(oneSource));
    expect(report.name).toBe('深圳市城市管理行政处罚裁量权实施标准（2023年版）');
    expect(report.effectiveFrom).toBe('2023-12-15');
    const [version] = await ctx.db.select().from(benchmarkVersions).where(eq(benchmarkVersions.id, report.versionId));
    expect(version).toMatchObject({ issuer: '深圳市城市管理和综合执法局', documentNumber: '深城管规〔2023〕2号' });
  });

  it('reads a GB18030 (GBK) or UTF-16 (with its byte-order mark) encoded CSV the same as UTF-8', async () => {
    const gbk = await importBenchmarks(ctx, w.admin, { fileName: 'gbk.csv', data: iconv.encode(bundledCsv, 'gb18030') });
    expect(gbk.imported).toBe(210);
    expect(gbk.rejected.map((r) => r.row)).toEqual([86, 218, 219, 220]);
    const utf16 = await importBenchmarks(ctx, w.admin, { fileName: 'utf16.csv', data: Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(bundledCsv, 'utf16le')]) });
    expect([utf16.imported, utf16.rejected.map((r) => r.row)]).toEqual([210, [86, 218, 219, 220]]);
  });

  it('exports XLSX in the import layout, rejected rows included, and the export re-imports to the same items', async () => {
    const first = await importBundled();
    const exported = await exportBenchmarkVersion(ctx, w.admin, first.versionId);
    expect(exported.fileName).toMatch(/\.xlsx$/);
    expect(exported.rows).toBe(214);
    const again = await importBenchmarks(ctx, w.admin, { fileName: exported.fileName, data: exported.data }, { effectiveFrom: '2026-03-01' });
    expect(again).toMatchObject({ format: 'xlsx', imported: 210, items: 69 });
    expect(again.rejected.map((r) => r.reason)).toEqual(first.rejected.map((r) => r.reason));
    const items = async (versionId: number) =>
      (await ctx.db.select({ item: benchmarkItems.item }).from(benchmarkItems).where(eq(benchmarkItems.versionId, versionId)).orderBy(benchmarkItems.position)).map((r) => r.item);
    expect(await items(again.versionId)).toEqual(await items(first.versionId));
  });

  it('refuses an unreadable file, a legacy .xls and a file without any usable row — and imports nothing', async () => {
    const pdf = await refusal(importBenchmarks(ctx, w.admin, { fileName: 'x.pdf', data: Buffer.from('%PDF-1.7\n\0\0binary') }));
    expect(pdf.code).toBe('VALIDATION');
    expect(pdf.message).toMatch(/^无法读取文件 x\.pdf/);
    const xls = await refusal(importBenchmarks(ctx, w.admin, { fileName: 'old.xls', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]) }));
    expect(xls.message).toContain('请另存为 .xlsx 或 .csv');
    const broken = await refusal(importBenchmarks(ctx, w.admin, { fileName: 'broken.xlsx', data: Buffer.from('PK\u0003\u0004 not really a zip') }));
    expect(broken.message).toContain('不是有效的 XLSX 工作簿');
    const header = bundledCsv.split(/\r?\n/).find((l) => l.startsWith('source,'))!;
    const bad = await refusal(importBenchmarks(ctx, w.admin, csvFile(`${header}\n深圳,,1,,,,,处二万元以上二千元以下罚款,较轻,第一次,处一千元罚款。,\n`)));
    expect(bad.message).toContain('没有可导入的裁量基准条目');
    expect(bad.details?.rejected).toEqual([{ row: 2, reason: expect.stringContaining('缺少违法行为名称') as string }]);
    const [versions] = await ctx.db.select({ n: count() }).from(benchmarkVersions);
    expect(versions!.n).toBe(0);
  });

  it('validates the options with Chinese messages, and only admins import', async () => {
    const badDate = await refusal(importDraft(w.admin, { effectiveFrom: '2026-02-30' }));
    expect(badDate.message).toContain('施行日期格式应为 YYYY-MM-DD');
    expect((await refusal(importDraft(w.head))).code).toBe('FORBIDDEN');
    expect((await refusal(importDraft(w.otherAdmin, { organizationId: w.district.id }))).code).toBe('NOT_FOUND');
  });

  it('imports an exemption list (首违不罚/轻微免罚清单)', async () => {
    const report = await importBenchmarks(ctx, w.admin, csvFile(bundledExemptions, 'exemptions.csv'), { kind: 'exemption', effectiveFrom: '2026-03-01' });
    expect(report.kind).toBe('exemption');
    expect(report.imported).toBeGreaterThan(0);
    expect(report.imported + report.rejected.length).toBe(report.rows);
  });
});

describe('drafts: an import is confirmed by a head with its effective date, discarded, or withdrawn (issue 15)', () => {
  // 序号2 情节较轻 raised from 1000元 to 2000元; the revision is another document's version.
  const revised = bundledCsv.replace(/(深圳市城市管理行政处罚裁量权实施标准（2023年版）[^\n]*?,2,[^\n]*?,情节较轻,第一次被处罚的。,)处一千元罚款。/, '$1处二千元罚款。');
  const inForceOn = async (date: string) => (await versionsInForce(ctx.db, w.district.path, 'benchmark', date)).map((v) => v.name);
  const revise = (options: Record<string, unknown> = {}) =>
    importBenchmarks(ctx, w.admin, csvFile(revised), { name: '云城市裁量基准（2026年修订）', effectiveFrom: '2026-06-01', ...options });
  const trailOf = async (versionId: number) =>
    (await ctx.db.select().from(auditRecords).where(eq(auditRecords.chain, `benchmarkVersion:${versionId}`)).orderBy(auditRecords.id)).map((r) => ({ action: r.action, change: r.change }));

  it('an imported draft is neither applied nor public, and only admins and heads see it', async () => {
    const draft = await importDraft();
    expect(draft.status).toBe('draft');
    expect(draft.preview[0]).toMatchObject({ code: '1', tierCount: 3 });
    expect(draft.diff).toMatchObject({ base: null, removed: [], changed: [], unchanged: 0 });
    expect(draft.diff.added).toHaveLength(draft.items);
    expect(await inForceOn('2026-03-01')).toEqual([]);
    expect((await listPublicBenchmarks(ctx.db, '2026-12-31')).versions).toEqual([]);
    expect(await listBenchmarkVersions(ctx, w.officerA)).toEqual([]);
    expect((await refusal(listBenchmarkItems(ctx, w.officerA, draft.versionId))).code).toBe('NOT_FOUND');
    expect((await listBenchmarkVersions(ctx, w.cityHead)).map((v) => [v.id, v.state, v.stateLabel, v.publishedOn])).toEqual([[draft.versionId, 'draft', '草稿', null]]);
    expect((await listBenchmarkItems(ctx, w.admin, draft.versionId, { q: '摆卖' })).length).toBeGreaterThan(0);
  });

  it('shows what a draft changes against the version in force: items added, removed, changed and which fields', async () => {
    const first = await importBundled();
    const withoutOne = revised.split(/\r?\n/).filter((line) => !/,74,《深圳市城市照明管理办法》/.test(line)).join('\n');
    const draft = await importBenchmarks(ctx, w.admin, csvFile(withoutOne), { name: '云城市裁量基准（2026年修订）', effectiveFrom: '2026-06-01' });
    expect(draft.diff.base).toEqual({ id: first.versionId, name: '云城市城市管理行政处罚裁量基准', effectiveFrom: '2026-03-01' });
    expect(draft.diff.added).toEqual([]);
    expect(draft.diff.removed.map((i) => i.name)).toEqual(['损坏城市道路照明设施']);
    expect(draft.diff.changed).toEqual([{ code: '2', previousCode: '2', name: SHOP_FRONT.name, fields: ['处罚标准'] }]);
    expect(draft.diff.unchanged).toBe(first.items - 2);
    expect(await benchmarkVersionDiff(ctx, w.cityHead, draft.versionId)).toEqual(draft.diff);
    expect((await refusal(benchmarkVersionDiff(ctx, w.officerA, draft.versionId))).code).toBe('FORBIDDEN');
  });

  it('《行政处罚法》第三十四条: a head confirms with a date not before today; published and applied from that date, earlier decisions keep the old version', async () => {
    await importBundled();
    at('2026-05-25');
    const draft = await revise();
    // The admin prepares, the head decides; a head of another level does not see the city's version.
    expect((await refusal(confirmBenchmarkVersion(ctx, w.admin, draft.versionId, { effectiveFrom: '2026-06-01' }))).code).toBe('FORBIDDEN');
    expect((await refusal(confirmBenchmarkVersion(ctx, w.head, draft.versionId, { effectiveFrom: '2026-06-01' }))).code).toBe('NOT_FOUND');
    const past = await refusal(confirmBenchmarkVersion(ctx, w.cityHead, draft.versionId, { effectiveFrom: '2026-05-24' }));
    expect(past.code).toBe('RULE_VIOLATION');
    expect(past.message).toContain('早于今天（2026-05-25）');
    expect((await refusal(confirmBenchmarkVersion(ctx, w.cityHead, draft.versionId, { effectiveFrom: '2026-06-31' }))).code).toBe('VALIDATION');
    expect((await refusal(confirmBenchmarkVersion(ctx, w.cityHead, draft.versionId, { effectiveFrom: '2026-03-01' }))).code).toBe('RULE_VIOLATION');
    // 2026-10-01 (国庆节): a benchmark may take effect on a holiday — calendar days.
    const done = await confirmBenchmarkVersion(ctx, w.cityHead, draft.versionId, { effectiveFrom: '2026-10-01' });
    expect(done).toMatchObject({ status: 'confirmed', effectiveFrom: '2026-10-01', publishedOn: '2026-10-01', effectiveTo: null });
    expect((await refusal(confirmBenchmarkVersion(ctx, w.cityHead, draft.versionId, { effectiveFrom: '2026-10-02' }))).code).toBe('CONFLICT');
    expect((await listBenchmarkVersions(ctx, w.officerA)).map((v) => v.state).sort()).toEqual(['inForce', 'scheduled']);
    expect(await inForceOn('2026-09-30')).toEqual(['云城市城市管理行政处罚裁量基准']);
    expect(await inForceOn('2026-10-01')).toEqual(['云城市裁量基准（2026年修订）']);
    // The portal: not before its date; from it, in force (the old one stays listed as superseded history).
    expect((await listPublicBenchmarks(ctx.db, '2026-09-30')).versions.map((v) => v.name)).toEqual(['云城市城市管理行政处罚裁量基准']);
    expect((await listPublicBenchmarks(ctx.db, '2026-10-01')).versions.map((v) => [v.name, v.inForce])).toEqual([
      ['云城市裁量基准（2026年修订）', true],
      ['云城市城市管理行政处罚裁量基准', false],
    ]);
    // Two versions of one level cannot start the same day.
    const second = await revise({ name: '云城市裁量基准（同日）' });
    expect((await refusal(confirmBenchmarkVersion(ctx, w.cityHead, second.versionId, { effectiveFrom: '2026-10-01' }))).message).toContain('已定于 2026-10-01 起施行');
    expect((await trailOf(draft.versionId)).at(-1)).toEqual({
      action: 'benchmark.confirm',
      change: { kind: 'benchmark', name: '云城市裁量基准（2026年修订）', effectiveFrom: '2026-10-01', publishedOn: '2026-10-01', replaces: { id: expect.any(Number) as number, name: '云城市城市管理行政处罚裁量基准' } },
    });
    expect((await verifyAudit(ctx.db)).problem).toBeNull();
  });

  it('a draft can be discarded (audited) and is then never confirmed; an officer cannot discard', async () => {
    const draft = await importDraft();
    expect((await refusal(discardBenchmarkVersion(ctx, w.officerA, draft.versionId))).code).toBe('FORBIDDEN');
    expect(await discardBenchmarkVersion(ctx, w.admin, draft.versionId)).toMatchObject({ status: 'discarded', publishedOn: null });
    expect((await refusal(confirmBenchmarkVersion(ctx, w.cityHead, draft.versionId, { effectiveFrom: '2026-03-01' }))).code).toBe('CONFLICT');
    expect((await refusal(discardBenchmarkVersion(ctx, w.admin, draft.versionId))).code).toBe('CONFLICT');
    expect((await listBenchmarkVersions(ctx, w.admin)).map((v) => v.state)).toEqual(['discarded']);
    expect((await trailOf(draft.versionId)).map((r) => r.action)).toEqual(['benchmark.import', 'benchmark.discard']);
  });

  it('withdrawing the version in force ends it today and the previous one applies again; decisions before keep it', async () => {
    const first = await importBundled();
    at('2026-05-25');
    const second = await confirmed(revise({ effectiveFrom: '2026-06-01' }));
    at('2026-07-06');
    expect(await inForceOn('2026-07-06')).toEqual(['云城市裁量基准（2026年修订）']);
    expect((await refusal(withdrawBenchmarkVersion(ctx, w.cityHead, second.versionId, { reason: '  ' }))).message).toContain('撤回理由至少 5 个字');
    expect((await refusal(withdrawBenchmarkVersion(ctx, w.admin, second.versionId, { reason: '修订稿第2项标准有误，暂停执行。' }))).code).toBe('FORBIDDEN');
    // The superseded first version is history: cases were decided on it.
    expect((await refusal(withdrawBenchmarkVersion(ctx, w.cityHead, first.versionId, { reason: '误操作测试撤回。' }))).message).toContain('该版本已被替代');
    const withdrawn = await withdrawBenchmarkVersion(ctx, w.cityHead, second.versionId, { reason: '修订稿第2项标准有误，暂停执行。' });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', effectiveTo: '2026-07-06' });
    expect(await inForceOn('2026-07-05')).toEqual(['云城市裁量基准（2026年修订）']);
    expect(await inForceOn('2026-07-06')).toEqual(['云城市城市管理行政处罚裁量基准']);
    expect((await listPublicBenchmarks(ctx.db, '2026-07-06')).versions.map((v) => [v.name, v.inForce])).toEqual([['云城市城市管理行政处罚裁量基准', true]]);
    const listed = await listBenchmarkVersions(ctx, w.officerA);
    expect(listed.map((v) => [v.state, v.withdrawalReason])).toEqual([
      ['withdrawn', '修订稿第2项标准有误，暂停执行。'],
      ['inForce', null],
    ]);
    expect((await refusal(withdrawBenchmarkVersion(ctx, w.cityHead, second.versionId, { reason: '再次撤回测试。' }))).message).toContain('已撤回');
    expect((await trailOf(second.versionId)).at(-1)).toEqual({
      action: 'benchmark.withdraw',
      change: { kind: 'benchmark', name: '云城市裁量基准（2026年修订）', reason: '修订稿第2项标准有误，暂停执行。', wasInForce: true, effectiveTo: '2026-07-06', restores: { id: first.versionId, name: '云城市城市管理行政处罚裁量基准' } },
    });
  });

  it('a scheduled version withdrawn never takes effect', async () => {
    await importBundled();
    at('2026-05-25');
    const second = await confirmed(revise({ effectiveFrom: '2026-06-01' }));
    expect(await withdrawBenchmarkVersion(ctx, w.cityHead, second.versionId, { reason: '上级通知暂缓施行修订稿。' })).toMatchObject({ effectiveTo: '2026-06-01' });
    expect(await inForceOn('2026-06-01')).toEqual(['云城市城市管理行政处罚裁量基准']);
    expect(await inForceOn('2026-12-31')).toEqual(['云城市城市管理行政处罚裁量基准']);
    expect((await listPublicBenchmarks(ctx.db, '2026-12-31')).versions.map((v) => v.name)).toEqual(['云城市城市管理行政处罚裁量基准']);
  });

  it('offers a template (XLSX and CSV) that the import reads: the expected columns and one example row', async () => {
    const xlsx = await benchmarkTemplate({ kind: 'benchmark' });
    expect(xlsx.fileName).toBe('裁量基准导入模板.xlsx');
    const fromXlsx = await importBenchmarks(ctx, w.admin, { fileName: xlsx.fileName, data: xlsx.data });
    expect(fromXlsx).toMatchObject({ rows: 1, imported: 1, rejected: [] });
    const csv = await benchmarkTemplate({ kind: 'exemption', format: 'csv' });
    expect(csv.data.toString('utf8').split(/\r?\n/).find((l) => !l.startsWith('#') && !l.startsWith('\uFEFF#'))).toBe('source,source_url,序号,事项,依据,免罚类型,适用条件,备注');
    expect(await importBenchmarks(ctx, w.admin, { fileName: csv.fileName, data: csv.data }, { kind: 'exemption' })).toMatchObject({ rows: 1, imported: 1, rejected: [] });
    expect((await refusal(benchmarkTemplate({ format: 'pdf' }))).message).toContain('格式应为 xlsx 或 csv');
  });
});

describe('browsing and publication (《行政处罚法》第三十四条)', () => {
  it('staff see versions of their organization chain and subtree; others see NOT_FOUND', async () => {
    const cityVersion = await importBundled();
    const districtVersion = await confirmed(importBenchmarks(ctx, w.districtAdmin, csvFile(bundledCsv), { name: '东湖区细化裁量基准', effectiveFrom: '2026-03-01' }));
    expect(districtVersion.organizationId).toBe(w.district.id);
    const seenByOfficer = await listBenchmarkVersions(ctx, w.officerA);
    expect(seenByOfficer.map((v) => v.id).sort()).toEqual([cityVersion.versionId, districtVersion.versionId].sort());
    expect(seenByOfficer.every((v) => v.inForce)).toBe(true);
    const seenByOther = await listBenchmarkVersions(ctx, w.otherAdmin);
    expect(seenByOther.map((v) => v.id)).toEqual([cityVersion.versionId]);
    expect((await refusal(listBenchmarkItems(ctx, w.otherAdmin, districtVersion.versionId))).code).toBe('NOT_FOUND');
    expect((await refusal(exportBenchmarkVersion(ctx, w.otherAdmin, districtVersion.versionId))).code).toBe('NOT_FOUND');
    const found = await listBenchmarkItems(ctx, w.officerA, cityVersion.versionId, { q: '摆卖' });
    expect(found.map((i) => i.name)).toContain(SHOP_FRONT.name);
    const detail = await getBenchmarkItem(ctx, w.officerA, found.find((i) => i.name === SHOP_FRONT.name)!.id);
    expect(detail.tiers.map((t) => t.name)).toEqual(['情节轻微', '情节较轻', '情节较重', '情节严重']);
    expect(detail.citation).toBe(`《深圳市城市管理行政处罚裁量权实施标准（2023年版）》序号2「${SHOP_FRONT.name}」`);
  });

  it('the public sees published versions and items only', async () => {
    const report = await importBundled();
    const listed = await listPublicBenchmarks(ctx.db, '2026-03-01', { q: '摆卖' });
    expect(listed.versions).toHaveLength(1);
    expect(listed.versions[0]).toMatchObject({ name: '云城市城市管理行政处罚裁量基准', organizationName: '云城市城市管理局', ruleCount: 210, inForce: true });
    expect(listed.versions[0]).not.toHaveProperty('rejectedCount');
    const item = listed.versions[0]!.items.find((i) => i.name === SHOP_FRONT.name)!;
    expect((await getPublicBenchmarkItem(ctx.db, '2026-03-01', item.id)).tiers).toHaveLength(4);
    // Not yet published the day before the import.
    expect((await listPublicBenchmarks(ctx.db, '2026-02-28')).versions).toEqual([]);
    expect((await refusal(getPublicBenchmarkItem(ctx.db, '2026-02-28', item.id))).code).toBe('NOT_FOUND');
    expect(report.versionId).toBe(listed.versions[0]!.id);
  });
});

describe('the benchmark in the case engine', () => {
  beforeEach(async () => {
    await importBundled();
  });

  it('a penalty proposal needs the facts the benchmark grades by', async () => {
    const c = await investigating(person('李秀兰'), '2026-04-01');
    const missing = await refusal(step(c, w.officerA, closeWith(fine(1000))));
    expect(missing.code).toBe('VALIDATION');
    expect(missing.message).toContain(`该违法行为适用裁量基准：《深圳市城市管理行政处罚裁量权实施标准（2023年版）》序号2「${SHOP_FRONT.name}」`);
    expect(missing.message).toContain('须录入裁量事实');
    const undetermined = await refusal(step(c, w.officerA, closeWith(fine(1000), { corrected: false })));
    expect(undetermined.message).toContain('尚未确定裁量阶次');
  });

  it('inside the range: tier, range and version recorded on the proposal and the decision, no legal review', async () => {
    let c = await investigating(person('李秀兰'), '2026-04-01');
    c = await step(c, w.officerA, closeWith(fine(1000), { repeatCountPastYear: 0 }));
    expect(c.record.proposal?.penalty).toMatchObject({ tier: '情节较轻', range: { minFen: 100_000, maxFen: 100_000 }, benchmarkVersion: '云城市城市管理行政处罚裁量基准', outsideRangeReason: null });
    const transition = (await readCaseTrail(ctx, systemActor, c.id)).at(-1)!.change as { discretion: Record<string, unknown> };
    expect(transition.discretion).toMatchObject({ tier: '情节较轻', withinRange: true, citation: expect.stringContaining('序号2') as string });
    // No 裁量理由 typed: the benchmark's explanation of the tier is the reason the 调查终结报告 prints.
    expect(String(transition.discretion.explanation)).toContain(c.record.investigation.discretionReason!);
    expect(c.record.investigation.discretionReason).toMatch(/^适用「情节较轻」阶次/);
    c = await decide(c, '2026-04-03');
    expect(c.state).toBe('decided');
    expect(c.record.decision?.penalty).toMatchObject({ tier: '情节较轻', range: { minFen: 100_000, maxFen: 100_000 }, benchmarkVersion: '云城市城市管理行政处罚裁量基准' });
    const [stored] = await ctx.db.select().from(caseDiscretion).where(eq(caseDiscretion.caseId, c.id));
    expect(stored).toMatchObject({ stage: 'decision', tierName: '情节较轻', withinRange: true, assessedOn: '2026-04-03' });
    expect(stored!.explanation).toContain('适用「情节较轻」阶次');
  });

  it('outside the range: refused without a reason (RULE_VIOLATION naming item and range); with one, accepted and legal review required', async () => {
    let c = await investigating(person('周敏'), '2026-04-01');
    const refused = await refusal(step(c, w.officerA, closeWith(fine(3000), { repeatCountPastYear: 0 })));
    expect(refused.code).toBe('RULE_VIOLATION');
    expect(refused.message).toContain(`序号2「${SHOP_FRONT.name}」「情节较轻」阶次`);
    expect(refused.message).toContain('拟罚款3000元高于裁量基准确定的幅度（1000元至1000元），须书面说明理由');
    c = await step(c, w.officerA, closeWith(fine(3000, { outsideRangeReason: '当事人占道面积大、持续时间长，严重影响行人通行。' }), { repeatCountPastYear: 0 }));
    expect(c.record.proposal?.penalty).toMatchObject({ tier: '情节较轻', outsideRangeReason: '当事人占道面积大、持续时间长，严重影响行人通行。' });
    at('2026-04-03');
    c = await step(c, w.officerA, { action: 'notify', service: { method: 'direct', time: '10:00', place: '当事人住所' } });
    c = await step(c, w.officerA, { action: 'recordStatement', waived: true, content: '放弃陈述申辩。' });
    const noReview = await refusal(step(c, w.head, { action: 'decide' }));
    expect(noReview.message).toContain('处罚超出裁量基准幅度');
    expect(noReview.details?.article).toContain('第五十八条');
    c = await step(c, w.reviewer, { action: 'legalReview', passed: true, opinion: '理由充分，同意。', checklist: allPassedChecklist() });
    c = await step(c, w.head, { action: 'decide' });
    expect(c.record.decision?.penalty).toMatchObject({ fineFen: 300_000, tier: '情节较轻', outsideRangeReason: '当事人占道面积大、持续时间长，严重影响行人通行。' });
  });

  it('revising the penalty applies the benchmark again with the recorded facts', async () => {
    let c = await investigating(person('王浩'), '2026-04-01');
    c = await step(c, w.officerA, closeWith(fine(1000), { repeatCountPastYear: 0 }));
    const refused = await refusal(step(c, w.officerA, { action: 'revisePenalty', penalty: fine(2000), reason: '重新核定罚款数额。' }));
    expect(refused.message).toContain('须书面说明理由');
    c = await step(c, w.officerA, { action: 'revisePenalty', penalty: fine(1000), reason: '维持原拟罚款数额。', discretionFacts: { repeatCountPastYear: 0, aggravating: [] } });
    expect(c.record.penaltyRevisions.at(-1)?.to).toMatchObject({ tier: '情节较轻' });
  });

  it('the times punished in the past year cannot be fewer than this system has on record', async () => {
    const party = person('赵大勇');
    const first = await investigating(party, '2026-04-01');
    await decide(await step(first, w.officerA, closeWith(fine(1000), { repeatCountPastYear: 0 })), '2026-04-03');
    const second = await investigating(party, '2026-05-11', '2026-05-10');
    const understated = await refusal(step(second, w.officerA, closeWith(fine(1000), { repeatCountPastYear: 0 })));
    expect(understated.message).toContain('已因同一违法行为受到1次行政处罚（云东城管罚决字〔2026〕1号）');
    const proposed = await step(second, w.officerA, closeWith(fine(3000), { repeatCountPastYear: 1 }));
    expect(proposed.record.proposal?.penalty).toMatchObject({ tier: '情节较重', range: { minFen: 300_000, maxFen: 300_000 } });
  });

  it('第三十三条第一款: the 不予处罚 tier refuses a penalty proposal', async () => {
    const c = await investigating(person('孙小美'), '2026-04-01');
    const refused = await refusal(step(c, w.officerA, closeWith(fine(1000), { violationMinor: true, corrected: true, repeatCountPastYear: 0 })));
    expect(refused.code).toBe('RULE_VIOLATION');
    expect(refused.details?.article).toBe('《行政处罚法》第三十三条第一款');
  });

  it('a violation without a benchmark is proposed as before', async () => {
    const other = await addPowerItem(ctx, systemActor, {
      organizationId: w.district.id,
      code: 'SR-001',
      name: '擅自占用城市道路、公共场所摆摊设点',
      violatedProvision: '《城市市容和环境卫生管理条例》第十四条',
      penaltyProvision: '《城市市容和环境卫生管理条例》第三十六条第（二）项',
      statutoryRange: '责令停止违法行为，限期清理，并可处以罚款',
      category: '占道经营',
    });
    at('2026-04-01');
    let c = await registerClue(ctx, w.officerA, {
      clueSource: 'patrol',
      title: '涉嫌占道摆摊案',
      facts: '当事人在人行道上摆摊销售水果，经劝导未改正。',
      place: '云城市东湖区南湖路',
      actStartedOn: '2026-04-01',
      actEndedOn: '2026-04-01',
      discoveredOn: '2026-04-01',
      powerItemId: other.id,
      party: person('钱多多'),
    });
    c = await step(c, w.head, { action: 'file', officerIds: [w.officerA.userId, w.officerB.userId], opinion: '同意立案。' });
    c = await step(c, w.officerA, { action: 'startInvestigation' });
    c = await addTestEvidence(ctx, w.officerA, c, [w.officerA.userId, w.officerB.userId]);
    // No benchmark covers the violation: the 裁量理由 of the report must be written (none to derive).
    // The 处罚依据 is this violation's own 罚则 (第五十九条第一款第（三）项), not the shop-front one of the other tests.
    const otherFine = fine(500, { basis: '《城市市容和环境卫生管理条例》第三十六条第（二）项' });
    const unexplained = await refusal(step(c, w.officerA, closeWith(otherFine)));
    expect(unexplained).toMatchObject({ code: 'VALIDATION', details: { field: 'discretionReason' } });
    c = await step(c, w.officerA, { ...closeWith(otherFine), discretionReason: '当事人经劝导未改正，占道时间较短，在法定幅度内处罚' });
    expect(c.record.proposal?.penalty).toMatchObject({ tier: null, range: null, benchmarkVersion: null });
    expect(c.record.investigation.discretionReason).toBe('当事人经劝导未改正，占道时间较短，在法定幅度内处罚');
  });

  it('a case keeps the version in force on its decision date', async () => {
    // A revision effective 2026-06-01 raises 序号2 情节较轻 to 2000元 (inside the statutory 1000–5000元).
    const revised = bundledCsv.replace(
      /(深圳市城市管理行政处罚裁量权实施标准（2023年版）[^\n]*?,2,[^\n]*?,情节较轻,第一次被处罚的。,)处一千元罚款。/,
      '$1处二千元罚款。',
    );
    expect(revised).not.toBe(bundledCsv);
    let c = await investigating(person('陈小春'), '2026-05-20');
    c = await step(c, w.officerA, closeWith(fine(1000), { repeatCountPastYear: 0 }));
    at('2026-05-25');
    await confirmed(importBenchmarks(ctx, w.admin, csvFile(revised), { name: '云城市城市管理行政处罚裁量基准（2026年修订）', effectiveFrom: '2026-06-01' }));
    // Decided before the revision takes effect: the first version applies.
    let early = await investigating(person('陈大春'), '2026-05-20');
    early = await step(early, w.officerA, closeWith(fine(1000), { repeatCountPastYear: 0 }));
    early = await decide(early, '2026-05-29');
    expect(early.record.decision?.penalty).toMatchObject({ benchmarkVersion: '云城市城市管理行政处罚裁量基准', range: { minFen: 100_000, maxFen: 100_000 } });
    // Decided after: the revision applies, and 1000元 is now below its range.
    at('2026-06-02');
    c = await step(c, w.officerA, { action: 'notify', service: { method: 'direct', time: '10:00', place: '当事人住所' } });
    c = await step(c, w.officerA, { action: 'recordStatement', waived: true, content: '放弃陈述申辩。' });
    const refused = await refusal(step(c, w.head, { action: 'decide' }));
    expect(refused.message).toContain('低于裁量基准确定的幅度（2000元至2000元）');
    // Raising the notified penalty would need a new notice (《行政处罚法》第四十四条); keeping it is a deviation
    // from the revised benchmark that needs a written reason and legal review.
    expect((await refusal(step(c, w.officerA, { action: 'revisePenalty', penalty: fine(2000), reason: '按修订后的裁量基准调整。' }))).details?.article).toContain('第四十四条');
    c = await step(c, w.officerA, {
      action: 'revisePenalty',
      penalty: fine(1000, { outsideRangeReason: '事先告知时适用修订前的裁量基准，告知后不得加重处罚。' }),
      reason: '裁量基准修订后维持已告知的罚款数额。',
    });
    expect((await refusal(step(c, w.head, { action: 'decide' }))).message).toContain('处罚超出裁量基准幅度');
    c = await step(c, w.reviewer, { action: 'legalReview', passed: true, opinion: '维持已告知数额的理由成立，同意。', checklist: allPassedChecklist() });
    c = await step(c, w.head, { action: 'decide' });
    expect(c.record.decision?.penalty).toMatchObject({
      benchmarkVersion: '云城市城市管理行政处罚裁量基准（2026年修订）',
      range: { minFen: 200_000, maxFen: 200_000 },
      outsideRangeReason: '事先告知时适用修订前的裁量基准，告知后不得加重处罚。',
    });
  });
});

describe('assessment preview, similar cases and the same-case-same-penalty report', () => {
  beforeEach(async () => {
    await importBundled();
    await confirmed(importBenchmarks(ctx, w.admin, csvFile(bundledExemptions, 'exemptions.csv'), { kind: 'exemption', effectiveFrom: '2026-03-01' }));
  });

  it('previews tier, range, explanation, the proposal check and exemption eligibility without changing anything', async () => {
    const c = await investigating(person('吴小刚'), '2026-04-01');
    const preview = await assessCaseDiscretion(ctx, w.officerA, c.id, { facts: { repeatCountPastYear: 1 }, fineFen: 500_000 });
    expect(preview.benchmark?.citation).toContain('序号2');
    expect(preview.assessment).toMatchObject({ outcome: 'penalty', tier: { name: '情节较重' }, fine: { min: 3000, max: 3000 } });
    expect(preview.assessment?.explanation).toContain('适用「情节较重」阶次');
    expect(preview.proposal).toMatchObject({ accepted: false, message: expect.stringContaining('须书面说明理由') as string });
    expect(preview.exemption?.outcome).toBe('none');
    const minor = await assessCaseDiscretion(ctx, w.officerA, c.id, { facts: { violationMinor: true, corrected: true, harm: 'none', repeatCountPastYear: 0 } });
    expect(minor.assessment?.outcome).toBe('noPenalty');
    expect(minor.exemption?.outcome).toBe('noPenalty');
    expect(minor.exemption?.explanation).toContain('应当不予行政处罚');
    const [stored] = await ctx.db.select({ n: count() }).from(caseDiscretion);
    expect(stored!.n).toBe(0);
    expect((await refusal(assessCaseDiscretion(ctx, w.otherAdmin, c.id, {}))).code).toBe('FORBIDDEN');
  });

  it('flags exactly the case fined unlike its peers, and suggests the most similar past cases', async () => {
    const decided: CaseView[] = [];
    for (const [i, name] of ['甲', '乙', '丙'].entries()) {
      let c = await investigating(person(`商户${name}`), `2026-04-0${i + 1}`);
      c = await step(c, w.officerA, closeWith(fine(1000), { repeatCountPastYear: 0 }));
      decided.push(await decide(c, `2026-04-1${i}`));
    }
    let odd = await investigating(person('商户丁'), '2026-04-20');
    odd = await step(odd, w.officerA, closeWith(fine(3000, { outsideRangeReason: '当事人拒不配合调查，态度恶劣，从重处罚。' }), { repeatCountPastYear: 0 }));
    odd = await decide(odd, '2026-04-24', true);
    const report = await consistencyReport(ctx, w.supervisor);
    expect(report.caseCount).toBe(4);
    expect(new Set(report.flags.map((f) => f.caseId))).toEqual(new Set([odd.id]));
    expect(report.flags.map((f) => f.kind).sort()).toEqual(['outsideRange', 'peerOutlier']);
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]).toMatchObject({ tierName: '情节较轻', caseCount: 4, compared: true, medianFineFen: 100_000 });
    expect(report.flags.find((f) => f.kind === 'peerOutlier')?.message).toContain('明显偏离');
    // Scoped: the other district sees none of it; officers may not read the report.
    expect((await consistencyReport(ctx, { ...w.otherAdmin })).caseCount).toBe(0);
    expect((await refusal(consistencyReport(ctx, w.officerA))).code).toBe('FORBIDDEN');
    // While deciding a new case: its peers first.
    let next = await investigating(person('商户戊'), '2026-05-06');
    next = await step(next, w.officerA, closeWith(fine(1000), { repeatCountPastYear: 0 }));
    const similar = await similarCasesForCase(ctx, w.head, next.id);
    expect(similar.note).toBeNull();
    expect(similar.cases).toHaveLength(4);
    expect(similar.cases[0]!.reasons).toEqual(expect.arrayContaining(['同一违法行为', '同一裁量阶次（情节较轻）']));
    expect(similar.cases.map((s) => s.caseId)).not.toContain(next.id);
    // The period filter.
    expect((await consistencyReport(ctx, w.supervisor, { from: '2026-04-20' })).caseCount).toBe(1);
    expect((await refusal(consistencyReport(ctx, w.supervisor, { from: '2026-13-01' }))).code).toBe('VALIDATION');
  });
});

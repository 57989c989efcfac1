/**
 * Demo discretion data for the fictional 云城市: three items of the bundled public benchmark table (深圳2023) set under
 * the city's own local regulations (demoBenchmarkCsv) imported as the city bureau's benchmark version and the bundled exemption lists as its exemption list; power-list items that are
 * those benchmark items verbatim (a real bureau imports its own benchmark for its own regulations); and decided
 * cases that follow the benchmark, one repeat offender, and ONE case fined unlike its peers (same violation and
 * tier, 3,000元 where the others paid 1,000元, with a written reason and legal review) — the one the
 * same-case-same-penalty report flags. Built through the services on a demo clock, like ./cases.ts.
 */
import { readFile } from 'node:fs/promises';
import { eq, inArray } from 'drizzle-orm';
import { type Actor, type Role, systemActor } from '../domain/access.ts';
import type { IsoDate } from '../domain/calendar/iso-date.ts';
import { shiftDates } from './clock.ts';
import { type BenchmarkItem, bundledBenchmarksUrl, bundledExemptionsUrl, parseBenchmarkCsv } from '../domain/discretion/index.ts';
import { creditCodeCheckChar } from '../domain/validators/credit-code.ts';
import { idNumberCheckChar } from '../domain/validators/id-number.ts';
import { organizations, users } from '../db/schema.ts';
import { addEvidence } from '../services/cases/add-evidence.ts';
import { addPowerItem } from '../services/cases/power-list.ts';
import { publishDecision } from '../services/cases/publicity.ts';
import { registerClue } from '../services/cases/register-clue.ts';
import { stepCase } from '../services/cases/transition-case.ts';
import { datedActs, type Track } from './tracks.ts';
import type { ServiceContext } from '../services/context.ts';
import { memoryFileStore } from '../services/file-store.ts';
import { importBenchmarks } from '../services/discretion/import-benchmarks.ts';
import { confirmBenchmarkVersion } from '../services/discretion/version-steps.ts';
import { allPassedChecklist } from '../domain/cases/legal-review.ts';

/**
 * The demo city's own benchmark, as a bureau would publish it: documents print its name as the basis of the amount
 * (国办发〔2022〕27号), so it names no other city and never says "演示".
 */
export const DEMO_BENCHMARK_NAME = '云城市城市管理行政处罚裁量基准（2026年版）';
/** The source line of the demo benchmark rows: name, 文号, issuer and dates (read by parseSourceVersion). */
const DEMO_BENCHMARK_SOURCE = `${DEMO_BENCHMARK_NAME}（云城管规〔2026〕1号，云城市城市管理局，2026-02-10印发，2026-03-01施行）`;
export const DEMO_EXEMPTION_LIST_NAME = '云城市城市管理轻微违法行为免罚清单（演示：采用上海、常德等地公开清单原文）';
/** The party of the demo case fined unlike its peers. */
export const DEMO_INCONSISTENT_PARTY = '郭小燕';

const SZ2023 = '深圳市城市管理行政处罚裁量权实施标准（2023年版）';
/**
 * Benchmark items put on the demo districts' power lists, with their power-list codes. The demo bureau is in the
 * fictional 云城市, not in Shenzhen: its cases cannot apply 深圳经济特区 regulations. Its benchmark takes the tiers of
 * three public 深圳2023 items (序号 kept) and sets them under the city's own (fictional) local regulations of the same
 * wording — 《云城市市容和环境卫生管理条例》, 《云城市城市绿化条例》 — so documents read as a real bureau's would.
 */
const demoItems: { code: string; benchmarkCode: string }[] = [
  { code: 'YC-002', benchmarkCode: '2' }, // 商场、门店超出门、窗外墙摆卖…: 不予处罚 / 1000 / 3000 / 5000元
  { code: 'YC-013', benchmarkCode: '13' }, // 随地吐痰…乱扔…烟头: 50 / 100 / 200元
  { code: 'YC-032', benchmarkCode: '32' }, // 公共绿地…摆摊设点、停放车辆: 每平方米 500 / 1000 / 2000元
];

/** The demo city's benchmark table: the 深圳2023 rows of `demoItems` under 云城市's own source and regulations. */
export function demoBenchmarkCsv(bundled: string): string {
  const lines = bundled.split(/\r?\n/);
  const header = lines.find((line) => line.startsWith('source,'));
  if (!header) throw new Error('bundled benchmark table has no header');
  const codes = new Set(demoItems.map((i) => i.benchmarkCode));
  const rows = lines
    .filter((line) => line.startsWith(`${SZ2023}（`))
    .map((line) => {
      // source and source_url hold no comma; the rest is kept as written (quoted cells included).
      const rest = line.slice(line.indexOf(',', line.indexOf(',') + 1) + 1);
      return { code: rest.split(',')[0] ?? '', rest };
    })
    .filter((row) => codes.has(row.code))
    .map((row) => {
      // 备注 (the last cell, no comma in it) is the transcription note of the 深圳 source: dropped.
      const kept = row.rest.slice(0, row.rest.lastIndexOf(',') + 1);
      return `${DEMO_BENCHMARK_SOURCE},,${kept.replaceAll('深圳经济特区', '云城市').replaceAll('《云城市绿化条例》', '《云城市城市绿化条例》')}`;
    });
  return [header, ...rows, ''].join('\n');
}

const yuan = (n: number) => Math.round(n * 100);

const person = (name: string, birth: string, seq: number, address: string) => {
  const first17 = `539902${birth}${String(seq).padStart(3, '0')}`;
  return { kind: 'person' as const, name, idNumber: `${first17}${idNumberCheckChar(first17)}`, phone: `137${birth.slice(2, 8)}${String(seq).slice(-2)}`, address };
};
const company = (name: string, orgCode: string, legalRepresentative: string, address: string) => {
  const first17 = `91539902${orgCode}`;
  return { kind: 'organization' as const, name, creditCode: `${first17}${creditCodeCheckChar(first17)}`, legalRepresentative, phone: '0871-65551234', address };
};

interface DemoDiscretionCase {
  item: string;
  title: string;
  facts: string;
  place: string;
  party: Record<string, unknown>;
  /** Dates: clue/filing, closing the investigation, notice and decision (same day, statement waived), service. */
  on: { clue: IsoDate; close: IsoDate; decide: IsoDate; serve?: IsoDate };
  fineYuan: number;
  discretionFacts: Record<string, unknown>;
  outsideRangeReason?: string;
  /** Stop after closing the investigation (a case being decided, for the similar-cases view). */
  reviewingOnly?: boolean;
}

const shopA = person('邓美玲', '19800312', 151, '云城市东湖区人民路12号');

function demoDiscretionCases(): DemoDiscretionCase[] {
  const shop = (street: string) => ({
    title: '涉嫌超出门窗外墙摆卖案',
    facts: `当事人在${street}门店门外人行道摆放货架、堆放商品经营，经执法人员责令改正后拒不改正。`,
    place: `云城市东湖区${street}门前`,
    item: 'YC-002',
  });
  return [
    {
      ...shop('人民路12号'),
      party: shopA,
      on: { clue: '2026-05-11', close: '2026-05-13', decide: '2026-05-15', serve: '2026-05-18' },
      fineYuan: 1000,
      discretionFacts: { repeatCountPastYear: 0, corrected: false },
    },
    {
      ...shop('解放路40号'),
      party: company('云城市东湖区鲜果坊水果店有限公司', 'MA6K7X1Y2', '陶鲜', '云城市东湖区解放路40号'),
      on: { clue: '2026-06-08', close: '2026-06-10', decide: '2026-06-12', serve: '2026-06-15' },
      fineYuan: 1000,
      discretionFacts: { repeatCountPastYear: 0, corrected: false },
    },
    {
      ...shop('民主路7号'),
      party: person('韩立军', '19760925', 162, '云城市东湖区民主路7号'),
      on: { clue: '2026-07-06', close: '2026-07-08', decide: '2026-07-10', serve: '2026-07-13' },
      fineYuan: 1000,
      discretionFacts: { repeatCountPastYear: 0, corrected: false },
    },
    // The inconsistent one: a first-time offender in the same tier, fined three times what the others paid.
    {
      ...shop('胜利路88号'),
      party: person(DEMO_INCONSISTENT_PARTY, '19890504', 173, '云城市东湖区胜利路88号'),
      on: { clue: '2026-08-10', close: '2026-08-12', decide: '2026-08-17', serve: '2026-08-18' },
      fineYuan: 3000,
      discretionFacts: { repeatCountPastYear: 0, corrected: false },
      outsideRangeReason: '当事人摆卖面积较大且处于学校门口，严重影响学生通行，拟从重处罚。',
    },
    // A repeat offender: the second penalty within a year is 情节较重 (3,000元) — inside its own tier.
    {
      ...shop('人民路12号'),
      party: shopA,
      on: { clue: '2026-09-07', close: '2026-09-09', decide: '2026-09-11', serve: '2026-09-14' },
      fineYuan: 3000,
      discretionFacts: { repeatCountPastYear: 1, corrected: false },
    },
    // A per-unit rate: 20 m² of public green space used as a car park, first time → 500元 × 20.
    {
      item: 'YC-032',
      title: '涉嫌在公共绿地停放车辆案',
      facts: '当事人在东湖区湖滨公园东侧公共绿地内停放经营用车辆，占用绿地约 20 平方米。',
      place: '云城市东湖区湖滨公园东侧绿地',
      party: company('云城市东湖区速达汽车租赁有限公司', 'MA6K8W2A3', '严速达', '云城市东湖区湖滨路200号'),
      on: { clue: '2026-09-21', close: '2026-09-24', decide: '2026-09-28', serve: '2026-09-29' },
      fineYuan: 10000,
      discretionFacts: { repeatCountPastYear: 0, quantities: { area_m2: 20 } },
    },
    // Being decided now: its similar past cases are the four 情节较轻 ones above.
    {
      ...shop('中山路156号'),
      party: person('彭永强', '19830217', 184, '云城市东湖区中山路156号'),
      on: { clue: '2026-11-02', close: '2026-11-06', decide: '2026-11-06' },
      fineYuan: 1000,
      discretionFacts: { repeatCountPastYear: 0, corrected: false },
      reviewingOnly: true,
    },
  ];
}

/** Imports the demo benchmark and exemption list, adds the matching power-list items and builds the cases. */
/**
 * Imports the demo benchmarks and adds their power items; returns the cases decided on them as tracks of dated acts
 * (./tracks.ts), which the case seeding takes together with its own in date order.
 */
export async function seedDemoDiscretion(base: ServiceContext, shift = 0): Promise<{ versionId: number; tracks: Track[] }> {
  let now = new Date('2026-03-01T01:00:00Z');
  const ctx: ServiceContext = { ...base, files: base.files ?? memoryFileStore(), clock: () => now };
  const at = (date: IsoDate) => {
    now = new Date(`${shiftDates(date, shift)}T01:00:00Z`); // 09:00 in China
  };
  const moved = <T>(value: T): T => shiftDates(value, shift);
  const orgRows = await ctx.db
    .select()
    .from(organizations)
    .where(inArray(organizations.name, ['云城市城市管理局', '云城市东湖区城市管理和综合行政执法局', '云城市西山区城市管理和综合行政执法局']));
  const orgId = (name: string) => orgRows.find((o) => o.name === name)!.id;
  const userRows = await ctx.db.select().from(users).innerJoin(organizations, eq(organizations.id, users.organizationId));
  const actor = (username: string): Actor => {
    const row = userRows.find((r) => r.users.username === username);
    if (!row) throw new Error(`demo user ${username} missing`);
    return { userId: row.users.id, organizationId: row.organizations.id, organizationPath: row.organizations.path, roles: row.users.roles as Role[], displayName: row.users.displayName };
  };

  at('2026-03-01');
  const csv = Buffer.from(demoBenchmarkCsv((await readFile(bundledBenchmarksUrl)).toString('utf8')), 'utf8');
  // Imported as drafts and confirmed at once, in force (and published) from the demo's effective date.
  const benchmark = await importBenchmarks(ctx, systemActor, { fileName: 'yuncheng-discretion-benchmarks.csv', data: csv }, {
    organizationId: orgId('云城市城市管理局'),
    name: DEMO_BENCHMARK_NAME,
    issuer: '云城市城市管理局',
    effectiveFrom: moved('2026-03-01'),
  });
  await confirmBenchmarkVersion(ctx, systemActor, benchmark.versionId, { effectiveFrom: moved('2026-03-01') });
  const exemptions = await importBenchmarks(ctx, systemActor, { fileName: 'first-violation-exemptions.csv', data: await readFile(bundledExemptionsUrl) }, {
    kind: 'exemption',
    organizationId: orgId('云城市城市管理局'),
    name: DEMO_EXEMPTION_LIST_NAME,
    issuer: '云城市城市管理局',
    effectiveFrom: moved('2026-03-01'),
  });
  await confirmBenchmarkVersion(ctx, systemActor, exemptions.versionId, { effectiveFrom: moved('2026-03-01') });

  const items = parseBenchmarkCsv(csv.toString('utf8')).items;
  const benchmarkItem = (code: string): BenchmarkItem => {
    const found = items.find((i) => i.code === code && i.source.name.startsWith(DEMO_BENCHMARK_NAME));
    if (!found) throw new Error(`demo benchmark item 序号${code} missing`);
    return found;
  };
  const powerItemIds = new Map<string, number>();
  for (const district of ['云城市东湖区城市管理和综合行政执法局', '云城市西山区城市管理和综合行政执法局']) {
    for (const spec of demoItems) {
      const b = benchmarkItem(spec.benchmarkCode);
      const added = await addPowerItem(ctx, systemActor, {
        organizationId: orgId(district),
        code: spec.code,
        name: b.name,
        violatedProvision: b.violatedProvision,
        penaltyProvision: b.penaltyProvision,
        statutoryRange: b.statutoryRange.text,
        category: b.category,
      });
      if (district.includes('东湖')) powerItemIds.set(spec.code, added.id);
    }
  }

  const officers = [actor('wanglei').userId, actor('zhaogang').userId];
  const tracks = demoDiscretionCases().map((c) => {
    // The case as held between steps (its act code does not change); the view is not read after each step.
    let view: { id: number; version: number; actCode: string };
    const step = async (by: string, body: Record<string, unknown>) => {
      view = { ...view, version: await stepCase(ctx, actor(by), view.id, { expectedVersion: view.version, ...body }) };
    };
    const acts: { on: IsoDate; take: () => Promise<void> }[] = [
      {
        on: c.on.clue,
        take: async () => {
          view = await registerClue(ctx, actor('wanglei'), moved({
            organizationId: actor('wanglei').organizationId,
            clueSource: 'patrol',
            title: c.title,
            facts: c.facts,
            place: c.place,
            actStartedOn: c.on.clue,
            actEndedOn: c.on.clue,
            discoveredOn: c.on.clue,
            powerItemId: powerItemIds.get(c.item)!,
            party: c.party,
          }));
          // The 立案审批表's opinions, each signed by its author (the officer, the brigade leader), then the head files.
          await step('wanglei', { action: 'signOpinion', form: 'filing', role: 'undertaker', text: '经初步核查，当事人涉嫌违法的事实基本清楚，属于本机关管辖，建议立案调查。' });
          await step('chief.donghu', { action: 'signOpinion', form: 'filing', role: 'unit', text: '同意立案，由王磊、赵刚承办。' });
          await step('head.donghu', { action: 'file', officerIds: officers, opinion: '经初步核查，有违法事实，属于本机关管辖，符合立案条件，同意立案。' });
          await step('wanglei', { action: 'startInvestigation' });
          const added = await addEvidence(ctx, actor('wanglei'), view.id, {
            expectedVersion: view.version,
            kind: 'onSiteRecord',
            title: '现场检查笔录',
            fileName: '现场检查笔录.txt',
            mediaType: 'text/plain',
            contentBase64: Buffer.from(`【演示数据】${c.facts}\n（${view.actCode}，演示数据，非真实案件）\n`).toString('base64'),
            collectorIds: officers,
            recordedOn: moved(c.on.clue),
            place: c.place,
            note: `证明${c.title.replace(/^涉嫌/, '').replace(/案$/, '')}的事实（现场情况）`,
          });
          view = { ...view, version: added.version };
        },
      },
      {
        on: c.on.close,
        take: () =>
          step('wanglei', {
            action: 'closeInvestigation',
            findings: `${c.facts.replace(/。$/, '')}，事实清楚，证据确凿。`,
            proposal: {
              kind: 'penalty',
              penalty: {
                kinds: ['fine'],
                fineFen: yuan(c.fineYuan),
                description: `罚款人民币${c.fineYuan}元`,
                basis: benchmarkItem(demoItems.find((d) => d.code === c.item)!.benchmarkCode).penaltyProvision,
                outsideRangeReason: c.outsideRangeReason ?? null,
              },
            },
            discretionFacts: c.discretionFacts,
          }),
      },
    ];
    if (!c.reviewingOnly) {
      acts.push({
        on: c.on.decide,
        take: async () => {
          await step('wanglei', { action: 'notify', service: { method: 'direct', time: '10:00' } });
          await step('wanglei', { action: 'recordStatement', waived: true, content: '对违法事实和拟处罚内容无异议，放弃陈述申辩。' });
          if (c.outsideRangeReason) {
            await step('reviewer.donghu', { action: 'legalReview', passed: true, opinion: '超出裁量基准幅度的理由已书面说明，同意。', checklist: allPassedChecklist() });
          }
          await step('head.donghu', { action: 'decide' });
          await publishDecision(ctx, actor('wanglei'), view.id);
        },
      });
      const serveOn = c.on.serve;
      if (serveOn) acts.push({ on: serveOn, take: () => step('zhaogang', { action: 'serve', method: 'direct', time: '10:30' }) });
    }
    // Each act runs on its own (moved) date, on this module's clock.
    return datedActs(
      acts.map((act) => ({
        on: moved(act.on),
        take: () => {
          at(act.on);
          return act.take();
        },
      })),
    );
  });
  return { versionId: benchmark.versionId, tracks };
}

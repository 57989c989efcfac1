/**
 * The supervisor's figures and the reviewer's queue on constructed data: cases inserted as rows with exactly the
 * columns, records and deadlines the aggregates read, so every expected number below can be counted by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, type Role, systemActor } from '../../domain/access.ts';
import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import { allPassedChecklist } from '../../domain/cases/legal-review.ts';
import type { DeadlineKind, PenaltyKind } from '../../domain/cases/model.ts';
import { type CaseRecord, emptyCaseRecord } from '../../domain/cases/snapshot.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { caseParties, cases, deadlines } from '../../db/schema.ts';
import { createTestDatabase } from '../../db/testing.ts';
import type { ServiceContext } from '../context.ts';
import { memoryFileStore } from '../file-store.ts';
import { createOrganization } from '../organizations.ts';
import { caseStatistics, monthsOf } from './case-statistics.ts';
import { setCaseSettings } from './case-settings.ts';
import { addPowerItem } from './power-list.ts';
import { listReviewQueue, reviewQueuePage } from './review-queue.ts';
import { refusal } from '../../domain/test-support.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
// Friday 2026-11-13: "due soon" runs to Wednesday 2026-11-18 (three working days after today).
const TODAY = '2026-11-13';

interface Org {
  id: number;
  path: string;
}
let org: { city: Org; districtA: Org; brigadeA: Org; townA: Org; districtB: Org; brigadeB: Org };
let item: { roadA: number; buildingA: number; roadB: number };

const actorAt = (o: Org, roles: Role[], userId = 900): Actor => ({ userId, organizationId: o.id, organizationPath: o.path, roles, displayName: '测试人员' });

interface Decision {
  kinds: PenaltyKind[];
  fineYuan: number | null;
  status?: 'inForce' | 'revoked' | 'changed';
  on: IsoDate;
}

interface Row {
  org: Org;
  registeredOn: IsoDate;
  state: string;
  item?: number;
  decision?: Decision | 'noPenalty';
  deadlines?: [DeadlineKind, IsoDate][];
  record?: (r: CaseRecord) => void;
  party?: 'person' | 'organization';
}

let seq = 0;
/** Inserts one case row (with its party and open deadlines) exactly as the engine stores these fields. */
async function insertCase(c: Row): Promise<number> {
  seq += 1;
  const record = emptyCaseRecord();
  const d = c.decision;
  const penalty = d && d !== 'noPenalty' ? { kinds: d.kinds, fineFen: d.fineYuan === null ? null : d.fineYuan * 100, confiscationFen: null, description: '处罚内容', basis: '处罚依据', tier: null, range: null, benchmarkVersion: null, outsideRangeReason: null } : null;
  if (d) {
    record.decision = { kind: penalty ? 'penalty' : 'noPenalty', on: d === 'noPenalty' ? c.registeredOn : d.on, number: `测罚决字〔2026〕${seq}号`, penalty, ground: penalty ? null : 'minor', education: penalty ? null : '已批评教育', transferReason: null, status: d === 'noPenalty' ? 'inForce' : (d.status ?? 'inForce'), statusChange: null };
  }
  c.record?.(record);
  const [row] = await handle.db
    .insert(cases)
    .values({
      organizationId: c.org.id,
      procedure: 'ordinary',
      state: c.state,
      actCode: `5399022026P${String(seq).padStart(6, '0')}X`,
      clueSource: 'patrol',
      title: `测试案件${seq}`,
      facts: '事实',
      place: '地点',
      actStartedOn: c.registeredOn,
      discoveredOn: c.registeredOn,
      registeredOn: c.registeredOn,
      lastActedOn: c.registeredOn,
      powerItemId: c.item ?? null,
      officerIds: [],
      decisionKind: record.decision?.kind ?? null,
      decisionNumber: record.decision?.number ?? null,
      decidedOn: record.decision?.on ?? null,
      decisionStatus: record.decision?.status ?? null,
      fineFen: penalty?.fineFen ?? null,
      record,
    })
    .returning({ id: cases.id });
  const id = row!.id;
  const kind = c.party ?? 'person';
  await handle.db.insert(caseParties).values({ caseId: id, kind, name: `当事人${seq}`, identityKey: `id:${seq}` });
  for (const [k, dueOn] of c.deadlines ?? []) {
    await handle.db.insert(deadlines).values({ subjectType: 'case', subjectId: id, organizationId: c.org.id, kind: k, dueOn, article: '测试' });
  }
  return id;
}


beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date(`${TODAY}T01:00:00Z`), files: memoryFileStore() };
  const add = (name: string, kind: string, parent: Org | null) => createOrganization(ctx, systemActor, { name, kind, parentId: parent?.id ?? null });
  const city = await add('云城市城市管理局', 'bureau', null);
  const districtA = await add('东湖区执法局', 'district_bureau', city);
  const districtB = await add('西山区执法局', 'district_bureau', city);
  org = {
    city,
    districtA,
    brigadeA: await add('东湖区执法大队', 'brigade', districtA),
    townA: await add('南湖街道执法队', 'town_team', districtA),
    districtB,
    brigadeB: await add('西山区执法大队', 'brigade', districtB),
  };
  const power = (o: Org, code: string, name: string, category: string) =>
    addPowerItem(ctx, systemActor, { organizationId: o.id, code, name, violatedProvision: '《条例》第十四条', penaltyProvision: '《条例》第三十六条', statutoryRange: '处以罚款', category });
  item = {
    roadA: (await power(districtA, 'SR-001', '擅自占道摆摊', '占道经营')).id,
    buildingA: (await power(districtA, 'WJ-001', '未取得规划许可建设', '违法建设')).id,
    roadB: (await power(districtB, 'SR-001', '擅自占道摆摊', '占道经营')).id,
  };
}, 120_000);
afterAll(() => handle.close());

describe('caseStatistics: the dashboard figures', () => {
  beforeAll(async () => {
    const { brigadeA, townA, districtA, brigadeB, districtB } = org;
    // 1: warning + 2,000 元, payment overdue since October.
    await insertCase({ org: brigadeA, registeredOn: '2026-09-03', state: 'enforcing', item: item.roadA, decision: { kinds: ['warning', 'fine'], fineYuan: 2000, on: '2026-09-20' }, deadlines: [['payment', '2026-10-01']] });
    // 2: 500 元, closed.
    await insertCase({ org: brigadeA, registeredOn: '2026-09-20', state: 'closed', item: item.roadA, decision: { kinds: ['fine'], fineYuan: 500, on: '2026-10-08' } });
    // 3: 10,000 元 revoked: decided, but no penalty counted.
    await insertCase({ org: brigadeA, registeredOn: '2026-10-05', state: 'closed', item: item.buildingA, decision: { kinds: ['fine'], fineYuan: 10000, on: '2026-10-20', status: 'revoked' } });
    // 4: town team, 800 元 + confiscation, service and publicity due on Wednesday (due soon, two deadlines).
    await insertCase({ org: townA, registeredOn: '2026-10-12', state: 'decided', item: item.roadA, decision: { kinds: ['fine', 'confiscateProperty'], fineYuan: 800, on: '2026-11-10' }, deadlines: [['service', '2026-11-18'], ['publicity', '2026-11-18']] });
    // 5: town team, investigating, decision due in January.
    await insertCase({ org: townA, registeredOn: '2026-11-02', state: 'investigating', item: item.roadA, deadlines: [['decision', '2027-01-31']] });
    // 6: decision due today: due soon, not overdue.
    await insertCase({ org: brigadeA, registeredOn: '2026-11-10', state: 'reviewing', item: item.roadA, deadlines: [['decision', TODAY]] });
    // 7: the other district, 30,000 元, payment due yesterday: overdue.
    await insertCase({ org: brigadeB, registeredOn: '2026-08-15', state: 'enforcing', item: item.roadB, decision: { kinds: ['fine'], fineYuan: 30000, on: '2026-09-01' }, deadlines: [['payment', '2026-11-12']] });
    // 8: the other district's bureau itself, a year ago, no penalty, archived.
    await insertCase({ org: districtB, registeredOn: '2025-11-30', state: 'archived', decision: 'noPenalty' });
    // 9: handled by district A's bureau itself, filed in July.
    await insertCase({ org: districtA, registeredOn: '2026-07-01', state: 'filed', item: item.roadA });
  });

  it('counts the whole city for its supervisor: states, months, deadlines, penalties, units', async () => {
    const s = await caseStatistics(ctx, actorAt(org.city, ['supervisor']));
    expect(s.today).toBe(TODAY);
    expect(s.dueSoonUntil).toBe('2026-11-18');
    expect(s.scope).toEqual({ organizationId: org.city.id, organizationName: '云城市城市管理局' });
    expect(s.byState.map((r) => [r.state, r.count])).toEqual([
      ['filed', 1],
      ['investigating', 1],
      ['reviewing', 1],
      ['decided', 1],
      ['enforcing', 2],
      ['closed', 2],
      ['archived', 1],
    ]);
    expect(s.byMonth.map((m) => m.month)).toEqual(monthsOf(null, null, TODAY));
    expect(s.byMonth.filter((m) => m.count > 0)).toEqual([
      { month: '2026-07', count: 1 },
      { month: '2026-08', count: 1 },
      { month: '2026-09', count: 2 },
      { month: '2026-10', count: 2 },
      { month: '2026-11', count: 2 },
    ]);
    expect(s.overdue.cases).toBe(2);
    expect(s.overdue.items.map((d) => [d.title, d.kind, d.dueOn])).toEqual([
      ['测试案件1', 'payment', '2026-10-01'],
      ['测试案件7', 'payment', '2026-11-12'],
    ]);
    expect(s.dueSoon.cases).toBe(2);
    expect(s.dueSoon.items.map((d) => [d.title, d.kind, d.dueOn])).toEqual([
      ['测试案件6', 'decision', TODAY],
      ['测试案件4', 'service', '2026-11-18'],
      ['测试案件4', 'publicity', '2026-11-18'],
    ]);
    expect(s.byPenaltyKind).toEqual([
      { kind: 'warning', label: '警告', count: 1, fineFen: 200_000 },
      { kind: 'fine', label: '罚款', count: 4, fineFen: 3_330_000 },
      { kind: 'confiscateProperty', label: '没收非法财物', count: 1, fineFen: 80_000 },
    ]);
    expect(s.byViolation).toEqual([
      { code: 'SR-001', name: '擅自占道摆摊', category: '占道经营', cases: 7, penalties: 4, fineFen: 3_330_000 },
      { code: 'WJ-001', name: '未取得规划许可建设', category: '违法建设', cases: 1, penalties: 0, fineFen: 0 },
    ]);
    expect(s.units).toEqual([
      { organizationId: org.districtA.id, name: '东湖区执法局', ownLevel: false, cases: 7, decided: 4, overdue: 1, fineFen: 330_000 },
      { organizationId: org.districtB.id, name: '西山区执法局', ownLevel: false, cases: 2, decided: 2, overdue: 1, fineFen: 3_000_000 },
    ]);
    expect(s.totals).toEqual({ cases: 9, decided: 6, overdue: 2, dueSoon: 2, penalties: 4, fineFen: 3_330_000 });
  });

  it('a district head sees only the district: its own cases first, then each unit with its sub-units', async () => {
    const s = await caseStatistics(ctx, actorAt(org.districtA, ['head']));
    expect(s.units).toEqual([
      { organizationId: org.districtA.id, name: '东湖区执法局（本级）', ownLevel: true, cases: 1, decided: 0, overdue: 0, fineFen: 0 },
      { organizationId: org.brigadeA.id, name: '东湖区执法大队', ownLevel: false, cases: 4, decided: 3, overdue: 1, fineFen: 250_000 },
      { organizationId: org.townA.id, name: '南湖街道执法队', ownLevel: false, cases: 2, decided: 1, overdue: 0, fineFen: 80_000 },
    ]);
    expect(s.totals).toEqual({ cases: 7, decided: 4, overdue: 1, dueSoon: 2, penalties: 3, fineFen: 330_000 });
    expect(s.overdue.items.map((d) => d.title)).toEqual(['测试案件1']);
    const town = await caseStatistics(ctx, actorAt(org.townA, ['head']));
    expect(town.totals).toEqual({ cases: 2, decided: 1, overdue: 0, dueSoon: 1, penalties: 1, fineFen: 80_000 });
    expect(town.units).toEqual([{ organizationId: org.townA.id, name: '南湖街道执法队（本级）', ownLevel: true, cases: 2, decided: 1, overdue: 0, fineFen: 80_000 }]);
    expect(town.byPenaltyKind.map((k) => [k.kind, k.count])).toEqual([
      ['fine', 1],
      ['confiscateProperty', 1],
    ]);
  });

  it('a registration date range narrows every figure; its months are the range’s', async () => {
    const s = await caseStatistics(ctx, actorAt(org.city, ['admin']), { from: '2026-10-01', to: '2026-10-31' });
    expect(s.range).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(s.byState.map((r) => [r.state, r.count])).toEqual([
      ['decided', 1],
      ['closed', 1],
    ]);
    expect(s.byMonth).toEqual([{ month: '2026-10', count: 2 }]);
    expect(s.totals).toEqual({ cases: 2, decided: 2, overdue: 0, dueSoon: 1, penalties: 1, fineFen: 80_000 });
    expect(s.byViolation).toEqual([
      { code: 'SR-001', name: '擅自占道摆摊', category: '占道经营', cases: 1, penalties: 1, fineFen: 80_000 },
      { code: 'WJ-001', name: '未取得规划许可建设', category: '违法建设', cases: 1, penalties: 0, fineFen: 0 },
    ]);
    expect(s.dueSoon.items.map((d) => d.kind)).toEqual(['service', 'publicity']);
  });

  it('month series: twelve months to today by default, the range’s months (at most 36) otherwise', () => {
    expect(monthsOf(null, null, '2026-03-31')).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    expect(monthsOf('2025-12-15', '2026-02-01', TODAY)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(monthsOf('2020-01-01', null, TODAY)).toHaveLength(36);
    expect(monthsOf('2020-01-01', null, TODAY).at(-1)).toBe('2026-11');
  });

  it('refuses other roles and a reversed range in Chinese, changing nothing', async () => {
    const officer = await refusal(caseStatistics(ctx, actorAt(org.brigadeA, ['officer'])));
    expect(officer.code).toBe('FORBIDDEN');
    expect(officer.message).toContain('监督员');
    const reversed = await refusal(caseStatistics(ctx, actorAt(org.city, ['supervisor']), { from: '2026-11-01', to: '2026-10-01' }));
    expect(reversed).toMatchObject({ code: 'VALIDATION', message: '起始日期不能晚于截止日期' });
    const bad = await refusal(caseStatistics(ctx, actorAt(org.city, ['supervisor']), { from: '2026-02-30' }));
    expect(bad.message).toContain('日期格式应为 YYYY-MM-DD');
  });
});

describe('listReviewQueue: cases awaiting legal review (《行政处罚法》第五十八条)', () => {
  const proposal = (fineYuan: number) => (r: CaseRecord) => {
    r.proposal = { kind: 'penalty', penalty: { kinds: ['fine'], fineFen: fineYuan * 100, confiscationFen: null, description: `罚款${fineYuan}元`, basis: '依据', tier: null, range: null, benchmarkVersion: null, outsideRangeReason: null }, ground: null, education: null, transferReason: null };
  };
  const review = (on: IsoDate, passed: boolean) => ({ on, reviewerId: 901, reviewerName: '林晓', passed, opinion: passed ? '同意' : '证据不足', checklist: allPassedChecklist() });
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const { brigadeA, brigadeB, districtB } = org;
    // District B reviews every ordinary case (local catalog), inherited by its brigade.
    await setCaseSettings(ctx, systemActor, districtB.id, { legalReviewAllOrdinary: true });
    ids.large = await insertCase({ org: brigadeA, registeredOn: '2026-10-01', state: 'reviewing', record: proposal(8000), deadlines: [['decision', '2026-12-20']] });
    ids.small = await insertCase({ org: brigadeA, registeredOn: '2026-10-02', state: 'reviewing', record: proposal(1000), deadlines: [['decision', '2026-11-20']] });
    ids.returned = await insertCase({
      org: brigadeA,
      registeredOn: '2026-10-03',
      state: 'notified',
      record: (r) => {
        proposal(6000)(r);
        r.legalReviews.push(review('2026-11-05', false));
      },
      deadlines: [['decision', '2026-11-20']],
    });
    ids.heard = await insertCase({
      org: brigadeA,
      registeredOn: '2026-10-04',
      state: 'hearing',
      record: (r) => {
        proposal(6000)(r);
        r.legalReviews.push(review('2026-11-01', true));
        r.hearing = { requestedOn: '2026-11-02', hearingOn: '2026-11-12', noticeServedOn: '2026-11-02', noticeNumber: null, presiderId: 901, presiderName: '林晓', place: '听证室', heldOn: '2026-11-12', record: '笔录' };
      },
      deadlines: [['decision', '2026-11-30']],
    });
    ids.done = await insertCase({ org: brigadeA, registeredOn: '2026-10-05', state: 'notified', record: (r) => (proposal(9000)(r), r.legalReviews.push(review('2026-11-06', true))), deadlines: [['decision', '2026-11-16']] });
    ids.other = await insertCase({ org: brigadeB, registeredOn: '2026-10-06', state: 'reviewing', party: 'organization', record: proposal(1000), deadlines: [['decision', '2027-01-05']] });
  });

  it('lists what needs review and has no passed review to rest on, most urgent deadline first', async () => {
    const queue = await listReviewQueue(ctx, actorAt(org.districtA, ['reviewer']));
    expect(queue.map((q) => [q.id, q.status, q.deadlines[0]?.dueOn])).toEqual([
      [ids.returned, 'returned', '2026-11-20'],
      [ids.heard, 'afterHearing', '2026-11-30'],
      [ids.large, 'pending', '2026-12-20'],
    ]);
    const [returned, heard, large] = queue;
    expect(returned).toMatchObject({ statusLabel: '已退回，待重新审核', lastReview: { passed: false, opinion: '证据不足' }, hearingPending: false });
    expect(heard?.reasons).toEqual(['直接关系当事人重大权益，经过听证程序', '罚款达到 5,000.00元']);
    expect(large).toMatchObject({ proposal: { kind: 'penalty', kindLabel: '行政处罚决定', fineFen: 800_000 }, reasons: ['罚款达到 5,000.00元'], lastReview: null });
    expect(large?.deadlines).toEqual([{ kind: 'decision', label: '作出处理决定', dueOn: '2026-12-20', overdue: false, dueSoon: false }]);
  });

  it('follows the local catalog inherited down the tree, and only within the actor’s subtree', async () => {
    const b = await listReviewQueue(ctx, actorAt(org.districtB, ['reviewer']));
    expect(b.map((q) => [q.id, q.reasons])).toEqual([[ids.other, ['本地规定普通程序案件全部法制审核']]]);
    const city = await listReviewQueue(ctx, actorAt(org.city, ['admin']));
    expect(city.map((q) => q.id)).toEqual([ids.returned, ids.heard, ids.large, ids.other]);
    expect(city.map((q) => q.id)).not.toContain(ids.small);
    expect(city.map((q) => q.id)).not.toContain(ids.done);
  });

  it('is answered a page at a time (issue 16 item 7), or for one case; a page over 100 is refused in Chinese', async () => {
    const city = actorAt(org.city, ['admin']);
    expect(await reviewQueuePage(ctx, city, { limit: 2 })).toEqual({ items: (await listReviewQueue(ctx, city)).slice(0, 2), total: 4 });
    expect((await reviewQueuePage(ctx, city, { limit: 2, offset: 2 })).items.map((q) => q.id)).toEqual([ids.large, ids.other]);
    expect((await reviewQueuePage(ctx, city, { offset: 4 })).items).toEqual([]);
    expect((await reviewQueuePage(ctx, city, { caseId: ids.heard })).items.map((q) => [q.id, q.status])).toEqual([[ids.heard, 'afterHearing']]);
    // A case that does not await review (a passed review stands) is no entry of the queue.
    expect(await reviewQueuePage(ctx, city, { caseId: ids.done })).toEqual({ items: [], total: 0 });
    expect((await refusal(reviewQueuePage(ctx, city, { limit: 101 }))).message).toContain('每页最多 100 条');
    expect((await refusal(reviewQueuePage(ctx, actorAt(org.brigadeA, ['officer']), {}))).code).toBe('FORBIDDEN');
  });

  it('refuses roles without a part in legal review', async () => {
    expect((await refusal(listReviewQueue(ctx, actorAt(org.brigadeA, ['officer'])))).code).toBe('FORBIDDEN');
    expect((await refusal(listReviewQueue(ctx, actorAt(org.city, ['supervisor'])))).code).toBe('FORBIDDEN');
  });
});

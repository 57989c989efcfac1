import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Actor, type Role, systemActor } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import { creditCodeCheckChar } from '../../domain/validators/credit-code.ts';
import { idNumberCheckChar } from '../../domain/validators/id-number.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { auditRecords, caseDocuments, numberCounters } from '../../db/schema.ts';
import { createTestDatabase, resetTestDatabase, testDatabaseKind } from '../../db/testing.ts';
import type { ServiceContext } from '../context.ts';
import { memoryFileStore } from '../file-store.ts';
import { createOrganization, updateOrganization } from '../organizations.ts';
import { createUser } from '../users.ts';
import { TEST_PASSWORD, testPasswordHash } from '../testing/factories.ts';
import { verifyAudit } from '../verify-audit.ts';
import { addEvidence } from './add-evidence.ts';
import { setCaseSettings } from './case-settings.ts';
import { decideOnSpot } from './decide-on-spot.ts';
import type { CaseView } from './get-case.ts';
import { getCase } from './get-case.ts';
import { listCases } from './list-cases.ts';
import { listDeadlines } from './list-deadlines.ts';
import { addPowerItem } from './power-list.ts';
import { getPublishedDecision, listPublishedDecisions, publishDecision } from './publicity.ts';
import { verifyActCode } from './public-lookup.ts';
import { registerClue } from './register-clue.ts';
import { transitionCase } from './transition-case.ts';
import { verifyEvidence } from './verify-evidence.ts';
import { refusal } from '../../domain/test-support.ts';
import { readCaseTrail } from './case-timeline.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let files: ReturnType<typeof memoryFileStore>;
let now = new Date('2026-03-02T01:00:00Z');
/** Sets the clock to 09:00 China time on `date`. */
const at = (date: string) => {
  now = new Date(`${date}T01:00:00Z`);
};

const person = (name: string, birth = '19850615', seq = '001') => {
  const first17 = `539902${birth}${seq.padStart(3, '0')}`;
  return { kind: 'person' as const, name, idNumber: `${first17}${idNumberCheckChar(first17)}`, phone: '13900001111', address: '云城市东湖区南湖路88号3栋' };
};
const company = (name: string, body = '539902MA0000001') => {
  const first17 = `91${body}`;
  return { kind: 'organization' as const, name, creditCode: `${first17}${creditCodeCheckChar(first17)}`, legalRepresentative: '周大海' };
};

interface World {
  org: { bureau: number; brigade: number; other: number };
  head: Actor;
  reviewer: Actor;
  officerA: Actor;
  officerB: Actor;
  expired: Actor;
  outsider: Actor;
  item: number;
}
let w: World;

async function user(org: { id: number; path: string }, username: string, displayName: string, roles: Role[], cert: string | null, until: string | null): Promise<Actor> {
  const u = await createUser(ctx, systemActor, {
    organizationId: org.id,
    username,
    displayName,
    password: TEST_PASSWORD,
    roles,
    certificateNo: cert,
    certificateValidUntil: until,
  }, { passwordHash: await testPasswordHash() }); // argon2 once per process, not per user
  return { userId: u.id, organizationId: org.id, organizationPath: org.path, roles, displayName };
}

async function buildWorld(): Promise<World> {
  const bureau = await createOrganization(ctx, systemActor, { name: '云城市东湖区城市管理和综合行政执法局', kind: 'district_bureau', parentId: null, divisionCode: '539902' });
  const brigade = await createOrganization(ctx, systemActor, { name: '东湖区城市管理综合行政执法大队', kind: 'brigade', parentId: bureau.id, divisionCode: '539902' });
  const other = await createOrganization(ctx, systemActor, { name: '云城市西山区城市管理和综合行政执法局', kind: 'district_bureau', parentId: null, divisionCode: '539903' });
  await setCaseSettings(ctx, systemActor, bureau.id, { documentPrefix: '云东城管' });
  const item = await addPowerItem(ctx, systemActor, {
    organizationId: bureau.id,
    code: 'SR-001',
    name: '擅自占用城市道路、公共场所摆摊设点',
    violatedProvision: '《城市市容和环境卫生管理条例》第十四条',
    penaltyProvision: '《城市市容和环境卫生管理条例》第三十六条第（二）项',
    statutoryRange: '责令停止违法行为，限期清理，并可处以罚款',
    category: '占道经营',
  });
  return {
    org: { bureau: bureau.id, brigade: brigade.id, other: other.id },
    head: await user(bureau, 'head', '陈建国', ['head'], '53990219000101', '2029-06-30'),
    reviewer: await user(bureau, 'reviewer', '林晓', ['reviewer'], '53990219000102', '2028-12-31'),
    officerA: await user(brigade, 'wanglei', '王磊', ['officer'], '53990219000201', '2028-12-31'),
    officerB: await user(brigade, 'zhaogang', '赵刚', ['officer'], '53990219000202', '2027-09-30'),
    expired: await user(brigade, 'sunli', '孙丽', ['officer'], '53990219000203', '2025-06-30'),
    outsider: await user(other, 'liuyang', '刘洋', ['officer', 'head'], '53990319000201', '2028-12-31'),
    item: item.id,
  };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  files = memoryFileStore();
  ctx = { db: handle.db, clock: () => now, files };
});
beforeEach(async () => {
  await resetTestDatabase(handle);
  at('2026-03-02');
  w = await buildWorld();
});
afterAll(() => handle.close());


const clue = (overrides: Record<string, unknown> = {}) => ({
  clueSource: 'patrol',
  title: '涉嫌擅自占用城市道路摆摊设点案',
  facts: '当事人在东湖区南湖路与湖滨路交叉口人行道上摆摊销售水果，占用人行道约6平方米，经劝导未改正。',
  place: '云城市东湖区南湖路与湖滨路交叉口',
  actStartedOn: '2026-02-25',
  actEndedOn: '2026-03-01',
  discoveredOn: '2026-03-02',
  powerItemId: w.item,
  party: person('张伟'),
  ...overrides,
});

const penalty = (fineFen: number) => ({
  kinds: ['fine'],
  fineFen,
  description: `罚款人民币${fineFen / 100}元`,
  basis: '《城市市容和环境卫生管理条例》第三十六条第（二）项',
});

async function step(c: CaseView, actor: Actor, body: Record<string, unknown>): Promise<CaseView> {
  return transitionCase(ctx, actor, c.id, { expectedVersion: c.version, ...body });
}

/** The 结案审批表 signed by the reviewer and the head, each in their own step (the officer closing writes the 承办人意见). */
async function signClosing(c: CaseView): Promise<CaseView> {
  c = await step(c, w.reviewer, { action: 'signOpinion', form: 'closing', role: 'reviewer', text: '程序合法，同意结案。' });
  return step(c, w.head, { action: 'signOpinion', form: 'closing', role: 'head', text: '同意结案。' });
}

/** How the documents of these cases are served (送达回证), and the 裁量理由 of their proposals. */
const served = { method: 'direct', time: '10:00', place: '云城市东湖区南湖路与湖滨路交叉口' };
const REASON = '当事人经劝导未改正，占道面积较小，未造成其他危害后果';

/** One evidence item collected by `by` and officer B (or `other`): a penalty rests on evidence (《行政处罚法》第四十条). */
async function withEvidence(c: CaseView, by: Actor = w.officerA, other: Actor = w.officerB): Promise<CaseView> {
  await addEvidence(ctx, by, c.id, {
    expectedVersion: c.version,
    kind: 'onSiteRecord',
    title: '现场检查笔录',
    fileName: 'record.txt',
    mediaType: 'text/plain',
    contentBase64: Buffer.from(`现场检查笔录 ${c.id}`).toString('base64'),
    collectorIds: [by.userId, other.userId],
    place: '南湖路与湖滨路交叉口',
    note: '证明当事人占道经营的事实',
  });
  return getCase(ctx, by, c.id, now);
}

/** Clue → filed → investigating → reviewing with a penalty proposal of `fineFen`. */
async function toReview(fineFen = 2_000_00, party: Record<string, unknown> = person('张伟')): Promise<CaseView> {
  let c = await registerClue(ctx, w.officerA, clue({ party }));
  c = await step(c, w.head, { action: 'file', officerIds: [w.officerA.userId, w.officerB.userId], opinion: '符合立案条件，同意立案' });
  at('2026-03-03');
  c = await step(c, w.officerA, { action: 'startInvestigation' });
  c = await withEvidence(c);
  c = await step(c, w.officerA, {
    action: 'closeInvestigation',
    findings: '当事人占用人行道摆摊的事实清楚，有现场笔录、照片和询问笔录为证。',
    proposal: { kind: 'penalty', penalty: penalty(fineFen) },
    discretionReason: REASON,
  });
  return c;
}

describe('ordinary procedure on the database', () => {
  it("a registration uses the unit as changed at once (the cached unit is forgotten when it changes)", async () => {
    expect((await registerClue(ctx, w.officerA, clue())).actCode).toMatch(/^5399022026P/);
    await updateOrganization(ctx, systemActor, w.org.brigade, { divisionCode: '539903' });
    expect((await registerClue(ctx, w.officerA, clue())).actCode).toMatch(/^5399032026P/);
  });

  it('runs clue → archive with numbers, deadlines, evidence, publicity and a clean audit chain', async () => {
    let c = await registerClue(ctx, w.officerA, clue());
    expect(c.actCode).toMatch(/^5399022026P000001[0-9A-Z]$/);
    expect(c.state).toBe('clue');
    c = await step(c, w.head, { action: 'file', officerIds: [w.officerA.userId, w.officerB.userId], opinion: '同意立案' });
    expect(c.deadlines).toContainEqual(expect.objectContaining({ kind: 'decision', dueOn: '2026-06-01', metAt: null }));
    at('2026-03-03');
    c = await step(c, w.officerA, { action: 'startInvestigation' });
    const photo = Buffer.from('现场照片（演示）');
    const ev = await addEvidence(ctx, w.officerA, c.id, {
      expectedVersion: c.version,
      kind: 'audioVisual',
      title: '现场照片',
      fileName: 'photo.jpg',
      mediaType: 'image/jpeg',
      contentBase64: photo.toString('base64'),
      collectorIds: [w.officerA.userId, w.officerB.userId],
      place: '南湖路与湖滨路交叉口',
      note: '证明当事人在交叉口人行道摆摊设点',
    });
    expect(ev.digest).toMatch(/^[0-9a-f]{64}$/);
    c = await getCase(ctx, w.officerA, c.id, now);
    c = await step(c, w.officerA, { action: 'closeInvestigation', findings: '事实清楚，证据确凿，建议罚款。', proposal: { kind: 'penalty', penalty: penalty(2_000_00) }, discretionReason: REASON });
    at('2026-03-10');
    c = await step(c, w.officerA, { action: 'notify', service: served });
    expect(c.record.notice).toMatchObject({ number: '云东城管罚告字〔2026〕1号', hearingOffered: false, statementEndsOn: '2026-03-13' });
    c = await step(c, w.officerA, { action: 'recordStatement', content: '已经整改，请求从轻处罚', reply: '已采纳，依法从轻' });
    expect((await refusal(step(c, w.head, { action: 'decide' }))).details?.article).toContain('第六十二条');
    at('2026-03-16');
    c = await step(c, w.head, { action: 'decide' });
    expect(c).toMatchObject({ state: 'decided', decision: { number: '云东城管罚决字〔2026〕1号', status: 'inForce' } });
    expect(c.deadlines.find((d) => d.kind === 'service')).toMatchObject({ dueOn: '2026-03-25', metAt: null });
    expect(c.publicity).toMatchObject({ status: 'pending', dueOn: '2026-03-25' });
    c = await step(c, w.officerB, { action: 'serve', method: 'direct', time: '10:00' });
    expect(c).toMatchObject({ state: 'enforcing', payment: { fineFen: 2_000_00, dueOn: '2026-03-31' } });
    await publishDecision(ctx, w.officerA, c.id);
    at('2026-03-20');
    c = await getCase(ctx, w.officerA, c.id, now);
    expect((await refusal(step(c, w.officerA, { action: 'close', summary: '已履行', execution: '罚款已缴清' }))).details?.article).toContain('第七十二条');
    c = await step(c, w.officerA, { action: 'recordPayment', amountFen: 2_000_00, receiptNo: 'FS20260320001' });
    c = await signClosing(c);
    c = await step(c, w.officerA, { action: 'close', summary: '当事人已全额缴纳罚款，案件办结。', execution: '罚款已缴清', opinion: '建议结案。' });
    c = await step(c, w.officerA, { action: 'archive', archiveNo: 'DH-2026-001' });
    expect(c.state).toBe('archived');
    expect(c.deadlines.filter((d) => d.metAt === null)).toEqual([]);
    expect((await readCaseTrail(ctx, systemActor, c.id)).map((t) => t.label)).toEqual(expect.arrayContaining(['登记案件线索', '立案', '登记证据', '事先告知', '作出决定', '送达', '记录缴款', '结案', '归档']));
    expect(c.officers.map((o) => o.certificateNo)).toEqual(['53990219000201', '53990219000202']);
    expect((await verifyAudit(ctx.db)).problem).toBeNull();
  });

  it('a stale version gets CONFLICT with a clear message and writes nothing', async () => {
    const c = await registerClue(ctx, w.officerA, clue());
    const filed = await step(c, w.head, { action: 'file', officerIds: [w.officerA.userId, w.officerB.userId], opinion: '同意立案' });
    const [before] = await ctx.db.select({ n: count() }).from(auditRecords);
    const error = await refusal(transitionCase(ctx, w.head, c.id, { expectedVersion: c.version, action: 'decline', reason: '不属于本单位管辖' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('该案件已被他人更新，请刷新后重试');
    const [after] = await ctx.db.select({ n: count() }).from(auditRecords);
    expect(after!.n).toBe(before!.n);
    expect((await getCase(ctx, w.head, c.id, now)).version).toBe(filed.version);
  });

  it('bad input gets a clear Chinese VALIDATION error and changes nothing', async () => {
    const error = await refusal(registerClue(ctx, w.officerA, clue({ party: { kind: 'person', name: '张伟', idNumber: '539902198506150010' } })));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('身份证号');
    expect(await listCases(ctx, w.head)).toEqual([]);
  });

  it('a case outside the actor subtree is NOT_FOUND', async () => {
    const c = await registerClue(ctx, w.officerA, clue());
    expect((await refusal(getCase(ctx, w.outsider, c.id, now))).code).toBe('NOT_FOUND');
    expect((await refusal(step(c, w.outsider, { action: 'decline', reason: '不属于管辖范围' }))).code).toBe('NOT_FOUND');
  });

  it('Art. 42 at filing: an officer with an expired certificate does not count', async () => {
    const c = await registerClue(ctx, w.officerA, clue());
    const error = await refusal(step(c, w.head, { action: 'file', officerIds: [w.officerA.userId, w.expired.userId], opinion: '同意立案' }));
    expect(error.details?.article).toContain('第四十二条');
    expect((await getCase(ctx, w.head, c.id, now)).state).toBe('clue');
  });

  it('Art. 29 across cases: the same act of the same party is not fined twice', async () => {
    const first = await toReview();
    at('2026-03-10');
    let c = await step(first, w.officerA, { action: 'notify', service: served });
    c = await step(c, w.officerA, { action: 'recordStatement', waived: true, content: '放弃陈述申辩' });
    c = await step(c, w.head, { action: 'decide' });
    at('2026-03-02');
    const second = await toReview();
    at('2026-03-10');
    let d = await step(second, w.officerA, { action: 'notify', service: served });
    d = await step(d, w.officerA, { action: 'recordStatement', waived: true, content: '放弃' });
    const error = await refusal(step(d, w.head, { action: 'decide' }));
    expect(error.details?.article).toContain('第二十九条');
    expect(error.message).toContain(c.decision!.number!);
  });

  it('numbers stay gapless when a decision is refused', async () => {
    let c = await toReview();
    at('2026-03-10');
    c = await step(c, w.officerA, { action: 'notify', service: served });
    await refusal(step(c, w.head, { action: 'decide' })); // statement period still running
    at('2026-03-16');
    c = await step(c, w.head, { action: 'decide' });
    expect(c.decision!.number).toBe('云东城管罚决字〔2026〕1号');
    const docs = await ctx.db.select().from(caseDocuments).where(eq(caseDocuments.kind, 'penaltyDecision'));
    expect(docs.map((d) => d.seq)).toEqual([1]);
    const counters = await ctx.db.select().from(numberCounters).where(eq(numberCounters.kind, 'penaltyDecision'));
    expect(counters).toEqual([expect.objectContaining({ lastSeq: 1 })]);
  });
});

describe('deadlines as index queries', () => {
  it('lists deadlines due within N days and overdue ones', async () => {
    await toReview();
    at('2026-05-28');
    expect((await listDeadlines(ctx, w.head, { status: 'due', days: 7 })).map((d) => d.kind)).toEqual(['decision']);
    expect(await listDeadlines(ctx, w.head, { status: 'overdue' })).toEqual([]);
    at('2026-06-02');
    expect((await listDeadlines(ctx, w.head, { status: 'overdue' })).map((d) => [d.kind, d.dueOn])).toEqual([['decision', '2026-06-01']]);
    expect(await listDeadlines(ctx, w.outsider, { status: 'overdue' })).toEqual([]);
  });

  it('Art. 60: an approved extension moves the decision deadline', async () => {
    let c = await toReview();
    c = await step(c, w.head, { action: 'extendDeadline', newDueOn: '2026-07-01', reason: '案情复杂，经负责人批准延长' });
    expect(c.deadlines.find((d) => d.kind === 'decision' && d.metAt === null)?.dueOn).toBe('2026-07-01');
    expect(c.record.extensions).toEqual([expect.objectContaining({ from: '2026-06-01', to: '2026-07-01', approvedBy: w.head.userId })]);
  });
});

describe('enforcement and side steps on the database', () => {
  async function enforcing(fineFen = 2_000_00): Promise<CaseView> {
    let c = await toReview(fineFen);
    at('2026-03-10');
    c = await step(c, w.officerA, { action: 'notify', service: served });
    c = await step(c, w.officerA, { action: 'recordStatement', waived: true, content: '放弃陈述申辩' });
    c = await step(c, w.head, { action: 'decide' });
    return step(c, w.officerB, { action: 'serve', method: 'direct', time: '10:00' });
  }

  it('Art. 66: approved instalments move the payment deadline; Art. 72: overdue fines accrue 加处罚款; 行政强制法 Art. 53–54: reminder, then court enforcement', async () => {
    let c = await enforcing();
    expect(c.payment?.dueOn).toBe('2026-03-25');
    at('2026-03-12');
    expect((await refusal(step(c, w.officerA, { action: 'approveDeferral', instalments: [{ dueOn: '2026-04-30', amountFen: 2_000_00 }], reason: '经济困难' }))).code).toBe('FORBIDDEN');
    c = await step(c, w.head, { action: 'approveDeferral', instalments: [{ dueOn: '2026-04-10', amountFen: 1_000_00 }, { dueOn: '2026-05-11', amountFen: 1_000_00 }], reason: '当事人经济困难，申请分期缴纳，经负责人批准' });
    expect(c.payment?.dueOn).toBe('2026-05-11');
    expect(c.deadlines.find((d) => d.kind === 'payment' && d.metAt === null)?.dueOn).toBe('2026-05-11');
    at('2026-05-01');
    expect((await refusal(step(c, w.head, { action: 'applyCourtEnforcement', court: '云城市东湖区人民法院' }))).details?.article).toContain('第七十二条');
    at('2026-05-21');
    c = await getCase(ctx, w.head, c.id, now);
    // Ten days overdue: 10 × 3% × 2,000元 = 600元.
    expect(c.payment).toMatchObject({ lateFeeFen: 600_00, owedFen: 2_600_00 });
    c = await step(c, w.officerA, { action: 'remindPayment', periodDays: 10, service: { method: 'direct', time: '10:00' } });
    // 《行政强制法》第五十三条: not while the party may still sue (six months from service on 2026-03-10).
    at('2026-09-10');
    expect((await refusal(step(c, w.head, { action: 'applyCourtEnforcement', court: '云城市东湖区人民法院' }))).details?.article).toContain('第五十三条');
    at('2026-09-11');
    c = await step(c, w.head, { action: 'applyCourtEnforcement', court: '云城市东湖区人民法院' });
    expect((await refusal(step(c, w.officerA, { action: 'close', summary: '已申请人民法院强制执行。', execution: '罚款已缴清' }))).details?.article).toContain('第四十八条');
    await publishDecision(ctx, w.officerA, c.id);
    c = await getCase(ctx, w.officerA, c.id, now);
    c = await signClosing(c);
    c = await step(c, w.officerA, { action: 'close', summary: '已申请人民法院强制执行。', execution: '罚款已缴清', opinion: '建议结案。' });
    expect(c.state).toBe('closed');
  });

  it('《行政复议法》第六十四条: a revoked decision owes neither the fine nor 加处罚款; what was paid is flagged for refund (第七十二条第二款)', async () => {
    let c = await enforcing();
    at('2026-03-20');
    c = await step(c, w.officerA, { action: 'recordPayment', amountFen: 500_00, receiptNo: 'YN2026000301' });
    at('2026-04-04');
    c = await getCase(ctx, w.head, c.id, now);
    // Ten days overdue on 2,000元: 600元 加处罚款.
    expect(c.payment).toMatchObject({ fineFen: 2_000_00, lateFeeFen: 600_00, owedFen: 2_100_00 });
    const bad = await refusal(step(c, w.head, { action: 'revokeDecision', status: 'revoked', reason: '事实不清，依法撤销', fineFen: 1_000_00 }));
    expect(bad.message).toContain('撤销处罚决定的，不填写变更后的罚款金额');
    expect((await getCase(ctx, w.head, c.id, now)).decision?.status).toBe('inForce');
    c = await step(c, w.head, { action: 'revokeDecision', status: 'revoked', reason: '经行政复议，以主要事实不清为由撤销' });
    expect(c.payment).toMatchObject({ fineFen: 0, paidFen: 500_00, lateFeeFen: 0, owedFen: 0 });
    expect(c.warnings.join('')).toContain('多缴部分应当依法退还');
  });

  it('《行政复议法》第六十三条: a changed decision owes the changed fine, never more than decided (第二款)', async () => {
    let c = await enforcing();
    at('2026-04-04');
    const missing = await refusal(step(c, w.head, { action: 'revokeDecision', status: 'changed', reason: '罚款数额不当' }));
    expect(missing.message).toContain('请填写变更后的罚款金额');
    const heavier = await refusal(step(c, w.head, { action: 'revokeDecision', status: 'changed', reason: '罚款数额不当', fineFen: 3_000_00 }));
    expect(heavier.details?.article).toContain('第六十三条第二款');
    c = await getCase(ctx, w.head, c.id, now);
    expect(c.decision?.status).toBe('inForce');
    expect(c.payment).toMatchObject({ fineFen: 2_000_00, owedFen: 2_600_00 });
    c = await step(c, w.head, { action: 'revokeDecision', status: 'changed', reason: '经行政复议，罚款变更为1000元', fineFen: 1_000_00 });
    // Ten days overdue on the changed 1,000元: 300元 加处罚款.
    expect(c.payment).toMatchObject({ fineFen: 1_000_00, lateFeeFen: 300_00, owedFen: 1_300_00 });
    // The changed fine is still owed: the case stays open for it (payment, or court enforcement), and closes once paid.
    expect(c.state).toBe('enforcing');
    expect(c.deadlines.find((d) => d.kind === 'payment')).toMatchObject({ metOn: null });
    const early = await refusal(step(c, w.officerA, { action: 'close', summary: '已变更。', execution: '罚款已缴清' }));
    expect(early.details?.article).toContain('第七十二条');
    const over = await refusal(step(c, w.officerA, { action: 'recordPayment', amountFen: 2_600_00, receiptNo: 'YN2026000402' }));
    expect(over.details?.article).toContain('第七十二条');
    c = await step(c, w.officerA, { action: 'recordPayment', amountFen: 1_300_00, receiptNo: 'YN2026000401' });
    c = await signClosing(c);
    c = await step(c, w.officerA, { action: 'close', summary: '当事人已缴纳变更后的罚款及加处罚款。', execution: '罚款已缴清', opinion: '建议结案。' });
    expect(c.state).toBe('closed');
  });

  it('《行政复议法》第六十三条: a decision changed to no fine (警告 only) leaves nothing to do but 结案, which goes through the closing step', async () => {
    let c = await enforcing();
    at('2026-04-04');
    c = await step(c, w.head, { action: 'revokeDecision', status: 'changed', reason: '经行政复议，变更为警告', fineFen: 0 });
    expect(c).toMatchObject({ state: 'enforcing', payment: { fineFen: 0, owedFen: 0 } });
    expect(c.record.closing).toBeNull();
    expect(c.deadlines.filter((d) => d.metOn === null && d.kind !== 'publicityWithdrawal')).toEqual([]);
    c = await signClosing(c);
    c = await step(c, w.officerA, { action: 'close', summary: '原处罚决定经行政复议变更为警告，案件办结。', execution: '变更后的警告已由行政复议决定书送达', opinion: '建议结案。' });
    expect(c.state).toBe('closed');
  });

  it('《行政处罚法》第六十一条: a decision not yet served is not closed — unless it was revoked before service', async () => {
    let c = await toReview();
    at('2026-03-10');
    c = await step(c, w.officerA, { action: 'notify', service: served });
    c = await step(c, w.officerA, { action: 'recordStatement', waived: true, content: '放弃陈述申辩' });
    c = await step(c, w.head, { action: 'decide' });
    await publishDecision(ctx, w.officerA, c.id);
    const early = await refusal(step(await getCase(ctx, w.head, c.id, now), w.officerA, { action: 'close', summary: '结案。', execution: '未执行' }));
    expect(early.details?.article).toContain('第六十一条');
    at('2026-03-11');
    c = await step(await getCase(ctx, w.head, c.id, now), w.head, { action: 'revokeDecision', status: 'revoked', reason: '经复查认定事实不清，依法撤销' });
    expect(c.state).toBe('decided');
    c = await signClosing(c);
    c = await step(c, w.officerA, { action: 'close', summary: '处罚决定送达前经复查撤销，案件办结。', execution: '处罚决定已撤销，无需执行', opinion: '处罚决定已撤销，建议结案。' });
    expect(c).toMatchObject({ state: 'closed', record: { closing: { execution: '处罚决定已撤销，无需执行' } } });
  });

  it('Art. 61 with 民事诉讼法第九十五条: service by announcement needs the reason other ways failed, counts 30 days after publication, and the payment period and 加处罚款 run from then', async () => {
    let c = await toReview();
    at('2026-03-10');
    c = await step(c, w.officerA, { action: 'notify', service: served });
    c = await step(c, w.officerA, { action: 'recordStatement', waived: true, content: '放弃陈述申辩' });
    c = await step(c, w.head, { action: 'decide' });
    const refused = await refusal(step(c, w.officerB, { action: 'serve', method: 'announcement', time: '10:00' }));
    expect(refused.details?.article).toContain('第九十五条');
    const unchanged = await getCase(ctx, w.head, c.id, now);
    expect(unchanged).toMatchObject({ state: 'decided', version: c.version });
    expect(unchanged.record.service).toBeNull();
    const reason = '当事人下落不明，经直接送达、邮寄送达均未能送达';
    c = await step(c, w.officerB, { action: 'serve', method: 'announcement', time: '10:00', announcementReason: reason });
    // Published 2026-03-10: served on 04-09 (30 days), payment due 04-24 (15 days), not 03-25.
    expect(c.record.service).toMatchObject({ on: '2026-03-10', method: 'announcement', effectiveOn: '2026-04-09', announcementReason: reason });
    expect(c.record.services?.at(-1)).toMatchObject({ document: 'decision', method: 'announcement', announcementReason: reason });
    expect(c.payment?.dueOn).toBe('2026-04-24');
    expect(c.deadlines.find((d) => d.kind === 'payment' && d.metAt === null)?.dueOn).toBe('2026-04-24');
    at('2026-04-24');
    expect((await getCase(ctx, w.head, c.id, now)).payment).toMatchObject({ lateFeeFen: 0, owedFen: 2_000_00 });
    at('2026-04-27');
    // Three days overdue: 3 × 3% × 2,000元 = 180元.
    expect((await getCase(ctx, w.head, c.id, now)).payment).toMatchObject({ lateFeeFen: 180_00, owedFen: 2_180_00 });
  });

  it('Art. 45/64 with 民事诉讼法第九十五条: a prior notice served by announcement starts the statement and hearing-request periods thirty days after publication', async () => {
    let c = await toReview(8_000_00);
    at('2026-03-10');
    c = await step(c, w.officerA, { action: 'notify', service: { method: 'announcement', time: '10:00', announcementReason: '当事人下落不明，直接送达、邮寄送达均被退回' } });
    // Published Tue 03-10, served Thu 04-09: three working days to Tue 04-14, five to Thu 04-16 (Art. 85).
    expect(c.record.notice).toMatchObject({ servedOn: '2026-03-10', statementEndsOn: '2026-04-14', hearingRequestEndsOn: '2026-04-16' });
  });

  it('Art. 56: 先行登记保存 needs the head\'s own approval, used once, and a decision within 7 working days', async () => {
    let c = await registerClue(ctx, w.officerA, clue());
    c = await step(c, w.head, { action: 'file', officerIds: [w.officerA.userId, w.officerB.userId], opinion: '同意立案' });
    c = await step(c, w.officerA, { action: 'startInvestigation' });
    // Without the head's approval, and with the head named by the officer (issue 13 item 2): refused.
    const unapproved = await refusal(step(c, w.officerA, { action: 'preserve', items: '货架两个', approvedById: w.head.userId }));
    expect(unapproved.code).toBe('RULE_VIOLATION');
    expect(unapproved.message).toContain('须经行政机关负责人批准');
    // An officer cannot approve in the head's place.
    expect((await refusal(step(c, w.officerA, { action: 'signOpinion', form: 'preservation', role: 'head', text: '同意' }))).code).toBe('FORBIDDEN');
    c = await step(c, w.head, { action: 'signOpinion', form: 'preservation', role: 'head', text: '同意先行登记保存' });
    expect((await refusal(step(c, w.officerA, { action: 'preserve', items: '货架两个', approvedById: w.officerB.userId }))).code).toBe('RULE_VIOLATION');
    c = await step(c, w.officerA, { action: 'preserve', items: '货架两个、水果若干' });
    expect(c.record.preservations[0]).toMatchObject({ approvedById: w.head.userId, approval: 0 });
    // The approval was used: a second preservation needs another.
    expect((await refusal(step(c, w.officerA, { action: 'preserve', items: '车辆一辆' }))).message).toContain('须经行政机关负责人批准');
    expect(c.deadlines.find((d) => d.kind === 'preservation')).toMatchObject({ dueOn: '2026-03-11', metAt: null });
    at('2026-03-06');
    c = await step(c, w.officerA, { action: 'decidePreservation', outcome: '解除先行登记保存，退还当事人' });
    expect(c.deadlines.find((d) => d.kind === 'preservation')?.metAt).not.toBeNull();
  });

  it('a deadline met by a back-dated act is met on the act date, not on the day it is entered (issue 12 item 10)', async () => {
    let c = await registerClue(ctx, w.officerA, clue());
    c = await step(c, w.head, { action: 'file', officerIds: [w.officerA.userId, w.officerB.userId], opinion: '同意立案' });
    c = await step(c, w.officerA, { action: 'startInvestigation' });
    c = await step(c, w.head, { action: 'signOpinion', form: 'preservation', role: 'head', text: '同意先行登记保存' });
    c = await step(c, w.officerA, { action: 'preserve', items: '货架两个、水果若干' });
    // Decided on 03-06, within the 7 working days (due 03-11), but entered on 03-20.
    at('2026-03-20');
    c = await step(c, w.officerA, { action: 'decidePreservation', outcome: '解除先行登记保存，退还当事人', on: '2026-03-06' });
    const met = c.deadlines.find((d) => d.kind === 'preservation')!;
    expect(met).toMatchObject({ dueOn: '2026-03-11', metOn: '2026-03-06', overdue: false });
    // Recorded when entered (compared as instants: the timestamp's text depends on the session time zone).
    expect(new Date(met.metAt!).getTime()).toBe(new Date('2026-03-20T01:00:00Z').getTime());
  });

  it('Art. 43: a recusal is recorded, the head decides, a replacement joins and the investigation goes on', async () => {
    let c = await registerClue(ctx, w.officerA, clue());
    c = await step(c, w.head, { action: 'file', officerIds: [w.officerA.userId, w.officerB.userId], opinion: '同意立案' });
    c = await step(c, w.officerA, { action: 'startInvestigation' });
    const third = await user({ id: w.org.brigade, path: w.officerA.organizationPath }, 'lihua', '李华', ['officer'], '53990219000204', '2028-12-31');
    c = await step(c, w.officerA, { action: 'requestRecusal', officerId: w.officerB.userId, reason: '当事人称该执法人员与其有利害关系' });
    c = await step(c, w.head, { action: 'decideRecusal', officerId: w.officerB.userId, granted: true, replacementId: third.userId });
    expect(c.officers.map((o) => [o.displayName, o.recused])).toEqual([['王磊', false], ['赵刚', true], ['李华', false]]);
    expect((await refusal(step(c, w.officerB, { action: 'closeInvestigation', findings: '事实清楚', proposal: { kind: 'penalty', penalty: penalty(1_000_00) }, discretionReason: REASON }))).details?.article).toContain('第四十三条');
    c = await withEvidence(c, third, w.officerA);
    c = await step(c, third, { action: 'closeInvestigation', findings: '事实清楚，证据确凿。', proposal: { kind: 'penalty', penalty: penalty(1_000_00) }, discretionReason: REASON });
    expect(c.state).toBe('reviewing');
  });
});

describe('evidence (《行政处罚法》第四十六条、第四十七条)', () => {
  async function investigating() {
    let c = await registerClue(ctx, w.officerA, clue());
    c = await step(c, w.head, { action: 'file', officerIds: [w.officerA.userId, w.officerB.userId], opinion: '同意立案' });
    return step(c, w.officerA, { action: 'startInvestigation' });
  }
  const item = (c: CaseView, extra: Record<string, unknown> = {}) => ({
    expectedVersion: c.version,
    kind: 'onSiteRecord',
    title: '现场检查笔录',
    fileName: 'record.pdf',
    mediaType: 'application/pdf',
    contentBase64: Buffer.from(`笔录 ${Math.random()}`).toString('base64'),
    collectorIds: [w.officerA.userId, w.officerB.userId],
    place: '南湖路',
    note: '证明当事人占道经营的事实',
    ...extra,
  });

  it('stores each file once by SM3 digest and detects an altered file', async () => {
    const c = await investigating();
    const e = await addEvidence(ctx, w.officerA, c.id, item(c));
    expect((await verifyEvidence(ctx, w.officerA, c.id)).intact).toBe(true);
    files.tamper(e.digest, Buffer.from('被改过的笔录'));
    const check = await verifyEvidence(ctx, w.officerA, c.id);
    expect(check).toMatchObject({ intact: false, items: [{ seq: 1, intact: false }] });
  });

  it('Art. 47: a seizure needs same-day audio-video first', async () => {
    let c = await investigating();
    const error = await refusal(addEvidence(ctx, w.officerA, c.id, item(c, { act: 'seizure', title: '查封扣押清单' })));
    expect(error.details?.article).toContain('第四十七条');
    await addEvidence(ctx, w.officerA, c.id, item(c, { act: 'seizure', kind: 'audioVisual', title: '查封扣押全程录像', mediaType: 'video/mp4', fileName: 'seizure.mp4' }));
    c = await getCase(ctx, w.officerA, c.id, now);
    await addEvidence(ctx, w.officerA, c.id, item(c, { act: 'seizure', title: '查封扣押清单' }));
  });

  it('Art. 59: an evidence item states what it proves (证明对象), which the decision lists; nothing is stored without it', async () => {
    const c = await investigating();
    const error = await refusal(addEvidence(ctx, w.officerA, c.id, item(c, { note: ' ' })));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('证明对象');
    expect((await getCase(ctx, w.officerA, c.id, now)).evidence).toEqual([]);
  });

  it('Art. 42: evidence is collected by two officers with valid certificates', async () => {
    const c = await investigating();
    const error = await refusal(addEvidence(ctx, w.officerA, c.id, item(c, { collectorIds: [w.officerA.userId] })));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('第四十二条');
  });
});

describe('simple procedure (《行政处罚法》第五十一条)', () => {
  const onSpot = (fineFen: number, party: Record<string, unknown> = person('李娜', '19900302', '022')) => ({
    title: '乱扔烟头',
    facts: '当事人在东湖广场随地乱扔烟头，经执法人员当场指出后承认。',
    place: '云城市东湖区东湖广场',
    actStartedOn: '2026-03-02',
    actEndedOn: '2026-03-02',
    powerItemId: w.item,
    party,
    officerIds: [w.officerA.userId, w.officerB.userId],
    penalty: penalty(fineFen),
  });

  it('an act cannot end after it was discovered: actEndedOn 9999-12-31 is refused on the field, for a clue and on the spot', async () => {
    const clueError = await refusal(registerClue(ctx, w.officerA, clue({ actEndedOn: '9999-12-31' })));
    expect(clueError.code).toBe('VALIDATION');
    expect(clueError.message).toContain('违法行为终了日期不能晚于发现日期（2026-03-02）');
    expect(clueError.details).toMatchObject({ fields: [{ field: 'actEndedOn' }] });
    const spotError = await refusal(decideOnSpot(ctx, w.officerA, { ...onSpot(50_00), actEndedOn: '2026-03-03' }));
    expect(spotError.details).toMatchObject({ fields: [{ field: 'actEndedOn' }] });
    // A continuing act (no end date) and an act ended on the day it was discovered are recorded.
    expect((await registerClue(ctx, w.officerA, clue({ actEndedOn: null }))).act.endedOn).toBeNull();
    expect((await registerClue(ctx, w.officerA, clue({ actEndedOn: '2026-03-02' }))).act.endedOn).toBe('2026-03-02');
  });

  it('decides on the spot within the limits, numbered and served at once', async () => {
    const c = await decideOnSpot(ctx, w.officerA, onSpot(50_00));
    expect(c).toMatchObject({ procedure: 'simple', state: 'enforcing', decision: { number: '云东城管简罚字〔2026〕1号' } });
    expect(c.actCode).toMatch(/^5399022026J/);
    expect(c.payment).toMatchObject({ dueOn: '2026-03-17' });
  });

  it('Art. 51: an organization may be fined up to 3,000元 on the spot, not more', async () => {
    // The 当场行政处罚决定书 prints the address (第五十二条), so the on-spot form requires it.
    const shop = { ...company('云城市东湖区鲜果汇水果店有限公司'), address: '云城市东湖区南湖路1号' };
    expect((await decideOnSpot(ctx, w.officerA, onSpot(3_000_00, shop))).decision?.number).toBe('云东城管简罚字〔2026〕1号');
    const error = await refusal(decideOnSpot(ctx, w.officerA, onSpot(3_000_01, { ...company('云城市东湖区百味餐饮有限公司', '539902MA0000002'), address: '云城市东湖区南湖路2号' })));
    expect(error.details?.article).toContain('第五十一条');
  });

  it('Art. 68–71: collects a small fine on the spot, hands it over and pays it into the bank within 2 working days each, then closes', async () => {
    let c = await decideOnSpot(ctx, w.officerA, onSpot(50_00));
    c = await step(c, w.officerA, { action: 'recordPayment', amountFen: 50_00, receiptNo: 'YN2026000123', onSpot: { ground: 'smallFine' } });
    expect(c.payment).toMatchObject({ paidFen: 50_00, owedFen: 0 });
    // 2026-03-02 is a Monday: two working days → Wednesday 03-04.
    expect(c.deadlines.find((d) => d.kind === 'cashHandover')).toMatchObject({ dueOn: '2026-03-04', metAt: null });
    const early = await refusal(step(c, w.officerA, { action: 'close', summary: '罚款已当场收缴。', execution: '罚款已缴清' }));
    expect(early.details?.article).toContain('第七十一条');
    at('2026-03-03');
    c = await step(c, w.officerA, { action: 'handOverCash', receivedBy: '财务科 李会计' });
    expect(c.deadlines.find((d) => d.kind === 'cashHandover')?.metAt).not.toBeNull();
    expect(c.deadlines.find((d) => d.kind === 'cashDeposit')).toMatchObject({ dueOn: '2026-03-05', metAt: null });
    at('2026-03-05');
    c = await step(c, w.officerB, { action: 'depositCash', bankReceiptNo: 'BK2026030500017' });
    expect(c.record.payments[0]!.onSpot).toMatchObject({ handedOver: { on: '2026-03-03', receivedBy: '财务科 李会计' }, deposited: { on: '2026-03-05' } });
    c = await step(c, w.officerA, { action: 'close', summary: '罚款已当场收缴并缴付指定银行，结案。', execution: '罚款已缴清' });
    expect(c.state).toBe('closed');
    expect((await verifyAudit(ctx.db)).problem).toBeNull();
  });

  it('Art. 68(1): a 150元 fine decided on the spot is paid at the bank, not taken in cash (nothing is recorded)', async () => {
    const c = await decideOnSpot(ctx, w.officerA, onSpot(150_00));
    const error = await refusal(step(c, w.officerA, { action: 'recordPayment', amountFen: 150_00, receiptNo: 'YN2026000124', onSpot: { ground: 'smallFine' } }));
    expect(error.details?.article).toContain('第六十八条');
    expect((await getCase(ctx, w.officerA, c.id, now)).payment).toMatchObject({ paidFen: 0 });
  });

  it('Art. 51: refuses more than 200元 for a person', async () => {
    const error = await refusal(decideOnSpot(ctx, w.officerA, onSpot(300_00)));
    expect(error.details?.article).toContain('第五十一条');
    expect(await listCases(ctx, w.head)).toEqual([]);
  });
});

describe('publicity and public verification', () => {
  it('a revoked decision is withdrawn from the portal and verification says it is no longer in force', async () => {
    let c = await toReview(2_000_00, person('欧阳娜娜', '19920101', '044'));
    at('2026-03-10');
    c = await step(c, w.officerA, { action: 'notify', service: served });
    c = await step(c, w.officerA, { action: 'recordStatement', waived: true, content: '放弃' });
    c = await step(c, w.head, { action: 'decide' });
    await publishDecision(ctx, w.officerA, c.id);
    const listed = await listPublishedDecisions(ctx, { q: '摆摊' });
    expect(listed.total).toBe(1);
    expect(listed.items[0]!.party.name).toBe('欧阳某');
    expect(JSON.stringify(listed)).not.toContain('欧阳娜娜');
    expect((await verifyActCode(ctx.db, c.actCode)).inForce).toBe(true);
    at('2026-03-12');
    c = await step(c, w.head, { action: 'revokeDecision', status: 'revoked', reason: '经复查认定事实不清，依法撤销' });
    expect(c.publicity).toMatchObject({ status: 'withdrawn' });
    expect(c.deadlines.find((d) => d.kind === 'publicityWithdrawal')).toMatchObject({ dueOn: '2026-03-17' });
    expect((await listPublishedDecisions(ctx, {})).total).toBe(0);
    const verified = await verifyActCode(ctx.db, c.actCode.toLowerCase());
    expect(verified).toMatchObject({ inForce: false, decision: { status: 'revoked' }, party: { name: '欧阳某' } });
  });

  it('国办发〔2018〕118号: a record about a natural person comes down when the local publicity period has run; an organization’s stays', async () => {
    await setCaseSettings(ctx, systemActor, w.org.bureau, { personPublicityMonths: 6 });
    const decided = async (party: Record<string, unknown>) => {
      at('2026-03-02');
      let c = await toReview(2_000_00, party);
      at('2026-03-10');
      c = await step(c, w.officerA, { action: 'notify', service: served });
      c = await step(c, w.officerA, { action: 'recordStatement', waived: true, content: '放弃' });
      return step(c, w.head, { action: 'decide' });
    };
    const ofPerson = await decided(person('欧阳娜娜', '19920101', '044'));
    const ofCompany = await decided(company('云城市东湖区鲜果汇水果店有限公司'));
    expect(await publishDecision(ctx, w.officerA, ofPerson.id)).toMatchObject({ expiresOn: '2026-09-10' });
    expect(await publishDecision(ctx, w.officerA, ofCompany.id)).toMatchObject({ expiresOn: null });
    const personRecord = (await listPublishedDecisions(ctx, {})).items.find((d) => d.actCode === ofPerson.actCode)!;
    at('2026-09-09');
    expect((await listPublishedDecisions(ctx, {})).total).toBe(2);
    expect((await getPublishedDecision(ctx, personRecord.id)).actCode).toBe(ofPerson.actCode);
    at('2026-09-10');
    const left = await listPublishedDecisions(ctx, {});
    expect(left.items.map((d) => d.actCode)).toEqual([ofCompany.actCode]);
    expect((await refusal(getPublishedDecision(ctx, personRecord.id))).code).toBe('NOT_FOUND');
    expect((await getCase(ctx, w.officerA, ofPerson.id, now)).publicity).toMatchObject({ status: 'published', expiresOn: '2026-09-10' });
    // Taking the record down hides it; the document it published can still be verified by its holder.
    expect((await verifyActCode(ctx.db, ofPerson.actCode)).inForce).toBe(true);
  });
});

describe('concurrency', () => {
  it(`100 concurrent conflicting transitions on 10 cases: one wins per version, no lost update, audit clean (${testDatabaseKind()})`, async () => {
    const filed: CaseView[] = [];
    for (let i = 0; i < 10; i++) {
      const c = await registerClue(ctx, w.officerA, clue({ party: person(`张${'一二三四五六七八九十'[i]}`, '19850615', String(100 + i)) }));
      filed.push(await step(c, w.head, { action: 'file', officerIds: [w.officerA.userId, w.officerB.userId], opinion: '同意立案' }));
    }
    const attempts = filed.flatMap((c) =>
      Array.from({ length: 10 }, (_, k) =>
        transitionCase(ctx, w.head, c.id, { expectedVersion: c.version, action: 'extendDeadline', newDueOn: `2026-07-${String(k + 1).padStart(2, '0')}`, reason: `第${k + 1}次延期申请` }).then(
          () => 'ok' as const,
          (error: unknown) => (error instanceof AppError ? error.code : String(error)),
        ),
      ),
    );
    const outcomes = await Promise.all(attempts);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(10);
    expect(outcomes.filter((o) => o !== 'ok').every((o) => o === 'CONFLICT')).toBe(true);
    for (const c of filed) {
      const after = await getCase(ctx, w.head, c.id, now);
      expect(after.version).toBe(c.version + 1);
      expect(after.record.extensions).toHaveLength(1);
      expect((await readCaseTrail(ctx, systemActor, c.id)).filter((t) => (t.change as { action?: string }).action === 'extendDeadline')).toHaveLength(1);
    }
    expect((await verifyAudit(ctx.db)).problem).toBeNull();
  });
});

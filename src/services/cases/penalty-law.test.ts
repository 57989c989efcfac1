/**
 * The law around a proposed or decided penalty, on the database (issue 12): the power-list item's 法定处罚幅度 binds
 * the proposal, its revision, the decision and the decision on the spot, benchmark or not (item 1); facts that make
 * 不予处罚 mandatory refuse a penalty (item 3); the heads who discuss a case together are users (item 12).
 */
import { describe, expect, it } from 'vitest';
import { refusal } from '../../domain/test-support.ts';
import { caseBench } from '../testing/case-bench.ts';
import { newCase, newPerson, newPowerItem, newUser } from '../testing/factories.ts';
import { decideOnSpot } from './decide-on-spot.ts';
import { type CaseView, getCase } from './get-case.ts';
import { readCaseTrail } from './case-timeline.ts';
import { systemActor } from '../../domain/access.ts';

const t = caseBench();
const { step } = t;

const penalty = (yuan: number) => ({ kinds: ['fine'], fineFen: yuan * 100, description: `罚款人民币${yuan}元`, basis: '《城市市容和环境卫生管理条例》第三十六条第（二）项' });
const propose = (yuan: number, extra: Record<string, unknown> = {}) => ({
  action: 'closeInvestigation',
  findings: '当事人在人行道设摊烧烤的事实清楚，有现场笔录、照片和询问笔录为证。',
  proposal: { kind: 'penalty', penalty: penalty(yuan) },
  discretionReason: '当事人经劝阻后仍继续烧烤，在法定幅度内处罚',
  ...extra,
});
/** The details the last step recorded in the case's audit trail. */
const lastDetails = async (c: CaseView) => (await readCaseTrail(t.ctx, systemActor, c.id)).at(-1)!.change as Record<string, unknown>;

describe('法定处罚幅度 of the case’s power-list item (issue 12 item 1)', () => {
  const barbecue = { name: '露天烧烤', statutoryRange: '责令改正，没收烧烤工具和违法所得，并处五百元以上二万元以下的罚款' };

  it('refuses a proposal above the maximum, and one below the minimum without a recorded ground for 减轻', async () => {
    const item = await newPowerItem(t.ctx, t.w.org.district.id, barbecue);
    const c = await newCase(t.ctx, t.w, { state: 'investigating', powerItemId: item.id });
    const above = await refusal(step('2026-03-03', 'wanglei', c, propose(20_001)));
    expect(above.code).toBe('RULE_VIOLATION');
    expect(above.message).toContain('超过「露天烧烤」的法定处罚幅度');
    const below = await refusal(step('2026-03-03', 'wanglei', c, propose(300)));
    expect(below.message).toContain('低于「露天烧烤」的法定处罚幅度');
    expect(below.details?.article).toContain('第三十二条');
  });

  it('accepts 减轻 below the minimum on a recorded Art. 32 ground, records it, and the decision checks it again', async () => {
    const item = await newPowerItem(t.ctx, t.w.org.district.id, barbecue);
    let c = await newCase(t.ctx, t.w, { state: 'investigating', powerItemId: item.id });
    c = await step('2026-03-03', 'wanglei', c, propose(300, { discretionFacts: { mitigating: ['confessed'] } }));
    expect((await lastDetails(c)).statutoryRange).toMatchObject({ status: 'reduced', range: { minFen: 500_00, maxFen: 20_000_00 } });
    expect(c.record.discretionFacts).toEqual({ mitigating: ['confessed'] });
    // A revision above the maximum is refused like the proposal.
    const raised = await refusal(step('2026-03-04', 'wanglei', c, { action: 'revisePenalty', penalty: penalty(25_000), reason: '复核后调整罚款数额。' }));
    expect(raised.message).toContain('超过');
    c = await step('2026-03-10', 'wanglei', c, { action: 'notify', service: { method: 'direct', time: '10:00', place: '当事人住所' } });
    c = await step('2026-03-10', 'wanglei', c, { action: 'recordStatement', waived: true, content: '放弃陈述申辩' });
    c = await step('2026-03-11', 'head.donghu', c, { action: 'decide' });
    expect(c.state).toBe('decided');
    expect((await lastDetails(c)).statutoryRange).toMatchObject({ status: 'reduced' });
  });

  it('a range text that cannot be read does not refuse: the step records why the fine was not compared, the case view warns', async () => {
    const c = await newCase(t.ctx, t.w, { state: 'reviewing', fineFen: 1_000_000_00 });
    const proposed = (await readCaseTrail(t.ctx, systemActor, c.id)).find((t) => (t.change as { action?: string }).action === 'closeInvestigation')!.change as Record<string, unknown>;
    expect(proposed.statutoryRange).toMatchObject({ status: 'unchecked', range: null });
    expect(c.warnings.join()).toContain('未按法定处罚幅度核对');
  });

  it('on the spot: never below the minimum, not even with grounds, and never above the maximum', async () => {
    const item = await newPowerItem(t.ctx, t.w.org.district.id, { name: '随地吐痰', statutoryRange: '处50元以上200元以下罚款' });
    const onSpot = (yuan: number, seq: number) => ({
      title: '随地吐痰',
      facts: '当事人在东湖广场随地吐痰，经执法人员当场指出后承认。',
      place: '云城市东湖区东湖广场',
      actStartedOn: '2026-03-02',
      actEndedOn: '2026-03-02',
      powerItemId: item.id,
      party: newPerson('李娜', seq),
      officerIds: [t.w.actors.wanglei.userId, t.w.actors.zhaogang.userId],
      // The basis is the item's 罚则 (《行政处罚法》第五十二条第二款).
      penalty: { ...penalty(yuan), basis: item.penaltyProvision },
    });
    const below = await refusal(decideOnSpot(t.ctx, t.w.actors.wanglei, onSpot(30, 901)));
    expect(below.message).toContain('当场处罚不能减轻处罚');
    const c = await decideOnSpot(t.ctx, t.w.actors.wanglei, onSpot(100, 902));
    expect((await lastDetails(c)).statutoryRange).toMatchObject({ status: 'within' });
    const after = await getCase(t.ctx, t.w.actors.wanglei, c.id, new Date('2026-03-02T01:00:00Z'));
    expect(after.warnings).toEqual([]);
  });
});

describe('no penalty where the recorded facts make it mandatory (issue 12 item 3)', () => {
  it('refuses a penalty proposal on mental incapacity (Art. 31) or proven absence of fault (Art. 33(2)); a 不予处罚 proposal goes through', async () => {
    const c = await newCase(t.ctx, t.w, { state: 'investigating' });
    const incapable = await refusal(step('2026-03-03', 'wanglei', c, propose(200, { discretionFacts: { mentalIncapacity: true } })));
    expect(incapable.details?.article).toContain('第三十一条');
    const noFault = await refusal(step('2026-03-03', 'wanglei', c, propose(200, { discretionFacts: { noFault: true } })));
    expect(noFault.details?.article).toContain('第三十三条第二款');
    const waived = await step('2026-03-03', 'wanglei', c, {
      action: 'closeInvestigation',
      findings: '当事人有证据足以证明没有主观过错。',
      proposal: { kind: 'noPenalty', ground: 'noFault', education: '向当事人宣讲市容管理规定。' },
      discretionFacts: { noFault: true },
    });
    expect(waived.state).toBe('reviewing');
  });

  it('refuses a revised penalty entered with such facts, and records none of them', async () => {
    let c = await newCase(t.ctx, t.w, { state: 'reviewing' });
    const revised = await refusal(step('2026-03-04', 'wanglei', c, { action: 'revisePenalty', penalty: penalty(150), reason: '补充调查后调整。', discretionFacts: { noFault: true } }));
    expect(revised.details?.article).toContain('第三十三条第二款');
    c = await getCase(t.ctx, t.w.actors.wanglei, c.id, new Date('2026-03-04T01:00:00Z'));
    expect(c.record.discretionFacts ?? null).toBeNull();
  });

  it('limited capacity (Art. 31 second sentence) only warns, on the step and on the case', async () => {
    let c = await newCase(t.ctx, t.w, { state: 'investigating' });
    c = await step('2026-03-03', 'wanglei', c, propose(200, { discretionFacts: { limitedCapacity: true } }));
    expect((await lastDetails(c)).lighterGrounds).toEqual([expect.stringContaining('可以从轻或者减轻')]);
    expect(c.warnings.join()).toContain('第三十一条');
  });
});

describe('集体讨论 by the heads of the case’s unit or above, chosen as users (issue 12 item 12)', () => {
  /** What the 集体讨论笔录 prints, required with the step. */
  const record = () => ({
    startAt: '2026-03-04T15:00',
    endAt: '2026-03-04T15:40',
    place: '第二会议室',
    recorder: '张敏',
    reporterId: t.w.users.wanglei.id,
    opinions: [{ speaker: '陈建国', opinion: '同意承办人意见。' }],
  });
  it('records the heads as participants and everyone else as 列席; the 集体讨论笔录 data keeps both', async () => {
    const deputy = await newUser(t.ctx, t.w.org.district, { roles: ['head'], displayName: '王秀梅' });
    const cityHead = await newUser(t.ctx, t.w.org.city, { roles: ['head'], displayName: '赵建华' });
    let c = await newCase(t.ctx, t.w, { state: 'reviewing' });
    c = await step('2026-03-04', 'head.donghu', c, {
      action: 'collectiveDiscussion',
      participantIds: [t.w.users['head.donghu'].id, deputy.user.id, cityHead.user.id, t.w.users['chief.donghu'].id, t.w.users['reviewer.donghu'].id],
      attendees: ['法律顾问周律师'],
      conclusion: '同意处罚意见。',
      ...record(),
    });
    expect(c.record.collectiveDiscussion).toMatchObject({
      startAt: '2026-03-04T15:00',
      place: '第二会议室',
      recorder: '张敏',
      reporter: { id: t.w.users.wanglei.id },
      participants: ['陈建国', '王秀梅', '赵建华'],
      participantRefs: [{ id: t.w.users['head.donghu'].id }, { id: deputy.user.id }, { id: cityHead.user.id }],
      attendees: ['李卫东', '林晓', '法律顾问周律师'],
    });
  });

  it('refuses fewer than three heads, a user outside the unit’s reach, and typed names', async () => {
    const c = await newCase(t.ctx, t.w, { state: 'reviewing' });
    const few = await refusal(
      step('2026-03-04', 'head.donghu', c, { action: 'collectiveDiscussion', participantIds: [t.w.users['head.donghu'].id, t.w.users['chief.donghu'].id, t.w.users.wanglei.id], conclusion: '同意处罚意见。', ...record() }),
    );
    expect(few.details?.article).toContain('第五十七条第二款');
    expect(few.message).toContain('李卫东、王磊不是本单位或上级单位的负责人');
    const stranger = await refusal(
      step('2026-03-04', 'head.donghu', c, { action: 'collectiveDiscussion', participantIds: [t.w.users['head.donghu'].id, t.w.users['head.xishan'].id, t.w.users.wanglei.id], conclusion: '同意处罚意见。', ...record() }),
    );
    expect(stranger.code).toBe('VALIDATION');
    const typed = await refusal(step('2026-03-04', 'head.donghu', c, { action: 'collectiveDiscussion', participants: ['陈建国', '李卫东', '王秀梅'], conclusion: '同意处罚意见。' }));
    expect(typed.code).toBe('VALIDATION');
  });
});

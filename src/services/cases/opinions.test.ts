import { describe, expect, it } from 'vitest';
import { refusal } from '../../domain/test-support.ts';
import { caseBench } from '../testing/case-bench.ts';
import { newCase, newPerson, newPowerItem } from '../testing/factories.ts';
import { publishDecision } from './publicity.ts';
import { registerClue } from './register-clue.ts';
import { readCaseTrail } from './case-timeline.ts';
import { systemActor } from '../../domain/access.ts';

const t = caseBench();
const { step } = t;

/** Issue 13 item 2: an approval or opinion is recorded only by its author, in their own session. */
describe('nobody signs in another person’s name', () => {
  it('结案审批表: a reviewer’s or head’s opinion naming someone else is refused; each signs their own, and the form prints them', async () => {
    let c = await newCase(t.ctx, t.w, { state: 'enforcing' });
    c = await step('2026-03-20', 'wanglei', c, { action: 'recordPayment', amountFen: 2_000_00, receiptNo: 'FS2026032000001' });
    await publishDecision(t.at('2026-03-20'), t.w.actors.wanglei, c.id);
    const head = t.w.users['head.donghu'].id;
    const reviewer = t.w.users['reviewer.donghu'].id;
    for (const body of [{ headOpinion: { text: '同意结案', byId: head } }, { reviewerOpinion: { text: '同意结案', byId: reviewer } }]) {
      const refused = await refusal(step('2026-03-20', 'wanglei', c, { action: 'close', summary: '当事人已全额缴纳罚款', execution: '罚款已缴清', ...body }));
      expect(refused.code).toBe('FORBIDDEN');
      expect(refused.message).toContain('不能以他人名义签署');
    }
    // An officer cannot sign the head's place or the reviewer's place in their own name either.
    expect((await refusal(step('2026-03-20', 'wanglei', c, { action: 'signOpinion', form: 'closing', role: 'head', text: '同意结案' }))).code).toBe('FORBIDDEN');
    expect((await refusal(step('2026-03-20', 'wanglei', c, { action: 'signOpinion', form: 'closing', role: 'reviewer', text: '同意结案' }))).code).toBe('FORBIDDEN');
    // An officer not on the case signs no 承办人意见 of it.
    expect((await refusal(step('2026-03-20', 'chief.donghu', c, { action: 'signOpinion', form: 'closing', role: 'undertaker', text: '建议结案' }))).code).toBe('FORBIDDEN');
    c = await step('2026-03-20', 'reviewer.donghu', c, { action: 'signOpinion', form: 'closing', role: 'reviewer', text: '程序合法，同意结案。' });
    c = await step('2026-03-20', 'head.donghu', c, { action: 'signOpinion', form: 'closing', role: 'head', text: '同意结案。' });
    c = await step('2026-03-20', 'wanglei', c, { action: 'close', summary: '当事人已全额缴纳罚款', execution: '罚款已缴清', opinion: '建议结案。' });
    expect(c.record.closing).toMatchObject({
      undertakerOpinion: { text: '建议结案。', by: { name: '王磊' } },
      reviewerOpinion: { text: '程序合法，同意结案。', by: { id: reviewer, name: '林晓' } },
      headOpinion: { text: '同意结案。', by: { id: head, name: '陈建国' } },
    });
    expect((await readCaseTrail(t.ctx, systemActor, c.id)).filter((e) => e.label === '签署审批意见').map((e) => e.actorName)).toEqual(['林晓', '陈建国']);
  });

  it('立案审批表: the unit’s opinion naming another user is refused; the officer and the unit sign theirs before the head files', async () => {
    const ctx = t.at('2026-03-02');
    let c = await registerClue(ctx, t.w.actors.wanglei, {
      clueSource: 'patrol',
      title: '涉嫌擅自占用城市道路摆摊设点案',
      facts: '当事人在东湖区南湖路人行道上摆摊销售水果，占用人行道约6平方米。',
      place: '云城市东湖区南湖路',
      actStartedOn: '2026-02-25',
      actEndedOn: '2026-03-01',
      discoveredOn: '2026-03-02',
      powerItemId: (await newPowerItem(ctx, t.w.org.district.id)).id,
      party: newPerson(),
    });
    const file = { action: 'file', officerIds: [t.w.users.wanglei.id, t.w.users.zhaogang.id], opinion: '同意立案' };
    const refused = await refusal(step('2026-03-02', 'head.donghu', c, { ...file, unitOpinion: { text: '同意立案', byId: t.w.users['chief.donghu'].id } }));
    expect(refused.code).toBe('FORBIDDEN');
    c = await step('2026-03-02', 'wanglei', c, { action: 'signOpinion', form: 'filing', role: 'undertaker', text: '违法事实基本清楚，建议立案。' });
    c = await step('2026-03-02', 'chief.donghu', c, { action: 'signOpinion', form: 'filing', role: 'unit', text: '同意立案，由王磊、赵刚承办。' });
    c = await step('2026-03-02', 'head.donghu', c, file);
    expect(c.record.filing).toMatchObject({
      undertakerOpinion: { text: '违法事实基本清楚，建议立案。', by: { name: '王磊' } },
      unitOpinion: { text: '同意立案，由王磊、赵刚承办。', by: { name: '李卫东' } },
      approvedByName: '陈建国',
    });
    // The filing form is signed before filing only.
    expect((await refusal(step('2026-03-02', 'chief.donghu', c, { action: 'signOpinion', form: 'filing', role: 'unit', text: '同意' }))).code).toBe('RULE_VIOLATION');
  });

  it('《行政处罚法》第五十八条: whoever investigated the case does not sign the closing’s 审核意见', async () => {
    // An officer of the case who also holds the reviewer role (a small unit) investigated it.
    let c = await newCase(t.ctx, t.w, { state: 'enforcing' });
    const both = { ...t.w.actors.wanglei, roles: ['officer', 'reviewer'] as const };
    const refused = await refusal(step('2026-03-20', both, c, { action: 'signOpinion', form: 'closing', role: 'reviewer', text: '同意结案' }));
    expect(refused.code).toBe('RULE_VIOLATION');
    expect(refused.details?.article).toContain('第五十八条');
    c = await step('2026-03-20', 'reviewer.donghu', c, { action: 'signOpinion', form: 'closing', role: 'reviewer', text: '同意结案' });
    expect(c.record.opinions).toHaveLength(1);
  });
});

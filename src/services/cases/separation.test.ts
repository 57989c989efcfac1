/**
 * Separation of duties on one case (《行政处罚法》第五十八条; 国办发〔2018〕118号): whoever investigated a case — took an
 * officer step or added evidence, as the audit chain shows — does not review it legally, whoever reviewed it does not
 * decide it, and officer steps are taken by the case's own officers only, a head not named on it included.
 */
import { describe, expect, it } from 'vitest';
import { allPassedChecklist } from '../../domain/cases/legal-review.ts';
import { refusal } from '../../domain/test-support.ts';
import type { Actor } from '../../domain/access.ts';
import { caseBench } from '../testing/case-bench.ts';
import { addTestEvidence, newCase, newUser } from '../testing/factories.ts';
import type { CaseView } from './get-case.ts';

const t = caseBench();
const { at, step } = t;

const review = (day: string, actor: Actor, c: CaseView) => step(day, actor, c, { action: 'legalReview', passed: true, opinion: '事实清楚，证据确凿，同意。', checklist: allPassedChecklist() });

describe('separation of duties on one case', () => {
  it('Art. 58: a head not named on the case does not take its officer steps (investigation)', async () => {
    const c = await newCase(t.ctx, t.w, { state: 'filed' });
    const refused = await refusal(step('2026-03-03', t.w.actors['head.donghu'], c, { action: 'startInvestigation' }));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: '只有本案承办执法人员可以进行此操作' });
  });

  it('Art. 58: one person holding officer, reviewer and head roles who investigated the case neither reviews nor decides it', async () => {
    const { actor: many } = await newUser(at('2026-03-02'), t.w.org.brigade, { roles: ['officer', 'reviewer', 'head'] });
    let c = await newCase(t.ctx, t.w, { state: 'clue' });
    c = await step('2026-03-02', t.w.actors['head.donghu'], c, { action: 'file', officerIds: [t.w.users.wanglei.id, many.userId], opinion: '同意立案' });
    c = await step('2026-03-03', many, c, { action: 'startInvestigation' });
    c = await addTestEvidence(at('2026-03-03'), t.w.actors.wanglei, c, [t.w.users.wanglei.id, many.userId]);
    c = await step('2026-03-03', t.w.actors.wanglei, c, {
      action: 'closeInvestigation',
      findings: '当事人占用人行道摆摊的事实清楚，有现场笔录、照片和询问笔录为证。',
      proposal: { kind: 'penalty', penalty: { kinds: ['fine'], fineFen: 2_000_00, description: '罚款人民币2000元', basis: '《城市市容和环境卫生管理条例》第三十六条第（二）项' } },
      discretionReason: '当事人经劝导未改正，在法定幅度内处罚',
    });
    const asReviewer = await refusal(review('2026-03-04', many, c));
    expect(asReviewer.message).toBe('法制审核人员不得是本案的调查人员');
    c = await review('2026-03-04', t.w.actors['reviewer.donghu'], c);
    c = await step('2026-03-10', t.w.actors.wanglei, c, { action: 'notify', service: { method: 'direct', time: '10:00', place: '当事人住所' } });
    c = await step('2026-03-10', t.w.actors.wanglei, c, { action: 'recordStatement', waived: true, content: '放弃陈述申辩' });
    // The audit chain shows he took 开始调查: he does not decide the case he investigated.
    const asDecider = await refusal(step('2026-03-11', many, c, { action: 'decide' }));
    expect(asDecider.message).toBe('作出处罚决定的负责人不得是本案的调查人员');
    c = await step('2026-03-11', t.w.actors['head.donghu'], c, { action: 'decide' });
    expect(c.state).toBe('decided');
  });

  it('国办发〔2018〕118号: the head who reviewed the case legally does not decide it', async () => {
    const { actor: reviewerHead } = await newUser(at('2026-03-02'), t.w.org.district, { roles: ['reviewer', 'head'] });
    let c = await newCase(t.ctx, t.w, { state: 'reviewing' });
    c = await review('2026-03-04', reviewerHead, c);
    c = await step('2026-03-10', t.w.actors.wanglei, c, { action: 'notify', service: { method: 'direct', time: '10:00', place: '当事人住所' } });
    c = await step('2026-03-10', t.w.actors.wanglei, c, { action: 'recordStatement', waived: true, content: '放弃陈述申辩' });
    const refused = await refusal(step('2026-03-11', reviewerHead, c, { action: 'decide' }));
    expect(refused.message).toBe('作出处罚决定的负责人不得是本案的法制审核人员');
    c = await step('2026-03-11', t.w.actors['head.donghu'], c, { action: 'decide' });
    expect(c.state).toBe('decided');
  });
});

import { describe, expect, it } from 'vitest';
import type { Role } from '../access.ts';
import { validationError } from '../errors.ts';
import { expectRule, refusal } from '../test-support.ts';
import { checkPatrolTransition, checkProblemTransition, type PatrolGuardContext, type PatrolSnapshot, patrolActionInput, problemActionInput, type ProblemSnapshot, rectificationRate } from './patrols.ts';

const ORG = '/1/2/3/';
const patrol = (over: Partial<PatrolSnapshot> = {}): PatrolSnapshot => ({ id: 1, state: 'planned', organizationPath: ORG, plannedOn: '2026-09-29', officerIds: [7, 8], lastActedOn: '2026-09-28', ...over });
const problem = (over: Partial<ProblemSnapshot> = {}): ProblemSnapshot => ({ id: 1, state: 'found', organizationPath: ORG, officerIds: [7, 8], foundOn: '2026-09-29', lastActedOn: '2026-09-29', dueOn: null, ...over });
const g = (actDate = '2026-09-29', roles: Role[] = ['officer'], userId = 7): PatrolGuardContext => ({ actDate, today: actDate, actor: { userId, roles, organizationPath: ORG } });
const parse = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, v: unknown): T => {
  const r = schema.safeParse(v);
  if (!r.success) throw validationError(r.error.issues.map((i) => i.message).join('；'));
  return r.data;
};
const patrolStep = (p: PatrolSnapshot, input: unknown, ctx = g()) => checkPatrolTransition(p, parse(patrolActionInput, input), ctx);
const problemStep = (p: ProblemSnapshot, input: unknown, ctx = g()) => checkProblemTransition(p, parse(problemActionInput, input), ctx);

describe('patrols (巡查)', () => {
  it('《行政处罚法》第四十二条: a patrol starts with at least two officers, on or after its planned day, by its own officers', () => {
    expect(patrolStep(patrol(), { action: 'start' })).toBe('underway');
    expect(expectRule(() => patrolStep(patrol({ officerIds: [7] }), { action: 'start' }), '第四十二条').message).toContain('两名以上');
    expect(expectRule(() => patrolStep(patrol(), { action: 'start' }, g('2026-09-28')), '巡查工作规范').message).toContain('不能提前开始');
    expect(refusal(() => patrolStep(patrol(), { action: 'start' }, g('2026-09-29', ['officer'], 99))).code).toBe('FORBIDDEN');
  });
  it('finishes with its summary; a planned patrol is cancelled by a head', () => {
    expect(patrolStep(patrol({ state: 'underway' }), { action: 'finish', summary: '沿湖滨路巡查，发现问题2处' })).toBe('finished');
    expect(refusal(() => patrolStep(patrol({ state: 'underway' }), { action: 'finish' })).message).toBe('请填写巡查情况');
    expect(patrolStep(patrol(), { action: 'cancel', reason: '暴雨预警，改期巡查' }, g('2026-09-29', ['head'], 3))).toBe('cancelled');
  });
});

describe('problems found: rectified and verified, or referred', () => {
  it('《行政处罚法》第二十八条: a rectification order has a due date after today; a verification that fails sets a new one', () => {
    expect(problemStep(problem(), { action: 'orderRectification', dueOn: '2026-10-09', requirement: '清除占道堆放物品' })).toBe('rectifying');
    expect(refusal(() => problemStep(problem(), { action: 'orderRectification', dueOn: '2026-09-29', requirement: '清除占道堆放物品' })).message).toBe('整改期限应晚于 2026-09-29');
    const rectifying = problem({ state: 'rectifying', dueOn: '2026-10-09' });
    expect(problemStep(rectifying, { action: 'verify', rectified: true, note: '已清除' }, g('2026-10-09'))).toBe('rectified');
    expect(refusal(() => problemStep(rectifying, { action: 'verify', rectified: false, note: '未清除' }, g('2026-10-09'))).message).toBe('未整改到位的，请填写新的整改期限');
    expect(problemStep(rectifying, { action: 'verify', rectified: false, note: '未清除', dueOn: '2026-10-16' }, g('2026-10-09'))).toBe('rectifying');
    expect(problemStep(rectifying, { action: 'refer', reason: '逾期拒不整改' }, g('2026-10-09'))).toBe('referred');
  });
  it('整改到位率 counts the problems not referred, and says null when there are none', () => {
    expect(rectificationRate([{ state: 'rectified' }, { state: 'rectifying' }, { state: 'referred' }, { state: 'rectified' }])).toBeCloseTo(2 / 3);
    expect(rectificationRate([{ state: 'referred' }])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { expectRule, refusal } from '../test-support.ts';
import { forbidden, ruleViolation } from '../errors.ts';
import { checkTransition, type Guard, type GuardContext, type Workflow } from './kernel.ts';
import { art } from './law.ts';

// A toy ledger: a request is open until it is answered; only a handler of the request may answer it, with a
// reply of at least two characters (a made-up rule citing a real article, to see the citation travel).
type State = 'open' | 'answered';
type Input = { action: 'answer'; reply: string } | { action: 'reopen' };
interface Request {
  state: State;
  handlerIds: number[];
  lastActedOn: string;
}

const replyWritten: Guard<Request, Input> = {
  id: 'replyWritten',
  article: art('信访工作条例', 32),
  check: (_r, input) => {
    if (input.action === 'answer' && input.reply.length < 2) throw ruleViolation('答复不得为空', art('信访工作条例', 32));
  },
};

const toy: Workflow<State, Input['action'], Input, Request> = {
  transitions: {
    answer: { from: ['open'], roles: ['officer'], onSubjectOnly: true, guards: [replyWritten], to: () => 'answered' },
    reopen: { from: ['answered'], roles: ['head'], onSubjectOnly: false, guards: [], to: () => 'open' },
  },
  stateOf: (r) => r.state,
  lastActedOn: (r) => r.lastActedOn,
  stateLabels: { open: '办理中', answered: '已答复' },
  actionLabels: { answer: '答复', reopen: '重新办理' },
  stateArticle: () => art('信访工作条例', 31),
  subjectName: '事项',
  subjectNoun: '本事项',
  assertOnSubject: (r, actor) => {
    if (!r.handlerIds.includes(actor.userId)) throw forbidden('只有本事项的承办人可以答复');
  },
};

const request = (over: Partial<Request> = {}): Request => ({ state: 'open', handlerIds: [7], lastActedOn: '2026-03-02', ...over });
const ctx = (over: Partial<GuardContext> = {}): GuardContext => ({ actDate: '2026-03-03', today: '2026-03-05', actor: { userId: 7, roles: ['officer'] }, ...over });
const answer: Input = { action: 'answer', reply: '已处理' };

describe('workflow kernel (a toy two-state workflow)', () => {
  it('returns the next state when state, role, actor, date and every guard allow the step', () => {
    expect(checkTransition(toy, request(), answer, ctx())).toBe('answered');
    expect(checkTransition(toy, request({ state: 'answered' }), { action: 'reopen' }, ctx({ actor: { userId: 1, roles: ['head'] } }))).toBe('open');
  });

  it('refuses an action from a state it does not start from, naming both states and the article', () => {
    const error = expectRule(() => checkTransition(toy, request({ state: 'answered' }), answer, ctx()), '《信访工作条例》第三十一条');
    expect(error.message).toBe('事项当前处于“已答复”状态，不能答复（可在 “办理中” 状态下进行）');
  });

  it('refuses a role that may not take the action', () => {
    const error = refusal(() => checkTransition(toy, request(), answer, ctx({ actor: { userId: 7, roles: ['clerk'] } })));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('答复需要以下角色之一：执法人员');
  });

  it('asks the workflow whether the actor is on the subject, only for on-subject transitions', () => {
    expect(refusal(() => checkTransition(toy, request(), answer, ctx({ actor: { userId: 8, roles: ['officer'] } }))).message).toBe('只有本事项的承办人可以答复');
    expect(checkTransition(toy, request({ state: 'answered', handlerIds: [] }), { action: 'reopen' }, ctx({ actor: { userId: 1, roles: ['head'] } }))).toBe('open');
  });

  it('refuses an act dated in the future or before the previous act', () => {
    expect(refusal(() => checkTransition(toy, request(), answer, ctx({ actDate: '2026-03-06' }))).message).toBe('行为日期 2026-03-06 不能晚于今天 2026-03-05');
    const early = refusal(() => checkTransition(toy, request({ lastActedOn: '2026-03-04' }), answer, ctx()));
    expect(early.code).toBe('VALIDATION');
    expect(early.message).toContain('不能早于本事项上一步骤的日期 2026-03-04');
  });

  it('runs every guard of the transition, after the other checks', () => {
    expectRule(() => checkTransition(toy, request(), { action: 'answer', reply: '' }, ctx()), '《信访工作条例》第三十二条');
    // A wrong state is reported before a failing guard.
    expectRule(() => checkTransition(toy, request({ state: 'answered' }), { action: 'answer', reply: '' }, ctx()), '第三十一条');
  });
});

import { describe, expect, it } from 'vitest';
import { refusal } from '../test-support.ts';
import { assertLateReasonGiven } from './rules.ts';

describe('an act after its deadline needs a recorded reason (issue 12 item 12)', () => {
  const late = [{ kind: 'preservation' as const, dueOn: '2026-03-11', article: '《中华人民共和国行政处罚法》第五十六条' }];

  it('refuses a late act without a reason, naming the deadline, its due date and article', () => {
    const error = refusal(() => assertLateReasonGiven(late, '2026-03-20', null));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.message).toContain('先行登记保存处理决定的期限为 2026-03-11');
    expect(error.message).toContain('2026-03-20');
    expect(error.details).toMatchObject({ article: expect.stringContaining('第五十六条'), field: 'lateReason' });
    expect(refusal(() => assertLateReasonGiven(late, '2026-03-20', '   ')).code).toBe('RULE_VIOLATION');
  });

  it('accepts a late act with a reason, and an act in time without one', () => {
    expect(() => assertLateReasonGiven(late, '2026-03-20', '当事人下落不明，无法及时送达处理决定')).not.toThrow();
    expect(() => assertLateReasonGiven([], '2026-03-20', null)).not.toThrow();
  });
});

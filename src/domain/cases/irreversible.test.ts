import { describe, expect, it } from 'vitest';
import { caseActionLabels } from './actions.ts';
import { irreversibleSteps } from './irreversible.ts';

describe('irreversible steps (confirmed before they are sent, never sent by Enter)', () => {
  it('covers notice, decision, service, payment, closing, archiving and revocation, each saying what will happen', () => {
    for (const action of ['notify', 'decide', 'serve', 'recordPayment', 'close', 'archive', 'revokeDecision'] as const) {
      expect(irreversibleSteps[action], action).toMatch(/不可撤回/);
    }
    expect(irreversibleSteps.notify).toContain('陈述、申辩期限');
    expect(Object.keys(irreversibleSteps).every((a) => a in caseActionLabels)).toBe(true);
  });
});

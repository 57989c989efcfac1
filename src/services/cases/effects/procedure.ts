/**
 * Effects that belong to no single stage: recusal (《行政处罚法》第四十三条) — requested, decided by the head, with a
 * replacement officer joining — and extending the decision deadline (第六十条).
 */
import { decisionDueOn, filingDueOn } from '../../../domain/cases/workflow.ts';
import { setDeadline } from '../case-store.ts';
import { type CaseEffects, checkOfficers } from '../step.ts';

export const procedureEffects = {
  requestRecusal: async (s, input) => {
    s.record.recusals.push({ officerId: input.officerId, requestedOn: s.g.actDate, reason: input.reason, decidedOn: null, granted: null });
  },
  decideRecusal: async (s, input) => {
    const { row } = s;
    const pending = s.record.recusals.find((r) => r.officerId === input.officerId && r.granted === null)!;
    pending.decidedOn = s.g.actDate;
    pending.granted = input.granted;
    if (input.granted && input.replacementId !== null) {
      const [replacement] = await checkOfficers(s.tx, s.org, [input.replacementId]);
      if (!row.officerIds.includes(replacement!)) s.columns.officerIds = [...row.officerIds, replacement!];
    }
  },
  // Later than the current deadline (guard extensionLater, 第六十条).
  // A clue's filing period (立案期限), or the case's decision period (第六十条).
  extendDeadline: async (s, input) => {
    const clue = s.snapshot.state === 'clue';
    const from = clue ? filingDueOn(s.snapshot, s.g) : decisionDueOn(s.snapshot, s.g);
    s.record.extensions.push({ on: s.g.actDate, from, to: input.newDueOn, reason: input.reason, approvedBy: s.actor.userId, ...(clue ? { of: 'filing' as const } : {}) });
    await setDeadline(s.tx, s.row, clue ? 'filing' : 'decision', input.newDueOn);
  },
} satisfies Partial<CaseEffects>;

/**
 * Effects of the side exits: withdrawing the filing, transfer to another authority (《行政处罚法》第二十七条) with its
 * numbered 移送函, suspension and resumption, termination. Leaving the procedure closes every open deadline.
 */
import { closeAllDeadlines } from '../case-store.ts';
import { type CaseEffects, meetStepDeadlines, type Step } from '../step.ts';
import { numbered } from './documents.ts';

async function exit(s: Step, action: 'withdrawFiling' | 'terminate', reason: string): Promise<void> {
  s.record.sideExit = { action, on: s.g.actDate, reason };
  await closeAllDeadlines(s.tx, s.row.id, { on: s.g.actDate, at: s.now });
}

export const sideExitEffects = {
  withdrawFiling: (s, input) => exit(s, 'withdrawFiling', input.reason),
  terminate: (s, input) => exit(s, 'terminate', input.reason),
  transfer: async (s, input) => {
    await meetStepDeadlines(s, ['filing']);
    s.record.sideExit = { action: 'transfer', on: s.g.actDate, reason: input.reason, target: input.target, receiver: input.receiver };
    await closeAllDeadlines(s.tx, s.row.id, { on: s.g.actDate, at: s.now });
    s.record.sideExit = { ...s.record.sideExit, number: await numbered(s, 'transferLetter'), materials: input.materials ?? null };
  },
  suspend: async (s, input) => {
    s.columns.stateBeforeSuspension = s.snapshot.state;
    s.record.sideExit = { action: 'suspend', on: s.g.actDate, reason: input.reason };
  },
  resume: async (s) => {
    s.columns.stateBeforeSuspension = null;
    s.record.sideExit = null;
  },
} satisfies Partial<CaseEffects>;

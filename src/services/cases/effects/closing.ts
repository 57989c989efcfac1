/** Effects of closing (结案) and archiving (归档): the closing opinions, every open deadline closed, the archive data. */
import { closeAllDeadlines } from '../case-store.ts';
import type { CaseEffects } from '../step.ts';
import { latestOpinion } from '../../../domain/cases/opinions.ts';
import { actorRef, ownOpinion } from './documents.ts';

export const closingEffects = {
  close: async (s, input) => {
    const { record } = s;
    const on = s.g.actDate;
    record.closing = { on, summary: input.summary };
    s.columns.closedOn = on;
    await closeAllDeadlines(s.tx, s.row.id, { on: s.g.actDate, at: s.now }, ['publicity', 'publicityWithdrawal']);
    // For the documents (结案审批表): execution, the undertaker's, reviewer's and head's opinions.
    record.closing = {
      ...record.closing,
      execution: input.execution,
      undertakerOpinion: input.opinion ? { text: input.opinion, by: actorRef(s), on } : latestOpinion(record, 'closing', 'undertaker'),
      reviewerOpinion: ownOpinion(s, input.reviewerOpinion, 'closing', 'reviewer'),
      headOpinion: ownOpinion(s, input.headOpinion, 'closing', 'head'),
    };
  },
  archive: async (s, input) => {
    s.record.archive = { on: s.g.actDate, archiveNo: input.archiveNo };
    s.record.archive = { ...s.record.archive, retention: input.retention ?? null, archivist: actorRef(s) };
  },
} satisfies Partial<CaseEffects>;

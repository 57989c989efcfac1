/** Effects of the filing stage (立案): filing with the decision deadline (《行政处罚法》第六十条), or declining. */
import { countedDeadlineFor } from '../../../domain/cases/rules.ts';
import { setDeadline } from '../case-store.ts';
import { type CaseEffects, meetStepDeadlines } from '../step.ts';
import { latestOpinion } from '../../../domain/cases/opinions.ts';
import { actorRef, numbered, ownOpinion } from './documents.ts';

export const filingEffects = {
  file: async (s, input) => {
    const { record, g } = s;
    const on = g.actDate;
    await meetStepDeadlines(s, ['filing']);
    record.filing = { on, opinion: input.opinion, approvedBy: s.actor.userId };
    s.columns.filedOn = on;
    s.columns.officerIds = [...new Set(input.officerIds)];
    const due = countedDeadlineFor(g.calendar, g.settings, 'decision', on);
    await setDeadline(s.tx, s.row, 'decision', due);
    s.details.decisionDueOn = due.dueOn;
    // For the documents (立案审批表): who approved, and the officers' and the unit's opinions as their authors signed them.
    record.filing = {
      ...record.filing,
      approvedByName: s.actor.displayName,
      undertakerOpinion: latestOpinion(record, 'filing', 'undertaker'),
      unitOpinion: ownOpinion(s, input.unitOpinion, 'filing', 'unit'),
    };
  },
  signOpinion: (s, input) => {
    s.record.opinions = [...(s.record.opinions ?? []), { form: input.form, role: input.role, text: input.text, by: actorRef(s), on: s.g.actDate }];
    return Promise.resolve();
  },
  decline: async (s, input) => {
    await meetStepDeadlines(s, ['filing']);
    s.record.decline = { on: s.g.actDate, reason: input.reason, number: await numbered(s, 'declineNotice') };
  },
} satisfies Partial<CaseEffects>;

/**
 * Effects of the prior notice (事先告知, 《行政处罚法》第四十四条、第四十五条、第六十三条): the numbered notice with the
 * party's statement and hearing-request periods, the statement, and a revised penalty.
 */
import { deadlineFor, serviceEffectiveOn } from '../../../domain/cases/rules.ts';
import { hearingRights } from '../../../domain/cases/workflow.ts';
import { issueDocument } from '../case-store.ts';
import { assertBasisFromPowerList, type CaseEffects, withDiscretion } from '../step.ts';
import { addService } from './documents.ts';

export const noticeEffects = {
  notify: async (s, input) => {
    const { record, g } = s;
    const on = g.actDate;
    const reasons = hearingRights(s.snapshot, g);
    const offered = reasons.length > 0;
    const number = await issueDocument(s.tx, s.row.id, s.resolved, 'priorNotice', on);
    // The party's periods run from service: a notice by announcement is served thirty days after publication
    // (《民事诉讼法》第九十五条).
    const from = input.service ? serviceEffectiveOn(g.calendar, input.service.method, on) : on;
    const statementEndsOn = deadlineFor(g.calendar, g.settings, 'statement', from);
    const hearingRequestEndsOn = offered ? deadlineFor(g.calendar, g.settings, 'hearingRequest', from) : null;
    record.notice = { servedOn: on, number, penalty: record.proposal!.penalty!, hearingOffered: offered, statementEndsOn, hearingRequestEndsOn };
    // The statement and hearing-request periods are the party's, not deadlines the agency can miss: they are
    // kept on the notice (and enforced by the decide guards), not in case_deadlines.
    s.details.notice = { number, hearingOffered: offered, hearingReasons: reasons, statementEndsOn, hearingRequestEndsOn };
    await addService(s, 'priorNotice', record.notice.number, input.service);
  },
  recordStatement: async (s, input) => {
    // A further statement is added, never written over an earlier one (第四十五条: each is reviewed on its own).
    s.record.statements.push({ on: s.g.actDate, waived: input.waived, content: input.content, reply: input.reply, hearingWaived: input.hearingWaived ?? false });
    s.details.statementNo = s.record.statements.length;
  },
  replyToStatement: async (s, input) => {
    // The guard (statementToReply) found the statement and that it has no reply yet.
    const st = s.record.statements[input.statementNo - 1]!;
    st.reply = input.reply;
    st.repliedOn = s.g.actDate;
  },
  revisePenalty: async (s, input) => {
    const { record } = s;
    await assertBasisFromPowerList(s, input.penalty.basis, 'penalty.basis');
    const penalty = await withDiscretion(s, input.penalty, input.discretionFacts, 'proposal');
    record.penaltyRevisions.push({ on: s.g.actDate, from: record.proposal!.penalty!, to: penalty, reason: input.reason });
    record.proposal = { ...record.proposal!, penalty };
  },
} satisfies Partial<CaseEffects>;

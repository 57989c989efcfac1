/**
 * Effects of the hearing (听证, 《行政处罚法》第六十四条、第六十五条): the request, the numbered notice served at least
 * seven working days ahead (its deadline recorded and met at once), and the hearing held by its presider.
 */
import { latestAdvanceDate } from '../../../domain/calendar/periods.ts';
import { periodsFor } from '../../../domain/cases/rules.ts';
import { issueDocument, setDeadline } from '../case-store.ts';
import { type CaseEffects, checkUser, meetStepDeadlines } from '../step.ts';
import { ANY_STAFF, addService, people, person } from './documents.ts';

export const hearingEffects = {
  requestHearing: async (s) => {
    s.record.hearing = { requestedOn: s.g.actDate, hearingOn: null, noticeServedOn: null, noticeNumber: null, presiderId: null, presiderName: null, place: null, heldOn: null, record: null };
  },
  scheduleHearing: async (s, input) => {
    const { tx, record, g, row } = s;
    const on = g.actDate;
    const presider = await checkUser(tx, s.actor, input.presiderId, ['head', 'reviewer'], '听证主持人');
    const noticeNumber = await issueDocument(tx, row.id, s.resolved, 'hearingNotice', on);
    record.hearing = { ...record.hearing!, hearingOn: input.hearingOn, noticeServedOn: on, noticeNumber, presiderId: presider.id, presiderName: presider.name, place: input.place };
    // The notice is served now; its latest lawful day is recorded with it (met at once).
    await setDeadline(tx, row, 'hearingNotice', latestAdvanceDate(g.calendar, input.hearingOn, periodsFor(g.settings).hearingNotice));
    await meetStepDeadlines(s, ['hearingNotice']);
    s.details.noticeNumber = noticeNumber;
    // For the documents (听证通知书, 听证笔录): start time, hearing officers, recorder, publicity.
    record.hearing = {
      ...record.hearing,
      startTime: input.startTime ?? null,
      hearingOfficers: await people(s, input.hearingOfficerIds ?? [], ANY_STAFF, '听证员'),
      recorder: input.recorderId ? await person(s, input.recorderId, ANY_STAFF, '听证记录员') : null,
      publicHearing: input.publicHearing ?? true,
      confidentialReason: input.confidentialReason ?? null,
    };
    await addService(s, 'hearingNotice', record.hearing.noticeNumber, input.service);
  },
  // Only the designated presider gets here (guard hearingPresidedByDesignee, 第六十四条第（四）项).
  holdHearing: async (s, input) => {
    const { record } = s;
    record.hearing = { ...record.hearing!, heldOn: s.g.actDate, record: input.record };
    record.hearing = {
      ...record.hearing,
      startAt: input.startAt ?? null,
      endAt: input.endAt ?? null,
      partyAttendees: input.partyAttendees ?? [],
      agents: input.agents ?? [],
      investigatorStatement: input.investigatorStatement ?? null,
      partyStatement: input.partyStatement ?? null,
      debate: input.debate ?? null,
      finalStatement: input.finalStatement ?? null,
    };
  },
} satisfies Partial<CaseEffects>;

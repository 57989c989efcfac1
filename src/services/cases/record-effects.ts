/**
 * What a case step records for the enforcement documents (执法文书), after the step's procedural effects
 * (transition-case.ts): approval opinions with who and when, investigation records, the correction order, the
 * hearing's particulars, service records (送达回证) of every served document, the payment reminder with the
 * 加处罚款 of its day, closing opinions and archive data. People are taken from the acting user or from users
 * named by id — never typed in. Runs inside the step's transaction.
 */
import type { ServiceInput, SignedOpinionInput } from '../../domain/cases/record-inputs.ts';
import type { PersonRef, ServedDocument, ServiceEntry, SignedOpinion } from '../../domain/cases/document-records.ts';
import type { CaseActionInput } from '../../domain/cases/actions.ts';
import { owedOn } from '../../domain/cases/record-rules.ts';
import type { NumberKind } from '../../domain/cases/settings.ts';
import { issueDocument } from './case-store.ts';
import { checkUser, type Step } from './transition-case.ts';

const ANY_STAFF = ['officer', 'head', 'reviewer'] as const;

async function person(s: Step, id: number, roles: readonly string[], what: string): Promise<PersonRef> {
  return checkUser(s.tx, s.actor, id, roles, what);
}

/** Sequential on purpose: the step's transaction is one connection. */
async function people(s: Step, ids: readonly number[], roles: readonly string[], what: string): Promise<PersonRef[]> {
  const found: PersonRef[] = [];
  for (const id of ids) found.push(await person(s, id, roles, what));
  return found;
}

async function signed(s: Step, opinion: SignedOpinionInput | undefined, roles: readonly string[], what: string): Promise<SignedOpinion | null> {
  if (!opinion) return null;
  return { text: opinion.text, by: await person(s, opinion.byId, roles, what), on: s.g.actDate };
}

/** A case officer by id (the guards have checked they are on the case). */
function officer(s: Step, id: number): PersonRef {
  const o = s.snapshot.officers.find((x) => x.userId === id);
  return { id, name: o?.displayName ?? `用户 ${String(id)}` };
}

const actorRef = (s: Step): PersonRef => ({ id: s.actor.userId, name: s.actor.displayName });

async function addService(s: Step, document: ServedDocument, number: string | null, service: ServiceInput | undefined): Promise<void> {
  if (!service) return;
  const servers = service.serverIds ? await people(s, service.serverIds, ['officer', 'head'], '送达人') : [actorRef(s)];
  const entry: ServiceEntry = {
    document,
    number,
    on: s.g.actDate,
    time: service.time ?? null,
    method: service.method,
    place: service.place ?? s.party.address ?? '',
    recipient: s.party.name,
    receiver: service.receiver ?? null,
    witness: service.witness ?? null,
    electronicConsent: service.electronicConsent ?? null,
    servers,
  };
  s.record.services = [...(s.record.services ?? []), entry];
}

async function numbered(s: Step, kind: NumberKind): Promise<string> {
  const number = await issueDocument(s.tx, s.row.id, s.resolved, kind, s.g.actDate);
  s.details[`${kind}Number`] = number;
  return number;
}

/** Records what `input` adds for the documents. Called after the step's own effects. */
export async function recordForDocuments(s: Step, input: CaseActionInput): Promise<void> {
  const { record, g } = s;
  const on = g.actDate;
  switch (input.action) {
    case 'file':
      record.filing = {
        ...record.filing!,
        approvedByName: s.actor.displayName,
        officerOpinion: input.officerOpinion ?? null,
        unitOpinion: await signed(s, input.unitOpinion, ['officer', 'head'], '签署承办机构意见的人员'),
      };
      return;
    case 'closeInvestigation':
      record.investigation.discretionReason = input.discretionReason ?? null;
      return;
    case 'collectiveDiscussion':
      record.collectiveDiscussion = {
        ...record.collectiveDiscussion!,
        host: actorRef(s),
        startAt: input.startAt ?? null,
        endAt: input.endAt ?? null,
        place: input.place ?? null,
        recorder: input.recorder ?? null,
        reporter: input.reporterId ? officer(s, input.reporterId) : null,
        opinions: input.opinions ?? [],
      };
      return;
    case 'notify':
      return addService(s, 'priorNotice', record.notice?.number ?? null, input.service);
    case 'scheduleHearing':
      record.hearing = {
        ...record.hearing!,
        startTime: input.startTime ?? null,
        hearingOfficers: await people(s, input.hearingOfficerIds ?? [], ANY_STAFF, '听证员'),
        recorder: input.recorderId ? await person(s, input.recorderId, ANY_STAFF, '听证记录员') : null,
        publicHearing: input.publicHearing ?? true,
        confidentialReason: input.confidentialReason ?? null,
      };
      return addService(s, 'hearingNotice', record.hearing.noticeNumber, input.service);
    case 'holdHearing':
      record.hearing = {
        ...record.hearing!,
        startAt: input.startAt ?? null,
        endAt: input.endAt ?? null,
        partyAttendees: input.partyAttendees ?? [],
        agents: input.agents ?? [],
        investigatorStatement: input.investigatorStatement ?? null,
        partyStatement: input.partyStatement ?? null,
        debate: input.debate ?? null,
        finalStatement: input.finalStatement ?? null,
      };
      return;
    case 'decide': {
      if (record.decision?.kind !== 'transferJudicial') return;
      const receiver = record.proposal?.transferReceiver;
      record.sideExit = { ...record.sideExit!, ...(receiver ? { receiver } : {}), number: await numbered(s, 'transferLetter') };
      return;
    }
    case 'serve':
      return addService(s, 'decision', record.decision?.number ?? null, input);
    case 'close':
      record.closing = {
        ...record.closing!,
        execution: input.execution ?? null,
        undertakerOpinion: input.opinion ? { text: input.opinion, by: actorRef(s), on } : null,
        reviewerOpinion: await signed(s, input.reviewerOpinion, ['reviewer', 'head', 'officer'], '审核人'),
        headOpinion: await signed(s, input.headOpinion, ['head'], '负责人'),
      };
      return;
    case 'archive':
      record.archive = { ...record.archive!, retention: input.retention ?? null, archivist: actorRef(s) };
      return;
    case 'transfer':
      record.sideExit = { ...record.sideExit!, number: await numbered(s, 'transferLetter'), materials: input.materials ?? null };
      return;
    case 'recordInspection':
      record.inspections = [
        ...(record.inspections ?? []),
        {
          on,
          startAt: input.startAt,
          endAt: input.endAt,
          place: input.place,
          inspectors: [...new Set(input.inspectorIds)].map((id) => officer(s, id)),
          recorder: officer(s, input.recorderId),
          presentPerson: input.presentPerson,
          findings: input.findings,
          mediaRefs: input.mediaRefs ?? null,
        },
      ];
      return;
    case 'recordInquiry':
      record.inquiries = [
        ...(record.inquiries ?? []),
        {
          on,
          startAt: input.startAt,
          endAt: input.endAt,
          place: input.place,
          interviewee: input.interviewee,
          questioners: [...new Set(input.questionerIds)].map((id) => officer(s, id)),
          recorder: officer(s, input.recorderId),
          rightsAnswer: input.rightsAnswer,
          exchanges: input.exchanges,
        },
      ];
      return;
    case 'orderCorrection': {
      const number = await numbered(s, 'correctionOrder');
      const order = { on, number, finding: input.finding, requirement: input.requirement, deadline: input.deadline ?? null, basis: input.basis ?? null };
      record.correctionOrders = [...(record.correctionOrders ?? []), order];
      return addService(s, 'correctionOrder', number, input.service);
    }
    case 'remindPayment': {
      const number = await numbered(s, 'paymentReminder');
      const { lateFeeFen, owedFen } = owedOn(s.snapshot, on);
      record.reminders = [...(record.reminders ?? []), { on, number, periodDays: input.periodDays, lateFeeFen, owedFen }];
      s.details.lateFeeFen = lateFeeFen;
      return addService(s, 'reminder', number, input.service);
    }
    // Nothing beyond the procedural record (transition-case.ts) for these.
    case 'decline':
    case 'startInvestigation':
    case 'legalReview':
    case 'recordStatement':
    case 'revisePenalty':
    case 'requestHearing':
    case 'recordPayment':
    case 'handOverCash':
    case 'depositCash':
    case 'approveDeferral':
    case 'applyCourtEnforcement':
    case 'withdrawFiling':
    case 'suspend':
    case 'resume':
    case 'terminate':
    case 'requestRecusal':
    case 'decideRecusal':
    case 'extendDeadline':
    case 'preserve':
    case 'decidePreservation':
    case 'revokeDecision':
      return;
  }
}

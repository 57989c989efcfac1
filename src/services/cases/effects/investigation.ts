/**
 * Effects of the investigation stage (调查取证): starting and closing it (with the discretion benchmark applied to
 * the proposal), 先行登记保存 (《行政处罚法》第五十六条), inspection and inquiry records, and the correction order.
 */
import type { ActionOf } from '../../../domain/cases/actions.ts';
import { noPenaltyGrounds } from '../../../domain/cases/model.ts';
import { unusedPreservationApproval } from '../../../domain/cases/opinions.ts';
import { validationError } from '../../../domain/errors.ts';
import { countedDeadlineFor } from '../../../domain/cases/rules.ts';
import { setDeadline } from '../case-store.ts';
import { assertBasisFromPowerList, type CaseEffects, meetStepDeadlines, type Step, withDiscretion } from '../step.ts';
import { addService, numbered, officer } from './documents.ts';

/**
 * 裁量理由 of the 案件调查终结报告: the officer's own words; for a penalty without them, the discretion benchmark's
 * explanation of the tier (《行政处罚法》第三十四条) — a penalty no benchmark covers needs the reason written. For 不予处罚
 * the proposal's reasons, for a transfer its reason.
 */
function discretionReasonOf(s: Step, input: ActionOf<'closeInvestigation'>): string | null {
  if (input.discretionReason) return input.discretionReason;
  const { proposal } = input;
  if (proposal.kind === 'noPenalty') return proposal.reasoning ?? (proposal.ground ? noPenaltyGrounds[proposal.ground] : null);
  if (proposal.kind === 'transferJudicial') return proposal.transferReason;
  const explanation = (s.details.discretion as { explanation?: unknown } | undefined)?.explanation;
  if (typeof explanation === 'string' && explanation.trim()) {
    // The report names the benchmark and tier itself: the reason starts at the tier (适用「…」阶次), not the citation.
    const tierAt = explanation.indexOf('适用「');
    return (tierAt > 0 ? explanation.slice(tierAt) : explanation).trim();
  }
  throw validationError('拟给予行政处罚的，请填写裁量理由（违法情节、危害后果、从轻从重情节等），印在案件调查终结报告上；该违法行为不适用裁量基准，无法自动说明', {
    field: 'discretionReason',
  });
}

export const investigationEffects = {
  startInvestigation: async (s) => {
    s.record.investigation.startedOn = s.g.actDate;
  },
  closeInvestigation: async (s, input) => {
    const { record } = s;
    record.investigation.closedOn = s.g.actDate;
    record.investigation.findings = input.findings;
    if (input.proposal.kind === 'penalty' && input.proposal.penalty) await assertBasisFromPowerList(s, input.proposal.penalty.basis, 'proposal.penalty.basis');
    const penalty = input.proposal.kind === 'penalty' && input.proposal.penalty ? await withDiscretion(s, input.proposal.penalty, input.discretionFacts, 'proposal') : null;
    record.proposal = penalty ? { ...input.proposal, penalty } : input.proposal;
    record.flags = input.flags;
    record.investigation.discretionReason = discretionReasonOf(s, input);
  },
  preserve: async (s, input) => {
    const on = s.g.actDate;
    // The head's own approval (guard preservationApproved, 《行政处罚法》第五十六条), used once.
    const approval = unusedPreservationApproval(s.record)!;
    const number = await numbered(s, 'preservationNotice');
    s.record.preservations.push({ on, items: input.items, approvedById: approval.opinion.by.id, approval: approval.index, decidedOn: null, outcome: null, number });
    const due = countedDeadlineFor(s.g.calendar, s.g.settings, 'registrationPreservation', on);
    await setDeadline(s.tx, s.row, 'preservation', due);
    s.details.preservationDueOn = due.dueOn;
  },
  decidePreservation: async (s, input) => {
    const { record } = s;
    const pending = record.preservations.find((p) => p.decidedOn === null)!;
    pending.decidedOn = s.g.actDate;
    pending.outcome = input.outcome;
    pending.decisionNumber = await numbered(s, 'preservationDecision');
    if (!record.preservations.some((p) => p.decidedOn === null)) await meetStepDeadlines(s, ['preservation']);
  },
  recordInspection: async (s, input) => {
    s.record.inspections = [
      ...(s.record.inspections ?? []),
      {
        on: s.g.actDate,
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
  },
  recordInquiry: async (s, input) => {
    s.record.inquiries = [
      ...(s.record.inquiries ?? []),
      {
        on: s.g.actDate,
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
  },
  orderCorrection: async (s, input) => {
    const number = await numbered(s, 'correctionOrder');
    const order = { on: s.g.actDate, number, finding: input.finding, requirement: input.requirement, deadline: input.deadline ?? null, basis: input.basis ?? null };
    s.record.correctionOrders = [...(s.record.correctionOrders ?? []), order];
    await addService(s, 'correctionOrder', number, input.service);
  },
} satisfies Partial<CaseEffects>;

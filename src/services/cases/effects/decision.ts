/**
 * Effects of the decision (决定): the numbered decision with the benchmark in force on its date, the service
 * deadline (《行政处罚法》第六十一条) and publicity; a transfer to the judicial organs instead (第二十七条); service of the
 * decision with the payment deadline (第六十七条); and revoking or changing it, withdrawing its publicity (第四十八条).
 */
import { and, eq } from 'drizzle-orm';
import type { CaseState } from '../../../domain/cases/model.ts';
import { assertDecisionChange, fineInForceFen } from '../../../domain/cases/record-rules.ts';
import { countedDeadlineFor, paymentDeadline, serviceEffectiveOn } from '../../../domain/cases/rules.ts';
import { powerItems } from '../../../db/schema.ts';
import { closeAllDeadlines, issueDocument, setDeadline } from '../case-store.ts';
import { createPublicity, decidingOrgan, mustPublish, publicContent, withdrawPublicity } from '../publicity.ts';
import { type CaseEffects, meetStepDeadlines, type Step, withDiscretion } from '../step.ts';
import { addService, numbered } from './documents.ts';

/** 作出决定: numbers the decision, records it, sets the service deadline, and creates the publicity record. */
async function decide(s: Step, next: CaseState): Promise<void> {
  const { tx, record, g, row, now } = s;
  const on = g.actDate;
  const proposal = record.proposal!;
  const kind = proposal.kind;
  const number =
    kind === 'penalty'
      ? await issueDocument(tx, row.id, s.resolved, 'penaltyDecision', on)
      : kind === 'noPenalty'
        ? await issueDocument(tx, row.id, s.resolved, 'noPenaltyDecision', on)
        : null;
  // The decision records tier, range and version of the benchmark in force on the decision date.
  const penalty = kind === 'penalty' && proposal.penalty ? await withDiscretion(s, proposal.penalty, undefined, 'decision') : null;
  record.decision = {
    kind,
    on,
    number,
    penalty,
    ground: proposal.ground,
    education: proposal.education,
    transferReason: proposal.transferReason,
    status: 'inForce',
    statusChange: null,
  };
  s.columns.decisionKind = kind;
  s.columns.decisionNumber = number;
  s.columns.decidedOn = on;
  s.columns.decisionStatus = 'inForce';
  s.columns.fineFen = penalty?.fineFen ?? null;
  s.details.decisionNumber = number;
  await meetStepDeadlines(s, ['decision']);
  if (next === 'transferred') {
    record.sideExit = { action: 'transferJudicial', on, reason: proposal.transferReason ?? '', target: 'judicial' };
    await closeAllDeadlines(tx, row.id, { on: g.actDate, at: now });
    return;
  }
  // 《行政处罚法》第六十一条: served within 7 (working) days when the party is not present.
  const serviceDue = countedDeadlineFor(g.calendar, g.settings, 'service', on);
  await setDeadline(tx, row, 'service', serviceDue);
  s.details.serviceDueOn = serviceDue.dueOn;
  if (kind === 'penalty' && mustPublish(s.snapshot.procedure, g.settings, record.flags)) {
    const [item] = row.powerItemId ? await tx.select({ name: powerItems.name }).from(powerItems).where(and(eq(powerItems.id, row.powerItemId))) : [];
    const content = publicContent(row, s.party, decidingOrgan(s.org.name, g.settings), { number, on, penalty, status: 'inForce' }, item?.name ?? null);
    await createPublicity(tx, row, content, on, g.calendar, g.settings);
    s.details.publicityDue = true;
  }
}

/** For the documents: a transfer to the judicial organs gets its numbered 移送函 and receiver. */
async function recordTransferLetter(s: Step): Promise<void> {
  const { record } = s;
  if (record.decision?.kind !== 'transferJudicial') return;
  const receiver = record.proposal?.transferReceiver;
  record.sideExit = { ...record.sideExit!, ...(receiver ? { receiver } : {}), number: await numbered(s, 'transferLetter') };
}

export const decisionEffects = {
  decide: async (s, _input, next) => {
    await decide(s, next);
    await recordTransferLetter(s);
  },
  serve: async (s, input) => {
    const { tx, record, g, row } = s;
    const on = g.actDate;
    // 公告送达 takes effect thirty days after publication (《民事诉讼法》第九十五条); the payment period runs from then.
    const effectiveOn = serviceEffectiveOn(g.calendar, input.method, on);
    record.service = { on, method: input.method, effectiveOn, ...(input.announcementReason ? { announcementReason: input.announcementReason } : {}) };
    await meetStepDeadlines(s, ['service']);
    const fine = record.decision?.penalty?.fineFen ?? 0;
    if (fine > 0) {
      const due = paymentDeadline(g.calendar, effectiveOn, null);
      s.columns.paymentDueOn = due.dueOn;
      await setDeadline(tx, row, 'payment', due);
      s.details.paymentDueOn = due.dueOn;
    }
    await addService(s, 'decision', record.decision?.number ?? null, input);
  },
  revokeDecision: async (s, input) => {
    const { tx, record, g, row, now } = s;
    const on = g.actDate;
    const decision = record.decision!;
    assertDecisionChange(decision, input.status, input.fineFen);
    decision.status = input.status;
    decision.statusChange = input.status === 'changed' ? { on, reason: input.reason, fineFen: input.fineFen } : { on, reason: input.reason };
    s.columns.decisionStatus = input.status;
    s.details.publicityWithdrawn = await withdrawPublicity(tx, row, input.status, input.reason, on, now, g.calendar, g.settings);
    // A changed decision still owed keeps its service and payment deadlines; otherwise nothing is left to do but 结案.
    const paid = record.payments.reduce((sum, p) => sum + p.amountFen, 0);
    if (fineInForceFen(decision) <= paid) await closeAllDeadlines(tx, row.id, { on: g.actDate, at: now }, ['publicityWithdrawal']);
  },
} satisfies Partial<CaseEffects>;

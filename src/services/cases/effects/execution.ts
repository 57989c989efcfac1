/**
 * Effects of execution (执行): payments — at the bank or taken on the spot, with the cash's way to the agency and the
 * bank (《行政处罚法》第六十八条至第七十一条) — deferral and instalments (第六十六条), the payment reminder with its
 * 加处罚款 (第七十二条), and the application for court enforcement (《行政强制法》第五十三条、第五十四条).
 */
import { cashNotDeposited, cashNotHandedOver, onSpotRecord } from '../../../domain/cases/cash-collection.ts';
import { owedOn } from '../../../domain/cases/record-rules.ts';
import { countedDeadlineFor, deadlineFor, paymentDeadline } from '../../../domain/cases/rules.ts';
import { paymentBalance } from '../../../domain/cases/workflow.ts';
import { setDeadline } from '../case-store.ts';
import { type CaseEffects, meetStepDeadlines } from '../step.ts';
import { addService, numbered } from './documents.ts';

export const executionEffects = {
  // Never more than the fine and its 加处罚款 (guard noOverpayment, 第七十二条).
  recordPayment: async (s, input) => {
    const { tx, record, g, row } = s;
    const on = g.actDate;
    const onSpot = input.onSpot ? onSpotRecord(input.onSpot) : undefined;
    record.payments.push({ on, amountFen: input.amountFen, receiptNo: input.receiptNo, ...(onSpot ? { onSpot } : {}) });
    // 《行政处罚法》第七十一条: cash taken on the spot reaches the agency within 2 days (from coming ashore on water).
    if (onSpot && !onSpot.afloat) await setDeadline(tx, row, 'cashHandover', countedDeadlineFor(g.calendar, g.settings, 'onSpotFineHandover', on));
    const { owedFen, paidFen } = paymentBalance(s.snapshot, input.amountFen, on);
    if (paidFen === owedFen) await meetStepDeadlines(s, ['payment']);
    s.details.owedAfterFen = owedFen - paidFen;
  },
  handOverCash: async (s, input) => {
    const { tx, record, g, row } = s;
    const on = g.actDate;
    const pending = cashNotHandedOver({ record });
    const from = input.ashoreOn ?? pending.map((p) => p.on).sort().at(-1)!;
    const due = deadlineFor(g.calendar, g.settings, 'onSpotFineHandover', from);
    for (const p of pending) p.onSpot!.handedOver = { on, ashoreOn: input.ashoreOn ?? null, receivedBy: input.receivedBy };
    await meetStepDeadlines(s, ['cashHandover']);
    // 《行政处罚法》第七十一条: the agency pays it into the designated bank within 2 days.
    const depositDue = countedDeadlineFor(g.calendar, g.settings, 'onSpotFineBankDeposit', on);
    await setDeadline(tx, row, 'cashDeposit', depositDue);
    s.details.handoverDueOn = due;
    s.details.handedOverLate = on > due;
    s.details.depositDueOn = depositDue.dueOn;
  },
  depositCash: async (s, input) => {
    for (const p of cashNotDeposited({ record: s.record })) p.onSpot!.deposited = { on: s.g.actDate, bankReceiptNo: input.bankReceiptNo };
    await meetStepDeadlines(s, ['cashDeposit']);
  },
  approveDeferral: async (s, input) => {
    s.record.instalments = input.instalments;
    s.record.deferralDecision = { on: s.g.actDate, number: await numbered(s, 'deferralDecision') };
    const due = paymentDeadline(s.g.calendar, s.record.service!.effectiveOn ?? s.record.service!.on, input.instalments);
    s.columns.paymentDueOn = due.dueOn;
    await setDeadline(s.tx, s.row, 'payment', due);
  },
  applyCourtEnforcement: async (s, input) => {
    s.record.courtEnforcement = { on: s.g.actDate, court: input.court };
    await meetStepDeadlines(s, ['payment']);
  },
  remindPayment: async (s, input) => {
    const on = s.g.actDate;
    const number = await numbered(s, 'paymentReminder');
    const { lateFeeFen, owedFen } = owedOn(s.snapshot, on);
    s.record.reminders = [...(s.record.reminders ?? []), { on, number, periodDays: input.periodDays, lateFeeFen, owedFen }];
    s.details.lateFeeFen = lateFeeFen;
    await addService(s, 'reminder', number, input.service);
  },
} satisfies Partial<CaseEffects>;

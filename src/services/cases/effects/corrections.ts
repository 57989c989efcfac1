/**
 * 更正 of a step's recorded data (`correctRecord`, issue 15; the table of what is correctable and why:
 * domain/cases/corrections.ts, checked by the guard recordCorrectable). The item is changed in the case record; the
 * audit record of the step keeps the old value, the new value and the reason, so the timeline shows both. A corrected
 * service date of the decision counts the payment period again (《行政处罚法》第六十七条第三款) and moves the date the
 * service deadline (第六十一条) was met.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { planCorrection, recomputedPaymentDue } from '../../../domain/cases/corrections.ts';
import type { ServiceEntry } from '../../../domain/cases/document-records.ts';
import { ruleViolation } from '../../../domain/errors.ts';
import { art } from '../../../domain/workflow/law.ts';
import { deadlines } from '../../../db/schema.ts';
import { setDeadline } from '../case-store.ts';
import type { CaseEffects, Step } from '../step.ts';

/** The decision's service moved to `on`: the met service deadline (第六十一条) follows, never silently late. */
async function moveServiceMet(s: Step, on: string): Promise<void> {
  const where = and(eq(deadlines.subjectType, 'case'), eq(deadlines.subjectId, s.row.id), eq(deadlines.kind, 'service'), isNotNull(deadlines.metOn));
  const [met] = await s.tx.select({ id: deadlines.id, dueOn: deadlines.dueOn, metLate: deadlines.metLate }).from(deadlines).where(where);
  if (!met) return;
  if (on > met.dueOn && !met.metLate) {
    throw ruleViolation(`更正后的送达日期晚于送达期限（${met.dueOn}），属于逾期送达，应当如实说明理由，不能以更正方式记录`, art('行政处罚法', 61), { field: 'value' });
  }
  await s.tx.update(deadlines).set({ metOn: on }).where(eq(deadlines.id, met.id));
}

export const correctionEffects = {
  correctRecord: async (s, input) => {
    const { record, g } = s;
    // Checked by the guard; planned again here for the item's index and the old value.
    const plan = planCorrection(s.snapshot, input, g.actDate);
    if (plan.kind === 'payment') {
      record.payments[plan.index]!.receiptNo = plan.to;
    } else {
      const entry = record.services![plan.index]!;
      if (plan.field === 'serviceTime') entry.time = plan.to;
      if (plan.field === 'servicePlace') entry.place = plan.to;
      if (plan.field === 'serviceMethod') entry.method = plan.to as ServiceEntry['method'];
      if (plan.field === 'serviceDate') entry.on = plan.to;
      if (entry.document === 'decision' && record.service) {
        if (plan.field === 'serviceMethod') record.service.method = plan.to;
        if (plan.field === 'serviceDate') {
          const { effectiveOn, due } = recomputedPaymentDue(g.calendar, record, plan.to, record.service.method);
          record.service = { ...record.service, on: plan.to, effectiveOn };
          await moveServiceMet(s, plan.to);
          if (due) {
            s.columns.paymentDueOn = due.dueOn;
            await setDeadline(s.tx, s.row, 'payment', due);
            s.details.paymentDueMoved = { from: s.row.paymentDueOn, to: due.dueOn };
          }
        }
      }
    }
    s.details.correction = { target: plan.target, field: plan.field, label: plan.label, from: plan.from, to: plan.to };
  },
} satisfies Partial<CaseEffects>;

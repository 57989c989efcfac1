/**
 * Which of the steps a viewer may take (state and role: `mayTakeStep`) can also pass their guards today — so the case
 * page offers only those — and, for the others, why not and when they become possible
 * ("陈述申辩期限届满（2026-12-12）后可作出决定"). The workflow's own guards decide (checkTransition on the case's snapshot
 * with a probe input that carries nothing a guard weighs); steps whose guards depend on what is typed (amounts,
 * dates, people) are not probed and stay offered — their guards run when they are submitted.
 */
import { AppError, ruleViolation } from '../errors.ts';
import { art } from '../workflow/law.ts';
import type { CaseAction, CaseActionInput } from './actions.ts';
import { cashNotDeposited, cashNotHandedOver } from './cash-collection.ts';
import { allPassedChecklist } from './legal-review.ts';
import { unusedPreservationApproval } from './opinions.ts';
import type { CaseSnapshot, GuardContext } from './snapshot.ts';
import { checkTransition, paymentBalance } from './workflow.ts';

type Probe = (c: CaseSnapshot, g: GuardContext) => void;

const through = (input: CaseActionInput): Probe => (c, g) => void checkTransition(c, input, g);

/** The probe of each step whose guards do not weigh what the user types. */
const PROBES: Partial<Record<CaseAction, Probe>> = {
  decide: through({ action: 'decide' }),
  requestHearing: through({ action: 'requestHearing' }),
  legalReview: through({ action: 'legalReview', passed: true, opinion: '同意', checklist: allPassedChecklist() }),
  close: through({ action: 'close', summary: '结案', execution: '已执行', opinion: '建议结案' }),
  applyCourtEnforcement: through({ action: 'applyCourtEnforcement', court: '人民法院' }),
  decidePreservation: through({ action: 'decidePreservation', outcome: '处理' }),
  // 第七十二条: nothing left to pay once the fine and its 加处罚款 are paid.
  recordPayment: (c, g) => {
    const { owedFen, paidFen } = paymentBalance(c, 0, g.actDate);
    if (paidFen >= owedFen) throw ruleViolation('罚款及加处罚款已全部缴清，无需再记录缴款', art('行政处罚法', 72));
  },
  // 第七十一条: only cash collected on the spot is handed over and paid into the bank.
  handOverCash: (c) => {
    if (!cashNotHandedOver(c).length) throw ruleViolation('本案没有待交至行政机关的当场收缴罚款', art('行政处罚法', 71));
  },
  depositCash: (c) => {
    if (!cashNotDeposited(c).length) throw ruleViolation('本案没有待缴付银行的当场收缴罚款', art('行政处罚法', 71));
  },
  // 第五十六条: a 先行登记保存 rests on a head's approval not used yet.
  preserve: (c) => {
    if (!unusedPreservationApproval(c.record)) throw ruleViolation('先行登记保存须经行政机关负责人批准：负责人签署批准意见后可办理', art('行政处罚法', 56));
  },
};

/** Is `action` probed (its guards weigh nothing the user types)? */
export const isProbed = (action: CaseAction): boolean => action in PROBES;

/**
 * Steps whose refusal means there is nothing to do (all paid, no cash held, no preservation pending) rather than "not
 * yet": the case page neither offers nor lists them.
 */
const NOTHING_TO_DO: ReadonlySet<CaseAction> = new Set(['recordPayment', 'handOverCash', 'depositCash', 'decidePreservation']);

export interface NotYet {
  action: CaseAction;
  /** Nothing to do (see NOTHING_TO_DO): not offered and not listed. */
  nothingToDo: boolean;
  /** Why not today, in Chinese, and when it becomes possible where a date decides it. */
  reason: string;
  article: string | null;
}

/** Of `actions` (already allowed by state and role), those whose guards refuse them today, with the reason. */
export function stepsNotYet(c: CaseSnapshot, actions: readonly CaseAction[], g: GuardContext): NotYet[] {
  const out: NotYet[] = [];
  for (const action of actions) {
    const probe = PROBES[action];
    if (!probe) continue;
    try {
      probe(c, g);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const article = typeof e.details?.article === 'string' ? e.details.article : null;
      out.push({ action, nothingToDo: NOTHING_TO_DO.has(action), reason: whenPossible(action, e) ?? e.message, article });
    }
  }
  return out;
}

/** A refusal that ends on a known day, said as when the step becomes possible. */
function whenPossible(action: CaseAction, e: AppError): string | null {
  const d = e.details ?? {};
  const verb = action === 'decide' ? '作出决定' : null;
  if (!verb) return null;
  if (typeof d.statementEndsOn === 'string') return `陈述申辩期限届满（${d.statementEndsOn}）后可${verb}；当事人明确放弃陈述申辩的除外`;
  if (typeof d.hearingRequestEndsOn === 'string') return `听证申请期限届满（${d.hearingRequestEndsOn}）后可${verb}；当事人明确放弃听证的除外`;
  return null;
}

import type { CaseView } from './types.ts';

/** The main road of a case, as the progress bar on the case page shows it. */
export const ordinarySteps = ['线索登记', '立案', '调查取证', '审查', '事先告知', '处理决定', '送达执行', '结案', '归档'] as const;
export const simpleSteps = ['当场处罚', '执行', '结案', '归档'] as const;

const ordinaryIndex: Partial<Record<CaseView['state'], number>> = {
  clue: 0,
  filed: 1,
  investigating: 2,
  reviewing: 3,
  notified: 4,
  hearing: 4,
  decided: 5,
  served: 6,
  enforcing: 6,
  closed: 7,
  archived: 8,
};
const simpleIndex: Partial<Record<CaseView['state'], number>> = { decided: 0, served: 1, enforcing: 1, closed: 2, archived: 3 };

/**
 * Where the case stands on its road. A case that left it (不予立案, 撤销立案, 移送, 中止, 终止) stops at the last
 * step its record shows, marked as an error, with the state's name.
 */
export function progressOf(view: CaseView): { steps: readonly string[]; current: number; left: boolean } {
  const simple = view.procedure === 'simple';
  const steps = simple ? simpleSteps : ordinarySteps;
  const index = (simple ? simpleIndex : ordinaryIndex)[view.state];
  if (index !== undefined) return { steps, current: index, left: false };
  const r = view.record;
  const reached = [true, view.filedOn !== null, r.investigation.startedOn !== null, r.investigation.closedOn !== null, r.notice !== null, r.decision !== null];
  return { steps, current: simple ? 0 : reached.lastIndexOf(true), left: true };
}

/**
 * Who may do what with enforcement cases, the power list and case parameters. The roles of each workflow step
 * are the transition table (`workflow.ts`); `mayTakeStep` reads it. Services assert these permissions, the web's
 * menu and buttons ask them (src/domain/policy.ts).
 */
import { type Who, may, permission } from '../policy.ts';
import type { CaseAction } from './actions.ts';
import type { CaseState } from './model.ts';
import { transitions } from './workflow.ts';

/** The officers of a case as far as permissions care: who is assigned, and who has been recused. */
export interface CaseOfficersSubject {
  readonly officers: readonly { readonly userId: number; readonly recused?: boolean }[];
}

const assignedNotRecused = (who: Who, c: CaseOfficersSubject) => c.officers.some((o) => o.userId === who.userId && !o.recused);

export const casePolicy = {
  /** The case list and case pages (案件办理). */
  workOnCases: permission('办理和查阅案件', ['officer', 'head', 'reviewer', 'supervisor']),
  /** Handles cases as an assigned officer (their own cases come first on the workbench). */
  handleCases: permission('承办案件', ['officer']),
  /** Oversees every case of their subtree (the workbench counts all of them, not only their own). */
  overseeCases: permission('督办本单位及下级单位全部案件', ['head', 'supervisor']),
  registerClue: permission('登记线索', ['officer', 'clerk', 'head']),
  /** 《行政处罚法》第五十一条: decided on the spot by the officers present, one of whom registers it. */
  decideOnSpot: permission<{ readonly officerIds: readonly number[] }>('当场作出处罚决定', ['officer'], {
    holds: (who, s) => s.officerIds.includes(who.userId),
    refusal: '当场处罚须由在场的执法人员本人登记',
  }),
  addEvidence: permission<CaseOfficersSubject>('登记证据', ['officer'], { holds: assignedNotRecused, refusal: '只有本案承办执法人员可以登记证据' }),
  /** 待办: batch 结案审批 — the head signs the same approval on several cases ready to close (domain/todo/kinds.ts). */
  approveClosings: permission('批量结案审批', ['head']),
  /** 督办: urge the officers of a case of the subtree to act, with a note (supervision). */
  urgeCase: permission('督办案件', ['supervisor', 'head']),
  publishDecision: permission('公示行政处罚决定', ['officer', 'head', 'admin']),
  /** 法制审核 queue. */
  reviewQueue: permission('法制审核', ['reviewer', 'head', 'admin']),
  /** 监督看板: statistics and deadlines of the subtree. */
  viewStatistics: permission('监督看板', ['supervisor', 'head', 'admin']),
  /** Power list, benchmarks and case parameters pages: admins maintain them, heads and legal reviewers read them. */
  readAdminPages: permission('查阅权责清单、裁量基准和办案参数', ['admin', 'head', 'reviewer']),
  editPowerList: permission('维护权责清单', ['admin']),
  editCaseSettings: permission('设置办案参数', ['admin']),
};

/** A case as far as taking a step is concerned. */
export interface CaseStepSubject extends CaseOfficersSubject {
  readonly state: CaseState;
}

/**
 * May `who` take workflow step `action` on case `c` now, as far as state and persons go: the step starts from the
 * case's state, `who` holds one of the step's roles (the transition table), and a step reserved to the case's own
 * officers is taken by an assigned officer who is not recused, or by a head. Dates, records and legal guards are
 * checked when the step is submitted (`checkTransition`).
 */
export function mayTakeStep(who: Who, action: CaseAction, c: CaseStepSubject): boolean {
  const t = transitions[action];
  if (!t.from.includes(c.state)) return false;
  if (!may(who, permission(action, t.roles))) return false;
  return !t.onSubjectOnly || assignedNotRecused(who, c);
}

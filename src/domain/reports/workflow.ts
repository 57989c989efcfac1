/**
 * The annual report's workflow on the kernel (domain/workflow/kernel.ts; issue #19 item 3, docs/REPORTS.md):
 * 起草 → 法制科审核 → 主要负责人审定 → 公开 → 报送, with 退回修改 (a reason required) from either review. The rule that
 * asks for the report, its publication before 1 April and its submission — 《法治政府建设与责任落实督察工作规定》 — is not
 * in the law library: it is named without an article number (as docs/REPORTS.md does) until its text is there.
 * When it is due: published by 31 March of the following year — calendar days, a due day on a weekend or holiday is
 * not moved (the rule says “每年4月1日之前”); alerts from 1 March.
 */
import type { OrganizationKind } from '../access.ts';
import { type IsoDate } from '../calendar/iso-date.ts';
import { forbidden, ruleViolation, validationError } from '../errors.ts';
import { checkTransition, type Guard, type GuardContext, inputOf, type Transition, type Workflow } from '../workflow/kernel.ts';

/** The rule that asks every unit for the report and its publication (no article cited: not in the law library). */
export const REPORT_RULE = '《法治政府建设与责任落实督察工作规定》';

export const reportStates = {
  drafting: '起草',
  legalReview: '法制科审核',
  headApproval: '主要负责人审定',
  approved: '已审定待公开',
  published: '已公开',
  submitted: '已报送',
} as const;
export type ReportState = keyof typeof reportStates;
export const reportStateKeys = Object.keys(reportStates) as [ReportState, ...ReportState[]];

export const reportActionLabels = {
  submitForReview: '提交法制科审核',
  passReview: '法制审核通过',
  approve: '主要负责人审定',
  publish: '公开',
  submit: '报送上级机关和司法行政部门',
  return: '退回修改',
} as const;
export type ReportAction = keyof typeof reportActionLabels;
export const reportActionKeys = Object.keys(reportActionLabels) as [ReportAction, ...ReportAction[]];

export type ReportStepInput = { action: Exclude<ReportAction, 'return'>; expectedVersion: number; on?: IsoDate } | { action: 'return'; reason: string; expectedVersion: number; on?: IsoDate };

export interface ReportSnapshot {
  id: number;
  state: ReportState;
  year: number;
  /** Who submitted the draft for review (the author of record); null before the first submission. */
  authorId: number | null;
  lastActedOn: IsoDate;
}

/** The last day the report of `year` may be published: 31 March of the year after (calendar date, never moved). */
export const reportDueOn = (year: number): IsoDate => `${String(year + 1)}-03-31`;
/** From this day the unit is reminded (to-do list) until the report is published. */
export const reportAlertFrom = (year: number): IsoDate => `${String(year + 1)}-03-01`;
/** Published after 31 March of the year after: late. */
export const isReportLate = (year: number, publishedOn: IsoDate): boolean => publishedOn > reportDueOn(year);

/**
 * The units that write the report themselves: the government departments (局) the rule asks it of — a city or district
 * bureau, a justice bureau. Their brigades, squadrons and town teams report through the bureau above them and are
 * not reminded (《法治政府建设与责任落实督察工作规定》).
 */
export const reportingUnitKinds: readonly OrganizationKind[] = ['bureau', 'district_bureau', 'justice_bureau'];
export const isReportingUnit = (kind: OrganizationKind): boolean => reportingUnitKinds.includes(kind);

/** The year whose report is due in the year of `today` (reports are published the year after). */
export const reportYearDueIn = (today: IsoDate): number => Number(today.slice(0, 4)) - 1;

/**
 * The reminder a unit sees about its report of `year` on `today` (the to-do centre's notice, services/todo/notices.ts): none
 * before 1 March of the year after or once published; from 1 March the days left (the due day counted), after 31 March
 * that it is late.
 */
export function reportReminder(year: number, today: IsoDate, state: ReportState | 'notStarted'): { overdue: boolean; message: string } | null {
  if (state === 'published' || state === 'submitted' || today < reportAlertFrom(year)) return null;
  const due = reportDueOn(year);
  const what = `${String(year)}年度法治政府建设情况报告${state === 'notStarted' ? '尚未起草' : `（${reportStates[state]}）`}`;
  if (today > due) return { overdue: true, message: `${what}，应于${due}前公开，已逾期` };
  const days = Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000) + 1;
  return { overdue: false, message: `${what}，应于${due}前公开，还剩${String(days)}天` };
}

type ReportGuard = Guard<ReportSnapshot, ReportStepInput, GuardContext>;

export const reportGuards = {
  // The report covers a whole year's work: it is published once the year is over.
  yearEnded: {
    id: 'yearEnded',
    article: REPORT_RULE,
    check: (s, _i, g) => {
      if (g.actDate <= `${String(s.year)}-12-31`) throw ruleViolation(`${String(s.year)}年度尚未结束，不能公开该年度的法治政府建设情况报告`, REPORT_RULE);
    },
  },
  // The legal section's review is a second person's: the author does not review their own draft.
  reviewerNotAuthor: {
    id: 'reviewerNotAuthor',
    article: REPORT_RULE,
    check: (s, _i, g) => {
      if (s.authorId !== null && s.authorId === g.actor.userId) throw forbidden('法制科审核应由起草人以外的法制审核员进行，不能审核本人提交的报告');
    },
  },
  // The legal section returns at its review, the head at the approval — each with the reason the author must address.
  returnedByItsReviewer: {
    id: 'returnedByItsReviewer',
    article: REPORT_RULE,
    check: (s, input, g) => {
      const reason = inputOf(input, 'return').reason.trim();
      if (reason.length < 2) throw validationError('退回修改须说明理由', { fields: [{ field: 'reason', message: '请填写退回理由' }] });
      const needed = s.state === 'legalReview' ? 'reviewer' : 'head';
      if (!g.actor.roles.includes(needed)) throw forbidden(s.state === 'legalReview' ? '法制科审核阶段只能由法制审核员退回' : '审定阶段只能由负责人退回');
    },
  },
} satisfies Record<string, ReportGuard>;

const G = reportGuards;
type T = Transition<ReportState, ReportStepInput, ReportSnapshot>;
const goTo = (s: ReportState) => () => s;

const transitions: Record<ReportAction, T> = {
  submitForReview: { from: ['drafting'], roles: ['head', 'reviewer'], onSubjectOnly: false, guards: [], to: goTo('legalReview') },
  passReview: { from: ['legalReview'], roles: ['reviewer'], onSubjectOnly: false, guards: [G.reviewerNotAuthor], to: goTo('headApproval') },
  approve: { from: ['headApproval'], roles: ['head'], onSubjectOnly: false, guards: [], to: goTo('approved') },
  publish: { from: ['approved'], roles: ['head', 'reviewer'], onSubjectOnly: false, guards: [G.yearEnded], to: goTo('published') },
  submit: { from: ['published'], roles: ['head', 'reviewer'], onSubjectOnly: false, guards: [], to: goTo('submitted') },
  return: { from: ['legalReview', 'headApproval'], roles: ['reviewer', 'head'], onSubjectOnly: false, guards: [G.returnedByItsReviewer], to: goTo('drafting') },
};

export const reportWorkflow: Workflow<ReportState, ReportAction, ReportStepInput, ReportSnapshot> = {
  transitions,
  stateOf: (s) => s.state,
  lastActedOn: (s) => s.lastActedOn,
  stateLabels: reportStates,
  actionLabels: reportActionLabels,
  stateArticle: () => REPORT_RULE,
  subjectName: '年度报告',
  subjectNoun: '本报告',
  assertOnSubject: () => undefined,
};

export function checkReportTransition(s: ReportSnapshot, input: ReportStepInput, g: GuardContext): ReportState {
  return checkTransition(reportWorkflow, s, input, g);
}

/** The actions `who` could take on a report in `state` by role (the page's buttons; guards are checked on submit). */
export function reportActionsFor(roles: readonly string[], state: ReportState): ReportAction[] {
  // 退回 belongs to the stage's own role (returnedByItsReviewer): the legal section at its review, the head at the approval.
  const byRole = (a: ReportAction) => (a === 'return' ? roles.includes(state === 'legalReview' ? 'reviewer' : 'head') : transitions[a].roles.some((r) => roles.includes(r)));
  return reportActionKeys.filter((a) => transitions[a].from.includes(state) && byRole(a));
}

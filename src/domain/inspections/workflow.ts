/**
 * An inspection of an enterprise (涉企行政检查) as a workflow of the kernel (domain/workflow/kernel.ts): 登记 → 赋码 (the
 * 行政检查码, with every pre-entry rule) → 检查记录 → 整改 → 复查 → 办结, or → 移送立案. Every rule is a guard citing its
 * source. 国办发〔2024〕54号 is not in the law library: it is cited by its number, without inventing its articles.
 */
import { compareIsoDates, yearOf } from '../calendar/iso-date.ts';
import { forbidden, ruleViolation, validationError } from '../errors.ts';
import { checkTransition as checkWorkflowTransition, type Guard, inputOf, type Transition, type Workflow } from '../workflow/kernel.ts';
import { art, para } from '../workflow/law.ts';
import { type InspectionAction, type InspectionActionInput, inspectionActionLabels } from './actions.ts';
import { CAP_EXEMPT_TRIGGERS, type FindingOutcome, type InspectionState, RECTIFY_BASIS, inspectionMethods, inspectionStates, inspectionTriggers } from './model.ts';
import { EMERGENCY_BASIS, emergencyRecordDueOn } from './periods.ts';
import type { InspectionGuardContext, InspectionSnapshot } from './snapshot.ts';

type InspectionGuard = Guard<InspectionSnapshot, InspectionActionInput, InspectionGuardContext>;

/** The opinion on inspections of enterprises: published items only, certified officers, caps, no needless entry. */
export const INSPECTION_BASIS = '国办发〔2024〕54号《关于严格规范涉企行政检查的意见》';
/** Targeted inspections (投诉举报、转办交办、数据监测) are outside the random-inspection regime and its caps. */
const TARGETED_BASIS = art('优化营商环境条例', 54, para(2));
/** Officers show their certificates (and so must hold valid ones); at least two act together. */
const OFFICERS_BASIS = `${art('行政处罚法', 42)}、第五十五条；${INSPECTION_BASIS}`;

export const inspectionGuards = {
  // Only an item on the organization's published list (检查事项清单) is inspected — on the day it is in force.
  itemPublished: {
    id: 'itemPublished',
    article: INSPECTION_BASIS,
    check: (s, _i, g) => {
      const { item } = s;
      const on = g.actDate;
      if (!item.publishedOn || compareIsoDates(item.publishedOn, on) > 0) {
        throw ruleViolation(`检查事项“${item.name}”未在本单位检查事项清单中公布（或尚未生效），不得实施检查`, INSPECTION_BASIS);
      }
      if (item.withdrawnOn && compareIsoDates(item.withdrawnOn, on) <= 0) {
        throw ruleViolation(`检查事项“${item.name}”已于 ${item.withdrawnOn} 从检查事项清单中撤销，不得实施检查`, INSPECTION_BASIS);
      }
    },
  },
  // At least two officers, each with a 行政执法证 valid that day (辅助人员、第三方 may not inspect).
  officersCertified: {
    id: 'officersCertified',
    article: OFFICERS_BASIS,
    check: (s, _i, g) => {
      const on = g.actDate;
      const invalid = s.officers.filter((o) => !o.certificate || (o.certificate.validFrom !== null && compareIsoDates(o.certificate.validFrom, on) > 0) || compareIsoDates(o.certificate.validUntil, on) < 0);
      if (invalid.length > 0) {
        throw ruleViolation(`${invalid.map((o) => o.name).join('、')}在 ${on} 没有有效的行政执法证件，不得实施行政检查`, OFFICERS_BASIS, { officers: invalid.map((o) => o.userId) });
      }
      if (s.officers.length < 2) throw ruleViolation('行政检查应当由两名以上持有行政执法证件的执法人员实施', OFFICERS_BASIS);
    },
  },
  // An item checked in writing or remotely is not checked on site; a targeted inspection may go on site with its reason.
  methodAllowed: {
    id: 'methodAllowed',
    article: INSPECTION_BASIS,
    check: (s) => {
      if (s.method !== 'onSite' || s.item.method === 'onSite') return;
      if (!CAP_EXEMPT_TRIGGERS.includes(s.trigger)) {
        throw ruleViolation(`检查事项“${s.item.name}”采取${inspectionMethods[s.item.method]}方式，能够通过${inspectionMethods[s.item.method]}核查的，不得入企现场检查`, INSPECTION_BASIS);
      }
      if (!s.methodReason) throw validationError('针对投诉举报等问题入企现场检查的，请说明需要现场检查的理由', { fields: [{ field: 'methodReason', message: '请说明现场检查理由' }] });
    },
  },
  // Yearly frequency cap per subject and item; targeted inspections are exempt and recorded as such.
  yearlyCap: {
    id: 'yearlyCap',
    article: INSPECTION_BASIS,
    check: (s, _i, g) => {
      const cap = s.item.yearlyCap;
      if (cap === null || CAP_EXEMPT_TRIGGERS.includes(s.trigger)) return;
      if (g.inspectionsThisYear >= cap) {
        throw ruleViolation(
          `${s.subject.name}本年度（${yearOf(g.actDate)}年）已接受“${s.item.name}”检查 ${g.inspectionsThisYear} 次，达到每年不超过 ${cap} 次的上限；` +
            `因投诉举报、转办交办、数据监测或案件办理需要检查的，请按相应触发方式登记（${TARGETED_BASIS}）`,
          INSPECTION_BASIS,
          { cap, count: g.inspectionsThisYear },
        );
      }
    },
  },
  // The record of an emergency inspection follows within the local number of calendar days.
  emergencyRecordInTime: {
    id: 'emergencyRecordInTime',
    article: EMERGENCY_BASIS,
    check: (s, _i, g) => {
      if (!s.emergencyOn) return;
      const { dueOn } = emergencyRecordDueOn(g.calendar, s.emergencyOn, g.settings);
      if (compareIsoDates(g.actDate, dueOn) > 0) {
        throw ruleViolation(`紧急检查于 ${s.emergencyOn} 实施，应当在 ${g.settings.emergencyRecordDays} 日内（${dueOn} 前）补录检查记录，现已逾期，请报负责人说明情况`, EMERGENCY_BASIS, { dueOn });
      }
    },
  },
  // A rectification order has a due date after the day it is given.
  rectifyDue: {
    id: 'rectifyDue',
    article: RECTIFY_BASIS,
    check: (_s, input, g) => {
      const orders = (input.action === 'record' && input.outcome === 'rectify') || (input.action === 'reinspect' && !input.rectified);
      if (!orders) return;
      const due = input.rectifyDueOn;
      if (due === undefined) throw validationError('责令整改的，请填写整改期限', { fields: [{ field: 'rectifyDueOn', message: '请填写整改期限' }] });
      if (compareIsoDates(due, g.actDate) <= 0) throw validationError(`整改期限应晚于检查日期 ${g.actDate}`, { fields: [{ field: 'rectifyDueOn', message: '整改期限应晚于检查日期' }] });
    },
  },
} satisfies Record<string, InspectionGuard>;

const G = inspectionGuards;
const AFTER_RECORD: Record<FindingOutcome, InspectionState> = { compliant: 'closed', rectify: 'rectifying', refer: 'referred' };
const goTo = (s: InspectionState) => () => s;
type T = Transition<InspectionState, InspectionActionInput, InspectionSnapshot, InspectionGuardContext>;

const transitions: Record<InspectionAction, T> = {
  issueCode: { from: ['registered'], roles: ['officer'], onSubjectOnly: true, guards: [G.itemPublished, G.officersCertified, G.methodAllowed, G.yearlyCap], to: goTo('coded') },
  record: {
    from: ['coded'],
    roles: ['officer'],
    onSubjectOnly: true,
    guards: [G.officersCertified, G.emergencyRecordInTime, G.rectifyDue],
    to: (_s, i) => AFTER_RECORD[inputOf(i, 'record').outcome],
  },
  reinspect: { from: ['rectifying'], roles: ['officer'], onSubjectOnly: true, guards: [G.officersCertified, G.rectifyDue], to: (_s, i) => (inputOf(i, 'reinspect').rectified ? 'closed' : 'rectifying') },
  refer: { from: ['rectifying'], roles: ['officer', 'head'], onSubjectOnly: true, guards: [], to: goTo('referred') },
  cancel: { from: ['registered', 'coded'], roles: ['head'], onSubjectOnly: false, guards: [], to: goTo('cancelled') },
};

export const inspectionWorkflow: Workflow<InspectionState, InspectionAction, InspectionActionInput, InspectionSnapshot, InspectionGuardContext> = {
  transitions,
  stateOf: (s) => s.state,
  lastActedOn: (s) => s.lastActedOn,
  stateLabels: inspectionStates,
  actionLabels: inspectionActionLabels,
  stateArticle: () => INSPECTION_BASIS,
  subjectName: '检查',
  subjectNoun: '本次检查',
  // The officers named on the inspection act on it; a head above the organization may refer it.
  assertOnSubject: (s, actor) => {
    if (s.officers.some((o) => o.userId === actor.userId)) return;
    if (actor.roles.includes('head') && s.organizationPath.startsWith(actor.organizationPath)) return;
    throw forbidden('只有本次检查的执法人员可以进行此操作');
  },
};

/** Checks that `input` may happen to the inspection now; returns the state it moves to. */
export function checkInspectionTransition(s: InspectionSnapshot, input: InspectionActionInput, ctx: InspectionGuardContext): InspectionState {
  return checkWorkflowTransition(inspectionWorkflow, s, input, ctx);
}

/** How a trigger is recorded on the inspection (the supervisor's view shows the exempt ones apart). */
export const capExemptLabel = (s: Pick<InspectionSnapshot, 'trigger'>): string | null =>
  CAP_EXEMPT_TRIGGERS.includes(s.trigger) ? `${inspectionTriggers[s.trigger]}触发，不计入年度检查频次（${TARGETED_BASIS}）` : null;

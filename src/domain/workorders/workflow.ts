/**
 * The work-order loop as a workflow of the kernel (domain/workflow/kernel.ts): 受理 → 派单 → 签收 → 办理 → 答复 → 办结
 * → 回访, with 退单 to a 派单异议 review, 改派, 督办, 并单, a petition's extension, reopening on dissatisfaction, and a
 * petition's 复查 and 复核 by the organs above (第三十五条、第三十六条). Every
 * rule is a guard citing its source; which are working and which calendar days is in periods.ts.
 */
import type { Role } from '../access.ts';
import { forbidden, ruleViolation, validationError } from '../errors.ts';
import { checkTransition as checkWorkflowTransition, type Guard, inputOf, type Transition, type Workflow } from '../workflow/kernel.ts';
import { art, articleLabel } from '../workflow/law.ts';
import { type WorkOrderAction, type WorkOrderActionInput, workOrderActionLabels } from './actions.ts';
import { NO_PUSH_DOWN_BASIS } from './dispatch.ts';
import { isPetition, type WorkOrderState, workOrderStates } from './model.ts';
import { countDeadline } from '../calendar/periods.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import { HOTLINE_PERIOD_BASIS, type PetitionPeriod, petitionPeriods } from './periods.ts';
import type { WorkOrderGuardContext, WorkOrderSnapshot } from './snapshot.ts';

type WorkOrderGuard = Guard<WorkOrderSnapshot, WorkOrderActionInput, WorkOrderGuardContext>;

/** Items of the bureau's own duties stay with it (乡镇（街道）履行职责事项清单: what is not on a town's list is not pushed down to it). */
export { NO_PUSH_DOWN_BASIS };
/** A petition unit designated after a dispute over who handles it (信访工作条例第二十四条). */
const DESIGNATION_BASIS = art('信访工作条例', 24);
const completionBasis = (o: WorkOrderSnapshot) => (isPetition(o.channel) ? art('信访工作条例', 32) : HOTLINE_PERIOD_BASIS);

const unitTarget = (g: WorkOrderGuardContext) => {
  if (!g.target) throw validationError('请选择承办单位');
  return g.target;
};

/**
 * 第三十五条、第三十六条: a 复查 (复核) is asked within 30 calendar days of the day the petitioner received the written
 * reply (the 复查 opinion); the day received is not before the reply nor after the request.
 */
function requestInTime(g: WorkOrderGuardContext, reply: { on: IsoDate }, receivedOn: IsoDate | undefined, period: PetitionPeriod, what: string): void {
  const received = receivedOn ?? reply.on;
  if (received < reply.on) throw validationError(`收到日期 ${received} 不能早于${what}作出之日 ${reply.on}`, { fields: [{ field: 'replyReceivedOn', message: '收到日期不能早于答复日期' }] });
  if (received > g.actDate) throw validationError(`收到日期 ${received} 不能晚于请求之日 ${g.actDate}`, { fields: [{ field: 'replyReceivedOn', message: '收到日期不能晚于请求日期' }] });
  const due = countDeadline(g.calendar, received, period).dueOn;
  if (g.actDate > due) {
    throw ruleViolation(`${period.label}为收到${what}之日起 ${String(period.days)} 日（${received} 收到，${due} 届满），${g.actDate} 提出的请求已超过期限`, period.basis);
  }
}

export const workOrderGuards = {
  // 第二十二条、第二十三条: a petition is registered and its acceptance decided (and told) before it is handled.
  petitionOnly: {
    id: 'petitionOnly',
    article: `${art('信访工作条例', 22)}、${articleLabel(23)}`,
    check: (o) => {
      if (!isPetition(o.channel)) throw ruleViolation('只有信访事项需要作出受理决定；其他工单登记即受理', `${art('信访工作条例', 22)}、${articleLabel(23)}`);
    },
  },
  petitionAccepted: {
    id: 'petitionAccepted',
    article: `${art('信访工作条例', 22)}、${articleLabel(23)}`,
    check: (o) => {
      if (isPetition(o.channel) && !o.acceptance?.accepted) {
        throw ruleViolation('信访事项应当先登记并作出受理决定、告知信访人，然后才能交办', `${art('信访工作条例', 22)}、${articleLabel(23)}`);
      }
    },
  },
  // 第二十三条: a matter of a lower body of the same system is sent to it (转送、交办) — within the receiver's own tree.
  unitInTree: {
    id: 'unitInTree',
    article: art('信访工作条例', 23),
    check: (o, _i, g) => {
      const target = unitTarget(g);
      if (!target.path.startsWith(o.organizationPath)) {
        throw ruleViolation(`“${target.name}”不在受理单位的下级单位范围内，不能交办；不属于本系统职权范围的，应告知向有权处理的机关提出`, art('信访工作条例', 23));
      }
      if (o.unit?.id === target.id) throw validationError(`工单已在“${target.name}”办理，请选择其他单位`);
    },
  },
  // An item of the bureau's own duties is not pushed down to a town or street (国办函〔2025〕66号).
  noPushDown: {
    id: 'noPushDown',
    article: NO_PUSH_DOWN_BASIS,
    check: (_o, _i, g) => {
      const target = unitTarget(g);
      if (g.dispatchRule?.reservedToBureau && target.kind === 'town_team') {
        throw ruleViolation(`“${g.dispatchRule.category}”属于局机关职责事项，不得派往乡镇（街道）“${target.name}”`, NO_PUSH_DOWN_BASIS);
      }
    },
  },
  // 第二十四条: once the body above decided who handles a disputed matter, that unit handles it.
  notDesignated: {
    id: 'notDesignated',
    article: DESIGNATION_BASIS,
    check: (o) => {
      if (o.designated) throw ruleViolation('本单位是派单异议审核后指定的承办单位，不能再退单', DESIGNATION_BASIS);
    },
  },
  // 第三十四条: only a petition is extended, once or more, by at most 30 days in all, with the head's approval.
  extensionLimit: {
    id: 'extensionLimit',
    article: petitionPeriods.extension.basis,
    check: (o, input) => {
      const { days } = inputOf(input, 'extend');
      if (!isPetition(o.channel)) throw ruleViolation('只有信访事项可以延长办理期限；热线工单按本地规定的期限办理', petitionPeriods.extension.basis);
      const left = petitionPeriods.extension.days - o.extensionDays;
      if (days > left) throw ruleViolation(`延长期限合计不得超过 30 日（已延长 ${String(o.extensionDays)} 日，最多还可延长 ${String(left)} 日）`, petitionPeriods.extension.basis);
    },
  },
  // The requester is answered before the order is completed (信访: 第三十二条 信访处理意见书; hotline: local practice);
  // an anonymous order has nobody to answer.
  answeredFirst: {
    id: 'answeredFirst',
    article: art('信访工作条例', 32),
    check: (o) => {
      if (!o.answer && !o.anonymous) throw ruleViolation('应当先答复诉求人，然后才能办结', completionBasis(o));
    },
  },
  dissatisfactionExplained: {
    id: 'dissatisfactionExplained',
    article: HOTLINE_PERIOD_BASIS,
    check: (_o, input) => {
      const visit = inputOf(input, 'visit');
      if (visit.satisfaction === 'dissatisfied' && !visit.reason) throw validationError('不满意的，请填写不满意原因', { fields: [{ field: 'reason', message: '请填写不满意原因' }] });
    },
  },
  reopenLimit: {
    id: 'reopenLimit',
    article: HOTLINE_PERIOD_BASIS,
    check: (o, _i, g) => {
      if (o.lastSatisfaction !== 'dissatisfied') throw ruleViolation('只有诉求人回访不满意的工单可以重新办理', HOTLINE_PERIOD_BASIS);
      if (o.reopenCount >= g.settings.maxReopens) {
        throw ruleViolation(`本工单已重新办理 ${String(o.reopenCount)} 次，达到本地规定的上限；信访人不服的，可以请求复查（${art('信访工作条例', 35)}）`, HOTLINE_PERIOD_BASIS);
      }
    },
  },
  mergeTarget: {
    id: 'mergeTarget',
    article: HOTLINE_PERIOD_BASIS,
    check: (o, input, g) => {
      const { intoId } = inputOf(input, 'merge');
      const target = g.mergeTarget;
      if (intoId === o.id) throw validationError('不能并入工单本身');
      if (!target || !target.organizationPath.startsWith(g.actor.organizationPath)) throw validationError('要并入的工单不存在或不在您的单位范围内');
      if (['closed', 'merged', 'declined'].includes(target.state)) throw ruleViolation(`要并入的工单${workOrderStates[target.state]}，不能并入`, HOTLINE_PERIOD_BASIS);
    },
  },
  // 第三十五条: 复查 of the written reply (信访处理意见书), asked within 30 days of receiving it.
  reviewInTime: {
    id: 'reviewInTime',
    article: petitionPeriods.reviewRequest.basis,
    check: (o, input, g) => {
      if (!isPetition(o.channel)) throw ruleViolation('只有信访事项可以请求复查；热线等工单不满意的，按回访和重新办理处理', petitionPeriods.reviewRequest.basis);
      if (!o.writtenReply) throw ruleViolation('信访人收到书面答复（信访处理意见书）后才能请求复查；本工单尚无书面或网上答复', petitionPeriods.reviewRequest.basis);
      requestInTime(g, o.writtenReply, inputOf(input, 'requestReview').replyReceivedOn, petitionPeriods.reviewRequest, '书面答复');
    },
  },
  // 第三十六条: 复核 of the 复查 opinion, asked within 30 days of receiving it.
  recheckInTime: {
    id: 'recheckInTime',
    article: petitionPeriods.recheckRequest.basis,
    check: (o, input, g) => {
      if (!o.review?.answeredOn) throw ruleViolation('复查机关作出复查意见后才能请求复核', petitionPeriods.recheckRequest.basis);
      requestInTime(g, { on: o.review.answeredOn }, inputOf(input, 'requestRecheck').replyReceivedOn, petitionPeriods.recheckRequest, '复查意见');
    },
  },
} satisfies Record<string, WorkOrderGuard>;

const G = workOrderGuards;
const DISPATCHERS: readonly Role[] = ['clerk', 'supervisor', 'head'];
const HANDLERS: readonly Role[] = ['officer', 'clerk', 'head'];
const SUPERVISORS: readonly Role[] = ['supervisor', 'head'];
const same = (o: WorkOrderSnapshot) => o.state;
const goTo = (s: WorkOrderState) => () => s;
type T = Transition<WorkOrderState, WorkOrderActionInput, WorkOrderSnapshot, WorkOrderGuardContext>;

const transitions: Record<WorkOrderAction, T> = {
  decideAcceptance: { from: ['received'], roles: DISPATCHERS, onSubjectOnly: false, guards: [G.petitionOnly], to: (_o, i) => (inputOf(i, 'decideAcceptance').accepted ? 'received' : 'declined') },
  dispatch: { from: ['received'], roles: DISPATCHERS, onSubjectOnly: false, guards: [G.petitionAccepted, G.unitInTree, G.noPushDown], to: goTo('dispatched') },
  accept: { from: ['dispatched'], roles: HANDLERS, onSubjectOnly: true, guards: [], to: goTo('handling') },
  return: { from: ['dispatched', 'handling'], roles: HANDLERS, onSubjectOnly: true, guards: [G.notDesignated], to: goTo('disputed') },
  resolveDispute: { from: ['disputed'], roles: SUPERVISORS, onSubjectOnly: false, guards: [G.unitInTree, G.noPushDown], to: goTo('dispatched') },
  reassign: { from: ['dispatched', 'handling'], roles: DISPATCHERS, onSubjectOnly: false, guards: [G.unitInTree, G.noPushDown], to: goTo('dispatched') },
  urge: { from: ['dispatched', 'handling', 'disputed'], roles: SUPERVISORS, onSubjectOnly: false, guards: [], to: same },
  extend: { from: ['handling'], roles: ['head'], onSubjectOnly: false, guards: [G.extensionLimit], to: same },
  answer: { from: ['handling'], roles: HANDLERS, onSubjectOnly: true, guards: [], to: goTo('answered') },
  complete: { from: ['handling', 'answered'], roles: HANDLERS, onSubjectOnly: true, guards: [G.answeredFirst], to: goTo('completed') },
  visit: { from: ['completed'], roles: DISPATCHERS, onSubjectOnly: false, guards: [G.dissatisfactionExplained], to: goTo('closed') },
  reopen: { from: ['closed'], roles: DISPATCHERS, onSubjectOnly: false, guards: [G.reopenLimit], to: goTo('handling') },
  merge: { from: ['received', 'dispatched', 'handling'], roles: DISPATCHERS, onSubjectOnly: false, guards: [G.mergeTarget], to: goTo('merged') },
  // 复查 and 复核 are decided by organs above the bureau; the bureau's dispatchers (or those of the organ above, who see
  // the order) record the request, the reviewing organ and its opinion, and the 30-day periods run as deadlines.
  requestReview: { from: ['completed', 'closed'], roles: DISPATCHERS, onSubjectOnly: false, guards: [G.reviewInTime], to: goTo('reviewing') },
  answerReview: { from: ['reviewing'], roles: DISPATCHERS, onSubjectOnly: false, guards: [], to: goTo('reviewed') },
  requestRecheck: { from: ['reviewed'], roles: DISPATCHERS, onSubjectOnly: false, guards: [G.recheckInTime], to: goTo('rechecking') },
  answerRecheck: { from: ['rechecking'], roles: DISPATCHERS, onSubjectOnly: false, guards: [], to: goTo('rechecked') },
};

export const workOrderWorkflow: Workflow<WorkOrderState, WorkOrderAction, WorkOrderActionInput, WorkOrderSnapshot, WorkOrderGuardContext> = {
  transitions,
  stateOf: (o) => o.state,
  lastActedOn: (o) => o.lastActedOn,
  stateLabels: workOrderStates,
  actionLabels: workOrderActionLabels,
  stateArticle: (o) => (isPetition(o.channel) ? `${art('信访工作条例', 31)}、${articleLabel(34)}` : HOTLINE_PERIOD_BASIS),
  subjectName: '工单',
  subjectNoun: '本工单',
  // Signing, returning, answering and completing are the unit's: its own people (or those above it).
  assertOnSubject: (o, actor) => {
    if (!o.unit || !actor.organizationPath || !actor.organizationPath.startsWith(o.unit.path)) {
      if (!(actor.roles.includes('head') && o.unit?.path.startsWith(actor.organizationPath))) throw forbidden('只有承办单位的人员可以进行此操作');
    }
  },
};

/** Checks that `input` may happen to the order now; returns the state it moves to. */
export function checkWorkOrderTransition(o: WorkOrderSnapshot, input: WorkOrderActionInput, ctx: WorkOrderGuardContext): WorkOrderState {
  return checkWorkflowTransition(workOrderWorkflow, o, input, ctx);
}

/**
 * The case workflow as data: for every action, the states it may start from, the roles that may take it,
 * the guards (each a named rule citing its article) and the state it leads to. `checkTransition` is the one
 * entry point services use; it throws a Chinese RULE_VIOLATION / FORBIDDEN error or returns the next state.
 */
import { type Role, roles as roleNames } from '../access.ts';
import { forbidden, ruleViolation, validationError } from '../errors.ts';
import { latestAdvanceDate } from '../calendar/periods.ts';
import { type CaseAction, type CaseActionInput, caseActionLabels } from './actions.ts';
import { assertChecklistConsistent, REVIEW_CONTENT_BASIS } from './legal-review.ts';
import { type CaseState, caseStates, formatYuan } from './model.ts';
import { cashGuards } from './cash-collection.ts';
import { recordGuards } from './record-rules.ts';
import {
  art,
  assertEducationRecorded,
  assertNoSecondFine,
  assertNotRaised,
  assertNotRecused,
  assertNotUnderFourteen,
  assertOnPowerList,
  assertPresiderNotInvestigator,
  assertReviewerNotInvestigator,
  assertTwoCertifiedOfficers,
  assertWithinLimitation,
  hearingRightsReasons,
  lateFeeFen,
  periodsFor,
} from './rules.ts';
import type { CaseSnapshot, GuardContext } from './snapshot.ts';

export interface Guard {
  /** Stable name, used in tests and shown in docs/CASES.md. */
  id: string;
  article: string;
  check(c: CaseSnapshot, input: CaseActionInput, g: GuardContext): void;
}

export interface Transition {
  from: readonly CaseState[];
  roles: readonly Role[];
  /** Officer actions: the actor must be a non-recused officer of the case (or a head). */
  onCaseOnly: boolean;
  guards: readonly Guard[];
  to(c: CaseSnapshot, input: CaseActionInput): CaseState;
}

const same = (c: CaseSnapshot) => c.state;
const goTo = (state: CaseState) => () => state;
const OFFICER: readonly Role[] = ['officer', 'head'];
const HEAD: readonly Role[] = ['head'];
const OPEN: readonly CaseState[] = ['filed', 'investigating', 'reviewing', 'notified', 'hearing'];

function need<A extends CaseAction>(input: CaseActionInput, action: A): Extract<CaseActionInput, { action: A }> {
  if (input.action !== action) throw new Error(`guard for ${action} got ${input.action}`);
  return input as Extract<CaseActionInput, { action: A }>;
}

// ——— Guards ———

export const guards = {
  limitation: {
    id: 'limitation',
    article: art('三十六'),
    check: (c) => assertWithinLimitation(c.act, c.harmsSafety, c.discoveredOn),
  },
  powerList: {
    id: 'powerList',
    article: art('十七'),
    check: (c) => assertOnPowerList(c.powerItem),
  },
  twoCertifiedOfficers: {
    id: 'twoCertifiedOfficers',
    article: art('四十二'),
    check: (c, _i, g) => assertTwoCertifiedOfficers(c.officers, g.actDate),
  },
  reviewerIndependent: {
    id: 'reviewerIndependent',
    article: art('五十八'),
    check: (c, _i, g) => assertReviewerNotInvestigator(c.officers, g.actor.userId),
  },
  proposalComplete: {
    id: 'proposalComplete',
    article: `${art('五十七')}、${art('三十三')}`,
    check: (_c, input) => {
      const { proposal } = need(input, 'closeInvestigation');
      if (proposal.kind === 'penalty' && !proposal.penalty) throw validationError('处理意见为给予行政处罚时须填写拟处罚内容');
      if (proposal.kind === 'noPenalty') assertEducationRecorded(proposal);
      if (proposal.kind === 'transferJudicial' && !proposal.transferReason) throw validationError('移送司法机关须写明涉嫌犯罪的理由');
    },
  },
  noticeNeedsPenalty: {
    id: 'noticeNeedsPenalty',
    article: art('四十四'),
    check: (c) => {
      if (c.record.proposal?.kind !== 'penalty' || !c.record.proposal.penalty) {
        throw ruleViolation('只有拟给予行政处罚的案件需要事先告知；本案处理意见不是行政处罚', art('四十四'));
      }
    },
  },
  hearingOffered: {
    id: 'hearingOffered',
    article: art('六十三'),
    check: (c) => {
      if (!c.record.notice?.hearingOffered) throw ruleViolation('拟作出的处罚不属于应当告知听证权利的情形，当事人不能申请听证', art('六十三'));
    },
  },
  hearingRequestWindow: {
    id: 'hearingRequestWindow',
    article: `${art('六十四')}第（一）项`,
    check: (c, _i, g) => {
      const ends = c.record.notice?.hearingRequestEndsOn;
      if (ends && g.actDate > ends) {
        throw ruleViolation(`当事人要求听证应当在行政机关告知后五个工作日内提出（截止 ${ends}），已超过期限`, `${art('六十四')}第（一）项`);
      }
    },
  },
  hearingNoticeAhead: {
    id: 'hearingNoticeAhead',
    article: `${art('六十四')}第（二）项`,
    check: (_c, input, g) => {
      const { hearingOn } = need(input, 'scheduleHearing');
      const latest = latestAdvanceDate(g.calendar, hearingOn, periodsFor(g.settings).hearingNotice);
      if (g.actDate > latest) {
        throw ruleViolation(
          `应当在举行听证的七个工作日前通知当事人：听证定于 ${hearingOn}，最迟应于 ${latest} 送达听证通知`,
          `${art('六十四')}第（二）项、第八十五条`,
          { latestNoticeOn: latest },
        );
      }
    },
  },
  hearingPresider: {
    id: 'hearingPresider',
    article: `${art('六十四')}第（四）项`,
    check: (c, input) => assertPresiderNotInvestigator(c.officers, need(input, 'scheduleHearing').presiderId),
  },
  hearingDay: {
    id: 'hearingDay',
    article: art('六十四'),
    check: (c, _i, g) => {
      const h = c.record.hearing;
      if (!h?.hearingOn) throw ruleViolation('尚未安排听证，不能记录听证', art('六十四'));
      if (g.actDate < h.hearingOn) throw ruleViolation(`听证定于 ${h.hearingOn} 举行，不能提前记录`, art('六十四'));
    },
  },
  noRaiseAfterStatement: {
    id: 'noRaiseAfterStatement',
    article: art('四十五'),
    check: (c, input) => {
      const notice = c.record.notice;
      if (!notice) return; // before the prior notice the proposal may still change freely
      const next = input.action === 'revisePenalty' ? input.penalty : c.record.proposal?.penalty;
      if (next) assertNotRaised(next, notice.penalty, Boolean(c.record.statement && !c.record.statement.waived) || c.record.hearing?.heldOn != null);
    },
  },
  priorNoticeAndStatement: {
    id: 'priorNoticeAndStatement',
    article: art('六十二'),
    check: (c, _i, g) => {
      if (c.record.proposal?.kind !== 'penalty') return;
      const notice = c.record.notice;
      if (!notice) throw ruleViolation('作出行政处罚决定之前，应当告知当事人拟作出的处罚内容及事实、理由、依据和陈述申辩、要求听证的权利', `${art('四十四')}、${art('六十二')}`);
      const waived = c.record.statement?.waived === true;
      if (!waived && g.actDate <= notice.statementEndsOn) {
        throw ruleViolation(
          `陈述、申辩期限至 ${notice.statementEndsOn} 届满，当事人未明确放弃，期满前不得作出处罚决定`,
          `${art('四十五')}、${art('六十二')}`,
          { statementEndsOn: notice.statementEndsOn },
        );
      }
      if (notice.hearingOffered && !c.record.hearing && !waived && notice.hearingRequestEndsOn && g.actDate <= notice.hearingRequestEndsOn) {
        throw ruleViolation(`听证申请期限至 ${notice.hearingRequestEndsOn} 届满，期满前不得作出处罚决定`, `${art('六十四')}第（一）项`);
      }
    },
  },
  hearingHeld: {
    id: 'hearingHeld',
    article: art('六十五'),
    check: (c) => {
      if (c.record.hearing && !c.record.hearing.heldOn) {
        throw ruleViolation('当事人已申请听证，应当组织听证并根据听证笔录作出决定', `${art('六十三')}、${art('六十五')}`);
      }
    },
  },
  reviewChecklist: {
    id: 'reviewChecklist',
    article: `${art('五十八')}、${REVIEW_CONTENT_BASIS}`,
    check: (_c, input) => {
      const { passed, checklist } = need(input, 'legalReview');
      assertChecklistConsistent(passed, checklist);
    },
  },
  legalReview: {
    id: 'legalReview',
    article: art('五十八'),
    check: (c, _i, g) => {
      const reasons = legalReviewReasons(c, g);
      if (!reasons.length) return;
      const heldOn = c.record.hearing?.heldOn ?? null;
      const review = currentLegalReview(c);
      if (!review) {
        throw ruleViolation(`本案须经法制审核（${reasons.join('；')}），${heldOn ? '听证后' : ''}尚未审核，不得作出决定`, art('五十八'), { reasons });
      }
      if (!review.passed) throw ruleViolation('法制审核未通过，不得作出决定', art('五十八'));
    },
  },
  collectiveDiscussion: {
    id: 'collectiveDiscussion',
    article: art('五十七'),
    check: (c, _i, g) => {
      const reasons = collectiveDiscussionReasons(c, g);
      if (reasons.length && !c.record.collectiveDiscussion) {
        throw ruleViolation(`本案须经行政机关负责人集体讨论决定（${reasons.join('；')}）`, `${art('五十七')}第二款`, { reasons });
      }
    },
  },
  noSecondFine: {
    id: 'noSecondFine',
    article: art('二十九'),
    check: (c) => assertNoSecondFine(c.record.proposal?.kind === 'penalty' ? c.record.proposal.penalty : null, c.act, c.priorFines),
  },
  notUnderFourteen: {
    id: 'notUnderFourteen',
    article: art('三十'),
    check: (c) => assertNotUnderFourteen(c.party, c.act, c.record.proposal?.kind === 'penalty' ? c.record.proposal.penalty : null),
  },
  educationRecorded: {
    id: 'educationRecorded',
    article: art('三十三'),
    check: (c) => {
      const p = c.record.proposal;
      if (p?.kind === 'noPenalty') assertEducationRecorded(p);
    },
  },
  decisionKindFitsState: {
    id: 'decisionKindFitsState',
    article: art('四十四'),
    check: (c) => {
      const kind = c.record.proposal?.kind;
      if (!kind) throw ruleViolation('调查终结前不得作出决定', art('五十七'));
      if (kind === 'penalty' && c.state === 'reviewing') {
        throw ruleViolation('拟给予行政处罚的，须先事先告知当事人', art('四十四'));
      }
    },
  },
  deferralApproved: {
    id: 'deferralApproved',
    article: art('六十六'),
    check: (c, input, g) => {
      const { instalments } = need(input, 'approveDeferral');
      const fine = c.record.decision?.penalty?.fineFen ?? 0;
      const paid = c.record.payments.reduce((s, p) => s + p.amountFen, 0);
      const owed = fine - paid;
      const total = instalments.reduce((s, i) => s + i.amountFen, 0);
      if (total !== owed) throw validationError(`分期金额合计 ${formatYuan(total)} 应等于尚欠罚款 ${formatYuan(owed)}`);
      if (instalments.some((i) => i.dueOn <= g.actDate)) throw validationError('延期或分期的缴纳日期应晚于批准日期');
    },
  },
  paymentOverdue: {
    id: 'paymentOverdue',
    article: art('七十二'),
    check: (c, _i, g) => {
      if (!c.paymentDueOn || g.actDate <= c.paymentDueOn) {
        throw ruleViolation(`罚款缴纳期限（${c.paymentDueOn ?? '未确定'}）尚未届满，不能申请强制执行`, art('七十二'));
      }
    },
  },
  performed: {
    id: 'performed',
    article: art('七十二'),
    check: (c, _i, g) => {
      if (c.state !== 'enforcing') return;
      const fine = c.record.decision?.penalty?.fineFen ?? 0;
      const due = c.paymentDueOn;
      const paid = c.record.payments.reduce((s, p) => s + p.amountFen, 0);
      const lastPaid = c.record.payments.at(-1)?.on ?? g.actDate;
      const owed = fine + (due ? lateFeeFen(fine, due, lastPaid) : 0) - paid;
      if (owed > 0 && !c.record.courtEnforcement) {
        throw ruleViolation(`尚有 ${formatYuan(owed)}（含加处罚款）未缴纳，且未申请人民法院强制执行，不能结案`, art('七十二'));
      }
    },
  },
  decisionInForce: {
    id: 'decisionInForce',
    article: art('四十八'),
    check: (c) => {
      if (!c.record.decision || c.record.decision.status !== 'inForce') throw ruleViolation('没有可撤销或变更的有效决定', art('四十八'));
    },
  },
  extensionLater: {
    id: 'extensionLater',
    article: art('六十'),
    check: (c, input) => {
      const { newDueOn } = need(input, 'extendDeadline');
      const current = c.record.extensions.at(-1)?.to ?? null;
      if (current && newDueOn <= current) throw validationError(`延长后的期限应晚于当前期限 ${current}`);
    },
  },
  recusalPending: {
    id: 'recusalPending',
    article: art('四十三'),
    check: (c, input) => {
      const { officerId } = need(input, 'decideRecusal');
      if (!c.record.recusals.some((r) => r.officerId === officerId && r.granted === null)) {
        throw ruleViolation('该执法人员没有待决定的回避申请', art('四十三'));
      }
    },
  },
  recusalTarget: {
    id: 'recusalTarget',
    article: art('四十三'),
    check: (c, input) => {
      const { officerId } = need(input, 'requestRecusal');
      if (!c.officers.some((o) => o.userId === officerId && !o.recused)) throw validationError('申请回避的人员不是本案执法人员');
    },
  },
  preservationPending: {
    id: 'preservationPending',
    article: art('五十六'),
    check: (c) => {
      if (!c.record.preservations.some((p) => p.decidedOn === null)) throw ruleViolation('没有待处理的先行登记保存', art('五十六'));
    },
  },
} satisfies Record<string, Guard>;

/** What `legalReviewReasons` looks at: enough to list the review queue without loading whole snapshots. */
export type LegalReviewFacts = Pick<CaseSnapshot, 'procedure' | 'record'> & { party: Pick<CaseSnapshot['party'], 'kind'> };

/** Why this case needs legal review before the decision (《行政处罚法》第五十八条 and the local catalog). */
export function legalReviewReasons(c: LegalReviewFacts, g: Pick<GuardContext, 'settings'>): string[] {
  const reasons: string[] = [];
  const s = g.settings;
  const p = c.record.proposal;
  if (c.procedure === 'ordinary' && s.legalReviewAllOrdinary) reasons.push('本地规定普通程序案件全部法制审核');
  if (c.record.flags.majorPublicInterest) reasons.push('涉及重大公共利益');
  if (c.record.hearing?.heldOn) reasons.push('直接关系当事人重大权益，经过听证程序');
  if (c.record.flags.complex) reasons.push('案件情况疑难复杂、涉及多个法律关系');
  if (p?.kind === 'penalty' && p.penalty) {
    const threshold = c.party.kind === 'person' ? s.legalReviewFinePersonFen : s.legalReviewFineOrganizationFen;
    if ((p.penalty.fineFen ?? 0) >= threshold) reasons.push(`罚款达到 ${formatYuan(threshold)}`);
    const kinds = p.penalty.kinds.filter((k) => s.legalReviewPenaltyKinds.includes(k));
    if (kinds.length) reasons.push('拟作出重大处罚种类');
    if (p.penalty.outsideRangeReason) reasons.push('处罚超出裁量基准幅度');
  }
  return reasons;
}

/**
 * The review the decision rests on: the latest one, and after a hearing only one made after it (the decision is
 * based on the hearing record, 《行政处罚法》第五十八条第一款第（二）项、第六十五条). Null when there is none.
 */
export function currentLegalReview(c: Pick<CaseSnapshot, 'record'>): CaseSnapshot['record']['legalReviews'][number] | null {
  const heldOn = c.record.hearing?.heldOn ?? null;
  return c.record.legalReviews.filter((r) => heldOn === null || r.on >= heldOn).at(-1) ?? null;
}

/** Why this case needs the heads' collective discussion (《行政处罚法》第五十七条第二款, local triggers). */
export function collectiveDiscussionReasons(c: CaseSnapshot, g: Pick<GuardContext, 'settings'>): string[] {
  const reasons: string[] = [];
  const s = g.settings;
  const p = c.record.proposal;
  if (c.record.flags.complex) reasons.push('情节复杂');
  if (p?.kind === 'penalty' && p.penalty) {
    const threshold = c.party.kind === 'person' ? s.collectiveDiscussionFinePersonFen : s.collectiveDiscussionFineOrganizationFen;
    if ((p.penalty.fineFen ?? 0) >= threshold) reasons.push(`重大违法行为（罚款达到 ${formatYuan(threshold)}）`);
    if (p.penalty.kinds.some((k) => s.collectiveDiscussionPenaltyKinds.includes(k))) reasons.push('拟作出重大处罚种类');
  }
  return reasons;
}

/** Whether the prior notice must tell of hearing rights, and why (《行政处罚法》第六十三条). */
export function hearingRights(c: CaseSnapshot, g: Pick<GuardContext, 'settings'>): string[] {
  const penalty = c.record.proposal?.penalty;
  return penalty ? hearingRightsReasons(penalty, c.party.kind, g.settings) : [];
}

// ——— The table ———

export const transitions: Record<CaseAction, Transition> = {
  file: { from: ['clue'], roles: HEAD, onCaseOnly: false, guards: [guards.limitation, guards.powerList, guards.twoCertifiedOfficers], to: goTo('filed') },
  decline: { from: ['clue'], roles: HEAD, onCaseOnly: false, guards: [], to: goTo('declined') },
  startInvestigation: { from: ['filed'], roles: OFFICER, onCaseOnly: true, guards: [guards.twoCertifiedOfficers], to: goTo('investigating') },
  closeInvestigation: { from: ['investigating'], roles: OFFICER, onCaseOnly: true, guards: [guards.proposalComplete], to: goTo('reviewing') },
  legalReview: { from: ['reviewing', 'notified', 'hearing'], roles: ['reviewer'], onCaseOnly: false, guards: [guards.reviewerIndependent, guards.reviewChecklist], to: same },
  collectiveDiscussion: { from: ['reviewing', 'notified', 'hearing'], roles: HEAD, onCaseOnly: false, guards: [recordGuards.recordTimes], to: same },
  notify: {
    from: ['reviewing'],
    roles: OFFICER,
    onCaseOnly: true,
    guards: [guards.noticeNeedsPenalty, guards.twoCertifiedOfficers, recordGuards.lawfulService],
    to: goTo('notified'),
  },
  recordStatement: { from: ['notified', 'hearing'], roles: OFFICER, onCaseOnly: true, guards: [], to: same },
  revisePenalty: { from: ['reviewing', 'notified', 'hearing'], roles: OFFICER, onCaseOnly: true, guards: [guards.noRaiseAfterStatement], to: same },
  requestHearing: { from: ['notified'], roles: OFFICER, onCaseOnly: true, guards: [guards.hearingOffered, guards.hearingRequestWindow], to: goTo('hearing') },
  scheduleHearing: {
    from: ['hearing'],
    roles: OFFICER,
    onCaseOnly: true,
    guards: [guards.hearingNoticeAhead, guards.hearingPresider, recordGuards.hearingOfficersIndependent, recordGuards.hearingPublicity, recordGuards.lawfulService],
    to: same,
  },
  holdHearing: { from: ['hearing'], roles: ['head', 'reviewer'], onCaseOnly: false, guards: [guards.hearingDay, recordGuards.recordTimes], to: same },
  decide: {
    from: ['reviewing', 'notified', 'hearing'],
    roles: HEAD,
    onCaseOnly: false,
    guards: [
      guards.decisionKindFitsState,
      guards.priorNoticeAndStatement,
      guards.hearingHeld,
      guards.noRaiseAfterStatement,
      guards.legalReview,
      guards.collectiveDiscussion,
      guards.noSecondFine,
      guards.notUnderFourteen,
      guards.educationRecorded,
    ],
    to: (c) => (c.record.proposal?.kind === 'transferJudicial' ? 'transferred' : 'decided'),
  },
  serve: {
    from: ['decided'],
    roles: OFFICER,
    onCaseOnly: true,
    guards: [recordGuards.lawfulService],
    to: (c) => (c.record.decision?.penalty?.fineFen ? 'enforcing' : 'served'),
  },
  recordPayment: { from: ['enforcing'], roles: OFFICER, onCaseOnly: false, guards: [cashGuards.onSpotCollection], to: same },
  handOverCash: { from: ['enforcing'], roles: OFFICER, onCaseOnly: true, guards: [cashGuards.cashHandover], to: same },
  depositCash: { from: ['enforcing'], roles: OFFICER, onCaseOnly: false, guards: [cashGuards.cashDeposit], to: same },
  approveDeferral: { from: ['enforcing'], roles: HEAD, onCaseOnly: false, guards: [guards.deferralApproved], to: same },
  applyCourtEnforcement: { from: ['enforcing'], roles: HEAD, onCaseOnly: false, guards: [guards.paymentOverdue, recordGuards.courtEnforcementDue], to: same },
  close: { from: ['served', 'enforcing'], roles: OFFICER, onCaseOnly: false, guards: [guards.performed, cashGuards.cashInBank], to: goTo('closed') },
  archive: { from: ['closed', 'withdrawn', 'transferred', 'terminated'], roles: OFFICER, onCaseOnly: false, guards: [], to: goTo('archived') },
  withdrawFiling: { from: ['filed', 'investigating', 'reviewing'], roles: HEAD, onCaseOnly: false, guards: [], to: goTo('withdrawn') },
  transfer: { from: ['clue', 'filed', 'investigating', 'reviewing'], roles: HEAD, onCaseOnly: false, guards: [], to: goTo('transferred') },
  suspend: { from: OPEN, roles: HEAD, onCaseOnly: false, guards: [], to: goTo('suspended') },
  resume: { from: ['suspended'], roles: HEAD, onCaseOnly: false, guards: [], to: (c) => c.stateBeforeSuspension ?? 'investigating' },
  terminate: { from: [...OPEN, 'suspended'], roles: HEAD, onCaseOnly: false, guards: [], to: goTo('terminated') },
  requestRecusal: { from: OPEN, roles: OFFICER, onCaseOnly: false, guards: [guards.recusalTarget], to: same },
  decideRecusal: { from: OPEN, roles: HEAD, onCaseOnly: false, guards: [guards.recusalPending], to: same },
  extendDeadline: { from: [...OPEN, 'suspended'], roles: HEAD, onCaseOnly: false, guards: [guards.extensionLater], to: same },
  preserve: { from: ['investigating'], roles: OFFICER, onCaseOnly: true, guards: [guards.twoCertifiedOfficers], to: same },
  decidePreservation: { from: ['investigating', 'reviewing'], roles: OFFICER, onCaseOnly: true, guards: [guards.preservationPending], to: same },
  recordInspection: { from: ['investigating'], roles: OFFICER, onCaseOnly: true, guards: [recordGuards.recordTimes, recordGuards.recordOfficers], to: same },
  recordInquiry: { from: ['investigating'], roles: OFFICER, onCaseOnly: true, guards: [recordGuards.recordTimes, recordGuards.recordOfficers], to: same },
  orderCorrection: {
    from: ['investigating', 'reviewing', 'notified', 'hearing', 'decided', 'served', 'enforcing'],
    roles: OFFICER,
    onCaseOnly: true,
    guards: [recordGuards.correctionDeadline, recordGuards.lawfulService],
    to: same,
  },
  remindPayment: { from: ['enforcing'], roles: OFFICER, onCaseOnly: true, guards: [recordGuards.reminderDue, recordGuards.lawfulService], to: same },
  revokeDecision: {
    from: ['decided', 'served', 'enforcing', 'closed', 'archived'],
    roles: HEAD,
    onCaseOnly: false,
    guards: [guards.decisionInForce],
    to: (c) => (['decided', 'served', 'enforcing'].includes(c.state) ? 'closed' : c.state),
  },
};

/**
 * Checks that `input` may happen to case `c` now, by `g.actor`: state, role, order of acts, then every guard
 * of the transition. Returns the state the case moves to.
 */
export function checkTransition(c: CaseSnapshot, input: CaseActionInput, g: GuardContext): CaseState {
  const t = transitions[input.action];
  const label = caseActionLabels[input.action];
  if (!t.from.includes(c.state)) {
    throw ruleViolation(
      `案件当前处于“${caseStates[c.state]}”状态，不能${label}（可在 ${t.from.map((s) => `“${caseStates[s]}”`).join('、')} 状态下进行）`,
      c.procedure === 'simple' ? art('五十二') : '《行政处罚法》第五章',
      { state: c.state, action: input.action },
    );
  }
  if (!t.roles.some((r) => g.actor.roles.includes(r))) {
    throw forbidden(`${label}需要以下角色之一：${t.roles.map((r) => roleNames[r]).join('、')}`, { requiredRoles: t.roles });
  }
  if (t.onCaseOnly && !g.actor.roles.includes('head')) {
    assertNotRecused(c.officers, g.actor.userId);
    if (!c.officers.some((o) => o.userId === g.actor.userId)) throw forbidden('只有本案承办执法人员或负责人可以进行此操作');
  }
  if (g.actDate > g.today) throw validationError(`行为日期 ${g.actDate} 不能晚于今天 ${g.today}`);
  if (g.actDate < c.lastActedOn) {
    throw validationError(`行为日期 ${g.actDate} 不能早于本案上一步骤的日期 ${c.lastActedOn}（全过程记录须按时间顺序）`, { lastActedOn: c.lastActedOn });
  }
  for (const guard of t.guards) guard.check(c, input, g);
  return t.to(c, input);
}

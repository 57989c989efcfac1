/**
 * The case workflow as data, one instance of the workflow kernel (../workflow/kernel.ts): for every action, the
 * states it may start from, the roles that may take it, the guards (each a named rule citing its article) and the
 * state it leads to. `checkTransition` is the one entry point services use; it throws a Chinese RULE_VIOLATION /
 * FORBIDDEN error or returns the next state.
 */
import type { Role } from '../access.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import { forbidden, ruleViolation, validationError } from '../errors.ts';
import { addWorkingDays, FILING_PERIOD_BASIS, latestAdvanceDate } from '../calendar/periods.ts';
import { checkTransition as checkWorkflowTransition, inputOf, type Transition as KernelTransition, type Workflow } from '../workflow/kernel.ts';
import { art, articleLabel, item, lawTitle, para } from '../workflow/law.ts';
import { type CaseAction, type CaseActionInput, caseActionLabels } from './actions.ts';
import { assertChecklistConsistent, REVIEW_CONTENT_BASIS } from './legal-review.ts';
import { type CaseState, caseStates, formatYuan } from './model.ts';
import { cashGuards } from './cash-collection.ts';
import { planCorrection } from './corrections.ts';
import { fineInForceFen, recordGuards } from './record-rules.ts';
import { assertMaySign, assertOwnOpinion, CLOSING_APPROVAL_BASIS, missingClosingOpinions, unusedPreservationApproval } from './opinions.ts';
import { opinionRoleLabels } from './record-inputs.ts';
import {
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
  deadlineFor,
  lateFeeFen,
  periodsFor,
  serviceEffectiveOn,
} from './rules.ts';
import type { CaseGuard, CaseSnapshot, GuardContext } from './snapshot.ts';
import { hearingWaivedInStatements, raisesPoints, statementMade, statementWaived, unansweredStatements } from './statements.ts';

/** A guard of the case workflow: a kernel guard over the case snapshot and action input. */
export type Guard = CaseGuard;

/** A transition of the case workflow. `onSubjectOnly`: the actor must be a non-recused officer of the case (or a head). */
export type Transition = KernelTransition<CaseState, CaseActionInput, CaseSnapshot, GuardContext>;

const same = (c: CaseSnapshot) => c.state;
const goTo = (state: CaseState) => () => state;
const OFFICER: readonly Role[] = ['officer', 'head'];
const HEAD: readonly Role[] = ['head'];
const OPEN: readonly CaseState[] = ['filed', 'investigating', 'reviewing', 'notified', 'hearing'];

const need = <A extends CaseAction>(input: CaseActionInput, action: A) => inputOf(input, action);

// ——— Guards ———

export const guards = {
  limitation: {
    id: 'limitation',
    article: art('行政处罚法', 36),
    check: (c) => assertWithinLimitation(c.act, c.harmsSafety, c.discoveredOn),
  },
  partyIdentified: {
    id: 'partyIdentified',
    article: art('行政处罚法', 54),
    check: (c) => {
      // 第五十四条: a case is filed against the 公民、法人或者其他组织 found to have acted unlawfully — a clue may come
      // in without them (an unknown street vendor), the filing may not.
      if (c.party.kind === 'unknown') {
        throw ruleViolation('当事人尚未查明，不能立案：请先用“确认当事人信息”登记当事人的姓名或名称及证件号码', art('行政处罚法', 54), { fields: ['party'] });
      }
    },
  },
  partyCorrectable: {
    id: 'partyCorrectable',
    article: art('行政处罚法', 47),
    check: (c) => {
      // 第四十七条: what was issued to the party stays on record as issued. The party's details are identified or
      // corrected (a recorded step with its reason) only until a document naming them was issued to the party: the
      // prior notice or the decision (第四十四条、第五十九条), on the spot the 当场行政处罚决定书 once printed (第五十二条).
      const issued =
        c.record.notice ? `《行政处罚事先告知书》（${c.record.notice.number}）` :
        c.record.decision && c.procedure === 'ordinary' ? `行政处罚决定书${c.record.decision.number ? `（${c.record.decision.number}）` : ''}` :
        c.generatedDocuments?.includes('当场行政处罚决定书') ? `《当场行政处罚决定书》${c.record.decision?.number ? `（${c.record.decision.number}）` : ''}` :
        null;
      if (!issued) return;
      throw ruleViolation(
        `当事人信息已载入已出具的${issued}，不能直接更正；如确有错误，应当依法撤销或者变更该文书后重新作出`,
        `${art('行政处罚法', 47)}、${c.procedure === 'simple' ? art('行政处罚法', 52) : art('行政处罚法', 59)}`,
        { issued },
      );
    },
  },
  recordCorrectable: {
    id: 'recordCorrectable',
    article: art('行政处罚法', 47),
    // 第四十七条: the process is recorded as it happened — a clerical entry is corrected by a recorded step, only for
    // the fields of corrections.ts and not once a document printing it was issued to the party.
    check: (c, input, g) => {
      const i = need(input, 'correctRecord');
      planCorrection(c, i, g.actDate);
    },
  },
  powerList: {
    id: 'powerList',
    article: art('行政处罚法', 17),
    check: (c) => assertOnPowerList(c.powerItem),
  },
  twoCertifiedOfficers: {
    id: 'twoCertifiedOfficers',
    article: art('行政处罚法', 42),
    check: (c, _i, g) => assertTwoCertifiedOfficers(c.officers, g.actDate),
  },
  reviewerIndependent: {
    id: 'reviewerIndependent',
    article: art('行政处罚法', 58),
    check: (c, _i, g) => assertReviewerNotInvestigator(c.officers, g.actor.userId, c.investigators),
  },
  // 法制审核 and the decision are separate duties: whoever reviewed the case (or investigated it) does not decide it.
  deciderIndependent: {
    id: 'deciderIndependent',
    article: `${art('行政处罚法', 58)}；国办发〔2018〕118号`,
    check: (c, _i, g) => {
      const basis = `${art('行政处罚法', 58)}；国办发〔2018〕118号（审查与决定相分离）`;
      if (c.record.legalReviews.some((r) => r.reviewerId === g.actor.userId)) throw ruleViolation('作出处罚决定的负责人不得是本案的法制审核人员', basis);
      if (c.investigators.includes(g.actor.userId)) throw ruleViolation('作出处罚决定的负责人不得是本案的调查人员', basis);
    },
  },
  proposalComplete: {
    id: 'proposalComplete',
    article: `${art('行政处罚法', 57)}、${art('行政处罚法', 33)}`,
    check: (_c, input) => {
      const { proposal } = need(input, 'closeInvestigation');
      if (proposal.kind === 'penalty' && !proposal.penalty) throw validationError('处理意见为给予行政处罚时须填写拟处罚内容');
      if (proposal.kind === 'noPenalty') assertEducationRecorded(proposal);
      if (proposal.kind === 'transferJudicial' && !proposal.transferReason) throw validationError('移送司法机关须写明涉嫌犯罪的理由');
    },
  },
  // 《行政处罚法》第四十条: 违法事实不清、证据不足的，不得给予行政处罚 — a penalty proposal rests on evidence of the case.
  evidenceForPenalty: {
    id: 'evidenceForPenalty',
    article: art('行政处罚法', 40),
    check: (c, input) => {
      if (need(input, 'closeInvestigation').proposal.kind !== 'penalty' || c.evidenceCount > 0) return;
      throw ruleViolation('本案尚未登记任何证据，违法事实不清、证据不足的，不得给予行政处罚；请先登记证据再提出处罚意见', art('行政处罚法', 40));
    },
  },
  noticeNeedsPenalty: {
    id: 'noticeNeedsPenalty',
    article: art('行政处罚法', 44),
    check: (c) => {
      if (c.record.proposal?.kind !== 'penalty' || !c.record.proposal.penalty) {
        throw ruleViolation('只有拟给予行政处罚的案件需要事先告知；本案处理意见不是行政处罚', art('行政处罚法', 44));
      }
    },
  },
  hearingOffered: {
    id: 'hearingOffered',
    article: art('行政处罚法', 63),
    check: (c) => {
      if (!c.record.notice?.hearingOffered) throw ruleViolation('拟作出的处罚不属于应当告知听证权利的情形，当事人不能申请听证', art('行政处罚法', 63));
    },
  },
  hearingRequestWindow: {
    id: 'hearingRequestWindow',
    article: art('行政处罚法', 64, item(1)),
    check: (c, _i, g) => {
      const ends = c.record.notice?.hearingRequestEndsOn;
      if (ends && g.actDate > ends) {
        throw ruleViolation(`当事人要求听证应当在行政机关告知后五个工作日内提出（截止 ${ends}），已超过期限`, art('行政处罚法', 64, item(1)));
      }
    },
  },
  hearingNoticeAhead: {
    id: 'hearingNoticeAhead',
    article: art('行政处罚法', 64, item(2)),
    check: (_c, input, g) => {
      const { hearingOn, service } = need(input, 'scheduleHearing');
      const latest = latestAdvanceDate(g.calendar, hearingOn, periodsFor(g.settings).hearingNotice);
      // A notice by announcement reaches the party only thirty days after publication (《民事诉讼法》第九十五条).
      const servedOn = service ? serviceEffectiveOn(g.calendar, service.method, g.actDate) : g.actDate;
      if (servedOn > latest) {
        const byAnnouncement = servedOn === g.actDate ? '' : `（公告送达自发出公告之日起经过三十日，即 ${servedOn} 方视为送达）`;
        throw ruleViolation(
          `应当在举行听证的七个工作日前通知当事人：听证定于 ${hearingOn}，最迟应于 ${latest} 送达听证通知${byAnnouncement}`,
          `${art('行政处罚法', 64, item(2))}、${articleLabel(85)}`,
          { latestNoticeOn: latest },
        );
      }
    },
  },
  hearingPresider: {
    id: 'hearingPresider',
    article: art('行政处罚法', 64, item(4)),
    check: (c, input) => assertPresiderNotInvestigator(c.officers, need(input, 'scheduleHearing').presiderId),
  },
  hearingDay: {
    id: 'hearingDay',
    article: art('行政处罚法', 64),
    check: (c, _i, g) => {
      const h = c.record.hearing;
      if (!h?.hearingOn) throw ruleViolation('尚未安排听证，不能记录听证', art('行政处罚法', 64));
      if (g.actDate < h.hearingOn) throw ruleViolation(`听证定于 ${h.hearingOn} 举行，不能提前记录`, art('行政处罚法', 64));
    },
  },
  noRaiseAfterStatement: {
    id: 'noRaiseAfterStatement',
    article: art('行政处罚法', 45),
    check: (c, input) => {
      const notice = c.record.notice;
      if (!notice) return; // before the prior notice the proposal may still change freely
      const next = input.action === 'revisePenalty' ? input.penalty : c.record.proposal?.penalty;
      if (next) assertNotRaised(next, notice.penalty, statementMade(c.record.statements) || c.record.hearing?.heldOn != null);
    },
  },
  priorNoticeAndStatement: {
    id: 'priorNoticeAndStatement',
    article: art('行政处罚法', 62),
    check: (c, _i, g) => {
      if (c.record.proposal?.kind !== 'penalty') return;
      const notice = c.record.notice;
      if (!notice) throw ruleViolation('作出行政处罚决定之前，应当告知当事人拟作出的处罚内容及事实、理由、依据和陈述申辩、要求听证的权利', `${art('行政处罚法', 44)}、${art('行政处罚法', 62)}`);
      const waived = statementWaived(c.record.statements);
      if (!waived && g.actDate <= notice.statementEndsOn) {
        throw ruleViolation(
          `陈述、申辩期限至 ${notice.statementEndsOn} 届满，当事人未明确放弃，期满前不得作出处罚决定`,
          `${art('行政处罚法', 45)}、${art('行政处罚法', 62)}`,
          { statementEndsOn: notice.statementEndsOn },
        );
      }
    },
  },
  hearingWindowNotWaivedByStatement: {
    id: 'hearingWindowNotWaivedByStatement',
    article: art('行政处罚法', 64, item(1)),
    check: (c, _i, g) => {
      // Waiving 陈述申辩 (第六十二条) is not waiving 听证: only an express waiver of the hearing, or the end of the
      // five-working-day request window (第六十四条第（一）项、第八十五条), lets the decision come before a possible request.
      const notice = c.record.notice;
      if (c.record.proposal?.kind !== 'penalty' || !notice?.hearingOffered || c.record.hearing || !notice.hearingRequestEndsOn) return;
      if (hearingWaivedInStatements(c.record.statements) || g.actDate > notice.hearingRequestEndsOn) return;
      const statementOnly = statementWaived(c.record.statements) ? '当事人仅放弃陈述申辩，未明确放弃听证；' : '';
      throw ruleViolation(
        `${statementOnly}听证申请期限至 ${notice.hearingRequestEndsOn} 届满，当事人未明确放弃听证的，期满前不得作出处罚决定`,
        `${art('行政处罚法', 64, item(1))}、${articleLabel(85)}`,
        { hearingRequestEndsOn: notice.hearingRequestEndsOn },
      );
    },
  },
  statementReviewed: {
    id: 'statementReviewed',
    article: art('行政处罚法', 45, para(1)),
    check: (c) => {
      // A statement that raises points (not waived, content given) must be 复核ed, and the opinion recorded, before deciding.
      const open = unansweredStatements(c.record.statements);
      if (!open.length) return;
      const which = open.map((n) => `第${String(n)}次`).join('、');
      throw ruleViolation(
        `当事人提出了陈述、申辩，行政机关应当对其提出的事实、理由和证据进行复核；${which}陈述申辩尚未记录复核意见，不得作出决定（请用“记录复核意见”填写）`,
        art('行政处罚法', 45, para(1)),
        { unanswered: open },
      );
    },
  },
  discussionAfterHearing: {
    id: 'discussionAfterHearing',
    article: `${art('行政处罚法', 65)}、${art('行政处罚法', 57, para(2))}`,
    check: (c, _i, g) => {
      // After a hearing the decision is made on the hearing record (第六十五条): a required collective discussion held
      // before the hearing did not see it and is no basis for the decision — as with the legal review (currentLegalReview).
      const heldOn = c.record.hearing?.heldOn;
      const discussion = c.record.collectiveDiscussion;
      if (!heldOn || !discussion || discussion.on >= heldOn) return;
      const reasons = collectiveDiscussionReasons(c, g);
      if (!reasons.length) return;
      throw ruleViolation(
        `听证于 ${heldOn} 举行，负责人集体讨论（${discussion.on}）在听证之前，不能作为听证后决定的依据；应当根据听证笔录重新集体讨论决定（${reasons.join('；')}）`,
        `${art('行政处罚法', 65)}、${art('行政处罚法', 57, para(2))}`,
        { reasons, hearingHeldOn: heldOn, discussedOn: discussion.on },
      );
    },
  },
  statementToReply: {
    id: 'statementToReply',
    article: art('行政处罚法', 45, para(1)),
    check: (c, input) => {
      // 第四十五条第一款: the agency reviews what the party put forward. The reply answers one recorded statement that
      // raised points; a reply already given is not overwritten here (a correction is its own recorded step).
      const { statementNo } = need(input, 'replyToStatement');
      const list = c.record.statements;
      const st = list[statementNo - 1];
      if (!st) {
        throw validationError(list.length ? `本案只记录了 ${String(list.length)} 次陈述申辩，没有第 ${String(statementNo)} 次` : '本案尚未记录陈述申辩', {
          fields: ['statementNo'],
        });
      }
      if (!raisesPoints(st)) throw ruleViolation(`第${String(statementNo)}次记录为当事人放弃陈述申辩或未提出内容，无需复核`, art('行政处罚法', 45, para(1)));
      if (st.reply.trim()) throw ruleViolation(`第${String(statementNo)}次陈述申辩已记录复核意见，不能覆盖`, art('行政处罚法', 45, para(1)), { fields: ['statementNo'] });
    },
  },
  hearingWaiverOffered: {
    id: 'hearingWaiverOffered',
    article: art('行政处罚法', 63),
    check: (c, input) => {
      if (!need(input, 'recordStatement').hearingWaived) return;
      if (!c.record.notice?.hearingOffered) throw validationError('事先告知未告知听证权利，无需记录放弃听证', { article: art('行政处罚法', 63) });
      if (c.record.hearing) throw ruleViolation('当事人已申请听证，应当组织听证；不能在陈述申辩中记录放弃听证', `${art('行政处罚法', 64, item(6))}、${art('行政处罚法', 65)}`);
    },
  },
  hearingHeld: {
    id: 'hearingHeld',
    article: art('行政处罚法', 65),
    check: (c) => {
      if (c.record.hearing && !c.record.hearing.heldOn) {
        throw ruleViolation('当事人已申请听证，应当组织听证并根据听证笔录作出决定', `${art('行政处罚法', 63)}、${art('行政处罚法', 65)}`);
      }
    },
  },
  reviewChecklist: {
    id: 'reviewChecklist',
    article: `${art('行政处罚法', 58)}、${REVIEW_CONTENT_BASIS}`,
    check: (_c, input) => {
      const { passed, checklist } = need(input, 'legalReview');
      assertChecklistConsistent(passed, checklist);
    },
  },
  legalReview: {
    id: 'legalReview',
    article: art('行政处罚法', 58),
    check: (c, _i, g) => {
      const reasons = legalReviewReasons(c, g);
      if (!reasons.length) return;
      const heldOn = c.record.hearing?.heldOn ?? null;
      const review = currentLegalReview(c);
      if (!review) {
        throw ruleViolation(`本案须经法制审核（${reasons.join('；')}），${heldOn ? '听证后' : ''}尚未审核，不得作出决定`, art('行政处罚法', 58), { reasons });
      }
      if (!review.passed) throw ruleViolation('法制审核未通过，不得作出决定', art('行政处罚法', 58));
    },
  },
  collectiveDiscussion: {
    id: 'collectiveDiscussion',
    article: art('行政处罚法', 57),
    check: (c, _i, g) => {
      const reasons = collectiveDiscussionReasons(c, g);
      if (reasons.length && !c.record.collectiveDiscussion) {
        throw ruleViolation(`本案须经行政机关负责人集体讨论决定（${reasons.join('；')}）`, art('行政处罚法', 57, para(2)), { reasons });
      }
    },
  },
  noSecondFine: {
    id: 'noSecondFine',
    article: art('行政处罚法', 29),
    check: (c) => assertNoSecondFine(c.record.proposal?.kind === 'penalty' ? c.record.proposal.penalty : null, c.act, c.priorFines),
  },
  notUnderFourteen: {
    id: 'notUnderFourteen',
    article: art('行政处罚法', 30),
    check: (c) => assertNotUnderFourteen(c.party, c.act, c.record.proposal?.kind === 'penalty' ? c.record.proposal.penalty : null),
  },
  educationRecorded: {
    id: 'educationRecorded',
    article: art('行政处罚法', 33),
    check: (c) => {
      const p = c.record.proposal;
      if (p?.kind === 'noPenalty') assertEducationRecorded(p);
    },
  },
  decisionKindFitsState: {
    id: 'decisionKindFitsState',
    article: art('行政处罚法', 44),
    check: (c) => {
      const kind = c.record.proposal?.kind;
      if (!kind) throw ruleViolation('调查终结前不得作出决定', art('行政处罚法', 57));
      if (kind === 'penalty' && c.state === 'reviewing') {
        throw ruleViolation('拟给予行政处罚的，须先事先告知当事人', art('行政处罚法', 44));
      }
    },
  },
  deferralApproved: {
    id: 'deferralApproved',
    article: art('行政处罚法', 66),
    check: (c, input, g) => {
      const { instalments } = need(input, 'approveDeferral');
      const fine = fineInForceFen(c.record.decision);
      const paid = c.record.payments.reduce((s, p) => s + p.amountFen, 0);
      const owed = fine - paid;
      const total = instalments.reduce((s, i) => s + i.amountFen, 0);
      if (total !== owed) throw validationError(`分期金额合计 ${formatYuan(total)} 应等于尚欠罚款 ${formatYuan(owed)}`);
      if (instalments.some((i) => i.dueOn <= g.actDate)) throw validationError('延期或分期的缴纳日期应晚于批准日期');
    },
  },
  paymentOverdue: {
    id: 'paymentOverdue',
    article: art('行政处罚法', 72),
    check: (c, _i, g) => {
      if (!c.paymentDueOn || g.actDate <= c.paymentDueOn) {
        throw ruleViolation(`罚款缴纳期限（${c.paymentDueOn ?? '未确定'}）尚未届满，不能申请强制执行`, art('行政处罚法', 72));
      }
    },
  },
  performed: {
    id: 'performed',
    article: art('行政处罚法', 72),
    check: (c, _i, g) => {
      if (c.state !== 'enforcing') return;
      // The fine in force: a changed decision owes the changed amount (《行政复议法》第六十三条).
      const fine = fineInForceFen(c.record.decision);
      const due = c.paymentDueOn;
      const paid = c.record.payments.reduce((s, p) => s + p.amountFen, 0);
      const lastPaid = c.record.payments.at(-1)?.on ?? g.actDate;
      const owed = fine + (due ? lateFeeFen(fine, due, lastPaid) : 0) - paid;
      if (owed > 0 && !c.record.courtEnforcement) {
        throw ruleViolation(`尚有 ${formatYuan(owed)}（含加处罚款）未缴纳，且未申请人民法院强制执行，不能结案`, art('行政处罚法', 72));
      }
    },
  },
  // A decision is carried out from its service (第六十一条): a case closes once it is served — or, never served, once
  // the decision was revoked or changed to no fine (nothing is left to serve or carry out).
  servedOrRevoked: {
    id: 'servedOrRevoked',
    article: art('行政处罚法', 61),
    check: (c) => {
      const decision = c.record.decision;
      if (c.state === 'decided' && (decision?.status === 'inForce' || fineInForceFen(decision) > 0)) throw ruleViolation('处罚决定书尚未送达，不能结案', art('行政处罚法', 61));
    },
  },
  decisionInForce: {
    id: 'decisionInForce',
    article: art('行政处罚法', 48),
    check: (c) => {
      if (!c.record.decision || c.record.decision.status !== 'inForce') throw ruleViolation('没有可撤销或变更的有效决定', art('行政处罚法', 48));
    },
  },
  extensionLater: {
    id: 'extensionLater',
    article: art('行政处罚法', 60),
    check: (c, input, g) => {
      const { newDueOn } = need(input, 'extendDeadline');
      const current = c.state === 'clue' ? filingDueOn(c, g) : decisionDueOn(c, g);
      if (newDueOn <= current) throw validationError(`延长后的期限应晚于当前期限 ${current}`);
    },
  },
  // The filing period is extended once, by the head, by at most the period again (local rule, e.g. 十五个工作日).
  filingExtensionLimit: {
    id: 'filingExtensionLimit',
    article: FILING_PERIOD_BASIS,
    check: (c, input, g) => {
      if (c.state !== 'clue') return;
      const { newDueOn } = need(input, 'extendDeadline');
      if (c.record.extensions.some((e) => e.of === 'filing')) throw ruleViolation('立案期限只能延长一次', FILING_PERIOD_BASIS);
      const limit = addWorkingDays(g.calendar, filingDueOn(c, g), g.settings.filingPeriodDays);
      if (newDueOn > limit) throw ruleViolation(`立案期限最多延长 ${g.settings.filingPeriodDays} 个工作日，即至 ${limit}`, FILING_PERIOD_BASIS);
    },
  },
  hearingPresidedByDesignee: {
    id: 'hearingPresidedByDesignee',
    article: art('行政处罚法', 64, item(4)),
    check: (c, _i, g) => {
      const h = c.record.hearing;
      if (h?.presiderId !== g.actor.userId) {
        throw forbidden(`听证由指定的主持人 ${h?.presiderName ?? ''} 主持并记录`, { article: art('行政处罚法', 64, item(4)) });
      }
    },
  },
  noOverpayment: {
    id: 'noOverpayment',
    article: art('行政处罚法', 72, para(1), item(1)),
    check: (c, input, g) => {
      const { amountFen } = need(input, 'recordPayment');
      const { owedFen, paidFen } = paymentBalance(c, amountFen, g.actDate);
      if (paidFen > owedFen) throw validationError(`缴款合计超过应缴金额（罚款及加处罚款共 ${(owedFen / 100).toFixed(2)} 元）`, { article: art('行政处罚法', 72, para(1), item(1)) });
    },
  },
  recusalPending: {
    id: 'recusalPending',
    article: art('行政处罚法', 43),
    check: (c, input) => {
      const { officerId } = need(input, 'decideRecusal');
      if (!c.record.recusals.some((r) => r.officerId === officerId && r.granted === null)) {
        throw ruleViolation('该执法人员没有待决定的回避申请', art('行政处罚法', 43));
      }
    },
  },
  recusalTarget: {
    id: 'recusalTarget',
    article: art('行政处罚法', 43),
    check: (c, input) => {
      const { officerId } = need(input, 'requestRecusal');
      if (!c.officers.some((o) => o.userId === officerId && !o.recused)) throw validationError('申请回避的人员不是本案执法人员');
    },
  },
  // An opinion on an approval form is signed by its author, in the place their role and the case allow.
  opinionPlace: {
    id: 'opinionPlace',
    article: `${art('行政处罚法', 54)}、${art('行政处罚法', 56)}`,
    check: (c, input, g) => {
      const { form, role } = need(input, 'signOpinion');
      assertMaySign(c, form, role, g.actor);
    },
  },
  // 先行登记保存 only on the head's approval, given by the head in their own session — never recorded by the officer.
  preservationApproved: {
    id: 'preservationApproved',
    article: art('行政处罚法', 56),
    check: (c, input) => {
      const approval = unusedPreservationApproval(c.record);
      if (!approval) throw ruleViolation('先行登记保存须经行政机关负责人批准：请负责人本人登录后在“签署审批意见”中批准', art('行政处罚法', 56));
      const { approvedById } = need(input, 'preserve');
      if (approvedById !== undefined && approvedById !== approval.opinion.by.id) {
        throw ruleViolation(`批准先行登记保存的负责人是${approval.opinion.by.name}，不能以他人名义记录批准`, art('行政处罚法', 56));
      }
    },
  },
  // A decision the law requires to be published is published before the case is closed (第四十八条第一款).
  publicityBeforeClosing: {
    id: 'publicityBeforeClosing',
    article: art('行政处罚法', 48),
    check: (c) => {
      if (c.publicity === 'pending') throw ruleViolation('依法应当公示的行政处罚决定尚未公示，公示后才能结案', art('行政处罚法', 48));
    },
  },
  // An ordinary case closes on the 结案审批表 signed by each of its authors in their own step: the officer's 承办人意见,
  // the reviewer's 审核意见 and the head's approval — never closed by the officer alone (issue 15).
  closingApproved: {
    id: 'closingApproved',
    article: CLOSING_APPROVAL_BASIS,
    check: (c, input, g) => {
      const close = need(input, 'close');
      // Someone else's opinion sent with the step is refused as such (403), before counting what is missing.
      assertOwnOpinion(close.reviewerOpinion, g.actor.userId, 'closing', 'reviewer');
      assertOwnOpinion(close.headOpinion, g.actor.userId, 'closing', 'head');
      const missing = missingClosingOpinions(c, close);
      if (!missing.length) return;
      const names = missing.map((r) => opinionRoleLabels[r]).join('、');
      throw ruleViolation(`结案须经审批：结案审批表的${names}尚未签署（审核人、负责人本人登录后在“签署审批意见”中签署；承办人意见随结案填写）`, CLOSING_APPROVAL_BASIS);
    },
  },
  preservationPending: {
    id: 'preservationPending',
    article: art('行政处罚法', 56),
    check: (c) => {
      if (!c.record.preservations.some((p) => p.decidedOn === null)) throw ruleViolation('没有待处理的先行登记保存', art('行政处罚法', 56));
    },
  },
} satisfies Record<string, Guard>;

/**
 * The decision deadline an extension moves (《行政处罚法》第六十条): the last extension, else the statutory period from
 * filing (local `decisionPeriodDays`), else — a case never filed — the act date.
 */
/** The filing deadline of a clue: 立案期限 from discovery (local parameter), or the extension approved. */
export function filingDueOn(c: Pick<CaseSnapshot, 'record' | 'discoveredOn'>, g: Pick<GuardContext, 'calendar' | 'settings'>): IsoDate {
  return c.record.extensions.findLast((e) => e.of === 'filing')?.to ?? deadlineFor(g.calendar, g.settings, 'filing', c.discoveredOn);
}

export function decisionDueOn(c: Pick<CaseSnapshot, 'record'>, g: Pick<GuardContext, 'calendar' | 'settings' | 'actDate'>): IsoDate {
  const filedOn = c.record.filing?.on;
  return c.record.extensions.findLast((e) => e.of !== 'filing')?.to ?? (filedOn ? deadlineFor(g.calendar, g.settings, 'decision', filedOn) : g.actDate);
}

/**
 * What a payment of `amountFen` on `on` leaves: the fine and its 加处罚款 up to that day (《行政处罚法》第七十二条第一款第（一）项)
 * against everything paid including this payment.
 */
export function paymentBalance(c: Pick<CaseSnapshot, 'record' | 'paymentDueOn'>, amountFen: number, on: IsoDate): { owedFen: number; paidFen: number } {
  const fine = fineInForceFen(c.record.decision);
  const paidFen = c.record.payments.reduce((sum, p) => sum + p.amountFen, 0) + amountFen;
  const owedFen = fine + (c.paymentDueOn ? lateFeeFen(fine, c.paymentDueOn, on) : 0);
  return { owedFen, paidFen };
}

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
  // A case with a proposal was filed, so its party is identified (guard partyIdentified).
  return penalty && c.party.kind !== 'unknown' ? hearingRightsReasons(penalty, c.party.kind, g.settings) : [];
}

// ——— The table ———

export const transitions: Record<CaseAction, Transition> = {
  file: { from: ['clue'], roles: HEAD, onSubjectOnly: false, guards: [guards.partyIdentified, guards.limitation, guards.powerList, guards.twoCertifiedOfficers], to: goTo('filed') },
  decline: { from: ['clue'], roles: HEAD, onSubjectOnly: false, guards: [], to: goTo('declined') },
  startInvestigation: { from: ['filed'], roles: OFFICER, onSubjectOnly: true, guards: [guards.twoCertifiedOfficers], to: goTo('investigating') },
  closeInvestigation: { from: ['investigating'], roles: OFFICER, onSubjectOnly: true, guards: [guards.proposalComplete, guards.evidenceForPenalty], to: goTo('reviewing') },
  legalReview: { from: ['reviewing', 'notified', 'hearing'], roles: ['reviewer'], onSubjectOnly: false, guards: [guards.reviewerIndependent, guards.reviewChecklist], to: same },
  collectiveDiscussion: { from: ['reviewing', 'notified', 'hearing'], roles: HEAD, onSubjectOnly: false, guards: [recordGuards.recordTimes], to: same },
  notify: {
    from: ['reviewing'],
    roles: OFFICER,
    onSubjectOnly: true,
    guards: [guards.noticeNeedsPenalty, guards.twoCertifiedOfficers, recordGuards.lawfulService],
    to: goTo('notified'),
  },
  recordStatement: { from: ['notified', 'hearing'], roles: OFFICER, onSubjectOnly: true, guards: [guards.hearingWaiverOffered], to: same },
  correctParty: {
    // Offered after the notice and the decision too, so the refusal says which issued document holds the party.
    from: ['clue', 'filed', 'investigating', 'reviewing', 'suspended', 'notified', 'hearing', 'decided', 'enforcing', 'served'],
    roles: OFFICER,
    onSubjectOnly: false,
    guards: [guards.partyCorrectable],
    to: same,
  },
  correctRecord: {
    // Until the case file is archived (an archived file is sealed, 第四十七条 归档保存).
    from: ['notified', 'hearing', 'decided', 'enforcing', 'served', 'closed', 'transferred', 'terminated', 'withdrawn'],
    roles: OFFICER,
    onSubjectOnly: true,
    guards: [guards.recordCorrectable],
    to: same,
  },
  replyToStatement: { from: ['notified', 'hearing'], roles: OFFICER, onSubjectOnly: true, guards: [guards.statementToReply], to: same },
  revisePenalty: { from: ['reviewing', 'notified', 'hearing'], roles: OFFICER, onSubjectOnly: true, guards: [guards.noRaiseAfterStatement], to: same },
  requestHearing: { from: ['notified'], roles: OFFICER, onSubjectOnly: true, guards: [guards.hearingOffered, guards.hearingRequestWindow], to: goTo('hearing') },
  scheduleHearing: {
    from: ['hearing'],
    roles: OFFICER,
    onSubjectOnly: true,
    guards: [guards.hearingNoticeAhead, guards.hearingPresider, recordGuards.hearingOfficersIndependent, recordGuards.hearingPublicity, recordGuards.lawfulService],
    to: same,
  },
  holdHearing: {
    from: ['hearing'],
    roles: ['head', 'reviewer'],
    onSubjectOnly: false,
    guards: [guards.hearingDay, recordGuards.recordTimes, guards.hearingPresidedByDesignee],
    to: same,
  },
  decide: {
    from: ['reviewing', 'notified', 'hearing'],
    roles: HEAD,
    onSubjectOnly: false,
    guards: [
      guards.decisionKindFitsState,
      guards.priorNoticeAndStatement,
      guards.hearingWindowNotWaivedByStatement,
      guards.statementReviewed,
      guards.hearingHeld,
      guards.noRaiseAfterStatement,
      guards.legalReview,
      guards.deciderIndependent,
      guards.collectiveDiscussion,
      guards.discussionAfterHearing,
      guards.noSecondFine,
      guards.notUnderFourteen,
      guards.educationRecorded,
    ],
    to: (c) => (c.record.proposal?.kind === 'transferJudicial' ? 'transferred' : 'decided'),
  },
  serve: {
    from: ['decided'],
    roles: OFFICER,
    onSubjectOnly: true,
    guards: [recordGuards.lawfulService],
    to: (c) => (c.record.decision?.penalty?.fineFen ? 'enforcing' : 'served'),
  },
  recordPayment: { from: ['enforcing'], roles: OFFICER, onSubjectOnly: true, guards: [cashGuards.onSpotCollection, guards.noOverpayment], to: same },
  handOverCash: { from: ['enforcing'], roles: OFFICER, onSubjectOnly: true, guards: [cashGuards.cashHandover], to: same },
  depositCash: { from: ['enforcing'], roles: OFFICER, onSubjectOnly: false, guards: [cashGuards.cashDeposit], to: same },
  approveDeferral: { from: ['enforcing'], roles: HEAD, onSubjectOnly: false, guards: [guards.deferralApproved], to: same },
  applyCourtEnforcement: { from: ['enforcing'], roles: HEAD, onSubjectOnly: false, guards: [guards.paymentOverdue, recordGuards.courtEnforcementDue], to: same },
  close: {
    from: ['decided', 'served', 'enforcing'],
    roles: OFFICER,
    onSubjectOnly: true,
    guards: [guards.servedOrRevoked, guards.performed, cashGuards.cashInBank, guards.publicityBeforeClosing, guards.closingApproved],
    to: goTo('closed'),
  },
  archive: { from: ['closed', 'withdrawn', 'transferred', 'terminated'], roles: OFFICER, onSubjectOnly: false, guards: [], to: goTo('archived') },
  withdrawFiling: { from: ['filed', 'investigating', 'reviewing'], roles: HEAD, onSubjectOnly: false, guards: [], to: goTo('withdrawn') },
  transfer: { from: ['clue', 'filed', 'investigating', 'reviewing'], roles: HEAD, onSubjectOnly: false, guards: [], to: goTo('transferred') },
  suspend: { from: OPEN, roles: HEAD, onSubjectOnly: false, guards: [], to: goTo('suspended') },
  resume: { from: ['suspended'], roles: HEAD, onSubjectOnly: false, guards: [], to: (c) => c.stateBeforeSuspension ?? 'investigating' },
  terminate: { from: [...OPEN, 'suspended'], roles: HEAD, onSubjectOnly: false, guards: [], to: goTo('terminated') },
  requestRecusal: { from: OPEN, roles: OFFICER, onSubjectOnly: false, guards: [guards.recusalTarget], to: same },
  decideRecusal: { from: OPEN, roles: HEAD, onSubjectOnly: false, guards: [guards.recusalPending], to: same },
  extendDeadline: { from: ['clue', ...OPEN, 'suspended'], roles: HEAD, onSubjectOnly: false, guards: [guards.extensionLater, guards.filingExtensionLimit], to: same },
  preserve: { from: ['investigating'], roles: OFFICER, onSubjectOnly: true, guards: [guards.twoCertifiedOfficers, guards.preservationApproved], to: same },
  signOpinion: {
    // Which form may be signed in which state: opinions.ts (guard opinionPlace).
    from: ['clue', ...OPEN, 'suspended', 'decided', 'served', 'enforcing'],
    roles: ['officer', 'head', 'reviewer'],
    onSubjectOnly: false,
    guards: [guards.opinionPlace],
    to: same,
  },
  decidePreservation: { from: ['investigating', 'reviewing'], roles: OFFICER, onSubjectOnly: true, guards: [guards.preservationPending], to: same },
  recordInspection: { from: ['investigating'], roles: OFFICER, onSubjectOnly: true, guards: [recordGuards.recordTimes, recordGuards.recordOfficers], to: same },
  recordInquiry: { from: ['investigating'], roles: OFFICER, onSubjectOnly: true, guards: [recordGuards.recordTimes, recordGuards.recordOfficers], to: same },
  orderCorrection: {
    from: ['investigating', 'reviewing', 'notified', 'hearing', 'decided', 'served', 'enforcing'],
    roles: OFFICER,
    onSubjectOnly: true,
    guards: [recordGuards.correctionDeadline, recordGuards.lawfulService],
    to: same,
  },
  remindPayment: { from: ['enforcing'], roles: OFFICER, onSubjectOnly: true, guards: [recordGuards.reminderDue, recordGuards.lawfulService], to: same },
  revokeDecision: {
    from: ['decided', 'served', 'enforcing', 'closed', 'archived'],
    roles: HEAD,
    onSubjectOnly: false,
    guards: [guards.decisionInForce],
    // The decision stays on record with its new status; the case stays where it is and goes to 结案 through `close`
    // (结案审批: execution and opinions signed by their authors), like any other case. A changed decision that still
    // leaves a fine unpaid keeps its payment open, so the changed amount can be paid or enforced (《行政复议法》第六十三条、
    // 第六十四条).
    to: same,
  },
};

/** The case workflow as an instance of the kernel. */
export const caseWorkflow: Workflow<CaseState, CaseAction, CaseActionInput, CaseSnapshot, GuardContext> = {
  transitions,
  stateOf: (c) => c.state,
  lastActedOn: (c) => c.lastActedOn,
  stateLabels: caseStates,
  actionLabels: caseActionLabels,
  stateArticle: (c) => (c.procedure === 'simple' ? art('行政处罚法', 52) : `${lawTitle('行政处罚法')}第五章`),
  subjectName: '案件',
  subjectNoun: '本案',
  // Officer actions: a head may always act; anyone else must be an officer of the case who was not recused (第四十三条).
  // Officer steps are taken by the case's own officers only — a head not named on the case included (第四十二条;
  // separation of duties, 第五十八条): whoever investigates is on the record.
  assertOnSubject: (c, actor) => {
    assertNotRecused(c.officers, actor.userId);
    if (!c.officers.some((o) => o.userId === actor.userId)) throw forbidden('只有本案承办执法人员可以进行此操作');
  },
};

/**
 * Checks that `input` may happen to case `c` now, by `g.actor`: state, role, actor on the case, order of acts,
 * then every guard of the transition (the kernel's `checkTransition`). Returns the state the case moves to.
 */
export function checkTransition(c: CaseSnapshot, input: CaseActionInput, g: GuardContext): CaseState {
  return checkWorkflowTransition(caseWorkflow, c, input, g);
}

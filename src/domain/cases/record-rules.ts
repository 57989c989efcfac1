/**
 * Guards of the records a case keeps for its enforcement documents: investigation records made by two certified
 * officers of the case, lawful service, public hearings, the correction period and the payment reminder. Each
 * cites its article and has a test named after it (workflow.test.ts). The transition table (workflow.ts) uses them.
 */
import { addMonths, isIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import { addCalendarDaysDeadline, nextWorkingDayOnOrAfter } from '../calendar/periods.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { ruleViolation, validationError } from '../errors.ts';
import type { CaseActionInput } from './actions.ts';
import type { ServiceInput } from './record-inputs.ts';
import { inputOf } from '../workflow/kernel.ts';
import { art, artFull, articleLabel, item, para } from '../workflow/law.ts';
import { assertPresiderNotInvestigator, lateFeeFen, validOfficers } from './rules.ts';
import type { CaseGuard, CaseRecord, CaseSnapshot, GuardContext, OfficerOnCase } from './snapshot.ts';

/**
 * 《行政处罚法》第四十二条、第五十五条: investigation records are made by at least two officers of the case who hold
 * valid certificates on the day (and show them); the recorder is an officer of the case too.
 */
export function assertRecordOfficers(officers: readonly OfficerOnCase[], ids: readonly number[], recorderId: number, date: IsoDate, what: string): void {
  const unique = [...new Set(ids)];
  const valid = validOfficers(officers, date);
  const invalid = unique.filter((id) => !valid.some((o) => o.userId === id));
  if (invalid.length) {
    const names = invalid.map((id) => officers.find((o) => o.userId === id)?.displayName ?? `用户 ${String(id)}`);
    throw ruleViolation(`${what}须为本案持有效执法证件且未回避的执法人员：${names.join('、')} 不符合`, `${art('行政处罚法', 42)}、${art('行政处罚法', 55)}`, { invalid });
  }
  if (unique.length < 2) throw ruleViolation(`${what}不得少于两人`, art('行政处罚法', 42));
  if (!officers.some((o) => o.userId === recorderId && !o.recused)) throw validationError('记录人须为本案执法人员', { field: 'recorderId' });
}

/** A record's start and end: on the act's date, the end not before the start. */
export function assertRecordTimes(startAt: string, endAt: string, actDate: IsoDate): void {
  if (startAt.slice(0, 10) !== actDate) throw validationError(`开始时间 ${startAt} 应在办理日期 ${actDate} 当天`, { field: 'startAt' });
  if (endAt < startAt) throw validationError(`结束时间 ${endAt} 早于开始时间 ${startAt}`, { field: 'endAt' });
}

/**
 * 《行政处罚法》第六十一条: documents are served as the 民事诉讼法 provides — left at the address only before a witness
 * (《民事诉讼法》第八十九条) — and electronically only with the party's consent and a signed confirmation (第二款).
 */
export function assertLawfulService(service: Pick<ServiceInput, 'method' | 'witness' | 'electronicConsent' | 'announcementReason'> | undefined): void {
  if (!service) return;
  if (service.method === 'electronic' && !service.electronicConsent) {
    throw ruleViolation('电子送达须经当事人同意并签订确认书，请填写确认书', art('行政处罚法', 61, para(2)));
  }
  if (service.method === 'announcement' && !service.announcementReason?.trim()) {
    throw ruleViolation(
      '公告送达仅适用于受送达人下落不明或者用其他方式无法送达的情形，请写明其他送达方式无法送达的情况',
      `${art('行政处罚法', 61)}、${artFull('民事诉讼法', 95)}`,
    );
  }
  if (service.method === 'left' && !service.witness) {
    throw ruleViolation('留置送达须有见证人在场并在送达回证上签名，请填写见证人', `${art('行政处罚法', 61)}、${artFull('民事诉讼法', 89)}`);
  }
}

/** 《行政处罚法》第六十四条第（三）项: a hearing is public unless it concerns state secrets, trade secrets or privacy. */
export function assertHearingPublicity(publicHearing: boolean, confidentialReason: string | undefined): void {
  if (!publicHearing && !confidentialReason) {
    throw ruleViolation('除涉及国家秘密、商业秘密或者个人隐私依法予以保密外，听证公开举行；不公开须写明理由', art('行政处罚法', 64, item(3)));
  }
  if (publicHearing && confidentialReason) throw validationError('公开举行的听证不应填写不公开的理由', { field: 'confidentialReason' });
}

/** 《行政处罚法》第二十八条第一款: a correction period ends after the order, never before it. */
export function assertCorrectionDeadline(deadline: string | undefined, orderedOn: IsoDate): void {
  if (deadline === undefined) return;
  if (!isIsoDate(deadline) || deadline <= orderedOn) {
    throw ruleViolation(`限期改正的期限（${deadline}）应晚于责令改正之日（${orderedOn}）；须当即改正的请不填期限`, art('行政处罚法', 28, para(1)));
  }
}

/**
 * The fine a decision still imposes. A revoked decision imposes none: revocation ends the obligation to pay, and
 * the 加处罚款 on it with it (《行政复议法》第六十四条; the agency's own correction, 《行政处罚法》第七十五条第二款). A
 * changed decision imposes the changed fine (《行政复议法》第六十三条); a change recorded without an amount keeps
 * the decided fine.
 */
export function fineInForceFen(decision: CaseRecord['decision']): number {
  const decided = decision?.penalty?.fineFen ?? 0;
  if (!decision || decision.status === 'inForce') return decided;
  if (decision.status === 'revoked') return 0;
  return decision.statusChange?.fineFen ?? decided;
}

/**
 * A revocation names no fine; a change of a decision with a fine names the changed fine, never more than the
 * decided one (《行政复议法》第六十三条第二款: 不得作出对申请人更为不利的变更决定). Checked before anything is written.
 */
export function assertDecisionChange(decision: CaseRecord['decision'], status: 'revoked' | 'changed', fineFen: number | null): void {
  const decided = decision?.penalty?.fineFen ?? 0;
  if (status === 'revoked') {
    if (fineFen !== null) throw validationError('撤销处罚决定的，不填写变更后的罚款金额；部分撤销罚款请选择“变更”', { field: 'fineFen', article: art('行政复议法', 64) });
    return;
  }
  if (decided > 0 && fineFen === null) {
    throw validationError('变更含罚款的处罚决定，请填写变更后的罚款金额（不变的照填原金额）', { field: 'fineFen', article: art('行政复议法', 63) });
  }
  if (fineFen !== null && fineFen > decided) {
    throw ruleViolation(
      `变更后的罚款（${(fineFen / 100).toFixed(2)} 元）不得高于原决定的罚款（${(decided / 100).toFixed(2)} 元），不得作出对当事人更为不利的变更`,
      art('行政复议法', 63, para(2)),
      { fineFen, decidedFen: decided },
    );
  }
}

/** What is owed on `on`: the fine in force (fineInForceFen) and 加处罚款 (《行政处罚法》第七十二条) less what was paid. */
export function owedOn(c: Pick<CaseSnapshot, 'record' | 'paymentDueOn'>, on: IsoDate): { fineFen: number; lateFeeFen: number; owedFen: number } {
  const fine = fineInForceFen(c.record.decision);
  const paid = c.record.payments.reduce((s, p) => s + p.amountFen, 0);
  // A fine paid in full stops the surcharge on the day of the last payment.
  const until = paid >= fine && c.record.payments.length ? (c.record.payments.at(-1)?.on ?? on) : on;
  const late = c.paymentDueOn ? lateFeeFen(fine, c.paymentDueOn, until) : 0;
  return { fineFen: fine, lateFeeFen: late, owedFen: Math.max(0, fine + late - paid) };
}

/**
 * 《行政处罚法》第七十二条第一款 and 《行政强制法》第三十五条、第四十五条: the reminder (催告书) that announces 加处罚款
 * and precedes court enforcement is made only after the payment period has passed and while the fine is unpaid.
 */
export function assertReminderDue(c: Pick<CaseSnapshot, 'record' | 'paymentDueOn'>, on: IsoDate): void {
  const article = `${art('行政处罚法', 72)}、${artFull('行政强制法', 35)}、${articleLabel(45)}`;
  if (!c.paymentDueOn || on <= c.paymentDueOn) {
    throw ruleViolation(`罚款缴纳期限（${c.paymentDueOn ?? '未确定'}）尚未届满，不能催告或加处罚款`, article, { paymentDueOn: c.paymentDueOn });
  }
  const { owedFen } = owedOn(c, on);
  if (owedFen === 0) throw ruleViolation('罚款及加处罚款已全部缴纳，无需催告', article);
  if (c.record.courtEnforcement) throw ruleViolation(`已于 ${c.record.courtEnforcement.on} 申请人民法院强制执行，不再催告`, article);
}


/**
 * When an agency without coercive powers of its own may apply to the people's court to enforce a fine:
 * - 《行政强制法》第五十三条: only once the party has let the periods for 行政复议 and 行政诉讼 pass — the longer is
 *   the six months of 《行政诉讼法》第四十六条第一款, counted from service of the decision (复议: sixty days,
 *   《行政复议法》第二十条) — and within three months after that;
 * - 《行政强制法》第五十四条: after a 催告书 has been served and ten days have passed without performance.
 * Month periods end on the corresponding day (《民法典》第二百零二条); a last day on a rest day moves to the next
 * working day (第二百零三条).
 */
export function assertCourtEnforcementDue(c: Pick<CaseSnapshot, 'record'>, on: IsoDate, calendar: WorkCalendar): void {
  const art53 = `${artFull('行政强制法', 53)}、${artFull('行政诉讼法', 46)}`;
  // Service by announcement counts from the day it takes effect (《民事诉讼法》第九十五条).
  const decisionServed = c.record.service?.effectiveOn ?? c.record.service?.on;
  if (!decisionServed) throw ruleViolation('处罚决定书尚未送达，不能申请人民法院强制执行', art53);
  const remediesEnd = nextWorkingDayOnOrAfter(calendar, addMonths(decisionServed, 6));
  if (on <= remediesEnd) {
    throw ruleViolation(`当事人申请行政复议、提起行政诉讼的期限（至 ${remediesEnd}）届满前，不能申请人民法院强制执行`, art53, { remediesEnd });
  }
  const lastDay = nextWorkingDayOnOrAfter(calendar, addMonths(remediesEnd, 3));
  if (on > lastDay) {
    throw ruleViolation(`申请人民法院强制执行应在复议、诉讼期限届满之日起三个月内（至 ${lastDay}），已逾期`, artFull('行政强制法', 53), { lastDay });
  }
  const art54 = artFull('行政强制法', 54);
  const served = (c.record.services ?? []).filter((s) => s.document === 'reminder').at(-1);
  if (!served) throw ruleViolation('申请人民法院强制执行前，应当书面催告当事人履行义务并送达催告书', art54);
  const waitEnd = addCalendarDaysDeadline(calendar, served.on, 10);
  if (on <= waitEnd) {
    throw ruleViolation(`催告书于 ${served.on} 送达，送达十日后（${waitEnd} 以后）当事人仍未履行的，方可申请人民法院强制执行`, art54, { waitEnd });
  }
}

function serviceOf(input: CaseActionInput): Pick<ServiceInput, 'method' | 'witness' | 'electronicConsent' | 'announcementReason'> | undefined {
  if (input.action === 'serve') return input;
  if (input.action === 'notify' || input.action === 'scheduleHearing' || input.action === 'orderCorrection' || input.action === 'remindPayment') return input.service;
  return undefined;
}

const only = <A extends CaseActionInput['action']>(input: CaseActionInput, action: A) => inputOf(input, action);

export const recordGuards = {
  recordOfficers: {
    id: 'recordOfficers',
    article: `${art('行政处罚法', 42)}、${art('行政处罚法', 55)}`,
    check: (c, input, g) => {
      if (input.action === 'recordInspection') assertRecordOfficers(c.officers, input.inspectorIds, input.recorderId, g.actDate, '检查人员');
      if (input.action === 'recordInquiry') assertRecordOfficers(c.officers, input.questionerIds, input.recorderId, g.actDate, '询问人');
    },
  },
  recordTimes: {
    id: 'recordTimes',
    article: art('行政处罚法', 55),
    check: (_c, input, g) => {
      if (input.action === 'recordInspection' || input.action === 'recordInquiry') assertRecordTimes(input.startAt, input.endAt, g.actDate);
      if (input.action === 'collectiveDiscussion' && input.startAt && input.endAt) assertRecordTimes(input.startAt, input.endAt, g.actDate);
      if (input.action === 'holdHearing' && input.startAt && input.endAt) assertRecordTimes(input.startAt, input.endAt, g.actDate);
    },
  },
  lawfulService: {
    id: 'lawfulService',
    article: art('行政处罚法', 61),
    check: (_c, input) => assertLawfulService(serviceOf(input)),
  },
  hearingPublicity: {
    id: 'hearingPublicity',
    article: art('行政处罚法', 64, item(3)),
    check: (_c, input) => {
      const i = only(input, 'scheduleHearing');
      assertHearingPublicity(i.publicHearing ?? true, i.confidentialReason);
    },
  },
  hearingOfficersIndependent: {
    id: 'hearingOfficersIndependent',
    article: art('行政处罚法', 64, item(4)),
    check: (c, input) => {
      for (const id of only(input, 'scheduleHearing').hearingOfficerIds ?? []) assertPresiderNotInvestigator(c.officers, id);
    },
  },
  correctionDeadline: {
    id: 'correctionDeadline',
    article: art('行政处罚法', 28, para(1)),
    check: (_c, input, g) => assertCorrectionDeadline(only(input, 'orderCorrection').deadline, g.actDate),
  },
  reminderDue: {
    id: 'reminderDue',
    article: art('行政处罚法', 72),
    check: (c, _i, g: GuardContext) => assertReminderDue(c, g.actDate),
  },
  courtEnforcementDue: {
    id: 'courtEnforcementDue',
    article: `${artFull('行政强制法', 53)}、${articleLabel(54)}`,
    check: (c, _i, g: GuardContext) => assertCourtEnforcementDue(c, g.actDate, g.calendar),
  },
} satisfies Record<string, CaseGuard>;

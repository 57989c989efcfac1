/**
 * The legal rules the documents print or enforce, each with its article. Periods of the 行政处罚法 itself come
 * from calendar/periods.ts (penaltyPeriods); this file holds the rest: remedies, fine limits, surcharges.
 */
import { daysBetween, type IsoDate } from '../calendar/iso-date.ts';
import { latestAdvanceDate, namedPeriodDeadline, penaltyPeriods, type PeriodTable } from '../calendar/periods.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { ruleViolation, validationError } from '../errors.ts';
import { chineseNumeral, formatAmount, formatDate, toFen } from './format.ts';
import { penaltyKinds, type Agency, type DocumentParty, type Officer, type PenaltyItem } from './model.ts';

export const PENALTY_LAW = '《中华人民共和国行政处罚法》';

/**
 * 《中华人民共和国行政复议法》(2023)第二十条第一款: 自知道或者应当知道该行政行为之日起六十日内提出行政复议申请.
 * 《中华人民共和国行政诉讼法》第四十六条第一款: 自知道或者应当知道作出行政行为之日起六个月内提出.
 */
export const RECONSIDERATION_DAYS = 60;
export const LITIGATION_MONTHS = 6;

/**
 * The remedies sentence every decision must carry (《行政处罚法》第五十九条第一款第（五）项, 第五十二条 for on-the-spot
 * decisions): the reconsideration body and court by name, and both time limits. Receipt of the decision is when the
 * party knows of it. 《行政处罚法》第七十三条: review or suit does not suspend execution.
 */
export function remediesText(agency: Agency, subject = '本决定', options: { executes?: boolean } = {}): string {
  return (
    `如不服${subject}，可以在收到本决定书之日起${chineseNumeral(RECONSIDERATION_DAYS)}日内向${agency.reconsiderationBody}申请行政复议，` +
    `也可以在收到本决定书之日起${chineseNumeral(LITIGATION_MONTHS)}个月内直接向${agency.court}提起行政诉讼。` +
    // 第七十三条 is about executing a penalty; a decision that imposes none has nothing to execute.
    (options.executes === false ? '' : `申请行政复议或者提起行政诉讼期间，${subject}不停止执行，法律另有规定的除外。`)
  );
}

/**
 * Remedies of a decision made on the spot (简易程序): 《行政复议法》第二十三条第一款第（一）项 puts reconsideration
 * first (对当场作出的行政处罚决定不服), and its 第二款 has the agency say so when deciding; suing comes only after
 * the reconsideration decision.
 */
export function onSpotRemediesText(agency: Agency, subject = '本决定'): string {
  return (
    `如不服${subject}，应当先在收到本决定书之日起${chineseNumeral(RECONSIDERATION_DAYS)}日内向${agency.reconsiderationBody}申请行政复议；` +
    `对行政复议决定不服的，可以依法向人民法院提起行政诉讼（《中华人民共和国行政复议法》第二十三条）。` +
    `申请行政复议或者提起行政诉讼期间，${subject}不停止执行，法律另有规定的除外。`
  );
}

/** 《行政处罚法》第七十二条第一款第（一）项: 每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额. */
export const LATE_SURCHARGE_PERCENT_PER_DAY = 3;

/** The Art. 72 surcharge (yuan) on `fine` after `daysOverdue` days, never more than the fine itself. */
export function lateSurcharge(fine: number, daysOverdue: number): number {
  if (!Number.isInteger(daysOverdue) || daysOverdue < 0) throw validationError(`逾期天数应为非负整数：${String(daysOverdue)}`);
  const fineFen = toFen(fine, '罚款数额');
  const fen = Math.min(fineFen, Math.round((fineFen * LATE_SURCHARGE_PERCENT_PER_DAY * daysOverdue) / 100));
  return fen / 100;
}

/** The sentence warning of the Art. 72 surcharge, printed in decisions. */
export const LATE_SURCHARGE_WARNING =
  `到期不缴纳罚款的，本机关将依据${PENALTY_LAW}第七十二条第一款第（一）项的规定，每日按罚款数额的百分之三加处罚款，` +
  '加处罚款的数额不超出罚款的数额，并依法申请人民法院强制执行。';

/** Last day to pay a fine: 15 days after the decision was received (《行政处罚法》第六十七条第三款, calendar days). */
export function paymentDeadline(calendar: WorkCalendar, receivedOn: IsoDate, periods: PeriodTable = penaltyPeriods): IsoDate {
  return namedPeriodDeadline(calendar, 'payment', receivedOn, periods);
}

/**
 * Days of Art. 72 surcharge accrued on `asOf`: every day after the payment deadline, `asOf` included.
 * Refused before the deadline has passed — there is nothing to remind of yet.
 */
export function daysOverdue(deadline: IsoDate, asOf: IsoDate): number {
  const days = daysBetween(deadline, asOf);
  if (days <= 0) {
    throw ruleViolation(
      `罚款缴纳期限至${formatDate(deadline)}届满，${formatDate(asOf)}尚未逾期，不能催告或加处罚款`,
      `${PENALTY_LAW}第七十二条第一款`,
      { deadline, asOf },
    );
  }
  return days;
}

/** 《行政处罚法》第四十二条第一款: 执法人员不得少于两人. */
export function assertTwoOfficers(officers: readonly Officer[] | readonly string[], what: string): void {
  if (officers.length < 2) {
    throw ruleViolation(`${what}的执法人员不得少于两人（现为${String(officers.length)}人）`, `${PENALTY_LAW}第四十二条第一款`, {
      count: officers.length,
    });
  }
}

/** Every named officer must be one of the case's certificate holders (Art. 42: 具有行政执法资格的执法人员). */
export function assertCaseOfficers(names: readonly string[], officers: readonly Officer[], what: string): Officer[] {
  return names.map((name) => {
    const officer = officers.find((o) => o.name === name);
    if (!officer) {
      throw ruleViolation(`${what}中的“${name}”不是本案登记的持证执法人员`, `${PENALTY_LAW}第四十二条第一款`, { name });
    }
    return officer;
  });
}

/**
 * 《行政处罚法》第五十一条: on the spot only a warning, or a fine of ≤200元 for a citizen / ≤3000元 for a legal person
 * or other organization.
 */
export const ON_SPOT_FINE_LIMITS = { person: 200, organization: 3000 } as const;

export function assertOnSpotPenaltyAllowed(party: DocumentParty, penalty: 'warning' | 'fine', amount: number | undefined): void {
  if (penalty === 'warning') return;
  if (amount === undefined || toFen(amount, '罚款数额') === 0) throw validationError('当场罚款须写明罚款数额', { field: 'onSpotDecision.amount' });
  const limit = ON_SPOT_FINE_LIMITS[party.kind];
  if (amount > limit) {
    throw ruleViolation(
      `当场处罚的罚款不得超过${party.kind === 'person' ? '公民' : '法人或者其他组织'}${String(limit)}元（拟罚${String(amount)}元），应适用普通程序`,
      `${PENALTY_LAW}第五十一条`,
      { limit, amount },
    );
  }
}

/** 《行政处罚法》第六十八条第（一）项: fines of ≤100元 may be collected on the spot. */
export const ON_SPOT_COLLECTION_LIMIT = 100;

export function assertOnSpotCollectionAllowed(reason: 'upTo100' | 'hardToPayLater' | 'remoteArea', amount: number): void {
  if (reason === 'upTo100' && amount > ON_SPOT_COLLECTION_LIMIT) {
    throw ruleViolation(`罚款${String(amount)}元超过一百元，不能以“一百元以下”为由当场收缴`, `${PENALTY_LAW}第六十八条第（一）项`, {
      amount,
    });
  }
}

/** 《行政处罚法》第六十四条第（二）项、第八十五条: the hearing notice reaches the party at least seven working days ahead. */
export function assertHearingNoticeInTime(calendar: WorkCalendar, noticeDate: IsoDate, hearingDate: IsoDate, periods: PeriodTable = penaltyPeriods): void {
  const latest = latestAdvanceDate(calendar, hearingDate, periods.hearingNotice);
  if (noticeDate > latest) {
    throw ruleViolation(
      `听证通知应当在举行听证的七日（工作日）前发出：${formatDate(hearingDate)}举行的听证最迟应于${formatDate(latest)}通知，实际为${formatDate(noticeDate)}`,
      `${PENALTY_LAW}第六十四条第（二）项、第八十五条`,
      { noticeDate, hearingDate, latest },
    );
  }
}

/** 《行政处罚法》第六十四条第（四）项: 听证由行政机关指定的非本案调查人员主持. */
export function assertHearingHostIndependent(host: string, investigators: readonly Officer[]): void {
  if (investigators.some((o) => o.name === host)) {
    throw ruleViolation(`听证主持人“${host}”是本案调查人员，应当由非本案调查人员主持`, `${PENALTY_LAW}第六十四条第（四）项`, { host });
  }
}

/**
 * The seal must be the issuing authority's own (《行政处罚法》第五十九条第二款: 加盖作出行政处罚决定的行政机关的印章):
 * its text names the agency, optionally followed by a special-purpose seal name.
 */
export function assertSealMatchesAgency(agency: Agency): void {
  if (!agency.sealText.startsWith(agency.name)) {
    throw ruleViolation(`印章“${agency.sealText}”与署名机关“${agency.name}”不一致`, `${PENALTY_LAW}第五十九条第二款`, {
      sealText: agency.sealText,
    });
  }
}

/** Each penalty item must be complete: an amount for fines and confiscated gains, a description for the others. */
export function describePenalty(item: PenaltyItem, index: number): string {
  const name = penaltyKinds[item.kind];
  switch (item.kind) {
    case 'warning':
      return name;
    case 'fine':
    case 'confiscateIllegalGains': {
      if (item.amount === undefined || toFen(item.amount, `第${String(index + 1)}项处罚的金额`) === 0) {
        throw validationError(`第${String(index + 1)}项处罚（${name}）缺少金额`, { field: `penalties.${String(index)}.amount` });
      }
      return `${name}${formatAmount(item.amount)}`;
    }
    case 'publicCriticism':
    case 'confiscateIllegalProperty':
    case 'suspendPermit':
    case 'lowerQualification':
    case 'revokePermit':
    case 'restrictOperations':
    case 'suspendProduction':
    case 'closeDown':
    case 'restrictPractice':
    case 'other': {
      const detail = item.detail?.trim();
      if (!detail) throw validationError(`第${String(index + 1)}项处罚（${name}）缺少具体内容`, { field: `penalties.${String(index)}.detail` });
      return item.kind === 'other' || detail.startsWith(name) ? detail : `${name}：${detail}`;
    }
  }
}

/** Sum of money the party must pay (fines and confiscated gains), yuan. */
export function amountPayable(items: readonly PenaltyItem[]): number {
  let fen = 0;
  for (const item of items) if (item.kind === 'fine' || item.kind === 'confiscateIllegalGains') fen += toFen(item.amount ?? 0);
  return fen / 100;
}

/** Sum of fines only (the base of the Art. 72 surcharge), yuan. */
export function fineTotal(items: readonly PenaltyItem[]): number {
  let fen = 0;
  for (const item of items) if (item.kind === 'fine') fen += toFen(item.amount ?? 0);
  return fen / 100;
}

/** How a period is written in a notice: working-day periods (Art. 85) as "三个工作日", others as "十五日". */
export function periodWords(days: number, kind: 'working' | 'calendar'): string {
  return kind === 'working' ? `${chineseNumeral(days)}个工作日` : `${chineseNumeral(days)}日`;
}

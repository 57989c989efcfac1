/**
 * Legal periods (期间) of administrative penalty procedure, in one place.
 *
 * Counting rules, each applied by every function below:
 * - The day of the triggering event is not counted; counting starts the next day
 *   (《民法典》第二百零一条: "开始的当日不计入，自下一日开始计算", followed in penalty practice).
 * - "二日、三日、五日、七日" in the 行政处罚法 are working days and exclude statutory holidays
 *   (《行政处罚法》第八十五条); every other period is in calendar days.
 * - A calendar-day period whose last day is a rest day ends on the next working day
 *   (《民法典》第二百零三条第一款). A working-day period always ends on a working day already.
 * - The last day runs until 24:00 China time (《民法典》第二百零三条第二款).
 *
 * Working days are those of the official schedule: 调休 rest days do not count, make-up weekend workdays do.
 */
import { ruleViolation, validationError } from '../errors.ts';
import { addDays, assertIsoDate, chinaDateOf, type IsoDate } from './iso-date.ts';
import type { WorkCalendar } from './work-calendar.ts';
import { art, articleLabel, item, para } from '../workflow/law.ts';

export type PeriodKind = 'working' | 'calendar';

export interface PeriodSpec {
  days: number;
  kind: PeriodKind;
}

/** The day counts that 《行政处罚法》第八十五条 turns into working days. */
export const ART_85_WORKING_DAY_COUNTS: readonly number[] = [2, 3, 5, 7];

/** How a period of `days` days written in the 行政处罚法 is counted (《行政处罚法》第八十五条). */
export function statutoryPeriodKind(days: number): PeriodKind {
  return ART_85_WORKING_DAY_COUNTS.includes(days) ? 'working' : 'calendar';
}

function assertDayCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw validationError(`期间天数应为非负整数：${n}`, { days: n });
}

/** `date` itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDayOnOrAfter(calendar: WorkCalendar, date: IsoDate): IsoDate {
  let day = assertIsoDate(date);
  while (!calendar.isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** `date` itself when it is a working day, otherwise the last working day before it. */
export function previousWorkingDayOnOrBefore(calendar: WorkCalendar, date: IsoDate): IsoDate {
  let day = assertIsoDate(date);
  while (!calendar.isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/**
 * The `n`-th working day after `fromDate` — the last day of an `n`-working-day period triggered on `fromDate`.
 * The trigger day is not counted even when it is a working day (《民法典》第二百零一条); `n = 0` returns `fromDate`.
 */
export function addWorkingDays(calendar: Pick<WorkCalendar, 'isWorkingDay'>, fromDate: IsoDate, n: number): IsoDate {
  assertDayCount(n);
  let day = assertIsoDate(fromDate);
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (calendar.isWorkingDay(day)) counted++;
  }
  return day;
}

/** The `n`-th working day before `date`, counting back and not counting `date` itself. */
export function subtractWorkingDays(calendar: WorkCalendar, date: IsoDate, n: number): IsoDate {
  assertDayCount(n);
  let day = assertIsoDate(date);
  for (let counted = 0; counted < n; ) {
    day = addDays(day, -1);
    if (calendar.isWorkingDay(day)) counted++;
  }
  return day;
}

/**
 * Last day of an `n`-calendar-day period triggered on `fromDate`: `fromDate + n`, moved to the next working day
 * when it falls on a weekend or holiday (《民法典》第二百零三条第一款). A make-up workday (调休上班) is a working
 * day and is not moved.
 */
export function addCalendarDaysDeadline(calendar: WorkCalendar, fromDate: IsoDate, n: number): IsoDate {
  assertDayCount(n);
  return nextWorkingDayOnOrAfter(calendar, addDays(assertIsoDate(fromDate), n));
}

/** Last day of the period `period` triggered on `fromDate`. */
/**
 * How a deadline was counted: from the event's date by a period. Kept with the deadline, so it can be counted again
 * when the holiday arrangement of a year it spans is entered (statutory-holidays.ts).
 */
export interface Counting extends PeriodSpec {
  from: IsoDate;
}

/** A due date and how it was counted (`counting` null: a date someone set, such as an approved extension). */
export interface CountedDeadline {
  dueOn: IsoDate;
  counting: Counting | null;
}

/** The deadline of a period after `fromDate`, with its counting. */
export function countDeadline(calendar: WorkCalendar, fromDate: IsoDate, period: PeriodSpec): CountedDeadline {
  return { dueOn: periodDeadline(calendar, fromDate, period), counting: { from: fromDate, days: period.days, kind: period.kind } };
}

/**
 * The years without a known holiday arrangement that a deadline counted from `from` to `dueOn` spans: non-empty
 * means the deadline is provisional and may move once the State Council's arrangement is entered.
 */
export function provisionalNote(calendar: WorkCalendar, from: IsoDate, dueOn: IsoDate): string | null {
  const years = calendar.uncoveredYearsBetween(from, dueOn);
  return years.length ? `待国务院公布${years.join('、')}年放假安排后复核` : null;
}

export function periodDeadline(calendar: WorkCalendar, fromDate: IsoDate, period: PeriodSpec): IsoDate {
  switch (period.kind) {
    case 'working':
      return addWorkingDays(calendar, fromDate, period.days);
    case 'calendar':
      return addCalendarDaysDeadline(calendar, fromDate, period.days);
  }
}

/**
 * Latest day on which something must happen `period` before `eventDate` (e.g. the hearing notice, 《行政处罚法》
 * 第六十四条第（二）项 "举行听证的七日前"). Counted back from the event, the event day not counted. A calendar-day
 * result on a rest day moves earlier, to a day the agency can act, so the party never gets less notice.
 */
export function latestAdvanceDate(calendar: WorkCalendar, eventDate: IsoDate, period: PeriodSpec): IsoDate {
  switch (period.kind) {
    case 'working':
      return subtractWorkingDays(calendar, eventDate, period.days);
    case 'calendar':
      assertDayCount(period.days);
      return previousWorkingDayOnOrBefore(calendar, addDays(assertIsoDate(eventDate), -period.days));
  }
}

/**
 * True once the deadline day has fully passed in China: the last day runs until 24:00
 * (《民法典》第二百零三条第二款). `now` is an instant (converted to the China date) or a China date.
 */
export function isOverdue(deadline: IsoDate, now: Date | IsoDate): boolean {
  const today = typeof now === 'string' ? assertIsoDate(now) : chinaDateOf(now);
  return today > assertIsoDate(deadline);
}

/**
 * Working days in (from, to] — the first day excluded, as in period counting, so
 * `workingDaysBetween(c, d, addWorkingDays(c, d, n)) === n`. Negative when `to` is before `from`.
 */
export function workingDaysBetween(calendar: WorkCalendar, from: IsoDate, to: IsoDate): number {
  assertIsoDate(from);
  assertIsoDate(to);
  const [start, end, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let day = addDays(start, 1); day <= end; day = addDays(day, 1)) {
    if (calendar.isWorkingDay(day)) count++;
  }
  return sign * count;
}

// ——— Named periods of the penalty procedure ———

/** The filing period's basis as a deadline cites it (short enough for a deadline list). */
export const FILING_PERIOD_SHORT = '地方立案期限规定（参照《市场监督管理行政处罚程序规定》第十八条）';
/** Where the filing period comes from: a local parameter (the 行政处罚法 sets none). */
export const FILING_PERIOD_BASIS = '地方立案期限规定（参照《市场监督管理行政处罚程序规定》第十八条：自发现线索之日起十五个工作日内决定是否立案，经负责人批准可延长十五个工作日）';

export type PeriodId =
  | 'statement'
  | 'hearingRequest'
  | 'hearingNotice'
  | 'service'
  | 'payment'
  | 'decision'
  | 'filing'
  | 'publicity'
  | 'registrationPreservation'
  | 'publicityWithdrawal'
  | 'onSpotFineHandover'
  | 'onSpotFineBankDeposit';

export interface NamedPeriod extends PeriodSpec {
  id: PeriodId;
  /** Chinese name shown to users. */
  label: string;
  /** The triggering event (for 'after') or the event notified in advance (for 'before'), in Chinese. */
  trigger: string;
  /** 'after': deadline = event + period; 'before': the act must happen at least the period before the event. */
  direction: 'after' | 'before';
  /** Legal basis, cited as printed on documents. */
  basis: string;
  /** Who may set a different value; absent when the period is fixed by law. */
  adjustableBy?: string;
}

/**
 * The periods of 《行政处罚法》(2021) and 国办发〔2018〕118号. Day counts of 2/3/5/7 in the law are working days by
 * 第八十五条; 15 and 90 days are calendar days.
 */
export const penaltyPeriods: Readonly<Record<PeriodId, NamedPeriod>> = {
  // 《行政处罚法》第四十四条、第四十五条 grant the right to state and defend but fix no period; local procedure
  // rules set it (commonly 三日, some 五日). Counted in working days like the law's own 三日.
  statement: {
    id: 'statement',
    label: '陈述、申辩期限',
    trigger: '当事人收到行政处罚事先告知书',
    days: 3,
    kind: 'working',
    direction: 'after',
    basis: `${art('行政处罚法', 44)}、${articleLabel(45)}及地方行政处罚程序规定`,
    adjustableBy: '地方行政处罚程序规定',
  },
  // 《行政处罚法》第六十四条第（一）项: "当事人要求听证的，应当在行政机关告知后五日内提出".
  hearingRequest: {
    id: 'hearingRequest',
    label: '听证申请期限',
    trigger: '行政机关告知当事人有权要求听证',
    days: 5,
    kind: 'working',
    direction: 'after',
    basis: `${art('行政处罚法', 64, item(1))}、${articleLabel(85)}`,
  },
  // 《行政处罚法》第六十四条第（二）项: "行政机关应当在举行听证的七日前，通知当事人及有关人员".
  hearingNotice: {
    id: 'hearingNotice',
    label: '听证通知提前期限',
    trigger: '举行听证',
    days: 7,
    kind: 'working',
    direction: 'before',
    basis: `${art('行政处罚法', 64, item(2))}、${articleLabel(85)}`,
  },
  // 《行政处罚法》第六十一条第一款: 当事人不在场的，行政机关应当在七日内送达.
  service: {
    id: 'service',
    label: '处罚决定书送达期限',
    trigger: '作出行政处罚决定（当事人不在场）',
    days: 7,
    kind: 'working',
    direction: 'after',
    basis: `${art('行政处罚法', 61, para(1))}、${articleLabel(85)}`,
  },
  // 《行政处罚法》第六十七条第三款: 自收到行政处罚决定书之日起十五日内缴纳罚款. 15 is not an Art. 85 count.
  payment: {
    id: 'payment',
    label: '罚款缴纳期限',
    trigger: '当事人收到行政处罚决定书',
    days: 15,
    kind: 'calendar',
    direction: 'after',
    basis: art('行政处罚法', 67, para(3)),
  },
  // 立案期限: not in the 行政处罚法; a local procedure rule (e.g. 十五个工作日, as 《市场监督管理行政处罚程序规定》第十八条).
  filing: {
    id: 'filing',
    label: '立案期限（决定是否立案）',
    trigger: '发现线索',
    days: 15,
    kind: 'working',
    direction: 'after',
    basis: FILING_PERIOD_BASIS,
    adjustableBy: '地方规定',
  },
  // 《行政处罚法》第六十条: 自立案之日起九十日内作出行政处罚决定；法律、法规、规章另有规定的，从其规定.
  decision: {
    id: 'decision',
    label: '办案期限（作出处罚决定）',
    trigger: '立案',
    days: 90,
    kind: 'calendar',
    direction: 'after',
    basis: art('行政处罚法', 60),
    adjustableBy: '法律、法规、规章另有规定',
  },
  // 国办发〔2018〕118号: 行政许可、行政处罚等执法决定信息要在执法决定作出之日起7个工作日内公开.
  publicity: {
    id: 'publicity',
    label: '处罚决定公示期限',
    trigger: '作出行政处罚决定',
    days: 7,
    kind: 'working',
    direction: 'after',
    basis: '《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）',
    adjustableBy: '地方规定',
  },
  // 《行政处罚法》第五十六条: 先行登记保存……应当在七日内及时作出处理决定.
  registrationPreservation: {
    id: 'registrationPreservation',
    label: '先行登记保存处理期限',
    trigger: '先行登记保存',
    days: 7,
    kind: 'working',
    direction: 'after',
    basis: `${art('行政处罚法', 56)}、${articleLabel(85)}`,
  },
  // 《行政处罚法》第四十八条第二款: 公开的决定被变更、撤销、确认违法或无效的，应当在三日内撤回并说明理由.
  publicityWithdrawal: {
    id: 'publicityWithdrawal',
    label: '公示信息撤回期限',
    trigger: '公开的行政处罚决定被依法变更、撤销、确认违法或者确认无效',
    days: 3,
    kind: 'working',
    direction: 'after',
    basis: `${art('行政处罚法', 48, para(2))}、${articleLabel(85)}`,
  },
  // 《行政处罚法》第七十一条: 执法人员当场收缴的罚款，应当自收缴之日起二日内交至行政机关.
  onSpotFineHandover: {
    id: 'onSpotFineHandover',
    label: '当场收缴罚款交至行政机关期限',
    trigger: '当场收缴罚款（水上收缴自抵岸之日起）',
    days: 2,
    kind: 'working',
    direction: 'after',
    basis: `${art('行政处罚法', 71)}、${articleLabel(85)}`,
  },
  // 《行政处罚法》第七十一条: 行政机关应当在二日内将罚款缴付指定的银行.
  onSpotFineBankDeposit: {
    id: 'onSpotFineBankDeposit',
    label: '当场收缴罚款缴付银行期限',
    trigger: '行政机关收到执法人员交来的罚款',
    days: 2,
    kind: 'working',
    direction: 'after',
    basis: `${art('行政处罚法', 71)}、${articleLabel(85)}`,
  },
};

export type PeriodTable = Readonly<Record<PeriodId, NamedPeriod>>;

/**
 * The period table with local parameters applied. Only periods with `adjustableBy` may change; a period fixed
 * by the 行政处罚法 itself cannot be altered by local configuration.
 */
export function configurePeriods(
  adjustments: Partial<Record<PeriodId, Partial<PeriodSpec>>>,
  base: PeriodTable = penaltyPeriods,
): PeriodTable {
  const result: Record<PeriodId, NamedPeriod> = { ...base };
  for (const [id, change] of Object.entries(adjustments) as [PeriodId, Partial<PeriodSpec> | undefined][]) {
    const period = base[id] as NamedPeriod | undefined;
    if (!period) throw validationError(`未知的期间：${id}`, { period: id });
    if (!change) continue;
    if (!period.adjustableBy) {
      throw ruleViolation(`“${period.label}”由法律规定，不能在本地调整`, period.basis, { period: id });
    }
    const days = change.days ?? period.days;
    if (!Number.isInteger(days) || days <= 0) {
      throw validationError(`“${period.label}”的天数应为正整数：${days}`, { period: id, days });
    }
    result[id] = { ...period, days, kind: change.kind ?? period.kind };
  }
  return result;
}

/**
 * The deadline of a named period for an event on `eventDate`: the last day to act for 'after' periods, the
 * latest day to act for 'before' periods (e.g. the last day to send a hearing notice).
 */
export function namedPeriodDeadline(
  calendar: WorkCalendar,
  id: PeriodId,
  eventDate: IsoDate,
  table: PeriodTable = penaltyPeriods,
): IsoDate {
  const period = table[id];
  return period.direction === 'after' ? periodDeadline(calendar, eventDate, period) : latestAdvanceDate(calendar, eventDate, period);
}

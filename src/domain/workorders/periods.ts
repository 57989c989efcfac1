/**
 * The deadlines of a work order. Hotline orders follow the local 12345 practice, counted in working days and kept as
 * local parameters (a province publishes its own; the defaults below are the common ones). Petitions follow the
 * 信访工作条例, whose periods are calendar days; a last day on a rest day moves to the next working day (《民法典》
 * 第二百零三条第一款, as every calendar-day period in Fazhi, calendar/periods.ts).
 */
import { type CountedDeadline, countDeadline, type PeriodSpec } from '../calendar/periods.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { art, articleLabel } from '../workflow/law.ts';
import { isPetition, type WorkOrderChannel, type WorkOrderKind } from './model.ts';

/** Where the hotline periods come from: local practice, editable in the settings form. */
export const HOTLINE_PERIOD_BASIS = '地方12345政务服务便民热线工单办理规范（本地参数，可在设置中修改）';

/** Local parameters of the work-order ledger (working days unless said otherwise). */
export interface WorkOrderSettings {
  /** 签收: the unit signs for a dispatched order within this many working days. */
  signingDays: number;
  /** 办理: working days from dispatch to 办结, by kind of request. */
  handlingDays: Record<WorkOrderKind, number>;
  /** How many times a requester's dissatisfaction may reopen an order. */
  maxReopens: number;
}

export const defaultWorkOrderSettings: WorkOrderSettings = {
  signingDays: 1,
  handlingDays: { consult: 2, help: 10, suggestion: 10, complaint: 15, report: 15 },
  maxReopens: 2,
};

export interface PetitionPeriod extends PeriodSpec {
  label: string;
  basis: string;
}

/** The periods of the 信访工作条例 (calendar days). */
export const petitionPeriods = {
  // 第二十二条 (信访部门) and 第二十三条 (other bodies receiving a petition directly): register it, and within 15 days
  // decide how it is handled and tell the petitioner.
  acceptance: { days: 15, kind: 'calendar', label: '受理告知期限', basis: `${art('信访工作条例', 22)}、${articleLabel(23)}` },
  // 第三十四条: handled within 60 days of acceptance.
  handling: { days: 60, kind: 'calendar', label: '信访事项办理期限', basis: art('信访工作条例', 34) },
  // 第三十四条: a complex matter may be extended, with the head's approval, by at most 30 days, telling the reasons.
  extension: { days: 30, kind: 'calendar', label: '延长办理期限（最长）', basis: art('信访工作条例', 34) },
  // 第三十五条: the petitioner may ask for 复查 within 30 days of the written reply; the 复查 opinion within 30 days.
  reviewRequest: { days: 30, kind: 'calendar', label: '复查申请期限', basis: art('信访工作条例', 35) },
  review: { days: 30, kind: 'calendar', label: '复查期限', basis: art('信访工作条例', 35) },
  // 第三十六条: 复核 on the 复查 opinion within 30 days of its reply; the 复核 opinion within 30 days.
  recheckRequest: { days: 30, kind: 'calendar', label: '复核申请期限', basis: art('信访工作条例', 36) },
  recheck: { days: 30, kind: 'calendar', label: '复核期限', basis: art('信访工作条例', 36) },
} as const satisfies Record<string, PetitionPeriod>;

/** The day a dispatched order must be signed for (签收). */
export function signingDueOn(calendar: WorkCalendar, dispatchedOn: IsoDate, settings: WorkOrderSettings): CountedDeadline {
  return countDeadline(calendar, dispatchedOn, { days: settings.signingDays, kind: 'working' });
}

/**
 * The handling deadline (办结期限): a petition's 60 days from its acceptance (第三十四条), plus an approved extension;
 * any other order's working days by kind from its dispatch (local practice).
 */
export function handlingDueOn(
  calendar: WorkCalendar,
  order: { channel: WorkOrderChannel; kind: WorkOrderKind; from: IsoDate; extensionDays?: number },
  settings: WorkOrderSettings,
): CountedDeadline {
  if (isPetition(order.channel)) return countDeadline(calendar, order.from, { days: petitionPeriods.handling.days + (order.extensionDays ?? 0), kind: 'calendar' });
  return countDeadline(calendar, order.from, { days: settings.handlingDays[order.kind], kind: 'working' });
}

/** The day a petition's acceptance must be decided and told (第二十二条、第二十三条). */
export function acceptanceDueOn(calendar: WorkCalendar, receivedOn: IsoDate): CountedDeadline {
  return countDeadline(calendar, receivedOn, petitionPeriods.acceptance);
}

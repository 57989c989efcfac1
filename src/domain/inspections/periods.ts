/**
 * The periods of inspections. Which are working and which calendar days is part of each rule:
 * - the record of an emergency inspection is made within `emergencyRecordDays` (default 10) **calendar** days of it
 *   (国办发〔2024〕54号: an inspection that cannot wait is done first and its formalities completed at once afterwards;
 *   the number of days is a local parameter) — a calendar-day period ending on a rest day ends on the next working day
 *   (《民法典》第二百零三条, as every calendar-day period in Fazhi);
 * - the results of a 双随机 inspection are published within `drawResultDays` (default 20) **working** days of the
 *   inspection's end (双随机、一公开 local implementing rules; a local parameter);
 * - the enterprise rates an inspection anonymously within `ratingDays` (default 30) **calendar** days of the inspection's
 *   day (a local parameter), a last day on a rest day moving to the next working day (《民法典》第二百零三条).
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import { type CountedDeadline, countDeadline } from '../calendar/periods.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';

export const EMERGENCY_BASIS = '国办发〔2024〕54号《关于严格规范涉企行政检查的意见》';
export const DRAW_RESULT_BASIS = '“双随机、一公开”监管工作细则（抽查结果公示期限，本地参数）';

export interface InspectionSettings {
  emergencyRecordDays: number;
  drawResultDays: number;
  ratingDays: number;
}

export const defaultInspectionSettings: InspectionSettings = { emergencyRecordDays: 10, drawResultDays: 20, ratingDays: 30 };

export function emergencyRecordDueOn(calendar: WorkCalendar, inspectedOn: IsoDate, settings: InspectionSettings): CountedDeadline {
  return countDeadline(calendar, inspectedOn, { days: settings.emergencyRecordDays, kind: 'calendar' });
}

export function drawResultDueOn(calendar: WorkCalendar, endedOn: IsoDate, settings: InspectionSettings): CountedDeadline {
  return countDeadline(calendar, endedOn, { days: settings.drawResultDays, kind: 'working' });
}

/** The last day the enterprise may rate the inspection of `inspectedOn` (calendar days, see above). */
export function ratingDueOn(calendar: WorkCalendar, inspectedOn: IsoDate, settings: InspectionSettings): CountedDeadline {
  return countDeadline(calendar, inspectedOn, { days: settings.ratingDays, kind: 'calendar' });
}

/**
 * The statutory holidays of 《全国年节及纪念日放假办法》 (国务院令第795号修订, in force 2025-01-01) 第二条, for a year whose
 * annual arrangement (国务院办公厅 notice, with its 调休) is not yet published or entered:
 * 元旦 1 day (1月1日); 春节 4 days (农历除夕、正月初一至初三); 清明节 1 day (农历清明当日); 劳动节 2 days (5月1日、2日);
 * 端午节 1 day (农历端午当日); 中秋节 1 day (农历中秋当日); 国庆节 3 days (10月1日至3日).
 *
 * Those days are rest days whatever the notice will say; the notice adds 调休 (swapped rest days and make-up
 * workdays) and 补假 for a festival on a weekend (第六条), which no rule fixes in advance. So a deadline counted
 * over such a year is provisional (`WorkCalendar.coversYear`): shown with "待国务院公布…放假安排后复核", and
 * recounted when the year's arrangement is entered.
 *
 * Lunar dates and the 清明 solar term come from lunar-javascript, which computes them without the machine's time
 * zone (chinese-days' own lunar functions answer a day early west of UTC).
 */
import { Lunar } from 'lunar-javascript';
import type { IsoDate } from './iso-date.ts';

export const STATUTORY_HOLIDAY_BASIS = '《全国年节及纪念日放假办法》第二条';

/** One statutory rest day: its date and festival. */
export interface StatutoryHoliday {
  date: IsoDate;
  name: string;
}

const cache = new Map<number, ReadonlyMap<IsoDate, string>>();

/** The statutory rest days of `year`, by date. */
export function statutoryHolidays(year: number): ReadonlyMap<IsoDate, string> {
  let days = cache.get(year);
  if (!days) {
    const map = new Map<IsoDate, string>();
    // Two festivals on one day (中秋 on 10月1日–3日, as in 2028) are named together.
    const add = (date: string, name: string) => map.set(date as IsoDate, map.has(date as IsoDate) ? `${map.get(date as IsoDate)!}、${name}` : name);
    const md = (m: number, d: number) => `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    add(md(1, 1), '元旦');
    // 除夕 is the day before 正月初一 (the 29th or the 30th of the twelfth month).
    const lunarNewYear = Lunar.fromYmd(year, 1, 1);
    const newYear = lunarNewYear.getSolar();
    for (let i = -1; i <= 2; i++) add(newYear.next(i).toYmd(), '春节');
    add(lunarNewYear.getJieQiTable()['清明']!.toYmd(), '清明节');
    add(md(5, 1), '劳动节');
    add(md(5, 2), '劳动节');
    add(Lunar.fromYmd(year, 5, 5).getSolar().toYmd(), '端午节');
    add(Lunar.fromYmd(year, 8, 15).getSolar().toYmd(), '中秋节');
    for (const d of [1, 2, 3]) add(md(10, d), '国庆节');
    days = map;
    cache.set(year, days);
  }
  return days;
}

import { chinaDateOf, dayOfWeek, daysBetween } from '../../domain/calendar/iso-date.ts';

/** Today's date in China as YYYY-MM-DD, the calendar every legal period uses. */
export const chinaToday = (now: Date = new Date()): string => chinaDateOf(now);

const weekdays = ['日', '一', '二', '三', '四', '五', '六'];

/** '2026-10-08' → '2026年10月8日（星期四）'. */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日（星期${weekdays[dayOfWeek(iso)]}）`;
}

/** How a certificate's validity looks on a given day: expired, expiring within 90 days, or valid. */
export function certificateState(validUntil: string | null, today: string): 'none' | 'expired' | 'expiring' | 'valid' {
  if (!validUntil) return 'none';
  if (validUntil < today) return 'expired';
  return daysBetween(today, validUntil) <= 90 ? 'expiring' : 'valid';
}

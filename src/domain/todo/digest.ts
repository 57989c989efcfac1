/**
 * The daily digest of a user's to-dos (今日摘要): what came to wait since yesterday, what is due today or tomorrow, and
 * what is overdue — the same list as the to-do centre, cut by dates. Days are calendar days (China time): "tomorrow"
 * is the next calendar day even over a weekend or a holiday, since a deadline falling due then is still due.
 */
import { addDays, type IsoDate } from '../calendar/iso-date.ts';
import type { TodoDigest, TodoItem, TodoNotice } from './views.ts';

export function todoDigest(items: readonly TodoItem[], today: IsoDate, notices: readonly TodoNotice[] = []): TodoDigest {
  const yesterday = addDays(today, -1);
  const tomorrow = addDays(today, 1);
  return {
    today,
    yesterday,
    tomorrow,
    newSinceYesterday: items.filter((i) => i.since >= yesterday),
    dueToday: items.filter((i) => !i.overdue && i.dueOn === today),
    dueTomorrow: items.filter((i) => !i.overdue && i.dueOn === tomorrow),
    overdue: items.filter((i) => i.overdue),
    total: items.length,
    notices: [...notices],
  };
}

/** The digest as plain text (the CLI prints it; one line per item). */
export function digestLines(d: TodoDigest): string[] {
  const line = (i: TodoItem) => `  ${i.kindLabel}  ${i.actCode}  ${i.title}  ${i.partyName}：${i.detail}${i.dueOn ? `（期限 ${i.dueOn}）` : ''}`;
  const section = (title: string, list: readonly TodoItem[]) => [`${title}（${list.length}）`, ...(list.length ? list.map(line) : ['  无'])];
  return [
    `今日摘要 ${d.today}：待办共 ${d.total} 项`,
    ...d.notices.map((n) => `提醒：${n.organizationName}${n.detail}`),
    ...section(`昨日（${d.yesterday}）以来新增`, d.newSinceYesterday),
    ...section('今日到期', d.dueToday),
    ...section(`明日（${d.tomorrow}）到期`, d.dueTomorrow),
    ...section('已超期', d.overdue),
  ];
}

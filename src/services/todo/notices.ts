/**
 * The to-do centre's notices (提醒): reminders that are not a step on a case. Today one kind — the unit's annual report
 * (法治政府建设年度报告) of the year before, from 1 March until it is published, overdue after 31 March
 * (domain/reports/workflow.ts `reportReminder`, calendar days). It goes to those who write the report: the head and
 * the legal reviewer of a reporting unit itself (`reportPolicy.editReport`, `isReportingUnit`), never to the units below.
 */
import { isSystem, type Actor } from '../../domain/access.ts';
import { chinaDateOf } from '../../domain/calendar/iso-date.ts';
import { reportPolicy } from '../../domain/reports/policy.ts';
import { isReportingUnit, reportDueOn, reportReminder, reportYearDueIn } from '../../domain/reports/workflow.ts';
import type { TodoNotice } from '../../domain/todo/views.ts';
import { may } from '../../domain/policy.ts';
import type { Executor } from '../../db/connect.ts';
import { getOrganization } from '../organizations.ts';
import { listReportStates } from '../reports/reports.ts';

export async function todoNotices(ctx: { db: Executor; clock: () => Date }, actor: Actor): Promise<TodoNotice[]> {
  if (isSystem(actor) || !may(actor, reportPolicy.editReport, { organizationId: actor.organizationId, actorOrganizationId: actor.organizationId })) return [];
  const today = chinaDateOf(ctx.clock());
  const year = reportYearDueIn(today);
  // Before 1 March nothing is asked: answer without reading anything.
  if (reportReminder(year, today, 'notStarted') === null) return [];
  const org = await getOrganization(ctx, actor, actor.organizationId);
  if (!isReportingUnit(org.kind)) return [];
  const [state] = await listReportStates(ctx, [org.id], year);
  const reminder = state ? reportReminder(year, today, state.state) : null;
  if (!reminder) return [];
  return [
    {
      kind: 'annualReport',
      kindLabel: '年度报告',
      organizationId: org.id,
      organizationName: org.name,
      year,
      detail: reminder.message,
      dueOn: reportDueOn(year),
      overdue: reminder.overdue,
      link: '/reports/annual',
    },
  ];
}

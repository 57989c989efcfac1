/**
 * The demo's annual reports (法治政府建设年度报告, issue #19 item 9), through the report services (docs/REPORTS.md):
 * - the reports of year Y — the last year whose publication period is over, 2025 on the demo's own dates — of the two
 *   districts: 东湖区 published on 20 March of Y+1 (on time) and 西山区 on 10 April (逾期公开: the due day is 31 March,
 *   a calendar date), each through 起草 → 法制科审核 → 主要负责人审定 → 公开 with its authors' words. Y's dates are tied
 *   to the calendar year, so they are not moved with the rest of the demo's history; they are taken before it.
 * - 东湖区's report of the demo's own year, drafted from the demo's records (figures, shortcomings) on the last day.
 */
import { eq } from 'drizzle-orm';
import type { Actor, Role } from '../domain/access.ts';
import { addDays, type IsoDate } from '../domain/calendar/iso-date.ts';
import { reportDueOn } from '../domain/reports/workflow.ts';
import type { ReportView } from '../domain/reports/views.ts';
import { organizations, users } from '../db/schema.ts';
import type { ServiceContext } from '../services/context.ts';
import { createDraft, saveDraft } from '../services/reports/reports.ts';
import { transitionReport } from '../services/reports/transition-report.ts';

const units = {
  donghu: { name: '云城市东湖区城市管理和综合行政执法局', head: 'head.donghu', reviewer: 'reviewer.donghu', publishAfterDue: -11 },
  xishan: { name: '云城市西山区城市管理和综合行政执法局', head: 'head.xishan', reviewer: 'reviewer.xishan', publishAfterDue: 10 },
} as const;

/** The last year whose report was due at least `days` days before `today`. */
export function lastDueReportYear(today: IsoDate, days = 10): number {
  const year = Number(today.slice(0, 4));
  return addDays(reportDueOn(year - 1), days) <= today ? year - 1 : year - 2;
}

const words = (unit: string, year: number) => ({
  'responsibility:narrative': `${unit}党组书记、局长认真履行推进法治建设第一责任人职责，${String(year)}年主持召开党组会议专题研究法治政府建设工作，带头参加集体学法，对重大执法决定法制审核、行政执法“三项制度”落实情况开展督促检查。`,
  'plan:narrative': `${String(year + 1)}年，${unit}将继续全面推行行政执法公示、执法全过程记录和重大执法决定法制审核制度，规范行政裁量权基准适用，加强执法人员培训和执法证件管理，提升12345热线工单办理质效。`,
  'shortcomings:reasons': '存在上述不足，主要是执法力量与辖区管理任务不相匹配，部分执法人员法治思维和依法办事能力有待提高，案件办理过程中的节点管理仍需加强。',
});

/** Seeds the year-Y reports (before the rest of the history; `today` is the demo's today after the shift). */
export async function seedDemoPublishedReports(base: ServiceContext, today: IsoDate): Promise<{ year: number }> {
  const year = lastDueReportYear(today);
  let now = new Date();
  const ctx: ServiceContext = { ...base, clock: () => now };
  const at = (day: IsoDate) => (now = new Date(`${day}T02:00:00Z`));
  const actors = await demoActors(ctx);
  for (const unit of Object.values(units)) {
    const orgId = actors.orgId(unit.name);
    const publishOn = addDays(reportDueOn(year), unit.publishAfterDue);
    at(addDays(publishOn, -20));
    let report: ReportView = await createDraft(ctx, actors.actor(unit.head), orgId, year);
    const edits = Object.entries(words(unit.name, year)).map(([paragraphId, text]) => ({ paragraphId, text }));
    report = await saveDraft(ctx, actors.actor(unit.head), orgId, year, { expectedVersion: report.version, edits });
    const steps: [number, string, string][] = [
      [-15, unit.head, 'submitForReview'],
      [-8, unit.reviewer, 'passReview'],
      [-3, unit.head, 'approve'],
      [0, unit.head, 'publish'],
      [2, unit.head, 'submit'],
    ];
    for (const [offset, who, action] of steps) {
      at(addDays(publishOn, offset));
      report = await transitionReport(ctx, actors.actor(who), orgId, year, { action, expectedVersion: report.version });
    }
  }
  return { year };
}

/** Drafts 东湖区's report of the demo's own year from its records, on the demo's today. */
export async function seedDemoDraftReport(base: ServiceContext, today: IsoDate): Promise<{ year: number; organizationId: number }> {
  const now = new Date(`${today}T08:00:00Z`);
  const ctx: ServiceContext = { ...base, clock: () => now };
  const actors = await demoActors(ctx);
  const year = Number(today.slice(0, 4));
  const organizationId = actors.orgId(units.donghu.name);
  await createDraft(ctx, actors.actor(units.donghu.head), organizationId, year);
  return { year, organizationId };
}

async function demoActors(ctx: ServiceContext) {
  const orgRows = await ctx.db.select({ id: organizations.id, name: organizations.name }).from(organizations);
  const userRows = await ctx.db.select().from(users).innerJoin(organizations, eq(organizations.id, users.organizationId));
  return {
    orgId: (name: string) => orgRows.find((o) => o.name === name)!.id,
    actor: (username: string): Actor => {
      const row = userRows.find((r) => r.users.username === username);
      if (!row) throw new Error(`demo user ${username} missing`);
      return { userId: row.users.id, organizationId: row.organizations.id, organizationPath: row.organizations.path, roles: row.users.roles as Role[], displayName: row.users.displayName };
    },
  };
}

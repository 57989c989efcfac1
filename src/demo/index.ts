/**
 * The demo bureau of the fictional 云城市 (`fazhi demo`, `npm start` on an empty database, and the tests that truly
 * need it: ./testing.ts). One file per module's demo data, each built through that module's services (the work
 * orders through a bulk writer that runs the same guards and effects, ./workorder-rows.ts) so every row passed every
 * guard and has its audit chain; seeded in dependency order: organizations and users, then the
 * discretion benchmarks, then the cases of both and the work orders (./workorders.ts) in date order (./tracks.ts), then
 * the patrols, inspections and the 双随机 plan (./inspections.ts); the annual reports (./reports.ts): last year's of the
 * districts first (dated by the calendar year), this year's draft last.
 *
 * Layer: src/demo may import domain, db and services; only the CLI and test code import it (eslint.config.js).
 */
import type { ServiceContext } from '../services/context.ts';
import { memoryReportKeys } from '../services/reports/key-store.ts';
import type { IsoDate } from '../domain/calendar/iso-date.ts';
import { seedDemoCases } from './cases.ts';
import { isDatabaseEmpty } from './empty.ts';
import { DEMO_TODAY, demoShiftDays } from './clock.ts';
import { seedDemoDiscretion } from './discretion.ts';
import { type DemoLogin, demoLogins, seedDemoOrganizations } from './organizations.ts';
import { seedDemoInspections } from './inspections.ts';
import { seedDemoDraftReport, seedDemoPublishedReports } from './reports.ts';
import { seedDemoWorkOrders } from './workorders.ts';

export { DEMO_PASSWORD, type DemoLogin } from './organizations.ts';

/** The years of the demo's annual reports (./reports.ts), for `fazhi demo` to say where to see them. */
export interface DemoReports {
  publishedYear: number;
  draftYear: number;
}

/** Where the demo's annual reports are seen (printed by `fazhi demo` and `npm start` after the logins). */
export function demoReportGuide({ publishedYear, draftYear }: DemoReports): string[] {
  return [
    `年度报告（法治政府建设年度报告）：`,
    `  ${String(draftYear)}年度 东湖区报告草稿（由演示数据生成）  工作台 → 年度报告（head.donghu / reviewer.donghu）`,
    `  ${String(publishedYear)}年度 东湖区按期公开、西山区逾期公开  门户网站 /portal/reports；汇总 → 报告汇总（supervisor，选 ${String(publishedYear)} 年度）`,
    `  核验已公开报告：下载 PDF 后运行 fazhi report verify 报告.pdf`,
  ];
}

export { isDatabaseEmpty } from './empty.ts';

/**
 * Creates the demo bureau: the organization tree, a user of every role, their cases and discretion data. Refuses to
 * run on a database with data (`created: false`); the logins are returned either way. With `today` the history is
 * moved to end in today's week (clock.ts): `fazhi demo` and `npm start`; the tests use the fixed dates.
 */
export async function seedDemo(
  base: ServiceContext,
  options: { today?: IsoDate; /** Called after each part with its name (start-up phase timings, src/cli/startup-phases.ts). */ onPhase?: (name: string) => void } = {},
): Promise<{ created: boolean; logins: DemoLogin[]; reports?: DemoReports }> {
  const phase = options.onPhase ?? (() => undefined);
  // Publishing a report signs it: a seeding without the bureau's key store (tests) signs with a key kept in memory,
  // whose public key is recorded in the database like any other.
  const ctx: ServiceContext = base.reportKeys ? base : { ...base, reportKeys: memoryReportKeys() };
  const logins = demoLogins();
  if (!(await isDatabaseEmpty(ctx))) return { created: false, logins };
  const shift = options.today ? demoShiftDays(options.today) : 0;
  await seedDemoOrganizations(ctx, shift);
  phase('demo: organizations and users');
  // Last year's annual reports of the districts (one on time, one late): dated by the calendar year, before the history.
  const published = await seedDemoPublishedReports(ctx, options.today ?? DEMO_TODAY);
  phase('demo: published reports');
  // The benchmarks are in force from the start of the demo's year; their cases are taken with the others in date order.
  const discretion = await seedDemoDiscretion(ctx, shift);
  phase('demo: discretion benchmarks');
  // The work orders of the year (12345, 信访 …) are taken with the cases in date order.
  const workOrders = await seedDemoWorkOrders(ctx, shift, options.today ?? DEMO_TODAY);
  phase('demo: work orders');
  await seedDemoCases(ctx, shift, options.today ?? DEMO_TODAY, [...discretion.tracks, ...workOrders.tracks]);
  phase('demo: cases');
  // Patrols, inspections of enterprises and the 双随机 plan (no clue of the case engine: the cases above stay as they are).
  await seedDemoInspections(ctx, shift, options.today ?? DEMO_TODAY);
  phase('demo: inspections');
  // This year's report of 东湖区, drafted from all of the above.
  const draft = await seedDemoDraftReport(ctx, options.today ?? DEMO_TODAY);
  phase('demo: draft report');
  return { created: true, logins, reports: { publishedYear: published.year, draftYear: draft.year } };
}

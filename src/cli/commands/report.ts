import type { Command } from 'commander';
import { validationError } from '../../domain/errors.ts';
import { figureSources } from '../../domain/indicators/table-views.ts';

// Services load inside the action (a dynamic import); the command only reads, so it does not migrate.
const runtime = () => import('../runtime.ts');

/** `--year 2025`: a whole year from 2000 on. */
function yearOption(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 2000) throw validationError(`年度无效：${value}（应为四位年份，如 2025）`);
  return year;
}

/** `fazhi report …`: the annual report (法治政府建设年度报告, docs/REPORTS.md). */
export function registerReport(program: Command): void {
  const report = program.command('report').description('法治政府建设年度报告');
  registerReportStatistics(report);
  report
    .command('indicators')
    .description('单位（含下级单位）某年度的全部指标：数值、来源（系统计算 / 手工填报 / 无记录）与记录数')
    .requiredOption('--org <id或名称>', '单位编号或名称（名称可为唯一的部分名称）')
    .requiredOption('--year <年度>', '年度，如 2025')
    .option('--json', '以 JSON 输出')
    .action(async (options: { org: string; year: string; json?: boolean }) => {
      const year = yearOption(options.year);
      const [{ withRuntime }, { findOrganization }, { computeUnitIndicators }] = await Promise.all([
        runtime(),
        import('../../services/organizations.ts'),
        import('../../services/indicators/unit-indicators.ts'),
      ]);
      await withRuntime(
        async ({ ctx }) => {
          const unit = await findOrganization(ctx, options.org);
          const table = await computeUnitIndicators(ctx, unit, year);
          if (options.json) {
            const out = {
              organization: table.organization,
              year: table.year,
              asOf: table.asOf,
              indicators: table.indicators.map((r) => ({
                key: r.key,
                name: r.name,
                unit: r.unit,
                value: r.value,
                source: r.source,
                recordCount: r.recordCount,
                ...(r.numerator !== undefined ? { numerator: r.numerator, denominator: r.denominator } : {}),
                ...(r.note ? { note: r.note } : {}),
                ...(r.manual ? { handEntered: { value: r.manual.value, counted: r.manual.counted, sourceNote: r.manual.sourceNote } } : {}),
                ...(r.difference !== null ? { difference: r.difference } : {}),
              })),
            };
            process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
            return;
          }
          process.stdout.write(`${table.organization.name} ${String(table.year)}年度法治政府建设指标（存量截至 ${table.asOf}）\n`);
          for (const r of table.indicators) {
            const value = r.value === null ? '—' : `${String(r.value)}${r.unit === '%' ? '%' : ` ${r.unit}`}`;
            const extra = [r.source === 'computed' ? `${String(r.recordCount)}条记录` : '', r.note ?? ''].filter(Boolean).join('；');
            process.stdout.write(`${r.name}：${value}  [${figureSources[r.source]}]${extra ? `  ${extra}` : ''}\n`);
          }
        },
        { readOnly: true },
      );
    });
}

/**
 * `fazhi report statistics --org … --year … [--json | --out FILE.xlsx]`: 行政执法数据 (issue #19 item 4,
 * docs/REPORTS.md), the annual enforcement statistics of a unit's subtree. Read-only.
 */
function registerReportStatistics(report: Command): void {
  report
    .command('statistics')
    .description('单位（含下级单位）某年度的行政执法数据（行政处罚、行政检查、行政强制、行政许可；无台账的显示“本系统无记录”）')
    .requiredOption('--org <id或名称>', '单位编号或名称（名称可为唯一的部分名称）')
    .requiredOption('--year <年度>', '年度，如 2025')
    .option('--json', '以 JSON 输出（含分月数据）')
    .option('--out <FILE.xlsx>', '写出行政执法数据统计表（XLSX）')
    .action(async (options: { org: string; year: string; json?: boolean; out?: string }) => {
      const year = yearOption(options.year);
      if (options.out !== undefined && !options.out.toLowerCase().endsWith('.xlsx')) throw validationError(`输出文件应为 .xlsx：${options.out}`);
      const [{ withRuntime }, { findOrganization }, { computeEnforcementStatistics }, { formatStatistic }] = await Promise.all([
        runtime(),
        import('../../services/organizations.ts'),
        import('../../services/reports/enforcement-statistics.ts'),
        import('../../domain/reports/enforcement-statistics.ts'),
      ]);
      await withRuntime(
        async ({ ctx }) => {
          const unit = await findOrganization(ctx, options.org);
          const stats = await computeEnforcementStatistics(ctx, unit, year);
          if (options.out) {
            const [{ writeFile }, { enforcementStatisticsXlsx }] = await Promise.all([import('node:fs/promises'), import('../../services/reports/enforcement-statistics-xlsx.ts')]);
            await writeFile(options.out, await enforcementStatisticsXlsx(stats));
            process.stdout.write(`已写出 ${options.out}（${stats.title}）\n`);
            return;
          }
          if (options.json) {
            process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
            return;
          }
          process.stdout.write(`${stats.title}（统计日期 ${stats.countedOn}${stats.closed ? '' : '，年度尚未结束'}）\n`);
          for (const row of stats.rows) process.stdout.write(`${row.categoryLabel}  ${row.name}：${formatStatistic(row)}\n`);
          for (const note of stats.notes) process.stdout.write(`注：${note}\n`);
        },
        { readOnly: true },
      );
    });
}

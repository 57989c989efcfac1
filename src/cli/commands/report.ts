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
  report
    .command('render')
    .description('生成单位某年度的报告文件：已公开的为公开时固定的文件；未公开的（或尚未起草的，按台账即时生成）标注“草稿”')
    .requiredOption('--org <id或名称>', '单位编号或名称（名称可为唯一的部分名称）')
    .requiredOption('--year <年度>', '年度，如 2025')
    .requiredOption('--out <文件>', '输出文件，.docx 或 .pdf（PDF 需安装 LibreOffice）')
    .action(async (options: { org: string; year: string; out: string }) => {
      const year = yearOption(options.year);
      const format = /\.pdf$/i.test(options.out) ? 'pdf' : /\.docx$/i.test(options.out) ? 'docx' : null;
      if (!format) throw validationError(`输出文件须为 .docx 或 .pdf：${options.out}`);
      const [{ withRuntime }, { findOrganization }, { renderUnitReport }, { writeFile }] = await Promise.all([
        runtime(),
        import('../../services/organizations.ts'),
        import('../../services/reports/report-file.ts'),
        import('node:fs/promises'),
      ]);
      await withRuntime(
        async ({ ctx }) => {
          const unit = await findOrganization(ctx, options.org);
          const file = await renderUnitReport(ctx, unit, year, format);
          await writeFile(options.out, file.data);
          const what = file.state === 'published' ? '已公开的报告' : file.state === 'draft' ? '报告草稿' : '按台账即时生成的草稿（未保存）';
          process.stdout.write(`${unit.name} ${String(year)}年度：${what} → ${options.out}\n`);
        },
        { readOnly: true },
      );
    });
  report
    .command('verify')
    .description('校验已公开报告的审计校验附件：SM2 签名、签名公钥、报告内容摘要、审计检查点及全部审计记录；完好退出码 0，否则 1 并说明原因')
    .argument('<文件>', '公开的报告 PDF')
    .action(async (file: string) => {
      const [{ withRuntime }, { verifyReportPdf }, { readFile }] = await Promise.all([runtime(), import('../../services/reports/verify-report.ts'), import('node:fs/promises')]);
      let pdf: Buffer;
      try {
        pdf = await readFile(file);
      } catch {
        throw validationError(`无法读取文件：${file}`);
      }
      await withRuntime(
        async ({ ctx }) => {
          const result = await verifyReportPdf(ctx.db, pdf, ctx.reportKeys);
          for (const line of result.checked) process.stdout.write(`✓ ${line}\n`);
          if (result.ok) {
            process.stdout.write(`校验通过：${result.seal!.unitName}${String(result.seal!.year)}年度法治政府建设情况报告自公开以来未被改动，其所依据的审计记录完好。\n`);
            return;
          }
          process.stderr.write(`校验失败：${result.reason ?? ''}\n`);
          process.exitCode = 1;
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

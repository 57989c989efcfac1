import type { Command } from 'commander';
import { withRuntime } from '../runtime.ts';

export function registerDb(program: Command): void {
  const db = program.command('db').description('数据库');
  db.command('migrate')
    .description('执行数据库迁移（启动时也会自动执行）')
    .action(async () => {
      await withRuntime(async ({ handle }) => {
        process.stdout.write(`数据库迁移完成：${handle.kind === 'pglite' ? '嵌入式' : 'PostgreSQL'} ${handle.location}\n`);
      });
    });
  db.command('rebuild-stats')
    .description('按记录重新计算统计看板的计数（case_tallies，各案件最早未届期限 case_next_deadlines 及其按单位、日期的计数 case_due_tallies）和年度报告指标的汇总（indicator_tallies）；--check 只核对，不修改')
    .option('--check', '只核对计数、汇总与记录是否一致，不一致时以退出码 2 结束')
    .action(async (options: { check?: boolean }) => {
      await withRuntime(async ({ handle }) => {
        const { nextDeadlineDifferences, rebuildCaseTallies, tallyDifferences } = await import('../../services/cases/case-tallies.ts');
        const { indicatorTallyDifferences, rebuildIndicatorTallies } = await import('../../services/indicators/tallies.ts');
        if (options.check) {
          const differences = await tallyDifferences(handle.db);
          const deadlineDifferences = await nextDeadlineDifferences(handle.db);
          const indicatorDifferences = await indicatorTallyDifferences(handle.db);
          if (differences.length === 0 && deadlineDifferences.length === 0 && indicatorDifferences.length === 0) {
            process.stdout.write('统计计数、期限计数与案件一致；年度报告指标汇总与记录一致\n');
            return;
          }
          for (const d of differences.slice(0, 20)) {
            process.stdout.write(`单位 ${d.organizationId} ${d.registeredOn} ${d.state}：案件 ${d.counted} 件，计数 ${d.kept} 件；罚款 ${d.countedFineFen} 分，计数 ${d.keptFineFen} 分\n`);
          }
          for (const d of deadlineDifferences.slice(0, 20)) {
            if (d.kind === 'case') process.stdout.write(`案件 ${d.caseId}：最早未届期限 ${d.countedDueOn ?? '无'}，计数 ${d.keptDueOn ?? '无'}\n`);
            else process.stdout.write(`单位 ${d.organizationId} ${d.countedDueOn} 到期：案件 ${d.counted} 件，计数 ${d.kept} 件\n`);
          }
          for (const d of indicatorDifferences.slice(0, 20)) {
            process.stdout.write(`单位 ${d.organizationId}${d.unitId === null ? '' : `（承办单位 ${d.unitId}）`} ${d.year}年 ${d.key}：记录 ${d.counted} 条、${d.countedFen} 分，汇总 ${d.kept} 条、${d.keptFen} 分\n`);
          }
          if (differences.length) process.stdout.write(`统计计数与案件不一致：${differences.length} 组\n`);
          if (deadlineDifferences.length) process.stdout.write(`期限计数与案件期限不一致：${deadlineDifferences.length} 处\n`);
          if (indicatorDifferences.length) process.stdout.write(`年度报告指标汇总与记录不一致：${indicatorDifferences.length} 组\n`);
          process.stdout.write('请运行 fazhi db rebuild-stats\n');
          process.exitCode = 2;
          return;
        }
        const rebuilt = await rebuildCaseTallies(handle.db);
        process.stdout.write(`统计计数已重建：${rebuilt.cases} 件案件，${rebuilt.rows} 行计数；${rebuilt.withDeadlines} 件案件有未届期限\n`);
        const indicators = await rebuildIndicatorTallies(handle.db);
        process.stdout.write(`年度报告指标汇总已重建：${indicators.rows} 行\n`);
      });
    });
}

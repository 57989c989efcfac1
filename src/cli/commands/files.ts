import type { Command } from 'commander';

// Services load inside the action (a dynamic import).
const runtime = () => import('../runtime.ts');

/** `fazhi files sweep`: removes stored files no record points to (the server also does it at start and daily). */
export function registerFiles(program: Command): void {
  const files = program.command('files').description('证据文件与文书文件存储');
  files
    .command('sweep')
    .description('删除没有任何记录引用、且超过宽限期（默认 24 小时）的文件及未完成上传的临时文件')
    .option('--dry-run', '只列出将被删除的文件，不删除')
    .option('--grace-hours <hours>', '宽限期（小时），不短于 1 小时', (v) => Number(v), 24)
    .action(async (options: { dryRun?: boolean; graceHours: number }) => {
      const [{ withRuntime }, { sweepOrphanFiles }, { AppError }] = await Promise.all([
        runtime(),
        import('../../services/sweep-files.ts'),
        import('../../domain/errors.ts'),
      ]);
      if (!Number.isFinite(options.graceHours) || options.graceHours < 1) throw new AppError('VALIDATION', '宽限期须为不少于 1 的小时数');
      await withRuntime(async ({ ctx }) => {
        const result = await sweepOrphanFiles(ctx, { dryRun: options.dryRun === true, graceMs: options.graceHours * 3_600_000 });
        for (const entry of result.removed) {
          process.stdout.write(`${result.dryRun ? '将删除' : '已删除'} ${entry.key}（${entry.size} 字节，修改于 ${entry.modifiedAt.toISOString()}）\n`);
        }
        const bytes = result.removed.reduce((sum, e) => sum + e.size, 0);
        process.stdout.write(
          `${result.dryRun ? '试运行：将删除' : '已删除'} ${result.removed.length} 个无引用文件，共 ${bytes} 字节；保留 ${result.kept} 个文件。\n`,
        );
      });
    });
}

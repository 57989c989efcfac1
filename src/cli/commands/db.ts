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
}

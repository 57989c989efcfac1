import type { Command } from 'commander';

const runtime = () => import('../runtime.ts');

/** `fazhi todo digest --user <name>`: the user's 今日摘要 (new since yesterday, due today/tomorrow, overdue). */
export function registerTodo(program: Command): void {
  const todo = program.command('todo').description('待办');
  todo
    .command('digest')
    .description('今日摘要：昨日以来新增、今日和明日到期、已超期的待办')
    .requiredOption('--user <name>', '用户名')
    .option('--json', '以 JSON 输出')
    .action(async (options: { user: string; json?: boolean }) => {
      const [{ withRuntime }, { digestForUsername }, { digestLines }] = await Promise.all([runtime(), import('../../services/todo/digest.ts'), import('../../domain/todo/digest.ts')]);
      await withRuntime(async ({ ctx }) => {
        const { user, digest } = await digestForUsername(ctx, options.user);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(digest, null, 2)}\n`);
          return;
        }
        process.stdout.write(`${[user, ...digestLines(digest)].join('\n')}\n`);
      }, { readOnly: true });
    });
}

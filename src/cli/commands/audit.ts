import type { Command } from 'commander';
import { describeProblem } from '../../domain/audit/chain.ts';

// Services load inside each action (a dynamic import). `verify` only reads, so it does not migrate.
const runtime = () => import('../runtime.ts');

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('审计记录（防篡改）');
  audit
    .command('verify')
    .description('重新计算全部审计记录的摘要链；发现篡改、删除或调换顺序时以非零状态退出并指出第一条问题记录')
    .option('--json', '以 JSON 输出')
    .action(async (options: { json?: boolean }) => {
      const [{ withRuntime }, { verifyAudit }] = await Promise.all([runtime(), import('../../services/verify-audit.ts')]);
      await withRuntime(async ({ ctx }) => {
        const result = await verifyAudit(ctx.db);
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ ok: result.problem === null, ...result })}\n`);
        } else if (result.problem) {
          process.stdout.write(`审计校验失败：${describeProblem(result.problem)}\n`);
        } else {
          process.stdout.write(`审计校验通过：${result.chains} 条记录链，共 ${result.records} 条记录，${result.checkpoints} 个检查点。\n`);
        }
        if (result.problem) process.exitCode = 2;
      }, { readOnly: true });
    });
  audit
    .command('checkpoint')
    .description('为自上次检查点以来有变化的记录链写入检查点（服务运行时每 10 分钟自动执行）')
    .action(async () => {
      const [{ withRuntime }, { checkpointAudit }] = await Promise.all([runtime(), import('../../services/checkpoint-audit.ts')]);
      await withRuntime(async ({ ctx }) => {
        const cp = await checkpointAudit(ctx);
        process.stdout.write(cp ? `已写入检查点 #${cp.id}，覆盖 ${cp.heads} 条记录链。\n` : '自上次检查点以来没有新的审计记录。\n');
      });
    });
}

import type { Command } from 'commander';
import { systemActor } from '../../domain/access.ts';

// Services load inside each action (a dynamic import).
const runtime = () => import('../runtime.ts');
const service = () => import('../../services/workorders/intake-keys.ts');

/**
 * `fazhi intake-key …`: API keys of the systems that send work orders in through the Open311 interface (a 12345
 * platform, a phone app). A key is shown once, when it is created; only its hash is kept. Audited as the system.
 */
export function registerIntakeKeys(program: Command): void {
  const keys = program.command('intake-key').description('工单开放接口（Open311）的接入系统密钥');
  keys
    .command('create')
    .description('为接入系统创建接口密钥（密钥只显示这一次）')
    .requiredOption('--system <name>', '接入系统名称，如 云城市12345政务服务便民热线')
    .requiredOption('--org <id>', '受理单位 ID（见 fazhi org list）', Number)
    .option('--channel <channel>', '来源渠道：hotline, complaint, petitionOnline, assigned, transfer, digital, media …', 'hotline')
    .action(async (o: { system: string; org: number; channel: string }) => {
      const [{ withRuntime }, { createIntakeKey }] = await Promise.all([runtime(), service()]);
      await withRuntime(async ({ ctx }) => {
        const { key, secret } = await createIntakeKey(ctx, systemActor, { system: o.system, channel: o.channel, organizationId: o.org });
        process.stdout.write(`已为 ${key.system}（${key.channel.label}，受理单位 ${key.organization.name}）创建接口密钥 ID ${key.id}\n`);
        process.stdout.write(`密钥（只显示这一次，请交给接入系统妥善保存）：${secret}\n`);
      });
    });
  keys
    .command('list')
    .description('列出接口密钥（只显示密钥开头几位）')
    .option('--json', '以 JSON 输出')
    .action(async (o: { json?: boolean }) => {
      const [{ withRuntime }, { listIntakeKeys }] = await Promise.all([runtime(), service()]);
      await withRuntime(
        async ({ ctx }) => {
          const rows = await listIntakeKeys(ctx, systemActor);
          if (o.json) {
            process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
            return;
          }
          if (rows.length === 0) process.stdout.write('没有接口密钥。\n');
          for (const k of rows) {
            const state = k.revokedAt ? `已吊销 ${k.revokedAt}` : '有效';
            process.stdout.write(`${k.id}\t${k.prefix}…\t${k.system}\t${k.channel.label}\t${k.organization.name}\t${state}\n`);
          }
        },
        { readOnly: true },
      );
    });
  keys
    .command('revoke')
    .description('吊销接口密钥：此后以该密钥发来的请求一律拒绝')
    .argument('<id>', '密钥 ID（见 fazhi intake-key list）', Number)
    .action(async (id: number) => {
      const [{ withRuntime }, { revokeIntakeKey }] = await Promise.all([runtime(), service()]);
      await withRuntime(async ({ ctx }) => {
        const key = await revokeIntakeKey(ctx, systemActor, id);
        process.stdout.write(`已吊销 ${key.system} 的接口密钥 ${key.prefix}…（ID ${key.id}）\n`);
      });
    });
}

import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { systemActor } from '../../domain/access.ts';

// Services load inside each action (a dynamic import), so `org list` never loads the password hasher.
const runtime = () => import('../runtime.ts');

const list = (value: string) => value.split(/[,，]/).map((s) => s.trim()).filter(Boolean);

export function registerUsers(program: Command): void {
  const user = program.command('user').description('用户');
  user
    .command('add')
    .description('新建用户（不给 --password 时生成随机密码并只显示这一次）')
    .requiredOption('--org <id>', '所属单位 ID（见 fazhi org list）', Number)
    .requiredOption('--username <name>', '用户名')
    .requiredOption('--name <displayName>', '姓名')
    .requiredOption('--roles <roles>', '角色，逗号分隔：officer, reviewer, head, supervisor, clerk, admin', list)
    .option('--password <password>', '密码（至少 8 位，含字母和数字）')
    .option('--cert <no>', '执法证号')
    .option('--cert-until <date>', '执法证有效期至 YYYY-MM-DD')
    .action(async (o: { org: number; username: string; name: string; roles: string[]; password?: string; cert?: string; certUntil?: string }) => {
      const password = o.password ?? `Fz${randomBytes(9).toString('base64url')}1`;
      const [{ withRuntime }, { createUser }] = await Promise.all([runtime(), import('../../services/users.ts')]);
      await withRuntime(async ({ ctx }) => {
        const created = await createUser(ctx, systemActor, {
          organizationId: o.org,
          username: o.username,
          displayName: o.name,
          password,
          roles: o.roles,
          certificateNo: o.cert ?? null,
          certificateValidUntil: o.certUntil ?? null,
        });
        process.stdout.write(`已创建用户 ${created.username}（${created.displayName}，${created.organizationName}）ID ${created.id}\n`);
        if (!o.password) process.stdout.write(`初始密码（只显示这一次）：${password}\n`);
      });
    });

  const org = program.command('org').description('组织机构');
  org
    .command('add')
    .description('新建单位')
    .requiredOption('--name <name>', '单位名称')
    .requiredOption('--kind <kind>', '类型：bureau, district_bureau, brigade, squadron, town_team, justice_bureau, other')
    .option('--parent <id>', '上级单位 ID（不给则为顶级单位）', Number)
    .option('--credit-code <code>', '统一社会信用代码')
    .option('--division-code <code>', '行政区划代码')
    .action(async (o: { name: string; kind: string; parent?: number; creditCode?: string; divisionCode?: string }) => {
      const [{ withRuntime }, { createOrganization }] = await Promise.all([runtime(), import('../../services/organizations.ts')]);
      await withRuntime(async ({ ctx }) => {
        const created = await createOrganization(ctx, systemActor, {
          name: o.name,
          kind: o.kind,
          parentId: o.parent ?? null,
          creditCode: o.creditCode ?? null,
          divisionCode: o.divisionCode ?? null,
        });
        process.stdout.write(`已创建单位 ${created.name} ID ${created.id}\n`);
      });
    });
  org
    .command('list')
    .description('列出全部单位')
    .action(async () => {
      const [{ withRuntime }, { listOrganizations }] = await Promise.all([runtime(), import('../../services/organizations.ts')]);
      await withRuntime(
        async ({ ctx }) => {
          for (const o of await listOrganizations(ctx, systemActor)) {
            const depth = o.path.split('/').filter(Boolean).length - 1;
            process.stdout.write(`${'  '.repeat(depth)}${o.id}\t${o.name}\n`);
          }
        },
        { readOnly: true },
      );
    });
}

import type { Command } from 'commander';
import { roles } from '../../domain/access.ts';
import { chinaDateOf } from '../../domain/calendar/iso-date.ts';
import { AppError } from '../../domain/errors.ts';
import type { DemoLogin, DemoReports } from '../../demo/index.ts';
import type { Runtime } from '../runtime.ts';
import { startupPhase } from '../startup-phases.ts';

// The server, the demo seeder and the runtime load inside each action (dynamic imports), so registering these
// commands costs nothing to the others in this file.
const runtime = () => import('../runtime.ts');
const demo = () => import('../../demo/index.ts');

const CHECKPOINT_INTERVAL_MS = 10 * 60_000;

const loadServerModules = () => Promise.all([import('../../server/app.ts'), import('../../services/checkpoint-audit.ts'), import('../../services/sweep-files.ts')]);
let loading: ReturnType<typeof loadServerModules> | undefined;
const serverModules = () => (loading ??= loadServerModules());

/**
 * Starts loading the server's modules while the database opens: PGlite compiles its WebAssembly on other threads
 * meanwhile, so part of the loading takes no time of its own (a restart 2.39 → 2.27 s, median of six each, measured
 * alternately on a quiet machine). A failure is not lost: `serve` awaits the same promise.
 */
function loadServerModulesEarly(): void {
  serverModules().catch(() => undefined);
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动服务（执行迁移后监听 HOST:PORT）')
    .action(async () => {
      const { openRuntime } = await runtime();
      loadServerModulesEarly();
      await serve(await openRuntime());
    });
  program
    .command('start')
    .description('一键启动：迁移数据库，数据库为空时生成演示数据，然后启动服务（npm start）')
    .action(async () => {
      // A restart loads only the emptiness check, not the demo's seeders.
      const [{ openRuntime }, { isDatabaseEmpty }] = await Promise.all([runtime(), import('../../demo/empty.ts')]);
      loadServerModulesEarly();
      const rt = await openRuntime();
      let logins: DemoLogin[] | null = null;
      let reports: DemoReports | undefined;
      try {
        if (await isDatabaseEmpty(rt.ctx)) {
          process.stdout.write('数据库为空，正在生成演示数据……\n');
          const { seedDemo } = await demo();
          ({ logins, reports } = await seedDemo(rt.ctx, { today: chinaDateOf(new Date()), onPhase: startupPhase }));
        }
      } catch (error) {
        await rt.close();
        throw error;
      }
      await serve(rt, logins, reports);
    });
  program
    .command('demo')
    .description('生成演示单位、各角色用户及其数据（仅限空数据库）；办案记录按今天的日期排布，期限有未到期也有已逾期')
    .option('--fixed-dates', '按固定日期生成（办案记录止于 2026-11-13，与测试数据相同）')
    .action(async (options: { fixedDates?: boolean }) => {
      const [{ openRuntime }, { seedDemo }] = await Promise.all([runtime(), demo()]);
      const rt = await openRuntime();
      try {
        const { created, logins, reports } = await seedDemo(rt.ctx, options.fixedDates ? {} : { today: chinaDateOf(new Date()) });
        if (!created) throw new AppError('CONFLICT', '数据库中已有数据，未生成演示数据。请使用新的 FAZHI_DATA_DIR 或空数据库。');
        await printLogins(logins, reports);
      } finally {
        await rt.close();
      }
    });
}

async function printLogins(logins: DemoLogin[], reports?: DemoReports): Promise<void> {
  const { DEMO_PASSWORD, demoReportGuide } = await demo();
  process.stdout.write(`\n演示账号（密码均为 ${DEMO_PASSWORD}，仅供演示）：\n`);
  for (const l of logins) {
    process.stdout.write(`  ${l.username.padEnd(16)} ${l.displayName}\t${l.roles.map((r) => roles[r]).join('、')}\t${l.organization}\n`);
  }
  if (reports) process.stdout.write(`\n${demoReportGuide(reports).join('\n')}\n`);
}

async function serve(rt: Runtime, demoLogins: DemoLogin[] | null = null, demoReports?: DemoReports): Promise<void> {
  const { config, ctx, handle } = rt;
  const [{ buildApp }, { checkpointAudit, checkpointAuditJob }, { sweepOrphanFiles, SWEEP_INTERVAL_MS }] = await serverModules();
  startupPhase('server modules loaded');
  const app = await buildApp({
    ctx,
    sessionSecret: config.sessionSecret,
    secureCookies: config.production,
    allowedOrigins: config.allowedOrigins,
    databaseKind: handle.kind,
    logger: { level: config.logLevel },
  });
  startupPhase('server built');
  // With several app servers on one database only one writes a checkpoint at a time (an advisory lock, not waited for).
  const timer = setInterval(() => {
    checkpointAuditJob(ctx).catch((error: unknown) => app.log.error({ err: error }, 'audit checkpoint failed'));
  }, CHECKPOINT_INTERVAL_MS);
  timer.unref();
  // Stored files no record points to (older than the grace period): once now, then daily.
  const sweep = () => {
    sweepOrphanFiles(ctx)
      .then((result) => {
        if (result.removed.length > 0) app.log.info({ removed: result.removed.map((e) => e.key), kept: result.kept }, 'orphan files swept');
      })
      .catch((error: unknown) => app.log.error({ err: error }, 'orphan file sweep failed'));
  };
  sweep();
  const sweepTimer = setInterval(sweep, SWEEP_INTERVAL_MS);
  sweepTimer.unref();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    clearInterval(timer);
    clearInterval(sweepTimer);
    await app.close();
    await checkpointAudit(ctx).catch(() => undefined);
    await rt.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
    startupPhase('listening');
  } catch (error) {
    await rt.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new AppError('LOCKED', `端口 ${config.port} 已被占用。请停止占用该端口的程序，或设置 PORT 使用其他端口。`);
    }
    throw error;
  }
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  process.stdout.write(`\nFazhi 已启动：http://${shownHost}:${config.port}/\n`);
  process.stdout.write(`数据库：${handle.kind === 'pglite' ? '嵌入式 PGlite' : 'PostgreSQL'} ${handle.location}\n`);
  process.stdout.write(`接口文档：http://${shownHost}:${config.port}/api/openapi.json\n`);
  if (demoLogins) await printLogins(demoLogins, demoReports);
}

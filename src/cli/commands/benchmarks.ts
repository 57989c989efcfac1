import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../../domain/access.ts';
import { AppError, validationError } from '../../domain/errors.ts';
import type { ImportRejection } from '../../domain/discretion/index.ts';
import { exportBenchmarkVersion, listBenchmarkVersions } from '../../services/discretion/browse-benchmarks.ts';
import { importBenchmarks } from '../../services/discretion/import-benchmarks.ts';
import { confirmBenchmarkVersion } from '../../services/discretion/version-steps.ts';
import { withRuntime } from '../runtime.ts';

interface ImportOptions {
  json?: boolean;
  name?: string;
  issuer?: string;
  effective?: string;
  org?: string;
  exemptions?: boolean;
  draft?: boolean;
}

async function readInput(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw validationError(`无法读取文件 ${file}：${code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : String(code ?? error)}`);
  }
}

/** `fazhi benchmarks …`: import, export and list discretion benchmarks and exemption lists (as the system). */
export function registerBenchmarks(program: Command): void {
  const benchmarks = program.command('benchmarks').description('裁量基准与免罚清单');
  benchmarks
    .command('import <file>')
    .description('导入裁量基准（CSV 或 XLSX，版式同公开的裁量基准表，以 # 开头的行为注释），形成新版本；逐行报告未导入的行及原因')
    .option('--json', '以 JSON 输出：{ "imported": 条数, "rejected": [{ "row": 行号, "reason": 原因 }] }')
    .option('--name <name>', '版本名称（默认取文件 source 列的文件名称）')
    .option('--issuer <issuer>', '制定机关')
    .option('--effective <date>', '施行日期 YYYY-MM-DD（默认取文件所载施行日期，没有则为今天）')
    .option('--org <id>', '适用单位编号（该单位及下级单位适用；不填则全局适用）')
    .option('--exemptions', '导入的是免罚清单（首违不罚、轻微免罚）而不是裁量基准')
    .option('--draft', '只导入为草稿，由负责人在系统中确认施行日期（默认：以系统身份确认，自施行日期起生效并公布）')
    .action(async (file: string, options: ImportOptions) => {
      const data = await readInput(file);
      await withRuntime(async ({ ctx }) => {
        let report;
        try {
          report = await importBenchmarks(ctx, systemActor, { fileName: path.basename(file), data }, {
            kind: options.exemptions ? 'exemption' : 'benchmark',
            name: options.name,
            issuer: options.issuer,
            effectiveFrom: options.effective,
            organizationId: options.org,
          });
        } catch (error) {
          // Nothing imported: with --json the report still says so, row by row.
          const rejected = error instanceof AppError ? (error.details?.rejected as ImportRejection[] | undefined) : undefined;
          if (options.json && rejected) process.stdout.write(`${JSON.stringify({ imported: 0, rejected }, null, 2)}\n`);
          throw error;
        }
        // The system (bootstrap, historical benchmarks) confirms at once unless asked for a draft.
        const confirmed = options.draft ? null : await confirmBenchmarkVersion(ctx, systemActor, report.versionId, { effectiveFrom: report.effectiveFrom });
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ imported: report.imported, rejected: report.rejected.map((r) => ({ row: r.row, reason: r.reason })) }, null, 2)}\n`);
          return;
        }
        const what = report.kind === 'benchmark' ? `${report.imported} 条裁量规则（${report.items} 个违法行为）` : `${report.imported} 项免罚事项`;
        const lines = [
          `已导入 ${what}：版本 ${report.versionId}「${report.name}」，${report.organizationId === null ? '全局适用' : `单位 ${report.organizationId} 及下级单位适用`}，${confirmed ? `自 ${confirmed.effectiveFrom} 起施行，${confirmed.publishedOn} 公布。` : `草稿，拟自 ${report.effectiveFrom} 起施行，待负责人确认。`}`,
          `文件共 ${report.rows} 行数据，未导入 ${report.rejected.length} 行${report.rejected.length ? '：' : '。'}`,
          ...report.rejected.map((r) => `  第${r.row}行：${r.reason}`),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });
  benchmarks
    .command('export')
    .description('导出裁量基准为 XLSX（导入版式，含未导入的行），供法制科修改后重新导入')
    .requiredOption('--out <file>', '输出文件，扩展名 .xlsx')
    .option('--id <id>', '版本编号（默认最新导入的裁量基准）')
    .action(async (options: { out: string; id?: string }) => {
      if (!options.out.toLowerCase().endsWith('.xlsx')) throw validationError('输出文件扩展名应为 .xlsx');
      await withRuntime(async ({ ctx }) => {
        let id = options.id === undefined ? undefined : Number(options.id);
        if (id !== undefined && !(Number.isInteger(id) && id > 0)) throw validationError('版本编号应为正整数');
        id ??= (await listBenchmarkVersions(ctx, systemActor, { kind: 'benchmark' }))[0]?.id;
        if (id === undefined) throw validationError('还没有导入任何裁量基准');
        const exported = await exportBenchmarkVersion(ctx, systemActor, id);
        await writeFile(options.out, exported.data);
        process.stdout.write(`已导出版本 ${id}（${exported.rows} 行）到 ${options.out}\n`);
      });
    });
  benchmarks
    .command('list')
    .description('列出裁量基准和免罚清单的各个版本')
    .option('--json', '以 JSON 输出')
    .action(async (options: { json?: boolean }) => {
      await withRuntime(async ({ ctx }) => {
        const versions = await listBenchmarkVersions(ctx, systemActor);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(versions, null, 2)}\n`);
          return;
        }
        if (!versions.length) {
          process.stdout.write('还没有导入裁量基准或免罚清单。\n');
          return;
        }
        for (const v of versions) {
          const counts = v.kind === 'benchmark' ? `${v.ruleCount} 条规则/${v.itemCount} 个违法行为` : `${v.itemCount} 项`;
          process.stdout.write(
            `${v.id}\t${v.kindLabel}\t${v.name}\t${v.organization?.name ?? '全局'}\t${v.effectiveFrom} 起施行（${v.stateLabel}）\t${counts}${v.rejectedCount ? `，未导入 ${v.rejectedCount} 行` : ''}\n`,
          );
        }
      });
    });
}

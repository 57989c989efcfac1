// `fazhi docs …`: enforcement documents (执法文书) of a recorded case, as .docx or PDF, straight from the services.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../../domain/access.ts';
import { documentTemplates } from '../../domain/documents/catalog.ts';
import { AppError } from '../../domain/errors.ts';
import { CASE_FILE_TYPE, renderDocumentForCase } from '../../services/documents/render-for-case.ts';
import { withRuntime } from '../runtime.ts';

export function registerDocs(program: Command): void {
  const docs = program.command('docs').description('执法文书：按案件生成 .docx / PDF');
  docs
    .command('types')
    .description('列出可生成的文书类型')
    .action(() => {
      for (const t of documentTemplates) process.stdout.write(`${t.name}\t${t.id}\t${t.basis}\n`);
      process.stdout.write(`${CASE_FILE_TYPE}\tcase-file\t整本案卷 PDF（封面、卷内目录和全部文书）\n`);
    });
  docs
    .command('render')
    .description('生成一份文书（或整本案卷），文件类型由 --out 的扩展名决定（.docx 或 .pdf）；执法机关信息取自案件所属单位的办案参数')
    .requiredOption('--case <code>', '案件的行政行为码')
    .requiredOption('--type <type>', `文书类型，如 行政处罚决定书；“${CASE_FILE_TYPE}”生成整本案卷`)
    .requiredOption('--out <file>', '输出文件（.docx 或 .pdf）')
    .option('--instance <n>', '同类文书的第几份（如第 2 份询问笔录）', (v) => Number(v), 1)
    .action(async (options: { case: string; type: string; out: string; instance: number }) => {
      const extension = path.extname(options.out).toLowerCase();
      if (extension !== '.docx' && extension !== '.pdf') throw new AppError('VALIDATION', `输出文件的扩展名应为 .docx 或 .pdf：${options.out}`);
      if (!Number.isInteger(options.instance) || options.instance < 1) throw new AppError('VALIDATION', '--instance 应为正整数');
      await withRuntime(async ({ ctx }) => {
        const wantPdf = extension === '.pdf';
        const result = await renderDocumentForCase(ctx, systemActor, {
          code: options.case,
          type: options.type,
          instance: options.instance - 1,
          pdf: wantPdf,
        });
        const { file } = result;
        let out = options.out;
        let data: Buffer;
        let digest: string;
        if (wantPdf && file.pdf && file.pdfDigest) {
          data = file.pdf;
          digest = file.pdfDigest;
        } else {
          if (wantPdf) out = options.out.replace(/\.pdf$/i, '.docx');
          data = file.docx;
          digest = file.docxDigest;
        }
        await writeFile(out, data);
        if (file.notice) process.stderr.write(`提示：${file.notice}\n`);
        process.stdout.write(`已生成：${out}（${String(data.length)} 字节，SM3 ${digest}）\n`);
      });
    });
}

// `fazhi analyze FILE... [--json]`: reads annual 法治政府建设 reports and reports their parts and figures.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { indicatorName } from '../../domain/analyzer/catalog.ts';
import { sectionKeys, sectionNames } from '../../domain/analyzer/types.ts';
import type { ReportAnalysis } from '../../domain/analyzer/types.ts';
import { AppError } from '../../domain/errors.ts';
import { analyzeReport } from '../../services/analyze-reports.ts';
import type { ReportOutcome } from '../../services/analyze-reports.ts';

export function registerAnalyzeCommand(program: Command): void {
  program
    .command('analyze')
    .description('分析法治政府建设年度报告：检查必备内容，提取指标及其出处')
    .argument('<files...>', '报告文件（.txt、.docx、.pdf、.html）')
    .option('--json', '输出 JSON 数组（每个文件一个元素，顺序与参数一致）')
    .action(async (files: string[], options: { json?: boolean }) => {
      const outcomes: ReportOutcome[] = [];
      for (const file of files) outcomes.push(await analyzeFile(file));
      for (const outcome of outcomes) {
        if (!outcome.ok) process.stderr.write(`错误：${outcome.error.message}\n`);
      }
      if (options.json) {
        process.stdout.write(`${JSON.stringify(outcomes.map(toJson), null, 2)}\n`);
      } else {
        process.stdout.write(`${outcomes.map(formatOutcome).join('\n\n')}\n`);
      }
      if (outcomes.some((outcome) => !outcome.ok)) process.exitCode = 1;
    });
}

async function analyzeFile(file: string): Promise<ReportOutcome> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' ? `找不到文件：${file}` : code === 'EISDIR' ? `这是一个目录，不是文件：${file}` : `无法读取文件：${file}`;
    return { ok: false, file, error: new AppError(code === 'ENOENT' ? 'NOT_FOUND' : 'VALIDATION', message, { file }) };
  }
  return analyzeReport(file, data);
}

/** A failed file keeps its place in the array, so element i always belongs to argument i. */
function toJson(outcome: ReportOutcome): ReportAnalysis | { file: string; error: { code: string; message: string } } {
  if (outcome.ok) return outcome.analysis;
  return { file: outcome.file, error: { code: outcome.error.code, message: outcome.error.message } };
}

function formatOutcome(outcome: ReportOutcome): string {
  if (!outcome.ok) return `【${outcome.file}】\n  无法分析：${outcome.error.message}`;
  const a = outcome.analysis;
  const lines = [
    `【${a.file}】`,
    `  标题：${a.title ?? '（未识别）'}`,
    `  报告单位：${a.organization ?? '（未识别）'}    报告年度：${a.year === null ? '（未识别）' : String(a.year)}    落款日期：${a.date ?? '（未识别）'}`,
    '  必备内容：',
    ...sectionKeys.map((key) => `    ${a.sections[key] ? '✓' : key === 'other' ? '－' : '✗'} ${sectionNames[key]}${key === 'other' ? '（可选）' : ''}`),
    `  缺少：${a.missingSections.length === 0 ? '无' : a.missingSections.map((key) => sectionNames[key]).join('、')}`,
    `  指标（${String(a.indicators.length)} 处）：`,
  ];
  if (a.indicators.length === 0) lines.push('    （未找到目录中的指标）');
  for (const mention of a.indicators) {
    const evidence = mention.text.length > 80 ? `${mention.text.slice(0, 80)}…` : mention.text;
    lines.push(`    ${indicatorName(mention.key)}（${mention.key}）：${mention.approx ? '约' : ''}${formatValue(mention.value)} ${mention.unit}`);
    lines.push(`      出处（第 ${String(mention.start)} 字起）：${evidence}`);
  }
  return lines.join('\n');
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('zh-CN') : String(value);
}

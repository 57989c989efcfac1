// Benchmark of the report analyzer: ~1 MB of report text (the sample reports concatenated) analyzed at once.
// Called by bench/run.ts; returns one line.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeReportText } from '../src/domain/analyzer/analyze.ts';

const MEGABYTE = 1024 * 1024;
const samplesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'samples', 'reports');

/** Stand-in text for machines without the shared samples: report-like sentences with many figures. */
const FALLBACK = [
  '关于2023年法治政府建设情况的报告',
  '一、2023年度推进法治政府建设的主要举措和成效',
  '2023年我局组织专题学法5次，为209名执法人员集中培训，发放手册等5000余份，提供法律咨询服务2000余人次。',
  '政务服务事项承诺时限压缩比例80.75%，全程网办率100%，优化审批服务许可事项1221项，其中备案事项973件。',
  '2023年共巡查9353次，出动人次26802次，共发现各类问题28791件，整改到位率100%。2022年巡查8000次。',
  '二、存在的不足',
  '一是普法宣传力度需进一步加强。',
].join('\n');

async function sampleText(): Promise<{ text: string; reports: number }> {
  if (!existsSync(samplesDir)) return { text: FALLBACK, reports: 0 };
  const names = (await readdir(samplesDir)).filter((name) => name.endsWith('.txt')).sort();
  const texts = await Promise.all(names.map((name) => readFile(path.join(samplesDir, name), 'utf8')));
  return { text: texts.join('\n'), reports: texts.length };
}

export async function benchAnalyzer(): Promise<string> {
  const { text: unit, reports } = await sampleText();
  const copies = Math.ceil(MEGABYTE / Buffer.byteLength(unit, 'utf8'));
  const text = Array.from({ length: copies }, () => unit).join('\n');
  const megabytes = Buffer.byteLength(text, 'utf8') / MEGABYTE;
  analyzeReportText(unit, 'warm-up.txt');
  const runs = 3;
  let best = Infinity;
  let mentions = 0;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    mentions = analyzeReportText(text, 'bench.txt').indicators.length;
    best = Math.min(best, performance.now() - started);
  }
  const source = reports > 0 ? `${String(reports)} sample reports × ${String(copies)}` : `built-in text × ${String(copies)}`;
  return `analyzer: ${(best / megabytes).toFixed(0)} ms per MB (${megabytes.toFixed(2)} MB UTF-8, ${source}, ${String(mentions)} indicator mentions, best of ${String(runs)})`;
}

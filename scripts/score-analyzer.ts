// Scores the report analyzer against gold files (docs/ANALYZER.md, "How it is scored").
//   npm run score:analyzer [-- REPORTS_DIR [GOLD_DIR]]
// Defaults: ../shared/samples/reports next to the repository, gold files in its gold/ folder.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatScores, parseGold, scoreReport } from '../src/domain/analyzer/score.ts';
import type { ReportScore } from '../src/domain/analyzer/score.ts';
import { analyzeReport } from '../src/services/analyze-reports.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reportsDir = path.resolve(process.argv[2] ?? path.join(repoRoot, '..', 'shared', 'samples', 'reports'));
const goldDir = path.resolve(process.argv[3] ?? path.join(reportsDir, 'gold'));

let goldFiles: string[];
try {
  goldFiles = (await readdir(goldDir)).filter((name) => name.endsWith('.json')).sort();
} catch {
  process.stderr.write(`错误：找不到标注目录 ${goldDir}\n`);
  process.exit(1);
}

const scores: ReportScore[] = [];
let failures = 0;
for (const goldFile of goldFiles) {
  const gold = parseGold(JSON.parse(await readFile(path.join(goldDir, goldFile), 'utf8')));
  const reportPath = path.join(reportsDir, gold.file);
  let data: Buffer;
  try {
    data = await readFile(reportPath);
  } catch {
    process.stderr.write(`错误：找不到报告文件 ${reportPath}\n`);
    failures += 1;
    continue;
  }
  const outcome = await analyzeReport(gold.file, data);
  if (!outcome.ok) {
    process.stderr.write(`错误：${outcome.error.message}\n`);
    failures += 1;
    continue;
  }
  scores.push(scoreReport(outcome.analysis, gold));
}

process.stdout.write(`报告目录：${reportsDir}\n标注目录：${goldDir}\n\n${formatScores(scores)}\n`);
if (failures > 0) process.exitCode = 1;

import fs from 'node:fs';
import { analyzeReportText } from './src/domain/analyzer/analyze.ts';
const r = analyzeReportText(fs.readFileSync(process.argv[2], 'utf8'), 'r');
console.log(JSON.stringify({ ...r, indicators: undefined }));
for (const m of r.indicators) console.log(`${m.key}=${m.value}${m.approx ? '~' : ''}  | ${m.text.slice(0, 60).replace(/\n/g, '⏎')}`);

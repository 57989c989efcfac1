import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sample = path.resolve(repoRoot, '..', 'shared', 'samples', 'reports', 'yunyang-cgj-2023.txt');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function fazhi(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('node', [path.join(repoRoot, 'bin', 'fazhi.js'), ...args], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const report = [
  '中共XX县城市管理局党组',
  '关于2023年法治政府建设情况的报告',
  '一、主要举措和成效',
  '2023年我局组织专题学法5次，法制机构共审核执法案件232件。',
  '二、履行推进法治建设第一责任人职责情况',
  '主要负责人亲自部署。',
  '三、存在的不足',
  '普法宣传力度需进一步加强。',
  '四、2024年度工作打算',
  '持续提升执法水平。',
  'XX县城市管理局',
  '2024年1月12日',
];

async function buildDocx(lines: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  const body = lines.map((line) => `<w:p><w:r><w:t xml:space="preserve">${line}</w:t></w:r></w:p>`).join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('fazhi analyze', () => {
  let dir = '';
  const file = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fazhi-analyze-'));
    await writeFile(file('gb18030.txt'), iconv.encode(report.join('\r\n'), 'gb18030'));
    await writeFile(file('report.docx'), await buildDocx(report));
    await writeFile(file('report.html'), `<!DOCTYPE html><html><head><meta charset="utf-8"><title>门户网站</title><script>var x = 1;</script></head><body><div>首页 &gt; 政务公开</div>${report.map((line) => `<p>${line}</p>`).join('')}</body></html>`);
    await writeFile(file('empty.txt'), '');
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.skipIf(!existsSync(sample))('prints the contract JSON for a sample report', async () => {
    const run = await fazhi(['analyze', sample, '--json']);
    expect(run.code).toBe(0);
    const [result] = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(result).toMatchObject({
      file: sample,
      title: '关于2023年法治政府建设情况的报告',
      organization: '云阳县城市管理局',
      year: 2023,
      date: '2024-01-12',
      sections: { measures: true, shortcomings: true, responsibility: true, plan: true, other: false },
      missingSections: [],
    });
    const text = await readFile(sample, 'utf8');
    const indicators = result?.indicators as Array<{ key: string; value: number; unit: string; approx: boolean; text: string; start: number }>;
    expect(indicators).toContainEqual(expect.objectContaining({ key: 'legal_reviews', value: 232, unit: '件', approx: false, text: '2023年我局法制机构共审核执法案件232件。' }));
    for (const mention of indicators) expect(text.slice(mention.start, mention.start + mention.text.length)).toBe(mention.text);
  });

  it('reads GB18030, .docx and .html, reports failed files and still outputs the others in argument order', async () => {
    const missing = file('missing.txt');
    const run = await fazhi(['analyze', file('gb18030.txt'), missing, file('report.docx'), file('empty.txt'), file('report.html'), '--json']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`找不到文件：${missing}`);
    expect(run.stderr).toContain(`文件为空：${file('empty.txt')}`);
    const results = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(results.map((r) => r.file)).toEqual([file('gb18030.txt'), missing, file('report.docx'), file('empty.txt'), file('report.html')]);
    expect(results[1]).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(results[3]).toMatchObject({ error: { code: 'VALIDATION' } });
    for (const index of [0, 2, 4]) {
      expect(results[index]).toMatchObject({
        title: '关于2023年法治政府建设情况的报告',
        organization: 'XX县城市管理局',
        year: 2023,
        date: '2024-01-12',
        missingSections: [],
        indicators: [
          expect.objectContaining({ key: 'law_study_sessions', value: 5 }),
          expect.objectContaining({ key: 'legal_reviews', value: 232 }),
        ],
      });
    }
  });

  it('prints a readable Chinese summary without --json', async () => {
    const run = await fazhi(['analyze', file('report.docx')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('报告单位：XX县城市管理局');
    expect(run.stdout).toContain('缺少：无');
    expect(run.stdout).toContain('重大执法决定法制审核件数（legal_reviews）：232 件');
  });
});

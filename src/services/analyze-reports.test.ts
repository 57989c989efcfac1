import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { overallScore, parseGold, scoreReport } from '../domain/analyzer/score.ts';
import { AppError } from '../domain/errors.ts';
import { analyzeReport, analyzeReports, detectFormat, extractReportText } from './analyze-reports.ts';
import { decodeText } from './decode-text.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const samplesDir = path.resolve(repoRoot, '..', 'shared', 'samples', 'reports');

const reportText = [
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
].join('\n');

/** A minimal .docx: one paragraph per line, as Word stores it; an array of rows is a table. */
async function buildDocx(lines: Array<string | string[][]>): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const table = (rows: string[][]) => `<w:tbl>${rows.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${paragraph(cell)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
  const paragraphs = lines.map((line) => (typeof line === 'string' ? paragraph(line) : table(line))).join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A minimal one-page PDF whose text layer holds `lines` (ASCII, Helvetica). */
function buildPdf(lines: string[]): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td 14 TL ${lines.map((line) => `(${line}) Tj T*`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${String(stream.length)} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${String(i + 1)} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${String(objects.length + 1)}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${String(objects.length + 1)} /Root 1 0 R >>\nstartxref\n${String(xref)}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

describe('decodeText', () => {
  it('reads UTF-8, UTF-8 with BOM and GB18030', () => {
    expect(decodeText(Buffer.from(reportText, 'utf8'))).toBe(reportText);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('报告', 'utf8')]))).toBe('报告');
    expect(decodeText(iconv.encode(reportText, 'gb18030'))).toBe(reportText);
    expect(decodeText(iconv.encode('关于2023年法治政府建设情况的报告', 'gbk'))).toBe('关于2023年法治政府建设情况的报告');
  });
});

describe('detectFormat', () => {
  it('goes by extension, then by content', () => {
    expect(detectFormat('a.DOCX', new Uint8Array())).toBe('docx');
    expect(detectFormat('a.htm', new Uint8Array())).toBe('html');
    expect(detectFormat('upload', Buffer.from('%PDF-1.4'))).toBe('pdf');
    expect(detectFormat('upload', Buffer.from('<!DOCTYPE html><html>'))).toBe('html');
    expect(detectFormat('old.doc', new Uint8Array())).toBe('doc');
    expect(detectFormat('a.txt', Buffer.from('报告'))).toBe('txt');
  });
});

describe('extractReportText', () => {
  it('reads a .docx paragraph by paragraph', async () => {
    const text = await extractReportText('report.docx', await buildDocx(reportText.split('\n')));
    expect(text).toContain('关于2023年法治政府建设情况的报告');
    expect(text).toContain('2023年我局组织专题学法5次，法制机构共审核执法案件232件。');
  });

  it('reads an HTML page in its declared GBK charset', async () => {
    const html = `<html><head><meta charset="gbk"><title>网站</title></head><body><p>${reportText.split('\n').join('</p><p>')}</p></body></html>`;
    const text = await extractReportText('report.html', iconv.encode(html, 'gbk'));
    expect(text.split('\n')[1]).toBe('关于2023年法治政府建设情况的报告');
    expect(text).not.toContain('网站');
  });

  it('reads the text layer of a PDF', async () => {
    const text = await extractReportText('report.pdf', buildPdf(['Annual report 2023', 'Second line']));
    expect(text).toContain('Annual report 2023');
  });

  it('fails with a Chinese message on empty, blank, damaged and .doc files', async () => {
    await expect(extractReportText('empty.txt', new Uint8Array())).rejects.toThrow('文件为空');
    await expect(extractReportText('blank.txt', Buffer.from(' \n\n '))).rejects.toThrow('未能从文件中读出文字');
    await expect(extractReportText('broken.docx', Buffer.from('PK\u0003\u0004 not really a zip'))).rejects.toThrow('无法读取 Word 文档');
    await expect(extractReportText('broken.pdf', Buffer.from('%PDF-1.4 garbage'))).rejects.toThrow('无法读取 PDF 文件');
    await expect(extractReportText('old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))).rejects.toThrow('另存为 .docx');
  });
});

describe('analyzeReport: figures stated in tables (issue 19 item 6)', () => {
  it('reads a Word table, which comes out one cell per line', async () => {
    const docx = await buildDocx(['关于2024年法治政府建设情况的报告', '一、主要举措和成效', [['指标', '数值'], ['行政处罚案件数（件）', '126'], ['罚没金额（万元）', '36.8']], '二、存在的不足']);
    const outcome = await analyzeReport('table.docx', docx);
    expect(outcome.ok && outcome.analysis.indicators.map((m) => `${m.key}=${String(m.value)}`)).toEqual(['penalty_cases=126', 'penalty_amount=368000']);
  });

  it('reads an HTML table by the column of the year reported on', async () => {
    const html = '<html><body><h1>关于2024年法治政府建设情况的报告</h1><table><tr><th>指标</th><th>2023年</th><th>2024年</th></tr><tr><td>行政处罚案件数（件）</td><td>100</td><td>128</td></tr><tr><td>罚没金额（万元）</td><td>30</td><td>36.8</td></tr></table></body></html>';
    const outcome = await analyzeReport('table.html', Buffer.from(html));
    expect(outcome.ok && outcome.analysis.indicators.map((m) => `${m.key}=${String(m.value)}`)).toEqual(['penalty_cases=128', 'penalty_amount=368000']);
  });
});

describe('analyzeReports', () => {
  it('analyzes each file on its own, in order, a failure not stopping the others', async () => {
    const outcomes = await analyzeReports([
      { fileName: 'a.txt', data: Buffer.from(reportText, 'utf8') },
      { fileName: 'empty.txt', data: new Uint8Array() },
      { fileName: 'c.txt', data: iconv.encode(reportText, 'gb18030') },
    ]);
    expect(outcomes.map((o) => [o.file, o.ok])).toEqual([['a.txt', true], ['empty.txt', false], ['c.txt', true]]);
    const [first, second, third] = outcomes;
    if (!first?.ok || second?.ok !== false || !third?.ok) throw new Error('unexpected outcomes');
    expect(second.error).toBeInstanceOf(AppError);
    expect(second.error.code).toBe('VALIDATION');
    // The GB18030 copy reads exactly like the UTF-8 one.
    expect({ ...third.analysis, file: 'a.txt' }).toEqual(first.analysis);
    expect(first.analysis).toMatchObject({
      organization: 'XX县城市管理局',
      year: 2023,
      date: '2024-01-12',
      missingSections: [],
      indicators: [
        { key: 'law_study_sessions', value: 5 },
        { key: 'legal_reviews', value: 232 },
      ],
    });
    for (const mention of first.analysis.indicators) {
      expect(first.text.slice(mention.start, mention.start + mention.text.length)).toBe(mention.text);
    }
  });
});

describe.skipIf(!existsSync(samplesDir))(`the sample reports in ${samplesDir}`, () => {
  it('score overall F1 ≥ 0.95 with every metadata field right', async () => {
    const goldDir = path.join(samplesDir, 'gold');
    const goldFiles = (await readdir(goldDir)).filter((name) => name.endsWith('.json'));
    expect(goldFiles.length).toBeGreaterThanOrEqual(3);
    const scores = [];
    for (const goldFile of goldFiles) {
      const gold = parseGold(JSON.parse(await readFile(path.join(goldDir, goldFile), 'utf8')));
      const outcome = await analyzeReport(gold.file, await readFile(path.join(samplesDir, gold.file)));
      if (!outcome.ok) throw outcome.error;
      const score = scoreReport(outcome.analysis, gold);
      expect({ file: gold.file, metadataOk: score.metadataOk, metadata: score.metadata }).toMatchObject({ file: gold.file, metadataOk: true });
      scores.push(score);
    }
    expect(overallScore(scores).f1).toBeGreaterThanOrEqual(0.95);
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliFolder, cliFolder } from './testing.ts';
import { sm3 } from '../domain/audit/digest.ts';
import { readPdf } from '../services/documents/pdf.ts';
import { missing } from '../services/testing/missing-tool.ts';

let folder: CliFolder;
let dataDir: string;

const fazhi = (...args: string[]) => folder.fazhi(...args);

beforeAll(async () => {
  folder = await cliFolder('docs-cli', 'demo');
  dataDir = folder.dir;
}, 180_000);
afterAll(() => folder.remove());

describe('fazhi docs', () => {
  it('types: lists every document type with its legal basis, and the whole case file', async () => {
    const { code, stdout } = await fazhi('docs', 'types');
    expect(code).toBe(0);
    expect(stdout).toContain('行政处罚决定书\tpenalty-decision\t《中华人民共和国行政处罚法》第五十九条');
    expect(stdout).toContain('催告书\tpayment-reminder');
    expect(stdout).toContain('案卷\tcase-file');
  });

  it('render: refuses an unknown case and a wrong output type with a Chinese message and exit status 1', async () => {
    const missing = await fazhi('docs', 'render', '--case', '5399022026J0000001X', '--type', '行政处罚决定书', '--out', path.join(dataDir, 'x.docx'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^错误：未找到/);
    const wrongType = await fazhi('docs', 'render', '--case', 'ANY', '--type', '行政处罚决定书', '--out', path.join(dataDir, 'x.txt'));
    expect(wrongType.code).toBe(1);
    expect(wrongType.stderr).toContain('扩展名应为 .docx 或 .pdf');
  }, 60_000);

  const archivedCode = async () => (JSON.parse((await fazhi('cases', 'list', '--json', '--state', 'archived')).stdout) as { code: string }[])[0]!.code;

  it('render: the 行政处罚决定书 of the archived demo case, with the agency profile of its bureau (.docx)', async () => {
    const code = await archivedCode();
    const out = path.join(dataDir, 'decision.docx');
    const docx = await fazhi('docs', 'render', '--case', code, '--type', '行政处罚决定书', '--out', out);
    expect(docx.code, docx.stderr).toBe(0);
    const bytes = await readFile(out);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(docx.stdout).toContain(`SM3 ${sm3(bytes)}`);
  }, 300_000);

  it.skipIf(missing('soffice'))('render: the same decision as PDF, with the agency profile of its bureau (LibreOffice)', async () => {
    const code = await archivedCode();
    const pdfOut = path.join(dataDir, 'decision.pdf');
    expect((await fazhi('docs', 'render', '--case', code, '--type', '行政处罚决定书', '--out', pdfOut)).code).toBe(0);
    const pdf = await readPdf(await readFile(pdfOut));
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    const text = pdf.pageTexts.join('').replace(/\s+/g, '');
    expect(text).toContain('云城市东湖区城市管理和综合行政执法局');
    expect(text).toContain('六十日内向云城市东湖区人民政府申请行政复议');
  }, 300_000);
});

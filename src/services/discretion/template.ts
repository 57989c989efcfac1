/**
 * The template an admin fills in to import a benchmark or an exemption list (issue 15, item 7): the columns the
 * table parser expects (domain/discretion/table.ts) and one example row — the first row of the bundled public
 * table, a real published entry, so the example shows how a source line, a 法定处罚幅度 and a 处罚标准 are written.
 * `#` lines explain the layout; the importer skips them. XLSX and CSV (UTF-8 with BOM, so Excel opens it as such).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { benchmarkColumns, bundledBenchmarksUrl, bundledExemptionsUrl, exemptionColumns, readCsvRecords, rowsToCsv } from '../../domain/discretion/index.ts';
import { benchmarkSheetName } from '../discretion-xlsx.ts';
import { parseInput } from '../parse-input.ts';
import { tableToXlsx } from './files.ts';
import { type VersionKind, versionKindKeys, versionKinds } from './store.ts';

export const templateQuery = z.object({
  kind: z.enum(versionKindKeys, { message: '类型应为 benchmark（裁量基准）或 exemption（免罚清单）' }).default('benchmark'),
  format: z.enum(['xlsx', 'csv'], { message: '格式应为 xlsx 或 csv' }).default('xlsx'),
});

const guidance: Record<VersionKind, string[]> = {
  benchmark: [
    '裁量基准导入模板：每行为一个违法行为的一个裁量阶次；同一违法行为的各阶次分行填写，序号、违法行为、罚则条款相同。',
    'source 列写文件名称及（文号，制定机关，YYYY-MM-DD印发，YYYY-MM-DD施行）；必填列：source、序号、违法行为、罚则条款、法定处罚幅度、裁量阶次、适用条件、处罚标准。',
    '以 # 开头的行不导入。下面的示例行取自公开的《深圳市城市管理行政处罚裁量权实施标准（2023年版）》，导入前请替换为本单位的条目。',
  ],
  exemption: [
    '免罚清单导入模板：每行为一个事项；必填列：source、序号、事项、免罚类型、适用条件。',
    '免罚类型如：轻微不罚、首违不罚、轻微免罚（首次）、不予处罚、以教代罚。以 # 开头的行不导入。',
    '下面的示例行取自公开的免罚清单，导入前请替换为本单位的条目。',
  ],
};

/** The template file of `kind` in `format`, with its download name. */
export async function benchmarkTemplate(raw: unknown): Promise<{ fileName: string; contentType: string; data: Buffer }> {
  const { kind, format } = parseInput(templateQuery, raw);
  const header = kind === 'benchmark' ? [...benchmarkColumns] : [...exemptionColumns];
  const bundled = (await readFile(kind === 'benchmark' ? bundledBenchmarksUrl : bundledExemptionsUrl)).toString('utf8');
  const { records } = readCsvRecords(bundled);
  const example = records[1]!.cells;
  const name = `${versionKinds[kind]}导入模板`;
  if (format === 'csv') {
    const text = `\uFEFF${rowsToCsv([header, example], guidance[kind])}`;
    return { fileName: `${name}.csv`, contentType: 'text/csv; charset=utf-8', data: Buffer.from(text, 'utf8') };
  }
  const data = await tableToXlsx({
    sheetName: kind === 'benchmark' ? benchmarkSheetName : versionKinds.exemption,
    commentLines: guidance[kind],
    header,
    rows: [{ sourceRow: 0, cells: example, rejection: null }],
    notes: guidance[kind],
  });
  return { fileName: `${name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data };
}

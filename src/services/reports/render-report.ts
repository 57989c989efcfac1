/**
 * The annual report as an official document (docs/REPORTS.md): “XX关于20XX年度法治政府建设情况的报告” laid out per
 * GB/T 9704-2012 by the document service (services/documents/docx.ts: title in 小标宋, 一、 headings in 黑体, （一） in
 * 楷体, body in 仿宋, “— N —” page numbers), the five parts, the unit and date as 署名 and 成文日期, and a note naming
 * the figures entered by hand (手工填报). A draft's title says （草稿）. A published report adds the appendix
 * 附件：审计校验 — the audit checkpoint it vouches for, its content digest, the SM2 signature — printed for people and
 * once more as one machine-readable line (`FAZHI-SEAL:<base64url JSON>:END`) that `fazhi report verify` reads back from
 * the PDF's text.
 */
import { canonicalJson, sm3 } from '../../domain/audit/digest.ts';
import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import type { Block, RenderedDocument } from '../../domain/documents/blocks.ts';
import { formatDate } from '../../domain/documents/format.ts';
import { indicatorName } from '../../domain/indicators/catalog.ts';
import type { IndicatorKey } from '../../domain/indicators/catalog.ts';
import type { ReportDraft } from '../../domain/reports/model.ts';
import type { SignedReportSeal } from '../../domain/reports/views.ts';
import { signedReportSeal } from '../../domain/reports/views.ts';
import { SM2_DEFAULT_ID } from './sm2.ts';

export const reportTitle = (unitName: string, year: number) => `${unitName}关于${String(year)}年度法治政府建设情况的报告`;

/** SM3 of what the report says: its unit, year and draft (paragraphs and figure fields) as published. */
export const reportContentDigest = (organizationId: number, draft: ReportDraft): string =>
  sm3(canonicalJson({ organizationId, unitName: draft.unitName, year: draft.year, draft }));

/** The keys whose figures in the text were entered by hand, in the order they appear. */
export function handEnteredKeys(draft: ReportDraft): IndicatorKey[] {
  const keys = new Set<IndicatorKey>();
  for (const part of draft.parts)
    for (const section of part.sections) for (const p of section.paragraphs) for (const s of p.segments) if (s.kind === 'figure' && s.source === 'hand-entered') keys.add(s.key);
  return [...keys];
}

const SEAL_START = 'FAZHI-SEAL:';
const SEAL_END = ':END';
export const sealLine = (seal: SignedReportSeal) => `${SEAL_START}${Buffer.from(JSON.stringify(seal), 'utf8').toString('base64url')}${SEAL_END}`;

/** The signed appendix read back from a PDF's text (line breaks and spaces inside the line removed); null when absent or unreadable. */
export function readSealLine(text: string): SignedReportSeal | null {
  // Line breaks, and a page number (“— 3 —”) should the line run over a page, are not part of it.
  const compact = text.replace(/\s+/g, '').replace(/—\d+—/g, '');
  const start = compact.indexOf(SEAL_START);
  if (start < 0) return null;
  const end = compact.indexOf(SEAL_END, start + SEAL_START.length);
  if (end < 0) return null;
  try {
    const parsed = signedReportSeal.safeParse(JSON.parse(Buffer.from(compact.slice(start + SEAL_START.length, end), 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function reportDocument(draft: ReportDraft, date: IsoDate, isDraft: boolean): RenderedDocument {
  const blocks: Block[] = [{ kind: 'title', text: `${reportTitle(draft.unitName, draft.year)}${isDraft ? '（草稿）' : ''}` }, { kind: 'space' }];
  for (const part of draft.parts) {
    blocks.push({ kind: 'heading', level: 1, text: part.heading });
    for (const section of part.sections) {
      if (section.heading) blocks.push({ kind: 'heading', level: 2, text: section.heading });
      for (const p of section.paragraphs) {
        const text = p.segments.map((s) => s.text).join('');
        for (const line of text.split('\n').map((l) => l.trim())) if (line) blocks.push({ kind: 'paragraph', text: line });
      }
    }
  }
  blocks.push({ kind: 'space' }, { kind: 'signature', lines: [draft.unitName, formatDate(date)] });
  const manual = handEnteredKeys(draft);
  if (manual.length) {
    blocks.push({ kind: 'space' }, { kind: 'paragraph', text: `（注：文中${manual.map((k) => `“${indicatorName(k)}”`).join('、')}为手工填报数据，其余数据由系统根据执法台账统计。）` });
  }
  return { template: 'annualReport', name: reportTitle(draft.unitName, draft.year), date, blocks, footer: { kind: 'dash' }, actCode: { code: '', qrText: '' } };
}

function appendixDocument(seal: SignedReportSeal, date: IsoDate): RenderedDocument {
  const blocks: Block[] = [
    { kind: 'paragraph', text: '附件', indent: false },
    { kind: 'title', text: '审计校验' },
    { kind: 'space' },
    {
      kind: 'paragraph',
      text: '本报告公开时，系统生成审计检查点，记载截至该时刻全部业务记录审计链的摘要。下列报告内容摘要和审计检查点摘要由本机关的SM2密钥签名；任何人可用门户公布的公钥验证签名，并在系统中核对该检查点及其记载的审计记录未被改写（fazhi report verify）。',
    },
    {
      kind: 'fields',
      rows: [
        { label: '报告单位', value: seal.unitName },
        { label: '报告年度', value: `${String(seal.year)}年度` },
        { label: '公开时间', value: seal.publishedAt },
        { label: '报告内容摘要（SM3）', value: seal.contentDigest },
        { label: '审计检查点', value: `第${String(seal.checkpoint.id)}号，${seal.checkpoint.at}` },
        { label: '检查点摘要（SM3）', value: seal.checkpoint.digest },
        { label: '签名算法', value: `SM2（GB/T 32918.2），杂凑算法SM3，用户标识${SM2_DEFAULT_ID}` },
        { label: '签名公钥', value: seal.publicKey },
        { label: '签名值', value: seal.signature },
      ],
    },
    { kind: 'space' },
    { kind: 'paragraph', text: '机读校验数据：', indent: false },
    { kind: 'table', widths: [1], size: 'compact', rows: [[{ text: sealLine(seal) }]] },
  ];
  return { template: 'annualReportSeal', name: '附件：审计校验', date, blocks, footer: { kind: 'dash' }, actCode: { code: '', qrText: '' } };
}

/** The report's .docx: a draft (title marked 草稿, dated `date`) or the published report with its signed appendix. */
export async function renderReportDocx(draft: ReportDraft, options: { date: IsoDate; seal?: SignedReportSeal }): Promise<Buffer> {
  const documents = [reportDocument(draft, options.date, !options.seal)];
  if (options.seal) documents.push(appendixDocument(options.seal, options.date));
  // The docx library is loaded with the first report file, not when the server starts.
  const { renderDocx } = await import('../documents/docx.ts');
  return renderDocx(documents, { title: reportTitle(draft.unitName, draft.year), creator: draft.unitName, ...(options.seal ? { description: sealLine(options.seal) } : { description: '草稿' }) });
}

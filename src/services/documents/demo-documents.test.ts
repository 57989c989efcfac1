/**
 * Acceptance of issue 5 on the demo data: every template of the catalog renders for a demo case, filled from what
 * the case records and the agency profile of its organization — as .docx always, and where LibreOffice is installed
 * (as in CI) as PDF, whose text and page count are checked; the archived case binds into one case file.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../domain/access.ts';
import { documentText } from '../../domain/documents/blocks.ts';
import { documentTemplates } from '../../domain/documents/catalog.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { cases } from '../../db/schema.ts';
import type { ServiceContext } from '../context.ts';
import { demoDatabase } from '../../demo/testing.ts';
import { readPdf } from './pdf.ts';
import { missing } from '../testing/missing-tool.ts';
import { renderDocumentForCase } from './render-for-case.ts';

const ARCHIVED = '涉嫌未取得建设工程规划许可证擅自建设案';

/** Which demo case each template is shown with (src/demo/cases.ts). */
const demoCaseOf: Record<string, string> = {
  案卷封面: ARCHIVED,
  卷内目录: ARCHIVED,
  行政处罚决定书: ARCHIVED,
  不予行政处罚决定书: '涉嫌店外摆卖案',
  当场行政处罚决定书: '乱扔烟头',
  立案审批表: ARCHIVED,
  '现场检查（勘验）笔录': ARCHIVED,
  询问笔录: ARCHIVED,
  '责令（限期）改正通知书': ARCHIVED,
  案件调查终结报告: ARCHIVED,
  法制审核意见书: ARCHIVED,
  重大案件集体讨论笔录: ARCHIVED,
  // The archived case was offered a hearing: its one notice (one 文号) is the 听证告知书.
  行政处罚事先告知书: '涉嫌运输建筑垃圾沿途遗撒案',
  行政处罚听证告知书: ARCHIVED,
  行政处罚听证通知书: ARCHIVED,
  行政处罚听证笔录: ARCHIVED,
  送达回证: ARCHIVED,
  催告书: '涉嫌运输建筑垃圾沿途遗撒案',
  案件移送函: '涉嫌擅自建设及阻碍执法案',
  行政处罚案件结案报告: ARCHIVED,
  不予立案审批表: '反映占道经营线索',
  不予立案告知书: '反映占道经营线索',
  撤销立案审批表: '涉嫌擅自建设围墙案',
  中止调查审批表: '涉嫌擅自设置户外广告案',
  终止调查审批表: '涉嫌运输建筑垃圾遗撒案',
  先行登记保存证据通知书: '涉嫌在不具备安全条件的场所使用储存燃气案',
  陈述申辩笔录: '涉嫌在禁止区域露天烧烤案',
  陈述申辩复核意见书: '涉嫌在禁止区域露天烧烤案',
  行政处罚决定审批表: ARCHIVED,
  恢复调查审批表: '涉嫌餐饮服务未安装油烟净化设施排放油烟案',
  先行登记保存物品处理决定书: '涉嫌在滨湖夜市禁止区域露天烧烤案',
  '延期（分期）缴纳罚款审批表': '涉嫌餐饮油烟未经净化排放案',
  '延期（分期）缴纳罚款决定书': '涉嫌餐饮油烟未经净化排放案',
  强制执行申请书: '涉嫌擅自在建筑物外墙设置广告牌案',
};
/** The cover and the contents print the bound volume's page numbers: they are made with the case file. */
const VOLUME_ONLY = ['案卷封面', '卷内目录'];
/** What each document must say that only the case record or the agency profile knows. */
const printed: Record<string, string[]> = {
  立案审批表: ['承办机构意见', '同意立案，由王磊、赵刚承办。', '签名：李卫东', '云东城管立字〔2026〕'],
  '现场检查（勘验）笔录': ['2026年3月3日9时30分至10时20分', '赵志强（当事人）', '长约12米、宽约6米'],
  询问笔录: ['问：建设前是否办理了建设工程规划许可证？', '答：没有办', '被询问人', '赵志强'],
  '责令（限期）改正通知书': ['云东城管责改字〔2026〕1号', '于2026年3月20日前', '《中华人民共和国城乡规划法》第六十四条'],
  案件调查终结报告: ['五、裁量理由', '按建设工程造价百分之五的下限处以罚款'],
  法制审核意见书: ['执法主体：合格。以云城市东湖区城市管理和综合行政执法局名义作出', '同意处罚意见', '审核人员：林晓'],
  重大案件集体讨论笔录: ['主持人', '陈建国', '陈建国、王秀梅、张立新', '列席人员', '记录人', '张敏', '李卫东：违法事实清楚'],
  行政处罚听证通知书: ['2026年4月30日9时30分', '听证员：李卫东', '记录员：孙丽'],
  行政处罚听证笔录: ['孙明（云城市湖滨律师事务所律师）', '当事人最后陈述：我认识到了错误'],
  行政处罚决定书: ['六十日内向云城市东湖区人民政府申请行政复议', '云城市东湖区人民法院', '缴款银行：中国工商银行云城市东湖支行', '联系人：王磊'],
  不予行政处罚决定书: ['当事人系初次违法', '本机关已对你进行教育'],
  当场行政处罚决定书: ['云城市东湖区人民政府南湖街道办事处', '南湖综执简罚字〔2026〕1号'],
  送达回证: ['直接送达', '送达人签名'],
  催告书: ['云东城管催告字〔2026〕2号', '加处罚款', '十日内'],
  案件移送函: ['云城市公安局东湖分局：', '执法记录仪视频光盘（1张）', '云东城管移送字〔2026〕1号'],
  行政处罚案件结案报告: ['审核人：林晓', '负责人：陈建国', '已自行拆除违法搭建的钢结构房屋'],
  不予立案审批表: ['该摊点位于经批准设置的临时疏导点内', '同意不予立案。', '签名：陈建国'],
  不予立案告知书: ['第五十四条第二款', '决定不予立案'],
  撤销立案审批表: ['当事人提交了建设工程规划许可证', '同意撤销立案。', '围墙系依法建设，建议撤销立案。\n签名：赵刚', '签名：李卫东'],
  中止调查审批表: ['当事人下落不明，无法调查取证，中止调查。', '建议中止调查。\n签名：王磊　　2026年9月30日'],
  终止调查审批表: ['当事人已依法注销，无权利义务承受人，终止调查。'],
  先行登记保存证据通知书: ['液化石油气钢瓶6只（15kg规格）', '第五十六条'],
  陈述申辩笔录: ['初次经营，请求从轻。'],
  陈述申辩复核意见书: ['已按裁量基准较轻情形拟罚。'],
  行政处罚决定审批表: ['负责人审批意见', '签名：陈建国'],
  恢复调查审批表: ['当事人因病住院治疗，无法接受调查询问，中止调查。', '当事人已出院，中止调查的情形消失，恢复调查。', '签名：陈建国'],
  先行登记保存物品处理决定书: ['木炭烧烤炉1台，木炭2袋，烧烤签子约200支', '解除先行登记保存，退还当事人', '南湖综执'],
  '延期（分期）缴纳罚款审批表': ['当事人门店停业装修油烟净化设施，确有经济困难', '签名：杨帆'],
  '延期（分期）缴纳罚款决定书': ['2026年6月15日', '云西城管'],
  强制执行申请书: ['云城市鑫源商贸有限公司', '云城市东湖区人民法院', '第五十三条', '催告书'],
};

let handle: DatabaseHandle;
let ctx: ServiceContext;
const codeOf = new Map<string, string>();

beforeAll(async () => {
  // The demo bureau, seeded once per test run (a copy of its own).
  const { handle: demo, files } = await demoDatabase();
  handle = demo;
  ctx = { db: handle.db, clock: () => new Date('2026-11-13T04:00:00Z'), files };
  for (const row of await ctx.db.select({ title: cases.title, code: cases.actCode }).from(cases)) if (!codeOf.has(row.title)) codeOf.set(row.title, row.code);
}, 300_000);
afterAll(() => handle.close());

const render = (name: string, pdf = false) => renderDocumentForCase(ctx, systemActor, { code: codeOf.get(demoCaseOf[name] ?? '') ?? '', type: name, pdf });

async function docxText(docx: Buffer): Promise<string> {
  const xml = (await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('every enforcement document renders for a demo case', () => {
  it('names a demo case for every template of the catalog', () => {
    expect(Object.keys(demoCaseOf).sort()).toEqual(documentTemplates.map((t) => t.name).sort());
    for (const title of new Set(Object.values(demoCaseOf))) expect(codeOf.has(title), title).toBe(true);
  });

  it.each(documentTemplates.map((t) => t.name).filter((name) => !VOLUME_ONLY.includes(name)))('%s: .docx filled from the case and the agency profile', async (name) => {
    const result = await render(name);
    if (result.kind !== 'document') throw new Error('expected one document');
    expect(result.file.docx.subarray(0, 2).toString()).toBe('PK');
    const text = documentText(result.file.content);
    expect(text).toContain(result.file.content.name);
    for (const expected of printed[name] ?? []) expect(text, `${name} should print ${expected}`).toContain(expected);
    expect(await docxText(result.file.docx)).toContain(result.file.content.name);
  });

  it.skipIf(missing('soffice'))('the decisions, the reminder and the transfer letter as PDF: text and page count (LibreOffice)', async () => {
    for (const name of ['不予行政处罚决定书', '当场行政处罚决定书', '催告书', '案件移送函']) {
      const { file } = await render(name, true);
      if (!('pdf' in file) || !file.pdf) throw new Error(`${name}: no PDF`);
      const pdf = await readPdf(file.pdf);
      expect(pdf.pages, name).toBeGreaterThanOrEqual(1);
      expect(pdf.pageTexts.join('').replace(/\s+/g, ''), name).toContain(name);
    }
  }, 300_000);

  it.skipIf(missing('soffice', 'pdfunite'))('the archived case binds into one case file: cover, 卷内目录 and every document in order (LibreOffice)', async () => {
    const result = await renderDocumentForCase(ctx, systemActor, { code: codeOf.get(ARCHIVED) ?? '', type: '案卷' });
    if (result.kind !== 'caseFile' || !result.file.pdf || !result.file.entries) throw new Error('expected a bound case file');
    const names = result.file.entries.map((e) => e.name);
    expect(names.slice(0, 1)).toEqual(['行政处罚决定书']);
    for (const name of Object.keys(demoCaseOf).filter((n) => demoCaseOf[n] === ARCHIVED && !VOLUME_ONLY.includes(n))) expect(names).toContain(name);
    const pdf = await readPdf(result.file.pdf);
    expect(pdf.pages).toBeGreaterThan(result.file.totalPages ?? 0);
    const text = pdf.pageTexts.join('').replace(/\s+/g, '');
    expect(text).toContain('行政处罚案卷');
    expect(text).toContain('保管期限30年');
    expect(text).toContain('卷内目录');
    // The cover and the 卷内目录 are made once the volume is paged: they print its page numbers.
    expect(result.file.cover?.content.name).toBe('案卷封面');
    expect(documentText(result.file.index!.content)).toContain(`1 | 行政处罚决定书 | ${result.file.entries[0]!.number ?? ''}`);
  }, 600_000);
});

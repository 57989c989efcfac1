/**
 * The one place that names a law and its provisions, so a citation is written the same way everywhere:
 * `art('行政处罚法', 36)` → 《行政处罚法》第三十六条; `art('行政处罚法', 64, item(4))` → 《行政处罚法》第六十四条第（四）项;
 * `art('行政处罚法', 57, para(2))` → 《行政处罚法》第五十七条第二款. Formal documents (执法文书) and a few rule messages cite a
 * law by its full title: `artFull('行政强制法', 53)` → 《中华人民共和国行政强制法》第五十三条. Titles follow the law library
 * (../shared/data/laws/README.md); 民事诉讼法 is cited but not in the library.
 */
import { formatChineseInteger } from '../chinese-numerals.ts';

export const lawNames = [
  '行政处罚法',
  '行政强制法',
  '行政许可法',
  '行政复议法',
  '行政诉讼法',
  '民法典',
  '民事诉讼法',
  '信访工作条例',
  '重大行政决策程序暂行条例',
  '优化营商环境条例',
  '政府信息公开条例',
  '城市道路管理条例',
  '城市市容和环境卫生管理条例',
  '法规规章备案审查条例',
] as const;
export type LawName = (typeof lawNames)[number];

/** Laws (法律) carry the 中华人民共和国 prefix in their full title; regulations (条例) do not. */
const isNationalLaw = (law: LawName) => law.endsWith('法') || law === '民法典';

/** 《行政处罚法》 (short title). */
export const lawTitle = (law: LawName): string => `《${law}》`;
/** 《中华人民共和国行政处罚法》 (full title, for formal documents). */
export const lawFullTitle = (law: LawName): string => `《${isNationalLaw(law) ? '中华人民共和国' : ''}${law}》`;

/** 第三十六条 — an article of the law just named (“…第六十四条第（二）项、第八十五条”). */
export const articleLabel = (n: number): string => `第${formatChineseInteger(n)}条`;
/** 第二款 — a paragraph of an article. */
export const para = (n: number): string => `第${formatChineseInteger(n)}款`;
/** 第（一）项 — an item of an article or paragraph. */
export const item = (n: number): string => `第（${formatChineseInteger(n)}）项`;

/** 《行政处罚法》第三十六条, followed by any paragraph / item parts (`para(2)`, `item(1)`). */
export function art(law: LawName, n: number, ...parts: string[]): string {
  return `${lawTitle(law)}${articleLabel(n)}${parts.join('')}`;
}

/** 《中华人民共和国行政强制法》第五十三条 — the same with the full title. */
export function artFull(law: LawName, n: number, ...parts: string[]): string {
  return `${lawFullTitle(law)}${articleLabel(n)}${parts.join('')}`;
}

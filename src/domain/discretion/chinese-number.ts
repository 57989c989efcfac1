/**
 * Numbers as Chinese benchmarks write them: 二千, 三万五千, 一百万, 两万, 一点五, and Arabic forms such as 2万 or
 * 1500. Amounts in the benchmark tables mix both styles, sometimes within one source.
 */
import { chineseDigit, parseChineseInteger } from '../chinese-numerals.ts';

/** A regular-expression fragment matching one number in either style (use inside a capture group). */
export const numberPattern = String.raw`(?:\d+(?:\.\d+)?万?|[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?)`;

/** Parses one number; `undefined` when the text is not a number in either style. */
export function parseChineseNumber(raw: string): number | undefined {
  const text = raw.trim();
  const arabic = /^(\d+(?:\.\d+)?)(万|千)?$/.exec(text);
  if (arabic) {
    const value = Number(arabic[1]);
    const unit = arabic[2] === '万' ? 10_000 : arabic[2] === '千' ? 1000 : 1;
    return value * unit;
  }
  const [integerPart = '', fractionPart, ...rest] = text.split('点');
  if (rest.length > 0) return undefined;
  const integer = parseChineseInteger(integerPart);
  if (integer === null) return undefined;
  if (fractionPart === undefined) return integer;
  let fraction = '';
  for (const ch of fractionPart) {
    const d = chineseDigit(ch);
    if (d === undefined) return undefined;
    fraction += String(d);
  }
  return fraction === '' ? undefined : Number(`${integer}.${fraction}`);
}

/** Formats an amount of yuan the way the explanations print it (no grouping, at most two decimals). */
export function formatYuan(amount: number): string {
  return `${Number.isInteger(amount) ? amount.toString() : amount.toFixed(2).replace(/0+$/, '').replace(/\.$/, '')}元`;
}

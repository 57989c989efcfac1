/**
 * Numbers as Chinese benchmarks write them: 二千, 三万五千, 一百万, 两万, 一点五, and Arabic forms such as 2万 or
 * 1500. Amounts in the benchmark tables mix both styles, sometimes within one source.
 */

const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const smallUnits: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const bigUnits: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** A regular-expression fragment matching one number in either style (use inside a capture group). */
export const numberPattern = String.raw`(?:\d+(?:\.\d+)?万?|[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?)`;

function parseChineseInteger(text: string): number | undefined {
  if (text === '') return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    const d = digits[ch];
    if (d !== undefined) {
      // Two digits in a row (e.g. 二零) only occur in year-like forms, which amounts never use.
      if (digit !== undefined && digit !== 0 && d !== 0) return undefined;
      digit = d;
      continue;
    }
    const small = smallUnits[ch];
    if (small !== undefined) {
      section += (digit ?? 1) * small;
      digit = undefined;
      continue;
    }
    const big = bigUnits[ch];
    if (big !== undefined) {
      section += digit ?? 0;
      total += (section === 0 ? 1 : section) * big;
      section = 0;
      digit = undefined;
      continue;
    }
    return undefined;
  }
  return total + section + (digit ?? 0);
}

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
  if (integer === undefined) return undefined;
  if (fractionPart === undefined) return integer;
  let fraction = '';
  for (const ch of fractionPart) {
    const d = digits[ch];
    if (d === undefined) return undefined;
    fraction += String(d);
  }
  return fraction === '' ? undefined : Number(`${integer}.${fraction}`);
}

/** Formats an amount of yuan the way the explanations print it (no grouping, at most two decimals). */
export function formatYuan(amount: number): string {
  return `${Number.isInteger(amount) ? amount.toString() : amount.toFixed(2).replace(/0+$/, '').replace(/\.$/, '')}元`;
}

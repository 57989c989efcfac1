/**
 * Chinese numerals, one parser for every part of the domain (benchmark amounts, report figures, dates):
 * positional (一百二十二 → 122, 十二 → 12, 三万五千 → 35000, 一万亿 → 10¹²) and, where years are written so,
 * digit by digit (二〇二四 → 2024).
 */

const DIGIT_VALUES: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** The value of one Chinese digit character (零〇○一二两三…九), or undefined. */
export const chineseDigit = (c: string): number | undefined => DIGIT_VALUES[c];

/**
 * Parses a whole Chinese integer numeral; null when `s` is not one. Without any positional character (十百千万亿)
 * the text is read digit by digit when `digitByDigit` is set (years: 二〇二四), otherwise only a single digit is
 * a number. Two non-zero digits in a row inside a positional numeral (二三百, "two or three hundred") are an
 * estimate, not a number: null.
 */
export function parseChineseInteger(s: string, options: { digitByDigit?: boolean } = {}): number | null {
  const chars = [...s];
  if (chars.length === 0) return null;
  const positional = chars.some((c) => c in SMALL_UNITS || c in BIG_UNITS);
  if (!positional) {
    if (chars.length > 1 && !options.digitByDigit) return null;
    let value = 0;
    for (const c of chars) {
      const digit = DIGIT_VALUES[c];
      if (digit === undefined) return null;
      value = value * 10 + digit;
    }
    return value;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of chars) {
    const d = DIGIT_VALUES[c];
    if (d !== undefined) {
      if (digit !== null && digit !== 0 && d !== 0) return null;
      digit = d;
      continue;
    }
    const small = SMALL_UNITS[c];
    if (small !== undefined) {
      // 十二 means 12: a leading 十 has an implied 一.
      section += (digit ?? 1) * small;
      digit = null;
      continue;
    }
    const big = BIG_UNITS[c];
    if (big === undefined) return null;
    const group = section + (digit ?? 0);
    // 亿 multiplies everything before it (一万亿 = 10¹²); 万 only its own group (三亿五千万 = 3.5 × 10⁸).
    if (big === 1e8) total = (total + (group === 0 && total === 0 ? 1 : group)) * big;
    else total += (group === 0 ? 1 : group) * big;
    section = 0;
    digit = null;
  }
  return total + section + (digit ?? 0);
}

const DIGIT_CHARS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/**
 * Writes a whole number from 0 to 9999 the way statutes number their articles and items: 十一 (not 一十一), 一百一十,
 * 一百零一, 一千零二十. The inverse of `parseChineseInteger` on that range.
 */
export function formatChineseInteger(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`formatChineseInteger: ${String(n)} is outside 0–9999`);
  if (n === 0) return '零';
  const units = ['千', '百', '十', ''] as const;
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = units[i] ?? '';
    if (d === 0) {
      if (out) pendingZero = true;
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    // 十二, not 一十二 — only when the number starts with its tens.
    out += (d === 1 && unit === '十' && !out ? '' : (DIGIT_CHARS[d] ?? '')) + unit;
  });
  return out;
}

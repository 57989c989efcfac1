/**
 * 行政行为码 (act codes) and 文号 (document numbers).
 *
 * Act code layout (18 characters, printed as text and QR on every document):
 *   6 digits  行政区划代码 of the deciding organization (000000 when it has none)
 *   4 digits  year the case was registered
 *   1 letter  procedure: P = 普通程序, J = 简易程序
 *   6 digits  sequence per organization and year (gapless counter)
 *   1 char    check character, ISO 7064 MOD 37,36 hybrid system over the first 17 characters (0–9, A–Z)
 * e.g. 5399022026P000015 + check. The hybrid system detects every single-character error and every
 * transposition of adjacent characters, like the check digit of GB 32100 codes.
 */
import { validationError } from '../errors.ts';
import type { DecisionKind, Procedure } from './model.ts';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ISO 7064 MOD 37,36 check character for `body` (digits and upper-case letters). */
export function mod3736CheckChar(body: string): string {
  let p = 36;
  for (const ch of body) {
    const value = ALPHABET.indexOf(ch);
    if (value < 0) throw validationError(`行政行为码含非法字符：${ch}`);
    let s = (p + value) % 36;
    if (s === 0) s = 36;
    p = (s * 2) % 37;
  }
  return ALPHABET[(37 - p) % 36]!;
}

export function buildActCode(input: { divisionCode: string | null; year: number; procedure: Procedure; seq: number }): string {
  const division = (input.divisionCode ?? '').slice(0, 6).padEnd(6, '0');
  if (!/^\d{6}$/.test(division)) throw validationError('行政区划代码应为数字');
  if (!Number.isInteger(input.seq) || input.seq < 1 || input.seq > 999_999) throw validationError('行政行为码序号超出范围');
  const body = `${division}${input.year}${input.procedure === 'ordinary' ? 'P' : 'J'}${String(input.seq).padStart(6, '0')}`;
  return `${body}${mod3736CheckChar(body)}`;
}

/** Normalizes user input (spaces, lower case) and checks shape and check character. */
export function parseActCode(input: string): { ok: true; code: string } | { ok: false; reason: string } {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (!/^\d{10}[PJ]\d{6}[0-9A-Z]$/.test(code)) return { ok: false, reason: '行政行为码应为 18 位（6 位区划代码、4 位年份、1 位程序字母、6 位序号、1 位校验码）' };
  if (mod3736CheckChar(code.slice(0, 17)) !== code[17]) return { ok: false, reason: '行政行为码校验码不正确，请核对是否录入有误' };
  return { ok: true, code };
}

/**
 * Whether the public act-code lookup answers for a case: only once a decision the party is served with has been
 * issued — 行政处罚决定书 or 不予行政处罚决定书, by the ordinary procedure or on the spot (《行政处罚法》第五十一条、
 * 第五十七条、第五十九条) — whether still in force, revoked or changed (the lookup says which). A case before its
 * decision, one withdrawn, terminated, transferred to another authority or to the judicial organs (the 移送函 goes to
 * the receiving organ, not the party; an undecided suspicion is not published) is not answered.
 */
export function publiclyVerifiable(decision: { kind: DecisionKind } | null | undefined): boolean {
  return decision?.kind === 'penalty' || decision?.kind === 'noPenalty';
}

/** Chinese numerals are not used in 文号: 〔2024〕第15号 keeps Arabic digits (GB/T 9704-2012 7.2.4). */
export function formatDocumentNumber(pattern: string, values: { prefix: string; year: number; seq: number }): string {
  return pattern.replaceAll('{prefix}', values.prefix).replaceAll('{year}', String(values.year)).replaceAll('{seq}', String(values.seq));
}

/**
 * 公民身份号码 per GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit sequence (odd = male),
 * and a MOD 11-2 check character (ISO 7064). 15-digit numbers issued before 1999 are accepted and upgraded.
 */
import { isoDateFromParts, type IsoDate } from '../calendar/iso-date.ts';

export type Sex = 'male' | 'female';

/** Stable codes for what is wrong, for callers that branch; `reason` is the text for people. */
export type IdNumberDefect = 'empty' | 'length' | 'characters' | 'region' | 'birthDate' | 'checkDigit';

export type IdNumberResult =
  | {
      ok: true;
      /** The 18-character number, upper-case X, upgraded from 15 digits when needed. */
      value: string;
      birthDate: IsoDate;
      sex: Sex;
      /** The input was a legacy 15-digit number. */
      upgradedFrom15: boolean;
    }
  | { ok: false; defect: IdNumberDefect; reason: string };

/** Weights 2^(17-i) mod 11 for positions 1–17 (GB 11643-1999 §7). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character for (Σ weight × digit) mod 11 = 0…10. */
const CHECK_CHARS = '10X98765432';

/** Province-level codes (GB/T 2260) that open an address code: mainland provinces, 71 台湾, 81 香港, 82 澳门. */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

/**
 * The 2023 外国人永久居留身份证 number follows GB 11643 (same birth date, sequence and check positions) but opens
 * with 9 and the issuing province's code, so it must not be rejected as an unknown region.
 */
function plausibleRegion(number: string): boolean {
  return number.startsWith('9') ? PROVINCE_CODES.has(number.slice(1, 3)) : PROVINCE_CODES.has(number.slice(0, 2));
}

/** The check character for the first 17 digits of an 18-digit number. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('需要17位数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

const fail = (defect: IdNumberDefect, reason: string): IdNumberResult => ({ ok: false, defect, reason });

/**
 * Validates a 公民身份号码. `today` (China date, passed in because the domain has no clock) bounds the birth date.
 * Surrounding whitespace is ignored and a lower-case x is accepted; the returned `value` is normalised.
 */
export function validateIdNumber(input: string, today: IsoDate): IdNumberResult {
  const raw = input.trim().toUpperCase();
  if (raw === '') return fail('empty', '身份证号不能为空');
  if (raw.length !== 18 && raw.length !== 15) {
    return fail('length', `身份证号应为18位（旧版为15位），实际为${raw.length}位`);
  }
  const legacy = raw.length === 15;
  if (legacy ? !/^\d{15}$/.test(raw) : !/^\d{17}[\dX]$/.test(raw)) {
    return fail('characters', legacy ? '15位身份证号只能由数字组成' : '身份证号前17位应为数字，第18位应为数字或X');
  }
  if (!plausibleRegion(raw)) {
    return fail('region', `身份证号开头的地址码“${raw.slice(0, 6)}”不是有效的行政区划代码`);
  }

  // A 15-digit number has a 2-digit year of the 1900s and no check character (GB 11643-1989).
  const first17 = legacy ? `${raw.slice(0, 6)}19${raw.slice(6, 15)}` : raw.slice(0, 17);
  const year = Number(first17.slice(6, 10));
  const birthDate = isoDateFromParts(year, Number(first17.slice(10, 12)), Number(first17.slice(12, 14)));
  const printed = `${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)}`;
  if (!birthDate) return fail('birthDate', `身份证号中的出生日期 ${printed} 不是有效日期`);
  if (year < 1900) return fail('birthDate', `身份证号中的出生日期 ${printed} 早于1900年`);
  if (birthDate > today) return fail('birthDate', `身份证号中的出生日期 ${printed} 晚于今天`);

  const check = idNumberCheckChar(first17);
  if (!legacy && raw[17] !== check) {
    return fail('checkDigit', '身份证号校验码（第18位）不正确，请核对是否录入有误');
  }

  return {
    ok: true,
    value: first17 + check,
    birthDate,
    sex: Number(first17[16]) % 2 === 1 ? 'male' : 'female',
    upgradedFrom15: legacy,
  };
}

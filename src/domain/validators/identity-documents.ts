/**
 * Identity documents a natural person may be identified by besides the 居民身份证 (issue 15, item 6): 港澳台居民居住证,
 * 港澳居民来往内地通行证, 台湾居民来往大陆通行证, 外国人永久居留身份证 and a passport — each checked by its own format.
 * Only what the number itself proves is checked; the number is what the case and the 一事不再罚 check
 * (《行政处罚法》第二十九条) identify the person by.
 */
import { isoDateFromParts, type IsoDate } from '../calendar/iso-date.ts';
import { idNumberCheckChar, validateIdNumber } from './id-number.ts';

export const identityDocumentTypes = {
  residentId: '居民身份证',
  residencePermit: '港澳台居民居住证',
  hkMacaoPermit: '港澳居民来往内地通行证',
  taiwanPermit: '台湾居民来往大陆通行证',
  foreignPermanentResidence: '外国人永久居留身份证',
  passport: '护照',
} as const;
export type IdentityDocumentType = keyof typeof identityDocumentTypes;
export const identityDocumentTypeKeys = Object.keys(identityDocumentTypes) as [IdentityDocumentType, ...IdentityDocumentType[]];

export type IdentityDocumentResult = { ok: true; value: string; birthDate: IsoDate | null } | { ok: false; reason: string };

const fail = (reason: string): IdentityDocumentResult => ({ ok: false, reason });

/** An 18-character number laid out as GB 11643 (birth date at 7–14, MOD 11-2 check character). */
function gb11643Like(raw: string, label: string, today: IsoDate): IdentityDocumentResult {
  const result = validateIdNumber(raw, today);
  if (!result.ok) return fail(result.reason.replaceAll('身份证号', `${label}号码`));
  return { ok: true, value: result.value, birthDate: result.birthDate };
}

/**
 * Checks `input` as a number of a document of `type`. `today` (China date) bounds a birth date the number carries.
 * Surrounding spaces are ignored and letters are taken in upper case; the returned `value` is normalised.
 */
export function validateIdentityDocument(type: IdentityDocumentType, input: string, today: IsoDate): IdentityDocumentResult {
  const raw = input.replace(/\s+/g, '').toUpperCase();
  const label = identityDocumentTypes[type];
  if (raw === '') return fail(`${label}号码不能为空`);
  switch (type) {
    case 'residentId': {
      if (/^8[123]0000/.test(raw)) return fail('以 810000、820000、830000 开头的是港澳台居民居住证号码，请选择证件类型“港澳台居民居住证”');
      if (raw.startsWith('9') && raw.length === 18) return fail('以 9 开头的18位号码是外国人永久居留身份证号码，请选择证件类型“外国人永久居留身份证”');
      return gb11643Like(raw, '身份证', today);
    }
    case 'residencePermit': {
      // 《港澳台居民居住证申领发放办法》: the number follows GB 11643, with 810000 (香港), 820000 (澳门) or 830000 (台湾) as
      // its address code. 830000 is no province code, so the checks are done here rather than by validateIdNumber.
      if (!/^8[123]0000\d{11}[\dX]$/.test(raw)) return fail('港澳台居民居住证号码应为18位，以 810000（香港）、820000（澳门）或 830000（台湾）开头');
      const birth = isoDateFromParts(Number(raw.slice(6, 10)), Number(raw.slice(10, 12)), Number(raw.slice(12, 14)));
      if (!birth) return fail(`港澳台居民居住证号码中的出生日期 ${raw.slice(6, 14)} 不是有效日期`);
      if (birth > today) return fail(`港澳台居民居住证号码中的出生日期 ${birth} 晚于今天`);
      if (raw[17] !== idNumberCheckChar(raw.slice(0, 17))) return fail('港澳台居民居住证号码校验码（第18位）不正确，请核对是否录入有误');
      return { ok: true, value: raw, birthDate: birth };
    }
    case 'hkMacaoPermit':
      // 回乡证: H (香港) or M (澳门) and eight digits; the card prints two more digits (times issued) after them.
      if (!/^[HM]\d{8}(\d{2})?$/.test(raw)) return fail('港澳居民来往内地通行证号码应为 H（香港居民）或 M（澳门居民）加8位数字');
      return { ok: true, value: raw.slice(0, 9), birthDate: null };
    case 'taiwanPermit':
      // 台胞证 (卡式, since 2015): eight digits.
      if (!/^\d{8}$/.test(raw)) return fail('台湾居民来往大陆通行证号码应为8位数字');
      return { ok: true, value: raw, birthDate: null };
    case 'foreignPermanentResidence':
      // 2023 version: 18 characters laid out as GB 11643, opening with 9; 2017 version: three letters (nationality) and 12 digits.
      if (/^[A-Z]{3}\d{12}$/.test(raw)) return { ok: true, value: raw, birthDate: null };
      if (!/^9\d{16}[\dX]$/.test(raw)) return fail('外国人永久居留身份证号码应为以 9 开头的18位（2023年版），或3位国籍字母加12位数字（2017年版）');
      return gb11643Like(raw, '外国人永久居留身份证', today);
    case 'passport':
      // Passports of every country: letters and digits only; the nationality is recorded with it.
      if (!/^[A-Z0-9]{5,17}$/.test(raw)) return fail('护照号码应为5至17位字母或数字');
      return { ok: true, value: raw, birthDate: null };
  }
}

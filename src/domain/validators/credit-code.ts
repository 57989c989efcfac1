/**
 * 统一社会信用代码 per GB 32100-2015: registration-authority code (1), institution-type code (1),
 * administrative division code (6, GB/T 2260), subject identifier = organization code (9, GB 11714),
 * and a MOD 31 check character.
 */

export type CreditCodeDefect = 'empty' | 'length' | 'characters' | 'authority' | 'institutionType' | 'division' | 'checkChar';

export type CreditCodeResult =
  | {
      ok: true;
      /** The 18-character code, upper case. */
      value: string;
      /** e.g. '工商' */
      authority: string;
      /** e.g. '企业' */
      institutionType: string;
      /** 6-digit administrative division code of the registering authority. */
      divisionCode: string;
      /** Characters 9–17: the organization code (GB 11714) including its own check character. */
      organizationCode: string;
    }
  | { ok: false; defect: CreditCodeDefect; reason: string };

/** The 31 code characters in value order 0…30; I, O, S, V, Z are excluded to avoid confusion with 1, 0, 5, U, 2. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 3^(i) mod 31 for positions 1–17 (GB 32100-2015 §5). */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * Registration-authority codes with their institution-type codes (GB 32100-2015 表1, with 修改单 adding
 * A 中央军委改革和编制办公室 and N 农业).
 */
const AUTHORITIES: Readonly<Record<string, { name: string; types: Readonly<Record<string, string>> }>> = {
  '1': { name: '机构编制', types: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { name: '外交', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    types: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' },
  },
  '4': { name: '文化', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': { name: '旅游', types: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' } },
  '7': { name: '宗教', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', types: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', types: { '1': '军队事业单位', '9': '其他' } },
  N: { name: '农业', types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { name: '其他', types: { '1': '其他' } },
};

/**
 * Province-level codes of GB/T 2260, plus 10 for authorities registering at national level (division code
 * 100000, e.g. central state-owned banks 91100000…).
 */
const PROVINCE_CODES = new Set([
  '10',
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

/** The check character for the first 17 characters of a credit code. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('需要17个字符');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i] ?? '');
    if (value < 0) throw new RangeError(`非法字符：${first17[i]}`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return CHARSET[(31 - (sum % 31)) % 31] ?? '';
}

const fail = (defect: CreditCodeDefect, reason: string): CreditCodeResult => ({ ok: false, defect, reason });

/** Validates a 统一社会信用代码; surrounding whitespace is ignored and lower case is accepted. */
export function validateCreditCode(input: string): CreditCodeResult {
  const code = input.trim().toUpperCase();
  if (code === '') return fail('empty', '统一社会信用代码不能为空');
  if (code.length !== 18) return fail('length', `统一社会信用代码应为18位，实际为${code.length}位`);

  const bad = [...code].filter((ch) => !CHARSET.includes(ch));
  if (bad.length > 0) {
    return fail('characters', `统一社会信用代码含有非法字符“${[...new Set(bad)].join('')}”（不使用 I、O、S、V、Z）`);
  }

  const authority = AUTHORITIES[code[0] ?? ''];
  if (!authority) return fail('authority', `第1位登记管理部门代码“${code[0]}”无效`);
  const institutionType = authority.types[code[1] ?? ''];
  if (!institutionType) {
    return fail('institutionType', `第2位机构类别代码“${code[1]}”对登记管理部门“${authority.name}”无效`);
  }

  const divisionCode = code.slice(2, 8);
  const province = divisionCode.slice(0, 2);
  const divisionOk = /^\d{6}$/.test(divisionCode) && PROVINCE_CODES.has(province) && (province !== '10' || divisionCode === '100000');
  if (!divisionOk) return fail('division', `第3–8位行政区划代码“${divisionCode}”无效`);

  if (code[17] !== creditCodeCheckChar(code.slice(0, 17))) {
    return fail('checkChar', '统一社会信用代码校验码（第18位）不正确，请核对是否录入有误');
  }

  return { ok: true, value: code, authority: authority.name, institutionType, divisionCode, organizationCode: code.slice(8, 17) };
}

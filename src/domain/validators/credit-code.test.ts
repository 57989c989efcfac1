import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, validateCreditCode } from './credit-code.ts';

/**
 * Independent MOD 31 (GB 32100-2015): weights are 3^(i-1) mod 31, and the check value c18 makes
 * Σ ci·wi + c18 ≡ 0 (mod 31). Written differently from the production code so a shared mistake cannot hide.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function independentCheck(first17: string): string {
  let sum = 0;
  let weight = 1;
  for (const ch of first17) {
    sum += CHARSET.indexOf(ch) * weight;
    weight = (weight * 3) % 31;
  }
  return CHARSET[(31 - (sum % 31)) % 31]!;
}
const withCheck = (first17: string) => first17 + independentCheck(first17);

/**
 * Credit codes of well-known enterprises as printed on their published business licences and annual reports.
 * Each was checked with the independent checksum above (a mistyped code passes with probability 1/31), and its
 * characters 9–17 also carry a valid GB 11714 organization-code check.
 */
const published: [string, string][] = [
  ['91350100M000100Y43', '福州市（350100）登记的企业，需求中给出的示例'],
  ['914403001922038216', '华为技术有限公司'],
  ['9144030071526726XG', '腾讯科技（深圳）有限公司'],
  ['91330100716105852F', '阿里巴巴（中国）有限公司'],
  ['91110000802100433B', '百度在线网络技术（北京）有限公司'],
  ['91110108551385082Q', '小米科技有限责任公司'],
  ['91110000710925462X', '中国石油天然气股份有限公司'],
  ['91100000100003962T', '中国工商银行股份有限公司'],
  ['911000001000013428', '中国银行股份有限公司'],
  ['91440300192317458F', '比亚迪股份有限公司'],
  ['91440300100012316L', '中国平安保险（集团）股份有限公司'],
  ['9144030010001686XA', '招商银行股份有限公司'],
  ['91440400192548256N', '珠海格力电器股份有限公司'],
  ['91440300192181490G', '万科企业股份有限公司'],
  ['9144030027939873X7', '中兴通讯股份有限公司'],
  ['91110000710926094P', '中国石油化工股份有限公司'],
];

describe('validateCreditCode (GB 32100-2015)', () => {
  for (const [code, owner] of published) {
    it(`accepts the published code ${code} (${owner})`, () => {
      expect(independentCheck(code.slice(0, 17))).toBe(code[17]);
      expect(validateCreditCode(code)).toMatchObject({ ok: true, value: code });
    });
  }

  it('decodes authority, institution type, division and organization code', () => {
    expect(validateCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      value: '91350100M000100Y43',
      authority: '工商',
      institutionType: '企业',
      divisionCode: '350100',
      organizationCode: 'M000100Y4',
    });
    expect(validateCreditCode('91100000100003962T')).toMatchObject({ ok: true, divisionCode: '100000' });
  });

  it('accepts the non-enterprise authorities of GB 32100 (机构编制, 民政, 司法行政, 工会, A, N, Y)', () => {
    for (const head of ['11440300', '12440300', '52440300', '53110000', '31440300', '81440300', 'A1110000', 'N2440300', 'Y1440300']) {
      const code = withCheck(`${head}MA5DXXXX1`);
      expect(validateCreditCode(code), code).toMatchObject({ ok: true });
    }
  });

  it('accepts lower case and surrounding spaces, returning upper case', () => {
    expect(validateCreditCode(' 9144030071526726xg ')).toMatchObject({ ok: true, value: '9144030071526726XG' });
  });

  it('the production check function agrees with the independent one', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('92440300MA5DXXXX1')).toBe(independentCheck('92440300MA5DXXXX1'));
  });

  describe('rejects each defect with a Chinese reason', () => {
    const cases: [string, string, string, RegExp][] = [
      ['empty', '', 'empty', /不能为空/],
      ['too short', '91350100M000100Y4', 'length', /应为18位，实际为17位/],
      ['forbidden letter O', '91350100M0O0100Y43', 'characters', /非法字符“O”/],
      ['forbidden letters I and Z', '91350100MI00100Z43', 'characters', /非法字符“IZ”/],
      ['full-width character', '91350100M000100Y4３', 'characters', /非法字符/],
      ['unknown authority B', withCheck('B1350100M000100Y4'), 'authority', /登记管理部门代码“B”/],
      ['authority 0', withCheck('01350100M000100Y4'), 'authority', /登记管理部门代码“0”/],
      ['工商 has no type 9', withCheck('99350100M000100Y4'), 'institutionType', /机构类别代码“9”.*工商/],
      ['民政 has no type 4', withCheck('54350100M000100Y4'), 'institutionType', /民政/],
      ['division with a letter', withCheck('9135A100M000100Y4'), 'division', /行政区划代码“35A100”/],
      ['division in unknown province 99', withCheck('91990100M000100Y4'), 'division', /行政区划代码/],
      ['division 10xxxx other than 100000', withCheck('91101000M000100Y4'), 'division', /行政区划代码/],
      ['wrong check character', '91350100M000100Y44', 'checkChar', /校验码/],
      ['two characters swapped', '91350100M000100Y34', 'checkChar', /校验码/],
    ];
    for (const [name, input, defect, reason] of cases) {
      it(name, () => {
        const result = validateCreditCode(input);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.defect).toBe(defect);
          expect(result.reason).toMatch(reason);
        }
      });
    }
  });
});

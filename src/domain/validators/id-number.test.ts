import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, validateIdNumber } from './id-number.ts';

const TODAY = '2026-03-15';

/**
 * Independent ISO 7064 MOD 11-2 (GB 11643-1999 §7): the check value a1 satisfies Σ ai·Wi ≡ 1 (mod 11) with
 * Wi = 2^(i-1) mod 11 counted from the right, i = 1 for the check character. Written differently from the
 * production code on purpose, so a shared mistake cannot hide.
 */
function withCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  for (let a1 = 0; a1 <= 10; a1++) {
    if ((sum + a1) % 11 === 1) return first17 + (a1 === 10 ? 'X' : String(a1));
  }
  throw new Error('unreachable');
}

describe('validateIdNumber (GB 11643-1999)', () => {
  it('accepts the standard’s own example 11010519491231002X (北京市朝阳区, 1949-12-31, female)', () => {
    expect(validateIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      upgradedFrom15: false,
    });
  });

  it('the independent check computation agrees with the standard’s examples', () => {
    expect(withCheck('11010519491231002')).toBe('11010519491231002X');
    expect(withCheck('44052418800101001')).toBe('440524188001010014');
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
  });

  it('accepts constructed numbers and reads birth date and sex from them', () => {
    const male = withCheck('44030519900307123');
    expect(validateIdNumber(male, TODAY)).toMatchObject({ ok: true, value: male, birthDate: '1990-03-07', sex: 'male' });
    const leapDay = withCheck('31011520000229004');
    expect(validateIdNumber(leapDay, TODAY)).toMatchObject({ ok: true, birthDate: '2000-02-29', sex: 'female' });
    const bornToday = withCheck('65010220260315001');
    expect(validateIdNumber(bornToday, TODAY)).toMatchObject({ ok: true, birthDate: '2026-03-15' });
  });

  it('accepts a lower-case x and surrounding spaces, and normalises them', () => {
    expect(validateIdNumber(' 11010519491231002x ', TODAY)).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('upgrades a legacy 15-digit number to 18 digits (inserts 19, computes the check character)', () => {
    expect(validateIdNumber('110105491231002', TODAY)).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      upgradedFrom15: true,
    });
    expect(validateIdNumber('440305900307123', TODAY)).toMatchObject({ ok: true, value: withCheck('44030519900307123'), sex: 'male' });
  });

  it('accepts a 2023 外国人永久居留身份证 number (9 + province code, same GB 11643 layout)', () => {
    const foreigner = withCheck('91184019850412001');
    expect(validateIdNumber(foreigner, TODAY)).toMatchObject({ ok: true, birthDate: '1985-04-12' });
  });

  describe('rejects each defect with a Chinese reason', () => {
    const cases: [string, string, string, RegExp][] = [
      ['empty', '   ', 'empty', /不能为空/],
      ['wrong length', '1101051949123100', 'length', /应为18位.*实际为16位/],
      ['letter inside', '1101051949A231002X', 'characters', /前17位应为数字/],
      ['bad last character', '11010519491231002Y', 'characters', /第18位应为数字或X/],
      ['letter in a 15-digit number', '11010549123100X', 'characters', /只能由数字组成/],
      ['address code starting with 0', withCheck('01010519491231002'), 'region', /地址码/],
      ['unknown province 99', withCheck('99010519491231002'), 'region', /地址码/],
      ['month 13', withCheck('11010519491331002'), 'birthDate', /1949-13-31 不是有效日期/],
      ['30 February', withCheck('11010519490230002'), 'birthDate', /不是有效日期/],
      ['29 February of a common year (2023)', withCheck('11010520230229002'), 'birthDate', /不是有效日期/],
      ['29 February 1900 (not a leap year)', withCheck('11010519000229002'), 'birthDate', /不是有效日期/],
      ['born before 1900 (GB 11643 example 440524188001010014)', '440524188001010014', 'birthDate', /早于1900年/],
      ['born tomorrow', withCheck('11010520260316002'), 'birthDate', /晚于今天/],
      ['wrong check digit', '110105194912310021', 'checkDigit', /校验码/],
    ];
    for (const [name, input, defect, reason] of cases) {
      it(name, () => {
        const result = validateIdNumber(input, TODAY);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.defect).toBe(defect);
          expect(result.reason).toMatch(reason);
        }
      });
    }
  });
});

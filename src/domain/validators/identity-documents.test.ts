import { describe, expect, it } from 'vitest';
import { idNumberCheckChar } from './id-number.ts';
import { validateIdentityDocument } from './identity-documents.ts';

const today = '2026-11-13';
const withCheck = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;

describe('identity documents other than the resident ID card', () => {
  it('港澳台居民居住证: 18 characters opening with 810000/820000/830000, a real birth date and the MOD 11-2 check character', () => {
    const hk = withCheck('81000019900101001');
    expect(validateIdentityDocument('residencePermit', hk, today)).toEqual({ ok: true, value: hk, birthDate: '1990-01-01' });
    const tw = withCheck('83000019851231002');
    expect(validateIdentityDocument('residencePermit', tw.toLowerCase(), today)).toMatchObject({ ok: true, birthDate: '1985-12-31' });
    expect(validateIdentityDocument('residencePermit', withCheck('53000019900101001'), today)).toMatchObject({ ok: false, reason: expect.stringContaining('810000') });
    expect(validateIdentityDocument('residencePermit', withCheck('81000019900231001'), today)).toMatchObject({ ok: false, reason: expect.stringContaining('不是有效日期') });
    const wrong = `${hk.slice(0, 17)}${hk[17] === '0' ? '1' : '0'}`;
    expect(validateIdentityDocument('residencePermit', wrong, today)).toMatchObject({ ok: false, reason: expect.stringContaining('校验码') });
  });

  it('a residence permit or a permanent-residence number typed as a resident ID is pointed to its own type', () => {
    expect(validateIdentityDocument('residentId', withCheck('81000019900101001'), today)).toMatchObject({ ok: false, reason: expect.stringContaining('港澳台居民居住证') });
    expect(validateIdentityDocument('residentId', withCheck('95300019900101001'), today)).toMatchObject({ ok: false, reason: expect.stringContaining('外国人永久居留身份证') });
  });

  it('港澳居民来往内地通行证: H or M and 8 digits (the 2 digits of times issued are dropped)', () => {
    expect(validateIdentityDocument('hkMacaoPermit', 'h12345678', today)).toEqual({ ok: true, value: 'H12345678', birthDate: null });
    expect(validateIdentityDocument('hkMacaoPermit', 'M1234567801', today)).toEqual({ ok: true, value: 'M12345678', birthDate: null });
    expect(validateIdentityDocument('hkMacaoPermit', 'K12345678', today)).toMatchObject({ ok: false });
  });

  it('台湾居民来往大陆通行证: 8 digits', () => {
    expect(validateIdentityDocument('taiwanPermit', '01234567', today)).toMatchObject({ ok: true, value: '01234567' });
    expect(validateIdentityDocument('taiwanPermit', '1234567', today)).toMatchObject({ ok: false, reason: '台湾居民来往大陆通行证号码应为8位数字' });
  });

  it('外国人永久居留身份证: the 2023 18-character number (opens with 9, GB 11643 layout) or the 2017 15-character one', () => {
    const v2023 = withCheck('95300019800515003');
    expect(validateIdentityDocument('foreignPermanentResidence', v2023, today)).toEqual({ ok: true, value: v2023, birthDate: '1980-05-15' });
    expect(validateIdentityDocument('foreignPermanentResidence', 'USA110800515001', today)).toEqual({ ok: true, value: 'USA110800515001', birthDate: null });
    expect(validateIdentityDocument('foreignPermanentResidence', withCheck('53000019800515003'), today)).toMatchObject({ ok: false });
  });

  it('护照: 5 to 17 letters or digits', () => {
    expect(validateIdentityDocument('passport', ' e1234 5678 ', today)).toEqual({ ok: true, value: 'E12345678', birthDate: null });
    expect(validateIdentityDocument('passport', 'AB-12', today)).toMatchObject({ ok: false, reason: '护照号码应为5至17位字母或数字' });
  });
});

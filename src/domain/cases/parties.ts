/**
 * Parties (当事人): a natural person identified by a GB 11643 ID number, or an organization identified by a
 * GB 32100 credit code. Contact data (phone, address) is private: it is kept for service of documents and
 * never leaves the staff view (public output goes through masking.ts).
 */
import { z } from 'zod';
import type { IsoDate } from '../calendar/iso-date.ts';
import { validationError } from '../errors.ts';
import { validateCreditCode } from '../validators/credit-code.ts';
import { validateIdNumber } from '../validators/id-number.ts';
import type { PartyKind } from './model.ts';

const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '电话号码格式无效')
  .nullable()
  .optional()
  .meta({ title: '联系电话' });
const address = z.string().trim().max(200, '地址不超过 200 个字').nullable().optional().meta({ title: '地址' });

export const partyInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('person').meta({ title: '自然人' }),
    name: z.string().trim().min(2, '姓名至少 2 个字').max(50, '姓名不超过 50 个字').meta({ title: '姓名' }),
    idNumber: z.string().trim().min(1, '自然人当事人须填写身份证号').meta({ title: '身份证号' }),
    phone,
    address,
  }),
  z.object({
    kind: z.literal('organization').meta({ title: '法人或其他组织' }),
    name: z.string().trim().min(2, '单位名称至少 2 个字').max(100, '单位名称不超过 100 个字').meta({ title: '单位名称' }),
    creditCode: z.string().trim().min(1, '单位当事人须填写统一社会信用代码').meta({ title: '统一社会信用代码' }),
    legalRepresentative: z.string().trim().min(2, '法定代表人姓名至少 2 个字').max(50).nullable().optional().meta({ title: '法定代表人' }),
    phone,
    address,
  }),
]);
export type PartyInput = z.infer<typeof partyInput>;

/** A validated party as stored. */
export interface PartyRecord {
  kind: PartyKind;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  phone: string | null;
  address: string | null;
  /** From the ID number; drives 《行政处罚法》第三十条. */
  birthDate: IsoDate | null;
  /** 'id:…' or 'uscc:…': the same party across cases (《行政处罚法》第二十九条). */
  identityKey: string;
}

/** Checks the ID number or credit code (check characters included) and normalizes the party. */
export function validateParty(input: PartyInput, today: IsoDate): PartyRecord {
  switch (input.kind) {
    case 'person': {
      const id = validateIdNumber(input.idNumber, today);
      if (!id.ok) throw validationError(`当事人身份证号无效：${id.reason}`, { field: 'party.idNumber' });
      return {
        kind: 'person',
        name: input.name,
        idNumber: id.value,
        creditCode: null,
        legalRepresentative: null,
        phone: input.phone ?? null,
        address: input.address ?? null,
        birthDate: id.birthDate,
        identityKey: `id:${id.value}`,
      };
    }
    case 'organization': {
      const code = validateCreditCode(input.creditCode);
      if (!code.ok) throw validationError(`当事人统一社会信用代码无效：${code.reason}`, { field: 'party.creditCode' });
      return {
        kind: 'organization',
        name: input.name,
        idNumber: null,
        creditCode: code.value,
        legalRepresentative: input.legalRepresentative ?? null,
        phone: input.phone ?? null,
        address: input.address ?? null,
        birthDate: null,
        identityKey: `uscc:${code.value}`,
      };
    }
  }
}

/** Age in full years on `date` (birthday counted from the day after, as in 《刑法》/《行政处罚法》 practice). */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  let age = y - by;
  // "已满十四周岁" is reached the day after the 14th birthday (最高人民法院 practice on 周岁 counting).
  if (m < bm || (m === bm && d <= bd)) age--;
  return age;
}

/**
 * Parties (当事人): a natural person identified by a GB 11643 ID number, or an organization identified by a
 * GB 32100 credit code. Contact data (phone, address) is private: it is kept for service of documents and
 * never leaves the staff view (public output goes through masking.ts).
 */
import { z } from 'zod';
import { isIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import { validationError } from '../errors.ts';
import { validateCreditCode } from '../validators/credit-code.ts';
import { identityDocumentTypeKeys, identityDocumentTypes, type IdentityDocumentType, validateIdentityDocument } from '../validators/identity-documents.ts';
import type { CasePartyKind, PartyKind } from './model.ts';

const isoDateInput = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD 且为真实日期').meta({ format: 'date' });

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
    idType: z.enum(identityDocumentTypeKeys, { message: '证件类型无效' }).default('residentId').meta({ title: '证件类型' }),
    idNumber: z.string().trim().min(1, '自然人当事人须填写证件号码').max(40, '证件号码不超过 40 个字符').meta({ title: '证件号码' }),
    nationality: z.string().trim().max(50, '国籍不超过 50 个字').nullable().optional().meta({ title: '国籍', description: '持护照的须填写' }),
    birthDate: isoDateInput.nullable().optional().meta({ title: '出生日期', description: '证件号码不含出生日期的（通行证、护照等）填写，用于判断年龄（《行政处罚法》第三十条）' }),
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

/**
 * A clue may name no party yet (a 12345 report of an unknown street vendor): what is known of them is described, and
 * the party is identified before filing (guard `partyIdentified`, 《行政处罚法》第五十四条).
 */
export const unknownPartyInput = z.object({
  kind: z.literal('unknown').meta({ title: '尚不明确' }),
  description: z.string().trim().max(200, '当事人特征不超过 200 个字').default('').meta({ title: '当事人特征', description: '如：流动摊贩，男，约40岁，驾驶蓝色三轮车；立案前须查明当事人' }),
});
export const cluePartyInput = z.discriminatedUnion('kind', [...partyInput.options, unknownPartyInput]);
export type CluePartyInput = z.infer<typeof cluePartyInput>;

/** The name an unknown party is listed under. */
export const UNKNOWN_PARTY_NAME = '当事人不明';

/** A validated party as stored. */
export interface PartyRecord {
  kind: CasePartyKind;
  name: string;
  /** The number of the person's identity document (`idType`; null: the 居民身份证). */
  idNumber: string | null;
  idType: IdentityDocumentType | null;
  nationality: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  phone: string | null;
  address: string | null;
  /** From the ID number; drives 《行政处罚法》第三十条. */
  birthDate: IsoDate | null;
  /** 'id:…', '<document type>:…', 'uscc:…', or 'unknown' until identified: the same party across cases (《行政处罚法》第二十九条). */
  identityKey: string;
}

/**
 * Checks the identity document number or credit code (check characters included) and normalizes the party. An
 * unknown party is recorded with its description as the name; its identity key is made unique by the caller.
 */
export function validateParty(input: z.input<typeof partyInput>, today: IsoDate): PartyRecord & { kind: PartyKind };
export function validateParty(input: z.input<typeof cluePartyInput>, today: IsoDate): PartyRecord;
export function validateParty(input: z.input<typeof cluePartyInput>, today: IsoDate): PartyRecord {
  switch (input.kind) {
    case 'person': {
      const type = input.idType ?? 'residentId';
      const label = identityDocumentTypes[type];
      const doc = validateIdentityDocument(type, input.idNumber, today);
      if (!doc.ok) throw validationError(`当事人${label}号码无效：${doc.reason}`, { field: 'party.idNumber', fields: [{ field: 'party.idNumber', message: doc.reason }] });
      const nationality = input.nationality?.trim() || null;
      if (type === 'passport' && !nationality) throw validationError('持护照的当事人须填写国籍', { fields: [{ field: 'party.nationality', message: '请填写国籍' }] });
      const birthDate = doc.birthDate ?? input.birthDate ?? null;
      if (birthDate && birthDate > today) throw validationError('出生日期不能晚于今天', { fields: [{ field: 'party.birthDate', message: '出生日期不能晚于今天' }] });
      // The resident ID, the residence permit and the 2023 permanent-residence card share one number space (GB 11643).
      const sharesIdSpace = type === 'residentId' || type === 'residencePermit' || (type === 'foreignPermanentResidence' && doc.value.length === 18);
      return {
        kind: 'person',
        name: input.name,
        idNumber: doc.value,
        idType: type === 'residentId' ? null : type,
        nationality,
        creditCode: null,
        legalRepresentative: null,
        phone: input.phone ?? null,
        address: input.address ?? null,
        birthDate,
        identityKey: sharesIdSpace ? `id:${doc.value}` : `${type}:${type === 'passport' ? `${nationality ?? ''}:` : ''}${doc.value}`,
      };
    }
    case 'organization': {
      const code = validateCreditCode(input.creditCode);
      if (!code.ok) throw validationError(`当事人统一社会信用代码无效：${code.reason}`, { field: 'party.creditCode' });
      return {
        kind: 'organization',
        name: input.name,
        idNumber: null,
        idType: null,
        nationality: null,
        creditCode: code.value,
        legalRepresentative: input.legalRepresentative ?? null,
        phone: input.phone ?? null,
        address: input.address ?? null,
        birthDate: null,
        identityKey: `uscc:${code.value}`,
      };
    }
    case 'unknown':
      return {
        kind: 'unknown',
        name: input.description ? `${UNKNOWN_PARTY_NAME}（${input.description}）` : UNKNOWN_PARTY_NAME,
        idNumber: null,
        idType: null,
        nationality: null,
        creditCode: null,
        legalRepresentative: null,
        phone: null,
        address: null,
        birthDate: null,
        identityKey: 'unknown',
      };
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

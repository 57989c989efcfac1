/**
 * Local parameters of the case engine, in one place per organization, inherited down the organization tree.
 * Every field has a lawful default; an organization stores only the fields it changes, and the nearest
 * ancestor that sets a field wins (merge order: defaults ← root … ← own organization).
 */
import { z } from 'zod';
import { investigationActKeys, penaltyKindKeys } from './model.ts';

const yuanToFen = (yuan: number) => Math.round(yuan * 100);

export const publicityScopes = {
  ordinaryPenalties: '普通程序作出的行政处罚决定均公示',
  allDecisions: '所有行政处罚决定（含简易程序）均公示',
  socialImpactOnly: '仅公示具有一定社会影响的行政处罚决定',
} as const;
export type PublicityScope = keyof typeof publicityScopes;

/** A 文号 pattern must number by year and sequence, or numbers would repeat. */
const numberPattern = z
  .string()
  .trim()
  .max(60, '文号格式不超过 60 个字')
  .refine((p) => p.includes('{year}') && p.includes('{seq}'), '文号格式须包含 {year} 和 {seq}');

const fen = z.number().int('金额应为整数（分）').nonnegative('金额不能为负');

export const caseSettingsSchema = z.object({
  /**
   * 较大数额罚款 for hearing rights (《行政处罚法》第六十三条第一款第（一）项); provinces set it. Commonly
   * 个人 5,000 元 / 单位 100,000 元 (e.g. many provinces' 听证程序规定).
   */
  largeFinePersonFen: fen.meta({ title: '较大数额罚款（个人，告知听证）' }),
  largeFineOrganizationFen: fen.meta({ title: '较大数额罚款（单位，告知听证）' }),
  /** 没收较大数额违法所得、较大价值非法财物 (第六十三条第一款第（二）项). */
  largeConfiscationPersonFen: fen.meta({ title: '较大数额没收（个人，告知听证）' }),
  largeConfiscationOrganizationFen: fen.meta({ title: '较大数额没收（单位，告知听证）' }),
  /** Penalty kinds that always carry hearing rights (第六十三条第一款第（三）（四）（五）项). */
  hearingPenaltyKinds: z.array(z.enum(penaltyKindKeys)).meta({ title: '告知听证权利的处罚种类' }),
  /** 陈述申辩期限 in working days after the prior notice is served (local procedure rules; commonly 3). */
  statementPeriodDays: z.number().int().min(1, '陈述申辩期限至少 1 个工作日').max(30, '陈述申辩期限不超过 30 个工作日').meta({ title: '陈述申辩期限（工作日）' }),
  /** 办案期限 (第六十条: 90 days unless a law, regulation or rule provides otherwise). */
  decisionPeriodDays: z.number().int().min(1, '办案期限至少 1 日').max(365, '办案期限不超过 365 日').meta({ title: '办案期限（日）' }),
  /** Some places review every ordinary-procedure decision (法制审核全覆盖). */
  legalReviewAllOrdinary: z.boolean().meta({ title: '普通程序决定一律法制审核' }),
  /** 法制审核 triggers by amount (第五十八条第一款第（一）（四）项, local catalog). */
  legalReviewFinePersonFen: fen.meta({ title: '须法制审核的罚款数额（个人）' }),
  legalReviewFineOrganizationFen: fen.meta({ title: '须法制审核的罚款数额（单位）' }),
  /** 法制审核 triggers by penalty kind (local catalog of 重大执法决定). */
  legalReviewPenaltyKinds: z.array(z.enum(penaltyKindKeys)).meta({ title: '须法制审核的处罚种类' }),
  /** 集体讨论 triggers (第五十七条第二款: 情节复杂或者重大违法行为给予行政处罚). */
  collectiveDiscussionFinePersonFen: fen.meta({ title: '须集体讨论的罚款数额（个人）' }),
  collectiveDiscussionFineOrganizationFen: fen.meta({ title: '须集体讨论的罚款数额（单位）' }),
  collectiveDiscussionPenaltyKinds: z.array(z.enum(penaltyKindKeys)).meta({ title: '须集体讨论的处罚种类' }),
  /** Which decisions are published (第四十八条, 国办发〔2018〕118号). */
  publicityScope: z.enum(Object.keys(publicityScopes) as [PublicityScope, ...PublicityScope[]]).meta({ title: '处罚决定公示范围' }),
  /** Investigation acts that require continuous audio-video (第四十七条; 118号: 查封扣押、强制拆除). */
  audioVideoRequiredFor: z.array(z.enum(investigationActKeys)).meta({ title: '须全程音像记录的执法行为' }),
  /** 文号 prefix, e.g. '云东城管'. null: the organization's name is used. */
  documentPrefix: z.string().trim().min(1, '机关代字不能为空').max(20, '机关代字不超过 20 个字').nullable().meta({ title: '文号机关代字' }),
  /** Number patterns per document kind; {prefix}, {year} and {seq} are replaced. */
  numberPatterns: z
    .object({
      penaltyDecision: numberPattern.meta({ title: '行政处罚决定书文号' }),
      noPenaltyDecision: numberPattern.meta({ title: '不予行政处罚决定书文号' }),
      simpleDecision: numberPattern.meta({ title: '当场行政处罚决定书文号' }),
      priorNotice: numberPattern.meta({ title: '行政处罚事先告知书文号' }),
      hearingNotice: numberPattern.meta({ title: '听证通知书文号' }),
    })
    .meta({ title: '文书文号格式' }),
});
export type CaseSettings = z.infer<typeof caseSettingsSchema>;
export type NumberKind = keyof CaseSettings['numberPatterns'];

/** What an organization may store: any subset, checked field by field. */
export const caseSettingsPatch = caseSettingsSchema.partial().extend({ numberPatterns: caseSettingsSchema.shape.numberPatterns.partial().optional() });
export type CaseSettingsPatch = z.infer<typeof caseSettingsPatch>;

export const defaultCaseSettings: CaseSettings = {
  largeFinePersonFen: yuanToFen(5_000),
  largeFineOrganizationFen: yuanToFen(100_000),
  largeConfiscationPersonFen: yuanToFen(5_000),
  largeConfiscationOrganizationFen: yuanToFen(100_000),
  hearingPenaltyKinds: ['lowerQualification', 'revokeLicense', 'suspendBusiness', 'close', 'restrictEmployment'],
  statementPeriodDays: 3,
  decisionPeriodDays: 90,
  legalReviewAllOrdinary: false,
  legalReviewFinePersonFen: yuanToFen(5_000),
  legalReviewFineOrganizationFen: yuanToFen(100_000),
  legalReviewPenaltyKinds: ['lowerQualification', 'revokeLicense', 'suspendBusiness', 'close', 'restrictEmployment'],
  collectiveDiscussionFinePersonFen: yuanToFen(5_000),
  collectiveDiscussionFineOrganizationFen: yuanToFen(100_000),
  collectiveDiscussionPenaltyKinds: ['revokeLicense', 'suspendBusiness', 'close'],
  publicityScope: 'ordinaryPenalties',
  audioVideoRequiredFor: ['seizure', 'demolition'],
  documentPrefix: null,
  numberPatterns: {
    penaltyDecision: '{prefix}罚决字〔{year}〕第{seq}号',
    noPenaltyDecision: '{prefix}不罚字〔{year}〕第{seq}号',
    simpleDecision: '{prefix}简罚字〔{year}〕第{seq}号',
    priorNotice: '{prefix}罚告字〔{year}〕第{seq}号',
    hearingNotice: '{prefix}听通字〔{year}〕第{seq}号',
  },
};

/** Settings in force for an organization: defaults, then each ancestor's patch from the root down. */
export function resolveCaseSettings(patchesRootFirst: readonly CaseSettingsPatch[]): CaseSettings {
  let result: CaseSettings = defaultCaseSettings;
  for (const patch of patchesRootFirst) {
    const { numberPatterns, ...rest } = patch;
    const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    result = { ...result, ...defined, numberPatterns: { ...result.numberPatterns, ...stripUndefined(numberPatterns ?? {}) } };
  }
  return result;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

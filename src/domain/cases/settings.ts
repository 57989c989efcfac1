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
  .refine((p) => p.includes('{year}') && p.includes('{seq}'), '文号格式须包含年份 {year} 和序号 {seq}');

/**
 * A 文号 pattern as staff read it: an example number (the unit's 机关代字, this year, serial 1), never the raw
 * placeholders (issue 15). E.g. '{prefix}罚决字〔{year}〕{seq}号' → '云东城管罚决字〔2026〕1号'.
 */
export function numberPatternExample(pattern: string, prefix: string, year: number): string {
  return pattern.replaceAll('{prefix}', prefix).replaceAll('{year}', String(year)).replaceAll('{seq}', '1');
}

const patternMeta = (title: string) => ({ title, description: '填写时 {prefix} 代表机关代字，{year} 代表年份，{seq} 代表当年序号，例如“{prefix}罚决字〔{year}〕{seq}号”' });

const fen = z.number().int('金额应为整数（分）').nonnegative('金额不能为负');

const profileText = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不超过 ${String(max)} 个字`).nullable();

/**
 * The agency profile: the issuing authority's particulars that enforcement documents print (docs/DOCUMENTS.md).
 * No lawful default exists for any of them, so each is null until an organization sets it; a document that needs
 * an unset one refuses, naming it. Inherited like every other parameter: a brigade (执法大队) prints its bureau's.
 */
const agencyProfileShape = {
  /**
   * The authority documents are issued and sealed in (《行政处罚法》第十八条、第五十九条第一款第（六）项). A brigade or
   * squadron is not an administrative authority and enforces in its bureau's name; null: the organization's own name.
   */
  agencyName: profileText(60).meta({ title: '文书署名机关', description: '以谁的名义作出执法文书（执法主体全称）；执法大队、中队以所属局的名义执法。未设置时用本单位名称' }),
  sealText: profileText(60).meta({ title: '印章文字', description: '文书所盖印章的文字，须以署名机关名称开头（如“……行政执法专用章”）。未设置时与署名机关相同' }),
  agencyAddress: profileText(100).meta({ title: '执法机关地址', description: '印在告知书、决定书上，供当事人陈述申辩、缴款咨询' }),
  postalCode: z.string().trim().regex(/^\d{6}$/, '邮政编码应为 6 位数字').nullable().meta({ title: '邮政编码' }),
  contactPerson: profileText(20).meta({ title: '联系人', description: '告知书、通知书上写明的联系人（《行政处罚法》第四十四条）' }),
  contactPhone: z.string().trim().regex(/^[\d\-－（）() ]{5,30}$/, '联系电话只能含数字、短横线和括号，5–30 位').nullable().meta({ title: '联系电话' }),
  /** 《行政复议法》(2023) 第二十四条: the county-level-or-above government hears cases against its own departments. */
  reconsiderationBody: profileText(60).meta({ title: '行政复议机关', description: '《行政复议法》第二十四条：对城市管理部门的行政行为不服的，一般向本级人民政府申请行政复议' }),
  /** 《行政诉讼法》第十八条: the court where the authority that acted is located. */
  court: profileText(60).meta({ title: '管辖人民法院', description: '《行政诉讼法》第十八条：由最初作出行政行为的行政机关所在地人民法院管辖' }),
  /** 《行政处罚法》第六十七条: the party pays at the designated bank, never to the deciding authority itself. */
  paymentBank: profileText(60).meta({ title: '罚款缴纳银行', description: '《行政处罚法》第六十七条：当事人到指定的银行或者通过电子支付系统缴纳罚款' }),
  paymentAccountName: profileText(60).meta({ title: '缴款账户户名' }),
  paymentAccountNo: z.string().trim().regex(/^[\d ]{8,40}$/, '缴款账号应为 8–40 位数字').nullable().meta({ title: '缴款账号' }),
  /** 案件编号 of the 立案审批表 and the case file: 代字〔year〕serial号. */
  /**
   * The public portal's address: the QR code of every document opens its verification page for the act code
   * (`{portalUrl}/verify/{行政行为码}`, the portal route verify/:code). Unset: the QR code holds the bare code.
   */
  portalUrl: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, '公示平台地址应为 http(s):// 开头的网址，如 https://zfgs.example.gov.cn/portal')
    .max(200, '公示平台地址不超过 200 个字符')
    .nullable()
    .meta({ title: '公示平台地址（文书二维码）', description: '文书二维码打开“{地址}/verify/行政行为码”核验页，如 https://zfgs.example.gov.cn/portal' }),
  caseNumberPrefix: profileText(20).meta({ title: '案件编号代字', description: '立案审批表、调查终结报告等文书上的案件编号，如“云东城管立字”，编号为“代字〔年份〕序号号”' }),
};

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
  /**
   * 立案期限: working days from the discovery of a clue to the decision whether to file it. The 行政处罚法 sets none;
   * local procedure rules do — many follow 《市场监督管理行政处罚程序规定》第十八条 (十五个工作日, extendable once by
   * the head by as many again).
   */
  filingPeriodDays: z.number().int().min(1, '立案期限至少 1 个工作日').max(60, '立案期限不超过 60 个工作日').meta({ title: '立案期限（工作日，自发现线索之日起）' }),
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
  /**
   * How long a published decision about a natural person stays on the portal, in months from publication; null:
   * until the agency takes it down. Not fixed by law: set by local rules on 执法决定信息的公开发布、撤销和更新机制
   * (国办发〔2018〕118号). A record comes down on the day it expires; its expiry is fixed when it is published.
   */
  personPublicityMonths: z
    .number()
    .int('公示期限应为整月数')
    .min(1, '公示期限至少 1 个月')
    .max(120, '公示期限不超过 120 个月')
    .nullable()
    .meta({ title: '涉及自然人的处罚决定公示期限（月）', description: '期满自动从公示平台撤下；不填为不自动撤下（按本地规定设置）' }),
  /** Investigation acts that require continuous audio-video (第四十七条; 118号: 查封扣押、强制拆除). */
  audioVideoRequiredFor: z.array(z.enum(investigationActKeys)).meta({ title: '须全程音像记录的执法行为' }),
  /** 文号 prefix, e.g. '云东城管'. null: the organization's name is used. */
  documentPrefix: z.string().trim().min(1, '机关代字不能为空').max(20, '机关代字不超过 20 个字').nullable().meta({ title: '文号机关代字' }),
  /** Number patterns per document kind; {prefix}, {year} and {seq} are replaced. */
  numberPatterns: z
    .object({
      penaltyDecision: numberPattern.meta(patternMeta('行政处罚决定书文号')),
      noPenaltyDecision: numberPattern.meta(patternMeta('不予行政处罚决定书文号')),
      simpleDecision: numberPattern.meta(patternMeta('当场行政处罚决定书文号')),
      priorNotice: numberPattern.meta(patternMeta('行政处罚事先告知书文号')),
      hearingNotice: numberPattern.meta(patternMeta('听证通知书文号')),
      correctionOrder: numberPattern.meta(patternMeta('责令（限期）改正通知书文号')),
      paymentReminder: numberPattern.meta(patternMeta('催告书文号')),
      transferLetter: numberPattern.meta(patternMeta('案件移送函文号')),
      declineNotice: numberPattern.meta(patternMeta('不予立案告知书文号')),
      preservationNotice: numberPattern.meta(patternMeta('先行登记保存证据通知书文号')),
      preservationDecision: numberPattern.meta(patternMeta('先行登记保存物品处理决定书文号')),
      deferralDecision: numberPattern.meta(patternMeta('延期（分期）缴纳罚款决定书文号')),
    })
    .meta({ title: '文书文号格式' }),
  ...agencyProfileShape,
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
  filingPeriodDays: 15,
  decisionPeriodDays: 90,
  legalReviewAllOrdinary: false,
  legalReviewFinePersonFen: yuanToFen(5_000),
  legalReviewFineOrganizationFen: yuanToFen(100_000),
  legalReviewPenaltyKinds: ['lowerQualification', 'revokeLicense', 'suspendBusiness', 'close', 'restrictEmployment'],
  collectiveDiscussionFinePersonFen: yuanToFen(5_000),
  collectiveDiscussionFineOrganizationFen: yuanToFen(100_000),
  collectiveDiscussionPenaltyKinds: ['revokeLicense', 'suspendBusiness', 'close'],
  publicityScope: 'ordinaryPenalties',
  personPublicityMonths: null,
  audioVideoRequiredFor: ['seizure', 'demolition'],
  documentPrefix: null,
  // GB/T 9704-2012 §7.2.4: the serial is written without 第 (〔2026〕15号). Numbers issued before with 第 stay valid.
  numberPatterns: {
    penaltyDecision: '{prefix}罚决字〔{year}〕{seq}号',
    noPenaltyDecision: '{prefix}不罚字〔{year}〕{seq}号',
    simpleDecision: '{prefix}简罚字〔{year}〕{seq}号',
    priorNotice: '{prefix}罚告字〔{year}〕{seq}号',
    hearingNotice: '{prefix}听通字〔{year}〕{seq}号',
    correctionOrder: '{prefix}责改字〔{year}〕{seq}号',
    paymentReminder: '{prefix}催告字〔{year}〕{seq}号',
    transferLetter: '{prefix}移送字〔{year}〕{seq}号',
    declineNotice: '{prefix}不立字〔{year}〕{seq}号',
    preservationNotice: '{prefix}登保字〔{year}〕{seq}号',
    preservationDecision: '{prefix}登保决字〔{year}〕{seq}号',
    deferralDecision: '{prefix}缓缴字〔{year}〕{seq}号',
  },
  agencyName: null,
  sealText: null,
  agencyAddress: null,
  postalCode: null,
  contactPerson: null,
  contactPhone: null,
  reconsiderationBody: null,
  court: null,
  paymentBank: null,
  paymentAccountName: null,
  paymentAccountNo: null,
  caseNumberPrefix: null,
  portalUrl: null,
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

/**
 * The discretion benchmark (裁量基准) model. Every parsed structure keeps the original Chinese text next to it:
 * the text is what was published (《行政处罚法》第三十四条) and what a decision cites; the structure is only the
 * engine's reading of it.
 */
import { z } from 'zod';
import { isIsoDate } from '../calendar/iso-date.ts';

export const partyKinds = ['person', 'organization'] as const;
export const PartyKindSchema = z.enum(partyKinds);
export type PartyKind = z.infer<typeof PartyKindSchema>;
export const ApplicablePartyKindSchema = z.enum(['person', 'organization', 'any']);
export type ApplicablePartyKind = z.infer<typeof ApplicablePartyKindSchema>;
export const partyKindLabels: Record<ApplicablePartyKind, string> = { person: '个人', organization: '单位', any: '单位和个人' };

/** Quantities a benchmark measures (area, vehicles, days …); facts give them as `{ area_m2: 35, vehicles: 2 }`. */
export const quantityKeys = [
  'area_m2',
  'volume_m3',
  'facilities',
  'places',
  'animals',
  'vehicles',
  'days',
  'months',
  'tons',
  'percent',
  'compensation_yuan',
] as const;
export const QuantityKeySchema = z.enum(quantityKeys);
export type QuantityKey = z.infer<typeof QuantityKeySchema>;
export const quantityLabels: Record<QuantityKey, { name: string; unit: string }> = {
  area_m2: { name: '面积', unit: '平方米' },
  volume_m3: { name: '体积', unit: '立方米' },
  facilities: { name: '设施数量', unit: '处' },
  places: { name: '污染处数', unit: '处' },
  animals: { name: '动物数量', unit: '只' },
  vehicles: { name: '车辆数', unit: '辆' },
  days: { name: '天数', unit: '日' },
  months: { name: '月数', unit: '个月' },
  tons: { name: '重量', unit: '吨' },
  percent: { name: '比例', unit: '%' },
  compensation_yuan: { name: '赔偿额', unit: '元' },
};

export const locationClasses = ['main_street', 'back_street', 'sidewalk', 'main_lane', 'aux_lane'] as const;
export const LocationClassSchema = z.enum(locationClasses);
export type LocationClass = z.infer<typeof LocationClassSchema>;
export const locationLabels: Record<LocationClass, string> = {
  main_street: '主要街道和窗口地段',
  back_street: '小街小巷',
  sidewalk: '人行道',
  main_lane: '主车道',
  aux_lane: '辅道',
};

export const harmLevels = ['none', 'slight', 'ordinary', 'serious'] as const;
export const HarmLevelSchema = z.enum(harmLevels);
export type HarmLevel = z.infer<typeof HarmLevelSchema>;
export const harmLabels: Record<HarmLevel, string> = { none: '没有造成危害后果', slight: '危害后果轻微', ordinary: '造成一般危害后果', serious: '造成严重危害后果' };

/** 《行政处罚法》第三十二条 (一)–(五): the circumstances that require a lighter or reduced penalty. */
export const mitigatingCircumstances = ['eliminatedHarm', 'coerced', 'confessed', 'meritorious', 'other'] as const;
export const MitigatingCircumstanceSchema = z.enum(mitigatingCircumstances);
export type MitigatingCircumstance = z.infer<typeof MitigatingCircumstanceSchema>;
export const mitigatingLabels: Record<MitigatingCircumstance, string> = {
  eliminatedHarm: '主动消除或者减轻违法行为危害后果',
  coerced: '受他人胁迫或者诱骗实施违法行为',
  confessed: '主动供述行政机关尚未掌握的违法行为',
  meritorious: '配合行政机关查处违法行为有立功表现',
  other: '法律、法规、规章规定其他应当从轻或者减轻行政处罚的',
};

/** Aggravating circumstances the benchmarks list in their 严重 tiers. */
export const aggravatingCircumstances = ['obstruction', 'disruption', 'seriousImpact'] as const;
export const AggravatingCircumstanceSchema = z.enum(aggravatingCircumstances);
export type AggravatingCircumstance = z.infer<typeof AggravatingCircumstanceSchema>;
export const aggravatingLabels: Record<AggravatingCircumstance, string> = {
  obstruction: '威胁、恐吓、纠缠、推搡、辱骂、殴打工作人员',
  disruption: '扰乱正常工作秩序',
  seriousImpact: '造成较大影响和严重后果',
};

/** Penalty kinds of 《行政处罚法》第九条 (the fine is carried separately, as a number). */
export const penaltyKinds = [
  'warning',
  'circulatedCriticism',
  'confiscateIllegalGains',
  'confiscateProperty',
  'suspendLicense',
  'lowerQualification',
  'revokeLicense',
  'restrictBusiness',
  'suspendProduction',
  'closeDown',
  'restrictPractice',
  'other',
] as const;
export const PenaltyKindSchema = z.enum(penaltyKinds);
export type PenaltyKind = z.infer<typeof PenaltyKindSchema>;
export const penaltyKindLabels: Record<PenaltyKind, string> = {
  warning: '警告',
  circulatedCriticism: '通报批评',
  confiscateIllegalGains: '没收违法所得',
  confiscateProperty: '没收非法财物',
  suspendLicense: '暂扣许可证件',
  lowerQualification: '降低资质等级',
  revokeLicense: '吊销许可证件',
  restrictBusiness: '限制开展生产经营活动',
  suspendProduction: '责令停产停业',
  closeDown: '责令关闭',
  restrictPractice: '限制从业',
  other: '其他行政处罚',
};

export const flagConditions = ['noFault', 'mentalIncapacity', 'beyondLimitation', 'cooperative'] as const;
export const FlagConditionSchema = z.enum(flagConditions);
export type FlagCondition = z.infer<typeof FlagConditionSchema>;

const text = z.string();
const bound = z.number().nonnegative().optional();

/**
 * One condition. `occurrence` is the ordinal of this violation (第一次 = 1, 第三次及以上 = min 3), counting the
 * current one. Quantity bounds carry their inclusiveness because Chinese legal text decides it by wording
 * (《民法典》第一千二百五十九条: 以上、以下、以内 include the number; 不满、超过、以外 do not).
 */
export const ConditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('occurrence'), text, min: z.number().int().positive().optional(), max: z.number().int().positive().optional() }),
  z.object({
    kind: z.literal('quantity'),
    text,
    quantity: QuantityKeySchema,
    min: bound,
    minInclusive: z.boolean(),
    max: bound,
    maxInclusive: z.boolean(),
  }),
  z.object({ kind: z.literal('corrected'), text, value: z.boolean() }),
  z.object({ kind: z.literal('minorViolation'), text, value: z.boolean() }),
  z.object({ kind: z.literal('harm'), text, levels: z.array(HarmLevelSchema).min(1) }),
  z.object({ kind: z.literal('partyKind'), text, value: PartyKindSchema }),
  z.object({ kind: z.literal('location'), text, classes: z.array(LocationClassSchema).min(1) }),
  /** present: any of `codes` happened; absent (present false): none of them did (e.g. 没有严重情节). */
  z.object({ kind: z.literal('aggravating'), text, codes: z.array(AggravatingCircumstanceSchema).min(1), present: z.boolean() }),
  z.object({ kind: z.literal('mitigating'), text, code: MitigatingCircumstanceSchema, value: z.boolean() }),
  z.object({ kind: z.literal('age'), text, min: bound, max: bound }),
  z.object({ kind: z.literal('flag'), text, flag: FlagConditionSchema, value: z.boolean() }),
  /** Not machine-readable: holds only when the officer confirms this exact text (facts.confirmedConditions). */
  z.object({ kind: z.literal('text'), text }),
]);
export type Condition = z.infer<typeof ConditionSchema>;
export type ConditionKind = Condition['kind'];

/** One alternative of a condition: every leaf must hold. */
export const ClauseSchema = z.object({ text, all: z.array(ConditionSchema) });
export type Clause = z.infer<typeof ClauseSchema>;

/**
 * A tier's conditions in disjunctive form: the tier applies when any clause holds. `mode` records how the text
 * was written (具有下列情形之一 = any, otherwise all) so the explanation can say it the same way.
 */
export const ConditionsSchema = z.object({ text, mode: z.enum(['all', 'any']), clauses: z.array(ClauseSchema).min(1) });
export type Conditions = z.infer<typeof ConditionsSchema>;

/**
 * A fine amount: a total range, or a rate per unit (per m², per facility, per animal …; `compensation_yuan` is a
 * multiple of the compensation owed, 赔偿额一至二倍). `capTotal` is a ceiling on the multiplied total
 * (总额不超过二万元). `partyKind`, `location` and `severeOnly` say to whom and when it applies.
 */
export const FineComponentSchema = z
  .object({
    basis: z.enum(['total', 'perUnit']),
    unit: QuantityKeySchema.optional(),
    min: z.number().nonnegative(),
    max: z.number().nonnegative(),
    capTotal: z.number().nonnegative().optional(),
    partyKind: PartyKindSchema.optional(),
    location: LocationClassSchema.optional(),
    severeOnly: z.boolean().optional(),
  })
  .refine((c) => c.min <= c.max, { message: '罚款下限大于上限' })
  .refine((c) => (c.basis === 'perUnit') === (c.unit !== undefined), { message: '按单位计罚须注明计量单位' });
export type FineComponent = z.infer<typeof FineComponentSchema>;

export const OtherPenaltySchema = z.object({ kind: PenaltyKindSchema, text, condition: z.string().optional() });
export type OtherPenalty = z.infer<typeof OtherPenaltySchema>;

/** The statutory range (法定处罚幅度) as the 罚则 gives it: bands by party kind and by 情节严重. */
export const StatutoryRangeSchema = z.object({
  text,
  bands: z.array(FineComponentSchema),
  otherPenalties: z.array(OtherPenaltySchema),
  measures: z.array(z.string()),
});
export type StatutoryRange = z.infer<typeof StatutoryRangeSchema>;

/** A tier's penalty standard (处罚标准). `noFine` (不予罚款) still allows a warning or an order to correct. */
export const PenaltyStandardSchema = z.object({
  text,
  outcome: z.enum(['penalty', 'noFine', 'noPenalty']),
  fines: z.array(FineComponentSchema),
  otherPenalties: z.array(OtherPenaltySchema),
  measures: z.array(z.string()),
});
export type PenaltyStandard = z.infer<typeof PenaltyStandardSchema>;

/**
 * One tier (裁量阶次) of one violation: one row of the benchmark table and one "rule" of the import report.
 * `order` is its position in the table, which benchmarks write from light to heavy.
 */
export const TierSchema = z.object({
  code: z.string().min(1),
  order: z.number().int().nonnegative(),
  name: z.string().min(1),
  conditionText: z.string().min(1),
  conditions: ConditionsSchema,
  standard: PenaltyStandardSchema,
  note: z.string(),
});
export type Tier = z.infer<typeof TierSchema>;

export const BenchmarkSourceSchema = z.object({ name: z.string().min(1), url: z.string() });
export type BenchmarkSource = z.infer<typeof BenchmarkSourceSchema>;

/** One violation of a benchmark with its tiers. `code` is the table's own 序号; `id` is unique across sources. */
export const BenchmarkItemSchema = z.object({
  id: z.string().min(1),
  code: z.string().min(1),
  source: BenchmarkSourceSchema,
  regulation: z.string(),
  category: z.string(),
  name: z.string().min(1),
  violatedProvision: z.string(),
  penaltyProvision: z.string().min(1),
  statutoryRange: StatutoryRangeSchema,
  partyKind: ApplicablePartyKindSchema,
  tiers: z.array(TierSchema).min(1),
});
export type BenchmarkItem = z.infer<typeof BenchmarkItemSchema>;

/**
 * Exemption kinds of the published lists: 轻微不罚 (第三十三条第一款前段, mandatory), 首违不罚 / 首查免罚
 * (第三十三条第一款后段, "可以"), 轻微免罚（首次）(both together), 不予处罚 (a list of statutory grounds,
 * any one suffices), 以教代罚 (a local regulation's education-instead-of-penalty clause).
 */
export const exemptionTypes = ['minor', 'firstViolation', 'minorFirst', 'statutoryGrounds', 'educationInstead'] as const;
export const ExemptionTypeSchema = z.enum(exemptionTypes);
export type ExemptionType = z.infer<typeof ExemptionTypeSchema>;

export const ExemptionItemSchema = z.object({
  id: z.string().min(1),
  code: z.string().min(1),
  source: BenchmarkSourceSchema,
  matter: z.string().min(1),
  basis: z.string(),
  type: ExemptionTypeSchema,
  typeText: z.string().min(1),
  /** The list requires a signed 告知承诺书 (commitment to correct). */
  commitmentRequired: z.boolean(),
  conditionText: z.string().min(1),
  conditions: ConditionsSchema,
  note: z.string(),
});
export type ExemptionItem = z.infer<typeof ExemptionItemSchema>;

/** ISO calendar date (Chinese local date) — the domain never reads a clock. */
export const IsoDateSchema = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD 且为真实日期');
export type IsoDate = z.infer<typeof IsoDateSchema>;

/**
 * A benchmark version. `effectiveTo` is the first day it no longer applies. `publishedOn` matters because an
 * unpublished benchmark may not be applied (《行政处罚法》第三十四条).
 */
export const BenchmarkVersionSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  issuer: z.string().optional(),
  documentNumber: z.string().optional(),
  issuedOn: IsoDateSchema.optional(),
  effectiveFrom: IsoDateSchema.optional(),
  effectiveTo: IsoDateSchema.optional(),
  publishedOn: IsoDateSchema.optional(),
  sourceUrl: z.string().optional(),
});
export type BenchmarkVersion = z.infer<typeof BenchmarkVersionSchema>;

export const BenchmarkSetSchema = z.object({ version: BenchmarkVersionSchema, items: z.array(BenchmarkItemSchema) });
export type BenchmarkSet = z.infer<typeof BenchmarkSetSchema>;

const nonNegative = z.number().nonnegative();

/**
 * The facts of a case as the engine reads them. Lists (mitigating, aggravating) are complete: what is not listed
 * did not happen. Other optional facts are unknown when absent, and tiers depending on them stay pending.
 */
export const CaseFactsSchema = z.object({
  partyKind: PartyKindSchema,
  quantities: z.partialRecord(QuantityKeySchema, nonNegative).optional(),
  /** Penalties already imposed on this party for the same violation in the 12 months before it (0 = first time). */
  repeatCountPastYear: z.number().int().nonnegative().optional(),
  /** Shorthand for repeatCountPastYear = 0 when the count itself is not entered. */
  firstViolation: z.boolean().optional(),
  locationClass: LocationClassSchema.optional(),
  corrected: z.boolean().optional(),
  /** The officer finds the violation minor (违法行为轻微). */
  violationMinor: z.boolean().optional(),
  harm: HarmLevelSchema.optional(),
  mitigating: z.array(MitigatingCircumstanceSchema).optional(),
  aggravating: z.array(AggravatingCircumstanceSchema).optional(),
  /** Age at the time of the violation, for natural persons (《行政处罚法》第三十条). */
  age: z.number().int().nonnegative().max(150).optional(),
  /** 《行政处罚法》第三十一条第一句: a mentally ill or intellectually disabled person unable to recognise or control the act. */
  mentalIncapacity: z.boolean().optional(),
  /** 第三十一条第二句: one who had not wholly lost that ability (可以从轻或者减轻). */
  limitedCapacity: z.boolean().optional(),
  /** 第三十三条第二款: evidence sufficient to prove no subjective fault. */
  noFault: z.boolean().optional(),
  beyondLimitation: z.boolean().optional(),
  cooperative: z.boolean().optional(),
  /** Texts of non-structured conditions the officer confirms (exactly as shown in the benchmark). */
  confirmedConditions: z.array(z.string()).optional(),
});
export type CaseFacts = z.infer<typeof CaseFactsSchema>;

export const ImportRejectionSchema = z.object({ row: z.number().int().positive(), reason: z.string().min(1) });
/** A row that was not imported: `row` is the 1-based line (CSV) or row number (XLSX) in the file. */
export type ImportRejection = z.infer<typeof ImportRejectionSchema>;

export interface BenchmarkImportResult {
  items: BenchmarkItem[];
  rejected: ImportRejection[];
  /** rows = data rows read; rules = tiers loaded (one accepted row = one rule); items = violations. */
  stats: { rows: number; rules: number; items: number; rejected: number };
}

export interface ExemptionImportResult {
  items: ExemptionItem[];
  rejected: ImportRejection[];
  stats: { rows: number; items: number; rejected: number };
}

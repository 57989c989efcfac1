import { art, para } from '../workflow/law.ts';

/** Inspections of enterprises (涉企行政检查) and patrols (巡查): the enums with their Chinese labels. */

/** How an item is checked; an item that a written or remote check suffices for is not checked on site (国办发〔2024〕54号). */
export const inspectionMethods = { onSite: '现场检查', written: '书面检查', remote: '远程检查' } as const;
export type InspectionMethod = keyof typeof inspectionMethods;
export const inspectionMethodKeys = Object.keys(inspectionMethods) as [InspectionMethod, ...InspectionMethod[]];

export const subjectKinds = { enterprise: '企业', individual: '个体工商户', other: '其他组织' } as const;
export type SubjectKind = keyof typeof subjectKinds;
export const subjectKindKeys = Object.keys(subjectKinds) as [SubjectKind, ...SubjectKind[]];

/** 信用风险分类 (A 低 … D 高): the plan may draw higher-risk subjects more often. */
export const riskClasses = { A: 'A类（低风险）', B: 'B类（一般风险）', C: 'C类（较高风险）', D: 'D类（高风险）' } as const;
export type RiskClass = keyof typeof riskClasses;
export const riskClassKeys = Object.keys(riskClasses) as [RiskClass, ...RiskClass[]];

/**
 * Why an inspection happens. 《优化营商环境条例》第五十四条第二款: problems found through 投诉举报、转办交办、数据监测 are
 * checked in a targeted way — those inspections, and those of a case under investigation, are outside the yearly caps
 * and are recorded as such.
 */
export const inspectionTriggers = {
  planned: '计划检查',
  random: '双随机抽查',
  complaint: '投诉举报',
  referral: '转办交办',
  monitoring: '数据监测',
  case: '案件办理',
} as const;
export type InspectionTrigger = keyof typeof inspectionTriggers;
export const inspectionTriggerKeys = Object.keys(inspectionTriggers) as [InspectionTrigger, ...InspectionTrigger[]];
export const CAP_EXEMPT_TRIGGERS: readonly InspectionTrigger[] = ['complaint', 'referral', 'monitoring', 'case'];

/**
 * An inspection: 已登记 → 已赋码 (the 行政检查码 issued before entering) → 已检查 (the record made) → 整改中 → 已办结; or
 * → 已移送立案 (a clue of the case engine). An emergency inspection is registered afterwards, already 已赋码.
 */
export const inspectionStates = {
  registered: '已登记',
  coded: '已赋码',
  rectifying: '整改中',
  closed: '已办结',
  referred: '已移送立案',
  cancelled: '已取消',
} as const;
export type InspectionState = keyof typeof inspectionStates;

export const findingOutcomes = { compliant: '未发现问题', rectify: '责令整改', refer: '移送立案' } as const;
export type FindingOutcome = keyof typeof findingOutcomes;
export const findingOutcomeKeys = Object.keys(findingOutcomes) as [FindingOutcome, ...FindingOutcome[]];

/** A problem found is ordered corrected within a period (责令限期改正), before or instead of a penalty. */
export const RECTIFY_BASIS = `${art('行政处罚法', 28, para(1))}（责令限期改正）`;

/**
 * The vocabulary of the enforcement case engine (行政处罚): states, procedures, penalty kinds, evidence kinds,
 * deadlines. Pure data; the rules live in rules.ts and the transition table in workflow.ts.
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import { FILING_PERIOD_SHORT } from '../calendar/periods.ts';
import { art, item, para } from '../workflow/law.ts';

/** 普通程序 (《行政处罚法》第五章第三节) or 简易程序 (第五十一条、第五十二条). */
export const procedures = { ordinary: '普通程序', simple: '简易程序' } as const;
export type Procedure = keyof typeof procedures;

/** Every state a case can be in. The order is the order of the ordinary procedure. */
export const caseStates = {
  clue: '线索登记',
  declined: '不予立案',
  filed: '已立案',
  investigating: '调查取证',
  reviewing: '调查终结·审查',
  notified: '已事先告知',
  hearing: '听证',
  decided: '已作出决定',
  served: '已送达',
  enforcing: '执行中',
  closed: '已结案',
  archived: '已归档',
  withdrawn: '已撤销立案',
  transferred: '已移送',
  suspended: '中止',
  terminated: '已终止',
} as const;
export type CaseState = keyof typeof caseStates;
export const caseStateKeys = Object.keys(caseStates) as CaseState[];

/** States after which nothing but archiving (or nothing at all) can happen. */
export const finalStates: readonly CaseState[] = ['declined', 'archived', 'withdrawn', 'transferred', 'terminated'];

/** 行政处罚的种类 (《行政处罚法》第九条). */
export const penaltyKinds = {
  warning: '警告',
  criticism: '通报批评',
  fine: '罚款',
  confiscateIncome: '没收违法所得',
  confiscateProperty: '没收非法财物',
  suspendLicense: '暂扣许可证件',
  lowerQualification: '降低资质等级',
  revokeLicense: '吊销许可证件',
  restrictBusiness: '限制开展生产经营活动',
  suspendBusiness: '责令停产停业',
  close: '责令关闭',
  restrictEmployment: '限制从业',
  other: '其他',
} as const;
export type PenaltyKind = keyof typeof penaltyKinds;
export const penaltyKindKeys = Object.keys(penaltyKinds) as PenaltyKind[];

/**
 * A proposed or decided penalty. Money is in 分 (integer) so sums are exact. When a discretion benchmark covers
 * the violation, the case engine fills tier, range and version from it (docs/DISCRETION.md); otherwise they are
 * recorded as given, or null.
 */
export interface Penalty {
  kinds: PenaltyKind[];
  /** 罚款, in 分. */
  fineFen: number | null;
  /** 没收违法所得 / 没收非法财物 value, in 分. */
  confiscationFen: number | null;
  /** What exactly is imposed, as printed on the decision (e.g. "罚款人民币伍仟元整，没收烧烤工具"). */
  description: string;
  /** Legal basis applied (罚则), printed on the decision (Art. 59 (三)). */
  basis: string;
  /** Discretion benchmark tier (e.g. 情节较轻), its range and the benchmark version's name. */
  tier: string | null;
  range: { minFen: number | null; maxFen: number | null } | null;
  benchmarkVersion: string | null;
  /** Why the proposal is outside the benchmark range (then legal review is needed). */
  outsideRangeReason: string | null;
}

/** 审查决定 (《行政处罚法》第五十七条第一款): penalty, no penalty, or transfer to the judicial organs. */
export const decisionKinds = {
  penalty: '行政处罚决定',
  noPenalty: '不予行政处罚决定',
  transferJudicial: '移送司法机关',
} as const;
export type DecisionKind = keyof typeof decisionKinds;

/** Why no penalty is given (《行政处罚法》第三十条、第三十一条、第三十三条、第五十七条第一款第（三）项). */
export const noPenaltyGrounds = {
  firstViolation: '初次违法且危害后果轻微并及时改正（首违不罚）',
  minor: '违法行为轻微并及时改正，没有造成危害后果',
  noFault: '当事人有证据足以证明没有主观过错',
  underFourteen: '不满十四周岁',
  mentalIllness: '精神病人、智力残疾人不能辨认或者不能控制自己行为',
  factsNotEstablished: '违法事实不能成立',
} as const;
export type NoPenaltyGround = keyof typeof noPenaltyGrounds;

/** Education is recorded for every ground where a violation did happen (《行政处罚法》第三十三条第三款). */
export const groundsNeedingEducation: readonly NoPenaltyGround[] = ['firstViolation', 'minor', 'noFault', 'underFourteen', 'mentalIllness'];

/** Whether a decision still has legal effect (shown on public verification). */
export const decisionStatuses = { inForce: '有效', revoked: '已撤销', changed: '已变更' } as const;
export type DecisionStatus = keyof typeof decisionStatuses;

/** 证据种类 (《行政处罚法》第四十六条第一款). */
export const evidenceKinds = {
  documentary: '书证',
  physical: '物证',
  audioVisual: '视听资料',
  electronic: '电子数据',
  witness: '证人证言',
  partyStatement: '当事人的陈述',
  expertOpinion: '鉴定意见',
  inspectionRecord: '勘验笔录',
  onSiteRecord: '现场笔录',
} as const;
export type EvidenceKind = keyof typeof evidenceKinds;
export const evidenceKindKeys = Object.keys(evidenceKinds) as EvidenceKind[];

/**
 * Investigation acts an evidence item records. 查封扣押 and 强制拆除 need continuous audio-video where the
 * organization's configuration says so (《行政处罚法》第四十七条, 国办发〔2018〕118号).
 */
export const investigationActs = {
  inspection: '现场检查',
  inquiry: '询问',
  sampling: '抽样取证',
  preservation: '先行登记保存',
  seizure: '查封扣押',
  demolition: '强制拆除',
  other: '其他',
} as const;
export type InvestigationAct = keyof typeof investigationActs;
export const investigationActKeys = Object.keys(investigationActs) as InvestigationAct[];

/** Where a clue came from (DOMAIN.md). */
export const clueSources = {
  patrol: '日常巡查',
  complaint: '投诉举报',
  hotline: '12345热线',
  video: '视频监控',
  transfer: '其他机关移送',
  higherLevel: '上级交办',
} as const;
export type ClueSource = keyof typeof clueSources;

/**
 * Every deadline the agency must meet, with its article. (The party's statement and hearing-request periods
 * are kept on the prior notice and enforced by the decision guards; the agency cannot "miss" them.)
 */
export const deadlineKinds = {
  filing: { label: '决定是否立案', article: FILING_PERIOD_SHORT },
  decision: { label: '作出处理决定', article: art('行政处罚法', 60) },
  hearingNotice: { label: '送达听证通知', article: art('行政处罚法', 64, item(2)) },
  service: { label: '送达处罚决定书', article: art('行政处罚法', 61) },
  payment: { label: '缴纳罚款', article: art('行政处罚法', 67, para(3)) },
  publicity: { label: '公示处罚决定', article: '国办发〔2018〕118号' },
  publicityWithdrawal: { label: '撤回公示信息', article: art('行政处罚法', 48, para(2)) },
  preservation: { label: '先行登记保存处理决定', article: art('行政处罚法', 56) },
  cashHandover: { label: '当场收缴罚款交至行政机关', article: art('行政处罚法', 71) },
  cashDeposit: { label: '当场收缴罚款缴付银行', article: art('行政处罚法', 71) },
} as const;
export type DeadlineKind = keyof typeof deadlineKinds;

/**
 * Deadlines the party keeps, not the agency (缴纳罚款): the step recording a late payment or the court application
 * after it asks no reason of the officer, and the deadline is not flagged as met late.
 */
export const partyDeadlineKinds: readonly DeadlineKind[] = ['payment'];

/** Transfer targets of 《行政处罚法》第二十七条 and 第五十七条第一款第（四）项. */
export const transferTargets = { police: '公安机关', judicial: '司法机关', otherAuthority: '其他行政机关' } as const;
export type TransferTarget = keyof typeof transferTargets;

export type PartyKind = 'person' | 'organization';
/** A case's party: known, or not yet identified at the clue stage (identified before filing, 《行政处罚法》第五十四条). */
export type CasePartyKind = PartyKind | 'unknown';

/** Amounts in 分 as 元 text for messages: 520000 → '5,200.00元'. */
export function formatYuan(fen: number): string {
  const yuan = fen / 100;
  return `${yuan.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}元`;
}

/** Facts needed by the limitation rule (《行政处罚法》第三十六条). */
export interface ActPeriod {
  startedOn: IsoDate;
  /** null while the act continues (继续状态). */
  endedOn: IsoDate | null;
}

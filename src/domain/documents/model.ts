/**
 * The data contract of the enforcement-document renderer: everything a 执法文书 may print, gathered from one
 * case. The case engine maps its own read model onto this shape with one function; the renderer never reads
 * the database. Every field that a document needs is checked by that document's template (catalog.ts), so a
 * field is optional here only because not every stage of a case has it yet.
 *
 * Fields follow `shared/data/enforcement-documents.md` (sources A–I and the 《行政处罚法》(2021)).
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import type { DocumentNumber, LocalDateTime } from './format.ts';

/** A natural person as party or interviewee: 姓名、性别、年龄、身份证号、住址、电话 (立案审批表, 询问笔录). */
export interface PersonParty {
  kind: 'person';
  name: string;
  /** 公民身份号码 (GB 11643), sex and age read from it; or the number of the document `idType` names. */
  idNumber: string;
  /** Another identity document than the 居民身份证 (its Chinese name, e.g. 护照), with nationality and birth date as recorded. */
  idType?: string;
  nationality?: string;
  birthDate?: IsoDate;
  address: string;
  phone?: string;
  /** 职业 or 工作单位. */
  occupation?: string;
}

/** An organization as party: 名称、法定代表人（负责人）、地址、统一社会信用代码、电话. */
export interface OrganizationParty {
  kind: 'organization';
  name: string;
  /** 统一社会信用代码 (GB 32100). */
  creditCode: string;
  legalRepresentative: string;
  /** '法定代表人' for a legal person; '负责人' for a branch or other organization. */
  legalRepresentativeTitle: '法定代表人' | '负责人';
  address: string;
  phone?: string;
}

export type DocumentParty = PersonParty | OrganizationParty;

/** An enforcement officer with the certificate shown under 《行政处罚法》第四十二条、第五十五条. */
export interface Officer {
  name: string;
  certificateNo: string;
}

/** The issuing authority. Documents are issued in its name and sealed with its seal (Art. 59 ⑥). */
export interface Agency {
  /** Full name, the 署名 of every document, e.g. '锦江市城市管理和综合行政执法局'. */
  name: string;
  /** Text of the seal applied, e.g. '锦江市城市管理和综合行政执法局' or '…行政执法专用章'. */
  sealText: string;
  address: string;
  postalCode?: string;
  /** 联系人 named on notices (Art. 44 notices tell the party whom to contact). */
  contactPerson: string;
  phone: string;
  /**
   * 行政复议机关. Since the 2023 《行政复议法》(第二十四条) a county-level-or-above government hears cases
   * against its own departments, so for a city-management bureau this is 本级人民政府.
   */
  reconsiderationBody: string;
  /** The people's court with jurisdiction (《行政诉讼法》第十八条: where the agency is). */
  court: string;
}

/** 《行政处罚法》第四十六条: the kinds of evidence. */
export const evidenceKinds = {
  documentary: '书证',
  physical: '物证',
  audioVisual: '视听资料',
  electronic: '电子数据',
  witness: '证人证言',
  partyStatement: '当事人的陈述',
  expertOpinion: '鉴定意见',
  inspectionRecord: '勘验笔录、现场笔录',
} as const;
export type EvidenceKind = keyof typeof evidenceKinds;

export interface Evidence {
  kind: EvidenceKind;
  /** e.g. '现场照片12张'. */
  name: string;
  /** What it proves. */
  proves: string;
}

/**
 * 《行政处罚法》第九条: the kinds of administrative penalty (行政拘留 is the police's alone and is not offered).
 */
export const penaltyKinds = {
  warning: '警告',
  publicCriticism: '通报批评',
  fine: '罚款',
  confiscateIllegalGains: '没收违法所得',
  confiscateIllegalProperty: '没收非法财物',
  suspendPermit: '暂扣许可证件',
  lowerQualification: '降低资质等级',
  revokePermit: '吊销许可证件',
  restrictOperations: '限制开展生产经营活动',
  suspendProduction: '责令停产停业',
  closeDown: '责令关闭',
  restrictPractice: '限制从业',
  other: '法律、行政法规规定的其他行政处罚',
} as const;
export type PenaltyKind = keyof typeof penaltyKinds;

/** One penalty imposed: a kind, and the amount (yuan) for fines and confiscated gains or the object otherwise. */
export interface PenaltyItem {
  kind: PenaltyKind;
  /** Yuan, for 'fine' and 'confiscateIllegalGains'. */
  amount?: number;
  /** What is confiscated, suspended, revoked …; required for every kind but fine and warning. */
  detail?: string;
}

/** A signed opinion on a form: text, who, when. */
export interface Opinion {
  text: string;
  by: string;
  date: IsoDate;
}

export const caseSources = {
  patrol: '巡查发现',
  complaint: '投诉举报',
  assigned: '上级交办',
  transferred: '部门移送',
  digitalCityManagement: '数字城管派遣',
  other: '其他',
} as const;
export type CaseSource = keyof typeof caseSources;

export interface Filing {
  date: IsoDate;
  /** 案情摘要. */
  summary: string;
  /** 立案理由 (Art. 54: the filing standard is met). */
  reason: string;
  /** 承办人意见; signed by the officers of `DocumentCase.officers` with their certificates. */
  officerOpinion: Opinion;
  /** 承办机构意见. */
  unitOpinion: Opinion;
  /** 行政机关负责人审批意见. */
  headApproval: Opinion;
}

/** 现场检查（勘验）笔录 (Art. 55). */
export interface Inspection {
  start: LocalDateTime;
  end: LocalDateTime;
  place: string;
  /** Names of the officers who inspected (each must be in `DocumentCase.officers`). */
  inspectors: string[];
  recorder: string;
  /** The party or person present, e.g. '张某某（当事人）'. */
  presentPerson: string;
  /** 现场情况: an objective description (position, area/quantity). */
  findings: string;
  /** Photo and video numbers taken on the spot. */
  mediaRefs?: string;
  /** The party's (present person's) signature drawn on the screen; absent: the line is left for a hand signature. */
  partySignature?: PartySignatureRef;
}

export interface Interviewee {
  name: string;
  idNumber: string;
  employer?: string;
  position?: string;
  address: string;
  phone: string;
  /** 与本案关系, e.g. '当事人'、'证人'. */
  relation: string;
}

/** 询问笔录 (Art. 55). */
export interface Inquiry {
  start: LocalDateTime;
  end: LocalDateTime;
  place: string;
  interviewee: Interviewee;
  /** Names of the questioning officers (≥ 2, Art. 42). */
  questioners: string[];
  recorder: string;
  /**
   * The interviewee's answer to the opening question, in which the officers show their certificates (Art. 55)
   * and tell the rights to state, defend and ask for recusal (Art. 43), e.g. '看清楚了，不申请回避。'.
   */
  rightsAnswer: string;
  /** The questions and answers after the opening, in order. */
  exchanges: { question: string; answer: string }[];
  /** The interviewee's signature drawn on the screen; absent: the line is left for a hand signature. */
  partySignature?: PartySignatureRef;
}

/** 责令（限期）改正通知书 (Art. 28). */
export interface CorrectionOrder {
  number: DocumentNumber;
  date: IsoDate;
  /** The violation as found when the order was made, the party left out as subject ('在…擅自设置…'). */
  finding: string;
  /** What to correct, e.g. '拆除违法设置的户外广告牌'. */
  requirement: string;
  /** Correct by this day; absent means 立即改正. */
  deadline?: IsoDate;
  /** The provision that orders the correction besides Art. 28, e.g. '《中华人民共和国城乡规划法》第六十四条'. */
  basis?: string;
}

/** 案件调查终结报告 (Art. 57). */
export interface InvestigationReport {
  date: IsoDate;
  /** 拟处理意见. */
  proposal: string;
}

/**
 * 裁量理由: why this penalty, and the benchmark item and tier it follows where a benchmark covers the violation
 * (《行政处罚法》第三十四条: agencies may set benchmarks; where none applies the reason alone is stated).
 */
export interface Discretion {
  benchmark?: string;
  tier?: string;
  /** The tier's fine range (yuan), when the benchmark sets one. */
  range?: { min?: number; max?: number };
  reason: string;
  /** Why the amount is outside the tier's range (recorded with the proposal; legal review follows). */
  outsideRange?: string;
}

/** 法制审核意见书 (Art. 58). */
export interface LegalReview {
  reviewers: Officer[];
  date: IsoDate;
  /** Findings per aspect: 主体、权限、事实、证据、程序、法律适用、裁量、文书. */
  findings: { aspect: LegalReviewAspect; finding: string }[];
  conclusion: LegalReviewConclusion;
  /** Further opinion, required when the conclusion is not 'approve'. */
  remarks?: string;
}

export const legalReviewAspects = {
  subject: '执法主体',
  authority: '执法权限',
  facts: '事实认定',
  evidence: '证据',
  procedure: '执法程序',
  lawApplication: '法律适用',
  discretion: '裁量基准运用',
  documents: '文书制作',
} as const;
export type LegalReviewAspect = keyof typeof legalReviewAspects;

export const legalReviewConclusions = {
  approve: '认为案件事实清楚，证据确凿充分，定性准确，处罚适当，程序合法，同意处罚意见。',
  supplement: '认为案件主要事实不清、证据不足，建议补充调查。',
  amend: '认为定性不准、适用依据错误、程序不合法或者处罚不当，建议纠正。',
  transfer: '认为违法行为涉嫌犯罪，建议移送司法机关。',
} as const;
export type LegalReviewConclusion = keyof typeof legalReviewConclusions;

/** 集体讨论笔录 (Art. 57 ¶2). */
export interface CollectiveDiscussion {
  start: LocalDateTime;
  end: LocalDateTime;
  place: string;
  host: string;
  /** The heads (负责人) who discussed and decided. */
  participants: string[];
  /** 列席: others present who did not decide (optional; older records have none). */
  attendees?: string[];
  recorder: string;
  /** 案情汇报: who reported. */
  reporter: string;
  opinions: { speaker: string; opinion: string }[];
  conclusion: string;
}

/** A notice sent to the party (事先告知书, 听证告知书). */
export interface IssuedNotice {
  number: DocumentNumber;
  date: IsoDate;
}

/** The party's statement and defence and its review (Art. 45). */
export interface StatementAndDefence {
  /** False when the party made none: the period passed without one, or the party waived it (`waived`). */
  made: boolean;
  /** When it was recorded (absent in older fixtures). */
  date?: IsoDate;
  /** Who recorded it (the acting officer). */
  recordedBy?: string;
  /** The party expressly waived the right (《行政处罚法》第六十二条), as opposed to letting the period pass. */
  waived?: boolean;
  summary?: string;
  /** 复核意见: adopted or not, and why. */
  review?: string;
  /** When and by whom the 复核 reply was recorded, if after the statement (absent: with it, by `recordedBy`). */
  reviewedOn?: IsoDate;
  reviewedBy?: string;
}

/** 听证 (Art. 64, 65). */
export interface Hearing {
  /** When the party asked for the hearing. */
  requestDate: IsoDate;
  notice: IssuedNotice;
  /** Date and time; a date alone when no time was recorded (the hearing notice then refuses, it must state the time). */
  start: LocalDateTime | IsoDate;
  end?: LocalDateTime;
  place: string;
  /** 公开 unless state secrets, trade secrets or privacy (Art. 64(三)). */
  publicHearing: boolean;
  /** 主持人: not an investigator of the case (Art. 64(四)). */
  host: string;
  hearingOfficers: string[];
  recorder: string;
  partyAttendees: string[];
  agents?: string[];
  /** 调查人员提出的事实、证据和处罚建议. */
  investigatorStatement?: string;
  /** 当事人的申辩和质证. */
  partyStatement?: string;
  debate?: string;
  finalStatement?: string;
}

/** 行政处罚决定书 (Art. 59). */
export interface PenaltyDecision {
  number: DocumentNumber;
  date: IsoDate;
  penalties: PenaltyItem[];
}

/**
 * Where fines are paid. 《行政处罚法》第六十七条: the deciding agency does not collect fines itself; the party
 * pays at the designated bank or through the electronic payment system.
 */
export interface PaymentAccount {
  bank: string;
  accountName: string;
  account: string;
}

/** 不予行政处罚 grounds, each with its article. */
export const noPenaltyGrounds = {
  minorCorrected: { label: '违法行为轻微并及时改正，没有造成危害后果', article: '《中华人民共和国行政处罚法》第三十三条第一款' },
  firstViolation: { label: '初次违法且危害后果轻微并及时改正', article: '《中华人民共和国行政处罚法》第三十三条第一款' },
  noFault: { label: '当事人有证据足以证明没有主观过错', article: '《中华人民共和国行政处罚法》第三十三条第二款' },
  underFourteen: { label: '违法行为发生时不满十四周岁', article: '《中华人民共和国行政处罚法》第三十条' },
  mentalIllness: { label: '违法行为发生时不能辨认或者不能控制自己的行为', article: '《中华人民共和国行政处罚法》第三十一条' },
  timeBarred: { label: '违法行为在法定期限内未被发现', article: '《中华人民共和国行政处罚法》第三十六条' },
} as const;
export type NoPenaltyGround = keyof typeof noPenaltyGrounds;

export interface NoPenaltyDecision {
  number: DocumentNumber;
  date: IsoDate;
  /**
   * The act found, without the party as subject ('在…摆放货架销售水果…'), when `facts` holds only the assessment
   * (初次违法、危害后果轻微…): the decision states the act before why it is not penalized.
   */
  act?: string;
  ground: NoPenaltyGround;
  /** The reasons, in the agency's words. */
  reasoning: string;
  /** The education given (Art. 33 ¶3: the party is always educated). */
  education: string;
}

/** 当场行政处罚决定书 (简易程序, Art. 51, 52). */
export interface OnSpotDecision {
  /** 预定格式、编有号码 (Art. 52): the printed serial of the form. */
  formNumber: string;
  /** Date and time (Art. 52: the decision states the time), or the date alone when no time was recorded. */
  time: LocalDateTime | IsoDate;
  place: string;
  penalty: 'warning' | 'fine';
  /** Yuan, for a fine. */
  amount?: number;
  /**
   * 当场收缴: Art. 68 (≤100元, or where enforcing later would be hard) or Art. 69 (remote, water or poorly connected
   * areas, at the party's request), against the finance department's receipt (Art. 70).
   */
  collectedOnSpot?: { receiptNo: string; reason: 'upTo100' | 'hardToPayLater' | 'remoteArea' };
  officers: Officer[];
  /** The party refused to sign for it (Art. 52: noted on the decision). */
  partyRefusedToSign?: boolean;
}

export const serviceMethods = {
  direct: '直接送达',
  left: '留置送达',
  mail: '邮寄送达',
  entrusted: '委托送达',
  announcement: '公告送达',
  electronic: '电子送达',
} as const;
export type ServiceMethod = keyof typeof serviceMethods;

/** 送达回证 (Art. 61). */
export interface ServiceRecord {
  /** The document served, e.g. '行政处罚决定书'. */
  documentName: string;
  documentNumber?: DocumentNumber;
  recipient: string;
  place: string;
  method: ServiceMethod;
  /** Date and time of service, or the date alone when no time was recorded. */
  servedAt: LocalDateTime | IsoDate;
  servers: string[];
  /** Who signed for it instead of the recipient, and why (代收). */
  receiver?: { name: string; reason: string };
  /** 留置送达: the witness (《民事诉讼法》第八十九条). */
  witness?: string;
  /** 电子送达: the party's written consent (Art. 61 ¶2), e.g. '2024年3月20日签署的送达地址确认书'. */
  electronicConsent?: string;
  /** 公告送达: why the other ways failed (《民事诉讼法》第九十五条). */
  announcementReason?: string;
  remark?: string;
  /** The recipient's signature drawn on the screen (printed in 受送达人签名或盖章); absent: the cell is left for a hand signature. */
  partySignature?: PartySignatureRef;
}

/** A signature the party drew on the screen: its image's SM3 digest and the day it was drawn. */
export interface PartySignatureRef {
  digest: string;
  signedOn: IsoDate;
}

/** 催告书 (Art. 72; 《行政强制法》第三十五条、第四十五条). */
export interface PaymentReminder {
  number: DocumentNumber;
  date: IsoDate;
  /** Days the party is given to pay after receiving the reminder. */
  periodDays: number;
}

/** 案件移送函 (Art. 27, or 无管辖权移送). */
export interface Transfer {
  number: DocumentNumber;
  date: IsoDate;
  /** The receiving authority, e.g. '锦江市公安局锦江分局'. */
  recipient: string;
  reason: string;
  /** The legal basis of the transfer. */
  basis: string;
  materials: { name: string; count: string }[];
}

/** 结案报告. */
export interface Closing {
  date: IsoDate;
  execution: string;
  reason: string;
  undertakerOpinion: Opinion;
  reviewerOpinion: Opinion;
  headOpinion: Opinion;
}

/** 案卷封面 / 卷内目录. */
export interface Archive {
  /** 案卷号. */
  fileNumber: string;
  /** 保管期限, e.g. '永久'、'长期'、'30年'. */
  retention: string;
  /** 处理结果, e.g. '罚款人民币贰仟元整，已缴纳'. */
  result: string;
  archivedDate: IsoDate;
  archivist: string;
}

/** Payment received. */
export interface Payment {
  paidDate: IsoDate;
  amount: number;
  receiptNo: string;
}

/**
 * A procedural act the head approved by taking the step (不予立案, 撤销立案, 中止/恢复/终止调查): when, why, who, and the
 * 承办人 and 承办机构 opinions signed on its form before it (`signOpinion`); a place nobody signed prints blank, with
 * its signature line, for the paper form.
 */
export interface ApprovedAct {
  date: IsoDate;
  reason: string;
  /** The head who took the step. */
  approvedBy: string;
  undertakerOpinion?: Opinion;
  unitOpinion?: Opinion;
  /** 文号 of the notice the act issues (不予立案告知书); absent on records made before it was numbered. */
  number?: DocumentNumber;
}

/** 先行登记保存 (《行政处罚法》第五十六条): the items, the head's approval, and the decision on them within seven days. */
export interface Preservation {
  date: IsoDate;
  items: string;
  /** The head's approval (signed in their own session). */
  approval?: Opinion;
  decision?: { date: IsoDate; outcome: string; number?: DocumentNumber };
  /** 文号 of the 先行登记保存证据通知书 (absent on older records). */
  number?: DocumentNumber;
}

/** 行政处罚决定审批表: the head who took the `decide` step, and when. */
export interface DecisionApproval {
  date: IsoDate;
  decidedBy: string;
}

/** 延期（分期）缴纳罚款 (《行政处罚法》第六十六条第二款): approved by the head with a reason and a plan. */
export interface Deferral {
  date: IsoDate;
  reason: string;
  approvedBy: string;
  /** The undertaker's opinion signed on the form before the approval (`signOpinion`); blank when none. */
  undertakerOpinion?: Opinion;
  /** Due date and amount (yuan) of each part; one part is a deferral, several are instalments. */
  instalments: { dueOn: IsoDate; amount: number }[];
  /** 文号 of the 延期（分期）缴纳罚款决定书 (absent on older records). */
  number?: DocumentNumber;
}

/** 申请人民法院强制执行 (《行政强制法》第五十三条至第五十五条). */
export interface CourtEnforcement {
  date: IsoDate;
  court: string;
  /** The head who decided to apply (the application is signed by the agency's head, 第五十五条第二款). */
  appliedBy: string;
}

/** Everything the documents of one case may print. */
export interface DocumentCase {
  agency: Agency;
  /** 案件编号 (the filing number). */
  caseNumber: DocumentNumber;
  /** 行政行为码, printed as text and QR code on every document. */
  actCode: string;
  /** The portal address where the act code is verified; the QR code encodes it with the code. */
  verifyUrl?: string;
  procedure: 'ordinary' | 'simple';
  /** 案由, e.g. '擅自设置户外广告设施案'. */
  causeOfAction: string;
  source: CaseSource;
  party: DocumentParty;
  /** The officers handling the case (承办人), with certificates; at least two (Art. 42). */
  officers: Officer[];
  filing?: Filing;
  inspections?: Inspection[];
  inquiries?: Inquiry[];
  correctionOrder?: CorrectionOrder;
  /**
   * 违法事实 as established, written without the party as subject ('未经批准，于…在…设置…'): documents put
   * '你单位' / '当事人' in front.
   */
  facts?: string;
  evidence?: Evidence[];
  /** 违反的条款, e.g. '《锦江市市容和环境卫生管理条例》第二十二条第一款'. */
  violatedProvision?: string;
  /** 处罚依据, e.g. '《锦江市市容和环境卫生管理条例》第四十一条第一项'. */
  penaltyProvision?: string;
  discretion?: Discretion;
  /** Proposed penalties (事先告知, 听证告知); the decision holds the final ones. */
  proposedPenalties?: PenaltyItem[];
  investigationReport?: InvestigationReport;
  legalReview?: LegalReview;
  collectiveDiscussion?: CollectiveDiscussion;
  priorNotice?: IssuedNotice;
  hearingRightsNotice?: IssuedNotice;
  /** What the decision says of the statements: made (any entry raised points), waived, or none in the period. */
  statement?: StatementAndDefence;
  /**
   * Every statement or waiver recorded, in order, each with its day, recorder and its own 复核 reply (one 陈述申辩笔录
   * each; one 复核意见书 per statement that raised points). Absent in hand-built fixtures: `statement` is then the one.
   */
  statements?: StatementAndDefence[];
  hearing?: Hearing;
  decision?: PenaltyDecision;
  paymentAccount?: PaymentAccount;
  noPenaltyDecision?: NoPenaltyDecision;
  onSpotDecision?: OnSpotDecision;
  services?: ServiceRecord[];
  payment?: Payment;
  reminder?: PaymentReminder;
  transfer?: Transfer;
  closing?: Closing;
  archive?: Archive;
  /** 案情摘要 as registered with the clue (不予立案 documents). */
  clueSummary?: string;
  /** 不予立案 (the head declined to file). */
  decline?: ApprovedAct;
  /** 撤销立案. */
  withdrawal?: ApprovedAct;
  /** 中止调查, 恢复调查 (one per step) and 终止调查. */
  suspensions?: ApprovedAct[];
  resumptions?: ApprovedAct[];
  termination?: ApprovedAct;
  preservations?: Preservation[];
  decisionApproval?: DecisionApproval;
  deferral?: Deferral;
  courtEnforcement?: CourtEnforcement;
}

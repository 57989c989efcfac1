/**
 * Inputs of every case action, validated at every edge (HTTP, CLI, services) with the same zod schemas.
 * Every action may carry `on`: the China date the act happened (defaults to today); acts are recorded in
 * order and never in the future (checked by the workflow).
 */
import { z } from 'zod';
import { idInput } from '../ids.ts';
import { isIsoDate } from '../calendar/iso-date.ts';
import { CaseFactsInputSchema } from '../discretion/case-penalty.ts';
import { cashActionInputs, onSpotCollectionInput } from './cash-inputs.ts';
import { reviewChecklistInput } from './legal-review.ts';
import { partyInput } from './parties.ts';
import { decisionKinds, noPenaltyGrounds, penaltyKindKeys, transferTargets } from './model.ts';
import {
  archiveRetentions,
  confidentialHearingReasons,
  correctionFieldKeys,
  lateReasonInput,
  localDateTimeInput,
  missing,
  opinionForms,
  opinionRoles,
  recordActionInputs,
  requiredServiceInput,
  requiredUserInput,
  serviceFields,
  signedOpinion,
  timeOfDayInput,
} from './record-inputs.ts';

// `format: 'date'` tells generated forms (web) and OpenAPI that this is a calendar date.
export const isoDateInput = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD 且为真实日期').meta({ format: 'date' });
const text = (label: string, max = 2000) =>
  z.string({ error: missing(label) }).trim().min(2, `${label}至少 2 个字`).max(max, `${label}不超过 ${max} 个字`).meta({ title: label });
const fen = z.number().int('金额以分为单位，应为整数').nonnegative('金额不能为负');
const on = isoDateInput.optional().meta({ title: '办理日期', description: '该步骤实际发生的日期（默认今天），不得晚于今天，也不得早于上一步骤' });
const userId = idInput('人员编号');

const penaltyShape = z
  .object({
    kinds: z.array(z.enum(penaltyKindKeys, { message: '处罚种类无效' })).min(1, '至少选择一种处罚种类').meta({ title: '处罚种类' }),
    fineFen: fen.nullable().default(null).meta({ title: '罚款金额', description: '选择“罚款”时填写' }),
    confiscationFen: fen.nullable().default(null).meta({ title: '没收金额', description: '没收违法所得的数额或没收非法财物的价值' }),
    description: text('处罚内容', 500),
    basis: text('处罚依据', 500),
    tier: z.string().trim().max(20).nullable().default(null).meta({ title: '裁量阶次', description: '适用裁量基准时由系统按裁量事实确定', readOnly: true }),
    range: z
      .object({ minFen: fen.nullable().meta({ title: '幅度下限' }), maxFen: fen.nullable().meta({ title: '幅度上限' }) })
      .nullable()
      .default(null)
      .meta({ title: '裁量幅度', description: '适用裁量基准时由系统填写', readOnly: true }),
    benchmarkVersion: z.string().trim().max(40).nullable().default(null).meta({ title: '裁量基准版本', description: '适用裁量基准时由系统填写', readOnly: true }),
    outsideRangeReason: z
      .string()
      .trim()
      .max(1000)
      .nullable()
      .default(null)
      .meta({ title: '超出裁量幅度的理由', description: '罚款超出裁量基准幅度时必须说明理由，并须经法制审核（《行政处罚法》第三十四条）' }),
  });
const fineGiven = (p: { kinds: string[]; fineFen: number | null }) => p.kinds.includes('fine') === (p.fineFen !== null && p.fineFen > 0);
const fineGivenError = () => ({ message: '选择“罚款”时须填写大于 0 的罚款金额；未选择“罚款”时不应填写罚款金额', path: ['fineFen'] });
export const penaltyInput = penaltyShape.refine(fineGiven, fineGivenError());

/**
 * The penalty decided on the spot (《行政处罚法》第五十一条): no discretion-benchmark fields — the benchmark is not
 * applied to the simple procedure (docs/DISCRETION.md), so the form does not show fields that never apply.
 */
export const onSpotPenaltyInput = penaltyShape.omit({ tier: true, range: true, benchmarkVersion: true, outsideRangeReason: true }).refine(fineGiven, fineGivenError());

const decisionKindKeys = Object.keys(decisionKinds) as [keyof typeof decisionKinds, ...(keyof typeof decisionKinds)[]];
const groundKeys = Object.keys(noPenaltyGrounds) as [keyof typeof noPenaltyGrounds, ...(keyof typeof noPenaltyGrounds)[]];
const targetKeys = Object.keys(transferTargets) as [keyof typeof transferTargets, ...(keyof typeof transferTargets)[]];

/** What the investigation proposes (调查终结报告): the decision kind and its content. */
export const proposalInput = z.object({
  kind: z.enum(decisionKindKeys, { message: '处理意见类型无效' }).meta({ title: '处理意见' }),
  penalty: penaltyInput.nullable().default(null).meta({ title: '拟处罚内容' }),
  ground: z.enum(groundKeys, { message: '不予处罚理由无效' }).nullable().default(null).meta({ title: '不予处罚理由' }),
  /** 教育记录 (《行政处罚法》第三十三条第三款). */
  education: z
    .string()
    .trim()
    .max(2000)
    .nullable()
    .default(null)
    .meta({ title: '教育情况', description: '对当事人进行教育的情况（《行政处罚法》第三十三条第三款）' }),
  /** For a transfer to the judicial organs: which and why. */
  transferReason: z.string().trim().max(2000).nullable().default(null).meta({ title: '移送理由' }),
  /** The judicial organ the case goes to (案件移送函 addressee). */
  transferReceiver: z.string().trim().max(100).nullable().optional().meta({ title: '接收移送的司法机关', description: '如“云城市公安局东湖分局”' }),
  /** Why no penalty, in the agency's words (不予行政处罚决定书). */
  reasoning: z.string().trim().max(2000).nullable().optional().meta({ title: '不予处罚的具体理由', description: '印在不予行政处罚决定书上' }),
});

export const caseFlagsInput = z.object({
  /** 情节复杂 (Art. 57 collective discussion; Art. 58 (三) legal review). */
  complex: z.boolean().default(false).meta({ title: '情节复杂', description: '须经负责人集体讨论和法制审核（第五十七条、第五十八条）' }),
  /** 涉及重大公共利益 (Art. 58 (一)). */
  majorPublicInterest: z.boolean().default(false).meta({ title: '涉及重大公共利益', description: '须经法制审核（第五十八条第一款第一项）' }),
  /** 具有一定社会影响 (Art. 48 publicity). */
  socialImpact: z.boolean().default(false).meta({ title: '具有一定社会影响', description: '处罚决定应当公开（第四十八条）' }),
});

export const caseActionInput = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('file'),
    on,
    lateReason: lateReasonInput,
    officerIds: z.array(userId).min(2, '立案须指定至少两名执法人员').max(10).meta({ title: '承办执法人员', description: '至少两名持有效执法证件的执法人员（第四十二条）' }),
    opinion: text('立案意见', 1000),
    /**
     * 承办机构意见 of the 立案审批表, when the head filing it signs it too; otherwise the handling unit's leader signs
     * it in their own session (`signOpinion`), as the officers sign the 承办人意见.
     */
    unitOpinion: signedOpinion('承办机构意见').optional(),
  }),
  z.object({ action: z.literal('decline'), on, lateReason: lateReasonInput, reason: text('不予立案理由') }),
  z.object({ action: z.literal('startInvestigation'), on }),
  z.object({
    action: z.literal('closeInvestigation'),
    on,
    findings: text('调查终结报告（违法事实）', 5000),
    proposal: proposalInput.meta({ title: '处理意见' }),
    flags: caseFlagsInput.default({ complex: false, majorPublicInterest: false, socialImpact: false }).meta({ title: '案件情形' }),
    /** Facts the discretion benchmark grades by (《行政处罚法》第三十四条); required for a penalty when one applies. */
    discretionFacts: CaseFactsInputSchema.optional().meta({ title: '裁量事实' }),
    /**
     * 裁量理由 of the 案件调查终结报告 (《行政处罚法》第三十四条、第五十七条). For a penalty: required unless a discretion
     * benchmark covers the violation, whose explanation of the tier is then the reason (services/cases/effects/investigation.ts).
     */
    discretionReason: text('裁量理由', 2000)
      .optional()
      .meta({
        title: '裁量理由',
        description: '拟给予行政处罚的，写明处罚种类和幅度的裁量理由（违法情节、危害后果、从轻从重情节等），印在案件调查终结报告上；适用裁量基准且不填写的，采用裁量基准的阶次说明',
      }),
  }),
  z.object({
    action: z.literal('legalReview'),
    on,
    passed: z.boolean().meta({ title: '审核通过' }),
    opinion: text('审核意见'),
    /** 主体、权限、事实、证据、程序、法律适用、裁量、文书, each passed or not with a note (legal-review.ts). */
    checklist: reviewChecklistInput,
  }),
  z.object({
    action: z.literal('collectiveDiscussion'),
    on,
    /** Users, not typed names: the heads (负责人) of the case's unit or above take part; anyone else chosen is 列席. */
    participantIds: z
      .array(userId)
      .min(3, '集体讨论至少三名负责人参加')
      .max(20)
      .meta({ title: '参加讨论人员', description: '从本单位及上级单位的负责人中选择，至少三名负责人；选择的其他人员记为列席（第五十七条第二款）' }),
    /** 列席 who are not users of the system (e.g. the legal adviser): never counted as 负责人. */
    attendees: z.array(text('列席人员', 40)).max(20).optional().meta({ title: '其他列席人员', description: '不是本系统用户的列席人员姓名（如法律顾问），不计入负责人' }),
    conclusion: text('讨论结论'),
    /** 集体讨论笔录 (第五十七条第二款): the head taking this step presides; what the record prints is required. */
    startAt: localDateTimeInput('讨论开始时间'),
    endAt: localDateTimeInput('讨论结束时间'),
    place: text('讨论地点', 100),
    recorder: text('记录人', 20).meta({ title: '记录人', description: '制作集体讨论笔录的人员姓名' }),
    reporterId: requiredUserInput('案情汇报人').meta({ title: '案情汇报人', description: '本案承办执法人员' }),
    opinions: z
      .array(z.object({ speaker: text('发言人', 20), opinion: text('讨论意见', 1000) }), { error: missing('讨论意见') })
      .min(1, '请记录参加人员的讨论意见')
      .max(20)
      .meta({ title: '讨论意见', description: '参加人员逐一发表的意见' }),
  }),
  z.object({ action: z.literal('notify'), on, service: requiredServiceInput('事先告知书送达情况') }),
  z.object({
    action: z.literal('recordStatement'),
    on,
    waived: z.boolean().default(false).meta({ title: '当事人明确放弃陈述申辩', description: '放弃后即可作出决定（第六十二条）；告知听证权利的，还须另行放弃听证或待听证申请期限届满' }),
    /** 放弃听证 (《行政处罚法》第六十四条第（一）项): separate from waiving the statement; only after a notice that offered a hearing. */
    hearingWaived: z
      .boolean()
      .optional()
      .meta({ title: '当事人明确放弃听证', description: '已告知听证权利的，放弃陈述申辩不等于放弃听证；未明确放弃听证的，听证申请期限（告知后五个工作日）届满前不得作出决定（第六十四条第（一）项）' }),
    content: z.string().trim().max(5000).default('').meta({ title: '陈述申辩内容' }),
    reply: z.string().trim().max(5000).default('').meta({ title: '复核意见', description: '对当事人提出的事实、理由和证据的复核意见；当事人提出陈述申辩的，记录复核意见后方可作出决定（第四十五条第一款）' }),
  }),
  z.object({
    action: z.literal('correctParty'),
    on,
    party: partyInput.meta({ title: '当事人', description: '查明或更正后的当事人信息（全部重新填写）' }),
    reason: text('更正理由', 500).meta({ title: '更正理由', description: '如：经调查查明当事人身份；身份证号录入有误' }),
  }),
  /** 更正 of a step's recorded clerical data (corrections.ts: which fields, and why the law allows it). */
  z.object({
    action: z.literal('correctRecord'),
    on,
    target: z
      .string({ error: missing('更正的记录') })
      .regex(/^(services|payments)\.\d{1,3}$/, '更正的记录无效')
      .meta({ title: '更正的记录', description: '办理记录中被更正的那一项（由页面填写）' }),
    field: z.enum(correctionFieldKeys, { error: (issue) => (issue.input === undefined ? '请选择更正事项' : '更正事项无效') }).meta({ title: '更正事项' }),
    value: z.string({ error: missing('更正后的内容') }).trim().min(1, '请填写更正后的内容').max(200, '更正后的内容不超过 200 个字').meta({ title: '更正后的内容' }),
    reason: text('更正理由', 500).meta({ title: '更正理由', description: '如：送达回证上的送达时间为 15:30，录入时误填为 13:30' }),
  }),
  z.object({
    action: z.literal('replyToStatement'),
    on,
    statementNo: z
      .number()
      .int()
      .min(1, '请填写陈述申辩序号')
      .max(100)
      .meta({ title: '陈述申辩序号', description: '复核第几次陈述申辩（按记录顺序，从 1 起）' }),
    reply: text('复核意见', 5000).meta({ title: '复核意见', description: '对当事人提出的事实、理由和证据的复核意见（第四十五条第一款）' }),
  }),
  z.object({
    action: z.literal('revisePenalty'),
    on,
    penalty: penaltyInput.meta({ title: '调整后的拟处罚内容' }),
    reason: text('调整理由'),
    discretionFacts: CaseFactsInputSchema.optional().meta({ title: '裁量事实' }),
  }),
  z.object({ action: z.literal('requestHearing'), on }),
  z.object({
    action: z.literal('scheduleHearing'),
    on,
    hearingOn: isoDateInput.meta({ title: '听证日期', description: '至少在听证 7 个工作日前通知当事人（第六十四条第二项）' }),
    presiderId: userId.meta({ title: '听证主持人', description: '由非本案调查人员主持（第六十四条第四项）' }),
    place: text('听证地点', 200),
    startTime: timeOfDayInput('听证开始时间').optional(),
    hearingOfficerIds: z.array(userId).max(4).optional().meta({ title: '听证员', description: '非本案调查人员（第六十四条第四项）' }),
    recorderId: requiredUserInput('听证记录员').meta({ title: '听证记录员', description: '印在听证通知书和听证笔录上' }),
    publicHearing: z.boolean().optional().meta({ title: '公开举行（默认公开）', description: '除涉及国家秘密、商业秘密或者个人隐私依法予以保密外，听证公开举行（第六十四条第三项）' }),
    confidentialReason: z.enum(confidentialHearingReasons).optional().meta({ title: '不公开举行的理由' }),
    service: requiredServiceInput('听证通知书送达情况'),
  }),
  z.object({
    action: z.literal('holdHearing'),
    on,
    record: text('听证笔录摘要', 5000),
    startAt: localDateTimeInput('听证开始时间').optional(),
    endAt: localDateTimeInput('听证结束时间').optional(),
    partyAttendees: z.array(text('出席人员', 40)).max(5).optional().meta({ title: '出席听证的当事人（或其法定代表人）' }),
    agents: z.array(text('委托代理人', 60)).max(2).optional().meta({ title: '委托代理人', description: '一至二人（第六十四条第五项）' }),
    investigatorStatement: text('调查人员提出的事实、证据和处罚建议', 5000).optional(),
    partyStatement: text('当事人的陈述、申辩和质证意见', 5000).optional(),
    debate: text('辩论', 5000).optional(),
    finalStatement: text('当事人最后陈述', 2000).optional(),
  }),
  z.object({ action: z.literal('decide'), on, lateReason: lateReasonInput }),
  z.object({ action: z.literal('serve'), on, lateReason: lateReasonInput, method: z.enum(['direct', 'electronic', 'mail', 'left', 'announcement'], { message: '送达方式无效' }).meta({ title: '送达方式' }), ...serviceFields }),
  z.object({
    action: z.literal('recordPayment'),
    on,
    amountFen: fen.refine((v) => v > 0, '缴款金额应大于 0').meta({ title: '缴款金额' }),
    receiptNo: z.string().trim().min(2, '票据号至少 2 个字符').max(40).meta({ title: '缴款票据号', description: '银行缴款凭证号；当场收缴的，为财政部门统一制发的罚款专用票据号（第七十条）' }),
    onSpot: onSpotCollectionInput.optional(),
  }),
  z.object({
    action: z.literal('approveDeferral'),
    on,
    instalments: z
      .array(z.object({ dueOn: isoDateInput.meta({ title: '缴纳期限' }), amountFen: fen.refine((v) => v > 0, '分期金额应大于 0').meta({ title: '分期金额' }) }))
      .min(1, '至少一期')
      .max(12, '最多 12 期')
      .meta({ title: '缴纳计划', description: '各期金额合计应等于尚欠罚款（第六十六条）' }),
    reason: text('批准理由'),
  }),
  z.object({ action: z.literal('applyCourtEnforcement'), on, court: text('人民法院名称', 100) }),
  z.object({
    action: z.literal('close'),
    on,
    summary: text('结案报告', 2000),
    /** 结案报告: execution, and the opinions of the officer closing it, the reviewer and the head. */
    execution: text('执行情况', 1000).meta({ title: '执行情况', description: '处罚决定的履行或执行情况（如缴纳罚款的日期和金额、整改情况），印在结案报告上' }),
    opinion: text('承办人意见', 500).optional(),
    reviewerOpinion: signedOpinion('审核人意见').optional(),
    headOpinion: signedOpinion('负责人意见').optional(),
  }),
  z.object({
    action: z.literal('archive'),
    on,
    archiveNo: z.string().trim().min(2, '档案号至少 2 个字符').max(40).meta({ title: '档案号' }),
    retention: z.enum(archiveRetentions).optional().meta({ title: '保管期限' }),
  }),
  z.object({ action: z.literal('withdrawFiling'), on, reason: text('撤销立案理由') }),
  z.object({ action: z.literal('transfer'), on, lateReason: lateReasonInput, target: z.enum(targetKeys, { message: '移送对象无效' }).meta({ title: '移送对象' }), receiver: text('接收机关', 100), reason: text('移送理由'), materials: recordActionInputs.materials.optional() }),
  z.object({ action: z.literal('suspend'), on, reason: text('中止理由') }),
  z.object({ action: z.literal('resume'), on, reason: text('恢复理由') }),
  z.object({ action: z.literal('terminate'), on, reason: text('终止理由') }),
  z.object({ action: z.literal('requestRecusal'), on, officerId: userId.meta({ title: '申请回避的执法人员' }), reason: text('回避理由') }),
  z.object({
    action: z.literal('decideRecusal'),
    on,
    officerId: userId.meta({ title: '申请回避的执法人员' }),
    granted: z.boolean().meta({ title: '准予回避' }),
    replacementId: userId.nullable().default(null).meta({ title: '替换的执法人员', description: '准予回避时可指定另一名持证执法人员' }),
  }),
  z.object({ action: z.literal('extendDeadline'), on, newDueOn: isoDateInput.meta({ title: '延长后的办案期限' }), reason: text('延期理由') }),
  z.object({
    action: z.literal('preserve'),
    on,
    items: text('保存物品清单', 2000),
    /** Set by the system from the head's own approval (`signOpinion`); if sent, it must name that head. */
    approvedById: userId.optional().meta({ title: '批准的负责人', description: '先行登记保存须经行政机关负责人批准（第五十六条）：负责人本人登录后在“签署审批意见”中批准', readOnly: true }),
  }),
  z.object({
    action: z.literal('signOpinion'),
    on,
    form: z.enum(opinionForms, { message: '审批表无效' }).meta({ title: '审批事项' }),
    role: z.enum(opinionRoles, { message: '意见栏无效' }).meta({ title: '意见栏' }),
    text: text('意见', 1000),
  }),
  z.object({ action: z.literal('decidePreservation'), on, lateReason: lateReasonInput, outcome: text('处理决定', 1000) }),
  ...recordActionInputs.actions,
  ...cashActionInputs,
  z.object({
    action: z.literal('revokeDecision'),
    on,
    status: z.enum(['revoked', 'changed'], { message: '请选择撤销或变更' }).meta({ title: '撤销或变更' }),
    reason: text('撤销或变更理由'),
    fineFen: fen.nullable().default(null).meta({ title: '变更后的罚款金额', description: '变更含罚款的决定时填写变更后的罚款金额；撤销的不填' }),
  }),
]);
export type CaseActionInput = z.infer<typeof caseActionInput>;
export type CaseAction = CaseActionInput['action'];
export type ActionOf<A extends CaseAction> = Extract<CaseActionInput, { action: A }>;

export const caseActionLabels: Record<CaseAction, string> = {
  file: '立案',
  decline: '不予立案',
  startInvestigation: '开始调查取证',
  closeInvestigation: '调查终结',
  legalReview: '法制审核',
  collectiveDiscussion: '负责人集体讨论',
  notify: '事先告知',
  recordStatement: '记录陈述申辩',
  replyToStatement: '记录复核意见',
  correctParty: '确认当事人信息',
  correctRecord: '更正记录',
  revisePenalty: '调整拟处罚内容',
  requestHearing: '当事人申请听证',
  scheduleHearing: '安排听证',
  holdHearing: '举行听证',
  decide: '作出决定',
  serve: '送达',
  recordPayment: '记录缴款',
  approveDeferral: '批准延期/分期缴纳',
  applyCourtEnforcement: '申请法院强制执行',
  close: '结案',
  archive: '归档',
  withdrawFiling: '撤销立案',
  transfer: '移送',
  suspend: '中止调查',
  resume: '恢复调查',
  terminate: '终止调查',
  requestRecusal: '当事人申请回避',
  decideRecusal: '决定回避',
  extendDeadline: '延长办案期限',
  preserve: '先行登记保存',
  signOpinion: '签署审批意见',
  decidePreservation: '先行登记保存处理决定',
  revokeDecision: '撤销/变更处罚决定',
  recordInspection: '制作现场检查（勘验）笔录',
  recordInquiry: '制作询问笔录',
  orderCorrection: '责令（限期）改正',
  remindPayment: '催告缴纳罚款',
  handOverCash: '当场收缴罚款交至机关',
  depositCash: '当场收缴罚款缴付银行',
};

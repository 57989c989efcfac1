/**
 * Inputs of every case action, validated at every edge (HTTP, CLI, services) with the same zod schemas.
 * Every action may carry `on`: the China date the act happened (defaults to today); acts are recorded in
 * order and never in the future (checked by the workflow).
 */
import { z } from 'zod';
import { isIsoDate } from '../calendar/iso-date.ts';
import { CaseFactsInputSchema } from '../discretion/case-penalty.ts';
import { reviewChecklistInput } from './legal-review.ts';
import { decisionKinds, noPenaltyGrounds, penaltyKindKeys, transferTargets } from './model.ts';

export const isoDateInput = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD 且为真实日期');
const text = (label: string, max = 2000) => z.string().trim().min(2, `${label}至少 2 个字`).max(max, `${label}不超过 ${max} 个字`);
const fen = z.number().int('金额以分为单位，应为整数').nonnegative('金额不能为负');
const on = isoDateInput.optional();
const userId = z.number().int().positive();

export const penaltyInput = z
  .object({
    kinds: z.array(z.enum(penaltyKindKeys, { message: '处罚种类无效' })).min(1, '至少选择一种处罚种类'),
    fineFen: fen.nullable().default(null),
    confiscationFen: fen.nullable().default(null),
    description: text('处罚内容', 500),
    basis: text('处罚依据', 500),
    tier: z.string().trim().max(20).nullable().default(null),
    range: z.object({ minFen: fen.nullable(), maxFen: fen.nullable() }).nullable().default(null),
    benchmarkVersion: z.string().trim().max(40).nullable().default(null),
    outsideRangeReason: z.string().trim().max(1000).nullable().default(null),
  })
  .refine((p) => p.kinds.includes('fine') === (p.fineFen !== null && p.fineFen > 0), {
    message: '选择“罚款”时须填写大于 0 的罚款金额；未选择“罚款”时不应填写罚款金额',
    path: ['fineFen'],
  });

const decisionKindKeys = Object.keys(decisionKinds) as [keyof typeof decisionKinds, ...(keyof typeof decisionKinds)[]];
const groundKeys = Object.keys(noPenaltyGrounds) as [keyof typeof noPenaltyGrounds, ...(keyof typeof noPenaltyGrounds)[]];
const targetKeys = Object.keys(transferTargets) as [keyof typeof transferTargets, ...(keyof typeof transferTargets)[]];

/** What the investigation proposes (调查终结报告): the decision kind and its content. */
export const proposalInput = z.object({
  kind: z.enum(decisionKindKeys, { message: '处理意见类型无效' }),
  penalty: penaltyInput.nullable().default(null),
  ground: z.enum(groundKeys, { message: '不予处罚理由无效' }).nullable().default(null),
  /** 教育记录 (《行政处罚法》第三十三条第三款). */
  education: z.string().trim().max(2000).nullable().default(null),
  /** For a transfer to the judicial organs: which and why. */
  transferReason: z.string().trim().max(2000).nullable().default(null),
});

export const caseFlagsInput = z.object({
  /** 情节复杂 (Art. 57 collective discussion; Art. 58 (三) legal review). */
  complex: z.boolean().default(false),
  /** 涉及重大公共利益 (Art. 58 (一)). */
  majorPublicInterest: z.boolean().default(false),
  /** 具有一定社会影响 (Art. 48 publicity). */
  socialImpact: z.boolean().default(false),
});

export const caseActionInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('file'), on, officerIds: z.array(userId).min(2, '立案须指定至少两名执法人员').max(10), opinion: text('立案意见', 1000) }),
  z.object({ action: z.literal('decline'), on, reason: text('不予立案理由') }),
  z.object({ action: z.literal('startInvestigation'), on }),
  z.object({
    action: z.literal('closeInvestigation'),
    on,
    findings: text('调查终结报告（违法事实）', 5000),
    proposal: proposalInput,
    flags: caseFlagsInput.default({ complex: false, majorPublicInterest: false, socialImpact: false }),
    /** Facts the discretion benchmark grades by (《行政处罚法》第三十四条); required for a penalty when one applies. */
    discretionFacts: CaseFactsInputSchema.optional(),
  }),
  z.object({
    action: z.literal('legalReview'),
    on,
    passed: z.boolean(),
    opinion: text('审核意见'),
    /** 主体、权限、事实、证据、程序、法律适用、裁量、文书, each passed or not with a note (legal-review.ts). */
    checklist: reviewChecklistInput,
  }),
  z.object({ action: z.literal('collectiveDiscussion'), on, participants: z.array(z.string().trim().min(2)).min(3, '集体讨论至少三名负责人参加'), conclusion: text('讨论结论') }),
  z.object({ action: z.literal('notify'), on }),
  z.object({ action: z.literal('recordStatement'), on, waived: z.boolean().default(false), content: z.string().trim().max(5000).default(''), reply: z.string().trim().max(5000).default('') }),
  z.object({ action: z.literal('revisePenalty'), on, penalty: penaltyInput, reason: text('调整理由'), discretionFacts: CaseFactsInputSchema.optional() }),
  z.object({ action: z.literal('requestHearing'), on }),
  z.object({ action: z.literal('scheduleHearing'), on, hearingOn: isoDateInput, presiderId: userId, place: text('听证地点', 200) }),
  z.object({ action: z.literal('holdHearing'), on, record: text('听证笔录摘要', 5000) }),
  z.object({ action: z.literal('decide'), on }),
  z.object({ action: z.literal('serve'), on, method: z.enum(['direct', 'electronic', 'mail', 'left', 'announcement'], { message: '送达方式无效' }) }),
  z.object({ action: z.literal('recordPayment'), on, amountFen: fen.refine((v) => v > 0, '缴款金额应大于 0'), receiptNo: z.string().trim().min(2).max(40) }),
  z.object({
    action: z.literal('approveDeferral'),
    on,
    instalments: z.array(z.object({ dueOn: isoDateInput, amountFen: fen.refine((v) => v > 0, '分期金额应大于 0') })).min(1).max(12),
    reason: text('批准理由'),
  }),
  z.object({ action: z.literal('applyCourtEnforcement'), on, court: text('人民法院名称', 100) }),
  z.object({ action: z.literal('close'), on, summary: text('结案报告', 2000) }),
  z.object({ action: z.literal('archive'), on, archiveNo: z.string().trim().min(2).max(40) }),
  z.object({ action: z.literal('withdrawFiling'), on, reason: text('撤销立案理由') }),
  z.object({ action: z.literal('transfer'), on, target: z.enum(targetKeys, { message: '移送对象无效' }), receiver: text('接收机关', 100), reason: text('移送理由') }),
  z.object({ action: z.literal('suspend'), on, reason: text('中止理由') }),
  z.object({ action: z.literal('resume'), on, reason: text('恢复理由') }),
  z.object({ action: z.literal('terminate'), on, reason: text('终止理由') }),
  z.object({ action: z.literal('requestRecusal'), on, officerId: userId, reason: text('回避理由') }),
  z.object({ action: z.literal('decideRecusal'), on, officerId: userId, granted: z.boolean(), replacementId: userId.nullable().default(null) }),
  z.object({ action: z.literal('extendDeadline'), on, newDueOn: isoDateInput, reason: text('延期理由') }),
  z.object({ action: z.literal('preserve'), on, items: text('保存物品清单', 2000), approvedById: userId }),
  z.object({ action: z.literal('decidePreservation'), on, outcome: text('处理决定', 1000) }),
  z.object({ action: z.literal('revokeDecision'), on, status: z.enum(['revoked', 'changed']), reason: text('撤销或变更理由') }),
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
  decidePreservation: '先行登记保存处理决定',
  revokeDecision: '撤销/变更处罚决定',
};

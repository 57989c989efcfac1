/** The steps of a work order, as one zod union on `action` (the HTTP body of a transition and the step's input). */
import { z } from 'zod';
import { isIsoDate } from '../calendar/iso-date.ts';
import { idInput } from '../ids.ts';
import { reviewOutcomeKeys, satisfactionKeys } from './model.ts';

export const missing = (label: string) => (issue: { input: unknown }) => (issue.input === undefined ? `请填写${label}` : `${label}格式无效`);
/** A required text field of a work-order form, with its Chinese label in every message. */
export const text = (label: string, max = 2000) =>
  z.string({ error: missing(label) }).trim().min(2, `${label}至少 2 个字`).max(max, `${label}不超过 ${String(max)} 个字`).meta({ title: label });
const on = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD 且为真实日期').optional().meta({ title: '办理日期', format: 'date' });
const unitId = idInput('承办单位');

export const answerMethods = { phone: '电话', sms: '短信', letter: '书面', visit: '当面', online: '网上' } as const;
/** The answers that are a written reply (书面答复, 信访工作条例第三十二条、第三十五条): a letter, or a reply through the online petition system. */
export const WRITTEN_ANSWER_METHODS: readonly string[] = ['letter', 'online'];
const receivedOn = z
  .string()
  .refine(isIsoDate, '日期格式应为 YYYY-MM-DD 且为真实日期')
  .optional()
  .meta({ title: '信访人收到书面答复的日期', format: 'date', description: '默认为书面答复之日' });
const outcome = z.enum(reviewOutcomeKeys, { message: '请选择处理结果：维持、变更或撤销原处理意见' }).meta({ title: '处理结果' });
const answerMethodKeys = Object.keys(answerMethods) as [keyof typeof answerMethods, ...(keyof typeof answerMethods)[]];

export const workOrderActionInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('decideAcceptance'), on, accepted: z.boolean({ error: '请选择是否受理' }).meta({ title: '是否受理' }), reason: text('受理意见') }),
  /** Without `unitId`: the default unit of the dispatch catalog for the order's category. */
  z.object({ action: z.literal('dispatch'), on, unitId: unitId.optional(), note: text('派单说明').optional() }),
  z.object({ action: z.literal('accept'), on }),
  z.object({ action: z.literal('return'), on, reason: text('退单理由') }),
  z.object({ action: z.literal('resolveDispute'), on, unitId, opinion: text('审核意见') }),
  z.object({ action: z.literal('reassign'), on, unitId, reason: text('改派理由') }),
  z.object({ action: z.literal('urge'), on, note: text('督办意见') }),
  z.object({
    action: z.literal('extend'),
    on,
    days: z.number({ error: '请填写延长天数' }).int('延长天数应为整数').min(1, '延长天数至少 1 日').max(30, '延长期限不得超过 30 日').meta({ title: '延长天数' }),
    reason: text('延期理由'),
  }),
  z.object({ action: z.literal('answer'), on, method: z.enum(answerMethodKeys, { message: '答复方式无效' }).meta({ title: '答复方式' }), text: text('答复内容', 4000) }),
  z.object({ action: z.literal('complete'), on, result: text('办理结果', 4000) }),
  z.object({ action: z.literal('visit'), on, satisfaction: z.enum(satisfactionKeys, { message: '满意度无效' }).meta({ title: '满意度' }), reason: text('不满意原因').optional() }),
  z.object({ action: z.literal('reopen'), on, reason: text('重新办理理由') }),
  z.object({ action: z.literal('merge'), on, intoId: idInput('并入的工单') }),
  // 第三十五条: 复查 asked of the organ one level up within 30 days of the written reply; its opinion within 30 days.
  z.object({ action: z.literal('requestReview'), on, replyReceivedOn: receivedOn, organ: text('复查机关', 100), request: text('复查请求') }),
  z.object({ action: z.literal('answerReview'), on, outcome, opinion: text('复查意见', 4000) }),
  // 第三十六条: 复核 asked of the reviewing organ's own one level up within 30 days of the 复查 reply; its opinion within 30 days.
  z.object({ action: z.literal('requestRecheck'), on, replyReceivedOn: receivedOn.meta({ title: '信访人收到复查意见的日期', description: '默认为复查意见作出之日' }), organ: text('复核机关', 100), request: text('复核请求') }),
  z.object({ action: z.literal('answerRecheck'), on, outcome, opinion: text('复核意见', 4000) }),
]);
export type WorkOrderActionInput = z.infer<typeof workOrderActionInput>;
export type WorkOrderAction = WorkOrderActionInput['action'];

export const workOrderActionLabels: Record<WorkOrderAction, string> = {
  decideAcceptance: '受理决定',
  dispatch: '派单',
  accept: '签收',
  return: '退单',
  resolveDispute: '派单异议审核',
  reassign: '改派',
  urge: '督办',
  extend: '延长办理期限',
  answer: '答复',
  complete: '办结',
  visit: '回访',
  reopen: '重新办理',
  merge: '并单',
  requestReview: '请求复查',
  answerReview: '复查意见',
  requestRecheck: '请求复核',
  answerRecheck: '复核意见',
};

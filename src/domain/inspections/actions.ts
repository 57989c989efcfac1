/** The steps of an inspection, as one zod union on `action` (the HTTP body of a transition and the step's input). */
import { z } from 'zod';
import { dateInput as date, textInput as text } from '../input-kit.ts';
import { findingOutcomeKeys } from './model.ts';

const on = date('办理日期').optional();

export const inspectionActionInput = z.discriminatedUnion('action', [
  /** 赋码: the 行政检查码 is issued before the officers enter (扫码入企); every pre-entry rule is checked here. */
  z.object({ action: z.literal('issueCode'), on }),
  /** The 现场检查笔录 / 书面检查记录 with what was found and what follows. */
  z.object({
    action: z.literal('record'),
    on,
    findings: text('检查情况', 4000),
    outcome: z.enum(findingOutcomeKeys, { message: '请选择检查结论' }).meta({ title: '检查结论' }),
    rectifyDueOn: date('整改期限').optional(),
  }),
  /** 复查: the rectification checked after its due date, or earlier when the subject reports it done. */
  z.object({ action: z.literal('reinspect'), on, rectified: z.boolean({ error: '请选择是否整改到位' }).meta({ title: '是否整改到位' }), note: text('复查情况'), rectifyDueOn: date('新的整改期限').optional() }),
  z.object({ action: z.literal('refer'), on, reason: text('移送理由') }),
  z.object({ action: z.literal('cancel'), on, reason: text('取消理由') }),
]);
export type InspectionActionInput = z.infer<typeof inspectionActionInput>;
export type InspectionAction = InspectionActionInput['action'];

export const inspectionActionLabels: Record<InspectionAction, string> = {
  issueCode: '赋码（行政检查码）',
  record: '记录检查情况',
  reinspect: '整改复查',
  refer: '移送立案',
  cancel: '取消检查',
};

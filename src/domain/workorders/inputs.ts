/** What registering a work order takes (受理登记): the HTTP body, the Open311 intake and the demo all go through it. */
import { z } from 'zod';
import { isIsoDate } from '../calendar/iso-date.ts';
import { idInput } from '../ids.ts';
import { missing, text } from './actions.ts';
import { categoryKindKeys } from './catalog.ts';
import { workOrderChannelKeys, workOrderKindKeys } from './model.ts';


/** Mobile (11 digits from 1) or fixed line with area code. */
const phone = z
  .string({ error: missing('联系电话') })
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话应为 11 位手机号或带区号的固定电话')
  .meta({ title: '联系电话' });

export const workOrderInput = z.object({
  organizationId: idInput('受理单位'),
  channel: z.enum(workOrderChannelKeys, { message: '来源渠道无效' }).meta({ title: '来源渠道' }),
  kind: z.enum(workOrderKindKeys, { message: '诉求类型无效' }).meta({ title: '诉求类型' }),
  category: z.object({
    kind: z.enum(categoryKindKeys, { message: '类别应为管理部件或管理事项' }).meta({ title: '部件/事项' }),
    code: z.string({ error: missing('类别编码') }).regex(/^\d{5}$/, '类别编码应为 5 位数字').meta({ title: '类别编码' }),
  }),
  content: text('诉求内容', 4000),
  address: text('地点', 200),
  location: z
    .object({ longitude: z.number().min(73, '经度超出中国范围').max(136, '经度超出中国范围'), latitude: z.number().min(3, '纬度超出中国范围').max(54, '纬度超出中国范围') })
    .nullable()
    .default(null)
    .meta({ title: '坐标' }),
  /** null: anonymous (匿名), allowed for every channel; then nobody is answered or visited. */
  requester: z.object({ name: text('诉求人姓名', 50), phone }).nullable().meta({ title: '诉求人' }),
  receivedOn: z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD 且为真实日期').optional().meta({ title: '受理日期', format: 'date' }),
  /** The sender's own order number (a 12345 platform's 工单号): a resend with the same number is not a new order. */
  externalNumber: z.string().trim().min(1, '外部工单号不能为空').max(64, '外部工单号不超过 64 个字符').optional().meta({ title: '外部工单号' }),
});
export type WorkOrderInput = z.input<typeof workOrderInput>;

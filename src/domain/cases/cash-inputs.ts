/**
 * The inputs and the recorded shape of 当场收缴罚款 (《行政处罚法》第六十八条至第七十一条): the `onSpot` part of a payment and
 * the hand-over and bank-deposit steps. The rules that decide them are in cash-collection.ts; this file is what
 * actions.ts and snapshot.ts need, without the rules (so neither imports the guards).
 */
import { z } from 'zod';
import { isIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import { lateReasonInput } from './record-inputs.ts';
const text = (label: string, max = 500) =>
  z.string().trim().min(2, `${label}至少 2 个字`).max(max, `${label}不超过 ${String(max)} 个字`).meta({ title: label });
const on = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD 且为真实日期').optional().meta({ title: '办理日期', format: 'date' });

/** The lawful grounds for taking a fine in cash on the spot. */
export const onSpotCollectionGrounds = ['smallFine', 'hardToEnforce', 'remoteArea'] as const;
export type OnSpotCollectionGround = (typeof onSpotCollectionGrounds)[number];
export const onSpotCollectionGroundLabels: Record<OnSpotCollectionGround, string> = {
  smallFine: '当场处以一百元以下罚款（第六十八条第（一）项）',
  hardToEnforce: '不当场收缴事后难以执行（第六十八条第（二）项）',
  remoteArea: '边远、水上、交通不便地区，当事人到银行或电子缴纳确有困难并提出（第六十九条）',
};

/** 《行政处罚法》第六十八条第（一）项: 依法给予一百元以下罚款的. */
export const SMALL_FINE_LIMIT_FEN = 100_00;

/** The `onSpot` part of a `recordPayment`: how and why the officer took the money. */
export const onSpotCollectionInput = z
  .object({
    ground: z.enum(onSpotCollectionGrounds, { message: '请选择当场收缴的法定情形' }).meta({ title: '当场收缴的法定情形' }),
    reason: text('具体情况').optional().meta({ title: '具体情况', description: '事后难以执行的理由，或当事人缴纳确有困难的情况（第六十八条第（二）项、第六十九条须填写）' }),
    partyRequested: z.boolean().optional().meta({ title: '当事人提出当场缴纳', description: '第六十九条的情形须经当事人提出' }),
    afloat: z.boolean().optional().meta({ title: '在水上收缴', description: '交至行政机关的期限自抵岸之日起计算（第七十一条）' }),
  })
  .meta({ title: '当场收缴', description: '执法人员当场收缴罚款的，必须出具财政部门统一制发的专用票据，票据号填在“缴款票据号”（第七十条）' });
export type OnSpotCollectionInput = z.infer<typeof onSpotCollectionInput>;

/** What a payment record keeps of an on-spot collection, and of the money's way to the bank (第七十一条). */
export interface OnSpotCollection {
  ground: OnSpotCollectionGround;
  reason: string | null;
  partyRequested: boolean;
  afloat: boolean;
  handedOver: { on: IsoDate; ashoreOn: IsoDate | null; receivedBy: string } | null;
  deposited: { on: IsoDate; bankReceiptNo: string } | null;
}

export const cashActionInputs = [
  z.object({
    action: z.literal('handOverCash'),
    on,
    lateReason: lateReasonInput,
    receivedBy: text('接收人', 40).meta({ title: '接收人', description: '本机关收到罚款的财务人员' }),
    ashoreOn: z.string().refine(isIsoDate, '抵岸日期格式应为 YYYY-MM-DD').optional().meta({ title: '抵岸日期', format: 'date', description: '在水上收缴的罚款填写（第七十一条）' }),
  }),
  z.object({
    action: z.literal('depositCash'),
    on,
    lateReason: lateReasonInput,
    bankReceiptNo: z.string().trim().min(2, '银行缴款凭证号至少 2 个字符').max(40).meta({ title: '银行缴款凭证号' }),
  }),
] as const;

/**
 * The enterprise's anonymous rating of an inspection (扫码评价): with the 行政检查码 only — no name, no phone, no
 * account —, once per code, within the local number of calendar days of the inspection (periods.ts `ratingDueOn`).
 * 《优化营商环境条例》第八条第一款: the business environment is evaluated by the market subjects' satisfaction; 国办发〔2024〕54号
 * asks that enterprises can evaluate the inspections made of them. The rating period is a local parameter.
 */
import { z } from 'zod';
import type { IsoDate } from '../calendar/iso-date.ts';
import { compareIsoDates } from '../calendar/iso-date.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { conflict, ruleViolation, validationError } from '../errors.ts';
import { art, para } from '../workflow/law.ts';
import { type InspectionSettings, ratingDueOn } from './periods.ts';

export const RATING_BASIS = `${art('优化营商环境条例', 8, para(1))}；国办发〔2024〕54号《关于严格规范涉企行政检查的意见》（评价期限为本地参数）`;

export const ratingScores = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' } as const;

/** What an enterprise may flag about an inspection (the conduct rules of 国办发〔2024〕54号 it can observe). */
export const ratingConcerns = {
  noCode: '未出示行政检查码',
  noCertificate: '未出示执法证件',
  oneOfficer: '检查人员少于两人',
  disruption: '影响正常生产经营',
  repeated: '重复检查、多头检查',
  demands: '索要财物或提出不合理要求',
} as const;
export type RatingConcern = keyof typeof ratingConcerns;
const concernKeys = Object.keys(ratingConcerns) as [RatingConcern, ...RatingConcern[]];

/** A mobile number or an identity-card number: personal data a rating must not carry. */
const PERSONAL = /(?<!\d)1[3-9]\d{9}(?!\d)|(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;

export const ratingInput = z.object({
  score: z.number({ error: '请选择满意度' }).int('满意度应为 1 至 5 的整数').min(1, '满意度应为 1 至 5').max(5, '满意度应为 1 至 5').meta({ title: '满意度' }),
  concerns: z
    .array(z.enum(concernKeys, { message: '评价选项无效' }))
    .max(concernKeys.length)
    .default([])
    .refine((c) => new Set(c).size === c.length, '评价选项重复'),
  comment: z
    .string()
    .trim()
    .max(300, '意见建议不超过 300 个字')
    .refine((t) => !PERSONAL.test(t), '请勿填写电话号码、身份证号等个人信息（评价为匿名）')
    .optional()
    .transform((t) => (t ? t : undefined))
    .meta({ title: '意见建议' }),
});
export type RatingInput = z.infer<typeof ratingInput>;

/** Where a code's rating stands on `today`. */
export function ratingWindow(calendar: WorkCalendar, inspectedOn: IsoDate | null, today: IsoDate, settings: InspectionSettings): { dueOn: IsoDate | null; open: boolean } {
  if (!inspectedOn) return { dueOn: null, open: false };
  const { dueOn } = ratingDueOn(calendar, inspectedOn, settings);
  return { dueOn, open: compareIsoDates(today, inspectedOn) >= 0 && compareIsoDates(today, dueOn) <= 0 };
}

/** Refuses a rating that comes too late, or a second one for the same code; nothing is written then. */
export function assertRatable(calendar: WorkCalendar, inspection: { inspectedOn: IsoDate | null; rated: boolean }, today: IsoDate, settings: InspectionSettings): void {
  if (inspection.rated) throw conflict('该行政检查已评价，每个行政检查码只能评价一次');
  if (!inspection.inspectedOn) throw validationError('该检查尚未实施，不能评价');
  const { dueOn, open } = ratingWindow(calendar, inspection.inspectedOn, today, settings);
  if (!open) throw ruleViolation(`评价期限为检查之日起 ${settings.ratingDays} 日（至 ${dueOn}），已过评价期限`, RATING_BASIS, { dueOn });
}

import { z } from 'zod';
import { isIsoDate } from './calendar/iso-date.ts';
import { idInput } from './ids.ts';
import { organizationKindKeys, roleKeys } from './access.ts';

/** Inputs for organizations and users, validated at every edge (HTTP, CLI) with the same schemas. */
export const organizationInput = z.object({
  name: z.string().trim().min(2, '单位名称至少 2 个字').max(100, '单位名称不超过 100 个字'),
  kind: z.enum(organizationKindKeys, { message: '单位类型无效' }),
  parentId: idInput('上级单位').nullable(),
  creditCode: z.string().trim().toUpperCase().nullable().optional(),
  divisionCode: z
    .string()
    .regex(/^\d{6}(\d{3})?$/, '行政区划代码应为 6 位（或 9 位乡镇街道）数字')
    .nullable()
    .optional(),
});
export type OrganizationInput = z.infer<typeof organizationInput>;

export const organizationPatch = organizationInput.partial();
export type OrganizationPatch = z.infer<typeof organizationPatch>;

const isoDate = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD 且为真实日期');

export const passwordSchema = z
  .string()
  .min(8, '密码至少 8 位')
  .max(128, '密码不超过 128 位')
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), '密码须同时包含字母和数字');

export const userInput = z.object({
  organizationId: idInput('所属单位'),
  username: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名为 3–32 位小写字母、数字、点、下划线或连字符，以字母开头'),
  displayName: z.string().trim().min(2, '姓名至少 2 个字').max(50),
  password: passwordSchema,
  roles: z.array(z.enum(roleKeys, { message: '角色无效' })).min(1, '至少分配一个角色'),
  certificateNo: z.string().trim().min(4, '执法证号过短').max(40).nullable().optional(),
  certificateValidUntil: isoDate.nullable().optional(),
  phone: z
    .string()
    .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '电话号码格式无效')
    .nullable()
    .optional(),
});
export type UserInput = z.infer<typeof userInput>;

export const userPatch = userInput.omit({ username: true, password: true }).partial().extend({ active: z.boolean().optional() });
export type UserPatch = z.infer<typeof userPatch>;

/** An enforcement certificate is valid on `date` when it exists and has not expired (Art. 42 needs valid ones). */
export function certificateValidOn(user: { certificateNo: string | null; certificateValidUntil: string | null }, date: string): boolean {
  return Boolean(user.certificateNo) && user.certificateValidUntil !== null && user.certificateValidUntil >= date;
}

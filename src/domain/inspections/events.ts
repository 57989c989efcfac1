/** The audit events of the inspections ledger (gathered into the catalog of domain/audit/events.ts). */
import { z } from 'zod';
import { inspectionActionInput } from './actions.ts';
import { inspectionItemInput, subjectInput } from './inputs.ts';
import { inspectionMethodKeys, inspectionStates, inspectionTriggerKeys } from './model.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const id = z.number().int().positive();
const count = z.number().int().nonnegative();
const state = z.enum(Object.keys(inspectionStates) as [keyof typeof inspectionStates, ...(keyof typeof inspectionStates)[]]);

const transitionChange = z.union(
  (inspectionActionInput.options as readonly z.ZodObject[]).map((o) =>
    o.extend({ from: state, to: state, on: isoDate, version: id, code: z.string().optional(), inspectedOn: isoDate.optional() }).strict(),
  ) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]],
);

export const inspectionAuditEvents = {
  /** An inspection item was added to the organization's list (a draft until published). */
  'inspectionItem.add': { label: '新增检查事项', change: z.strictObject({ id, organizationId: id, ...inspectionItemInput.shape }) },
  /** An item was published on (from a day) or withdrawn from (on a day, with the reason) the published list. */
  'inspectionItem.publish': {
    label: '公布或撤销检查事项',
    change: z.union([z.strictObject({ id, code: z.string(), publishedOn: isoDate }), z.strictObject({ id, code: z.string(), withdrawnOn: isoDate, reason: z.string() })]),
  },
  /** Subjects were added to the organization's 检查对象库, one by one or from a file (with the rejected rows). */
  'inspectionSubject.add': {
    label: '录入检查对象',
    change: z.union([
      z.strictObject({ id, organizationId: id, ...subjectInput.shape }),
      z.strictObject({ import: z.string(), organizationId: id, imported: z.array(z.strictObject({ id, creditCode: z.string() })), added: count, updated: count, rejected: z.array(z.strictObject({ row: z.number().int(), reason: z.string() })) }),
    ]),
  },
  /** An inspection was registered: subject, item, trigger, method, officers (an emergency one already inspected and coded). */
  'inspection.register': {
    label: '登记行政检查',
    change: z.strictObject({
      number: z.string(),
      subjectId: id,
      itemId: id,
      trigger: z.enum(inspectionTriggerKeys),
      capExempt: z.boolean(),
      method: z.enum(inspectionMethodKeys),
      methodReason: z.string().nullable(),
      emergencyOn: isoDate.nullable(),
      officerIds: z.array(id),
      registeredOn: isoDate,
      code: z.string().optional(),
    }),
  },
  /** A step of an inspection (赋码, 检查记录, 复查, 移送, 取消). */
  'inspection.transition': { label: '行政检查步骤', change: transitionChange },
} as const;

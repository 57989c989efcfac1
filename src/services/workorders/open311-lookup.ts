/**
 * The public status lookup of a work order sent in through the open interface: the requester was given, at intake, the
 * order's number and a random lookup code (stored only as SHA-256 of number and code). With both they see the state,
 * the dates and the answer — no personal data, nothing of other orders. A wrong code answers exactly as an unknown
 * number does, so the lookup tells nobody which numbers exist.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../domain/errors.ts';
import { findCategory, type CategoryKind } from '../../domain/workorders/catalog.ts';
import { type WorkOrderState, workOrderStates } from '../../domain/workorders/model.ts';
import type { Executor } from '../../db/connect.ts';
import { workOrderLookupCodes, workOrders } from '../../db/schema.ts';
import { parseInput } from '../parse-input.ts';
import { workOrderCategories } from './catalog.ts';
import type { WorkOrderRecord } from './store.ts';

/** 32 letters and digits without 0/O and 1/I, read out over the phone without doubt; 10 of them: 50 random bits. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const LOOKUP_CODE_LENGTH = 10;

export function newLookupCode(): string {
  let code = '';
  for (let i = 0; i < LOOKUP_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Upper case, without the spaces and dashes a person may type. */
export const normalizeLookupCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

export const hashLookupCode = (number: string, code: string) => createHash('sha256').update(`${number}:${normalizeLookupCode(code)}`, 'utf8').digest('hex');

export const lookupQuery = z.object({
  number: z.string({ error: '请填写工单编号' }).trim().min(1, '请填写工单编号').max(32, '工单编号不超过 32 个字符').meta({ title: '工单编号' }),
  code: z.string({ error: '请填写查询码' }).trim().min(1, '请填写查询码').max(32, '查询码不超过 32 个字符').meta({ title: '查询码' }),
});

export const workOrderLookupView = z.object({
  number: z.string(),
  state: z.object({ key: z.string(), label: z.string() }),
  categoryName: z.string(),
  receivedOn: z.string(),
  dueOn: z.string().nullable(),
  answeredOn: z.string().nullable(),
  answer: z.string().nullable(),
  completedOn: z.string().nullable(),
});
export type WorkOrderLookupView = z.infer<typeof workOrderLookupView>;

/** The order with that number and code, or NOT_FOUND "未找到工单" — the same for an unknown number and a wrong code. */
export async function lookupWorkOrder(db: Executor, raw: unknown): Promise<WorkOrderLookupView> {
  const q = parseInput(lookupQuery, raw);
  const [row] = await db
    .select({ o: workOrders, codeHash: workOrderLookupCodes.codeHash })
    .from(workOrders)
    .innerJoin(workOrderLookupCodes, eq(workOrderLookupCodes.workOrderId, workOrders.id))
    .where(eq(workOrders.number, q.number));
  const given = Buffer.from(hashLookupCode(q.number, q.code), 'hex');
  const stored = Buffer.from(row?.codeHash ?? '0'.repeat(64), 'hex');
  if (!row || stored.length !== given.length || !timingSafeEqual(stored, given)) throw notFound('该工单，请核对工单编号和查询码');
  const { o } = row;
  const answer = (o.record as WorkOrderRecord).answers.at(-1) ?? null;
  const category = findCategory(await workOrderCategories(), o.categoryKind as CategoryKind, o.categoryCode);
  return {
    number: o.number,
    state: { key: o.state, label: workOrderStates[o.state as WorkOrderState] },
    categoryName: category.name,
    receivedOn: o.receivedOn,
    dueOn: o.dueOn,
    answeredOn: answer?.on ?? null,
    answer: answer?.text ?? null,
    completedOn: o.completedOn,
  };
}

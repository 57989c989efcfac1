/**
 * The read shapes of the to-do centre (待办/已办, GET /api/todo, GET /api/todo/done, POST /api/todo/closing-approvals):
 * zod schemas used as the routes' responses and `z.infer`'d by the web app.
 */
import { z } from 'zod';
import { idInput } from '../ids.ts';
import { isoDay, keyOf } from '../view-kit.ts';
import { todoKinds } from './kinds.ts';
import { pageLimitInput, pageOffsetInput } from '../input-kit.ts';

export const todoKind = keyOf(todoKinds);

/** One thing waiting for the user, on one case. */
export const todoItem = z.object({
  kind: todoKind,
  kindLabel: z.string(),
  caseId: z.number(),
  version: z.number(),
  actCode: z.string(),
  title: z.string(),
  stateLabel: z.string(),
  organizationName: z.string(),
  partyName: z.string(),
  /** What exactly is waiting, in Chinese (e.g. the deadline, the failed review items, the supervisor's note). */
  detail: z.string(),
  /** The day the item came to wait (the act that made it due: registration, a request, a returned review…). */
  since: isoDay,
  /** A deadline the item is bound to, if any. */
  dueOn: isoDay.nullable(),
  overdue: z.boolean(),
  /** May be approved together with others of its kind (todoKinds[kind].batch). */
  batchable: z.boolean(),
});
export type TodoItem = z.infer<typeof todoItem>;

/**
 * A reminder that is not a step on a case: the unit's annual report due by 31 March (from 1 March until it is
 * published; domain/reports/workflow.ts `reportReminder`). Not counted in `total` nor paged.
 */
export const todoNotice = z.object({
  kind: z.literal('annualReport'),
  kindLabel: z.string(),
  /** The unit the notice is about. */
  organizationId: z.number(),
  organizationName: z.string(),
  year: z.number(),
  detail: z.string(),
  dueOn: isoDay,
  overdue: z.boolean(),
  /** Where the staff app handles it. */
  link: z.string(),
});
export type TodoNotice = z.infer<typeof todoNotice>;

export const todoPage = z.object({
  notices: z.array(todoNotice),
  items: z.array(todoItem),
  total: z.number(),
  /** Counts by kind, over all items (not only this page). */
  counts: z.record(z.string(), z.number()),
});
export type TodoPage = z.infer<typeof todoPage>;

/** One step the user took (已办), from the case audit trail. */
export const doneItem = z.object({
  caseId: z.number(),
  actCode: z.string(),
  title: z.string(),
  at: z.string(),
  label: z.string(),
});
export type DoneItem = z.infer<typeof doneItem>;
export const donePage = z.object({ items: z.array(doneItem), total: z.number() });

export const pageQuery = z.object({
  limit: pageLimitInput(200, 50),
  offset: pageOffsetInput(),
});

/** Batch closing approval: the same opinion of the head, signed on each case in the head's own name. */
export const closingApprovalsInput = z.object({
  caseIds: z.array(idInput('案件编号')).min(1, '请至少选择一件案件').max(50, '一次最多批量审批 50 件'),
  text: z.string().trim().min(2, '审批意见至少 2 个字').max(1000, '审批意见最多 1000 字'),
});

export const closingApprovalsResult = z.object({
  results: z.array(z.object({ caseId: z.number(), ok: z.boolean(), message: z.string().nullable() })),
});

/** 今日摘要 (GET /api/todo/digest, `fazhi todo digest`): the to-dos new since yesterday, due today or tomorrow, overdue. */
export const todoDigest = z.object({
  today: isoDay,
  yesterday: isoDay,
  tomorrow: isoDay,
  newSinceYesterday: z.array(todoItem),
  dueToday: z.array(todoItem),
  dueTomorrow: z.array(todoItem),
  overdue: z.array(todoItem),
  total: z.number(),
  notices: z.array(todoNotice),
});
export type TodoDigest = z.infer<typeof todoDigest>;

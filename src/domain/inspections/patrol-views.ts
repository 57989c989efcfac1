/**
 * Patrols (巡查) at the edge: the inputs that create a task and record a problem, and the read shapes (zod: the routes'
 * responses and the web's types). The workflows themselves are in patrols.ts.
 */
import { z } from 'zod';
import { idInput, idParam } from '../ids.ts';
import { dateInput, pageLimitInput, pageOffsetInput, textInput } from '../input-kit.ts';
import { isoDay, timestamp } from '../view-kit.ts';
import { categoryKindKeys } from '../workorders/catalog.ts';

/** A patrol task: the unit, the area and route, the day and the officers (at least two, checked again when it starts). */
export const patrolInput = z.object({
  organizationId: idInput('巡查单位'),
  area: textInput('巡查区域', 100),
  route: textInput('巡查路线', 500),
  plannedOn: dateInput('巡查日期'),
  officerIds: z.array(idInput('执法人员'), { error: '请选择巡查人员' }).min(2, '巡查应当由两名以上执法人员进行').max(10, '巡查人员最多 10 人'),
});
export type PatrolInput = z.infer<typeof patrolInput>;

/** A problem found on the way: a category of the city-management catalog (GB/T 47678.5), the place, what was seen. */
export const problemInput = z.object({
  category: z.object({
    kind: z.enum(categoryKindKeys, { message: '类别应为管理部件或管理事项' }).meta({ title: '部件/事项' }),
    code: z.string({ error: '请选择问题类别' }).trim().regex(/^\d{5}$/, '类别编码应为 5 位数字').meta({ title: '类别编码' }),
  }),
  place: textInput('问题地点', 200),
  description: textInput('问题描述', 2000),
});
export type ProblemInput = z.infer<typeof problemInput>;

/** A query string: the unit's id comes as text (coerced). */
export const patrolListQuery = z.object({
  organizationId: idParam('巡查单位').optional(),
  from: dateInput('开始日期').optional(),
  to: dateInput('结束日期').optional(),
  /** Only the patrols the actor is an officer of. */
  mine: z.union([z.boolean(), z.stringbool()], { error: '应为 true 或 false' }).optional(),
  limit: pageLimitInput(),
  offset: pageOffsetInput(),
});

const labelled = z.object({ key: z.string(), label: z.string() });

export const patrolPhotoView = z.object({ seq: z.number(), fileName: z.string(), mediaType: z.string(), size: z.number(), digest: z.string(), recordedAt: timestamp });

export const problemView = z.object({
  id: z.number(),
  patrolId: z.number(),
  organizationId: z.number(),
  version: z.number(),
  state: labelled,
  category: z.object({ kind: z.string(), code: z.string(), group: z.string(), name: z.string() }),
  place: z.string(),
  description: z.string(),
  foundOn: isoDay,
  /** The open rectification's due date (null when none is open). */
  dueOn: isoDay.nullable(),
  photos: z.array(patrolPhotoView),
  record: z.object({
    orders: z.array(z.object({ on: isoDay, dueOn: isoDay, requirement: z.string() })),
    verifications: z.array(z.object({ on: isoDay, rectified: z.boolean(), note: z.string(), dueOn: isoDay.nullable() })),
    referral: z.object({ on: isoDay, reason: z.string() }).nullable(),
  }),
  /** The case registered from it (a clue of the case engine). */
  case: z.object({ id: z.number(), actCode: z.string() }).nullable(),
});
export type ProblemView = z.infer<typeof problemView>;
export type ProblemViewJson = z.input<typeof problemView>;

export const patrolView = z.object({
  id: z.number(),
  version: z.number(),
  state: labelled,
  organization: z.object({ id: z.number(), name: z.string() }),
  area: z.string(),
  route: z.string(),
  plannedOn: isoDay,
  officers: z.array(z.object({ userId: z.number(), name: z.string() })),
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
  record: z.object({ startedOn: isoDay.nullable(), finishedOn: isoDay.nullable(), summary: z.string().nullable(), cancellation: z.object({ on: isoDay, reason: z.string() }).nullable() }),
  problems: z.array(problemView),
});
export type PatrolView = z.infer<typeof patrolView>;
export type PatrolViewJson = z.input<typeof patrolView>;

export const patrolListItem = patrolView.omit({ problems: true }).extend({ problemCount: z.number() });
/** One page of patrols and how many match in all (issue 16 item 7: no list returns unbounded rows). */
export const patrolList = z.object({ items: z.array(patrolListItem), total: z.number() });
export type PatrolList = z.infer<typeof patrolList>;

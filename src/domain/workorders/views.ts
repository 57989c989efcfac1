/** The read shapes of work orders (zod, the routes' responses and the web's types). */
import { z } from 'zod';
import { isoDay } from '../view-kit.ts';

const labelled = z.object({ key: z.string(), label: z.string() });

export const workOrderView = z.object({
  id: z.number(),
  number: z.string(),
  version: z.number(),
  state: labelled,
  channel: labelled,
  kind: labelled,
  category: z.object({ kind: z.string(), code: z.string(), group: z.string(), name: z.string() }),
  content: z.string(),
  address: z.string(),
  location: z.object({ longitude: z.number(), latitude: z.number() }).nullable(),
  /** The requester: full for whoever handles the order (receiver, unit), masked otherwise; null when anonymous. */
  requester: z.object({ name: z.string(), phone: z.string() }).nullable(),
  anonymous: z.boolean(),
  receivedOn: isoDay,
  dueOn: isoDay.nullable(),
  organization: z.object({ id: z.number(), name: z.string() }),
  unit: z.object({ id: z.number(), name: z.string() }).nullable(),
  designated: z.boolean(),
  reopenCount: z.number(),
  record: z.object({
    acceptance: z.object({ on: isoDay, accepted: z.boolean(), reason: z.string() }).nullable(),
    dispatches: z.array(z.object({ on: isoDay, unitId: z.number(), unitName: z.string(), action: z.string(), note: z.string().nullable() })),
    returns: z.array(z.object({ on: isoDay, unitName: z.string(), reason: z.string() })),
    urges: z.array(z.object({ on: isoDay, note: z.string(), by: z.string() })),
    extensions: z.array(z.object({ on: isoDay, days: z.number(), reason: z.string() })),
    answers: z.array(z.object({ on: isoDay, method: z.string(), text: z.string() })),
    completion: z.object({ on: isoDay, result: z.string() }).nullable(),
    visits: z.array(z.object({ on: isoDay, satisfaction: z.string(), reason: z.string().nullable() })),
    reopenings: z.array(z.object({ on: isoDay, reason: z.string() })),
  }),
  deadlines: z.array(z.object({ kind: z.string(), dueOn: isoDay, metOn: isoDay.nullable(), article: z.string() })),
});
export type WorkOrderView = z.infer<typeof workOrderView>;

/** A row of the inbox. */
export const workOrderSummary = z.object({
  id: z.number(),
  number: z.string(),
  version: z.number(),
  state: labelled,
  channel: labelled,
  kind: labelled,
  categoryName: z.string(),
  address: z.string(),
  receivedOn: isoDay,
  dueOn: isoDay.nullable(),
  overdue: z.boolean(),
  unitName: z.string().nullable(),
});
export const workOrderList = z.object({ items: z.array(workOrderSummary), total: z.number() });
export type WorkOrderList = z.infer<typeof workOrderList>;

export const workOrderCategory = z.object({ kind: z.string(), code: z.string(), group: z.string(), name: z.string() });

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
    reviews: z.array(
      z.object({
        stage: z.enum(['review', 'recheck']),
        requestedOn: isoDay,
        replyReceivedOn: isoDay,
        organ: z.string(),
        request: z.string(),
        dueOn: isoDay,
        answer: z.object({ on: isoDay, outcome: z.string(), opinion: z.string() }).nullable(),
      }),
    ),
  }),
  /** The enforcement case registered from the order (its 行政行为码, state and the staff page's address), or null. */
  case: z.object({ id: z.number(), actCode: z.string(), state: labelled, href: z.string() }).nullable(),
  /** Files of the order (registration photos, the handler's photos of the result), downloadable by whoever sees it. */
  attachments: z.array(
    z.object({
      seq: z.number(),
      purpose: labelled,
      fileName: z.string(),
      mediaType: z.string(),
      size: z.number(),
      digest: z.string(),
      recordedAt: z.string(),
      recordedBy: z.string(),
      href: z.string(),
    }),
  ),
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
export type WorkOrderCategory = z.infer<typeof workOrderCategory>;

export const workOrderSettingsAnswer = z.object({
  organizationId: z.number(),
  effective: z.object({ signingDays: z.number(), handlingDays: z.record(z.string(), z.number()), maxReopens: z.number() }),
  own: z.record(z.string(), z.unknown()),
  parameters: z.array(
    z.object({ key: z.string(), label: z.string(), value: z.number(), unit: z.string(), setBy: z.object({ id: z.number(), name: z.string() }).nullable(), source: z.string() }),
  ),
});
export type WorkOrderSettingsAnswer = z.infer<typeof workOrderSettingsAnswer>;

export const dispatchRuleView = z.object({
  id: z.number(),
  organization: z.object({ id: z.number(), name: z.string() }),
  category: workOrderCategory,
  unit: z.object({ id: z.number(), name: z.string() }).nullable(),
  reservedToBureau: z.boolean(),
  note: z.string().nullable(),
  inherited: z.boolean(),
});

export type DispatchRuleView = z.infer<typeof dispatchRuleView>;

export const dispatchRuleImport = z.object({
  organizationId: z.number(),
  fileName: z.string(),
  rows: z.number(),
  imported: z.array(z.object({ kind: z.string(), code: z.string() })),
  rejected: z.array(z.object({ row: z.number(), reason: z.string() })),
});

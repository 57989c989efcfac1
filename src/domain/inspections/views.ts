/** The read shapes of the inspections ledger (zod: the routes' responses and the web's types). */
import { z } from 'zod';
import { isoDay, rejection } from '../view-kit.ts';

const labelled = z.object({ key: z.string(), label: z.string() });

export const inspectionItemView = z.object({
  id: z.number(),
  organizationId: z.number(),
  code: z.string(),
  name: z.string(),
  basis: z.string(),
  subjectKinds: z.array(labelled),
  method: labelled,
  yearlyCap: z.number().nullable(),
  random: z.boolean(),
  publishedOn: isoDay.nullable(),
  withdrawnOn: isoDay.nullable(),
});
export type InspectionItemView = z.infer<typeof inspectionItemView>;

export const subjectView = z.object({
  id: z.number(),
  organizationId: z.number(),
  creditCode: z.string(),
  name: z.string(),
  kind: labelled,
  address: z.string(),
  category: z.string(),
  riskClass: labelled,
});
export type SubjectView = z.infer<typeof subjectView>;
export const subjectList = z.object({ items: z.array(subjectView), total: z.number() });
export const subjectImportResult = z.object({ added: z.number(), updated: z.number(), rejected: z.array(rejection) });

export const inspectionView = z.object({
  id: z.number(),
  number: z.string(),
  version: z.number(),
  state: labelled,
  /** The 行政检查码 (null until issued). */
  code: z.string().nullable(),
  organization: z.object({ id: z.number(), name: z.string() }),
  subject: z.object({ id: z.number(), name: z.string(), creditCode: z.string(), address: z.string() }),
  item: z.object({ id: z.number(), code: z.string(), name: z.string(), basis: z.string() }),
  trigger: labelled,
  /** Set for a targeted inspection: why it is outside the yearly caps. */
  capExempt: z.string().nullable(),
  method: labelled,
  methodReason: z.string().nullable(),
  emergencyOn: isoDay.nullable(),
  officers: z.array(z.object({ userId: z.number(), name: z.string(), certificateNo: z.string().nullable() })),
  registeredOn: isoDay,
  inspectedOn: isoDay.nullable(),
  rectifyDueOn: isoDay.nullable(),
  record: z.object({
    findings: z.object({ on: isoDay, text: z.string(), outcome: labelled }).nullable(),
    reinspections: z.array(z.object({ on: isoDay, rectified: z.boolean(), note: z.string(), dueOn: isoDay.nullable() })),
    /** The case registered from the referral (a clue of the case engine). */
    referral: z.object({ on: isoDay, reason: z.string(), caseId: z.number().optional() }).nullable(),
    cancellation: z.object({ on: isoDay, reason: z.string() }).nullable(),
  }),
});
export type InspectionView = z.infer<typeof inspectionView>;

/** Where the rating of a code stands: its last day, whether it is open today, whether it was given. */
export const ratingStatus = z.object({ dueOn: isoDay.nullable(), open: z.boolean(), rated: z.boolean() });

/** What the enterprise sees when it scans or types the 行政检查码: who, which item, when — nothing of anyone else. */
export const inspectionCodeCheck = z.object({
  valid: z.boolean(),
  organization: z.string(),
  item: z.object({ name: z.string(), basis: z.string() }),
  subjectName: z.string(),
  inspectedOn: isoDay.nullable(),
  method: z.string(),
  officers: z.array(z.object({ name: z.string(), certificateNo: z.string().nullable() })),
  state: z.string(),
  /** The enterprise's anonymous rating: open until its last day, once per code. */
  rating: ratingStatus,
});
export type InspectionCodeCheck = z.infer<typeof inspectionCodeCheck>;

/** A page of inspections (the officer's list on the phone, the rectification board). */
export const inspectionList = z.object({ items: z.array(inspectionView), total: z.number() });
export type InspectionList = z.infer<typeof inspectionList>;

/**
 * The supervisor's view of one enterprise's year (the "too many inspections" complaint): how often the units of the
 * subtree inspected it, how many of those were targeted (outside the caps), and per item the inspections counted
 * against the item's yearly cap — `reached` when no more may be made this year, `over` when more were made than it.
 */
export const capStatuses = { none: '无频次上限', under: '未达上限', reached: '已达上限', over: '超过上限' } as const;
export const subjectLoadView = z.object({
  subject: z.object({ id: z.number(), name: z.string(), creditCode: z.string() }),
  inspections: z.number(),
  capExempt: z.number(),
  units: z.number(),
  capStatus: labelled,
  items: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), yearlyCap: z.number().nullable(), inspections: z.number(), counted: z.number(), capStatus: labelled })),
});
export type SubjectLoadView = z.infer<typeof subjectLoadView>;
export const inspectionLoadView = z.object({ year: z.number(), items: z.array(subjectLoadView), total: z.number() });
export type InspectionLoadView = z.infer<typeof inspectionLoadView>;

/** A rating as it was received (shown back to the rater; no personal data). */
export const inspectionRatingView = z.object({ score: z.number(), scoreLabel: z.string(), concerns: z.array(labelled), comment: z.string().nullable(), ratedOn: isoDay });
export type InspectionRatingView = z.infer<typeof inspectionRatingView>;

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
});
export type InspectionCodeCheck = z.infer<typeof inspectionCodeCheck>;

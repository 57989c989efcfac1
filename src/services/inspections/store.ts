/**
 * The inspections ledger's SQL: an inspection the actor may see (NOT_FOUND outside the organization subtree), its
 * snapshot, the version claim, the yearly count for the caps, and the read shapes.
 */
import { and, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import {
  type FindingOutcome,
  findingOutcomes,
  type InspectionMethod,
  inspectionMethods,
  type InspectionState,
  inspectionStates,
  type InspectionTrigger,
  inspectionTriggers,
  riskClasses,
  type RiskClass,
  type SubjectKind,
  subjectKinds,
} from '../../domain/inspections/model.ts';
import type { InspectionSnapshot } from '../../domain/inspections/snapshot.ts';
import type { InspectionItemView, InspectionView, SubjectView } from '../../domain/inspections/views.ts';
import { capExemptLabel } from '../../domain/inspections/workflow.ts';
import type { Executor, Transaction } from '../../db/connect.ts';
import { inspectionItems, inspections, inspectionSubjects, organizations, users } from '../../db/schema.ts';

export const SUBJECT_TYPE = 'inspection';
export const CONFLICT_MESSAGE = '该检查已被他人更新，请刷新后重试';

export interface InspectionRecord {
  findings: { on: IsoDate; text: string; outcome: FindingOutcome } | null;
  reinspections: { on: IsoDate; rectified: boolean; note: string; dueOn: IsoDate | null }[];
  referral: { on: IsoDate; reason: string; caseId?: number } | null;
  cancellation: { on: IsoDate; reason: string } | null;
}
export const emptyRecord = (): InspectionRecord => ({ findings: null, reinspections: [], referral: null, cancellation: null });

export interface StoredOfficer {
  userId: number;
  name: string;
  certificateNo: string | null;
}

export type InspectionRow = typeof inspections.$inferSelect;
export type ItemRow = typeof inspectionItems.$inferSelect;
export type SubjectRow = typeof inspectionSubjects.$inferSelect;

export interface LoadedInspection {
  row: InspectionRow;
  org: { id: number; path: string; name: string };
  item: ItemRow;
  subject: SubjectRow;
}

const orgRef = { id: organizations.id, path: organizations.path, name: organizations.name };

export async function loadOrg(db: Executor, id: number) {
  const [org] = await db.select(orgRef).from(organizations).where(eq(organizations.id, id));
  return org ?? null;
}

/** The inspection with its organization, item and subject, if the actor's subtree holds it; NOT_FOUND otherwise. */
export async function loadInspection(db: Executor, actor: Actor, id: number): Promise<LoadedInspection> {
  const [found] = await db
    .select({ row: inspections, org: orgRef, item: inspectionItems, subject: inspectionSubjects })
    .from(inspections)
    .innerJoin(organizations, eq(organizations.id, inspections.organizationId))
    .innerJoin(inspectionItems, eq(inspectionItems.id, inspections.itemId))
    .innerJoin(inspectionSubjects, eq(inspectionSubjects.id, inspections.subjectId))
    .where(eq(inspections.id, id));
  if (!found || !found.org.path.startsWith(actor.organizationPath)) throw notFound('检查', { id });
  return found;
}

/** The officers with their certificates as of now (the guards check validity on the act's day). */
export async function loadOfficers(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: users.id, name: users.displayName, certificateNo: users.certificateNo, validUntil: users.certificateValidUntil, organizationId: users.organizationId, roles: users.roles, path: organizations.path })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(inArray(users.id, [...ids]));
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r) => r !== undefined);
}

export async function snapshotOf(db: Executor, { row, org, item, subject }: LoadedInspection): Promise<InspectionSnapshot> {
  const stored = row.officers as StoredOfficer[];
  const officers = await loadOfficers(
    db,
    stored.map((o) => o.userId),
  );
  return {
    id: row.id,
    state: row.state as InspectionState,
    organizationPath: org.path,
    subject: { id: subject.id, creditCode: subject.creditCode, name: subject.name },
    item: { id: item.id, code: item.code, name: item.name, method: item.method as InspectionMethod, yearlyCap: item.yearlyCap, publishedOn: item.publishedOn, withdrawnOn: item.withdrawnOn },
    trigger: row.trigger as InspectionTrigger,
    method: row.method as InspectionMethod,
    methodReason: row.methodReason,
    emergencyOn: row.emergencyOn,
    officers: officers.map((o) => ({ userId: o.id, name: o.name, certificate: o.certificateNo && o.validUntil ? { number: o.certificateNo, validFrom: null, validUntil: o.validUntil } : null })),
    registeredOn: row.registeredOn,
    lastActedOn: row.lastActedOn,
    rectification: row.rectifyDueOn ? { dueOn: row.rectifyDueOn } : null,
  };
}

/** Inspections of `subjectId` on `itemId` inspected in the calendar year of `on`, cap-exempt ones and `exceptId` not counted. */
export async function inspectionsInYear(db: Executor, subjectId: number, itemId: number, on: IsoDate, exceptId: number | null): Promise<number> {
  const year = on.slice(0, 4);
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inspections)
    .where(
      and(
        eq(inspections.subjectId, subjectId),
        eq(inspections.itemId, itemId),
        eq(inspections.capExempt, false),
        gte(inspections.inspectedOn, `${year}-01-01`),
        lt(inspections.inspectedOn, `${Number(year) + 1}-01-01`),
        ne(inspections.state, 'cancelled'),
        ...(exceptId ? [ne(inspections.id, exceptId)] : []),
      ),
    );
  return row?.n ?? 0;
}

export async function claimVersion(tx: Transaction, id: number, expected: number): Promise<void> {
  const claimed = await tx
    .update(inspections)
    .set({ version: sql`${inspections.version} + 1` })
    .where(and(eq(inspections.id, id), eq(inspections.version, expected)))
    .returning({ id: inspections.id });
  if (claimed.length === 0) throw conflict(CONFLICT_MESSAGE, { id, expectedVersion: expected });
}

const label = <K extends string>(labels: Readonly<Record<K, string>>, key: string) => ({ key, label: labels[key as K] });

export function itemView(row: ItemRow): InspectionItemView {
  return {
    id: row.id,
    organizationId: row.organizationId,
    code: row.code,
    name: row.name,
    basis: row.basis,
    subjectKinds: row.subjectKinds.map((k) => label(subjectKinds, k)),
    method: label(inspectionMethods, row.method),
    yearlyCap: row.yearlyCap,
    random: row.random,
    publishedOn: row.publishedOn,
    withdrawnOn: row.withdrawnOn,
  };
}

export function subjectView(row: SubjectRow): SubjectView {
  return {
    id: row.id,
    organizationId: row.organizationId,
    creditCode: row.creditCode,
    name: row.name,
    kind: label(subjectKinds, row.kind as SubjectKind),
    address: row.address,
    category: row.category,
    riskClass: label(riskClasses, row.riskClass as RiskClass),
  };
}

export function inspectionView({ row, org, item, subject }: LoadedInspection): InspectionView {
  const record = row.record as InspectionRecord;
  return {
    id: row.id,
    number: row.number,
    version: row.version,
    state: label(inspectionStates, row.state),
    code: row.code,
    organization: { id: org.id, name: org.name },
    subject: { id: subject.id, name: subject.name, creditCode: subject.creditCode, address: subject.address },
    item: { id: item.id, code: item.code, name: item.name, basis: item.basis },
    trigger: label(inspectionTriggers, row.trigger),
    capExempt: capExemptLabel({ trigger: row.trigger as InspectionTrigger }),
    method: label(inspectionMethods, row.method),
    methodReason: row.methodReason,
    emergencyOn: row.emergencyOn,
    officers: row.officers as StoredOfficer[],
    registeredOn: row.registeredOn,
    inspectedOn: row.inspectedOn,
    rectifyDueOn: row.rectifyDueOn,
    record: {
      findings: record.findings ? { on: record.findings.on, text: record.findings.text, outcome: label(findingOutcomes, record.findings.outcome) } : null,
      reinspections: record.reinspections,
      referral: record.referral,
      cancellation: record.cancellation,
    },
  };
}

/**
 * 扫码入企: the enterprise checks the 行政检查码 an officer shows (or a QR code) on the portal — which organization,
 * which published item and its basis, when, and the officers with their certificate numbers; nothing of any other
 * subject. An unknown code and a code of a cancelled inspection answer alike: not valid.
 */
import { eq } from 'drizzle-orm';
import { notFound } from '../../domain/errors.ts';
import { inspectionMethods, type InspectionMethod, inspectionStates, type InspectionState } from '../../domain/inspections/model.ts';
import type { InspectionCodeCheck } from '../../domain/inspections/views.ts';
import type { Executor } from '../../db/connect.ts';
import { inspectionItems, inspections, inspectionSubjects, organizations } from '../../db/schema.ts';
import type { StoredOfficer } from './store.ts';

const CODE = /^[0-9A-HJKMNP-TV-Z]{16}$/;

export async function checkInspectionCode(db: Executor, raw: string): Promise<InspectionCodeCheck> {
  const code = raw.trim().toUpperCase().replace(/[\s-]/g, '');
  if (!CODE.test(code)) throw notFound('行政检查码');
  const [found] = await db
    .select({ row: inspections, organization: organizations.name, itemName: inspectionItems.name, basis: inspectionItems.basis, subjectName: inspectionSubjects.name })
    .from(inspections)
    .innerJoin(organizations, eq(organizations.id, inspections.organizationId))
    .innerJoin(inspectionItems, eq(inspectionItems.id, inspections.itemId))
    .innerJoin(inspectionSubjects, eq(inspectionSubjects.id, inspections.subjectId))
    .where(eq(inspections.code, code));
  if (!found || found.row.state === 'cancelled') throw notFound('行政检查码');
  return {
    valid: true,
    organization: found.organization,
    item: { name: found.itemName, basis: found.basis },
    subjectName: found.subjectName,
    inspectedOn: found.row.inspectedOn,
    method: inspectionMethods[found.row.method as InspectionMethod],
    officers: (found.row.officers as StoredOfficer[]).map((o) => ({ name: o.name, certificateNo: o.certificateNo })),
    state: inspectionStates[found.row.state as InspectionState],
  };
}

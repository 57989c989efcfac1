/**
 * 扫码入企: the enterprise checks the 行政检查码 an officer shows (or a QR code) on the portal — which organization,
 * which published item and its basis, when, and the officers with their certificate numbers; nothing of any other
 * subject. An unknown code and a code of a cancelled inspection answer alike: not valid. With the same code the
 * enterprise rates the inspection anonymously, once, within the rating period (domain/inspections/rating.ts).
 */
import { eq, sql } from 'drizzle-orm';
import { chinaDateOf } from '../../domain/calendar/iso-date.ts';
import { notFound } from '../../domain/errors.ts';
import { inspectionMethods, type InspectionMethod, inspectionStates, type InspectionState } from '../../domain/inspections/model.ts';
import { defaultInspectionSettings } from '../../domain/inspections/periods.ts';
import { ratingWindow } from '../../domain/inspections/rating.ts';
import type { InspectionCodeCheck } from '../../domain/inspections/views.ts';
import type { Executor } from '../../db/connect.ts';
import { inspectionItems, inspectionRatings, inspections, inspectionSubjects, organizations } from '../../db/schema.ts';
import { cachedWorkCalendar } from '../calendar.ts';
import type { ServiceContext } from '../context.ts';
import type { StoredOfficer } from './store.ts';

const CODE = /^[0-9A-HJKMNP-TV-Z]{16}$/;

/** The code as typed (lower case, spaces or dashes) in its canonical form, or NOT_FOUND when it cannot be one. */
export function normalizedCode(raw: string): string {
  const code = raw.trim().toUpperCase().replace(/[\s-]/g, '');
  if (!CODE.test(code)) throw notFound('行政检查码');
  return code;
}

/** The inspection of a code the public may see (not cancelled), with what the check shows; NOT_FOUND otherwise. */
export async function inspectionOfCode(db: Executor, code: string) {
  const [found] = await db
    .select({
      row: inspections,
      organization: organizations.name,
      itemName: inspectionItems.name,
      basis: inspectionItems.basis,
      subjectName: inspectionSubjects.name,
      rated: sql<boolean>`exists (select 1 from ${inspectionRatings} where ${inspectionRatings.inspectionId} = ${inspections.id})`,
    })
    .from(inspections)
    .innerJoin(organizations, eq(organizations.id, inspections.organizationId))
    .innerJoin(inspectionItems, eq(inspectionItems.id, inspections.itemId))
    .innerJoin(inspectionSubjects, eq(inspectionSubjects.id, inspections.subjectId))
    .where(eq(inspections.code, code));
  if (!found || found.row.state === 'cancelled') throw notFound('行政检查码');
  return found;
}

export async function checkInspectionCode(ctx: Pick<ServiceContext, 'db' | 'clock'>, raw: string): Promise<InspectionCodeCheck> {
  const found = await inspectionOfCode(ctx.db, normalizedCode(raw));
  const calendar = await cachedWorkCalendar(ctx.db);
  const window = ratingWindow(calendar, found.row.inspectedOn, chinaDateOf(ctx.clock()), defaultInspectionSettings);
  return {
    valid: true,
    organization: found.organization,
    item: { name: found.itemName, basis: found.basis },
    subjectName: found.subjectName,
    inspectedOn: found.row.inspectedOn,
    method: inspectionMethods[found.row.method as InspectionMethod],
    officers: (found.row.officers as StoredOfficer[]).map((o) => ({ name: o.name, certificateNo: o.certificateNo })),
    state: inspectionStates[found.row.state as InspectionState],
    rating: { dueOn: window.dueOn, open: window.open && !found.rated, rated: Boolean(found.rated) },
  };
}

/**
 * 登记行政检查: an inspection of a subject on a published item, planned or triggered, with its officers. An emergency
 * inspection (done before it could be registered) is registered afterwards already coded: every pre-entry rule is
 * checked as of the day it happened, and its record must follow within the local number of days. One transaction
 * with its audit record; bad input changes nothing.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, assertCanSee, assertRole } from '../../domain/access.ts';
import { chinaDateOf, compareIsoDates } from '../../domain/calendar/iso-date.ts';
import { notFound, validationError } from '../../domain/errors.ts';
import { idInput } from '../../domain/ids.ts';
import { dateInput, textInput } from '../../domain/input-kit.ts';
import { CAP_EXEMPT_TRIGGERS, inspectionMethodKeys, inspectionTriggerKeys, subjectKinds, type SubjectKind } from '../../domain/inspections/model.ts';
import { defaultInspectionSettings } from '../../domain/inspections/periods.ts';
import type { InspectionView } from '../../domain/inspections/views.ts';
import { checkInspectionTransition } from '../../domain/inspections/workflow.ts';
import { inspectionItems, inspections, inspectionSubjects } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { cachedWorkCalendar } from '../calendar.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { parseInput } from '../parse-input.ts';
import { emptyRecord, inspectionsInYear, inspectionView, loadOfficers, loadOrg, snapshotOf, type StoredOfficer } from './store.ts';

export const inspectionInput = z.object({
  organizationId: idInput('检查单位'),
  subjectId: idInput('检查对象'),
  itemId: idInput('检查事项'),
  trigger: z.enum(inspectionTriggerKeys, { message: '请选择检查来源' }).meta({ title: '检查来源' }),
  method: z.enum(inspectionMethodKeys, { message: '请选择检查方式' }).meta({ title: '检查方式' }),
  methodReason: textInput('现场检查理由', 500).optional(),
  officerIds: z.array(idInput('执法人员'), { error: '请选择执法人员' }).min(1, '请选择执法人员').max(10, '执法人员最多 10 人'),
  /** The day an emergency inspection took place, before it could be registered. */
  emergencyOn: dateInput('紧急检查日期').optional(),
});

/** The 行政检查码: 16 characters of Crockford base32 from 80 random bits (unguessable; the portal verifies it). */
export function newInspectionCode(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

export async function registerInspection(ctx: ServiceContext, actor: Actor, raw: unknown): Promise<InspectionView> {
  assertRole(actor, 'officer', 'head');
  const input = parseInput(inspectionInput, raw);
  const today = chinaDateOf(ctx.clock());
  if (input.emergencyOn && compareIsoDates(input.emergencyOn, today) > 0) throw validationError(`紧急检查日期 ${input.emergencyOn} 不能晚于今天`);
  if (new Set(input.officerIds).size !== input.officerIds.length) throw validationError('执法人员重复');
  const calendar = await cachedWorkCalendar(ctx.db);
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const org = await loadOrg(tx, input.organizationId);
    if (!org) throw notFound('检查单位', { id: input.organizationId });
    assertCanSee(actor, org.path);
    const above = sql`(SELECT id FROM organizations WHERE ${org.path} LIKE path || '%')`;
    const [item] = await tx.select().from(inspectionItems).where(sql`${inspectionItems.id} = ${input.itemId} AND ${inspectionItems.organizationId} IN ${above}`);
    if (!item) throw notFound('检查事项', { id: input.itemId });
    const [subject] = await tx.select().from(inspectionSubjects).where(sql`${inspectionSubjects.id} = ${input.subjectId} AND ${inspectionSubjects.organizationId} IN ${above}`);
    if (!subject) throw notFound('检查对象', { id: input.subjectId });
    if (!item.subjectKinds.includes(subject.kind)) {
      throw validationError(`检查事项“${item.name}”的检查对象为${item.subjectKinds.map((k) => subjectKinds[k as SubjectKind]).join('、')}，不适用于${subjectKinds[subject.kind as SubjectKind]}“${subject.name}”`);
    }
    const officers = await loadOfficers(tx, input.officerIds);
    // The officers are of the inspecting unit, a unit above it or one below it (a district head joining a brigade's check).
    const related = (path: string) => org.path.startsWith(path) || path.startsWith(org.path);
    const outside = input.officerIds.filter((id) => !officers.some((o) => o.id === id && related(o.path) && (o.roles.includes('officer') || o.roles.includes('head'))));
    if (outside.length > 0) throw validationError('执法人员须为本单位或上下级单位的执法人员', { officerIds: outside });
    const stored: StoredOfficer[] = officers.map((o) => ({ userId: o.id, name: o.name, certificateNo: o.certificateNo }));
    const { rows } = (await tx.execute(sql`SELECT nextval(pg_get_serial_sequence('inspections', 'id'))::int AS id`)) as unknown as { rows: { id: number }[] };
    const id = rows[0]!.id;
    const number = `JC${today.slice(0, 4)}${String(id).padStart(7, '0')}`;
    const capExempt = CAP_EXEMPT_TRIGGERS.includes(input.trigger);
    const values = {
      id,
      organizationId: org.id,
      number,
      subjectId: subject.id,
      itemId: item.id,
      trigger: input.trigger,
      capExempt,
      method: input.method,
      methodReason: input.methodReason ?? null,
      emergencyOn: input.emergencyOn ?? null,
      officers: stored,
      state: 'registered',
      registeredOn: today,
      lastActedOn: today,
      record: emptyRecord(),
      registeredBy: actor.userId,
    } satisfies typeof inspections.$inferInsert;
    let code: string | undefined;
    if (input.emergencyOn) {
      // Every pre-entry rule as of the day it happened; the inspection is then coded, its record due within the local days.
      const on = input.emergencyOn;
      const snapshot = await snapshotOf(tx, { row: { ...values, code: null, version: 1, inspectedOn: null, rectifyDueOn: null, createdAt: now }, org, item, subject });
      checkInspectionTransition({ ...snapshot, lastActedOn: on }, { action: 'issueCode' }, {
        actDate: on,
        today,
        actor: { userId: actor.userId, roles: actor.roles, organizationPath: actor.organizationPath },
        calendar,
        settings: defaultInspectionSettings,
        inspectionsThisYear: await inspectionsInYear(tx, subject.id, item.id, on, null),
      });
      code = newInspectionCode();
    }
    const [row] = await tx
      .insert(inspections)
      .values({ ...values, ...(code ? { state: 'coded', code, inspectedOn: input.emergencyOn! } : {}) })
      .returning();
    await appendAudit(
      tx,
      actor,
      {
        action: 'inspection.register',
        subjectType: 'inspection',
        subjectId: id,
        organizationId: org.id,
        change: {
          number,
          subjectId: subject.id,
          itemId: item.id,
          trigger: input.trigger,
          capExempt,
          method: input.method,
          methodReason: input.methodReason ?? null,
          emergencyOn: input.emergencyOn ?? null,
          officerIds: input.officerIds,
          registeredOn: today,
          ...(code ? { code } : {}),
        },
      },
      now,
    );
    return inspectionView({ row: row!, org, item, subject });
  });
}


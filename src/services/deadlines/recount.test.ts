/**
 * Deadlines over a year whose holiday arrangement is not yet entered (issue 12 item 11): counted with the statutory
 * holidays of 《全国年节及纪念日放假办法》第二条, shown as provisional, and counted again — audited, with the case's own
 * copies — when the year's arrangement is entered.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import { auditRecords, cases } from '../../db/schema.ts';
import { createTestDatabase, resetTestDatabase } from '../../db/testing.ts';
import { setCalendarDay, setYearComplete } from '../calendar.ts';
import { getCase } from '../cases/get-case.ts';
import type { ServiceContext } from '../context.ts';
import { newCase, newWorld, type World } from '../testing/factories.ts';
import { verifyAudit } from '../verify-audit.ts';
import { readCaseTrail } from '../cases/case-timeline.ts';
import { systemActor } from '../../domain/access.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date('2026-12-18T01:00:00Z') };
});
beforeEach(async () => {
  await resetTestDatabase(handle);
  w = await newWorld(ctx);
});
afterAll(() => handle.close());

describe('a deadline over a year whose arrangement is not yet entered (2027)', () => {
  it('全国年节及纪念日放假办法 Art. 2 + 行政处罚法 Art. 67: served 2026-12-17, the 15 days end on 元旦 2027 → 2027-01-04, provisional', async () => {
    // Served on 2026-12-17 (newCase: start + 14 days).
    const c = await newCase(ctx, w, { state: 'enforcing', startOn: '2026-12-03' });
    expect(c.record.service?.on).toBe('2026-12-17');
    const payment = c.deadlines.find((d) => d.kind === 'payment')!;
    expect(payment.dueOn).toBe('2027-01-04');
    expect(payment.provisional).toBe('待国务院公布2027年放假安排后复核');
    // The service deadline, met in 2026, is history: never provisional.
    expect(c.deadlines.find((d) => d.kind === 'service')!.provisional).toBeNull();
  });

  it('entering the 2027 arrangement counts open deadlines again, moves the case payment date, audits it on the case chain', async () => {
    const c = await newCase(ctx, w, { state: 'enforcing', startOn: '2026-12-03' });
    // The notice (hypothetically) gives 2027-01-04 off as well.
    await setCalendarDay(ctx, w.actors.admin, { date: '2027-01-01', kind: 'holiday', name: '元旦' });
    await setCalendarDay(ctx, w.actors.admin, { date: '2027-01-04', kind: 'holiday', name: '元旦' });
    const { recounted } = await setYearComplete(ctx, w.actors.admin, 2027, true);
    // Entering 01-04 already moved it (a day changed in the year); marking the year complete finds nothing more.
    expect(recounted).toBe(0);
    const after = await getCase(ctx, w.actors['head.donghu'], c.id, ctx.clock());
    const payment = after.deadlines.find((d) => d.kind === 'payment')!;
    expect(payment).toMatchObject({ dueOn: '2027-01-05', provisional: null });
    expect(after.payment?.dueOn).toBe('2027-01-05');
    const [row] = await ctx.db.select({ paymentDueOn: cases.paymentDueOn }).from(cases).where(eq(cases.id, c.id));
    expect(row!.paymentDueOn).toBe('2027-01-05');
    const audits = await ctx.db
      .select({ change: auditRecords.change })
      .from(auditRecords)
      .where(and(eq(auditRecords.action, 'deadline.recount'), eq(auditRecords.subjectId, String(c.id))));
    expect(audits.map((a) => a.change)).toEqual([
      { kind: 'payment', countedFrom: '2026-12-17', days: 15, periodKind: 'calendar', before: '2027-01-04', after: '2027-01-05', reason: '2027-01-04 设为放假' },
    ]);
    expect((await readCaseTrail(ctx, systemActor, after.id)).some((t) => t.label === '重新计算期限')).toBe(true);
    expect((await verifyAudit(ctx.db)).problem).toBeNull();
  });

  it('marking the year complete ends the provisional mark and counts on the entered arrangement alone (no 元旦 entered: 2027-01-01 is a working Friday)', async () => {
    const c = await newCase(ctx, w, { state: 'enforcing', startOn: '2026-12-03' });
    expect((await setYearComplete(ctx, w.actors.admin, 2027, true)).recounted).toBe(1);
    // The year is now "complete" with no holiday entered: 元旦 is no longer assumed, 2027-01-01 (Friday) is the due day.
    const after = await getCase(ctx, w.actors['head.donghu'], c.id, ctx.clock());
    expect(after.deadlines.find((d) => d.kind === 'payment')).toMatchObject({ dueOn: '2027-01-01', provisional: null });
  });
});

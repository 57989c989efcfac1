/**
 * `fazhi demo` on any date (issue 12): the history moves by whole weeks to end before today, every step still passes
 * the case services on its moved date, and the open deadlines are live — some overdue, some still to come.
 */
import { max } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { auditRecords, deadlines } from '../db/schema.ts';
import { createTestDatabase } from '../db/testing.ts';
import { isNull } from 'drizzle-orm';
import { memoryFileStore } from '../services/file-store.ts';
import { verifyAudit } from '../services/verify-audit.ts';
import { DEMO_TODAY, demoShiftDays, shiftDates } from './clock.ts';
import { seedDemo } from './index.ts';

describe('the demo clock', () => {
  it('moves by whole weeks to end in the week of today, never backwards', () => {
    expect(demoShiftDays(DEMO_TODAY)).toBe(0);
    expect(demoShiftDays('2026-12-05')).toBe(21);
    expect(demoShiftDays('2027-03-10')).toBe(112);
    expect(demoShiftDays('2026-01-01')).toBe(0);
  });

  it('moves every ISO date and date-time in a step body, nothing else', () => {
    expect(shiftDates({ hearingOn: '2026-04-30', startAt: '2026-04-30T09:30', receiptNo: 'FS2026052000187', list: [{ dueOn: '2026-05-29' }], n: 3 }, 14)).toEqual({
      hearingOn: '2026-05-14',
      startAt: '2026-05-14T09:30',
      receiptNo: 'FS2026052000187',
      list: [{ dueOn: '2026-06-12' }],
      n: 3,
    });
  });
});

describe('fazhi demo on 2027-03-10 (across 春节 2027, a year whose arrangement is not yet entered)', () => {
  const today = '2027-03-10';
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDemo({ db: handle.db, clock: () => new Date(`${today}T02:00:00Z`), files: memoryFileStore() }, { today });
  }, 120_000);
  afterAll(() => handle.close());

  it('every step passed on its moved date, none after today, and the audit chains verify', async () => {
    const [last] = await handle.db.select({ at: max(auditRecords.at) }).from(auditRecords);
    expect(String(last!.at) < `${today}T16:00:00Z`).toBe(true);
    expect((await verifyAudit(handle.db)).problem).toBeNull();
  });

  it('open deadlines are live: some overdue, some still to come', async () => {
    const open = await handle.db.select({ dueOn: deadlines.dueOn }).from(deadlines).where(isNull(deadlines.metOn));
    expect(open.filter((d) => d.dueOn < today).length).toBeGreaterThan(0);
    expect(open.filter((d) => d.dueOn >= today).length).toBeGreaterThan(0);
  });
});

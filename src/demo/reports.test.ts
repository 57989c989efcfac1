import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { createTestDatabase } from '../db/testing.ts';
import { memoryFileStore } from '../services/file-store.ts';
import { memoryReportKeys } from '../services/reports/key-store.ts';
import { listReportStates } from '../services/reports/reports.ts';
import { verifyAudit } from '../services/verify-audit.ts';
import { DEMO_TODAY } from './clock.ts';
import { seedDemoOrganizations } from './organizations.ts';
import { lastDueReportYear, seedDemoPublishedReports } from './reports.ts';

let handle: DatabaseHandle;
let year: number;
beforeAll(async () => {
  handle = await createTestDatabase();
  const ctx = { db: handle.db, clock: () => new Date(), files: memoryFileStore(), reportKeys: memoryReportKeys() };
  await seedDemoOrganizations(ctx, 0);
  ({ year } = await seedDemoPublishedReports(ctx, DEMO_TODAY));
}, 300_000);
afterAll(() => handle.close());

describe('the demo’s annual reports', () => {
  it('last year’s reports: the one whose publication period (to 31 March, calendar) ended at least ten days ago', () => {
    expect(lastDueReportYear('2026-11-13')).toBe(2025);
    expect(lastDueReportYear('2027-04-09')).toBe(2025);
    expect(lastDueReportYear('2027-04-10')).toBe(2026);
  });

  it('东湖区 published on time, 西山区 late; both submitted; the audit trail verifies', async () => {
    expect(year).toBe(2025);
    const { rows } = (await handle.db.execute(
      `SELECT o.name, r.organization_id AS "organizationId", r.state, r.late, to_char(r.published_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS published FROM report_drafts r JOIN organizations o ON o.id = r.organization_id ORDER BY o.name` as never,
    )) as unknown as { rows: { name: string; organizationId: number; state: string; late: boolean; published: string }[] };
    expect(rows.map((r) => [r.name.slice(0, 5), r.state, r.late, r.published])).toEqual([
      ['云城市东湖', 'submitted', false, '2026-03-20'],
      ['云城市西山', 'submitted', true, '2026-04-10'],
    ]);
    // What the supervisor's roll-up reads of them.
    const states = await listReportStates({ db: handle.db, clock: () => new Date('2026-11-13T08:00:00Z') }, rows.map((r) => r.organizationId), year);
    expect(states.map((s) => [s.state, s.late, s.dueOn])).toEqual([
      ['submitted', false, '2026-03-31'],
      ['submitted', true, '2026-03-31'],
    ]);
    expect((await verifyAudit(handle.db)).problem).toBeNull();
  });
});

/**
 * The persisted report's services beyond the HTTP test: the roll-up's report states (`listReportStates`), and a
 * refusal that changes nothing, and concurrent steps of one version (one is taken).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDatabase, testDatabaseKind } from '../../db/testing.ts';
import { refusal } from '../../domain/test-support.ts';
import { verifyAudit } from '../verify-audit.ts';
import type { ServiceContext } from '../context.ts';
import { memoryFileStore } from '../file-store.ts';
import { newWorld, type World } from '../testing/factories.ts';
import { memoryReportKeys } from './key-store.ts';
import { createDraft, getDraft, listReportStates, saveDraft } from './reports.ts';
import { transitionReport } from './transition-report.ts';

let handle: DatabaseHandle;
let w: World;
let now = new Date('2026-03-20T02:00:00Z');
let ctx: ServiceContext;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => now, files: memoryFileStore(), reportKeys: memoryReportKeys() };
  w = await newWorld(ctx);
});
afterAll(async () => handle.close());

describe('listReportStates (for the supervisor’s roll-up)', () => {
  it('not started, drafting, and late once 31 March has passed without publication', async () => {
    const { district, otherDistrict, city } = w.org;
    await createDraft(ctx, w.actors['head.donghu'], district.id, 2025);
    expect(await listReportStates(ctx, [district.id, otherDistrict.id], 2025)).toEqual([
      { organizationId: district.id, state: 'drafting', publishedAt: null, dueOn: '2026-03-31', late: false },
      { organizationId: otherDistrict.id, state: 'notStarted', publishedAt: null, dueOn: '2026-03-31', late: false },
    ]);
    now = new Date('2026-04-01T02:00:00Z');
    expect((await listReportStates(ctx, [otherDistrict.id, city.id], 2025)).map((r) => [r.state, r.late])).toEqual([
      ['notStarted', true],
      ['notStarted', true],
    ]);
    expect(await listReportStates(ctx, [], 2025)).toEqual([]);
  });

  it('a report under review on 30 March is not late; only the legal section passes the review', async () => {
    now = new Date('2026-03-30T02:00:00Z');
    const unit = w.org.otherDistrict.id;
    const head = w.actors['head.xishan'];
    let r = await createDraft(ctx, head, unit, 2025);
    r = await transitionReport(ctx, head, unit, 2025, { action: 'submitForReview', expectedVersion: r.version });
    // 法制科审核 is the legal section's: 西山区's head cannot pass it.
    expect((await refusal(transitionReport(ctx, head, unit, 2025, { action: 'passReview', expectedVersion: r.version }))).code).toBe('FORBIDDEN');
    expect((await getDraft(ctx, head, unit, 2025)).state).toBe('legalReview');
    const [row] = await listReportStates(ctx, [unit], 2025);
    expect(row).toMatchObject({ state: 'legalReview', late: false, publishedAt: null });
  });

  it('a refused edit changes nothing (stale version)', async () => {
    const unit = w.org.district.id;
    const before = await getDraft(ctx, w.actors['head.donghu'], unit, 2025);
    const e = await refusal(saveDraft(ctx, w.actors['head.donghu'], unit, 2025, { expectedVersion: before.version + 5, edits: [{ paragraphId: 'plan:narrative', text: '计划' }] }));
    expect(e.code).toBe('CONFLICT');
    expect((await getDraft(ctx, w.actors['head.donghu'], unit, 2025)).version).toBe(before.version);
  });
});

describe('concurrency', () => {
  it(`concurrent steps of one version: one is taken, the others are CONFLICT and write nothing (${testDatabaseKind()})`, async () => {
    const unit = w.org.district.id;
    const head = w.actors['head.donghu'];
    const before = await getDraft(ctx, head, unit, 2025);
    expect(before.state).toBe('drafting');
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () =>
        transitionReport(ctx, head, unit, 2025, { action: 'submitForReview', expectedVersion: before.version }).then(
          () => 'ok',
          (error: unknown) => (error instanceof Error && 'code' in error ? String(error.code) : String(error)),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'ok')).toEqual(Array(5).fill('CONFLICT'));
    const after = await getDraft(ctx, head, unit, 2025);
    expect([after.state, after.version]).toEqual(['legalReview', before.version + 1]);
    expect((await verifyAudit(ctx.db)).problem).toBeNull();
  });
});

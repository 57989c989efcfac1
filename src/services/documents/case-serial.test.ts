/**
 * Issue 14 item 7: the 案件编号 is the case's place in its organization's own sequence of filed cases — the cases
 * filed that year under the same 案件编号代字, by filing date — never the database id, which counts every clue of
 * every organization.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../domain/access.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { setCaseSettings } from '../cases/case-settings.ts';
import type { ServiceContext } from '../context.ts';
import { memoryFileStore } from '../file-store.ts';
import { newCase, newWorld, type World } from '../testing/factories.ts';
import { caseSerial } from './render-for-case.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date('2026-06-01T01:00:00Z'), files: memoryFileStore() };
  w = await newWorld(ctx);
  await setCaseSettings(ctx, systemActor, w.org.district.id, { caseNumberPrefix: '云东城管立字' });
}, 120_000);
afterAll(() => handle.close());

describe('案件编号 (item 7)', () => {
  it('numbers the filed cases under the organization’s 代字 in order of filing, not by database id', async () => {
    const clue = await newCase(ctx, w, { state: 'clue', startOn: '2026-03-02' });
    const later = await newCase(ctx, w, { state: 'filed', startOn: '2026-03-16' });
    const earlier = await newCase(ctx, w, { state: 'filed', startOn: '2026-03-09' });
    const between = await newCase(ctx, w, { state: 'filed', startOn: '2026-03-11' });
    expect(await caseSerial(ctx.db, clue.id)).toBeNull();
    expect(await caseSerial(ctx.db, earlier.id)).toBe(1);
    expect(await caseSerial(ctx.db, between.id)).toBe(2);
    expect(await caseSerial(ctx.db, later.id)).toBe(3);
    expect(later.id).not.toBe(3);
  }, 120_000);
});

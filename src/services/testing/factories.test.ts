/** The factories build what they promise: a world of every role and cases in each state they offer, through the services. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDatabase, resetTestDatabase } from '../../db/testing.ts';
import { verify } from '@node-rs/argon2';
import type { ServiceContext } from '../context.ts';
import { memoryFileStore } from '../file-store.ts';
import { verifyAudit } from '../verify-audit.ts';
import { type NewCaseState, TEST_PASSWORD, type World, newCase, newWorld, testPasswordHash } from './factories.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date('2026-03-02T01:00:00Z'), files: memoryFileStore() };
});
beforeEach(async () => {
  await resetTestDatabase(handle);
  w = await newWorld(ctx);
});
afterAll(() => handle.close());

describe('factories', () => {
  it('newWorld: a district under the city, a brigade and a town team under it, and a user of every role', async () => {
    expect(w.org.district.path.startsWith(w.org.city.path)).toBe(true);
    expect(w.org.brigade.path.startsWith(w.org.district.path)).toBe(true);
    expect(w.org.town.path.startsWith(w.org.district.path)).toBe(true);
    expect(new Set(Object.values(w.users).flatMap((u) => u.roles))).toEqual(new Set(['admin', 'supervisor', 'clerk', 'head', 'reviewer', 'officer']));
    expect(w.actors.wanglei).toMatchObject({ organizationId: w.org.brigade.id, organizationPath: w.org.brigade.path, roles: ['officer'] });
    expect(await verify(await testPasswordHash(), TEST_PASSWORD)).toBe(true);
  });

  it('newCase brings a case to each state it offers through the case services, with a clean audit trail', async () => {
    const states: NewCaseState[] = ['clue', 'declined', 'filed', 'investigating', 'reviewing', 'notified', 'decided', 'enforcing', 'closed', 'archived', 'withdrawn', 'transferred', 'suspended', 'terminated'];
    for (const state of states) expect((await newCase(ctx, w, { state })).state, state).toBe(state);
    expect((await verifyAudit(ctx.db)).problem).toBeNull();
  });
});

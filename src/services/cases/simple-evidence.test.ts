/**
 * Issue 15: evidence on a simple-procedure case. Decided on the spot (《行政处罚法》第五十一条、第五十二条), its photos
 * are registered afterwards while the case is open (第四十七条); an ordinary case still takes evidence only before its
 * decision (第五十四条、第五十五条).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { refusal } from '../../domain/test-support.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDatabase, resetTestDatabase } from '../../db/testing.ts';
import type { ServiceContext } from '../context.ts';
import { memoryFileStore } from '../file-store.ts';
import { addTestEvidence, newCase, newPerson, newPowerItem, newWorld, type World } from '../testing/factories.ts';
import { decideOnSpot } from './decide-on-spot.ts';
import { getCase } from './get-case.ts';

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

describe('evidence on a case decided on the spot', () => {
  it('Art. 47, Art. 52: the on-spot photos are registered after the decision; an ordinary case after its decision is refused', async () => {
    const item = await newPowerItem(ctx, w.org.district.id, { statutoryRange: '处以五十元以上二百元以下罚款' });
    const c = await decideOnSpot(ctx, w.actors.wanglei, {
      title: '乱扔烟头', facts: '当事人在东湖广场随地乱扔烟头，经执法人员当场指出后承认。', place: '云城市东湖区东湖广场', actStartedOn: '2026-03-02', actEndedOn: '2026-03-02',
      powerItemId: item.id, party: newPerson('李娜'), officerIds: [w.actors.wanglei.userId, w.actors.zhaogang.userId],
      penalty: { kinds: ['fine'], fineFen: 50_00, description: '罚款人民币50元', basis: item.penaltyProvision },
    });
    expect(c.state).toBe('enforcing');
    await addTestEvidence(ctx, w.actors.wanglei, c, [w.actors.wanglei.userId, w.actors.zhaogang.userId]);
    expect((await getCase(ctx, w.actors.wanglei, c.id, new Date('2026-03-02T01:00:00Z'))).evidence).toHaveLength(1);

    const ordinary = await newCase(ctx, w, { state: 'enforcing' });
    const refused = await refusal(addTestEvidence(ctx, w.actors.wanglei, ordinary, [w.actors.wanglei.userId, w.actors.zhaogang.userId]));
    expect(refused).toMatchObject({ code: 'RULE_VIOLATION', message: '只有立案后、作出决定前可以登记证据' });
  });
});

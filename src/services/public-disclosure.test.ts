import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemActor } from '../domain/access.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { createTestDatabase, resetTestDatabase } from '../db/testing.ts';
import type { ServiceContext } from './context.ts';
import { createOrganization } from './organizations.ts';
import { listPublicBodies, publicOfficersPage } from './public-disclosure.ts';

const listPublicOfficers = async (c: ServiceContext, query: { q?: string; bodyId?: number } = {}) => (await publicOfficersPage(c, query)).items;
import { createUser, updateUser } from './users.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;

// 2026-07-01 09:00 in China.
const now = new Date('2026-07-01T01:00:00Z');

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => now };
});
beforeEach(() => resetTestDatabase(handle));
afterAll(() => handle.close());

async function world() {
  const bureau = await createOrganization(ctx, systemActor, { name: '测试市城市管理局', kind: 'bureau', parentId: null });
  const brigade = await createOrganization(ctx, systemActor, { name: '测试区执法大队', kind: 'brigade', parentId: bureau.id });
  const justice = await createOrganization(ctx, systemActor, { name: '测试市司法局', kind: 'justice_bureau', parentId: null });
  const base = { password: 'Secret123', roles: ['officer'] as const };
  await createUser(ctx, systemActor, { ...base, organizationId: brigade.id, username: 'valid.one', displayName: '张伟', certificateNo: 'ZF0001', certificateValidUntil: '2026-07-01', phone: '13800138000' });
  await createUser(ctx, systemActor, { ...base, organizationId: brigade.id, username: 'expired.one', displayName: '李娜', certificateNo: 'ZF0002', certificateValidUntil: '2026-06-30' });
  await createUser(ctx, systemActor, { ...base, organizationId: brigade.id, username: 'no.cert', displayName: '王芳' });
  const gone = await createUser(ctx, systemActor, { ...base, organizationId: brigade.id, username: 'gone.one', displayName: '刘强', certificateNo: 'ZF0003', certificateValidUntil: '2030-01-01' });
  await updateUser(ctx, systemActor, gone.id, { active: false });
  await createUser(ctx, systemActor, { ...base, organizationId: justice.id, username: 'justice.one', displayName: '陈静', certificateNo: 'SF0001', certificateValidUntil: '2030-01-01' });
  return { bureau, brigade, justice };
}

describe('public disclosure (事前公开, 国办发〔2018〕118号)', () => {
  it('lists certificate holders with name, certificate number and validity on the China date (《行政处罚法》第四十二条)', async () => {
    const { brigade } = await world();
    const officers = await listPublicOfficers(ctx);
    expect(officers).toEqual([
      { name: '张伟', certificateNo: 'ZF0001', validUntil: '2026-07-01', valid: true, bodyId: brigade.id, bodyName: '测试区执法大队' },
      { name: '李娜', certificateNo: 'ZF0002', validUntil: '2026-06-30', valid: false, bodyId: brigade.id, bodyName: '测试区执法大队' },
    ]);
  });

  it('publishes no username, phone or other field of the user record', async () => {
    await world();
    const text = JSON.stringify(await listPublicOfficers(ctx)) + JSON.stringify(await listPublicBodies(ctx));
    expect(text).not.toContain('13800138000');
    expect(text).not.toContain('valid.one');
    expect(text).not.toContain('password');
    for (const officer of await listPublicOfficers(ctx)) {
      expect(Object.keys(officer).sort()).toEqual(['bodyId', 'bodyName', 'certificateNo', 'name', 'valid', 'validUntil']);
    }
  });

  it('searches by name or certificate number and filters by body', async () => {
    const { bureau } = await world();
    expect((await listPublicOfficers(ctx, { q: '李' })).map((o) => o.name)).toEqual(['李娜']);
    expect((await listPublicOfficers(ctx, { q: 'zf0001' })).map((o) => o.name)).toEqual(['张伟']);
    expect(await listPublicOfficers(ctx, { q: '不存在' })).toEqual([]);
    expect(await listPublicOfficers(ctx, { bodyId: bureau.id })).toEqual([]);
  });

  it('lists enforcement bodies with kind, credit code, parent and count of valid officers, but not justice bureaus', async () => {
    await world();
    const bodies = await listPublicBodies(ctx);
    expect(bodies.map((b) => [b.name, b.kindName, b.parentName, b.officerCount])).toEqual([
      ['测试市城市管理局', '局机关', null, 0],
      ['测试区执法大队', '执法大队', '测试市城市管理局', 1],
    ]);
  });
});

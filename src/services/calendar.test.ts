/** The legal calendar is one for every organization: only the top-level (city) admin keeps it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { createTestDatabase } from '../db/testing.ts';
import { listCalendarOverrides, removeCalendarDay, setCalendarDay, setYearComplete } from './calendar.ts';
import type { ServiceContext } from './context.ts';
import { newWorld, type World } from './testing/factories.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date() };
  w = await newWorld(ctx);
});
afterAll(() => handle.close());

const refusal = '法定节假日日历为全国统一数据，仅市级（顶层）管理员可以维护';

describe('only the top-level admin edits the national holiday calendar', () => {
  it('refuses a district admin every edit', async () => {
    const district = w.actors['admin.donghu'];
    await expect(setCalendarDay(ctx, district, { date: '2027-10-09', kind: 'workday' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: refusal });
    await expect(removeCalendarDay(ctx, district, '2027-10-09')).rejects.toMatchObject({ code: 'FORBIDDEN', message: refusal });
    await expect(setYearComplete(ctx, district, 2027, true)).rejects.toMatchObject({ code: 'FORBIDDEN', message: refusal });
    expect(await listCalendarOverrides(ctx, 2027)).toEqual({ overrides: [], completeYears: [] });
  });

  it('lets the city admin edit it', async () => {
    await setCalendarDay(ctx, w.actors.admin, { date: '2027-10-09', kind: 'workday', name: '国庆调休' });
    await removeCalendarDay(ctx, w.actors.admin, '2027-10-09');
    await setYearComplete(ctx, w.actors.admin, 2027, true);
  });
});

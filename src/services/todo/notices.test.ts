/**
 * The to-do centre's notice of the annual report (services/todo/notices.ts): who is reminded, from when, until when.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import { reportDrafts } from '../../db/schema.ts';
import { createTestDatabase } from '../../db/testing.ts';
import type { ServiceContext } from '../context.ts';
import { memoryFileStore } from '../file-store.ts';
import { createDraft } from '../reports/reports.ts';
import { memoryReportKeys } from '../reports/key-store.ts';
import { newUser, newWorld, type World } from '../testing/factories.ts';
import { todoNotices } from './notices.ts';
import { digestTodo, listTodo } from './todo.ts';

let handle: DatabaseHandle;
let w: World;
let now = new Date();
let ctx: ServiceContext;
const on = (day: string) => {
  now = new Date(`${day}T02:00:00Z`);
};
const notices = async (who: keyof World['actors']) => (await listTodo(ctx, w.actors[who])).notices;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => now, files: memoryFileStore(), reportKeys: memoryReportKeys() };
  w = await newWorld(ctx);
});
afterAll(async () => handle.close());

describe('annual report notice in the to-do centre', () => {
  it('《法治政府建设与责任落实督察工作规定》: from 1 March the head and the legal reviewer of a reporting unit are reminded of last year’s report, overdue after 31 March, until it is published', async () => {
    on('2027-02-28');
    expect(await notices('head.donghu')).toEqual([]);
    on('2027-03-01');
    const [first] = await notices('head.donghu');
    expect(first).toMatchObject({
      kind: 'annualReport',
      organizationId: w.org.district.id,
      year: 2026,
      dueOn: '2027-03-31',
      overdue: false,
      detail: '2026年度法治政府建设情况报告尚未起草，应于2027-03-31前公开，还剩31天',
      link: '/reports/annual',
    });
    expect((await notices('reviewer.donghu')).map((n) => n.year)).toEqual([2026]);
    // The digest carries it too (the CLI prints it).
    expect((await digestTodo(ctx, w.actors['head.donghu'])).notices).toHaveLength(1);
    // A draft in progress: the state is named.
    await createDraft(ctx, w.actors['head.donghu'], w.org.district.id, 2026);
    on('2027-03-31');
    expect((await notices('head.donghu'))[0]).toMatchObject({ overdue: false, detail: '2026年度法治政府建设情况报告（起草），应于2027-03-31前公开，还剩1天' });
    // 31 March is a calendar date: on 1 April the report is late (the due day is not moved off a weekend).
    on('2027-04-01');
    expect((await notices('head.donghu'))[0]).toMatchObject({ overdue: true, detail: '2026年度法治政府建设情况报告（起草），应于2027-03-31前公开，已逾期' });
    // Once published, nothing (publication itself is tested in services/reports; here only its state matters).
    await ctx.db.update(reportDrafts).set({ state: 'published' }).where(eq(reportDrafts.organizationId, w.org.district.id));
    expect(await notices('head.donghu')).toEqual([]);
    // Another reporting unit that has not started is still reminded.
    expect((await notices('head.xishan'))[0]).toMatchObject({ organizationId: w.org.otherDistrict.id, overdue: true });
  });

  it('officers, the supervisor and units that report through their bureau (brigades, town teams) get no notice', async () => {
    await ctx.db.delete(reportDrafts);
    on('2027-03-10');
    expect(await notices('wanglei')).toEqual([]);
    expect(await notices('zhengyu')).toEqual([]);
    expect(await todoNotices(ctx, w.actors.supervisor)).toEqual([]);
    // The brigade's own head: the brigade reports through 东湖区's bureau.
    const { actor: brigadeHead } = await newUser(ctx, w.org.brigade, { username: 'head.brigade', roles: ['head'] });
    expect((await listTodo(ctx, brigadeHead)).notices).toEqual([]);
    expect((await listTodo(ctx, w.actors['head.donghu'])).notices).toHaveLength(1);
  });
});

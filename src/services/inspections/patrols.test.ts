import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3 } from '../../domain/audit/digest.ts';
import { RECTIFY_BASIS } from '../../domain/inspections/model.ts';
import type { PatrolView, ProblemView } from '../../domain/inspections/patrol-views.ts';
import { refusal } from '../../domain/test-support.ts';
import type { Actor } from '../../domain/access.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { cases } from '../../db/schema.ts';
import { createTestDatabase } from '../../db/testing.ts';
import type { ServiceContext } from '../context.ts';
import { memoryFileStore } from '../file-store.ts';
import { sweepOrphanFiles } from '../sweep-files.ts';
import { newWorld, type World } from '../testing/factories.ts';
import { verifyAudit } from '../verify-audit.ts';
import { getPatrol, listPatrols } from './patrol-store.ts';
import { addProblemPhoto, createPatrol, readProblemPhoto, recordProblem, transitionPatrol, transitionProblem } from './patrols.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;
let today = '2026-09-28';
const files = memoryFileStore();

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date(`${today}T02:00:00Z`), files };
  w = await newWorld(ctx);
});
afterAll(() => handle.close());

const patrolStep = (actor: Actor, p: PatrolView, body: Record<string, unknown>) => transitionPatrol(ctx, actor, p.id, { expectedVersion: p.version, ...body });
const problemStep = (actor: Actor, q: ProblemView, body: Record<string, unknown>) => transitionProblem(ctx, actor, q.id, { expectedVersion: q.version, ...body });
const task = (over: Record<string, unknown> = {}) => ({ organizationId: w.org.brigade.id, area: '湖滨片区', route: '湖滨路—解放路—东湖广场', plannedOn: '2026-09-29', officerIds: [w.users.wanglei.id, w.users.zhaogang.id], ...over });

describe('patrols through the services', () => {
  it('《行政处罚法》第四十二条: a patrol task names at least two officers of the unit; bad input changes nothing', async () => {
    today = '2026-09-28';
    const head = w.actors['head.donghu'];
    expect((await refusal(createPatrol(ctx, head, task({ officerIds: [w.users.wanglei.id] })))).message).toContain('巡查应当由两名以上执法人员进行');
    expect((await refusal(createPatrol(ctx, head, task({ officerIds: [w.users.wanglei.id, w.users.liuyang.id] })))).message).toContain('巡查人员须为本单位或上下级单位的执法人员');
    expect((await refusal(createPatrol(ctx, head, task({ plannedOn: '2026-09-27' })))).message).toContain('巡查日期不能早于今天');
    expect((await refusal(createPatrol(ctx, w.actors.clerk, task()))).code).toBe('FORBIDDEN');
    expect(await listPatrols(ctx.db, head, {})).toEqual({ items: [], total: 0 });
  });

  it('start on the day → problems with photos (SM3) → 责令整改 → 核查 not yet → rectified; another referred as a case clue; finished', async () => {
    today = '2026-09-28';
    const head = w.actors['head.donghu'];
    let p = await createPatrol(ctx, head, task());
    expect(p).toMatchObject({ state: { key: 'planned', label: '待巡查' }, officers: [{ name: '王磊' }, { name: '赵刚' }], problems: [] });
    // Not before its day (local procedure), and only by its officers.
    expect((await refusal(patrolStep(w.actors.wanglei, p, { action: 'start' }))).message).toContain('不能提前开始');
    today = '2026-09-29';
    expect((await refusal(patrolStep(w.actors['chief.donghu'], p, { action: 'start' }))).code).toBe('FORBIDDEN');
    // Problems are recorded only while the patrol is under way.
    expect((await refusal(recordProblem(ctx, w.actors.wanglei, p.id, { category: { kind: 'matter', code: '09006' }, place: '湖滨路12号', description: '店主占用人行道摆卖水果' }))).message).toContain('只能在巡查中记录');
    p = await patrolStep(w.actors.wanglei, p, { action: 'start' });
    expect(p).toMatchObject({ state: { key: 'underway' }, record: { startedOn: '2026-09-29' } });

    expect((await refusal(recordProblem(ctx, w.actors.wanglei, p.id, { category: { kind: 'matter', code: '99999' }, place: '湖滨路12号', description: '店主占用人行道摆卖水果' }))).message).toContain('未知的管理事项类别编码：99999');
    let q = await recordProblem(ctx, w.actors.wanglei, p.id, { category: { kind: 'matter', code: '09006' }, place: '湖滨路12号', description: '店主占用人行道摆卖水果' });
    expect(q).toMatchObject({ state: { key: 'found', label: '待处置' }, category: { name: '占道经营', group: '街面秩序类' }, foundOn: '2026-09-29' });
    expect((await refusal(recordProblem(ctx, w.actors.zhengyu, p.id, { category: { kind: 'matter', code: '09006' }, place: '湖滨路12号', description: '店主占用人行道摆卖水果' }))).code).toBe('NOT_FOUND');

    const photo = Buffer.from('a photo of the stall');
    q = await addProblemPhoto(ctx, w.actors.zhaogang, q.id, { fileName: '占道.jpg', data: photo });
    expect(q.photos).toEqual([expect.objectContaining({ seq: 1, fileName: '占道.jpg', mediaType: 'image/jpeg', digest: sm3(photo), size: photo.byteLength })]);
    expect((await readProblemPhoto(ctx, head, q.id, 1)).data.equals(photo)).toBe(true);
    // The orphan sweep keeps a problem's photo.
    expect((await sweepOrphanFiles(ctx, { dryRun: true, graceMs: 0 })).removed.map((r) => r.digest)).not.toContain(sm3(photo));

    // 责令整改: a due date after the day (《行政处罚法》第二十八条第一款).
    const noDue = await refusal(problemStep(w.actors.wanglei, q, { action: 'orderRectification', dueOn: '2026-09-29', requirement: '立即清理占道物品' }));
    expect(noDue.message).toContain('整改期限应晚于 2026-09-29');
    q = await problemStep(w.actors.wanglei, q, { action: 'orderRectification', dueOn: '2026-10-09', requirement: '清理占道物品，退回店内经营' });
    expect(q).toMatchObject({ state: { key: 'rectifying' }, dueOn: '2026-10-09', record: { orders: [{ on: '2026-09-29', dueOn: '2026-10-09' }] } });
    today = '2026-10-09';
    expect((await refusal(problemStep(w.actors.wanglei, q, { action: 'verify', rectified: false, note: '仍有部分货架占道' }))).message).toContain('请填写新的整改期限');
    q = await problemStep(w.actors.wanglei, q, { action: 'verify', rectified: false, note: '仍有部分货架占道', dueOn: '2026-10-12' });
    expect(q).toMatchObject({ state: { key: 'rectifying' }, dueOn: '2026-10-12' });
    today = '2026-10-12';
    q = await problemStep(w.actors.zhaogang, q, { action: 'verify', rectified: true, note: '已全部清理' });
    expect(q).toMatchObject({ state: { key: 'rectified', label: '已整改' }, dueOn: null });
    expect(RECTIFY_BASIS).toContain('第二十八条');

    // A problem that needs a penalty: referred as a clue of the case engine (日常巡查), in the same transaction.
    let serious = await recordProblem(ctx, w.actors.zhaogang, p.id, { category: { kind: 'matter', code: '06036' }, place: '解放路3号后巷', description: '建筑垃圾大量堆放于公共通道' });
    serious = await problemStep(w.actors.zhaogang, serious, { action: 'refer', reason: '拒不清理，需立案调查' });
    expect(serious).toMatchObject({ state: { key: 'referred' }, case: { id: expect.any(Number), actCode: expect.any(String) }, record: { referral: { reason: '拒不清理，需立案调查' } } });
    const [registered] = await ctx.db.select().from(cases).where(eq(cases.id, serious.case!.id));
    expect(registered).toMatchObject({ state: 'clue', clueSource: 'patrol', place: '解放路3号后巷', organizationId: w.org.brigade.id, title: '巡查发现：乱堆杂物' });
    expect((await refusal(addProblemPhoto(ctx, w.actors.zhaogang, serious.id, { fileName: 'x.jpg', data: Buffer.from('x') }))).message).toContain('已移送立案');

    p = await getPatrol(ctx.db, head, p.id);
    p = await patrolStep(w.actors.wanglei, p, { action: 'finish', summary: '沿湖滨路、解放路巡查，发现问题 2 处' });
    expect(p).toMatchObject({ state: { key: 'finished' }, record: { finishedOn: '2026-10-12', summary: '沿湖滨路、解放路巡查，发现问题 2 处' }, problems: [{ state: { key: 'rectified' } }, { state: { key: 'referred' } }] });
    expect((await listPatrols(ctx.db, w.actors.wanglei, {})).items.map((x) => [x.state.key, x.problemCount])).toEqual([['finished', 2]]);
    // A stale version is a conflict and changes nothing.
    expect((await refusal(transitionPatrol(ctx, w.actors.wanglei, p.id, { expectedVersion: 1, action: 'finish', summary: '重复提交' }))).code).toBe('CONFLICT');
    expect((await verifyAudit(ctx.db)).problem).toBeNull();
  });
});

describe('the patrol list (issue 16 item 7: no list returns unbounded rows)', () => {
  it('is paged, newest day first, with the total; mine=true keeps only the actor\'s own; a bad page changes nothing', async () => {
    today = '2026-11-02';
    const head = w.actors['head.donghu'];
    const before = (await listPatrols(ctx.db, head, {})).total;
    const created: number[] = [];
    for (let i = 0; i < 5; i++) {
      const officerIds = i % 2 === 0 ? [w.users.wanglei.id, w.users.zhaogang.id] : [w.users.zhaogang.id, w.users['chief.donghu'].id];
      created.push((await createPatrol(ctx, head, task({ area: `分页片区${i}`, plannedOn: `2026-11-0${3 + i}`, officerIds }))).id);
    }
    const first = await listPatrols(ctx.db, head, { limit: 2 });
    expect(first.total).toBe(before + 5);
    expect(first.items.map((p) => p.area)).toEqual(['分页片区4', '分页片区3']);
    const second = await listPatrols(ctx.db, head, { limit: 2, offset: 2 });
    expect(second.items.map((p) => p.area)).toEqual(['分页片区2', '分页片区1']);
    expect((await listPatrols(ctx.db, head, {})).items.length).toBeLessThanOrEqual(20);
    const mine = await listPatrols(ctx.db, w.actors.wanglei, { mine: 'true', from: '2026-11-01' });
    expect(mine).toMatchObject({ total: 3 });
    expect(mine.items.map((p) => p.area)).toEqual(['分页片区4', '分页片区2', '分页片区0']);
    expect((await refusal(listPatrols(ctx.db, head, { limit: 101 }))).message).toContain('每页最多 100 条');
    expect((await refusal(listPatrols(ctx.db, head, { offset: -1 }))).message).toContain('起始位置不能为负');
    expect((await refusal(listPatrols(ctx.db, head, { offset: 100_001 }))).message).toContain('起始位置不超过 100000');
    expect((await listPatrols(ctx.db, head, {})).total).toBe(before + 5);
  });
});

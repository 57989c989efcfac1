/**
 * The case's timeline read apart from its view (issue 16): keyset pages newest first, the whole trail oldest first for
 * the documents, `occurrence` counted over the whole trail whatever the page, the view's access rule, bad paging
 * input refused in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { systemActor } from '../../domain/access.ts';
import { refusal } from '../../domain/test-support.ts';
import { caseBench } from '../testing/case-bench.ts';
import { newCase } from '../testing/factories.ts';
import { getCaseTimeline, readCaseTrail } from './case-timeline.ts';
import { getCase } from './get-case.ts';

const t = caseBench();

describe('the case timeline, paged apart from the case view', () => {
  it('pages newest first by cursor; every page together is the whole trail; a step is numbered over the whole trail', async () => {
    let c = await newCase(t.ctx, t.w, { state: 'notified' });
    for (const content of ['当事人称系临时摆放', '当事人补充：已自行清理', '当事人请求从轻处罚']) {
      c = await t.step('2026-03-12', 'wanglei', c, { action: 'recordStatement', content });
    }
    const whole = await readCaseTrail(t.ctx, t.w.actors.wanglei, c.id);
    expect(whole.map((e) => e.seq)).toEqual(whole.map((_, i) => i + 1));
    expect(whole.at(-1)).toMatchObject({ label: '记录陈述申辩', actorName: '王磊', change: { content: '当事人请求从轻处罚' } });

    const pages = [];
    let before: number | undefined;
    do {
      const page = await getCaseTimeline(t.ctx, t.w.actors.wanglei, c.id, { limit: 2, ...(before === undefined ? {} : { before }) });
      expect(page.total).toBe(whole.length);
      expect(page.items.length).toBeLessThanOrEqual(2);
      pages.push(page.items);
      before = page.nextCursor ?? undefined;
      if (page.nextCursor !== null) expect(page.nextCursor).toBe(page.items.at(-1)!.seq);
    } while (before !== undefined);
    expect(pages.length).toBe(Math.ceil(whole.length / 2));
    expect(pages.flat()).toEqual([...whole].reverse());

    // The three statements are the 0th, 1st and 2nd of their step, on whichever page each stands.
    const statements = pages.flat().filter((e) => (e.change as { action?: string }).action === 'recordStatement');
    expect(statements.map((e) => [(e.change as { content: string }).content, e.occurrence])).toEqual([
      ['当事人请求从轻处罚', 2],
      ['当事人补充：已自行清理', 1],
      ['当事人称系临时摆放', 0],
    ]);
    // Records that are not steps have no occurrence.
    expect(whole.filter((e) => e.action !== 'case.transition').every((e) => e.occurrence === null)).toBe(true);

    // The default page is the newest 50; the case view itself no longer carries the trail.
    const first = await getCaseTimeline(t.ctx, t.w.actors.wanglei, c.id);
    expect(first).toMatchObject({ nextCursor: null, total: whole.length });
    expect(first.items[0]!.seq).toBe(whole.length);
    expect('timeline' in (await getCase(t.ctx, t.w.actors.wanglei, c.id, new Date()))).toBe(false);
  });

  it('the same rule as the case view: another district does not find it; bad paging input is refused in Chinese', async () => {
    const c = await newCase(t.ctx, t.w, { state: 'filed' });
    expect((await refusal(getCaseTimeline(t.ctx, t.w.actors['head.xishan'], c.id))).code).toBe('NOT_FOUND');
    expect((await refusal(readCaseTrail(t.ctx, t.w.actors['head.xishan'], c.id))).code).toBe('NOT_FOUND');
    expect((await refusal(getCaseTimeline(t.ctx, systemActor, 2_000_000))).code).toBe('NOT_FOUND');
    for (const [query, message] of [
      [{ limit: 201 }, '每页条数不超过 200'],
      [{ limit: 0 }, '每页条数至少为 1'],
      [{ before: 'abc' }, '游标（before）应为数字'],
      [{ before: -1 }, '游标（before）应为正整数'],
    ] as const) {
      const refused = await refusal(getCaseTimeline(t.ctx, t.w.actors.wanglei, c.id, query as never));
      expect(refused.code).toBe('VALIDATION');
      expect(refused.message).toContain(message);
    }
    // A cursor before the first record: an empty last page.
    expect(await getCaseTimeline(t.ctx, t.w.actors.wanglei, c.id, { before: 1 })).toMatchObject({ items: [], nextCursor: null });
  });
});

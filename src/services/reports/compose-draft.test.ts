/**
 * The first draft of a unit's report from its records: figures of the year and the year before, and “存在的不足”
 * seeded from the ledgers' facts. Today is 2026-11-13. 东湖区: case D decided (2026-03) and its decision published on
 * 2026-06-01, past its publication deadline, and not yet served; case O filed 2026-03-02 and still under
 * investigation, its decision deadline long past; 孙丽's certificate ran out 2025-06-30 (8 holders in the district).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftText } from '../../domain/reports/draft.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { publishDecision } from '../cases/publicity.ts';
import type { ServiceContext } from '../context.ts';
import { newCase, newWorld, type World } from '../testing/factories.ts';
import { composeUnitDraft, shortcomingFacts } from './compose-draft.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;
const at = (day: string): ServiceContext => ({ ...ctx, clock: () => new Date(`${day}T01:00:00Z`) });

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date('2026-11-13T01:00:00Z') };
  w = await newWorld(at('2025-01-02'));
  const decided = await newCase(ctx, w, { state: 'decided', startOn: '2026-03-02', fineFen: 200_00 });
  await publishDecision(at('2026-06-01'), w.actors.wanglei, decided.id);
  await newCase(ctx, w, { state: 'investigating', startOn: '2026-03-02' });
}, 120_000);
afterAll(() => handle.close());

describe('composing a unit’s draft from its records', () => {
  it('counts the facts the shortcomings are seeded from', async () => {
    const facts = await shortcomingFacts(ctx.db, ctx, w.org.district, 2026);
    expect(facts.certificates).toEqual({ holders: 8, expired: 1 });
    expect(facts.publicity).toEqual({ published: 1, late: 1 });
    // Due in 2026: D's filing 03-23 (met 03-02), decision 06-01 (met 03-16), service 03-25 (open: late), publicity
    // 03-25 (met 06-01: late); O's filing 03-23 (met 03-02), decision 06-01 (open: late) — 6 due, 3 late.
    expect(facts.caseDeadlines).toEqual({ due: 6, late: 3 });
    // 西山区 has no cases: no deadline or publicity facts, so nothing is seeded about them.
    const other = await shortcomingFacts(ctx.db, ctx, w.org.otherDistrict, 2026);
    expect(other).toEqual({ certificates: { holders: 2, expired: 0 } });
  });

  it('writes the figures and seeds 存在的不足 from them', async () => {
    const draft = await composeUnitDraft(ctx, w.org.district, 2026);
    expect(draft.title).toBe('云城市东湖区城市管理和综合行政执法局2026年法治政府建设年度报告');
    const text = draftText(draft);
    // 2025 has no cases: no year-on-year change is written (only where last year's figure exists).
    expect(text).toContain('全年作出行政处罚决定1件；罚没金额200元；');
    expect(text).toContain('8名持证人员中，1人执法证已过期');
    expect(text).toContain('本年度公示的1件中，1件超过公示时限');
    expect(text).toContain('本年度到期的6项办案期限中，3项超期完成或至今未完成，超期率50%。');
  });
});

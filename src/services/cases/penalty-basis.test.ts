/**
 * Issue 15: the 处罚依据 of the 调查终结 proposal and of its revisions cites the power-list item's 罚则, checked as on
 * the spot (domain/cases/rules.ts `assertBasisCitesPenaltyProvision`): the decision states the basis of the penalty
 * (《行政处罚法》第五十九条第一款第（三）项), and the basis is the 罚则 of the violation found, not an article typed by hand.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { refusal } from '../../domain/test-support.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDatabase, resetTestDatabase } from '../../db/testing.ts';
import type { ServiceContext } from '../context.ts';
import { memoryFileStore } from '../file-store.ts';
import { newCase, newWorld, type World } from '../testing/factories.ts';
import { type CaseView, getCase } from './get-case.ts';
import { transitionCase } from './transition-case.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;
const at = (date: string): ServiceContext => ({ ...ctx, clock: () => new Date(`${date}T01:00:00Z`) });

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date('2026-03-02T01:00:00Z'), files: memoryFileStore() };
});
beforeEach(async () => {
  await resetTestDatabase(handle);
  w = await newWorld(ctx);
});
afterAll(() => handle.close());

const fine = (basis: string) => ({ kinds: ['fine'], fineFen: 2_000_00, description: '罚款人民币2000元', basis });
const close = (c: CaseView, basis: string) =>
  transitionCase(at('2026-03-04'), w.actors.wanglei, c.id, {
    expectedVersion: c.version,
    action: 'closeInvestigation',
    findings: '当事人占用人行道摆摊的事实清楚，有现场笔录、照片和询问笔录为证。',
    proposal: { kind: 'penalty', penalty: fine(basis) },
    discretionReason: '当事人经劝导未改正，在法定幅度内从轻处罚',
  });

describe('the 处罚依据 of the ordinary procedure (《行政处罚法》第五十九条第一款第（三）项)', () => {
  it('Art. 59(1)(3): a proposal citing another article than the item’s 罚则 is refused on that field and writes nothing', async () => {
    const c = await newCase(ctx, w, { state: 'investigating' });
    expect(c.violation?.penaltyProvision).toBe('《城市市容和环境卫生管理条例》第三十六条第（二）项');
    const error = await refusal(close(c, '《城市市容和环境卫生管理条例》第二十一条'));
    expect(error).toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining('第三十六条第（二）项'),
      details: { article: '《行政处罚法》第五十九条第一款第（三）项', fields: ['proposal.penalty.basis'] },
    });
    // Only the article, not the 项 the 罚则 names: still refused.
    expect((await refusal(close(c, '《城市市容和环境卫生管理条例》第三十六条'))).code).toBe('RULE_VIOLATION');
    const unchanged = await getCase(ctx, w.actors.wanglei, c.id, new Date('2026-03-04T01:00:00Z'));
    expect([unchanged.version, unchanged.state, unchanged.record.proposal]).toEqual([c.version, 'investigating', null]);
    const closed = await close(c, '依据《城市市容和环境卫生管理条例》第三十六条第(二)项');
    expect(closed.state).toBe('reviewing');
  });

  it('Art. 59(1)(3): a revised penalty keeps citing the 罚则', async () => {
    const c = await newCase(ctx, w, { state: 'reviewing' });
    const revise = (basis: string) =>
      transitionCase(at('2026-03-05'), w.actors.wanglei, c.id, { expectedVersion: c.version, action: 'revisePenalty', penalty: { ...fine(basis), fineFen: 1_500_00, description: '罚款人民币1500元' }, reason: '当事人积极整改' });
    expect(await refusal(revise('《城市道路管理条例》第四十二条'))).toMatchObject({ code: 'RULE_VIOLATION', details: { fields: ['penalty.basis'] } });
    expect((await revise('《城市市容和环境卫生管理条例》第三十六条第（二）项')).record.proposal?.penalty?.fineFen).toBe(1_500_00);
  });
});

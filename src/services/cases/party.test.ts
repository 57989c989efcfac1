/**
 * Issue 15, items 3 and 6: a clue registered without its party (a 12345 report of an unknown street vendor), the
 * party identified before filing (《行政处罚法》第五十四条) with an identity document other than the resident ID card,
 * and corrected — recorded with its reason, in the timeline — only until a document naming the party was issued
 * (第四十七条); the on-spot form requires what the 当场行政处罚决定书 prints (第五十二条).
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { refusal } from '../../domain/test-support.ts';
import { idNumberCheckChar } from '../../domain/validators/id-number.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { auditRecords } from '../../db/schema.ts';
import { createTestDatabase, resetTestDatabase } from '../../db/testing.ts';
import { chainOf } from '../audit-trail.ts';
import type { ServiceContext } from '../context.ts';
import { memoryFileStore } from '../file-store.ts';
import { newCase, newPerson, newPowerItem, newWorld, type World } from '../testing/factories.ts';
import { decideOnSpot } from './decide-on-spot.ts';
import type { CaseView } from './get-case.ts';
import { registerClue } from './register-clue.ts';
import { transitionCase } from './transition-case.ts';
import { readCaseTrail } from './case-timeline.ts';
import { systemActor } from '../../domain/access.ts';

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

const step = (date: string, actor: World['actors'][keyof World['actors']], c: CaseView, body: Record<string, unknown>) =>
  transitionCase(at(date), actor, c.id, { expectedVersion: c.version, ...body });

async function unknownVendorClue(): Promise<CaseView> {
  const item = await newPowerItem(ctx, w.org.district.id);
  return registerClue(at('2026-03-02'), w.actors.clerk, {
    organizationId: w.org.brigade.id,
    clueSource: 'hotline',
    title: '涉嫌擅自占用城市道路摆摊设点案',
    facts: '12345热线反映：有流动摊贩每天傍晚在南湖路人行道摆摊卖烧烤，身份不明。',
    place: '云城市东湖区南湖路人行道',
    actStartedOn: '2026-03-01',
    actEndedOn: null,
    actContinuing: true,
    discoveredOn: '2026-03-02',
    powerItemId: item.id,
    party: { kind: 'unknown', description: '男，约40岁，推蓝色三轮车' },
  });
}

describe('a clue with an unknown party (《行政处罚法》第五十四条)', () => {
  it('Art. 54: is registered without the party, refused filing until identified, then filed with a 港澳居民来往内地通行证', async () => {
    let c = await unknownVendorClue();
    expect(c.party).toMatchObject({ kind: 'unknown', name: '当事人不明（男，约40岁，推蓝色三轮车）', idNumber: null });
    const file = { action: 'file', officerIds: [w.actors.wanglei.userId, w.actors.zhaogang.userId], opinion: '符合立案条件，同意立案' };
    const refused = await refusal(step('2026-03-03', w.actors['head.donghu'], c, file));
    expect(refused).toMatchObject({ code: 'RULE_VIOLATION', details: { article: expect.stringContaining('第五十四条') } });
    expect((await refusal(step('2026-03-03', w.actors.wanglei, c, { action: 'correctParty', party: { kind: 'person', name: '陈大文', idType: 'hkMacaoPermit', idNumber: 'X1234' }, reason: '经蹲守查明' }))).message).toContain('港澳居民来往内地通行证号码');
    c = await step('2026-03-03', w.actors.wanglei, c, {
      action: 'correctParty',
      party: { kind: 'person', name: '陈大文', idType: 'hkMacaoPermit', idNumber: 'H12345678', birthDate: '1986-04-01', address: '云城市东湖区南湖路12号' },
      reason: '经蹲守查明当事人身份',
    });
    expect(c.party).toMatchObject({ kind: 'person', name: '陈大文', idType: 'hkMacaoPermit', idNumber: 'H12345678', birthDate: '1986-04-01', identityKey: 'hkMacaoPermit:H12345678' });
    // In the timeline, with the reason — and without the number or the contact data.
    const entry = (await readCaseTrail(ctx, systemActor, c.id)).find((t) => t.action === 'case.transition' && (t.change as { action?: string }).action === 'correctParty');
    expect(entry?.change).toMatchObject({ reason: '经蹲守查明当事人身份', party: { kind: 'person', name: '陈大文', previous: { kind: 'unknown' }, changed: expect.arrayContaining(['姓名或名称', '证件号码']) } });
    expect(JSON.stringify(entry?.change)).not.toContain('H12345678');
    c = await step('2026-03-03', w.actors['head.donghu'], c, file);
    expect(c.state).toBe('filed');
  });

  it('two unknown parties are never taken for the same one (第二十九条)', async () => {
    const a = await unknownVendorClue();
    const b = await unknownVendorClue();
    expect(a.party.identityKey).not.toBe(b.party.identityKey);
  });
});

describe('identity documents other than the resident ID card', () => {
  it('a passport needs the nationality; a 港澳台居民居住证 is checked as GB 11643 with its own address code', async () => {
    const clue = (party: Record<string, unknown>) => ({
      clueSource: 'patrol', title: '涉嫌擅自占用城市道路摆摊设点案', facts: '当事人在南湖路人行道摆摊销售水果，占用人行道。', place: '云城市东湖区南湖路',
      actStartedOn: '2026-03-01', actEndedOn: '2026-03-01', discoveredOn: '2026-03-02', powerItemId: null, party,
    });
    const passport = await refusal(registerClue(ctx, w.actors.wanglei, clue({ kind: 'person', name: 'John Smith', idType: 'passport', idNumber: '123456789' })));
    expect(passport).toMatchObject({ code: 'VALIDATION', message: '持护照的当事人须填写国籍' });
    const withNationality = await registerClue(ctx, w.actors.wanglei, clue({ kind: 'person', name: 'John Smith', idType: 'passport', idNumber: '123456789', nationality: '英国' }));
    expect(withNationality.party).toMatchObject({ idType: 'passport', nationality: '英国', identityKey: 'passport:英国:123456789' });
    const first17 = '83000019900101001';
    const permit = await registerClue(ctx, w.actors.wanglei, clue({ kind: 'person', name: '林志明', idType: 'residencePermit', idNumber: `${first17}${idNumberCheckChar(first17)}` }));
    expect(permit.party).toMatchObject({ idType: 'residencePermit', birthDate: '1990-01-01' });
  });
});

describe('correcting the party (《行政处罚法》第四十七条)', () => {
  it('Art. 47: refused once the prior notice naming the party was issued, saying so', async () => {
    const c = await newCase(ctx, w, { state: 'notified' });
    const error = await refusal(step('2026-03-11', w.actors.wanglei, c, { action: 'correctParty', party: newPerson('张伟'), reason: '身份证号录入有误' }));
    expect(error).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('已出具的《行政处罚事先告知书》') });
    // Nothing was written: the refused step left no record in the chain.
    const steps = await ctx.db.select().from(auditRecords).where(and(eq(auditRecords.chain, chainOf('case', c.id)), eq(auditRecords.action, 'case.transition')));
    expect(steps.some((r) => (r.change as { action?: string }).action === 'correctParty')).toBe(false);
  });

  it('Art. 52: the on-spot form requires the address the 当场行政处罚决定书 prints', async () => {
    const item = await newPowerItem(ctx, w.org.district.id, { statutoryRange: '处以五十元以上二百元以下罚款' });
    const input = (party: Record<string, unknown>) => ({
      title: '乱扔烟头', facts: '当事人在东湖广场随地乱扔烟头，经执法人员当场指出后承认。', place: '云城市东湖区东湖广场', actStartedOn: '2026-03-02', actEndedOn: '2026-03-02',
      powerItemId: item.id, party, officerIds: [w.actors.wanglei.userId, w.actors.zhaogang.userId],
      penalty: { kinds: ['fine'], fineFen: 50_00, description: '罚款人民币50元', basis: item.penaltyProvision },
    });
    // Art. 52 para. 2: the basis is the item's 罚则, not an article typed by hand.
    const { penaltyProvision } = item;
    const typed = { ...input(newPerson('李娜')), penalty: { ...input(newPerson('李娜')).penalty, basis: '《城市市容和环境卫生管理条例》第二十一条' } };
    expect(await refusal(decideOnSpot(ctx, w.actors.wanglei, typed))).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining(penaltyProvision) });
    const { address: _a, ...noAddress } = newPerson('李娜');
    const error = await refusal(decideOnSpot(ctx, w.actors.wanglei, input(noAddress)));
    expect(error).toMatchObject({ code: 'VALIDATION' });
    expect(JSON.stringify(error.details)).toContain('当场处罚决定书载明');
    const c = await decideOnSpot(ctx, w.actors.wanglei, input(newPerson('李娜')));
    // Until the 当场行政处罚决定书 is printed, a typo in the address is corrected as a recorded step.
    const fixed = await step('2026-03-02', w.actors.wanglei, c, { action: 'correctParty', party: { ...newPerson('李娜'), address: '云城市东湖区东湖广场北侧5号' }, reason: '地址门牌号录入有误' });
    expect(fixed.party.address).toBe('云城市东湖区东湖广场北侧5号');
  });
});

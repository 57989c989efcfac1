import { describe, expect, it } from 'vitest';
import { refusal } from '../test-support.ts';
import { checkStatutoryLimit, lawfulReductionGrounds, statutoryFineRange } from './statutory-limit.ts';

const violation = (statutoryRange: string) => ({ name: '擅自在街道两侧摆设摊点', penaltyProvision: '《城市市容和环境卫生管理条例》第三十六条', statutoryRange });
const ordinary = violation('责令改正，没收烧烤工具和违法所得，并处五百元以上二万元以下的罚款');

describe('法定处罚幅度 of the power-list item (issue 12 item 1)', () => {
  it('reads the range for the party: per party kind, ordinary and 情节严重 bands together, per unit with the quantity', () => {
    expect(statutoryFineRange(ordinary.statutoryRange, 'person').range).toEqual({ min: 500, max: 20_000 });
    const byParty = '责令限期改正；逾期不改正的，对单位可以处10万元以下罚款，对个人可以处1000元以下罚款';
    expect(statutoryFineRange(byParty, 'person').range).toEqual({ min: 0, max: 1000 });
    expect(statutoryFineRange(byParty, 'organization').range).toEqual({ min: 0, max: 100_000 });
    expect(statutoryFineRange('处50元以上200元以下罚款；情节严重的，处200元以上1000元以下罚款', 'person').range).toEqual({ min: 50, max: 1000 });
    expect(statutoryFineRange('每平方米处10元以上50元以下罚款', 'organization', { area_m2: 6 }).range).toEqual({ min: 60, max: 300 });
    expect(statutoryFineRange('每平方米处10元以上50元以下罚款', 'organization').warning).toContain('面积');
  });

  it('a fine above the maximum is always refused, naming the item and its range', () => {
    const error = refusal(() => checkStatutoryLimit({ violation: ordinary, partyKind: 'person', fine: 20_000.01, reductionGrounds: ['第三十二条：主动供述'] }));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.message).toContain('超过「擅自在街道两侧摆设摊点」的法定处罚幅度');
    expect(error.message).toContain('上限20000元');
    expect(error.details?.article).toContain('第三十六条');
  });

  it('below the minimum only with a recorded ground for 减轻 (Art. 30, 32), and never on the spot', () => {
    const none = refusal(() => checkStatutoryLimit({ violation: ordinary, partyKind: 'person', fine: 300, reductionGrounds: [] }));
    expect(none.message).toContain('低于');
    expect(none.details?.article).toContain('第三十二条');
    const grounds = lawfulReductionGrounds({ partyKind: 'person', mitigating: ['confessed'] });
    expect(grounds).toHaveLength(1);
    const reduced = checkStatutoryLimit({ violation: ordinary, partyKind: 'person', fine: 300, reductionGrounds: grounds });
    expect(reduced).toMatchObject({ status: 'reduced', range: { min: 500, max: 20_000 } });
    expect(lawfulReductionGrounds({ partyKind: 'person', age: 16 })[0]).toContain('第三十条');
    const onSpot = refusal(() => checkStatutoryLimit({ violation: violation('处50元以上200元以下罚款'), partyKind: 'person', fine: 30, reductionGrounds: grounds, simpleProcedure: true }));
    expect(onSpot.message).toContain('当场处罚不能减轻处罚');
    expect(onSpot.details?.article).toContain('第五十一条');
  });

  it('inside the range, or no fine at all: accepted', () => {
    expect(checkStatutoryLimit({ violation: ordinary, partyKind: 'person', fine: 500, reductionGrounds: [] }).status).toBe('within');
    expect(checkStatutoryLimit({ violation: ordinary, partyKind: 'person', fine: null, reductionGrounds: [] }).status).toBe('noFine');
  });

  it('a range text that cannot be read is no reason to refuse: the check says the fine was not compared', () => {
    for (const text of ['责令停止违法行为，限期清理，并可处以罚款', '处建设工程造价百分之五以上百分之十以下的罚款', '责令纠正违法行为、采取补救措施，可以并处警告、罚款']) {
      const check = checkStatutoryLimit({ violation: violation(text), partyKind: 'person', fine: 1_000_000, reductionGrounds: [] });
      expect(check.status).toBe('unchecked');
      expect(check.warnings[0]).toContain('未按法定处罚幅度核对');
    }
  });
});

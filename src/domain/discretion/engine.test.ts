import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { parseBenchmarkCsv } from './csv.ts';
import { assessPenalty, checkProposal } from './engine.ts';
import { benchmarkCsv } from './fixtures.ts';
import type { BenchmarkItem, CaseFacts } from './model.ts';

const { items } = parseBenchmarkCsv(benchmarkCsv);
const item = (code: string, source = '2023年版'): BenchmarkItem => {
  const found = items.find((i) => i.code === code && i.source.name.includes(source));
  if (!found) throw new Error(`fixture item ${source} ${code} missing`);
  return found;
};
const sz1 = item('1');
const sz2 = item('2');
const sz5 = item('5');
const sz30 = item('30');
const sz39 = item('39');
const sz41 = item('41');
const sz55 = item('55');
const sz74 = item('74');
const jiaxing = item('1', '嘉兴');
const huaibei = item('2', '淮北');
const putian = item('PT01CG-CF-0141', '莆田');
const szOldPets = item('42', '试行');
const szOldDust = item('43', '试行');

const person = (facts: Partial<CaseFacts> = {}): CaseFacts => ({ partyKind: 'person', ...facts });
const org = (facts: Partial<CaseFacts> = {}): CaseFacts => ({ partyKind: 'organization', ...facts });

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('assessPenalty — tiers by repeat count (深圳2023 序号1)', () => {
  it.each([
    [0, '情节较轻', 2000],
    [1, '情节较重', 10000],
    [2, '情节严重', 20000],
    [7, '情节严重', 20000],
  ])('%i prior penalties in the past year → %s, %i元', (repeatCountPastYear, tier, fine) => {
    const a = assessPenalty(sz1, org({ repeatCountPastYear }));
    expect(a.tier?.name).toBe(tier);
    expect(a.fine).toEqual({ min: fine, max: fine });
    expect(a.statutoryFine).toEqual({ min: 2000, max: 20000 });
  });

  it('explains with the benchmark, item, tier, conditions matched and 罚则', () => {
    const a = assessPenalty(sz1, org({ repeatCountPastYear: 1 }));
    expect(a.explanation).toContain('《深圳市城市管理行政处罚裁量权实施标准（2023年版）》序号1「不履行市容和环境卫生主体责任且逾期未改正」');
    expect(a.explanation).toContain('罚则：《深圳经济特区市容和环境卫生管理条例》第十三条第二款');
    expect(a.explanation).toContain('适用「情节较重」阶次（适用条件：第二次被处罚的）');
    expect(a.explanation).toContain('本案符合：第2次违法（第二次被处罚）');
    expect(a.explanation).toContain('罚款10000元');
    expect(a.matchedConditions).toEqual(['第2次违法（第二次被处罚）']);
  });

  it('takes firstViolation as a count of zero, and stays undetermined without any record', () => {
    expect(assessPenalty(sz1, org({ firstViolation: true })).tier?.name).toBe('情节较轻');
    const open = assessPenalty(sz1, org());
    expect(open.outcome).toBe('undetermined');
    expect(open.pendingTiers.map((t) => t.name)).toEqual(['情节较轻', '情节较重', '情节严重']);
    expect(open.explanation).toContain('请补充事实后重新计算');
  });
});

describe('assessPenalty — aggravating alternatives and the 不予处罚 tier (深圳2023 序号2)', () => {
  it('a first offender who threatened staff is in the 严重 tier: the heaviest met tier applies', () => {
    const a = assessPenalty(sz2, org({ repeatCountPastYear: 0, aggravating: ['obstruction'] }));
    expect(a.tier?.name).toBe('情节严重');
    expect(a.fine).toEqual({ min: 5000, max: 5000 });
    expect(a.explanation).toContain('具有「威胁、恐吓、纠缠、推搡、辱骂、殴打工作人员」情形');
  });

  it('Art. 33: minor and corrected in time → the 情节轻微 tier, no penalty, education recorded', () => {
    const a = assessPenalty(sz2, org({ repeatCountPastYear: 0, violationMinor: true, corrected: true }));
    expect(a.outcome).toBe('noPenalty');
    expect(a.tier?.name).toBe('情节轻微');
    expect(a.fine).toBeUndefined();
    expect(a.explanation).toContain('《行政处罚法》第三十三条第一款不予行政处罚');
    expect(a.explanation).toContain('第三十三条第三款对当事人进行教育');
  });

  it('asks about the 情节轻微 tier while minority of the violation is unknown', () => {
    const a = assessPenalty(sz2, org({ repeatCountPastYear: 0 }));
    expect(a.tier?.name).toBe('情节较轻');
    expect(a.pendingTiers.map((t) => [t.name, t.unresolved])).toEqual([['情节轻微', ['违法行为轻微', '及时改正']]]);
    expect(assessPenalty(sz2, org({ repeatCountPastYear: 0, violationMinor: false })).pendingTiers).toEqual([]);
    const unknownCorrection = assessPenalty(sz2, org({ repeatCountPastYear: 0, violationMinor: true }));
    expect(unknownCorrection.pendingTiers.map((t) => [t.name, t.unresolved])).toEqual([['情节轻微', ['及时改正']]]);
  });
});

describe('assessPenalty — per-unit rates', () => {
  it('深圳2023 序号30: 每平方米一千元 × 35平方米 on a second penalty', () => {
    const a = assessPenalty(sz30, person({ repeatCountPastYear: 1, quantities: { area_m2: 35 } }));
    expect(a.tier?.name).toBe('情节较重');
    expect(a.fine).toEqual({ min: 35000, max: 35000 });
    expect(a.statutoryFine).toEqual({ min: 17500, max: 70000 });
    expect(a.explanation).toContain('按面积35平方米计算，罚款35000元');
  });

  it('深圳2023 序号30: names the missing area instead of guessing', () => {
    const a = assessPenalty(sz30, person({ repeatCountPastYear: 0 }));
    expect(a.outcome).toBe('penalty');
    expect(a.fine).toBeUndefined();
    expect(a.missingFacts).toEqual(['面积（平方米）']);
    expect(a.explanation).toContain('缺少面积（平方米），无法计算罚款数额');
  });

  it('深圳2023 序号5: 每处设施 × number of facilities', () => {
    expect(assessPenalty(sz5, org({ repeatCountPastYear: 0, quantities: { facilities: 3 } })).fine).toEqual({ min: 15000, max: 15000 });
  });

  it('深圳2023 序号39: a multiple of the compensation owed', () => {
    expect(assessPenalty(sz39, person({ repeatCountPastYear: 1, quantities: { compensation_yuan: 333 } })).fine).toEqual({ min: 499.5, max: 499.5 });
  });

  it('莆田 人行道: 每平方米500元, capped at 总额不超过2万元', () => {
    expect(assessPenalty(putian, person({ locationClass: 'sidewalk', quantities: { area_m2: 30 } })).fine).toEqual({ min: 15000, max: 15000 });
    expect(assessPenalty(putian, person({ locationClass: 'sidewalk', quantities: { area_m2: 40 } })).fine).toEqual({ min: 20000, max: 20000 });
    expect(assessPenalty(putian, person({ locationClass: 'sidewalk', quantities: { area_m2: 50 } })).fine).toEqual({ min: 20000, max: 20000 });
  });

  it('莆田 主车道 / 辅道: the rate follows the location class once the road-age condition is confirmed', () => {
    const roadAge = '非新建、改建、扩建的城市道路交付使用未满5年或者大修后的道路竣工未满3年的';
    const pending = assessPenalty(putian, person({ locationClass: 'main_lane', quantities: { area_m2: 5 } }));
    expect(pending.outcome).toBe('undetermined');
    expect(pending.pendingTiers[0]?.unresolved).toEqual([roadAge]);
    const main = assessPenalty(putian, person({ locationClass: 'main_lane', quantities: { area_m2: 5 }, confirmedConditions: [roadAge] }));
    expect(main.tier?.name).toBe('一般');
    expect(main.fine).toEqual({ min: 10000, max: 10000 });
    const aux = assessPenalty(putian, person({ locationClass: 'aux_lane', quantities: { area_m2: 5 }, confirmedConditions: [roadAge] }));
    expect(aux.fine).toEqual({ min: 5000, max: 5000 });
  });
});

describe('assessPenalty — area tiers and their boundaries (嘉兴 序号1: 5平方米以下 / 5-10平方米 / 10平方米以上)', () => {
  it.each([
    [0.5, 0, { min: 500, max: 1500 }],
    [5, 0, { min: 500, max: 1500 }],
    [5.01, 1, { min: 1500, max: 2000 }],
    [9.99, 1, { min: 1500, max: 2000 }],
    [10, 2, { min: 2000, max: 3000 }],
    [60, 2, { min: 2000, max: 3000 }],
  ])('organization, %d m² → tier %i', (area_m2, order, fine) => {
    const a = assessPenalty(jiaxing, org({ quantities: { area_m2 } }));
    expect(a.tier?.order).toBe(order);
    expect(a.fine).toEqual(fine);
  });

  it('uses the individual column for a person', () => {
    expect(assessPenalty(jiaxing, person({ quantities: { area_m2: 7 } })).fine).toEqual({ min: 500, max: 600 });
  });

  it('leaves the tier open while the area is unknown', () => {
    const a = assessPenalty(jiaxing, org());
    expect(a.outcome).toBe('undetermined');
    expect(a.pendingTiers).toHaveLength(3);
  });
});

describe('assessPenalty — places and animals (深圳旧版 序号42: 二处或以下 / 二处以上五处以下 / 五处或以上, 按宠物每只)', () => {
  it.each([
    [2, 0, 200],
    [3, 1, 400],
    [4, 1, 400],
    [5, 2, 500],
  ])('%i places → tier %i, %i元 per animal', (places, order, perAnimal) => {
    const a = assessPenalty(szOldPets, person({ quantities: { places, animals: 2 } }));
    expect(a.tier?.order).toBe(order);
    expect(a.fine).toEqual({ min: perAnimal * 2, max: perAnimal * 2 });
  });

  it('深圳旧版 序号43: 一年内发生一次 / 二次 / 三次或以上', () => {
    expect(assessPenalty(szOldDust, org({ repeatCountPastYear: 0 })).fine).toEqual({ min: 2000, max: 2000 });
    expect(assessPenalty(szOldDust, org({ repeatCountPastYear: 1 })).fine).toEqual({ min: 4000, max: 4000 });
    expect(assessPenalty(szOldDust, org({ repeatCountPastYear: 2 })).fine).toEqual({ min: 5000, max: 5000 });
  });
});

describe('assessPenalty — correction, harm and party kind', () => {
  it('淮北 序号2: corrected in time → 不予罚款; refused and serious → 200元', () => {
    expect(assessPenalty(huaibei, person({ corrected: true })).outcome).toBe('noFine');
    const refused = assessPenalty(huaibei, person({ corrected: false, harm: 'serious' }));
    expect(refused.fine).toEqual({ min: 200, max: 200 });
    expect(assessPenalty(huaibei, person({ corrected: false, harm: 'slight' })).fine).toEqual({ min: 100, max: 100 });
  });

  it('深圳2023 序号55: the organization and the individual amounts of one tier', () => {
    expect(assessPenalty(sz55, org({ repeatCountPastYear: 1 })).fine).toEqual({ min: 500000, max: 500000 });
    expect(assessPenalty(sz55, person({ repeatCountPastYear: 1 })).fine).toEqual({ min: 300, max: 300 });
  });

  it('深圳2023 序号74: an organization that restored the damage stays out of the 情节严重 band', () => {
    const remedied = assessPenalty(sz74, org({ repeatCountPastYear: 0, mitigating: ['eliminatedHarm'] }));
    expect(remedied.tier?.name).toBe('情节较轻');
    expect(remedied.fine).toEqual({ min: 20000, max: 20000 });
    // The benchmark already priced the circumstance in: no second reduction under 第三十二条.
    expect(remedied.mitigation).toBeUndefined();
    const notRemedied = assessPenalty(sz74, org({ repeatCountPastYear: 0 }));
    expect(notRemedied.tier?.name).toBe('情节严重情形下的较轻情节');
    expect(notRemedied.statutoryFine).toEqual({ min: 50000, max: 100000 });
  });

  it('深圳2023 序号74: an individual is fined only in the 个人情节严重 tier', () => {
    const serious = assessPenalty(sz74, person({ aggravating: ['disruption'], mitigating: ['eliminatedHarm'] }));
    expect(serious.tier?.name).toBe('个人情节严重');
    expect(serious.fine).toEqual({ min: 1000, max: 1000 });
    expect(assessPenalty(sz74, person({ mitigating: ['eliminatedHarm'] })).outcome).toBe('undetermined');
  });

  it('refuses an item restricted to the other party kind, and malformed facts', () => {
    expect(refusal(() => assessPenalty(sz41, person({ repeatCountPastYear: 1 }))).code).toBe('VALIDATION');
    expect(refusal(() => assessPenalty(sz1, org({ quantities: { area_m2: -1 } }))).code).toBe('VALIDATION');
  });
});

describe('Art. 32 (《行政处罚法》第三十二条) — mitigating circumstances', () => {
  it('moves one tier lighter: a third offence that eliminated the harm is fined as a second one', () => {
    const a = assessPenalty(sz1, org({ repeatCountPastYear: 2, mitigating: ['eliminatedHarm'] }));
    expect(a.tier?.name).toBe('情节严重');
    expect(a.mitigation?.toTier?.name).toBe('情节较重');
    expect(a.fine).toEqual({ min: 10000, max: 10000 });
    expect(a.explanation).toContain('依照《行政处罚法》第三十二条从轻处罚，由「情节严重」阶次降至「情节较重」阶次');
  });

  it('several circumstances still make one step', () => {
    const a = assessPenalty(sz1, org({ repeatCountPastYear: 2, mitigating: ['eliminatedHarm', 'confessed', 'meritorious'] }));
    expect(a.fine).toEqual({ min: 10000, max: 10000 });
  });

  it('within a range with room and no lighter tier, keeps to the lower half', () => {
    const a = assessPenalty(jiaxing, org({ quantities: { area_m2: 3 }, mitigating: ['coerced'] }));
    expect(a.fine).toEqual({ min: 500, max: 1000 });
  });

  it('at the lightest fixed amount, keeps it and points to 减轻 with reasons and legal review', () => {
    const a = assessPenalty(sz1, org({ repeatCountPastYear: 0, mitigating: ['confessed'] }));
    expect(a.fine).toEqual({ min: 2000, max: 2000 });
    expect(a.mitigation?.toTier).toBeUndefined();
    expect(a.explanation).toContain('本阶次已为最低罚款标准');
    expect(a.reductionGrounds).toEqual(['《行政处罚法》第三十二条：主动供述行政机关尚未掌握的违法行为']);
  });
});

describe('Art. 30 (《行政处罚法》第三十条) — minors', () => {
  it('under 14: no penalty whatever the tier', () => {
    const a = assessPenalty(sz30, person({ age: 13, repeatCountPastYear: 3, quantities: { area_m2: 10 } }));
    expect(a.outcome).toBe('noPenalty');
    expect(a.absoluteNoPenalty).toBe(true);
    expect(a.explanation).toContain('《行政处罚法》第三十条');
  });

  it('aged 14 to 17: lighter, like a 第三十二条 circumstance; 18 is an adult', () => {
    expect(assessPenalty(sz1, person({ age: 14, repeatCountPastYear: 1 })).fine).toEqual({ min: 2000, max: 2000 });
    expect(assessPenalty(sz1, person({ age: 17, repeatCountPastYear: 1 })).mitigation?.articles).toEqual(['《行政处罚法》第三十条']);
    expect(assessPenalty(sz1, person({ age: 18, repeatCountPastYear: 1 })).fine).toEqual({ min: 10000, max: 10000 });
  });
});

describe('checkProposal', () => {
  const first = assessPenalty(sz1, org({ repeatCountPastYear: 0 }));
  const reason = '当事人违法持续时间长、影响范围大，已造成群众多次投诉';

  it('accepts a fine inside the range', () => {
    expect(checkProposal(first, 2000)).toMatchObject({ accepted: true, withinRange: true, requiresLegalReview: false });
  });

  it('refuses a fine outside the range without a written reason (RULE_VIOLATION)', () => {
    const error = refusal(() => checkProposal(first, 3000));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.message).toContain('拟罚款3000元高于裁量基准确定的幅度（2000元至2000元），须书面说明理由');
    expect(refusal(() => checkProposal(first, 3000, '情况特殊')).code).toBe('RULE_VIOLATION');
  });

  it('accepts it with a written reason, for legal review', () => {
    expect(checkProposal(first, 3000, reason)).toMatchObject({ accepted: true, withinRange: false, requiresLegalReview: true, reason });
  });

  it('never goes above the statutory maximum, whatever the reason', () => {
    const error = refusal(() => checkProposal(first, 20001, reason));
    expect(error.message).toContain('超过法定处罚幅度上限20000元');
    expect(error.details?.article).toBe('《深圳经济特区市容和环境卫生管理条例》第十三条第二款');
  });

  it('goes below the statutory minimum only on 第三十二条 grounds (减轻处罚)', () => {
    expect(refusal(() => checkProposal(first, 1000, reason)).message).toContain('低于法定处罚幅度下限2000元');
    const confessed = assessPenalty(sz1, org({ repeatCountPastYear: 0, mitigating: ['confessed'] }));
    expect(checkProposal(confessed, 1000, reason)).toMatchObject({ requiresLegalReview: true, belowStatutoryMinimum: true });
  });

  it('has nothing to check while the tier or a quantity is unknown (VALIDATION)', () => {
    expect(refusal(() => checkProposal(assessPenalty(sz1, org()), 2000)).code).toBe('VALIDATION');
    expect(refusal(() => checkProposal(assessPenalty(sz30, person({ repeatCountPastYear: 0 })), 2000)).code).toBe('VALIDATION');
    expect(refusal(() => checkProposal(first, -5)).code).toBe('VALIDATION');
  });

  it('treats a fine after a no-penalty tier as a deviation, and refuses any fine for a child under 14', () => {
    const minor = assessPenalty(sz2, org({ violationMinor: true, corrected: true }));
    expect(checkProposal(minor, 0).withinRange).toBe(true);
    expect(checkProposal(minor, 1000, reason).requiresLegalReview).toBe(true);
    const child = assessPenalty(sz1, person({ age: 12, repeatCountPastYear: 0 }));
    expect(refusal(() => checkProposal(child, 50, reason)).details?.article).toBe('《行政处罚法》第三十条');
  });
});

import { describe, expect, it } from 'vitest';
import type { Condition } from './model.ts';
import { parseConditions, resolveBoundaryOverlaps } from './parse-conditions.ts';
import { parsePenaltyStandard, parseStatutoryRange } from './parse-penalty.ts';

const leaves = (text: string, violationName?: string): Condition[] =>
  parseConditions(text, violationName ? { violationName } : {}).clauses.flatMap((c) => c.all);

describe('statutory range (法定处罚幅度)', () => {
  it('reads a plain range', () => {
    const r = parseStatutoryRange('处二千元以上二万元以下罚款');
    expect(r.ok && r.value.bands).toEqual([{ basis: 'total', min: 2000, max: 20000 }]);
  });

  it('reads per-unit ranges and the 情节严重 band', () => {
    const perArea = parseStatutoryRange('按照占用或者拆除立体绿化面积每平方米五百元以上二千元以下的标准处以罚款');
    expect(perArea.ok && perArea.value.bands).toEqual([{ basis: 'perUnit', unit: 'area_m2', min: 500, max: 2000 }]);
    const severe = parseStatutoryRange('处五万元以上十万元以下罚款；情节严重的，处十万元以上五十万元以下罚款');
    expect(severe.ok && severe.value.bands).toEqual([
      { basis: 'total', min: 50000, max: 100000 },
      { basis: 'total', min: 100000, max: 500000, severeOnly: true },
    ]);
  });

  it('reads bands by party kind, including 个人情节严重', () => {
    const r = parseStatutoryRange('对单位处两万元以上五万元以下罚款；情节严重的，对单位处五万元以上十万元以下罚款；个人情节严重处一千元罚款');
    expect(r.ok && r.value.bands).toEqual([
      { basis: 'total', min: 20000, max: 50000, partyKind: 'organization' },
      { basis: 'total', min: 50000, max: 100000, partyKind: 'organization', severeOnly: true },
      { basis: 'total', min: 1000, max: 1000, partyKind: 'person', severeOnly: true },
    ]);
  });

  it('reads 以下 as a range from zero, and a warning as another penalty kind', () => {
    const upTo = parseStatutoryRange('责令停止违法行为，限期改正，恢复原状，可以处以两万元以下罚款');
    expect(upTo.ok && upTo.value.bands).toEqual([{ basis: 'total', min: 0, max: 20000 }]);
    const warning = parseStatutoryRange('除责令纠正违法行为，采取补救措施外，可以给予警告，处以20元以上50元以下的罚款。');
    expect(warning.ok && warning.value.otherPenalties.map((p) => p.kind)).toEqual(['warning']);
    expect(warning.ok && warning.value.bands).toEqual([{ basis: 'total', min: 20, max: 50 }]);
  });

  it('reads multiples of the compensation owed (赔偿额一至二倍)', () => {
    const r = parseStatutoryRange('处赔偿额一至二倍罚款');
    expect(r.ok && r.value.bands).toEqual([{ basis: 'perUnit', unit: 'compensation_yuan', min: 1, max: 2 }]);
  });

  it('rejects min > max and unknown party kinds, with a Chinese reason', () => {
    const inverted = parseStatutoryRange('处二万元以上二千元以下罚款');
    expect(inverted.ok).toBe(false);
    expect(!inverted.ok && inverted.reason).toMatch(/下限大于上限/);
    const party = parseStatutoryRange('对路人处二百元以上五百元以下罚款');
    expect(!party.ok && party.reason).toMatch(/无法识别的当事人类型「路人」/);
    const nothing = parseStatutoryRange('依法处理');
    expect(!nothing.ok && nothing.reason).toMatch(/未找到罚款幅度/);
  });
});

describe('penalty standard (处罚标准)', () => {
  it('reads fixed amounts, per-unit rates and other penalties', () => {
    const fixed = parsePenaltyStandard('处三万五千元罚款。');
    expect(fixed.ok && fixed.value.fines).toEqual([{ basis: 'total', min: 35000, max: 35000 }]);
    const perUnit = parsePenaltyStandard('按照占地面积处每平方米一千元罚款，并处没收违法堆放、摆卖的物品和实施违法行为的工具。');
    expect(perUnit.ok && perUnit.value.fines).toEqual([{ basis: 'perUnit', unit: 'area_m2', min: 1000, max: 1000 }]);
    expect(perUnit.ok && perUnit.value.otherPenalties.map((p) => p.kind)).toEqual(['confiscateProperty']);
    const gains = parsePenaltyStandard('处五千元罚款，有违法所得的没收违法所得。');
    expect(gains.ok && gains.value.otherPenalties).toEqual([{ kind: 'confiscateIllegalGains', text: '有违法所得的没收违法所得', condition: '有违法所得的' }]);
    const license = parsePenaltyStandard('处五千元罚款，吊销相关行政许可证件。');
    expect(license.ok && license.value.otherPenalties.map((p) => p.kind)).toEqual(['revokeLicense']);
  });

  it('reads a per-unit rate with a total cap, and rates that differ by location', () => {
    const capped = parsePenaltyStandard('按每平方米500元，总额不超过2万元的罚款；责令限期改正。');
    expect(capped.ok && capped.value.fines).toEqual([{ basis: 'perUnit', unit: 'area_m2', min: 500, max: 500, capTotal: 20000 }]);
    expect(capped.ok && capped.value.measures).toEqual(['责令限期改正']);
    const byLane = parsePenaltyStandard('按辅道每平方米处1000元、主车道每平方米处2000元，总额不超过2万元的罚款（页面摘录至此截断）');
    expect(byLane.ok && byLane.value.fines).toEqual([
      { basis: 'perUnit', unit: 'area_m2', min: 1000, max: 1000, location: 'aux_lane', capTotal: 20000 },
      { basis: 'perUnit', unit: 'area_m2', min: 2000, max: 2000, location: 'main_lane', capTotal: 20000 },
    ]);
  });

  it('reads party-specific amounts and ranges', () => {
    const both = parsePenaltyStandard('对单位处十万元罚款，对个人处一百元罚款，有违法所得的没收违法所得。');
    expect(both.ok && both.value.fines).toEqual([
      { basis: 'total', min: 100000, max: 100000, partyKind: 'organization' },
      { basis: 'total', min: 100, max: 100, partyKind: 'person' },
    ]);
    const ranges = parsePenaltyStandard('单位500——1500元；个人200——500元');
    expect(ranges.ok && ranges.value.fines).toEqual([
      { basis: 'total', min: 500, max: 1500, partyKind: 'organization' },
      { basis: 'total', min: 200, max: 500, partyKind: 'person' },
    ]);
  });

  it('tells 不予处罚 from 不予罚款', () => {
    const none = parsePenaltyStandard('不予处罚。');
    expect(none.ok && none.value.outcome).toBe('noPenalty');
    const noFine = parsePenaltyStandard('不予罚款。');
    expect(noFine.ok && noFine.value.outcome).toBe('noFine');
  });

  it('rejects a standard with phrases it does not understand', () => {
    const r = parsePenaltyStandard('责令纠正违法行为；当事人自行纠正的，处以警告，不予罚款；未纠正的，处以5元罚款。');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/无法理解「当事人自行纠正的」/);
  });
});

describe('conditions (适用条件)', () => {
  it('reads ordinal counts: 第N次, 第N次及以上, 一年内发生N次', () => {
    expect(leaves('第一次被处罚的。')).toEqual([{ kind: 'occurrence', text: '第一次被处罚', min: 1, max: 1 }]);
    expect(leaves('第三次及以上被处罚的。')).toEqual([{ kind: 'occurrence', text: '第三次及以上被处罚', min: 3 }]);
    expect(leaves('一年内发生三次或以上的。')).toEqual([{ kind: 'occurrence', text: '一年内发生三次或以上', min: 3 }]);
  });

  it('reads 具有下列情形之一 as alternatives', () => {
    const c = parseConditions(
      '具有下列情形之一：（1）第三次及以上被处罚的；（2）威胁、恐吓、纠缠、推搡、辱骂、殴打工作人员；（3）扰乱正常工作秩序；（4）其他造成较大影响和严重后果的行为。',
    );
    expect(c.mode).toBe('any');
    expect(c.clauses.map((clause) => clause.all.map((l) => (l.kind === 'aggravating' ? l.codes[0] : l.kind)))).toEqual([
      ['occurrence'],
      ['obstruction'],
      ['disruption'],
      ['seriousImpact'],
    ]);
  });

  it('reads 轻微并及时改正, 拒不改正且严重影响, and the party word of an intro', () => {
    expect(leaves('违法行为轻微并及时改正的。').map((l) => l.kind)).toEqual(['minorViolation', 'corrected']);
    const refused = leaves('对拒不改正且严重影响城市市容市貌的');
    expect(refused).toContainEqual({ kind: 'corrected', text: '拒不改正', value: false });
    expect(refused).toContainEqual({ kind: 'harm', text: '严重影响城市市容市貌', levels: ['serious'] });
    const person = parseConditions('个人有以下情形之一：（1）第二次及以上被处罚的；（2）扰乱正常工作秩序。');
    expect(person.clauses.every((c) => c.all.some((l) => l.kind === 'partyKind' && l.value === 'person'))).toBe(true);
  });

  it('reads bounds by their wording (《民法典》第一千二百五十九条)', () => {
    expect(leaves('占地5平方米以下')).toEqual([
      { kind: 'quantity', text: '5平方米以下', quantity: 'area_m2', max: 5, maxInclusive: true, minInclusive: true },
    ]);
    expect(leaves('占用时间未超过2天')).toEqual([{ kind: 'quantity', text: '未超过2天', quantity: 'days', max: 2, maxInclusive: true, minInclusive: true }]);
    const share = leaves('发布免费刊播公益广告但时间不足刊播总时长百分之十的。');
    expect(share).toEqual([{ kind: 'quantity', text: '不足刊播总时长百分之十', quantity: 'percent', max: 10, maxInclusive: false, minInclusive: true }]);
  });

  it('gives a shared boundary to the firmer wording: 二处或以下 / 二处以上五处以下 / 五处或以上', () => {
    const tiers = ['污染二处或以下的。', '污染二处以上五处以下的。', '污染五处或以上的。'].map((t) => parseConditions(t));
    const [low, mid, high] = resolveBoundaryOverlaps(tiers).map((c) => c.clauses[0]?.all[0]);
    expect(low).toMatchObject({ max: 2, maxInclusive: true });
    expect(mid).toMatchObject({ min: 2, minInclusive: false, max: 5, maxInclusive: false });
    expect(high).toMatchObject({ min: 5, minInclusive: true });
  });

  it('gives a dash range the open ends next to 以下 / 以上 tiers: 5平方米以下 / 5-10平方米 / 10平方米以上', () => {
    const tiers = ['占地5平方米以下', '占地5-10平方米', '占地10平方米以上'].map((t) => parseConditions(t));
    const mid = resolveBoundaryOverlaps(tiers)[1]?.clauses[0]?.all[0];
    expect(mid).toMatchObject({ min: 5, minInclusive: false, max: 10, maxInclusive: false });
  });

  it('keeps what it cannot read as a question, and drops a mere restatement of the violation', () => {
    expect(leaves('未建立户外广告设施应急处置预案，但定期开展了应急处置演练的。', '未建立户外广告设施应急处置预案或者未定期开展应急处置演练且逾期未改正的')).toEqual([
      { kind: 'text', text: '未建立户外广告设施应急处置预案' },
      { kind: 'text', text: '定期开展了应急处置演练' },
    ]);
    const pets = leaves('宠物在道路及其两侧和其他公共场所产生的粪便，污染二处或以下的。', '宠物在道路及其两侧和其他公共场所产生的粪便，携带者未及时自行清除的');
    expect(pets.map((l) => l.kind)).toEqual(['quantity']);
  });

  it('reads inline alternatives (，或者)', () => {
    const c = parseConditions('第二次被处罚，或者随意丢弃、抛撒生活垃圾的。');
    expect(c.mode).toBe('any');
    expect(c.clauses.map((clause) => clause.all.map((l) => l.kind))).toEqual([['occurrence'], ['text']]);
  });
});

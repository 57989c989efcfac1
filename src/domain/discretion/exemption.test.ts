import { describe, expect, it } from 'vitest';
import { parseExemptionCsv } from './csv.ts';
import { assessExemption, findExemptionItems, textSimilarity } from './exemption.ts';
import { exemptionCsv } from './fixtures.ts';
import type { CaseFacts, ExemptionItem } from './model.ts';

const { items } = parseExemptionCsv(exemptionCsv);
const byMatter = (matter: string): ExemptionItem => {
  const found = items.find((i) => i.matter === matter);
  if (!found) throw new Error(`fixture ${matter} missing`);
  return found;
};
const occupyRoad = byMatter('擅自占用城市道路');
const shanghaiNotice = byMatter('施工单位未按照要求在建设工程施工现场进行公示');
const educationInstead = byMatter('个人未按规定分类投放生活垃圾');
const hefei = items.find((i) => i.source.name.includes('合肥'));
const person = (facts: Partial<CaseFacts> = {}): CaseFacts => ({ partyKind: 'person', ...facts });

describe('Art. 30 (《行政处罚法》第三十条) — minors', () => {
  it('under 14: no penalty', () => {
    const a = assessExemption([], person({ age: 13 }));
    expect(a.outcome).toBe('noPenalty');
    expect(a.grounds).toEqual([{ origin: 'statute', article: '《行政处罚法》第三十条', text: '违法行为人违法时不满十四周岁', mandatory: true }]);
    expect(a.educationRequired).toBe(true);
  });

  it('exactly 14 is no longer an exemption but a lighter penalty; 18 neither', () => {
    const fourteen = assessExemption([], person({ age: 14 }));
    expect(fourteen.outcome).toBe('none');
    expect(fourteen.lighter).toHaveLength(1);
    expect(fourteen.explanation).toContain('应当从轻或者减轻行政处罚');
    expect(assessExemption([], person({ age: 18 })).lighter).toEqual([]);
  });
});

describe('Art. 31 (《行政处罚法》第三十一条) — mental state', () => {
  it('unable to recognise or control the act: no penalty', () => {
    expect(assessExemption([], person({ mentalIncapacity: true })).grounds[0]?.article).toBe('《行政处罚法》第三十一条');
  });
});

describe('Art. 33 (《行政处罚法》第三十三条)', () => {
  it('first paragraph: minor + corrected in time + no harm → must not be penalised, and education is recorded', () => {
    const a = assessExemption([], person({ violationMinor: true, corrected: true, harm: 'none' }));
    expect(a.outcome).toBe('noPenalty');
    expect(a.explanation).toContain('应当不予行政处罚：违法行为轻微并及时改正，没有造成危害后果（《行政处罚法》第三十三条第一款）');
    expect(a.explanation).toContain('第三十三条第三款对当事人进行教育');
  });

  it('first paragraph: minor but harm done → no exemption on that ground', () => {
    expect(assessExemption([], person({ violationMinor: true, corrected: true, harm: 'slight', repeatCountPastYear: 1 })).outcome).toBe('none');
  });

  it('first paragraph, second sentence: first violation + slight harm + corrected → may be waived', () => {
    const a = assessExemption([], person({ repeatCountPastYear: 0, harm: 'slight', corrected: true }));
    expect(a.outcome).toBe('mayWaive');
    expect(a.grounds.every((g) => !g.mandatory)).toBe(true);
    expect(a.explanation).toContain('如决定处罚，应当说明理由');
  });

  it('second paragraph: no fault → no penalty', () => {
    expect(assessExemption([], person({ noFault: true })).grounds[0]?.article).toBe('《行政处罚法》第三十三条第二款');
  });

  it('lists what is still to be established instead of guessing', () => {
    const a = assessExemption([], person({ violationMinor: true }));
    expect(a.outcome).toBe('none');
    expect(a.pending.find((p) => p.article === '《行政处罚法》第三十三条第一款')?.unresolved).toEqual(['及时改正', '没有造成危害后果']);
  });
});

describe('Art. 36 (《行政处罚法》第三十六条) — limitation', () => {
  it('a violation not discovered within the period is no longer penalised', () => {
    const a = assessExemption([], person({ beyondLimitation: true }));
    expect(a.outcome).toBe('noPenalty');
    expect(a.grounds[0]?.article).toBe('《行政处罚法》第三十六条');
  });
});

describe('published exemption lists', () => {
  it('常德 擅自占用城市道路: area ≤ 5 m² and ≤ 2 days, no damage, corrected — boundaries included (不超过 / 未超过)', () => {
    const base = person({ repeatCountPastYear: 0, harm: 'none', corrected: true });
    expect(assessExemption([occupyRoad], { ...base, quantities: { area_m2: 5, days: 2 } }).grounds.map((g) => g.origin)).toContain('list');
    expect(assessExemption([occupyRoad], { ...base, quantities: { area_m2: 5.5, days: 2 } }).grounds.map((g) => g.origin)).not.toContain('list');
    expect(assessExemption([occupyRoad], { ...base, quantities: { area_m2: 4, days: 3 } }).grounds.map((g) => g.origin)).not.toContain('list');
    const open = assessExemption([occupyRoad], { ...base, quantities: { area_m2: 4 } });
    expect(open.pending.find((p) => p.origin === 'list')?.unresolved).toEqual(['天数未超过2天']);
  });

  it('a 首查免罚 list item permits (可以) rather than requires the waiver', () => {
    const a = assessExemption([occupyRoad], person({ repeatCountPastYear: 0, harm: 'none', corrected: true, quantities: { area_m2: 1, days: 1 } }));
    // harm none + first + corrected also meets 第三十三条第一款后段; no mandatory ground without 违法行为轻微.
    expect(a.outcome).toBe('mayWaive');
  });

  it('上海 轻微免罚（首次）carries the list-wide 总括条件 (及时纠正，没有造成危害后果)', () => {
    expect(shanghaiNotice.conditions.clauses[0]?.all.map((l) => l.kind)).toEqual(['occurrence', 'corrected', 'harm']);
    const a = assessExemption([shanghaiNotice], { partyKind: 'organization', repeatCountPastYear: 0, corrected: true, harm: 'none' });
    expect(a.outcome).toBe('noPenalty');
    expect(a.grounds.find((g) => g.origin === 'list')?.text).toContain('施工单位未按照要求在建设工程施工现场进行公示');
  });

  it('以教代罚 needs the officer to confirm the training was attended', () => {
    const training = educationInstead.conditions.clauses[0]?.all.find((l) => l.kind === 'text')?.text ?? '';
    expect(assessExemption([educationInstead], person()).pending.find((p) => p.origin === 'list')?.unresolved).toEqual([training]);
    const a = assessExemption([educationInstead], person({ confirmedConditions: [training] }));
    expect(a.outcome).toBe('noPenalty');
  });

  it('a 告知承诺 item requires the commitment letter', () => {
    if (!hefei) throw new Error('fixture missing');
    const letter = hefei.conditions.clauses[0]?.all.find((l) => l.kind === 'text')?.text ?? '';
    const a = assessExemption([hefei], person({ repeatCountPastYear: 0, harm: 'slight', corrected: true, confirmedConditions: [letter] }));
    expect(a.commitmentRequired).toBe(true);
    expect(a.explanation).toContain('告知承诺书');
  });

  it('finds list items by the wording of the violation', () => {
    expect(findExemptionItems(items, '擅自占用城市道路、公共场所')[0]?.matter).toBe('擅自占用城市道路');
    expect(textSimilarity('擅自占用城市道路', '露天焚烧')).toBe(0);
  });
});

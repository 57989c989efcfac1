import { describe, expect, it } from 'vitest';
import { suggestedPenalty } from './discretion-suggestion.ts';

const preview = (fine: { min: number; max: number } | undefined, outcome: 'penalty' | 'noFine' = 'penalty') => ({
  violation: '商场、门店超出门、窗外墙摆卖',
  benchmark: { versionName: '云城市裁量基准', citation: '《深圳市城市管理行政处罚裁量权实施标准（2023年版）》序号2「商场、门店超出门、窗外墙摆卖」' },
  note: null,
  facts: null,
  assessment: {
    outcome,
    tier: { name: '情节较轻', conditionText: '第一次被处罚的', standardText: '处一千元罚款' },
    ...(fine ? { fine } : {}),
    pendingTiers: [],
    missingFacts: [],
    item: { penaltyProvision: '《深圳经济特区市容和环境卫生管理条例》第十七条第二款' },
    explanation: '适用「情节较轻」阶次',
  },
  proposal: null,
  exemption: null,
  similarCases: [],
});

describe('《行政处罚法》第三十四条: the discretion helper fills the penalty from the benchmark', () => {
  it('a fine tier: the lower end of its range in 元, the range, the tier, the version and the 罚则 with the benchmark item', () => {
    expect(suggestedPenalty(preview({ min: 1000, max: 3000 }))).toEqual({
      kinds: ['fine'],
      fineFen: 1000,
      range: { minFen: 1000, maxFen: 3000 },
      description: '罚款人民币1,000.00元',
      basis: '《深圳经济特区市容和环境卫生管理条例》第十七条第二款；《深圳市城市管理行政处罚裁量权实施标准（2023年版）》序号2「商场、门店超出门、窗外墙摆卖」',
      tier: '情节较轻',
      benchmarkVersion: '云城市裁量基准',
    });
  });

  it('a tier without a fine (不予罚款): a warning, no amount and no range', () => {
    expect(suggestedPenalty(preview({ min: 0, max: 0 }, 'noFine'))).toMatchObject({ kinds: ['warning'], fineFen: null, range: null, description: '警告' });
  });
});

import { describe, expect, it } from 'vitest';
import { refusal } from '../test-support.ts';
import { assertPenaltyLawful } from './case-penalty.ts';
import { lawfulReductionGrounds } from './statutory-limit.ts';

describe('no penalty where the recorded facts make it mandatory (issue 12 item 3)', () => {
  it('Art. 31 first sentence: unable to recognise or control the act → a penalty is refused', () => {
    const error = refusal(() => assertPenaltyLawful({ partyKind: 'person', mentalIncapacity: true }));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.message).toContain('应当不予行政处罚');
    expect(error.details?.article).toContain('第三十一条');
  });

  it('Art. 33(2): no subjective fault proved → a penalty is refused, for an organization too', () => {
    const error = refusal(() => assertPenaltyLawful({ partyKind: 'organization', noFault: true }));
    expect(error.details?.article).toContain('第三十三条第二款');
  });

  it('Art. 31 second sentence: limited capacity only warns (可以从轻或者减轻), and permits 减轻 below the statutory minimum', () => {
    const lighter = assertPenaltyLawful({ partyKind: 'person', limitedCapacity: true });
    expect(lighter).toHaveLength(1);
    expect(lighter[0]).toContain('可以从轻或者减轻');
    expect(lawfulReductionGrounds({ partyKind: 'person', limitedCapacity: true })[0]).toContain('第三十一条第二句');
  });

  it('facts without a mandatory ground allow the penalty; the first-violation waiver (可以不予处罚) does not refuse it', () => {
    expect(assertPenaltyLawful({ partyKind: 'person' })).toEqual([]);
    expect(assertPenaltyLawful({ partyKind: 'person', repeatCountPastYear: 0, harm: 'slight', corrected: true })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { publiclyVerifiable } from './codes.ts';

describe('publiclyVerifiable (《行政处罚法》第四十八条: the public verifies decisions served on a party, nothing before)', () => {
  it('answers for an issued 行政处罚决定 or 不予行政处罚决定', () => {
    expect(publiclyVerifiable({ kind: 'penalty' })).toBe(true);
    expect(publiclyVerifiable({ kind: 'noPenalty' })).toBe(true);
  });

  it('does not answer before a decision, nor for a transfer to the judicial organs', () => {
    expect(publiclyVerifiable(null)).toBe(false);
    expect(publiclyVerifiable(undefined)).toBe(false);
    expect(publiclyVerifiable({ kind: 'transferJudicial' })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { whoMay } from '../policy-table.ts';
import { workOrderPolicy } from './policy.ts';

describe('work-order policy: who may set the parameters and the dispatch catalog', () => {
  it('pins each permission to its roles', () => {
    expect(whoMay(workOrderPolicy)).toEqual({
      editSettings: ['head', 'admin'],
      editDispatchRules: ['head', 'admin'],
    });
  });
});

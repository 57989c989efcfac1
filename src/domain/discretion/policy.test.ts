import { describe, expect, it } from 'vitest';
import { whoMay } from '../policy-table.ts';
import { discretionPolicy } from './policy.ts';

describe('discretion policy: who may use the benchmarks', () => {
  it('pins each permission to its roles', () => {
    expect(whoMay(discretionPolicy)).toEqual({
      importBenchmarks: ['admin'],
      confirmBenchmarks: ['head'],
      discardDrafts: ['head', 'admin'],
      seeDrafts: ['head', 'admin'],
      assessCase: ['officer', 'reviewer', 'head', 'supervisor'],
      consistencyReport: ['reviewer', 'head', 'supervisor', 'admin'],
    });
  });
});

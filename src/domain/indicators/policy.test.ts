import { describe, expect, it } from 'vitest';
import { whoMay } from '../policy-table.ts';
import { indicatorPolicy } from './policy.ts';

describe('indicator policy: who reads and who enters the annual report’s figures', () => {
  it('pins each permission to its roles: the unit’s head and legal section enter, the supervisor reads', () => {
    expect(whoMay(indicatorPolicy)).toEqual({
      viewIndicators: ['reviewer', 'head', 'supervisor'],
      enterIndicators: ['reviewer', 'head'],
    });
  });
});

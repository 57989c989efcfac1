import { describe, expect, it } from 'vitest';
import { whoMay } from '../policy-table.ts';
import { adminPolicy } from './policy.ts';

describe('admin policy: who may administer and oversee', () => {
  it('pins each permission to its roles', () => {
    expect(whoMay(adminPolicy)).toEqual({
      manageOrganizations: ['admin'],
      viewOrganizations: ['supervisor', 'admin'],
      manageUsers: ['admin'],
      viewStaff: ['reviewer', 'head', 'supervisor', 'admin'],
      viewOverview: ['head', 'supervisor', 'admin'],
      editCalendar: ['admin'],
      verifyAudit: ['supervisor', 'admin'],
      analyzeReports: ['reviewer', 'head', 'supervisor', 'admin'],
    });
  });
});

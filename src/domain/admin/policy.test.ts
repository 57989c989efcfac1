import { describe, expect, it } from 'vitest';
import { assertMay, may } from '../policy.ts';
import { whoMay } from '../policy-table.ts';
import { adminPolicy } from './policy.ts';

describe('admin policy: who may administer and oversee', () => {
  it('pins each permission to its roles', () => {
    expect(whoMay(adminPolicy)).toEqual({
      manageOrganizations: ['admin'],
      viewOrganizations: ['supervisor', 'admin'],
      manageUsers: ['admin'],
      unlockUsers: ['admin'],
      viewStaff: ['reviewer', 'head', 'supervisor', 'admin'],
      viewOverview: ['head', 'supervisor', 'admin'],
      editCalendar: ['admin'],
      verifyAudit: ['supervisor', 'admin'],
      viewAuditTrail: ['supervisor', 'admin'],
      analyzeReports: ['reviewer', 'head', 'supervisor', 'admin'],
    });
  });

  it('only the top-level admin edits the national holiday calendar', () => {
    const city = { userId: 1, roles: ['admin'] as const, organizationPath: '/1/' };
    const district = { userId: 2, roles: ['admin'] as const, organizationPath: '/1/2/' };
    expect(may(city, adminPolicy.editCalendar, city)).toBe(true);
    expect(may(district, adminPolicy.editCalendar, district)).toBe(false);
    expect(() => assertMay(district, adminPolicy.editCalendar, district)).toThrow('法定节假日日历为全国统一数据，仅市级（顶层）管理员可以维护');
  });
});

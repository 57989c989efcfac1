import { describe, expect, it } from 'vitest';
import { type Role, roleKeys, roles } from '../../domain/access.ts';
import { adminPolicy } from '../../domain/admin/policy.ts';
import { casePolicy } from '../../domain/cases/policy.ts';
import { discretionPolicy } from '../../domain/discretion/policy.ts';
import { inspectionPolicy } from '../../domain/inspections/policy.ts';
import { indicatorPolicy } from '../../domain/indicators/policy.ts';
import { may } from '../../domain/policy.ts';
import { reportPolicy } from '../../domain/reports/policy.ts';
import { rollupPolicy } from '../../domain/rollup/policy.ts';
import { workOrderPolicy } from '../../domain/workorders/policy.ts';
import { menuEntries, visibleEntries } from './menu.tsx';

type Me = Parameters<typeof visibleEntries>[0];

const meWith = (...held: Role[]): Me => ({ userId: 7, displayName: '测试', organizationId: 1, organizationPath: '/1/', roles: held, roleNames: held.map((r) => roles[r]) });
const policies = new Set<unknown>([...Object.values(casePolicy), ...Object.values(adminPolicy), ...Object.values(discretionPolicy), ...Object.values(inspectionPolicy), ...Object.values(indicatorPolicy), ...Object.values(reportPolicy), ...Object.values(rollupPolicy), ...Object.values(workOrderPolicy)]);

describe('the staff menu reads the domain policies', () => {
  it('guards every entry with a policy permission, never a role list of its own', () => {
    for (const entry of menuEntries) {
      expect(Object.keys(entry)).not.toContain('roles');
      if (entry.permission) expect(policies.has(entry.permission), entry.path).toBe(true);
    }
  });

  it('shows an entry exactly when the policy lets the user open it', () => {
    const people = [meWith(), ...roleKeys.map((r) => meWith(r)), meWith('officer', 'head'), meWith('reviewer', 'admin'), meWith('clerk', 'supervisor')];
    for (const me of people) {
      expect(visibleEntries(me).map((e) => e.path)).toEqual(menuEntries.filter((e) => !e.permission || may(me, e.permission)).map((e) => e.path));
    }
  });

  it('shows each role the pages it showed before policies', () => {
    const everyone = ['/', '/work-orders', '/tools/deadline', '/calendar', '/profile'];
    const adminPages = ['/admin/power-items', '/admin/benchmarks', '/admin/settings'];
    const inspectionPages = ['/inspections', '/inspections/patrols', '/inspections/plans', '/inspections/board', '/inspections/items', '/inspections/subjects', '/inspections/load'];
    const shown = (role: Role) => visibleEntries(meWith(role)).map((e) => e.path).filter((p) => !everyone.includes(p));
    expect(Object.fromEntries(roleKeys.map((r) => [r, shown(r)]))).toEqual({
      officer: ['/todo', '/cases', '/inspections', '/inspections/patrols', '/inspections/board', '/inspections/items', '/inspections/subjects'],
      reviewer: ['/todo', '/cases', '/inspections/items', '/review', '/users', '/reports/analyze', '/reports/indicators', '/reports/annual', '/reports/enforcement-statistics', ...adminPages],
      head: ['/todo', '/cases', '/work-orders/board', ...inspectionPages, '/review', '/dashboard', '/users', '/reports/analyze', '/reports/indicators', '/reports/annual', '/reports/enforcement-statistics', ...adminPages, '/admin/work-order-settings', '/admin/dispatch-rules'],
      supervisor: ['/todo', '/cases', '/work-orders/board', '/inspections/board', '/inspections/items', '/inspections/load', '/dashboard', '/organizations', '/users', '/audit', '/reports/analyze', '/reports/indicators', '/reports/annual', '/reports/enforcement-statistics', '/reports/rollup', '/reports/compare'],
      clerk: [],
      admin: ['/work-orders/board', '/inspections/items', '/inspections/subjects', '/inspections/load', '/review', '/dashboard', '/organizations', '/users', '/audit', '/reports/analyze', ...adminPages, '/admin/intake-keys', '/admin/work-order-settings', '/admin/dispatch-rules'],
    });
  });
});

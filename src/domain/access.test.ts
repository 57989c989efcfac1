import { describe, expect, it } from 'vitest';
import { type Actor, assertCanSee, assertRole, canSeeOrganization } from './access.ts';

const officer: Actor = { userId: 5, organizationId: 4, organizationPath: '/1/4/', roles: ['officer'], displayName: '李明' };

describe('organization scoping', () => {
  it('sees its own organization and its subtree', () => {
    expect(canSeeOrganization(officer, '/1/4/')).toBe(true);
    expect(canSeeOrganization(officer, '/1/4/9/')).toBe(true);
  });

  it('does not see its parent or a sibling district (prefix /1/4/ must not match /1/40/)', () => {
    expect(canSeeOrganization(officer, '/1/')).toBe(false);
    expect(canSeeOrganization(officer, '/1/5/')).toBe(false);
    expect(canSeeOrganization(officer, '/1/40/')).toBe(false);
    expect(() => assertCanSee(officer, '/1/5/')).toThrow(/无权访问/);
  });

  it('requires a role, naming it in Chinese', () => {
    expect(() => assertRole(officer, 'admin')).toThrow(/管理员/);
    expect(() => assertRole(officer, 'officer', 'head')).not.toThrow();
  });
});

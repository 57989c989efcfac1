/**
 * For the policy tests: who may do what, as a table from permission to the roles a one-role user may do it with,
 * so each module's test pins its rules in one literal.
 */
import { type Role, roleKeys } from './access.ts';
import { type Permission, may } from './policy.ts';

export function whoMay(policy: Record<string, Permission<never>>): Record<string, Role[]> {
  return Object.fromEntries(Object.entries(policy).map(([key, p]) => [key, roleKeys.filter((role) => may({ userId: 1, roles: [role] }, p))]));
}

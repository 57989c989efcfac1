import { describe, expect, it } from 'vitest';
import type { Role } from '../access.ts';
import { may } from '../policy.ts';
import { reportPolicy } from './policy.ts';

const who = (role: Role) => ({ userId: 1, roles: [role] });
const roles: Role[] = ['officer', 'reviewer', 'head', 'supervisor', 'clerk', 'admin'];

describe('who may work on the annual report', () => {
  it('pins the table: heads and the legal section draft, they and the supervisor read', () => {
    const table = Object.fromEntries(roles.map((r) => [r, { view: may(who(r), reportPolicy.viewReport), edit: may(who(r), reportPolicy.editReport) }]));
    expect(table).toEqual({
      officer: { view: false, edit: false },
      reviewer: { view: true, edit: true },
      head: { view: true, edit: true },
      supervisor: { view: true, edit: false },
      clerk: { view: false, edit: false },
      admin: { view: false, edit: false },
    });
  });

  it('only the unit’s own head or legal section drafts its report, not those of a unit above', () => {
    expect(may(who('head'), reportPolicy.editReport, { organizationId: 4, actorOrganizationId: 4 })).toBe(true);
    expect(may(who('head'), reportPolicy.editReport, { organizationId: 4, actorOrganizationId: 1 })).toBe(false);
  });
});

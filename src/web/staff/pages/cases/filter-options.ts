import { api } from '../../../shared/api.ts';
import type { OrganizationView as Organization, UserView as User } from '../../../../domain/admin/views.ts';
import type { PowerListEntry } from '../../../../domain/cases/views.ts';
import { useRemote } from '../../../shared/use-remote.ts';

/** GET /api/organizations/:id/power-items (what the violation filter shows). */
type PowerItem = Pick<PowerListEntry, 'code' | 'name' | 'category'>;

export interface FilterOptions {
  organizations: Organization[];
  /** People who can be officers of a case: everyone with an enforcement certificate. */
  officers: User[];
  /** Power-list items of every unit of the subtree, one per code. */
  violations: PowerItem[];
  categories: string[];
}

/**
 * What the filter pickers choose from, within the user's subtree. A unit's power list includes the items of the
 * units above it, so asking the lowest units (those without sub-units) covers every item in the subtree.
 */
export function useFilterOptions() {
  return useRemote(async (signal): Promise<FilterOptions> => {
    const [organizations, users] = await Promise.all([api.get<Organization[]>('/organizations', undefined, signal), api.get<User[]>('/users', undefined, signal)]);
    const parents = new Set(organizations.map((o) => o.parentId));
    const leaves = organizations.filter((o) => !parents.has(o.id));
    const lists = await Promise.all(leaves.map((o) => api.get<PowerItem[]>(`/organizations/${o.id}/power-items`, undefined, signal)));
    const byCode = new Map(lists.flat().map((i) => [i.code, i]));
    const violations = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
    return {
      organizations,
      officers: users.filter((u) => u.certificateNo),
      violations,
      categories: [...new Set(violations.map((v) => v.category))].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    };
  }, []);
}

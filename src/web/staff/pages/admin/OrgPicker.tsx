import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../../shared/api.ts';
import type { OrganizationView as Organization } from '../../../../domain/admin/views.ts';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';

interface TreeNode {
  value: number;
  title: string;
  children: TreeNode[];
}

/** The organizations the user sees (own subtree), nested for a tree picker. */
function toTree(list: readonly Organization[]): TreeNode[] {
  const nodes = new Map(list.map((o) => [o.id, { value: o.id, title: o.name, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const o of list) {
    const parent = o.parentId === null ? undefined : nodes.get(o.parentId);
    (parent ? parent.children : roots).push(nodes.get(o.id)!);
  }
  return roots;
}

/**
 * The organization an admin page works on, kept in the address (`?org=`), so a link or a reload shows the same
 * unit; the user's own organization by default.
 */
export function useChosenOrganization() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const chosen = Number(params.get('org')) || me.organizationId;
  const organizations = useRemote((signal) => api.get<Organization[]>('/organizations', undefined, signal), []);
  const choose = (id: number) => {
    const next = new URLSearchParams(params);
    if (id === me.organizationId) next.delete('org');
    else next.set('org', String(id));
    setParams(next);
  };
  const list = organizations.data ?? [];
  return { chosen, choose, organizations: list, organization: list.find((o) => o.id === chosen) };
}

export function OrgPicker({ value, onChange, organizations }: { value: number; onChange: (id: number) => void; organizations: readonly Organization[] }) {
  const tree = useMemo(() => toTree(organizations), [organizations]);
  return (
    <TreeSelect<number>
      aria-label="选择单位"
      value={organizations.length ? value : undefined}
      onChange={onChange}
      treeData={tree}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={organizations.length === 0}
      placeholder="选择单位"
      style={{ width: '100%', maxWidth: 420 }}
      popupMatchSelectWidth={false}
    />
  );
}

import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { roles as roleNames } from '../../../domain/access.ts';
import { api } from '../../shared/api.ts';
import { certificateState, chinaToday } from '../../shared/dates.ts';
import type { OrganizationView as Organization, UserView as User } from '../../../domain/admin/views.ts';
import type { CaseView, PowerListEntry } from '../../../domain/cases/views.ts';
import type { ReferenceKind } from './schema-fields.ts';

export interface Option {
  value: number;
  label: string;
}

/** One officer of the case as the case view lists them. */
type OfficerOnCase = CaseView['officers'][number];
export type CaseOfficer = Pick<OfficerOnCase, 'userId' | 'displayName'> & Partial<Pick<OfficerOnCase, 'recused'>>;

/** GET /api/organizations/:id/power-items (the fields the picker shows). */
type PowerItem = Pick<PowerListEntry, 'id' | 'code' | 'name' | 'category' | 'active' | 'penaltyProvision'>;

/** A person a picker may offer: a user of `/api/users`, or of the case's own list (`/api/cases/:id/people`). */
type Person = Pick<User, 'id' | 'displayName' | 'roles' | 'certificateNo' | 'certificateValidUntil' | 'active' | 'organizationName'>;

type Lists = { users?: Person[]; organizations?: Organization[]; powerItems?: PowerItem[] };

interface ReferenceState {
  options(kind: ReferenceKind): Option[] | undefined;
  /** Starts loading what a picker of this kind needs (once). */
  need(kind: ReferenceKind): void;
  error: string | undefined;
  /** The 罚则 of a power-list item the form has loaded (the 处罚依据 is taken from it). */
  penaltyProvisionOf(id: number): string | undefined;
}

const ReferenceContext = createContext<ReferenceState | null>(null);

/**
 * What the pickers of a generated form choose from, loaded once and only when a form has such a field:
 * people (on a case: the case organization's people and the heads above it, `/api/cases/:id/people`; otherwise the
 * users of the actor's subtree, `/api/users`), organizations, the power list of the handling organization, and the
 * officers of the case.
 */
export function ReferenceProvider({
  organizationId,
  caseId,
  caseOfficers = [],
  children,
}: {
  organizationId: number;
  caseId?: number;
  caseOfficers?: readonly CaseOfficer[];
  children: ReactNode;
}) {
  const [lists, setLists] = useState<Lists>({});
  const [wanted, setWanted] = useState<ReadonlySet<keyof Lists>>(new Set());
  const [error, setError] = useState<string>();

  useEffect(() => {
    const controller = new AbortController();
    const load = async (key: keyof Lists, path: string) => {
      try {
        const data = await api.get<never>(path, undefined, controller.signal);
        setLists((l) => ({ ...l, [key]: data }));
      } catch (e) {
        if (!controller.signal.aborted) setError(e instanceof Error ? e.message : '无法加载选项');
      }
    };
    if (wanted.has('users')) void load('users', caseId === undefined ? '/users' : `/cases/${String(caseId)}/people`);
    if (wanted.has('organizations')) void load('organizations', '/organizations');
    if (wanted.has('powerItems')) void load('powerItems', `/organizations/${organizationId}/power-items`);
    return () => controller.abort();
  }, [wanted, organizationId, caseId]);

  const state = useMemo<ReferenceState>(() => {
    const today = chinaToday();
    return {
      error,
      penaltyProvisionOf: (id) => lists.powerItems?.find((p) => p.id === id)?.penaltyProvision,
      need: (kind) => {
        const key = listFor(kind);
        if (key) setWanted((w) => (w.has(key) ? w : new Set([...w, key])));
      },
      options: (kind) => {
        switch (kind) {
          case 'caseOfficer':
            return caseOfficers.filter((o) => !o.recused).map((o) => ({ value: o.userId, label: o.displayName }));
          case 'organization':
            return lists.organizations?.map((o) => ({ value: o.id, label: o.name }));
          case 'powerItem':
            return lists.powerItems?.filter((p) => p.active).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }));
          case 'certifiedOfficer':
            // 《行政处罚法》第四十二条: only holders of a certificate valid today may act as officers.
            return lists.users
              ?.filter((u) => u.active && u.certificateNo && ['valid', 'expiring'].includes(certificateState(u.certificateValidUntil, today)))
              .map((u) => ({ value: u.id, label: `${u.displayName}（${u.roles.map((r) => roleNames[r]).join('、')}，证号 ${u.certificateNo}）` }));
          case 'user':
            return lists.users?.filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.displayName}（${u.roles.map((r) => roleNames[r]).join('、')}）` }));
        }
      },
    };
  }, [lists, caseOfficers, error]);

  return <ReferenceContext.Provider value={state}>{children}</ReferenceContext.Provider>;
}

function listFor(kind: ReferenceKind): keyof Lists | undefined {
  switch (kind) {
    case 'organization':
      return 'organizations';
    case 'powerItem':
      return 'powerItems';
    case 'caseOfficer':
      return undefined;
    case 'certifiedOfficer':
    case 'user':
      return 'users';
  }
}

export function useReferences(kind: ReferenceKind): { options: Option[] | undefined; error: string | undefined } {
  const state = useContext(ReferenceContext);
  if (!state) throw new Error('ReferenceProvider missing');
  const { need } = state;
  useEffect(() => need(kind), [need, kind]);
  return { options: state.options(kind), error: state.error };
}

/** The 罚则 of a loaded power-list item, or undefined (also outside a ReferenceProvider). */
export function usePenaltyProvisionOf(): (id: number) => string | undefined {
  const state = useContext(ReferenceContext);
  return (id) => state?.penaltyProvisionOf(id);
}

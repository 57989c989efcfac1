import { createContext, useContext } from 'react';
import type { CaseView } from './types.ts';

/**
 * What the case page shares with the cards on it — and with the step forms of src/web/staff/case-actions/
 * (`CaseActions`), which are mounted in the 办理 card (ActionsCard.tsx): the case as last loaded, and `reload`,
 * to be called after a step was taken (or refused with 409 because someone else changed the case) so every
 * card shows the new state and version. `useCaseContext()` gives both without passing props through.
 */
export interface CaseContextValue {
  view: CaseView;
  reload: () => void;
}

export const CaseContext = createContext<CaseContextValue | null>(null);

/** The case page's context, or null where a case's cards are shown elsewhere (the review desk, the print view). */
export function useOptionalCaseContext(): CaseContextValue | null {
  return useContext(CaseContext);
}

export function useCaseContext(): CaseContextValue {
  const value = useContext(CaseContext);
  if (!value) throw new Error('useCaseContext must be used inside the case page');
  return value;
}

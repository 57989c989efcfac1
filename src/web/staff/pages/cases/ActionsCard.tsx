import { Card } from 'antd';
import { CaseActions } from '../../case-actions/CaseActions.tsx';
import { useCaseContext } from './case-context.tsx';

/**
 * 办理: the steps the state and the user's roles allow now. The step forms (src/web/staff/case-actions/,
 * `CaseActions`) replace the body of this card; they get the case and `reload` from `useCaseContext()`.
 */
export function ActionsCard() {
  const { view, reload } = useCaseContext();
  return (
    // The case's version travels with each step (a stale page gets 409); it is the engine's, not shown to users.
    <Card size="small" title="办理" data-testid="case-actions-card">
      <CaseActions caseView={view} onChanged={reload} />
    </Card>
  );
}

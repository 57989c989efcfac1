/**
 * 移送立案 from another ledger (a work order, an inspection, a patrol problem): the case engine's own clue registration
 * (register-clue.ts, with every check it makes) run inside the caller's transaction as a savepoint — the ledger's step
 * and the clue commit together or not at all — followed by the record of the clue's origin on the case's chain
 * (`case.fromWorkOrder` / `case.fromInspection` / `case.fromPatrol`). The ledgers differ only in how they fill the
 * clue and which origin they record.
 */
import type { Actor } from '../../domain/access.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { appendAudit } from '../audit-trail.ts';
import type { ServiceContext } from '../context.ts';
import type { CaseView } from './get-case.ts';
import { registerClue } from './register-clue.ts';

type OriginAction = 'case.fromWorkOrder' | 'case.fromInspection' | 'case.fromPatrol';
type Origin = {
  [A in OriginAction]: { action: A; change: Parameters<typeof appendAudit<A>>[2]['change'] };
}[OriginAction];

export async function registerClueFromLedger(
  ctx: ServiceContext,
  tx: Transaction,
  actor: Actor,
  /** The clue as registerClue takes it (checked there: clueInput, dates, party). */
  clue: unknown,
  origin: Origin,
  at: Date,
): Promise<CaseView> {
  const registered = await registerClue({ ...ctx, db: tx as unknown as Database }, actor, clue);
  await appendAudit(tx, actor, { ...origin, subjectType: 'case', subjectId: registered.id, organizationId: registered.organization.id } as Parameters<typeof appendAudit>[2], at);
  return registered;
}

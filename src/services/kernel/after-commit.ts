/**
 * Side effects that must not happen unless the change they follow is durable — notifications, files written
 * outside the database, messages to other systems. A step registers them with `afterCommit(fn)` while it runs; they
 * run, in order, only after its transaction committed. A step that fails (and rolls back) runs none of them.
 */
import type { Transaction } from '../../db/connect.ts';
import { inTransaction, type ServiceContext } from '../context.ts';

export type SideEffect = () => void | Promise<void>;
/** Registers a side effect to run after the transaction commits. */
export type AfterCommit = (effect: SideEffect) => void;

/**
 * Runs `work` in one transaction, then — only if it committed — the side effects it registered. The step has
 * happened by then: a failing side effect does not undo it or fail the call; it is reported to `onSideEffectError`
 * (by default the process's error log) and the remaining side effects still run.
 */
export async function inTransactionThenAfterCommit<T>(
  ctx: ServiceContext,
  work: (tx: Transaction, afterCommit: AfterCommit) => Promise<T>,
  onSideEffectError: (error: unknown) => void = (error) => console.error('after-commit side effect failed', error),
): Promise<T> {
  const effects: SideEffect[] = [];
  const result = await inTransaction(ctx, (tx) => work(tx, (effect) => effects.push(effect)));
  for (const effect of effects) {
    try {
      await effect();
    } catch (error) {
      onSideEffectError(error);
    }
  }
  return result;
}

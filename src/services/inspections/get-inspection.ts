/** One inspection as the staff app shows it (NOT_FOUND outside the actor's subtree). */
import type { Actor } from '../../domain/access.ts';
import type { InspectionView } from '../../domain/inspections/views.ts';
import type { Executor } from '../../db/connect.ts';
import { inspectionView, loadInspection } from './store.ts';

export async function getInspection(db: Executor, actor: Actor, id: number): Promise<InspectionView> {
  return inspectionView(await loadInspection(db, actor, id));
}

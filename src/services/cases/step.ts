/**
 * One step of the case workflow as its effects see it (the step runner, ../kernel/run-step.ts, builds it), and the
 * look-ups effects share: the people a step names (officers, presiders, approving heads) and the law and the
 * discretion benchmark applied to a penalty. Imported by transition-case.ts and by every effects/<stage>.ts.
 */
import { eq, inArray } from 'drizzle-orm';
import { type Actor, isSystem } from '../../domain/access.ts';
import type { CaseAction, CaseActionInput } from '../../domain/cases/actions.ts';
import { type CaseState, type DeadlineKind, partyDeadlineKinds, type Penalty } from '../../domain/cases/model.ts';
import { assertBasisCitesPenaltyProvision, assertLateReasonGiven, ORDINARY_BASIS_ARTICLE } from '../../domain/cases/rules.ts';
import type { CaseRecord, CaseSnapshot, GuardContext } from '../../domain/cases/snapshot.ts';
import { assertPenaltyLawful, type CaseFactsInput } from '../../domain/discretion/index.ts';
import { validationError } from '../../domain/errors.ts';
import type { Transaction } from '../../db/connect.ts';
import { type cases, organizations, powerItems, users } from '../../db/schema.ts';
import { applyCaseDiscretion, checkCaseStatutoryLimit, lawFacts, statutoryDetails, storedFactsInput } from '../discretion/case-discretion.ts';
import type { StepBase } from '../kernel/run-step.ts';
import { type CaseRow, lateDeadlines, meetDeadlines, type Organization, type PartyRow, type ResolvedSettings } from './case-store.ts';

/** A case as the step runner loads it. */
export interface LoadedCase {
  row: CaseRow;
  org: Organization;
  party: PartyRow;
  version: number;
  organizationId: number;
}

export interface Step extends StepBase<LoadedCase, CaseSnapshot, GuardContext> {
  row: CaseRow;
  org: Organization;
  party: PartyRow;
  resolved: ResolvedSettings;
  /** The case record being changed (a copy of the snapshot's), written with the row. */
  record: CaseRecord;
  columns: Partial<typeof cases.$inferInsert>;
  /** Computed facts added to the audit record (document numbers, deadlines). */
  details: Record<string, unknown>;
  /** The step's reason for coming after a deadline it meets (`lateReason` of the actions that meet one), or null. */
  lateReason: string | null;
}

/**
 * Meets the case's open deadlines of these kinds with this step (its act date). An agency deadline already past its
 * due date is met late: the step must give `lateReason` (rules.ts `assertLateReasonGiven`, refused otherwise), and
 * the deadline row keeps `met_late` and the reason for supervision; the audit record lists them (`metLate`).
 * Deadlines the party keeps (`partyDeadlineKinds`) are met without either.
 */
export async function meetStepDeadlines(s: Step, kinds: readonly DeadlineKind[]): Promise<void> {
  const agency = kinds.filter((k) => !partyDeadlineKinds.includes(k));
  const party = kinds.filter((k) => partyDeadlineKinds.includes(k));
  const late = await lateDeadlines(s.tx, s.row.id, agency, s.g.actDate);
  assertLateReasonGiven(
    late.map((d) => ({ ...d, kind: d.kind as DeadlineKind })),
    s.g.actDate,
    s.lateReason,
  );
  await meetDeadlines(s.tx, s.row.id, agency, { on: s.g.actDate, at: s.now, lateReason: late.length ? s.lateReason : null });
  await meetDeadlines(s.tx, s.row.id, party, { on: s.g.actDate, at: s.now, flagLate: false });
  if (late.length) s.details.metLate = late.map((d) => ({ kind: d.kind, dueOn: d.dueOn, reason: s.lateReason ?? '' }));
}

/** What one action does to a case: its record, columns, deadlines, numbered documents, publicity. */
export type CaseEffect<A extends CaseAction> = (s: Step, input: Extract<CaseActionInput, { action: A }>, next: CaseState) => Promise<void>;
/** One effect per action: a missing action is a type error. */
export type CaseEffects = { [A in CaseAction]: CaseEffect<A> };

/** Officers named for a case: active users with the officer role in the case organization's subtree. */
export async function checkOfficers(tx: Transaction, org: Organization, ids: readonly number[]): Promise<number[]> {
  const unique = [...new Set(ids)];
  const rows = await tx
    .select({ id: users.id, roles: users.roles, active: users.active, path: organizations.path, name: users.displayName })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(inArray(users.id, unique));
  for (const id of unique) {
    const u = rows.find((r) => r.id === id);
    if (!u || !u.active || !u.path.startsWith(org.path)) throw validationError(`用户 ${id} 不是本单位（含下级单位）的在职人员`, { field: 'officerIds' });
    if (!u.roles.includes('officer')) throw validationError(`${u.name} 不是执法人员`, { field: 'officerIds' });
  }
  return unique;
}

/** A user the actor may see who holds one of `roles` (hearing presider, approving head). */
export async function checkUser(tx: Transaction, actor: Actor, id: number, roles: readonly string[], what: string): Promise<{ id: number; name: string }> {
  const [u] = await tx
    .select({ id: users.id, roles: users.roles, name: users.displayName, path: organizations.path, active: users.active })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, id));
  // The presider or approving head usually sits in the bureau above the brigade: visible to heads there.
  if (!u || !u.active || !(isSystem(actor) || u.path.startsWith(actor.organizationPath) || actor.organizationPath.startsWith(u.path))) {
    throw validationError(`未找到${what}（用户 ${id}）`);
  }
  if (!roles.some((r) => u.roles.includes(r))) throw validationError(`${u.name} 不能担任${what}`);
  return { id: u.id, name: u.name };
}

/**
 * The proposed penalty's 处罚依据 cites the 罚则 of the case's power-list item (《行政处罚法》第五十九条第一款第（三）项:
 * the decision states the basis of the penalty; as on the spot, domain/cases/rules.ts
 * `assertBasisCitesPenaltyProvision`). `field` is the form path of the basis, for the refusal.
 */
export async function assertBasisFromPowerList(s: Step, basis: string, field: string): Promise<void> {
  if (s.row.powerItemId === null) return;
  const [item] = await s.tx.select({ provision: powerItems.penaltyProvision }).from(powerItems).where(eq(powerItems.id, s.row.powerItemId));
  assertBasisCitesPenaltyProvision(basis, item?.provision ?? null, { article: ORDINARY_BASIS_ARTICLE, field });
}

/**
 * The penalty with the law and the discretion benchmark applied, at the proposal (调查终结, 调整拟处罚内容) and at the
 * decision. The facts are those entered with this step, else those recorded with the case (`record.discretionFacts`,
 * or an older case's benchmark assessment); entered facts are recorded for the later steps.
 *   - 不予处罚 the law makes mandatory on these facts (domain/discretion/case-penalty.ts `assertPenaltyLawful`, the
 *     exemption engine's verdict): refused; grounds for a lighter penalty are noted in `details.lighterGrounds`.
 *   - 法定处罚幅度 of the power-list item (services/discretion/case-discretion.ts `checkCaseStatutoryLimit`): above the
 *     maximum refused; below the minimum only on a recorded ground for 减轻; a range that cannot be read is noted in
 *     the step's `details.statutoryRange.warnings`, not refused.
 *   - 裁量基准 (《行政处罚法》第三十四条, `applyCaseDiscretion`): tier, range and version recorded, a fine outside the
 *     range refused without a written reason. Skipped when no benchmark covers the violation.
 */
export async function withDiscretion(s: Step, penalty: Penalty, facts: CaseFactsInput | undefined, stage: 'proposal' | 'decision'): Promise<Penalty> {
  const c = { caseId: s.row.id, organizationId: s.org.id, orgPath: s.org.path, party: s.party, powerItemId: s.row.powerItemId, actStartedOn: s.row.actStartedOn };
  if (facts) s.record.discretionFacts = facts;
  const entered = facts ?? s.record.discretionFacts ?? (await storedFactsInput(s.tx, c.caseId));
  const known = await lawFacts(s.tx, c, entered);
  const lighter = assertPenaltyLawful(known);
  if (lighter.length > 0) s.details.lighterGrounds = lighter;
  const applied = await applyCaseDiscretion(s.tx, c, s.g.actDate, penalty, entered, stage);
  if (applied) s.details.discretion = applied.details;
  const statutory = await checkCaseStatutoryLimit(s.tx, c.powerItemId, known, penalty.fineFen);
  if (statutory) s.details.statutoryRange = statutoryDetails(statutory);
  return applied?.penalty ?? penalty;
}

/**
 * The step runner every ledger reuses: one step of a workflow in one transaction —
 * claim the subject's version (optimistic: a second writer of the same subject finds it moved and gets CONFLICT,
 * HTTP 409, having written nothing) → load the snapshot the guards see → check the transition (the workflow
 * kernel: state, role, actor on the subject, order of acts, every guard) → apply the action's effect → write the
 * subject → audit record; then, after commit, the side effects the step registered, and the view read from the
 * service's database (issue 16: not inside the transaction, whose row lock would be held for the read, and through
 * the ledger's prepared statement where it has one). A writer that stepped the subject again in between is seen in
 * that view (its version is the newer one): the view is never older than this step.
 * The ledger supplies the parts (a `StepDefinition`); the order and the audit record's shape are the runner's.
 */
import type { Actor } from '../../domain/access.ts';
import { conflict } from '../../domain/errors.ts';
import { checkTransition, type GuardContext, type Workflow } from '../../domain/workflow/kernel.ts';
import type { Executor, Transaction } from '../../db/connect.ts';
import { settledInOrder } from '../../db/later.ts';
import { appendAudit, type AuditEntry, lockAuditHead } from '../audit-trail.ts';
import type { ServiceContext } from '../context.ts';
import { type AfterCommit, inTransactionThenAfterCommit } from './after-commit.ts';

/** A parsed step request: the action and its payload, the act date, and the version the client saw. */
export interface StepRequest {
  action: string;
  on?: string | undefined;
  expectedVersion: number;
}

/** What the runner needs of any loaded subject. */
export interface LoadedSubject {
  version: number;
  organizationId: number;
}

/** What every effect gets: the transaction, who acts, when, the subject as loaded, what the guards saw. */
export interface StepBase<Subject, Snapshot, Ctx extends GuardContext> {
  tx: Transaction;
  actor: Actor;
  now: Date;
  subject: Subject;
  snapshot: Snapshot;
  g: Ctx;
  afterCommit: AfterCommit;
}

/** What `prepare` loads after the claim: the snapshot the guards see, the guard context, and whatever else the ledger's step needs. */
export interface Prepared<Snapshot, Ctx extends GuardContext> {
  snapshot: Snapshot;
  g: Ctx;
}

export interface StepDefinition<
  Subject extends LoadedSubject,
  Snapshot,
  Request extends StepRequest,
  State extends string,
  Ctx extends GuardContext,
  P extends Prepared<Snapshot, Ctx>,
  Step extends StepBase<Subject, Snapshot, Ctx>,
  View,
> {
  workflow: Workflow<State, Request['action'], Request, Snapshot, Ctx>;
  subjectType: string;
  auditAction: AuditEntry['action'];
  conflictMessage: string;
  /** The subject as the actor may see it; NOT_FOUND when it is outside the actor's subtree. */
  load(tx: Transaction, actor: Actor, id: number): Promise<Subject>;
  /** Bumps the version by one (to `expected + 1`) only if it is still `expected`; CONFLICT otherwise. */
  claim(tx: Transaction, id: number, expected: number): Promise<void>;
  /** After the claim: the snapshot the guards see and the guard context (for `actor`, acting on `request`). */
  prepare(tx: Transaction, actor: Actor, subject: Subject, request: Request): Promise<P>;
  /** The ledger's mutable state of this step (what the effect changes and the write stores). */
  begin(base: StepBase<Subject, Snapshot, Ctx>, prepared: P): Step;
  /** The action's effect. */
  effect(step: Step, request: Request, next: State): Promise<void>;
  write(step: Step, next: State): Promise<void>;
  /** Computed facts the audit record adds to the request (document numbers, deadlines …). */
  auditDetails(step: Step): Record<string, unknown>;
  /** The subject's view, read after the commit from the service's database (`ctx.db`). */
  view(db: Executor, actor: Actor, id: number, now: Date): Promise<View>;
}

/**
 * The audit change of a step: `{ action, from, to, on, version, ...payload, ...details }` where `payload` is the
 * request without `action`, `on` and `expectedVersion` (also what the demo's bulk work orders write).
 */
export function stepAuditChange(request: StepRequest, from: string, to: string, actDate: string, details: Record<string, unknown>): { action: string; from: string; to: string; on: string; version: number } & Record<string, unknown> {
  const { on: _on, action, expectedVersion, ...payload } = request;
  return { action, from, to, on: actDate, version: expectedVersion + 1, ...payload, ...details };
}

/**
 * Runs one step on subject `id` and answers the subject's view after it. The audit change is
 * `{ action, from, to, on, version, ...payload, ...details }` where `payload` is the request without `action`, `on`
 * and `expectedVersion`.
 */
export async function runStep<
  Subject extends LoadedSubject,
  Snapshot,
  Request extends StepRequest,
  State extends string,
  Ctx extends GuardContext,
  P extends Prepared<Snapshot, Ctx>,
  Step extends StepBase<Subject, Snapshot, Ctx>,
  View,
>(ctx: ServiceContext, actor: Actor, def: StepDefinition<Subject, Snapshot, Request, State, Ctx, P, Step, View>, id: number, request: Request): Promise<View> {
  const now = ctx.clock();
  await commitStep(ctx, actor, def, id, request, now);
  return def.view(ctx.db, actor, id, now);
}

/**
 * The same step without reading the view after it: answers the subject's new version. For a caller that takes many
 * steps in a row and needs only the version for the next (the demo's seeding: reading the view after each of its
 * several hundred steps was 1.7 s of a first start, docs/PERFORMANCE.md "Round 7"). `now`: the step's time (`runStep`
 * reads its view at the same time).
 */
export async function commitStep<
  Subject extends LoadedSubject,
  Snapshot,
  Request extends StepRequest,
  State extends string,
  Ctx extends GuardContext,
  P extends Prepared<Snapshot, Ctx>,
  Step extends StepBase<Subject, Snapshot, Ctx>,
  View,
>(ctx: ServiceContext, actor: Actor, def: StepDefinition<Subject, Snapshot, Request, State, Ctx, P, Step, View>, id: number, request: Request, now = ctx.clock()): Promise<number> {
  const { expectedVersion } = request;
  await inTransactionThenAfterCommit(ctx, async (tx, afterCommit) => {
    const subject = await def.load(tx, actor, id);
    if (subject.version !== expectedVersion) throw conflict(def.conflictMessage, { id, expectedVersion, currentVersion: subject.version });
    // The claim, the guards' reads and the lock of the audit chain's head are sent together (on PostgreSQL one round
    // trip, src/db/pipelined-client.ts); the claim first, so the locks are taken in the order every writer takes
    // them (the subject's row, then its chain's head), and its CONFLICT is the error answered when it fails.
    const [, prepared, head] = await settledInOrder([def.claim(tx, id, expectedVersion), def.prepare(tx, actor, subject, request), lockAuditHead(tx, def.subjectType, id)] as const);
    const { snapshot, g } = prepared;
    const from = def.workflow.stateOf(snapshot);
    const next = checkTransition(def.workflow, snapshot, request, g);
    const step = def.begin({ tx, actor, now, subject, snapshot, g, afterCommit }, prepared);
    await def.effect(step, request, next);
    await def.write(step, next);
    await appendAudit(
      tx,
      actor,
      {
        action: def.auditAction,
        subjectType: def.subjectType,
        subjectId: id,
        organizationId: subject.organizationId,
        change: stepAuditChange(request, from, next, g.actDate, def.auditDetails(step)),
      },
      now,
      head,
    );
  });
  // The claim moved the version from the expected one by exactly one.
  return expectedVersion + 1;
}


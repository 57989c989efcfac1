/**
 * The workflow kernel every ledger reuses: a workflow is a table of transitions, one per action, each naming the
 * states it may start from, the roles that may take it, whether the actor must be on the subject (an officer of
 * the case, the handler of a petition …), its guards — each a named rule citing its article — and the state it
 * leads to. `checkTransition` is the one entry point services use to decide whether a step is lawful: it throws
 * a Chinese RULE_VIOLATION / FORBIDDEN / VALIDATION error or returns the next state. Pure: time is passed in.
 */
import { type Role, roles as roleNames } from '../access.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import { forbidden, ruleViolation, validationError } from '../errors.ts';

/** What every guard sees besides the subject and the input; a ledger extends it (calendar, local settings). */
export interface GuardContext {
  /** The date of the act (input `on`, or today). */
  actDate: IsoDate;
  /** Today in China, from the clock. */
  today: IsoDate;
  actor: { userId: number; roles: readonly Role[] };
}

/** One legal (or procedural) rule a step must satisfy; throws when it does not. */
export interface Guard<Snapshot, Input, Ctx extends GuardContext = GuardContext> {
  /** Stable name, used in tests and docs. */
  id: string;
  /** The provision it enforces, e.g. `art('行政处罚法', 36)`. */
  article: string;
  check(subject: Snapshot, input: Input, g: Ctx): void;
}

export interface Transition<State extends string, Input, Snapshot, Ctx extends GuardContext = GuardContext> {
  from: readonly State[];
  roles: readonly Role[];
  /** The actor must be on the subject (see `Workflow.assertOnSubject`). */
  onSubjectOnly: boolean;
  guards: readonly Guard<Snapshot, Input, Ctx>[];
  to(subject: Snapshot, input: Input): State;
}

/** A ledger's workflow: its transition table and how the kernel talks about its subjects. */
export interface Workflow<State extends string, Action extends string, Input extends { action: Action }, Snapshot, Ctx extends GuardContext = GuardContext> {
  transitions: { readonly [A in Action]: Transition<State, Input, Snapshot, Ctx> };
  stateOf(subject: Snapshot): State;
  /** Date of the subject's latest recorded act: a new act may not be dated before it. */
  lastActedOn(subject: Snapshot): IsoDate;
  stateLabels: Readonly<Record<State, string>>;
  actionLabels: Readonly<Record<Action, string>>;
  /** The provision cited when an action does not start from the subject's state. */
  stateArticle(subject: Snapshot): string;
  /** How messages name the subject: 案件 (“案件当前处于…”), and with “this”: 本案 (“本案上一步骤”). */
  subjectName: string;
  subjectNoun: string;
  /** For `onSubjectOnly` transitions: throws unless the actor may act on this subject. */
  assertOnSubject(subject: Snapshot, actor: Ctx['actor']): void;
}

/**
 * Checks that `input` may happen to `subject` now, by `g.actor`, in this order: state → role → actor on the
 * subject → date of the act (not in the future, not before the previous act) → every guard of the transition.
 * Returns the state the subject moves to.
 */
export function checkTransition<State extends string, Action extends string, Input extends { action: Action }, Snapshot, Ctx extends GuardContext>(
  workflow: Workflow<State, Action, Input, Snapshot, Ctx>,
  subject: Snapshot,
  input: Input,
  g: Ctx,
): State {
  const t = workflow.transitions[input.action];
  const label = workflow.actionLabels[input.action];
  const state = workflow.stateOf(subject);
  if (!t.from.includes(state)) {
    throw ruleViolation(
      `${workflow.subjectName}当前处于“${workflow.stateLabels[state]}”状态，不能${label}（可在 ${t.from.map((s) => `“${workflow.stateLabels[s]}”`).join('、')} 状态下进行）`,
      workflow.stateArticle(subject),
      { state, action: input.action },
    );
  }
  if (!t.roles.some((r) => g.actor.roles.includes(r))) {
    throw forbidden(`${label}需要以下角色之一：${t.roles.map((r) => roleNames[r]).join('、')}`, { requiredRoles: t.roles });
  }
  if (t.onSubjectOnly) workflow.assertOnSubject(subject, g.actor);
  if (g.actDate > g.today) throw validationError(`行为日期 ${g.actDate} 不能晚于今天 ${g.today}`);
  const last = workflow.lastActedOn(subject);
  if (g.actDate < last) {
    throw validationError(`行为日期 ${g.actDate} 不能早于${workflow.subjectNoun}上一步骤的日期 ${last}（全过程记录须按时间顺序）`, { lastActedOn: last });
  }
  for (const guard of t.guards) guard.check(subject, input, g);
  return t.to(subject, input);
}

/** Narrows a guard's input to the action it was written for (a guard placed on the wrong action is a bug). */
export function inputOf<Input extends { action: string }, A extends Input['action']>(input: Input, action: A): Extract<Input, { action: A }> {
  if (input.action !== action) throw new Error(`guard for ${action} got ${input.action}`);
  return input as Extract<Input, { action: A }>;
}

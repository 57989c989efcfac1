/**
 * Patrols (巡查): a task (area, route, day, officers) started and finished on the phone; each problem found on the way
 * (a category of the city-management catalog, a place, photos) becomes a rectification item (责令整改 with a due date,
 * verified when done) or a clue of the case engine. Two small workflows of the kernel: the patrol and the problem.
 */
import { compareIsoDates } from '../calendar/iso-date.ts';
import { forbidden, ruleViolation, validationError } from '../errors.ts';
import { dateInput, textInput } from '../input-kit.ts';
import { checkTransition, type GuardContext, inputOf, type Transition, type Workflow } from '../workflow/kernel.ts';
import { z } from 'zod';
import { art } from '../workflow/law.ts';
import type { Role } from '../access.ts';
import { RECTIFY_BASIS } from './model.ts';

export const patrolStates = { planned: '待巡查', underway: '巡查中', finished: '已完成', cancelled: '已取消' } as const;
export type PatrolState = keyof typeof patrolStates;

export const problemStates = { found: '待处置', rectifying: '整改中', rectified: '已整改', referred: '已移送立案' } as const;
export type ProblemState = keyof typeof problemStates;

/** Patrols are carried out by at least two officers (执法人员不得少于两人 where a problem may lead to a penalty). */
const PATROL_OFFICERS_BASIS = art('行政处罚法', 42);
/** Local procedure: a patrol's record is made by the officers on it, on its day. */
const PATROL_PROCEDURE = '巡查工作规范（本地程序）';

export const patrolActionInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start'), on: dateInput('办理日期').optional() }),
  z.object({ action: z.literal('finish'), on: dateInput('办理日期').optional(), summary: textInput('巡查情况', 2000) }),
  z.object({ action: z.literal('cancel'), on: dateInput('办理日期').optional(), reason: textInput('取消理由') }),
]);
export type PatrolActionInput = z.infer<typeof patrolActionInput>;
export type PatrolAction = PatrolActionInput['action'];
export const patrolActionLabels: Record<PatrolAction, string> = { start: '开始巡查', finish: '结束巡查', cancel: '取消巡查' };

export const problemActionInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('orderRectification'), on: dateInput('办理日期').optional(), dueOn: dateInput('整改期限'), requirement: textInput('整改要求') }),
  z.object({ action: z.literal('verify'), on: dateInput('办理日期').optional(), rectified: z.boolean({ error: '请选择是否整改到位' }).meta({ title: '是否整改到位' }), note: textInput('核查情况'), dueOn: dateInput('新的整改期限').optional() }),
  z.object({ action: z.literal('refer'), on: dateInput('办理日期').optional(), reason: textInput('移送理由') }),
]);
export type ProblemActionInput = z.infer<typeof problemActionInput>;
export type ProblemAction = ProblemActionInput['action'];
export const problemActionLabels: Record<ProblemAction, string> = { orderRectification: '责令整改', verify: '整改核查', refer: '移送立案' };

export interface PatrolSnapshot {
  id: number;
  state: PatrolState;
  organizationPath: string;
  /** The planned day: a patrol starts on it (or later, when the weather or an emergency moved it) — never before. */
  plannedOn: string;
  officerIds: readonly number[];
  lastActedOn: string;
}

export interface ProblemSnapshot {
  id: number;
  state: ProblemState;
  organizationPath: string;
  /** The officers of the patrol (or inspection) that found it. */
  officerIds: readonly number[];
  foundOn: string;
  lastActedOn: string;
  dueOn: string | null;
}

export interface PatrolGuardContext extends GuardContext {
  actor: { userId: number; roles: readonly Role[]; organizationPath: string };
}

const onlyOfficers = (officerIds: readonly number[], organizationPath: string, actor: PatrolGuardContext['actor']) => {
  if (officerIds.includes(actor.userId)) return;
  if (actor.roles.includes('head') && organizationPath.startsWith(actor.organizationPath)) return;
  throw forbidden('只有本次巡查的执法人员可以进行此操作');
};

type PT = Transition<PatrolState, PatrolActionInput, PatrolSnapshot, PatrolGuardContext>;
const patrolTransitions: Record<PatrolAction, PT> = {
  start: {
    from: ['planned'],
    roles: ['officer'],
    onSubjectOnly: true,
    guards: [
      {
        id: 'patrolOfficers',
        article: PATROL_OFFICERS_BASIS,
        check: (p) => {
          if (p.officerIds.length < 2) throw ruleViolation('巡查应当由两名以上执法人员进行，请先补充巡查人员', PATROL_OFFICERS_BASIS);
        },
      },
      {
        id: 'patrolDay',
        article: PATROL_PROCEDURE,
        check: (p, _i, g) => {
          if (compareIsoDates(g.actDate, p.plannedOn) < 0) throw ruleViolation(`巡查计划日期为 ${p.plannedOn}，不能提前开始`, PATROL_PROCEDURE);
        },
      },
    ],
    to: () => 'underway',
  },
  finish: { from: ['underway'], roles: ['officer'], onSubjectOnly: true, guards: [], to: () => 'finished' },
  cancel: { from: ['planned'], roles: ['head'], onSubjectOnly: false, guards: [], to: () => 'cancelled' },
};

export const patrolWorkflow: Workflow<PatrolState, PatrolAction, PatrolActionInput, PatrolSnapshot, PatrolGuardContext> = {
  transitions: patrolTransitions,
  stateOf: (p) => p.state,
  lastActedOn: (p) => p.lastActedOn,
  stateLabels: patrolStates,
  actionLabels: patrolActionLabels,
  stateArticle: () => PATROL_PROCEDURE,
  subjectName: '巡查任务',
  subjectNoun: '本次巡查',
  assertOnSubject: (p, actor) => onlyOfficers(p.officerIds, p.organizationPath, actor),
};

const dueAfter = {
  id: 'rectifyDue',
  article: RECTIFY_BASIS,
  check: (_p: ProblemSnapshot, input: ProblemActionInput, g: PatrolGuardContext) => {
    const due = input.action === 'orderRectification' ? input.dueOn : input.action === 'verify' && !input.rectified ? input.dueOn : null;
    if (input.action === 'verify' && !input.rectified && !due) throw validationError('未整改到位的，请填写新的整改期限', { fields: [{ field: 'dueOn', message: '请填写新的整改期限' }] });
    if (due && compareIsoDates(due, g.actDate) <= 0) throw validationError(`整改期限应晚于 ${g.actDate}`, { fields: [{ field: 'dueOn', message: '整改期限应晚于今天' }] });
  },
};

type QT = Transition<ProblemState, ProblemActionInput, ProblemSnapshot, PatrolGuardContext>;
const problemTransitions: Record<ProblemAction, QT> = {
  orderRectification: { from: ['found'], roles: ['officer'], onSubjectOnly: true, guards: [dueAfter], to: () => 'rectifying' },
  verify: { from: ['rectifying'], roles: ['officer'], onSubjectOnly: true, guards: [dueAfter], to: (_p, i) => (inputOf(i, 'verify').rectified ? 'rectified' : 'rectifying') },
  refer: { from: ['found', 'rectifying'], roles: ['officer', 'head'], onSubjectOnly: true, guards: [], to: () => 'referred' },
};

export const problemWorkflow: Workflow<ProblemState, ProblemAction, ProblemActionInput, ProblemSnapshot, PatrolGuardContext> = {
  transitions: problemTransitions,
  stateOf: (p) => p.state,
  lastActedOn: (p) => p.lastActedOn,
  stateLabels: problemStates,
  actionLabels: problemActionLabels,
  stateArticle: () => RECTIFY_BASIS,
  subjectName: '问题',
  subjectNoun: '本问题',
  assertOnSubject: (p, actor) => onlyOfficers(p.officerIds, p.organizationPath, actor),
};

export const checkPatrolTransition = (p: PatrolSnapshot, input: PatrolActionInput, g: PatrolGuardContext): PatrolState => checkTransition(patrolWorkflow, p, input, g);
export const checkProblemTransition = (p: ProblemSnapshot, input: ProblemActionInput, g: PatrolGuardContext): ProblemState => checkTransition(problemWorkflow, p, input, g);

/** 整改到位率: of the problems ordered rectified (or found, not referred), the share verified rectified. */
export function rectificationRate(problems: readonly { state: ProblemState }[]): number | null {
  const counted = problems.filter((p) => p.state !== 'referred');
  if (counted.length === 0) return null;
  return counted.filter((p) => p.state === 'rectified').length / counted.length;
}

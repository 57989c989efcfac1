import { describe, expect, it } from 'vitest';
import { type Role, roleKeys } from '../access.ts';
import { AppError } from '../errors.ts';
import { may } from '../policy.ts';
import { whoMay } from '../policy-table.ts';
import type { CaseAction, CaseActionInput } from './actions.ts';
import { buildCase, buildOfficer, guardContext } from './fixtures.ts';
import { casePolicy, mayTakeStep } from './policy.ts';
import { checkTransition, transitions } from './workflow.ts';

describe('case policy: who may do what with cases', () => {
  it('pins each permission to its roles', () => {
    expect(whoMay(casePolicy)).toEqual({
      workOnCases: ['officer', 'reviewer', 'head', 'supervisor'],
      handleCases: ['officer'],
      overseeCases: ['head', 'supervisor'],
      registerClue: ['officer', 'head', 'clerk'],
      decideOnSpot: ['officer'],
      addEvidence: ['officer'],
      approveClosings: ['head'],
      urgeCase: ['head', 'supervisor'],
      publishDecision: ['officer', 'head', 'admin'],
      reviewQueue: ['reviewer', 'head', 'admin'],
      viewStatistics: ['head', 'supervisor', 'admin'],
      readAdminPages: ['reviewer', 'head', 'admin'],
      editPowerList: ['admin'],
      editCaseSettings: ['admin'],
    });
  });

  it('lets only an assigned, not recused officer add evidence to a case', () => {
    const officers = [buildOfficer(11), buildOfficer(12, { recused: true })];
    expect(may({ userId: 11, roles: ['officer'] }, casePolicy.addEvidence, { officers })).toBe(true);
    expect(may({ userId: 12, roles: ['officer'] }, casePolicy.addEvidence, { officers })).toBe(false);
    expect(may({ userId: 13, roles: ['officer'] }, casePolicy.addEvidence, { officers })).toBe(false);
    expect(may({ userId: 11, roles: ['head'] }, casePolicy.addEvidence, { officers })).toBe(false);
  });

  it('lets only an officer present register an on-the-spot decision', () => {
    expect(may({ userId: 11, roles: ['officer'] }, casePolicy.decideOnSpot, { officerIds: [11, 12] })).toBe(true);
    expect(may({ userId: 13, roles: ['officer'] }, casePolicy.decideOnSpot, { officerIds: [11, 12] })).toBe(false);
  });
});

describe('mayTakeStep: the case policy for workflow steps, read from the transition table', () => {
  const officers = [buildOfficer(11), buildOfficer(12), buildOfficer(13, { recused: true })];
  const c = (state: Parameters<typeof mayTakeStep>[2]['state']) => ({ state, officers });

  it('offers a step in its starting states only', () => {
    expect(mayTakeStep({ userId: 1, roles: ['head'] }, 'file', c('clue'))).toBe(true);
    expect(mayTakeStep({ userId: 1, roles: ['head'] }, 'file', c('filed'))).toBe(false);
  });

  it('offers the officer steps of a case to its own officers only (a head not named on it included), none once recused', () => {
    expect(mayTakeStep({ userId: 11, roles: ['officer'] }, 'startInvestigation', c('filed'))).toBe(true);
    expect(mayTakeStep({ userId: 14, roles: ['officer'] }, 'startInvestigation', c('filed'))).toBe(false);
    expect(mayTakeStep({ userId: 13, roles: ['officer'] }, 'startInvestigation', c('filed'))).toBe(false);
    // 《行政处罚法》第五十八条 (separation of duties): a head not named on the case does not investigate it.
    expect(mayTakeStep({ userId: 1, roles: ['head'] }, 'startInvestigation', c('filed'))).toBe(false);
    expect(mayTakeStep({ userId: 1, roles: ['head'] }, 'decide', c('notified'))).toBe(true);
    expect(mayTakeStep({ userId: 30, roles: ['reviewer'] }, 'startInvestigation', c('filed'))).toBe(false);
    expect(mayTakeStep({ userId: 30, roles: ['reviewer'] }, 'legalReview', c('reviewing'))).toBe(true);
  });

  it('agrees with the workflow: a step it does not offer is refused for the person when submitted, and the other way round', () => {
    const people: { userId: number; roles: Role[] }[] = [
      ...roleKeys.map((role) => ({ userId: 11, roles: [role] })),
      ...roleKeys.map((role) => ({ userId: 14, roles: [role] })),
      { userId: 13, roles: ['officer'] },
    ];
    for (const action of Object.keys(transitions) as CaseAction[]) {
      for (const state of transitions[action].from) {
        for (const who of people) {
          const snapshot = buildCase({ state, officers, lastActedOn: '2026-03-02' });
          let refusedPerson = false;
          try {
            checkTransition(snapshot, { action } as CaseActionInput, guardContext({ actor: who }));
          } catch (error) {
            // Later checks (guards on the step's record) may refuse or trip over the bare input; only refusals of the
            // person count: a missing role or another's case (FORBIDDEN), a recused officer (第四十三条).
            refusedPerson = error instanceof AppError && (error.code === 'FORBIDDEN' || (error.code === 'RULE_VIOLATION' && error.message.includes('已决定回避')));
          }
          expect({ action, state, who, offered: mayTakeStep(who, action, c(state)) }).toEqual({ action, state, who, offered: !refusedPerson });
        }
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { Role } from '../access.ts';
import type { GuardContext } from '../workflow/kernel.ts';
import { expectRule, refusal } from '../test-support.ts';
import { checkReportTransition, isReportingUnit, isReportLate, REPORT_RULE, reportYearDueIn, reportActionsFor, reportAlertFrom, reportDueOn, reportReminder, type ReportSnapshot, type ReportStepInput, reportWorkflow } from './workflow.ts';

const report = (over: Partial<ReportSnapshot> = {}): ReportSnapshot => ({ id: 1, state: 'drafting', year: 2025, authorId: null, lastActedOn: '2026-02-10', ...over });
const g = (userId: number, roles: Role[], on = '2026-03-20'): GuardContext => ({ actDate: on, today: on, actor: { userId, roles } });
const step = (action: Exclude<ReportStepInput['action'], 'return'>): ReportStepInput => ({ action, expectedVersion: 1 });

describe('the report workflow 起草 → 法制科审核 → 主要负责人审定 → 公开 → 报送', () => {
  it('goes through every stage in order, each by its role', () => {
    expect(checkReportTransition(report(), step('submitForReview'), g(7, ['head']))).toBe('legalReview');
    expect(checkReportTransition(report({ state: 'legalReview', authorId: 7 }), step('passReview'), g(8, ['reviewer']))).toBe('headApproval');
    expect(checkReportTransition(report({ state: 'headApproval', authorId: 7 }), step('approve'), g(7, ['head']))).toBe('approved');
    expect(checkReportTransition(report({ state: 'approved' }), step('publish'), g(7, ['head']))).toBe('published');
    expect(checkReportTransition(report({ state: 'published' }), step('submit'), g(8, ['reviewer']))).toBe('submitted');
  });

  it('refuses a step out of order, citing the rule', () => {
    expectRule(() => checkReportTransition(report(), step('publish'), g(7, ['head'])), REPORT_RULE);
    expectRule(() => checkReportTransition(report({ state: 'published' }), { action: 'return', reason: '数据有误', expectedVersion: 1 }, g(7, ['head'])), REPORT_RULE);
  });

  it('法制科审核 is the legal section’s (法制审核员), 审定 the head’s (负责人)', () => {
    expect(refusal(() => checkReportTransition(report({ state: 'legalReview', authorId: 7 }), step('passReview'), g(9, ['head']))).code).toBe('FORBIDDEN');
    expect(refusal(() => checkReportTransition(report({ state: 'headApproval', authorId: 7 }), step('approve'), g(8, ['reviewer']))).code).toBe('FORBIDDEN');
    expect(refusal(() => checkReportTransition(report(), step('submitForReview'), g(5, ['officer']))).code).toBe('FORBIDDEN');
  });
});

describe(`guards, each citing ${REPORT_RULE}`, () => {
  it('reviewerNotAuthor: the legal section’s reviewer is not the one who submitted the draft', () => {
    expect(reportWorkflow.transitions.passReview.guards.map((x) => x.id)).toContain('reviewerNotAuthor');
    const e = refusal(() => checkReportTransition(report({ state: 'legalReview', authorId: 8 }), step('passReview'), g(8, ['reviewer'])));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toContain('起草人以外');
    expect(checkReportTransition(report({ state: 'legalReview', authorId: 7 }), step('passReview'), g(8, ['reviewer']))).toBe('headApproval');
  });

  it('returnedByItsReviewer: 退回修改 needs a reason, by the legal section at its review and by the head at the approval', () => {
    const back = (reason: string): ReportStepInput => ({ action: 'return', reason, expectedVersion: 1 });
    expect(refusal(() => checkReportTransition(report({ state: 'legalReview', authorId: 7 }), back(' '), g(8, ['reviewer']))).message).toBe('退回修改须说明理由');
    expect(checkReportTransition(report({ state: 'legalReview', authorId: 7 }), back('第二部分的不足未写原因'), g(8, ['reviewer']))).toBe('drafting');
    expect(refusal(() => checkReportTransition(report({ state: 'legalReview', authorId: 7 }), back('数据需核实'), g(9, ['head']))).message).toBe('法制科审核阶段只能由法制审核员退回');
    expect(refusal(() => checkReportTransition(report({ state: 'headApproval', authorId: 7 }), back('数据需核实'), g(8, ['reviewer']))).message).toBe('审定阶段只能由负责人退回');
    expect(checkReportTransition(report({ state: 'headApproval', authorId: 7 }), back('数据需核实'), g(9, ['head']))).toBe('drafting');
  });

  it('yearEnded: the report of 2026 is not published on 31 December 2026, it may be on 1 January 2027', () => {
    const e = expectRule(() => checkReportTransition(report({ state: 'approved', year: 2026, lastActedOn: '2026-12-01' }), step('publish'), g(7, ['head'], '2026-12-31')), REPORT_RULE);
    expect(e.message).toBe('2026年度尚未结束，不能公开该年度的法治政府建设情况报告');
    expect(checkReportTransition(report({ state: 'approved', year: 2026, lastActedOn: '2026-12-01' }), step('publish'), g(7, ['head'], '2027-01-01'))).toBe('published');
  });
});

describe(`due date: published before 1 April of the year after (${REPORT_RULE}) — calendar days, never moved`, () => {
  it('the 2025 report is due on 31 March 2026 (a Tuesday); published that day it is on time, on 1 April it is late', () => {
    expect(reportDueOn(2025)).toBe('2026-03-31');
    expect(isReportLate(2025, '2026-03-31')).toBe(false);
    expect(isReportLate(2025, '2026-04-01')).toBe(true);
  });

  it('the 2028 report is due on Saturday 31 March 2029: not moved to the next working day (Monday 2 April is late)', () => {
    expect(reportDueOn(2028)).toBe('2029-03-31');
    expect(isReportLate(2028, '2029-03-31')).toBe(false);
    expect(isReportLate(2028, '2029-04-02')).toBe(true);
  });

  it('the reminder runs from 1 March until published, and says late after 31 March', () => {
    expect(reportAlertFrom(2025)).toBe('2026-03-01');
    expect(reportReminder(2025, '2026-02-28', 'notStarted')).toBeNull();
    expect(reportReminder(2025, '2026-03-01', 'notStarted')).toEqual({ overdue: false, message: '2025年度法治政府建设情况报告尚未起草，应于2026-03-31前公开，还剩31天' });
    expect(reportReminder(2025, '2026-03-31', 'legalReview')).toEqual({ overdue: false, message: '2025年度法治政府建设情况报告（法制科审核），应于2026-03-31前公开，还剩1天' });
    expect(reportReminder(2025, '2026-04-01', 'drafting')).toMatchObject({ overdue: true });
    expect(reportReminder(2025, '2026-03-15', 'published')).toBeNull();
  });
});

describe('the steps a page offers', () => {
  it('by role and state', () => {
    expect(reportActionsFor(['reviewer'], 'legalReview')).toEqual(['passReview', 'return']);
    expect(reportActionsFor(['head'], 'headApproval')).toEqual(['approve', 'return']);
    expect(reportActionsFor(['officer'], 'drafting')).toEqual([]);
    expect(reportActionsFor(['head'], 'legalReview')).toEqual([]);
    expect(reportActionsFor(['reviewer'], 'headApproval')).toEqual([]);
  });
});

describe('who is reminded of the report', () => {
  it('《法治政府建设与责任落实督察工作规定》: the bureaus write the report; brigades, squadrons and town teams report through them', () => {
    expect(['bureau', 'district_bureau', 'justice_bureau'].every((k) => isReportingUnit(k as never))).toBe(true);
    expect(['brigade', 'squadron', 'town_team', 'other'].some((k) => isReportingUnit(k as never))).toBe(false);
    // In 2027 the report due is the one of 2026.
    expect(reportYearDueIn('2027-03-01')).toBe(2026);
  });
});

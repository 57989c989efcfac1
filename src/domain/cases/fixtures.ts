/** Test data factories for the case rules (used by domain tests only). */
import { WorkCalendar } from '../calendar/work-calendar.ts';
import type { Penalty } from './model.ts';
import { defaultCaseSettings } from './settings.ts';
import { type CaseSnapshot, emptyCaseRecord, type GuardContext, type OfficerOnCase } from './snapshot.ts';

export const calendar = new WorkCalendar();

export function buildOfficer(userId: number, overrides: Partial<OfficerOnCase> = {}): OfficerOnCase {
  return { userId, displayName: `执法人员${userId}`, certificateNo: `5399021900020${userId}`, certificateValidUntil: '2028-12-31', recused: false, ...overrides };
}

export function buildPenalty(overrides: Partial<Penalty> = {}): Penalty {
  return {
    kinds: ['fine'],
    fineFen: 2_000_00,
    confiscationFen: null,
    description: '罚款人民币贰仟元整',
    basis: '《城市市容和环境卫生管理条例》第三十六条',
    tier: null,
    range: null,
    benchmarkVersion: null,
    outsideRangeReason: null,
    ...overrides,
  };
}

export function buildCase(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    procedure: 'ordinary',
    state: 'clue',
    stateBeforeSuspension: null,
    lastActedOn: '2026-03-02',
    registeredOn: '2026-03-02',
    party: { kind: 'person', birthDate: '1985-06-15', identityKey: 'id:539902198506150012' },
    act: { startedOn: '2026-02-20', endedOn: '2026-03-01' },
    harmsSafety: false,
    discoveredOn: '2026-03-02',
    powerItem: { id: 1, name: '擅自占用道路摆摊设点', onList: true },
    officers: [buildOfficer(11), buildOfficer(12)],
    record: emptyCaseRecord(),
    paymentDueOn: null,
    priorFines: [],
    investigators: [],
    publicity: null,
    // One evidence item, so a penalty may be proposed (《行政处罚法》第四十条); tests of that rule set 0.
    evidenceCount: 1,
    ...overrides,
  };
}

/** A case whose penalty of `penalty` was notified on 2026-03-10 (statement period to 03-13). */
export function notifiedCase(penalty: Penalty = buildPenalty(), hearingOffered = false): CaseSnapshot {
  const record = emptyCaseRecord();
  record.proposal = { kind: 'penalty', penalty, ground: null, education: null, transferReason: null };
  record.notice = {
    servedOn: '2026-03-10',
    number: '云东城管罚告字〔2026〕第1号',
    penalty,
    hearingOffered,
    statementEndsOn: '2026-03-13',
    hearingRequestEndsOn: hearingOffered ? '2026-03-17' : null,
  };
  return buildCase({ state: 'notified', lastActedOn: '2026-03-10', record });
}

/** `c` with its 结案审批表 signed, each place by its author: 承办人意见, 审核意见 and the head's approval. */
export function withClosingOpinions(c: CaseSnapshot): CaseSnapshot {
  const signed = (role: 'undertaker' | 'reviewer' | 'head', id: number, text: string) => ({ form: 'closing' as const, role, text, by: { id, name: `签署人${id}` }, on: c.lastActedOn });
  const opinions = [signed('undertaker', 11, '建议结案。'), signed('reviewer', 21, '程序合法，同意结案。'), signed('head', 1, '同意结案。')];
  return { ...c, record: { ...c.record, opinions: [...(c.record.opinions ?? []), ...opinions] } };
}

export function guardContext(overrides: Partial<GuardContext> = {}): GuardContext {
  return {
    actDate: '2026-03-02',
    today: '2026-06-30',
    actor: { userId: 1, roles: ['head'] },
    calendar,
    settings: defaultCaseSettings,
    ...overrides,
  };
}

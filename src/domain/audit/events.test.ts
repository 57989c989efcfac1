import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { caseActionInput } from '../cases/actions.ts';
import { auditActions } from './actions.ts';
import { assertAuditChange, type AuditAction, auditEvents, transitionAuditChange } from './events.ts';
// The catalog's own source, to check that every action carries its one-line comment (Vite's ?raw import).
import catalogSource from './events.ts?raw';

const actions = Object.keys(auditEvents) as AuditAction[];
const step = { from: 'clue', to: 'filed' as const, on: '2026-03-02', version: 2 };

describe('the audit event catalog', () => {
  it('gives every action a Chinese label and a zod schema of its payload', () => {
    expect(actions.length).toBeGreaterThan(15);
    for (const action of actions) {
      expect(auditEvents[action].label, action).toMatch(/\p{Script=Han}/u);
      expect(auditEvents[action].change, action).toBeInstanceOf(z.ZodType);
    }
  });

  it('documents every action with a one-line comment saying what it records', () => {
    for (const action of actions) {
      expect(catalogSource, action).toMatch(new RegExp(`\\n  /\\*\\* [^\\n]{10,} \\*/\\n  '${action.replace('.', '\\.')}': event\\(`));
    }
  });

  it('is where the timeline labels come from', () => {
    expect(Object.keys(auditActions).sort()).toEqual([...actions].sort());
    expect(auditActions['case.transition']).toBe('案件办理步骤');
  });
});

describe('assertAuditChange', () => {
  it('accepts a payload of the shape the catalog gives its action', () => {
    expect(() => assertAuditChange('calendar.year', { year: 2027, complete: true })).not.toThrow();
    expect(() => assertAuditChange('session.logout', {})).not.toThrow();
    expect(() => assertAuditChange('organization.update', { name: { from: '旧名', to: '新名' } })).not.toThrow();
    // user.create spreads the input with `phone: undefined`, which is never stored.
    expect(() =>
      assertAuditChange('user.create', { organizationId: 1, username: 'li.si', displayName: '李四', roles: ['officer'], certificateNo: null, phone: undefined }),
    ).not.toThrow();
  });

  it('refuses an unknown action, naming it', () => {
    expect(() => assertAuditChange('case.delete', {})).toThrow(/Unknown audit action "case\.delete"/);
  });

  it('refuses a payload that does not match, naming the action and each issue', () => {
    expect(() => assertAuditChange('calendar.year', { year: '2027', complete: true })).toThrow(/"calendar\.year" does not match.*year: /);
    expect(() => assertAuditChange('user.password', { passwordChanged: true, hash: 'x' })).toThrow(/"user\.password".*hash/);
    expect(() => assertAuditChange('organization.update', { name: '新名' })).toThrow(/"organization\.update".*name/);
    expect(() => assertAuditChange('session.logout', null)).toThrow(/"session\.logout"/);
  });
});

describe('the case.transition payload', () => {
  it('covers every case action', () => {
    for (const option of caseActionInput.options) {
      const action = option.shape.action.value;
      const result = auditEvents['case.transition'].change.safeParse({ action, ...step });
      // Refused for missing input fields at most, never for an unknown action.
      if (!result.success) expect(result.error.issues.map((i) => i.code), action).not.toContain('invalid_union');
    }
  });

  it('is the input without `on`, the step facts and the details the action computed', () => {
    const input = caseActionInput.parse({ action: 'file', on: '2026-03-01', officerIds: [3, 4], opinion: '同意立案' });
    const change = transitionAuditChange(input, step, { decisionDueOn: '2026-06-01' });
    expect(change).toEqual({ action: 'file', officerIds: [3, 4], opinion: '同意立案', ...step, decisionDueOn: '2026-06-01' });
    expect(() => assertAuditChange('case.transition', change)).not.toThrow();
    // Details are optional.
    expect(() => assertAuditChange('case.transition', transitionAuditChange(input, step, {}))).not.toThrow();
  });

  it('is strict: an unknown field, a detail of another action, a wrong state or a missing fact is refused', () => {
    const input = caseActionInput.parse({ action: 'decline', reason: '不属于本机关管辖' });
    const decline = transitionAuditChange(input, { ...step, to: 'declined' }, {});
    expect(() => assertAuditChange('case.transition', decline)).not.toThrow();
    expect(() => assertAuditChange('case.transition', { ...decline, comment: 'x' })).toThrow(/comment/);
    expect(() => assertAuditChange('case.transition', { ...decline, decisionDueOn: '2026-06-01' })).toThrow(/decisionDueOn/);
    expect(() => assertAuditChange('case.transition', { ...decline, to: 'gone' })).toThrow(/to/);
    const { version: _v, ...noVersion } = decline;
    expect(() => assertAuditChange('case.transition', noVersion)).toThrow(/version/);
  });

  it('types the details: a notice with its number and periods, a boolean publicity withdrawal', () => {
    const notify = transitionAuditChange(caseActionInput.parse({ action: 'notify', service: { method: 'direct', time: '10:00', place: '当事人住所' } }), { ...step, from: 'reviewing', to: 'notified' }, {
      notice: { number: '云东城罚告〔2026〕1号', hearingOffered: false, hearingReasons: [], statementEndsOn: '2026-03-05', hearingRequestEndsOn: null },
    });
    expect(() => assertAuditChange('case.transition', notify)).not.toThrow();
    expect(() => assertAuditChange('case.transition', { ...notify, notice: { number: 1 } })).toThrow(/notice/);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { assertMay, may, permission } from './policy.ts';

const officer = { userId: 11, roles: ['officer'] as const };
const head = { userId: 1, roles: ['head'] as const };
const both = { userId: 2, roles: ['reviewer', 'admin'] as const };

const editCalendar = permission('维护法定工作日历', ['admin']);
const addNote = permission<{ officerIds: readonly number[] }>('写备注', ['officer', 'head'], {
  holds: (who, s) => s.officerIds.includes(who.userId),
  refusal: '只有本案承办执法人员可以写备注',
});

function refusal(run: () => void): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('permissions', () => {
  it('are held by any of their roles', () => {
    expect(may(both, editCalendar)).toBe(true);
    expect(may(officer, editCalendar)).toBe(false);
    expect(may({ userId: 3, roles: [] }, editCalendar)).toBe(false);
  });

  it('check the subject rule only when a subject is given (menus and buttons ask by role alone)', () => {
    expect(may(officer, addNote)).toBe(true);
    expect(may(officer, addNote, { officerIds: [11, 12] })).toBe(true);
    expect(may(officer, addNote, { officerIds: [12, 13] })).toBe(false);
    expect(may(both, addNote, { officerIds: [2] })).toBe(false);
  });

  it('refuse a missing role with FORBIDDEN naming the roles in Chinese, as before policies', () => {
    const error = refusal(() => assertMay(officer, editCalendar));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('此操作需要以下角色之一：管理员');
    expect(error.details).toEqual({ requiredRoles: ['admin'] });
    expect(refusal(() => assertMay(both, addNote)).message).toBe('此操作需要以下角色之一：执法人员、负责人');
  });

  it('refuse a subject rule with its own message', () => {
    const error = refusal(() => assertMay(head, addNote, { officerIds: [11] }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('只有本案承办执法人员可以写备注');
    expect(() => assertMay(head, addNote, { officerIds: [1] })).not.toThrow();
    expect(() => assertMay(head, addNote)).not.toThrow();
  });
});

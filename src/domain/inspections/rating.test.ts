import { describe, expect, it } from 'vitest';
import { refusal } from '../test-support.ts';
import { WorkCalendar } from '../calendar/work-calendar.ts';
import { defaultInspectionSettings, ratingDueOn } from './periods.ts';
import { assertRatable, RATING_BASIS, ratingInput, ratingWindow } from './rating.ts';

const calendar = new WorkCalendar();
const s = defaultInspectionSettings;

describe('the enterprise’s anonymous rating of an inspection', () => {
  it(`${RATING_BASIS}: 30 calendar days from the day after the inspection; a last day in 国庆 moves to 2026-10-08 (《民法典》第二百零三条)`, () => {
    expect(ratingDueOn(calendar, '2026-09-05', s).dueOn).toBe('2026-10-08');
    // An ordinary month: 30 calendar days, not working days.
    expect(ratingDueOn(calendar, '2026-03-02', s).dueOn).toBe('2026-04-01');
    expect(ratingWindow(calendar, '2026-09-05', '2026-10-08', s)).toEqual({ dueOn: '2026-10-08', open: true });
    expect(ratingWindow(calendar, '2026-09-05', '2026-10-09', s)).toEqual({ dueOn: '2026-10-08', open: false });
    expect(ratingWindow(calendar, null, '2026-10-09', s)).toEqual({ dueOn: null, open: false });
  });

  it('refuses a late rating with its rule, a second rating, and an inspection not yet made', async () => {
    const late = await refusal(Promise.resolve().then(() => assertRatable(calendar, { inspectedOn: '2026-03-02', rated: false }, '2026-04-02', s)));
    expect(late).toMatchObject({ code: 'RULE_VIOLATION', details: { article: RATING_BASIS, dueOn: '2026-04-01' } });
    expect(() => assertRatable(calendar, { inspectedOn: '2026-03-02', rated: false }, '2026-04-01', s)).not.toThrow();
    expect((await refusal(Promise.resolve().then(() => assertRatable(calendar, { inspectedOn: '2026-03-02', rated: true }, '2026-03-03', s)))).code).toBe('CONFLICT');
    expect((await refusal(Promise.resolve().then(() => assertRatable(calendar, { inspectedOn: null, rated: false }, '2026-03-03', s)))).message).toContain('尚未实施');
  });

  it('takes no personal data: a phone or identity-card number in the comment is refused', () => {
    expect(ratingInput.safeParse({ score: 4, comment: '电话 13912345678' }).success).toBe(false);
    expect(ratingInput.safeParse({ score: 4, comment: '身份证 53010219900101123X' }).success).toBe(false);
    expect(ratingInput.parse({ score: 4, comment: '  ' })).toEqual({ score: 4, concerns: [] });
    expect(ratingInput.safeParse({ score: 4, concerns: ['noCode', 'noCode'] }).success).toBe(false);
  });
});

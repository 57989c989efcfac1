import { describe, expect, it } from 'vitest';
import { refusal } from '../test-support.ts';
import { checkActDates } from './registration.ts';

describe('the dates of the illegal act (《行政处罚法》第三十六条)', () => {
  const discovered = '2026-03-02';

  it('an act cannot end after it was discovered (no invented far-future end such as 9999-12-31)', () => {
    for (const endedOn of ['9999-12-31', '2026-03-03']) {
      const error = refusal(() => checkActDates({ actStartedOn: '2026-02-25', actEndedOn: endedOn }, discovered));
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toContain('违法行为终了日期不能晚于发现日期（2026-03-02）');
      expect(error.details).toEqual({ fields: [{ field: 'actEndedOn', message: error.message }] });
    }
  });

  it('an act cannot end before it started, nor start after it was discovered', () => {
    expect(refusal(() => checkActDates({ actStartedOn: '2026-02-25', actEndedOn: '2026-02-24' }, discovered)).message).toBe('违法行为终了日期不能早于开始日期');
    expect(refusal(() => checkActDates({ actStartedOn: '2026-03-03', actEndedOn: null }, discovered)).details).toMatchObject({ fields: [{ field: 'actStartedOn' }] });
  });

  it('an act either ended (a date between its start and its discovery) or continues (no end date)', () => {
    expect(() => checkActDates({ actStartedOn: '2026-02-25', actEndedOn: null }, discovered)).not.toThrow();
    expect(() => checkActDates({ actStartedOn: '2026-02-25', actEndedOn: '2026-02-25' }, discovered)).not.toThrow();
    expect(() => checkActDates({ actStartedOn: '2026-02-25', actEndedOn: discovered }, discovered)).not.toThrow();
  });
});

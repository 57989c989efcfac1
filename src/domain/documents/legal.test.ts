import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../calendar/index.ts';
import { AppError } from '../errors.ts';
import {
  assertHearingHostIndependent,
  assertHearingNoticeInTime,
  assertOnSpotCollectionAllowed,
  assertOnSpotPenaltyAllowed,
  assertSealMatchesAgency,
  assertTwoOfficers,
  daysOverdue,
  lateSurcharge,
  paymentDeadline,
  remediesText,
} from './legal.ts';
import { buildDocumentCase, buildOnSpotCase, officerChen, officerLiu } from './fixtures.ts';

const calendar = new WorkCalendar();

function ruleError(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('《行政处罚法》第七十二条 加处罚款', () => {
  it('adds 3% of the fine per day overdue', () => {
    expect(lateSurcharge(20000, 1)).toBe(600);
    expect(lateSurcharge(20000, 12)).toBe(7200);
    expect(lateSurcharge(150, 7)).toBe(31.5);
  });

  it('never adds more than the fine itself', () => {
    expect(lateSurcharge(20000, 33)).toBe(19800);
    expect(lateSurcharge(20000, 34)).toBe(20000);
    expect(lateSurcharge(20000, 365)).toBe(20000);
  });

  it('counts overdue days from the day after the deadline and refuses before it has passed', () => {
    expect(daysOverdue('2024-05-08', '2024-05-20')).toBe(12);
    const error = ruleError(() => daysOverdue('2024-05-08', '2024-05-08'));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.details?.article).toMatch(/第七十二条/);
  });
});

describe('《行政处罚法》第六十七条第三款 缴款期限', () => {
  it('is fifteen calendar days after receipt', () => {
    expect(paymentDeadline(calendar, '2024-04-23')).toBe('2024-05-08');
  });

  it('moves to the next working day when the fifteenth day is a holiday (《民法典》第二百零三条)', () => {
    // 2024-09-16 + 15 = 2024-10-01, 国庆节; the first working day after the holiday is 2024-10-08.
    expect(paymentDeadline(calendar, '2024-09-16')).toBe('2024-10-08');
  });
});

describe('《行政处罚法》第五十九条第一款第（五）项 救济途径和期限', () => {
  it('names the reconsideration body and court with 60 days (《行政复议法》第二十条) and 6 months (《行政诉讼法》第四十六条)', () => {
    const text = remediesText(buildDocumentCase().agency);
    expect(text).toContain('六十日内向锦江市人民政府申请行政复议');
    expect(text).toContain('六个月内直接向锦江市锦江区人民法院提起行政诉讼');
    // 《行政处罚法》第七十三条: review or suit does not suspend execution.
    expect(text).toContain('不停止执行');
  });
});

describe('《行政处罚法》第五十一条 当场处罚的限额', () => {
  const person = buildOnSpotCase().party;
  const organization = buildDocumentCase().party;

  it('allows a warning, ≤200元 for a citizen and ≤3000元 for an organization', () => {
    expect(() => assertOnSpotPenaltyAllowed(person, 'warning', undefined)).not.toThrow();
    expect(() => assertOnSpotPenaltyAllowed(person, 'fine', 200)).not.toThrow();
    expect(() => assertOnSpotPenaltyAllowed(organization, 'fine', 3000)).not.toThrow();
  });

  it('refuses more on the spot', () => {
    expect(ruleError(() => assertOnSpotPenaltyAllowed(person, 'fine', 201)).details?.article).toMatch(/第五十一条/);
    expect(ruleError(() => assertOnSpotPenaltyAllowed(organization, 'fine', 3001)).code).toBe('RULE_VIOLATION');
  });
});

describe('《行政处罚法》第六十八条 当场收缴', () => {
  it('collects on the spot for "一百元以下" only up to 100元', () => {
    expect(() => assertOnSpotCollectionAllowed('upTo100', 100)).not.toThrow();
    expect(ruleError(() => assertOnSpotCollectionAllowed('upTo100', 150)).details?.article).toMatch(/第六十八条/);
    expect(() => assertOnSpotCollectionAllowed('hardToPayLater', 150)).not.toThrow();
  });
});

describe('《行政处罚法》第四十二条 执法人员不少于两人', () => {
  it('refuses one officer', () => {
    expect(() => assertTwoOfficers([officerChen, officerLiu], '询问')).not.toThrow();
    expect(ruleError(() => assertTwoOfficers(['陈志强'], '询问')).message).toMatch(/不得少于两人/);
  });
});

describe('《行政处罚法》第六十四条 听证', () => {
  it('第（二）项: the notice goes out at least seven working days before the hearing (第八十五条)', () => {
    // Hearing on 2024-04-15; counting back 7 working days over 清明 (4–6 April off, Sunday 7 April a make-up workday).
    expect(() => assertHearingNoticeInTime(calendar, '2024-04-03', '2024-04-15')).not.toThrow();
    const late = ruleError(() => assertHearingNoticeInTime(calendar, '2024-04-08', '2024-04-15'));
    expect(late.code).toBe('RULE_VIOLATION');
    expect(late.message).toContain('最迟应于2024年4月3日通知');
  });

  it('第（四）项: an investigator of the case may not preside', () => {
    expect(() => assertHearingHostIndependent('钱红', [officerChen, officerLiu])).not.toThrow();
    expect(ruleError(() => assertHearingHostIndependent('陈志强', [officerChen, officerLiu])).details?.article).toMatch(/第六十四条第（四）项/);
  });
});

describe('《行政处罚法》第五十九条第二款 印章', () => {
  it('accepts the agency seal or its special-purpose seal, refuses another body’s', () => {
    const agency = buildDocumentCase().agency;
    expect(() => assertSealMatchesAgency(agency)).not.toThrow();
    expect(() => assertSealMatchesAgency({ ...agency, sealText: `${agency.name}行政执法专用章` })).not.toThrow();
    expect(ruleError(() => assertSealMatchesAgency({ ...agency, sealText: '锦江市锦江区春熙路街道办事处' })).code).toBe('RULE_VIOLATION');
  });
});

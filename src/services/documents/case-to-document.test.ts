/**
 * The case engine records one penalty description for all kinds; the 行政处罚决定书 states each penalty imposed
 * (《行政处罚法》第五十九条第一款第（三）项), so each numbered item prints its own content only — a fine plus 责令停产停业
 * must not print the fine again under item 2, where it reads as a second fine.
 */
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../domain/calendar/index.ts';
import type { Penalty } from '../../domain/cases/model.ts';
import { emptyCaseRecord, type CaseRecord } from '../../domain/cases/snapshot.ts';
import { actCodeOf } from '../../domain/documents/templates/common.ts';
import { documentText } from '../../domain/documents/blocks.ts';
import { findTemplate, renderDocumentContent } from '../../domain/documents/catalog.ts';
import { buildDocumentCase } from '../../domain/documents/fixtures.ts';
import { refusal } from '../../domain/test-support.ts';
import { caseViewToDocumentCase, type CaseWithTrail, factsAfterSubject, penaltyItems, transferBasis, type AgencyProfile } from './case-to-document.ts';

function penalty(kinds: Penalty['kinds'], fineYuan: number | null, description: string): Penalty {
  return {
    kinds,
    fineFen: fineYuan === null ? null : fineYuan * 100,
    confiscationFen: null,
    description,
    basis: '《城市市容和环境卫生管理条例》第三十六条',
    tier: null,
    range: null,
    benchmarkVersion: null,
    outsideRangeReason: null,
  };
}

function decisionText(p: Penalty): string {
  const base = buildDocumentCase();
  const c = buildDocumentCase({ decision: { ...base.decision!, penalties: penaltyItems(p) } });
  return documentText(renderDocumentContent(c, findTemplate('行政处罚决定书'), { calendar: new WorkCalendar() }));
}

describe('penalty items of the 决定书 (《行政处罚法》第五十九条第一款第（三）项)', () => {
  it('每项处罚只写本项内容: a fine plus 责令停产停业 prints the fine once', () => {
    const text = decisionText(penalty(['fine', 'suspendBusiness'], 30000, '罚款人民币30000元，并责令停业整治。'));
    expect(text).toContain('1. 罚款人民币叁万元整（¥30,000.00）；');
    expect(text).toContain('2. 责令停产停业：责令停业整治。');
    expect(text).not.toContain('责令停产停业：罚款');
    expect(text.match(/罚款人民币/g)?.length).toBe(1);
  });

  it('splits at 并/并处 without punctuation and gives each non-money kind its own clause', () => {
    expect(penaltyItems(penalty(['fine', 'confiscateProperty', 'suspendBusiness'], 800, '没收烧烤工具，并处罚款人民币800元并责令停业整治三日'))).toEqual([
      { kind: 'fine', amount: 800 },
      { kind: 'confiscateIllegalProperty', detail: '没收烧烤工具' },
      { kind: 'suspendProduction', detail: '责令停业整治三日' },
    ]);
    expect(penaltyItems(penalty(['warning', 'fine'], 20000, '警告，并处罚款人民币20000元'))).toEqual([{ kind: 'warning' }, { kind: 'fine', amount: 20000 }]);
  });

  it('an item the description does not name gets no other item’s content: the decision refuses naming it', () => {
    expect(penaltyItems(penalty(['fine', 'suspendBusiness'], 30000, '罚款人民币30000元'))).toEqual([
      { kind: 'fine', amount: 30000 },
      { kind: 'suspendProduction' },
    ]);
    expect(refusal(() => decisionText(penalty(['fine', 'suspendBusiness'], 30000, '罚款人民币30000元'))).message).toContain('第2项处罚（责令停产停业）缺少具体内容');
  });
});

/** A case as the engine records it, with only what the mapping reads (the rest of the read shape is not needed). */
function viewOf(record: Partial<CaseRecord>, more: Partial<CaseWithTrail> = {}): CaseWithTrail {
  return {
    id: 4711,
    actCode: '5399022026P000027J',
    procedure: 'ordinary',
    organization: { id: 3, name: '云城市东湖区城市管理和综合行政执法局' },
    title: '涉嫌店外摆卖案',
    facts: '当事人在其经营的水果店门外摆放货架销售水果，占用人行道约 2 平方米。',
    place: '云城市东湖区人民路66号门前',
    clueSource: 'patrol',
    registeredOn: '2026-06-01',
    party: { kind: 'person', name: '李秀兰', idNumber: '539902196503150643', address: '云城市东湖区人民路66号', phone: null },
    violation: null,
    officers: [],
    evidence: [],
    record: { ...emptyCaseRecord(), ...record },
    timeline: [],
    ...more,
  } as unknown as CaseWithTrail;
}

const fine = (yuan: number): Penalty => ({ ...penalty(['fine'], yuan, `罚款人民币${String(yuan)}元`) });
const notice = (hearingOffered: boolean): CaseRecord['notice'] => ({
  servedOn: '2026-06-10',
  number: '云东城管罚告字〔2026〕3号',
  penalty: fine(8000),
  hearingOffered,
  statementEndsOn: '2026-06-13',
  hearingRequestEndsOn: hearingOffered ? '2026-06-15' : null,
});
const decided = (on: string, p: Penalty = fine(8000)): CaseRecord['decision'] => ({
  kind: 'penalty',
  on,
  number: '云东城管罚决字〔2026〕5号',
  penalty: p,
  ground: null,
  education: null,
  transferReason: null,
  status: 'inForce',
  statusChange: null,
});

describe('item 1: confiscated gains print their own amount, from the record', () => {
  it('没收违法所得 from confiscationFen, 没收非法财物 from its own clause', () => {
    const p: Penalty = { ...penalty(['fine', 'confiscateIncome', 'confiscateProperty'], 800, '罚款人民币800元，没收违法所得人民币320元，没收烧烤工具一套'), confiscationFen: 32000 };
    expect(penaltyItems(p)).toEqual([
      { kind: 'fine', amount: 800 },
      { kind: 'confiscateIllegalGains', amount: 320 },
      { kind: 'confiscateIllegalProperty', detail: '没收烧烤工具一套' },
    ]);
  });
});

describe('item 1: an item no clause names, derived from the record', () => {
  it('没收非法财物 valued by confiscationFen when the description does not name it', () => {
    const p: Penalty = { ...penalty(['fine', 'confiscateProperty'], 800, '罚款人民币800元'), confiscationFen: 120000 };
    expect(penaltyItems(p)).toEqual([
      { kind: 'fine', amount: 800 },
      { kind: 'confiscateIllegalProperty', detail: '没收非法财物（价值人民币1200元）' },
    ]);
  });
});

describe('item 2: one 文号, one document', () => {
  it('a notice with hearing rights is the 听证告知书 alone (it carries the 事先告知); without them the 事先告知书', () => {
    const withHearing = caseViewToDocumentCase(viewOf({ notice: notice(true) }), {} as AgencyProfile);
    expect(withHearing.hearingRightsNotice?.number.serial).toBe(3);
    expect(withHearing.priorNotice).toBeUndefined();
    const without = caseViewToDocumentCase(viewOf({ notice: notice(false) }), {} as AgencyProfile);
    expect(without.priorNotice?.number.serial).toBe(3);
    expect(without.hearingRightsNotice).toBeUndefined();
  });

  it('the decision tells the one notice served, with the statement and hearing rights it told', () => {
    const base = buildDocumentCase();
    const { priorNotice: _p, ...rest } = base;
    const text = documentText(renderDocumentContent(rest, findTemplate('行政处罚决定书'), { calendar: new WorkCalendar() }));
    expect(text).toContain('《行政处罚听证告知书》（锦城执听告字〔2024〕6号），告知你单位拟作出行政处罚的内容及事实、理由、依据，以及你单位依法享有的陈述、申辩和要求听证的权利');
    expect(text).not.toContain('《行政处罚事先告知书》');
  });
});

describe('item 3: the statement as recorded', () => {
  it('waived, made, or none with the period passed; nothing while the period may run', () => {
    const statement = (waived: boolean, content: string): CaseRecord['statements'] => [{ on: '2026-06-11', waived, content, reply: content ? '不予采纳' : '' }];
    const map = (r: Partial<CaseRecord>) => caseViewToDocumentCase(viewOf({ notice: notice(false), ...r }), {} as AgencyProfile).statement;
    // (When and by whom it was recorded come along for the 陈述申辩笔录.)
    expect(map({ statements: statement(true, ''), decision: decided('2026-06-11') })).toEqual({ made: false, waived: true, date: '2026-06-11' });
    expect(map({ statements: statement(false, '已整改'), decision: decided('2026-06-20') })).toEqual({ made: true, summary: '已整改', review: '不予采纳', date: '2026-06-11', waived: false });
    expect(map({ decision: decided('2026-06-20') })).toEqual({ made: false });
    expect(map({})).toBeUndefined();
  });

  it('the outside-range reason is kept apart from the circumstances, with the tier range', () => {
    const p: Penalty = { ...fine(3000), tier: '情节较轻', range: { minFen: 100000, maxFen: 100000 }, benchmarkVersion: '云城市城市管理行政处罚裁量基准（2026年版）', outsideRangeReason: '摆卖面积较大且处于学校门口' };
    const c = caseViewToDocumentCase(viewOf({ decision: decided('2026-06-20', p), investigation: { startedOn: null, closedOn: null, findings: null, discretionReason: '初次违法' } }), {} as AgencyProfile);
    expect(c.discretion).toEqual({ reason: '初次违法', benchmark: '云城市城市管理行政处罚裁量基准（2026年版）', tier: '情节较轻', range: { min: 1000, max: 1000 }, outsideRange: '摆卖面积较大且处于学校门口' });
  });
});

describe('item 4: cash collected on the spot reaches the 当场行政处罚决定书', () => {
  it('the on-spot payment and its receipt', () => {
    const view = viewOf(
      {
        decision: { ...decided('2026-10-16', fine(50))!, number: '南湖综执简罚字〔2026〕1号' },
        payments: [{ on: '2026-10-16', amountFen: 5000, receiptNo: 'YN0001234', onSpot: { ground: 'smallFine', reason: null, partyRequested: false, afloat: false, handedOver: null, deposited: null } }],
      },
      { procedure: 'simple' },
    );
    expect(caseViewToDocumentCase(view, {} as AgencyProfile).onSpotDecision?.collectedOnSpot).toEqual({ receiptNo: 'YN0001234', reason: 'upTo100' });
  });
});

describe('item 6: the transfer cites the article of its kind', () => {
  it('a crime: 第二十七条; a 治安 matter to the police or another agency: no jurisdiction, not 第二十七条', () => {
    expect(transferBasis('judicial', '涉嫌妨害公务罪')).toBe('《中华人民共和国行政处罚法》第二十七条第一款');
    expect(transferBasis('police', '以暴力方法阻碍执法，涉嫌妨害公务罪')).toBe('《中华人民共和国行政处罚法》第二十七条第一款');
    expect(transferBasis('police', '当事人阻碍执法人员依法执行职务，涉嫌违反治安管理')).toBe('《中华人民共和国行政处罚法》第十七条和《中华人民共和国治安管理处罚法》');
    expect(transferBasis('otherAuthority', '不属于本机关职权')).not.toContain('第二十七条');
  });
});

describe('items 7 and 9: case number and QR address from the organization', () => {
  it('案件编号 is the serial given, never the database id; the QR opens {portalUrl}/verify/{code}', () => {
    const view = viewOf({ filing: { on: '2026-06-02', opinion: '同意立案', approvedBy: 1 } as CaseRecord['filing'] });
    const c = caseViewToDocumentCase(view, { caseNumberPrefix: '云东城管立字', portalUrl: 'https://zfgs.yuncheng.gov.cn/portal/' } as AgencyProfile, new Map(), 12);
    expect(c.caseNumber).toEqual({ prefix: '云东城管立字', year: 2026, serial: 12 });
    expect(caseViewToDocumentCase(view, {} as AgencyProfile).caseNumber.serial).not.toBe(4711);
    expect(actCodeOf(c).qrText).toBe('https://zfgs.yuncheng.gov.cn/portal/verify/5399022026P000027J');
  });
});

describe('issue 15: the facts continue the document\'s own "经查明，你…"', () => {
  it('drops the officer\'s lead-in and subject, so no "经查明，你经调查，当事人张伟于…"', () => {
    expect(factsAfterSubject('经调查，当事人张伟于2026年3月1日在南湖路摆摊。', '张伟')).toBe('于2026年3月1日在南湖路摆摊。');
    expect(factsAfterSubject('经查，张伟于2026年3月1日在南湖路摆摊。', '张伟')).toBe('于2026年3月1日在南湖路摆摊。');
    expect(factsAfterSubject('当事人在其经营的水果店门外摆放货架。', '李秀兰')).toBe('在其经营的水果店门外摆放货架。');
    expect(factsAfterSubject('于2026年3月1日在南湖路摆摊。', '张伟')).toBe('于2026年3月1日在南湖路摆摊。');
  });
});

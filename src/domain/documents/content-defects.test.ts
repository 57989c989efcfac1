/**
 * Issue 14, "Content defects": what a 法制科 clerk would reject in the printed text. Each test renders a document
 * of the fixture case and reads its text.
 */
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../calendar/index.ts';
import { documentText } from './blocks.ts';
import { findTemplate, renderDocumentContent } from './catalog.ts';
import { buildDocumentCase, buildNoPenaltyCase, buildOnSpotCase } from './fixtures.ts';
import type { DocumentCase, ServiceRecord } from './model.ts';
import { idNumberCheckChar } from '../validators/id-number.ts';

const ctx = { calendar: new WorkCalendar() };
const render = (c: DocumentCase, type: string, instance = 0) => renderDocumentContent(c, findTemplate(type), ctx, instance);
const text = (c: DocumentCase, type: string, instance = 0) => documentText(render(c, type, instance));

describe('item 2: one 文号, one document', () => {
  it('refuses a 事先告知书 and a 听证告知书 under the same number', () => {
    const base = buildDocumentCase();
    const shared = { ...base, hearingRightsNotice: { ...base.hearingRightsNotice!, number: base.priorNotice!.number } };
    expect(() => text(shared, '行政处罚事先告知书')).toThrow(/不能共用一个文号/);
    expect(() => text(shared, '行政处罚听证告知书')).toThrow(/不能共用一个文号/);
    expect(text(base, '行政处罚听证告知书')).toContain('锦城执听告字〔2024〕6号');
  });
});

describe('item 3: the decision follows the recorded statement and discretion', () => {
  const base = buildDocumentCase();

  it('statement: made (with the 复核), waived, or none when the period passed — each said only when recorded', () => {
    const made = text(base, '行政处罚决定书');
    expect(made).toContain('你单位提出陈述、申辩意见：当事人称已自行拆除广告牌，请求从轻处罚。经复核，');
    expect(made).not.toContain('未提出陈述、申辩意见');
    expect(made).not.toContain('放弃');

    const waived = text({ ...base, statement: { made: false, waived: true } }, '行政处罚决定书');
    expect(waived).toContain('你单位明确表示放弃陈述、申辩权利。');
    expect(waived).not.toContain('在规定期限内未提出');

    const lapsed = text({ ...base, statement: { made: false } }, '行政处罚决定书');
    expect(lapsed).toContain('你单位在规定期限内未提出陈述、申辩意见。');
    expect(lapsed).not.toContain('放弃');
  });

  it('discretion: benchmark version, tier and its range, circumstances; an amount outside the range says so, never "拟"', () => {
    const inRange = text({ ...base, discretion: { ...base.discretion!, range: { min: 10000, max: 30000 } } }, '行政处罚决定书');
    expect(inRange).toContain('依据《锦江市城市管理行政处罚裁量基准（2023年版）》，你单位的违法行为属于“一般”情形（该情形的裁量幅度为罚款10,000元至30,000元）：');
    expect(inRange).toContain('当事人首次违法并在责令期限内自行拆除，本机关在该裁量幅度内确定处罚数额。');

    const outside = text(
      {
        ...base,
        discretion: { benchmark: '锦江市城市管理行政处罚裁量基准（2023年版）', tier: '情节较轻', range: { min: 1000, max: 1000 }, reason: '摆卖面积较大且处于学校门口，拟从重处罚', outsideRange: '摆卖面积较大且处于学校门口，拟从重处罚' },
      },
      '行政处罚决定书',
    );
    expect(outside).toContain('属于“情节较轻”情形（该情形的裁量幅度为罚款1,000元）。本机关在该裁量幅度以外确定处罚数额，理由是：摆卖面积较大且处于学校门口，从重处罚。');
    expect(outside).not.toContain('拟从重');
    expect(outside).not.toMatch(/情节较轻”情形（[^）]*从重/);
  });
});

describe('item 4: the 当场行政处罚决定书', () => {
  it('a fine collected on the spot states the amount and the receipt, with no bank, no fifteen days and no 加处罚款', () => {
    const c = buildOnSpotCase();
    const spot = { ...c.onSpotDecision!, amount: 50, collectedOnSpot: { receiptNo: 'YN-2026-000123', reason: 'upTo100' as const } };
    const t = text({ ...c, onSpotDecision: spot }, '当场行政处罚决定书');
    expect(t).toContain('依据《中华人民共和国行政处罚法》第六十八条第（一）项的规定，执法人员已当场收缴罚款人民币伍拾元整（¥50.00）');
    expect(t).toContain('票据号：YN-2026-000123');
    expect(t).not.toContain('十五日内');
    expect(t).not.toContain('加处罚款');
    expect(t).not.toContain('缴款银行');
  });

  it('prints reconsideration first (《行政复议法》第二十三条第一款第（一）项、第二款), not a direct suit', () => {
    const t = text(buildOnSpotCase(), '当场行政处罚决定书');
    expect(t).toContain('应当先在收到本决定书之日起六十日内向锦江市人民政府申请行政复议；对行政复议决定不服的，可以依法向人民法院提起行政诉讼（《中华人民共和国行政复议法》第二十三条）');
    expect(t).not.toContain('直接向');
    // The ordinary decision keeps the choice between the two.
    expect(text(buildDocumentCase(), '行政处罚决定书')).toContain('也可以在收到本决定书之日起六个月内直接向');
  });
});

describe('item 5: nothing printed twice', () => {
  it('the place of an on-spot decision is printed once when the facts already say where', () => {
    const c = buildOnSpotCase({ facts: '在南湖街道南湖广场随地乱扔烟头' });
    const t = text({ ...c, onSpotDecision: { ...c.onSpotDecision!, place: '云城市东湖区南湖广场' } }, '当场行政处罚决定书');
    expect(t).toContain('你在南湖街道南湖广场随地乱扔烟头');
    expect(t).not.toMatch(/南湖广场在/);
    // Facts that do not say where get the place.
    expect(text(buildOnSpotCase(), '当场行政处罚决定书')).toContain('你在锦江市春熙路步行街东段将装有食品包装物的塑料袋');
  });

  it('evidence whose recorded purpose starts with 证明 is not printed "证明证明"', () => {
    const base = buildDocumentCase();
    const evidence = [{ kind: 'inspectionRecord' as const, name: '现场检查笔录', proves: '证明超出门窗外墙摆卖的事实（现场情况）' }];
    const t = text({ ...base, evidence }, '行政处罚决定书');
    expect(t).toContain('1. 现场检查笔录（勘验笔录、现场笔录），证明超出门窗外墙摆卖的事实（现场情况）。');
    expect(t).not.toContain('证明证明');
  });
});

describe('item 6: the 不予行政处罚决定书', () => {
  it('states the act found before the assessment, and has no "不停止执行" (nothing to execute)', () => {
    const base = buildNoPenaltyCase({ facts: '初次违法，占道面积小，危害后果轻微并当场改正' });
    const c = { ...base, noPenaltyDecision: { ...base.noPenaltyDecision!, act: '当事人在其经营的水果店门外摆放货架销售水果，占用人行道约2平方米' } };
    const t = text(c, '不予行政处罚决定书');
    expect(t).toContain('经查明，你单位在其经营的水果店门外摆放货架销售水果，占用人行道约2平方米。你单位初次违法，占道面积小');
    expect(t).toContain('申请行政复议');
    expect(t).not.toContain('不停止执行');
    expect(text(buildDocumentCase(), '行政处罚决定书')).toContain('不停止执行');
  });
});

describe('item 8: 送达回证 are signed by hand, and show the way of service as recorded', () => {
  const base = buildDocumentCase();
  const served = (s: Partial<ServiceRecord>) => text({ ...base, services: [{ ...base.services![0]!, ...s }] }, '送达回证');

  it('no typed signer names: the servers, recipient and witness sign on the printed form', () => {
    const t = served({});
    expect(t).not.toContain('陈志强');
    expect(t).not.toContain('刘晓燕');
    expect(t).toContain('送达人签名');
  });

  it('留置 with its witness, mail, electronic and 公告 with its reason', () => {
    const left = served({ method: 'left', witness: '社区网格员张强', receiver: undefined });
    expect(left).toContain('留置送达');
    expect(left).toContain('受送达人拒绝签收，已在见证人见证下将文书留置于送达地点');
    expect(left).toContain('见证人：社区网格员张强');
    expect(served({ method: 'mail', receiver: undefined })).toContain('以邮件回执上注明的收件日期为送达日期');
    expect(served({ method: 'electronic', receiver: undefined, electronicConsent: '2024年4月1日签署的送达地址确认书' })).toContain('电子送达确认书：2024年4月1日签署的送达地址确认书');
    const announced = served({ method: 'announcement', receiver: undefined, announcementReason: '受送达人下落不明，直接送达、邮寄送达均未成功' });
    expect(announced).toContain('公告送达理由：受送达人下落不明，直接送达、邮寄送达均未成功');
    expect(() => served({ method: 'announcement', receiver: undefined })).toThrow(/公告送达理由/);
  });
});

describe('item 9: the QR code opens the portal verification page for the act code', () => {
  it('encodes {portal}/verify/{code} when the portal address is set', () => {
    const c = buildDocumentCase({ verifyUrl: 'https://zfgs.example.gov.cn/portal/verify' });
    expect(render(c, '行政处罚决定书').actCode.qrText).toBe(`https://zfgs.example.gov.cn/portal/verify/${encodeURIComponent(c.actCode)}`);
  });
});

describe('a person identified by another document than the 居民身份证 (issue 15, item 6)', () => {
  const person = { kind: 'person' as const, name: '约翰·史密斯', address: '云城市东湖区湖滨路56号', phone: '13800138000' };

  it('the decision names the passport and nationality, and a birth date only as recorded; sex is not guessed', () => {
    const passport = { ...buildOnSpotCase(), party: { ...person, idNumber: 'E12345678', idType: '护照', nationality: '美国', birthDate: '1985-06-15' } };
    const decision = text(passport, '当场行政处罚决定书');
    expect(decision).toContain('当事人：约翰·史密斯，1985年6月15日出生，护照号码（国籍：美国）：E12345678，住址：云城市东湖区湖滨路56号。');
    expect(decision).not.toContain('公民身份号码');
  });

  it('a 港澳台居民居住证 has the GB 11643 layout: sex and birth date are read from it', () => {
    const idNumber = `81000019900101123${idNumberCheckChar('81000019900101123')}`;
    const permit = { ...buildOnSpotCase(), party: { ...person, name: '陈大文', idNumber, idType: '港澳台居民居住证' } };
    expect(text(permit, '当场行政处罚决定书')).toContain(`当事人：陈大文，男，1990年1月1日出生，港澳台居民居住证号码：${idNumber}，`);
  });
});

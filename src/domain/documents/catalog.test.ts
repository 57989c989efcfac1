import { describe, expect, it } from 'vitest';
import { configurePeriods, WorkCalendar } from '../calendar/index.ts';
import { AppError } from '../errors.ts';
import { documentText } from './blocks.ts';
import { caseDocuments, documentTemplates, findTemplate, renderDocumentContent } from './catalog.ts';
import { buildDocumentCase, buildNoPenaltyCase, buildOnSpotCase, buildRecordedActsCase, buildTransferCase, officerChen } from './fixtures.ts';
import type { DocumentCase } from './model.ts';
import type { RenderContext } from './requirements.ts';

const ctx: RenderContext = {
  calendar: new WorkCalendar(),
  volume: { entries: [{ name: '行政处罚决定书', number: '锦城执罚字〔2024〕15号', date: '2024-04-22', firstPage: 1, lastPage: 3 }], totalPages: 3 },
};

/** The templates of the acts added for issue 14 (approvals.ts, notices.ts, statements.ts). */
const RECORDED_ACTS = [
  'decline-approval',
  'decline-notice',
  'withdrawal-approval',
  'preservation-notice',
  'preservation-decision',
  'suspension-approval',
  'resumption-approval',
  'termination-approval',
  'statement-record',
  'statement-review',
  'decision-approval',
  'deferral-approval',
  'deferral-decision',
  'enforcement-application',
];

function caseFor(templateId: string): DocumentCase {
  if (templateId === 'on-spot-decision') return buildOnSpotCase();
  if (templateId === 'no-penalty-decision') return buildNoPenaltyCase();
  if (RECORDED_ACTS.includes(templateId)) return buildRecordedActsCase();
  return buildTransferCase();
}

function text(c: DocumentCase, type: string, context: RenderContext = ctx, instance = 0): string {
  return documentText(renderDocumentContent(c, findTemplate(type), context, instance));
}

function errorOf(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('the template catalogue', () => {
  it('has every document issue 5 lists', () => {
    const names = documentTemplates.map((t) => t.name);
    for (const wanted of [
      '立案审批表',
      '现场检查（勘验）笔录',
      '询问笔录',
      '责令（限期）改正通知书',
      '案件调查终结报告',
      '法制审核意见书',
      '重大案件集体讨论笔录',
      '行政处罚事先告知书',
      '行政处罚听证告知书',
      '行政处罚听证通知书',
      '行政处罚听证笔录',
      '行政处罚决定书',
      '不予行政处罚决定书',
      '当场行政处罚决定书',
      '送达回证',
      '催告书',
      '案件移送函',
      '行政处罚案件结案报告',
      '案卷封面',
      '卷内目录',
    ]) {
      expect(names).toContain(wanted);
    }
  });

  it.each(documentTemplates.map((t) => [t.name, t.id]))('renders %s from a complete case with no blank or missing value', (_name, id) => {
    const rendered = text(caseFor(id), id);
    expect(rendered).not.toMatch(/undefined|null|NaN|\[object/);
    expect(rendered).toContain('行政行为码：');
    expect(rendered.length).toBeGreaterThan(100);
  });

  it('finds templates by id, by Chinese name, and without the 行政处罚 prefix', () => {
    expect(findTemplate('行政处罚决定书').id).toBe('penalty-decision');
    expect(findTemplate('penalty-decision').name).toBe('行政处罚决定书');
    expect(findTemplate('听证笔录').id).toBe('hearing-record');
    expect(findTemplate('现场检查笔录').id).toBe('inspection-record');
    expect(errorOf(() => findTemplate('起诉状')).code).toBe('NOT_FOUND');
  });

  it('orders the 卷内目录 with the decision first and the closing report last', () => {
    const list = caseDocuments(buildTransferCase()).map((d) => d.template.name);
    expect(list[0]).toBe('行政处罚决定书');
    expect(list.at(-1)).toBe('行政处罚案件结案报告');
    expect(list.indexOf('立案审批表')).toBeLessThan(list.indexOf('行政处罚事先告知书'));
    expect(list).not.toContain('案卷封面');
  });
});

describe('《行政处罚法》第五十九条 行政处罚决定书', () => {
  const decision = text(buildDocumentCase(), '行政处罚决定书');

  it('（一）names the party and its address', () => {
    expect(decision).toContain('当事人：锦江市味道坊餐饮管理有限公司，统一社会信用代码：91510104MA6C8H2L7X，法定代表人：李明华，地址：锦江市春熙路168号。');
  });

  it('（二）states the facts and the evidence', () => {
    expect(decision).toContain('经查明，你单位未经市容环境卫生主管部门批准');
    expect(decision).toContain('以上事实有下列证据证明：');
    expect(decision).toContain('1. 2024年3月8日现场检查笔录1份（勘验笔录、现场笔录），证明');
  });

  it('（三）states the kind of penalty and its basis', () => {
    expect(decision).toContain('违反了《锦江市市容和环境卫生管理条例》第二十二条第一款的规定');
    expect(decision).toContain('依据《锦江市市容和环境卫生管理条例》第四十一条第一项的规定，本机关决定对你单位作出如下行政处罚');
    expect(decision).toContain('罚款人民币贰万元整（¥20,000.00）');
  });

  it('（四）states how and by when to pay (第六十七条) and the surcharge (第七十二条)', () => {
    expect(decision).toContain('自收到本决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳');
    expect(decision).toContain('账号：22810101040012345');
    expect(decision).toContain('每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额');
  });

  it('（五）states the remedies with their time limits', () => {
    expect(decision).toContain('六十日内向锦江市人民政府申请行政复议');
    expect(decision).toContain('六个月内直接向锦江市锦江区人民法院提起行政诉讼');
  });

  it('（六）ends with the agency and the date of decision, and carries the 文号 with 〔〕', () => {
    expect(decision).toMatch(/锦江市城市管理和综合行政执法局\n2024年4月22日\n行政行为码：510104-2024-000036-K$/);
    expect(decision).toContain('锦城执罚字〔2024〕15号');
  });

  it('records the prior notice, the hearing and the review of the statement (第四十四条、第四十五条、第六十五条)', () => {
    expect(decision).toContain('《行政处罚事先告知书》（锦城执告字〔2024〕18号）');
    expect(decision).toContain('本决定依据听证笔录作出');
    expect(decision).toContain('经复核，当事人在责令期限内自行拆除的情节');
  });

  it('names every missing item instead of leaving a blank', () => {
    const c = buildDocumentCase();
    const incomplete: DocumentCase = {
      ...c,
      party: { ...c.party, address: ' ' },
      agency: { ...c.agency, reconsiderationBody: '' },
      decision: c.decision ? { ...c.decision, penalties: [] } : undefined,
    };
    const error = errorOf(() => text(incomplete, '行政处罚决定书'));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('无法生成《行政处罚决定书》，缺少必填内容：行政复议机关、当事人住址或地址、处罚种类和数额');
    expect(error.details?.fields).toEqual([
      { path: 'agency.reconsiderationBody', label: '行政复议机关' },
      { path: 'party.address', label: '当事人住址或地址' },
      { path: 'decision.penalties', label: '处罚种类和数额' },
    ]);
  });

  it('refuses evidence that does not say what it proves', () => {
    const c = buildDocumentCase();
    const evidence = [...(c.evidence ?? []), { kind: 'physical' as const, name: '广告牌拆除件', proves: ' ' }];
    expect(errorOf(() => text({ ...c, evidence }, '行政处罚决定书')).message).toContain('证据缺少名称或证明对象：广告牌拆除件');
  });

  it('requires the payment account when a fine is imposed', () => {
    const error = errorOf(() => text({ ...buildDocumentCase(), paymentAccount: undefined }, '行政处罚决定书'));
    expect(error.message).toContain('罚款缴纳银行');
  });

  it('refuses a decision sealed with another body’s seal (第五十九条第二款)', () => {
    const c = buildDocumentCase();
    expect(errorOf(() => text({ ...c, agency: { ...c.agency, sealText: '锦江市人民政府' } }, '行政处罚决定书')).code).toBe('RULE_VIOLATION');
  });

  it('refuses a person party whose ID number has a wrong check digit', () => {
    const c = buildOnSpotCase();
    const party = c.party.kind === 'person' ? { ...c.party, idNumber: `${c.party.idNumber.slice(0, 17)}${c.party.idNumber.endsWith('0') ? '1' : '0'}` } : c.party;
    expect(errorOf(() => text({ ...c, party }, '当场行政处罚决定书')).message).toMatch(/当事人公民身份号码有误：身份证号校验码/);
  });
});

describe('《行政处罚法》第四十四条、第四十五条 事先告知', () => {
  it('tells the facts, basis, proposed penalty and the statement period, and promises no heavier penalty', () => {
    const notice = text(buildDocumentCase(), '行政处罚事先告知书');
    expect(notice).toContain('本机关拟对你单位作出如下行政处罚');
    expect(notice).toContain('自收到本告知书之日起三个工作日内向本机关提出陈述、申辩意见');
    expect(notice).toContain('不会因你单位陈述、申辩而给予更重的处罚');
    expect(notice).toContain('联系人：陈志强');
  });

  it('uses the locally configured statement period', () => {
    const periods = configurePeriods({ statement: { days: 5 } });
    expect(text(buildDocumentCase(), '行政处罚事先告知书', { ...ctx, periods })).toContain('五个工作日内向本机关提出陈述、申辩意见');
  });
});

describe('《行政处罚法》第六十三条、第六十四条 听证', () => {
  it('the hearing rights notice gives five working days to ask for a hearing (第六十四条第（一）项、第八十五条)', () => {
    expect(text(buildDocumentCase(), '行政处罚听证告知书')).toContain('应当自收到本告知书之日起五个工作日内向本机关提出');
  });

  it('the hearing notice is refused when sent less than seven working days ahead (第六十四条第（二）项)', () => {
    const c = buildDocumentCase();
    const hearing = c.hearing ? { ...c.hearing, notice: { ...c.hearing.notice, date: '2024-04-08' } } : undefined;
    expect(errorOf(() => text({ ...c, hearing }, '行政处罚听证通知书')).details?.article).toMatch(/第六十四条第（二）项/);
  });

  it('the hearing notice states the time of the hearing, not only the day (第六十四条第（二）项)', () => {
    const c = buildDocumentCase();
    const hearing = c.hearing ? { ...c.hearing, start: '2024-04-15' } : undefined;
    expect(errorOf(() => text({ ...c, hearing }, '行政处罚听证通知书')).message).toContain('须写明听证的具体时间');
    // The decision only needs the day the hearing was held.
    expect(text({ ...c, hearing }, '行政处罚决定书')).toContain('本机关于2024年4月15日在锦江市城市管理和综合行政执法局听证室依法举行了听证');
  });

  it('the hearing is not presided by an investigator (第六十四条第（四）项)', () => {
    const c = buildDocumentCase();
    const hearing = c.hearing ? { ...c.hearing, host: officerChen.name } : undefined;
    expect(errorOf(() => text({ ...c, hearing }, '行政处罚听证笔录')).code).toBe('RULE_VIOLATION');
    expect(errorOf(() => text({ ...c, hearing }, '行政处罚听证通知书')).code).toBe('RULE_VIOLATION');
  });
});

describe('《行政处罚法》第七十二条 催告书', () => {
  it('computes the surcharge from the day after the payment deadline', () => {
    const reminder = text(buildDocumentCase(), '催告书');
    expect(reminder).toContain('应当于2024年5月8日前缴纳罚款');
    expect(reminder).toContain('自2024年5月9日起至2024年5月20日止，你单位已逾期12日，加处罚款人民币柒仟贰佰元整（¥7,200.00）');
    expect(reminder).toContain('自收到本催告书之日起十日内');
    expect(reminder).toContain('申请人民法院强制执行');
  });

  it('stops the surcharge at the amount of the fine', () => {
    const c = buildDocumentCase({ payment: undefined });
    const reminder = text({ ...c, reminder: c.reminder ? { ...c.reminder, date: '2024-07-31' } : undefined }, '催告书');
    expect(reminder).toContain('加处罚款人民币贰万元整（¥20,000.00），已达罚款数额，不再增加');
  });

  it('is refused before the deadline has passed or once the fine is paid', () => {
    const c = buildDocumentCase();
    const early = { ...c, reminder: c.reminder ? { ...c.reminder, date: '2024-05-08' } : undefined };
    expect(errorOf(() => text(early, '催告书')).code).toBe('RULE_VIOLATION');
    const paid = { ...c, payment: c.payment ? { ...c.payment, paidDate: '2024-05-10' } : undefined };
    expect(errorOf(() => text(paid, '催告书')).message).toContain('已于2024年5月10日缴纳罚款');
  });
});

describe('《行政处罚法》第五十一条、第五十二条 当场行政处罚决定书', () => {
  it('states the violation, penalty and basis, time, place, remedies, agency, and is handed over and filed', () => {
    const decision = text(buildOnSpotCase(), '当场行政处罚决定书');
    expect(decision).toContain('编号：锦城执当〔2024〕0000112');
    expect(decision).toContain('2024年6月3日16时40分，你在锦江市春熙路步行街东段');
    expect(decision).toContain('罚款人民币壹佰伍拾元整（¥150.00）');
    expect(decision).toContain('六十日内向锦江市人民政府申请行政复议');
    expect(decision).toContain('执法人员：陈志强（执法证号：51010421001）、刘晓燕（执法证号：51010421002）');
    expect(decision).toContain('本决定书当场交付当事人，并报锦江市城市管理和综合行政执法局备案');
  });

  it('refuses a fine above 200元 for a citizen', () => {
    const c = buildOnSpotCase();
    const spot = c.onSpotDecision ? { ...c.onSpotDecision, amount: 500 } : undefined;
    expect(errorOf(() => text({ ...c, onSpotDecision: spot }, '当场行政处罚决定书')).details?.article).toMatch(/第五十一条/);
  });

  it('records on-the-spot collection only within 第六十八条', () => {
    const c = buildOnSpotCase();
    const spot = c.onSpotDecision ? { ...c.onSpotDecision, amount: 50, collectedOnSpot: { receiptNo: 'SC-0001', reason: 'upTo100' as const } } : undefined;
    expect(text({ ...c, onSpotDecision: spot }, '当场行政处罚决定书')).toContain('第六十八条第（一）项的规定，执法人员已当场收缴罚款人民币伍拾元整');
    const tooMuch = c.onSpotDecision ? { ...c.onSpotDecision, collectedOnSpot: { receiptNo: 'SC-0002', reason: 'upTo100' as const } } : undefined;
    expect(errorOf(() => text({ ...c, onSpotDecision: tooMuch }, '当场行政处罚决定书')).code).toBe('RULE_VIOLATION');
  });
});

describe('《行政处罚法》第三十三条 不予行政处罚决定书', () => {
  it('states the ground with its article, the education given (第三十三条第三款) and the remedies', () => {
    const decision = text(buildNoPenaltyCase(), '不予行政处罚决定书');
    expect(decision).toContain('但初次违法且危害后果轻微并及时改正');
    expect(decision).toContain('依据《中华人民共和国行政处罚法》第三十三条第一款的规定，本机关决定对你单位不予行政处罚');
    expect(decision).toContain('第三十三条第三款的规定，本机关已对你单位进行教育');
    expect(decision).toContain('提起行政诉讼');
  });
});

describe('《行政处罚法》第四十二条、第五十五条 笔录', () => {
  it('the inquiry record shows the certificates, tells the rights and records the answer', () => {
    const record = text(buildDocumentCase(), '询问笔录');
    expect(record).toContain('被询问人：李明华　性别：男　年龄：43岁');
    expect(record).toContain('执法证号分别为51010421001、51010421002，这是我们的执法证件');
    expect(record).toContain('有权申请回避');
    expect(record).toContain('答：看清楚了，不申请回避。');
  });

  it('refuses an inquiry by one officer or by someone without a certificate in the case', () => {
    const c = buildDocumentCase();
    const first = c.inquiries?.[0];
    if (!first) throw new Error('fixture has an inquiry');
    expect(errorOf(() => text({ ...c, inquiries: [{ ...first, questioners: ['陈志强'] }] }, '询问笔录')).details?.article).toMatch(/第四十二条/);
    expect(errorOf(() => text({ ...c, inquiries: [{ ...first, questioners: ['陈志强', '王小二'] }] }, '询问笔录')).message).toContain('“王小二”不是本案登记的持证执法人员');
  });

  it('picks one of several records and refuses one that does not exist', () => {
    const c = buildDocumentCase();
    expect(errorOf(() => text(c, '询问笔录', ctx, 1)).message).toContain('本案只有 1 份《询问笔录》');
  });
});

describe('《行政处罚法》第六十一条 送达回证', () => {
  const c = buildDocumentCase();
  const first = c.services?.[0];
  if (!first) throw new Error('fixture has a service');

  it('names the document, recipient, place, method, time, proxy and servers', () => {
    const receipt = text(c, '送达回证');
    expect(receipt).toContain('行政处罚决定书（锦城执罚字〔2024〕15号）');
    expect(receipt).toContain('送达方式 | 直接送达');
    expect(receipt).toContain('送达时间 | 2024年4月23日10时20分');
    expect(receipt).toContain('王丽（法定代表人授权门店店长代收）');
  });

  it('requires the party’s consent for electronic service (第六十一条第二款) and a witness for 留置送达', () => {
    expect(errorOf(() => text({ ...c, services: [{ ...first, method: 'electronic' }] }, '送达回证')).message).toContain('当事人同意电子送达的确认书');
    expect(errorOf(() => text({ ...c, services: [{ ...first, method: 'left' }] }, '送达回证')).message).toContain('见证人（留置送达）');
  });
});

describe('other documents', () => {
  it('the legal review covers every aspect and names a missing one', () => {
    const c = buildDocumentCase();
    const review = c.legalReview ? { ...c.legalReview, findings: c.legalReview.findings.filter((f) => f.aspect !== 'procedure') } : undefined;
    expect(errorOf(() => text({ ...c, legalReview: review }, '法制审核意见书')).message).toContain('审核情况（执法程序）');
  });

  it('the investigation report cites the discretion benchmark tier', () => {
    const report = text(buildDocumentCase(), '案件调查终结报告');
    expect(report).toContain('一、案件基本情况');
    expect(report).toContain('本案属于“一般”情形');
    expect(report).toContain('拟给予的行政处罚：罚款人民币贰万元整（¥20,000.00）。');
  });

  it('the transfer letter lists the materials as 附件', () => {
    const letter = text(buildTransferCase(), '案件移送函');
    expect(letter).toContain('锦江市公安局锦江区分局：');
    expect(letter).toContain('附件：1. 案件调查报告（1份）');
    expect(letter).toContain('3. 伤情鉴定意见书（1份）');
  });

  it('the cover and contents need the bound volume’s page numbers', () => {
    const error = errorOf(() => text(buildDocumentCase(), '卷内目录', { calendar: ctx.calendar }));
    expect(error.message).toContain('需要在组卷时生成');
    expect(text(buildDocumentCase(), '卷内目录')).toContain('1 | 行政处罚决定书 | 锦城执罚字〔2024〕15号 | 2024年4月22日 | 1–3');
  });
});

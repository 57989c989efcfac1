/**
 * Notices and decisions of acts the case engine records but the original set could not print: 不予立案告知书,
 * 先行登记保存证据通知书 and 先行登记保存物品处理决定书 (《行政处罚法》第五十六条), 延期（分期）缴纳罚款决定书 (第六十六条)
 * and the 强制执行申请书 to the court (《行政强制法》第五十三条至第五十五条). The notices and decisions carry the 文号 the
 * step issued (series 不立字, 登保字, 登保决字, 缓缴字 of the local case parameters); records made before the series
 * existed have none and print without one. The court application is not numbered. What the record lacks (保存地点, the party's application date, the head's signature the
 * court application needs) is a blank line filled by hand.
 */
import { penaltyPeriods, periodDeadline } from '../../calendar/periods.ts';
import { validationError } from '../../errors.ts';
import type { Block } from '../blocks.ts';
import { dateOf, formatAmount, formatDate, formatDocumentNumber } from '../format.ts';
import { assertSealMatchesAgency, assertTwoOfficers, daysOverdue, fineTotal, lateSurcharge, PENALTY_LAW, paymentDeadline } from '../legal.ts';
import type { DocumentCase } from '../model.ts';
import { field, must, type DocumentTemplate, type RequiredField } from '../requirements.ts';
import { addressee, causeText, contactLine, doc, header, number, officerList, partyFields, partyLine, penaltySummary, sealedFields, sentence, signature, you } from './common.ts';

const COMPULSION_LAW = '《中华人民共和国行政强制法》';
/** A blank for handwriting inside a sentence. */
const BLANK = '\u3000'.repeat(8);
const SIGN_DATE = '\t年\u3000\u3000月\u3000\u3000日';

const partyName: RequiredField = field('party.name', '当事人姓名或名称', (c) => c.party.name);

export const declineNotice: DocumentTemplate = {
  id: 'decline-notice',
  name: '不予立案告知书',
  stage: '立案',
  // 《行政处罚法》第五十四条第二款: a case is filed when it meets the filing standard; the party is told it is not.
  basis: `${PENALTY_LAW}第五十四条第二款`,
  layout: 'letter',
  count: (c) => (c.decline ? 1 : 0),
  absence: '本案未作出不予立案决定',
  required: [
    ...sealedFields,
    partyName,
    field('decline.date', '不予立案日期', (c) => c.decline?.date),
    field('decline.reason', '不予立案理由', (c) => c.decline?.reason),
  ],
  build(c) {
    assertSealMatchesAgency(c.agency);
    const decline = must(c.decline, '不予立案');
    const y = you(c.party);
    const docNumber = decline.number ? number(decline.number, '不予立案告知书文号') : undefined;
    const blocks: Block[] = [
      ...header(c, this.name, docNumber),
      addressee(c.party.name),
      {
        kind: 'paragraph',
        text:
          `本机关对${y}涉嫌${causeText(c).replace(/^涉嫌/, '')}一事进行了核查。经核查，${decline.reason.replace(/^经(核查|调查|审查)[，,]?/, '').replace(/。$/, '')}。` +
          `依据${PENALTY_LAW}第五十四条第二款的规定，经本机关负责人批准，决定不予立案。`,
      },
      { kind: 'paragraph', text: '特此告知。' },
      contactLine(c),
      { kind: 'space' },
      signature(c, decline.date),
    ];
    return doc(c, this, { ...(docNumber ? { number: docNumber } : {}), date: decline.date, blocks });
  },
};

const preservationFields = (decided: boolean): RequiredField[] => [
  ...sealedFields,
  ...partyFields,
  field('officers', '执法人员及执法证号', (c) => c.officers),
  field('preservations[].date', '先行登记保存日期', (c, i) => preserved(c, i, decided)?.date),
  field('preservations[].items', '先行登记保存物品清单', (c, i) => preserved(c, i, decided)?.items),
  field('preservations[].approval', '行政机关负责人批准', (c, i) => preserved(c, i, decided)?.approval?.by),
];

/** The preservations of the case, or only those decided (the 处理决定书 is one per decision). */
function preservationsOf(c: DocumentCase, decided: boolean) {
  return (c.preservations ?? []).filter((p) => !decided || p.decision);
}
const preserved = (c: DocumentCase, i: number, decided: boolean) => preservationsOf(c, decided)[i];

export const preservationNotice: DocumentTemplate = {
  id: 'preservation-notice',
  name: '先行登记保存证据通知书',
  stage: '调查取证',
  basis: `${PENALTY_LAW}第五十六条`,
  layout: 'letter',
  count: (c) => preservationsOf(c, false).length,
  absence: '本案未先行登记保存证据',
  required: preservationFields(false),
  build(c, i, ctx) {
    assertSealMatchesAgency(c.agency);
    assertTwoOfficers(c.officers, '先行登记保存');
    const p = must(preservationsOf(c, false)[i], '先行登记保存');
    const approval = must(p.approval, '行政机关负责人批准');
    const due = periodDeadline(ctx.calendar, p.date, (ctx.periods ?? penaltyPeriods).registrationPreservation);
    const y = you(c.party);
    const docNumber = p.number ? number(p.number, '先行登记保存证据通知书文号') : undefined;
    const blocks: Block[] = [
      ...header(c, this.name, docNumber),
      addressee(c.party.name),
      {
        kind: 'paragraph',
        text:
          `本机关在调查${y}${causeText(c)}一案中，因证据可能灭失或者以后难以取得，经本机关负责人${approval.by}于${formatDate(approval.date)}批准，` +
          `依据${PENALTY_LAW}第五十六条的规定，决定自${formatDate(p.date)}起对下列物品先行登记保存：`,
      },
      { kind: 'paragraph', text: p.items },
      { kind: 'paragraph', text: `保存地点：${BLANK}${BLANK}\u3000\u3000保存方式：${BLANK}`, indent: false },
      {
        kind: 'paragraph',
        text: `在先行登记保存期间，${y}或者有关人员不得销毁或者转移上述证据。本机关将在七日内（${formatDate(due)}前）依法作出处理决定。`,
      },
      { kind: 'paragraph', text: `执法人员：${officerList(c.officers)}` },
      contactLine(c),
      { kind: 'signLines', lines: [`当事人签名：${SIGN_DATE}`, `执法人员签名：${SIGN_DATE}`] },
      signature(c, p.date),
    ];
    return doc(c, this, { ...(docNumber ? { number: docNumber } : {}), date: p.date, blocks });
  },
};

export const preservationDecision: DocumentTemplate = {
  id: 'preservation-decision',
  name: '先行登记保存物品处理决定书',
  stage: '调查取证',
  basis: `${PENALTY_LAW}第五十六条`,
  layout: 'letter',
  count: (c) => preservationsOf(c, true).length,
  absence: (c) => ((c.preservations?.length ?? 0) > 0 ? '本案先行登记保存的物品尚未作出处理决定' : '本案未先行登记保存证据'),
  required: [
    ...preservationFields(true),
    field('preservations[].decision.date', '处理决定日期', (c, i) => preserved(c, i, true)?.decision?.date),
    field('preservations[].decision.outcome', '处理决定', (c, i) => preserved(c, i, true)?.decision?.outcome),
  ],
  build(c, i) {
    assertSealMatchesAgency(c.agency);
    const p = must(preservationsOf(c, true)[i], '先行登记保存');
    const decision = must(p.decision, '处理决定');
    const y = you(c.party);
    const docNumber = decision.number ? number(decision.number, '先行登记保存物品处理决定书文号') : undefined;
    const notice = p.number ? `《先行登记保存证据通知书》（${number(p.number, '先行登记保存证据通知书文号')}）` : '';
    const blocks: Block[] = [
      ...header(c, this.name, docNumber),
      addressee(c.party.name),
      {
        kind: 'paragraph',
        text: `本机关在调查${y}${causeText(c)}一案中，经本机关负责人批准，于${formatDate(p.date)}${notice ? `以${notice}` : ''}对${y}的下列物品先行登记保存：${p.items.replace(/。$/, '')}。`,
      },
      {
        kind: 'paragraph',
        text: `依据${PENALTY_LAW}第五十六条的规定，本机关对上述先行登记保存的物品作出如下处理决定：${decision.outcome.replace(/。$/, '')}。`,
      },
      contactLine(c),
      { kind: 'signLines', lines: [`当事人签收：${SIGN_DATE}`] },
      signature(c, decision.date),
    ];
    return doc(c, this, { ...(docNumber ? { number: docNumber } : {}), date: decision.date, blocks });
  },
};

export const deferralDecision: DocumentTemplate = {
  id: 'deferral-decision',
  name: '延期（分期）缴纳罚款决定书',
  stage: '执行',
  basis: `${PENALTY_LAW}第六十六条第二款、第七十二条`,
  layout: 'letter',
  count: (c) => (c.deferral ? 1 : 0),
  absence: '本案未批准延期或者分期缴纳罚款',
  required: [
    ...sealedFields,
    partyName,
    field('decision.number', '处罚决定书文号', (c) => c.decision?.number),
    field('decision.date', '决定日期', (c) => c.decision?.date),
    field('decision.penalties', '处罚种类和数额', (c) => c.decision?.penalties),
    field('deferral.date', '批准日期', (c) => c.deferral?.date),
    field('deferral.instalments', '缴纳计划', (c) => c.deferral?.instalments),
    field('paymentAccount', '罚款缴纳账户', (c) => c.paymentAccount),
  ],
  build(c) {
    assertSealMatchesAgency(c.agency);
    const d = must(c.deferral, '延期（分期）缴纳罚款');
    const decision = must(c.decision, '处罚决定');
    const account = must(c.paymentAccount, '罚款缴纳账户');
    const kind = d.instalments.length > 1 ? '分期' : '延期';
    const y = you(c.party);
    const docNumber = d.number ? number(d.number, '延期（分期）缴纳罚款决定书文号') : undefined;
    const plan: Block[] = d.instalments.map((p, i) => ({
      kind: 'paragraph',
      text: `${d.instalments.length > 1 ? `第${String(i + 1)}期：` : ''}于${formatDate(p.dueOn)}前缴纳${formatAmount(p.amount)}${i === d.instalments.length - 1 ? '。' : '；'}`,
    }));
    const blocks: Block[] = [
      ...header(c, this.name, docNumber),
      addressee(c.party.name),
      {
        kind: 'paragraph',
        text:
          `本机关于${formatDate(decision.date)}作出《行政处罚决定书》（${number(decision.number, '处罚决定书文号')}），决定对${y}处以${penaltySummary(decision.penalties)}。` +
          `${y}于\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日以确有经济困难为由，申请${kind}缴纳罚款。`,
      },
      {
        kind: 'paragraph',
        text: `经审查，依据${PENALTY_LAW}第六十六条第二款的规定，本机关决定同意${y}${kind}缴纳罚款${formatAmount(d.instalments.reduce((s, p) => s + p.amount, 0))}，缴纳期限如下：`,
      },
      ...plan,
      {
        kind: 'paragraph',
        text:
          `${y}应当按期到${account.bank}（户名：${account.accountName}；账号：${account.account}）缴纳，并将缴款凭证送本机关备查。` +
          `逾期不缴纳的，本机关将依据${PENALTY_LAW}第七十二条的规定，每日按罚款数额的百分之三加处罚款，并依法申请人民法院强制执行。`,
      },
      contactLine(c),
      { kind: 'space' },
      signature(c, d.date),
    ];
    return doc(c, this, { ...(docNumber ? { number: docNumber } : {}), date: d.date, blocks });
  },
};

export const enforcementApplication: DocumentTemplate = {
  id: 'enforcement-application',
  name: '强制执行申请书',
  stage: '执行',
  basis: `${COMPULSION_LAW}第五十三条、第五十四条、第五十五条；${PENALTY_LAW}第七十二条第一款第（四）项`,
  layout: 'letter',
  count: (c) => (c.courtEnforcement ? 1 : 0),
  absence: '本案未申请人民法院强制执行',
  required: [
    ...sealedFields,
    ...partyFields,
    field('courtEnforcement.date', '申请日期', (c) => c.courtEnforcement?.date),
    field('courtEnforcement.court', '受理申请的人民法院', (c) => c.courtEnforcement?.court),
    field('decision.number', '处罚决定书文号', (c) => c.decision?.number),
    field('decision.date', '决定日期', (c) => c.decision?.date),
    field('decision.penalties', '处罚种类和数额', (c) => c.decision?.penalties),
    field('facts', '违法事实', (c) => c.facts),
    field('penaltyProvision', '处罚依据', (c) => c.penaltyProvision),
    field('services', '处罚决定书送达记录', (c) => c.services?.find((s) => s.documentName === '行政处罚决定书')),
    field('reminder', '催告书', (c) => c.reminder),
    field('services', '催告书送达记录', (c) => c.services?.find((s) => s.documentName === '催告书')),
  ],
  build(c, _i, ctx) {
    assertSealMatchesAgency(c.agency);
    const app = must(c.courtEnforcement, '申请强制执行');
    const decision = must(c.decision, '处罚决定');
    const reminder = must(c.reminder, '催告书');
    const decisionServed = must(
      c.services?.find((s) => s.documentName === '行政处罚决定书'),
      '处罚决定书送达记录',
    );
    const reminderServed = must(
      c.services?.find((s) => s.documentName === '催告书'),
      '催告书送达记录',
    );
    const fine = fineTotal(decision.penalties);
    if (fine === 0) throw validationError('处罚决定中没有罚款，强制执行申请书无可执行的金钱给付', { field: 'decision.penalties' });
    const paid = c.payment?.amount ?? 0;
    const owed = Math.max(0, fine - paid);
    const servedOn = dateOf(decisionServed.servedAt, '送达时间');
    // 加处罚款 (第七十二条第一款第（一）项) runs from the end of the payment period; with a deferral or instalments it
    // runs from each part's own due date, which the application states as a rule rather than a sum.
    const surcharge = c.deferral
      ? '及自各期缴纳期限届满次日起依法加处的罚款（每日按罚款数额的百分之三计算，不超出罚款数额）'
      : `及加处罚款${formatAmount(lateSurcharge(fine, daysOverdue(paymentDeadline(ctx.calendar, servedOn, ctx.periods), app.date)))}（计至${formatDate(app.date)}）`;
    const decisionNumber = number(decision.number, '处罚决定书文号');
    const blocks: Block[] = [
      ...header(c, this.name),
      { kind: 'paragraph', text: `申请人：${c.agency.name}，地址：${c.agency.address}。`, indent: false },
      // The head who decided to apply is named; the 职务 is not recorded and stays for the pen (第五十五条第二款: signed by the head).
      { kind: 'paragraph', text: `负责人：${app.appliedBy || BLANK}\u3000\u3000职务：${BLANK}`, indent: false },
      { kind: 'paragraph', text: `被申请人：${partyLine(c.party, app.date).replace(/^当事人：/, '')}`, indent: false },
      { kind: 'paragraph', text: '申请事项：', indent: false },
      {
        kind: 'paragraph',
        text: `请求人民法院依法强制执行申请人作出的《行政处罚决定书》（${decisionNumber}），强制被申请人缴纳罚款${formatAmount(owed)}${surcharge}。`,
      },
      { kind: 'paragraph', text: '事实和理由：', indent: false },
      {
        kind: 'paragraph',
        text:
          `被申请人${sentence(must(c.facts, '违法事实'))}申请人依据${must(c.penaltyProvision, '处罚依据')}的规定，于${formatDate(decision.date)}作出《行政处罚决定书》（${decisionNumber}），` +
          `决定对被申请人处以${penaltySummary(decision.penalties)}。该决定书已于${formatDate(servedOn)}送达被申请人。`,
      },
      {
        kind: 'paragraph',
        text:
          `被申请人在法定期限内未申请行政复议，也未提起行政诉讼，又不履行行政处罚决定${paid > 0 ? `（已缴纳${formatAmount(paid)}）` : ''}。申请人于${formatDate(reminder.date)}作出催告书` +
          `（${formatDocumentNumber(reminder.number, '催告书文号')}），并于${formatDate(dateOf(reminderServed.servedAt, '送达时间'))}送达被申请人，催告书送达十日后被申请人仍未履行。`,
      },
      { kind: 'paragraph', text: `被申请人的意见：${BLANK}${BLANK}${BLANK}` },
      {
        kind: 'paragraph',
        text: `依据${COMPULSION_LAW}第五十三条、第五十四条和${PENALTY_LAW}第七十二条第一款第（四）项的规定，特申请贵院依法强制执行。`,
      },
      { kind: 'paragraph', text: '此致', indent: true },
      { kind: 'paragraph', text: app.court, indent: false },
      { kind: 'space' },
      {
        kind: 'paragraph',
        text: `附：1. 《行政处罚决定书》（${decisionNumber}）及送达回证；2. 作出决定的事实、理由和依据（案件调查终结报告、证据材料）；3. 催告书及送达回证；4. 申请强制执行标的情况（罚款${formatAmount(owed)}及加处罚款）。`,
        indent: false,
      },
      { kind: 'signLines', lines: [`行政机关负责人（签名）：${SIGN_DATE}`] },
      signature(c, app.date),
    ];
    return doc(c, this, { date: app.date, blocks });
  },
};

/**
 * Documents sent to the party (or another authority) under the agency's seal: decisions, notices, the reminder and
 * the transfer letter. Laid out as official documents: agency, title, 文号, body, 署名 and 成文日期.
 */
import { addDays } from '../../calendar/iso-date.ts';
import { penaltyPeriods } from '../../calendar/periods.ts';
import { ruleViolation, validationError } from '../../errors.ts';
import type { Block } from '../blocks.ts';
import { chineseNumeral, dateOf, formatAmount, formatAmountFigures, formatDate, formatDateTime, formatDocumentNumber, hasTime } from '../format.ts';
import {
  amountPayable,
  assertHearingHostIndependent,
  assertHearingNoticeInTime,
  assertOnSpotCollectionAllowed,
  assertOnSpotPenaltyAllowed,
  assertSealMatchesAgency,
  assertTwoOfficers,
  daysOverdue,
  fineTotal,
  LATE_SURCHARGE_WARNING,
  lateSurcharge,
  PENALTY_LAW,
  paymentDeadline,
  periodWords,
  onSpotRemediesText,
  remediesText,
} from '../legal.ts';
import { noPenaltyGrounds, type DocumentCase, type PenaltyItem } from '../model.ts';
import { field, must, type DocumentTemplate, type RenderContext } from '../requirements.ts';
import { madeStatements } from '../statement-list.ts';
import {
  addressee,
  assertNotBefore,
  atPlace,
  causeText,
  contactLine,
  doc,
  evidenceLines,
  header,
  number,
  officerList,
  partyFields,
  partyLine,
  penaltyLines,
  penaltySummary,
  remedyFields,
  sealedFields,
  sentence,
  signature,
  you,
} from './common.ts';

const one = (present: unknown) => (present ? 1 : 0);

const factsFields = [
  field('facts', '违法事实', (c) => c.facts),
  field('evidence', '证据', (c) => c.evidence),
  field('violatedProvision', '违反的法律条款', (c) => c.violatedProvision),
  field('penaltyProvision', '处罚依据', (c) => c.penaltyProvision),
];

const paymentFields = [
  field('paymentAccount.bank', '罚款缴纳银行', (c) => c.paymentAccount?.bank, (c) => amountPayable(c.decision?.penalties ?? []) > 0),
  field('paymentAccount.accountName', '罚款缴纳账户户名', (c) => c.paymentAccount?.accountName, (c) => amountPayable(c.decision?.penalties ?? []) > 0),
  field('paymentAccount.account', '罚款缴纳账号', (c) => c.paymentAccount?.account, (c) => amountPayable(c.decision?.penalties ?? []) > 0),
];

/** 《行政处罚法》第六十七条第三款 and 第七十二条: how and by when to pay, with the surcharge warning. */
function paymentParagraphs(c: DocumentCase, items: readonly PenaltyItem[], from = '本决定书'): Block[] {
  const payable = amountPayable(items);
  if (payable === 0) {
    return [{ kind: 'paragraph', text: `上述行政处罚自${from}送达之日起执行。` }];
  }
  const account = must(c.paymentAccount, '罚款缴纳账户');
  const days = penaltyPeriods.payment.days;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text:
        `${you(c.party)}应当自收到${from}之日起${chineseNumeral(days)}日内，到指定的银行或者通过电子支付系统缴纳${formatAmount(payable)}` +
        `（缴款银行：${account.bank}；户名：${account.accountName}；账号：${account.account}），并将缴款凭证送本机关备查。`,
    },
  ];
  if (fineTotal(items) > 0) blocks.push({ kind: 'paragraph', text: LATE_SURCHARGE_WARNING });
  return blocks;
}

function statementAndHearingParagraphs(c: DocumentCase): Block[] {
  const blocks: Block[] = [];
  const y = you(c.party);
  if (c.priorNotice) {
    blocks.push({
      kind: 'paragraph',
      text:
        `本机关于${formatDate(c.priorNotice.date)}向${y}送达了《行政处罚事先告知书》（${formatDocumentNumber(c.priorNotice.number, '事先告知书文号')}），` +
        `告知${y}拟作出行政处罚的内容及事实、理由、依据，以及${y}依法享有的陈述、申辩等权利。`,
    });
  }
  if (c.hearingRightsNotice && !c.priorNotice) {
    // The one notice told everything (the 听证告知书 carries the 事先告知 too).
    blocks.push({
      kind: 'paragraph',
      text:
        `本机关于${formatDate(c.hearingRightsNotice.date)}向${y}送达了《行政处罚听证告知书》（${formatDocumentNumber(c.hearingRightsNotice.number, '听证告知书文号')}），` +
        `告知${y}拟作出行政处罚的内容及事实、理由、依据，以及${y}依法享有的陈述、申辩和要求听证的权利。`,
    });
  } else if (c.hearingRightsNotice) {
    blocks.push({
      kind: 'paragraph',
      text: `本机关于${formatDate(c.hearingRightsNotice.date)}向${y}送达了《行政处罚听证告知书》（${formatDocumentNumber(c.hearingRightsNotice.number, '听证告知书文号')}），告知${y}有要求听证的权利。`,
    });
  }
  if (c.hearing) {
    blocks.push({
      kind: 'paragraph',
      text: `应${y}的申请，本机关于${formatDateTime(c.hearing.start, '听证时间')}在${c.hearing.place}依法举行了听证，本决定依据听证笔录作出（${PENALTY_LAW}第六十五条）。`,
    });
  }
  const made = madeStatements(c);
  if (made.length > 1) {
    // Each statement the party made is told with its own 复核 (第四十五条第一款), in the order recorded.
    for (const s of made) {
      blocks.push({
        kind: 'paragraph',
        text: `${y}${s.date ? `于${formatDate(s.date)}` : ''}提出陈述、申辩意见：${must(s.summary, '陈述申辩内容').replace(/。$/, '')}。经复核，${must(s.review, '陈述申辩复核意见').replace(/。$/, '')}。`,
      });
    }
  } else if (c.statement) {
    if (c.statement.made) {
      blocks.push({
        kind: 'paragraph',
        text: `${y}提出陈述、申辩意见：${must(c.statement.summary, '陈述申辩内容').replace(/。$/, '')}。经复核，${must(c.statement.review, '陈述申辩复核意见').replace(/。$/, '')}。`,
      });
    } else if (c.statement.waived) {
      blocks.push({ kind: 'paragraph', text: `${y}明确表示放弃陈述、申辩权利。` });
    } else {
      blocks.push({ kind: 'paragraph', text: `${y}在规定期限内未提出陈述、申辩意见。` });
    }
  }
  return blocks;
}

/** A clause as recorded, without its final stop; in a decision a proposal's "拟从重处罚" is said as decided. */
function clause(text: string, decided: boolean): string {
  const t = text.trim().replace(/[。；，.;,]+$/, '');
  return decided ? t.replace(/拟(?=从重|从轻|减轻|不予|给予|处以|处|对|责令|没收)/g, '') : t;
}

function rangeText(range: NonNullable<DocumentCase['discretion']>['range']): string {
  if (!range || (range.min === undefined && range.max === undefined)) return '';
  const yuan = (n: number) => `${formatAmountFigures(n).replace(/\.00$/, '')}元`;
  if (range.min !== undefined && range.max !== undefined) {
    return range.min === range.max ? `罚款${yuan(range.min)}` : `罚款${yuan(range.min)}至${yuan(range.max)}`;
  }
  return range.min !== undefined ? `罚款${yuan(range.min)}以上` : `罚款${yuan(range.max ?? 0)}以下`;
}

/**
 * 裁量说理 (国办发〔2022〕27号: the decision states how the discretion was exercised): the benchmark (its version), the
 * tier the recorded facts fall in with its range, the circumstances, and — only when recorded — why the amount lies
 * outside the tier's range. The text says what was recorded and nothing else: no tier is described as lighter or
 * heavier than recorded.
 */
function discretionSentence(c: DocumentCase, decided = false): string {
  const d = c.discretion;
  if (!d) return '';
  const y = you(c.party);
  const reason = clause(d.reason, decided);
  const outside = d.outsideRange ? clause(d.outsideRange, decided) : '';
  const own = reason && reason !== outside ? reason : '';
  if (!d.benchmark || !d.tier) {
    return own || outside ? `本机关综合考虑以下情节确定处罚：${[own, outside].filter(Boolean).join('；')}。` : '';
  }
  const range = rangeText(d.range);
  const tier = `依据《${d.benchmark.replace(/^《|》$/g, '')}》，${y}的违法行为属于“${d.tier}”情形${range ? `（该情形的裁量幅度为${range}）` : ''}`;
  if (outside) {
    return `${tier}${own ? `：${own}` : ''}。本机关在该裁量幅度以外确定处罚数额，理由是：${outside}。`;
  }
  return `${tier}${own ? `：${own}` : ''}${range ? '，本机关在该裁量幅度内确定处罚数额' : ''}。`;
}

export const penaltyDecision: DocumentTemplate = {
  id: 'penalty-decision',
  name: '行政处罚决定书',
  stage: '决定',
  basis: `${PENALTY_LAW}第五十九条（法定六项内容并加盖印章）、第六十条、第六十七条`,
  layout: 'letter',
  count: (c) => one(c.decision),
  required: [
    ...sealedFields,
    ...remedyFields,
    ...partyFields,
    ...factsFields,
    field('filing.date', '立案日期', (c) => c.filing?.date),
    field('decision.number', '处罚决定书文号', (c) => c.decision?.number),
    field('decision.date', '决定日期', (c) => c.decision?.date),
    field('decision.penalties', '处罚种类和数额', (c) => c.decision?.penalties),
    ...paymentFields,
  ],
  build(c) {
    assertSealMatchesAgency(c.agency);
    const decision = must(c.decision, '处罚决定');
    const filing = must(c.filing, '立案');
    assertNotBefore(decision.date, filing.date, '决定日期', '立案日期');
    const docNumber = number(decision.number, '处罚决定书文号');
    const y = you(c.party);
    const blocks: Block[] = [
      ...header(c, this.name, docNumber),
      // ① 当事人的姓名或者名称、地址
      { kind: 'paragraph', text: partyLine(c.party, decision.date), indent: false },
      // ② 违反法律、法规、规章的事实和证据
      { kind: 'paragraph', text: `本机关于${formatDate(filing.date)}对${y}${causeText(c)}一案立案调查。经查明，${y}${sentence(must(c.facts, '违法事实'))}` },
      { kind: 'paragraph', text: '以上事实有下列证据证明：' },
      ...evidenceLines(must(c.evidence, '证据')),
      ...statementAndHearingParagraphs(c),
      // ③ 行政处罚的种类和依据
      {
        kind: 'paragraph',
        text:
          `本机关认为，${y}的上述行为违反了${must(c.violatedProvision, '违反的法律条款')}的规定。${discretionSentence(c, true)}` +
          `依据${must(c.penaltyProvision, '处罚依据')}的规定，本机关决定对${y}作出如下行政处罚：`,
      },
      ...penaltyLines(decision.penalties),
      // ④ 行政处罚的履行方式和期限
      ...paymentParagraphs(c, decision.penalties),
      // ⑤ 申请行政复议、提起行政诉讼的途径和期限
      { kind: 'paragraph', text: remediesText(c.agency) },
      contactLine(c),
      { kind: 'space' },
      // ⑥ 作出行政处罚决定的行政机关名称和作出决定的日期 (sealed)
      signature(c, decision.date),
    ];
    return doc(c, this, { number: docNumber, date: decision.date, blocks });
  },
};

/** The act found, then the facts the decision rests on when they are not the act itself (一事一述, no repetition). */
function noPenaltyFacts(c: DocumentCase, act: string | undefined): string {
  const y = you(c.party);
  const facts = sentence(must(c.facts, '违法事实'));
  const stated = act?.trim().replace(/^当事人/, '');
  if (!stated) return `${y}${facts}`;
  const actSentence = sentence(stated);
  if (facts.includes(actSentence.slice(0, -1)) || actSentence.includes(facts.slice(0, -1))) return `${y}${facts.length >= actSentence.length ? facts : actSentence}`;
  return `${y}${actSentence}${/^(系|属|为|初次|首次)/.test(facts) ? y : ''}${facts}`;
}

export const noPenaltyDecision: DocumentTemplate = {
  id: 'no-penalty-decision',
  name: '不予行政处罚决定书',
  stage: '决定',
  basis: `${PENALTY_LAW}第三十三条、第五十七条第一款第（二）项`,
  layout: 'letter',
  count: (c) => one(c.noPenaltyDecision),
  required: [
    ...sealedFields,
    ...remedyFields,
    ...partyFields,
    field('facts', '违法事实', (c) => c.facts),
    field('evidence', '证据', (c) => c.evidence),
    field('violatedProvision', '违反的法律条款', (c) => c.violatedProvision),
    field('filing.date', '立案日期', (c) => c.filing?.date),
    field('noPenaltyDecision.number', '不予处罚决定书文号', (c) => c.noPenaltyDecision?.number),
    field('noPenaltyDecision.date', '决定日期', (c) => c.noPenaltyDecision?.date),
    field('noPenaltyDecision.reasoning', '不予处罚的理由', (c) => c.noPenaltyDecision?.reasoning),
    field('noPenaltyDecision.education', '对当事人的教育情况', (c) => c.noPenaltyDecision?.education),
  ],
  build(c) {
    assertSealMatchesAgency(c.agency);
    const decision = must(c.noPenaltyDecision, '不予处罚决定');
    const filing = must(c.filing, '立案');
    assertNotBefore(decision.date, filing.date, '决定日期', '立案日期');
    const docNumber = number(decision.number, '不予处罚决定书文号');
    const ground = noPenaltyGrounds[decision.ground];
    const y = you(c.party);
    const blocks: Block[] = [
      ...header(c, this.name, docNumber),
      { kind: 'paragraph', text: partyLine(c.party, decision.date), indent: false },
      { kind: 'paragraph', text: `本机关于${formatDate(filing.date)}对${y}${causeText(c)}一案立案调查。经查明，${noPenaltyFacts(c, decision.act)}` },
      { kind: 'paragraph', text: '以上事实有下列证据证明：' },
      ...evidenceLines(must(c.evidence, '证据')),
      ...statementAndHearingParagraphs(c),
      {
        kind: 'paragraph',
        text:
          `本机关认为，${y}的上述行为违反了${must(c.violatedProvision, '违反的法律条款')}的规定，但${ground.label}：` +
          `${decision.reasoning.replace(/。$/, '')}。依据${ground.article}的规定，本机关决定对${y}不予行政处罚。`,
      },
      // 《行政处罚法》第三十三条第三款: 对当事人的违法行为依法不予行政处罚的，行政机关应当对当事人进行教育.
      { kind: 'paragraph', text: `依据${PENALTY_LAW}第三十三条第三款的规定，本机关已对${y}进行教育：${decision.education.replace(/。$/, '')}。` },
      // Nothing to execute: no "不停止执行" sentence.
      { kind: 'paragraph', text: remediesText(c.agency, '本决定', { executes: false }) },
      contactLine(c),
      { kind: 'space' },
      signature(c, decision.date),
    ];
    return doc(c, this, { number: docNumber, date: decision.date, blocks });
  },
};

export const onSpotDecision: DocumentTemplate = {
  id: 'on-spot-decision',
  name: '当场行政处罚决定书',
  stage: '当场处罚（简易程序）',
  basis: `${PENALTY_LAW}第五十一条、第五十二条`,
  layout: 'letter',
  count: (c) => one(c.onSpotDecision),
  required: [
    ...sealedFields,
    ...remedyFields,
    ...partyFields,
    field('facts', '违法行为', (c) => c.facts),
    field('violatedProvision', '违反的法律条款', (c) => c.violatedProvision),
    field('penaltyProvision', '处罚依据', (c) => c.penaltyProvision),
    field('onSpotDecision.formNumber', '决定书编号', (c) => c.onSpotDecision?.formNumber),
    field('onSpotDecision.time', '处罚时间', (c) => c.onSpotDecision?.time),
    field('onSpotDecision.place', '处罚地点', (c) => c.onSpotDecision?.place),
    field('onSpotDecision.officers', '执法人员', (c) => c.onSpotDecision?.officers),
    field('onSpotDecision.amount', '罚款数额', (c) => c.onSpotDecision?.amount, (c) => c.onSpotDecision?.penalty === 'fine'),
    field('paymentAccount', '罚款缴纳账户', (c) => c.paymentAccount, (c) => c.onSpotDecision?.penalty === 'fine' && !c.onSpotDecision.collectedOnSpot),
  ],
  build(c) {
    assertSealMatchesAgency(c.agency);
    const spot = must(c.onSpotDecision, '当场处罚决定');
    assertOnSpotPenaltyAllowed(c.party, spot.penalty, spot.amount);
    assertTwoOfficers(spot.officers, '当场处罚');
    const date = dateOf(spot.time, '处罚时间');
    const y = you(c.party);
    const items: PenaltyItem[] = spot.penalty === 'fine' ? [{ kind: 'fine', amount: spot.amount ?? 0 }] : [{ kind: 'warning' }];
    const blocks: Block[] = [...header(c, this.name, `编号：${spot.formNumber}`), { kind: 'paragraph', text: partyLine(c.party, date), indent: false }];
    blocks.push({
      kind: 'paragraph',
      text:
        `${formatDateTime(spot.time, '处罚时间')}，${y}${atPlace(spot.place, sentence(must(c.facts, '违法行为')).slice(0, -1))}，违反了${must(c.violatedProvision, '违反的法律条款')}的规定。` +
        `依据${must(c.penaltyProvision, '处罚依据')}和${PENALTY_LAW}第五十一条的规定，当场决定给予${y}${penaltySummary(items)}的行政处罚。`,
    });
    if (spot.penalty === 'fine') {
      if (spot.collectedOnSpot) {
        // 第六十八条、第六十九条: the fine was taken on the spot — no bank, no 15 days, no 加处罚款 to announce.
        const { reason, receiptNo } = spot.collectedOnSpot;
        assertOnSpotCollectionAllowed(reason, spot.amount ?? 0);
        const basis = reason === 'remoteArea' ? '第六十九条' : `第六十八条${reason === 'upTo100' ? '第（一）项' : '第（二）项'}`;
        blocks.push({
          kind: 'paragraph',
          text:
            `依据${PENALTY_LAW}${basis}的规定，执法人员已当场收缴罚款${formatAmount(spot.amount ?? 0)}，` +
            `并向${y}出具财政部门统一制发的罚款专用票据（票据号：${receiptNo}）（${PENALTY_LAW}第七十条）。`,
        });
      } else {
        blocks.push(...paymentParagraphs(c, items));
      }
    }
    blocks.push(
      // 《行政复议法》第二十三条第一款第（一）项、第二款: a decision made on the spot goes to reconsideration first.
      { kind: 'paragraph', text: onSpotRemediesText(c.agency) },
      { kind: 'paragraph', text: `执法人员：${officerList(spot.officers)}` },
      { kind: 'signLines', lines: ['执法人员签名：', spot.partyRefusedToSign ? '当事人拒绝签收，执法人员已在本决定书上注明。' : '当事人签收：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日'] },
      { kind: 'paragraph', text: `本决定书当场交付当事人，并报${c.agency.name}备案（${PENALTY_LAW}第五十二条）。` },
      signature(c, date),
    );
    return doc(c, this, { number: spot.formNumber, date, blocks });
  },
};

export const correctionOrder: DocumentTemplate = {
  id: 'correction-order',
  name: '责令（限期）改正通知书',
  stage: '调查中/处罚时',
  basis: `${PENALTY_LAW}第二十八条第一款`,
  layout: 'letter',
  count: (c) => one(c.correctionOrder),
  required: [
    ...sealedFields,
    field('party.name', '当事人姓名或名称', (c) => c.party.name),
    field('correctionOrder.finding', '责令改正时查明的违法事实', (c) => c.correctionOrder?.finding),
    field('violatedProvision', '违反的法律条款', (c) => c.violatedProvision),
    field('correctionOrder.number', '通知书文号', (c) => c.correctionOrder?.number),
    field('correctionOrder.date', '通知日期', (c) => c.correctionOrder?.date),
    field('correctionOrder.requirement', '责令改正的内容', (c) => c.correctionOrder?.requirement),
  ],
  build(c) {
    assertSealMatchesAgency(c.agency);
    const order = must(c.correctionOrder, '责令改正');
    const docNumber = number(order.number, '通知书文号');
    const y = you(c.party);
    if (order.deadline) assertNotBefore(order.deadline, order.date, '改正期限', '通知日期');
    const when = order.deadline ? `于${formatDate(order.deadline)}前` : '立即';
    const consequence = c.penaltyProvision
      ? `逾期不改正的，本机关将依据${c.penaltyProvision}的规定依法处理。`
      : '逾期不改正的，本机关将依法处理。';
    const blocks: Block[] = [
      ...header(c, this.name, docNumber),
      addressee(c.party.name),
      { kind: 'paragraph', text: `经查，${y}${sentence(order.finding).slice(0, -1)}。上述行为违反了${must(c.violatedProvision, '违反的法律条款')}的规定。` },
      { kind: 'paragraph', text: `依据${PENALTY_LAW}第二十八条第一款${order.basis ? `和${order.basis}` : ''}的规定，现责令${y}${when}改正上述违法行为：${order.requirement.replace(/。$/, '')}。${consequence}` },
      contactLine(c),
      { kind: 'space' },
      signature(c, order.date),
    ];
    return doc(c, this, { number: docNumber, date: order.date, blocks });
  },
};

function proposedFields(prefix: string, notice: (c: DocumentCase) => unknown) {
  return [
    ...sealedFields,
    field('party.name', '当事人姓名或名称', (c) => c.party.name),
    ...factsFields,
    field('proposedPenalties', '拟作出的行政处罚', (c) => c.proposedPenalties),
    field('agency.contactPerson', '联系人', (c) => c.agency.contactPerson),
    field(`${prefix}.number`, '告知书文号', (c) => (notice(c) as { number?: unknown } | undefined)?.number),
    field(`${prefix}.date`, '告知日期', (c) => (notice(c) as { date?: unknown } | undefined)?.date),
  ];
}

function proposalParagraphs(c: DocumentCase): Block[] {
  const y = you(c.party);
  return [
    {
      kind: 'paragraph',
      text: `经查，${y}${sentence(must(c.facts, '违法事实'))}以上事实有${must(c.evidence, '证据').map((e) => e.name).join('、')}等证据证明。`,
    },
    {
      kind: 'paragraph',
      text:
        `${y}的上述行为违反了${must(c.violatedProvision, '违反的法律条款')}的规定。${discretionSentence(c)}` +
        `依据${must(c.penaltyProvision, '处罚依据')}的规定，本机关拟对${y}作出如下行政处罚：`,
    },
    ...penaltyLines(must(c.proposedPenalties, '拟作出的行政处罚')),
  ];
}

/** 《行政处罚法》第四十四条、第四十五条: facts, reasons, basis, proposed penalty and the right to state and defend. */
function statementRights(c: DocumentCase, ctx: RenderContext): Block {
  const period = (ctx.periods ?? penaltyPeriods).statement;
  const y = you(c.party);
  return {
    kind: 'paragraph',
    text:
      `依据${PENALTY_LAW}第四十四条、第四十五条的规定，${y}享有陈述、申辩的权利。${y}可以自收到本告知书之日起` +
      `${periodWords(period.days, period.kind)}内向本机关提出陈述、申辩意见；逾期未提出的，视为放弃此权利。` +
      `本机关将充分听取${y}的意见，对提出的事实、理由和证据进行复核，不会因${y}陈述、申辩而给予更重的处罚。`,
  };
}

/** Each document kind has its own number: a 事先告知书 and a 听证告知书 under one 文号 would be two documents with one number. */
function assertOwnNoticeNumber(c: DocumentCase): void {
  const a = c.priorNotice?.number;
  const b = c.hearingRightsNotice?.number;
  if (a && b && a.prefix === b.prefix && a.year === b.year && a.serial === b.serial) {
    throw validationError(
      `行政处罚事先告知书与行政处罚听证告知书不能共用一个文号（${formatDocumentNumber(a, '告知书文号')}）：一份告知书告知听证权利时即为听证告知书`,
      { field: 'hearingRightsNotice.number' },
    );
  }
}

export const priorNotice: DocumentTemplate = {
  id: 'prior-notice',
  name: '行政处罚事先告知书',
  stage: '告知',
  basis: `${PENALTY_LAW}第四十四条、第四十五条`,
  layout: 'letter',
  count: (c) => one(c.priorNotice),
  required: proposedFields('priorNotice', (c) => c.priorNotice),
  build(c, _i, ctx) {
    assertSealMatchesAgency(c.agency);
    assertOwnNoticeNumber(c);
    const notice = must(c.priorNotice, '事先告知');
    const docNumber = number(notice.number, '告知书文号');
    const blocks: Block[] = [
      ...header(c, this.name, docNumber),
      addressee(c.party.name),
      ...proposalParagraphs(c),
      statementRights(c, ctx),
      contactLine(c),
      { kind: 'space' },
      signature(c, notice.date),
    ];
    return doc(c, this, { number: docNumber, date: notice.date, blocks });
  },
};

export const hearingRightsNotice: DocumentTemplate = {
  id: 'hearing-rights-notice',
  name: '行政处罚听证告知书',
  stage: '告知',
  basis: `${PENALTY_LAW}第四十四条、第四十五条、第六十三条、第六十四条`,
  layout: 'letter',
  count: (c) => one(c.hearingRightsNotice),
  required: proposedFields('hearingRightsNotice', (c) => c.hearingRightsNotice),
  build(c, _i, ctx) {
    assertSealMatchesAgency(c.agency);
    assertOwnNoticeNumber(c);
    const notice = must(c.hearingRightsNotice, '听证告知');
    const docNumber = number(notice.number, '告知书文号');
    const request = (ctx.periods ?? penaltyPeriods).hearingRequest;
    const y = you(c.party);
    const blocks: Block[] = [
      ...header(c, this.name, docNumber),
      addressee(c.party.name),
      ...proposalParagraphs(c),
      statementRights(c, ctx),
      {
        kind: 'paragraph',
        text:
          `依据${PENALTY_LAW}第六十三条、第六十四条的规定，${y}有权要求举行听证。${y}要求听证的，应当自收到本告知书之日起` +
          `${periodWords(request.days, request.kind)}内向本机关提出；逾期未提出的，视为放弃听证权利。听证不收取费用。`,
      },
      contactLine(c),
      { kind: 'space' },
      signature(c, notice.date),
    ];
    return doc(c, this, { number: docNumber, date: notice.date, blocks });
  },
};

export const hearingNotice: DocumentTemplate = {
  id: 'hearing-notice',
  name: '行政处罚听证通知书',
  stage: '听证',
  basis: `${PENALTY_LAW}第六十四条`,
  layout: 'letter',
  count: (c) => one(c.hearing),
  required: [
    ...sealedFields,
    field('party.name', '当事人姓名或名称', (c) => c.party.name),
    field('hearing.requestDate', '听证申请日期', (c) => c.hearing?.requestDate),
    field('hearing.notice.number', '听证通知书文号', (c) => c.hearing?.notice.number),
    field('hearing.notice.date', '听证通知日期', (c) => c.hearing?.notice.date),
    field('hearing.start', '听证时间', (c) => c.hearing?.start),
    field('hearing.place', '听证地点', (c) => c.hearing?.place),
    field('hearing.host', '听证主持人', (c) => c.hearing?.host),
    field('hearing.recorder', '听证记录员', (c) => c.hearing?.recorder),
  ],
  build(c, _i, ctx) {
    assertSealMatchesAgency(c.agency);
    const hearing = must(c.hearing, '听证');
    const docNumber = number(hearing.notice.number, '听证通知书文号');
    // 《行政处罚法》第六十四条第（二）项: the notice states the time of the hearing, not only the day.
    if (!hasTime(hearing.start)) throw validationError('听证通知书须写明听证的具体时间（时、分）', { field: 'hearing.start' });
    const hearingDate = dateOf(hearing.start, '听证时间');
    assertNotBefore(hearing.notice.date, hearing.requestDate, '听证通知日期', '听证申请日期');
    assertHearingNoticeInTime(ctx.calendar, hearing.notice.date, hearingDate, ctx.periods);
    assertHearingHostIndependent(hearing.host, c.officers);
    const y = you(c.party);
    const officers = hearing.hearingOfficers.length > 0 ? `，听证员：${hearing.hearingOfficers.join('、')}` : '';
    const blocks: Block[] = [
      ...header(c, this.name, docNumber),
      addressee(c.party.name),
      {
        kind: 'paragraph',
        text:
          `根据${y}于${formatDate(hearing.requestDate)}提出的听证申请，本机关定于${formatDateTime(hearing.start, '听证时间')}在${hearing.place}` +
          `${hearing.publicHearing ? '公开' : '依法不公开'}举行${causeText(c)}一案听证会，请准时出席。`,
      },
      { kind: 'paragraph', text: `本次听证由${hearing.host}主持${officers}，记录员：${hearing.recorder}。` },
      {
        kind: 'paragraph',
        text:
          `依据${PENALTY_LAW}第六十四条的规定，${y}可以亲自参加听证，也可以委托一至二人代理；委托代理人参加的，应当在听证前向本机关提交授权委托书。` +
          `${y}认为主持人与本案有直接利害关系的，有权申请回避。${y}及代理人无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本机关终止听证。`,
      },
      contactLine(c),
      { kind: 'space' },
      signature(c, hearing.notice.date),
    ];
    return doc(c, this, { number: docNumber, date: hearing.notice.date, blocks });
  },
};

export const paymentReminder: DocumentTemplate = {
  id: 'payment-reminder',
  name: '催告书',
  stage: '执行',
  basis: `${PENALTY_LAW}第七十二条；《中华人民共和国行政强制法》第三十五条、第四十五条、第五十四条`,
  layout: 'letter',
  count: (c) => one(c.reminder),
  required: [
    ...sealedFields,
    field('party.name', '当事人姓名或名称', (c) => c.party.name),
    field('decision.number', '处罚决定书文号', (c) => c.decision?.number),
    field('decision.date', '决定日期', (c) => c.decision?.date),
    field('decision.penalties', '处罚种类和数额', (c) => c.decision?.penalties),
    field('services', '处罚决定书送达记录', (c) => c.services?.find((s) => s.documentName === '行政处罚决定书')),
    field('paymentAccount', '罚款缴纳账户', (c) => c.paymentAccount),
    field('reminder.number', '催告书文号', (c) => c.reminder?.number),
    field('reminder.date', '催告日期', (c) => c.reminder?.date),
    field('reminder.periodDays', '催告履行期限', (c) => c.reminder?.periodDays),
  ],
  build(c, _i, ctx) {
    assertSealMatchesAgency(c.agency);
    const reminder = must(c.reminder, '催告');
    const decision = must(c.decision, '处罚决定');
    const docNumber = number(reminder.number, '催告书文号');
    const decisionNumber = number(decision.number, '处罚决定书文号');
    const served = must(
      c.services?.find((s) => s.documentName === '行政处罚决定书'),
      '处罚决定书送达记录',
    );
    const fine = fineTotal(decision.penalties);
    if (fine === 0) throw validationError('处罚决定中没有罚款，不能制作加处罚款催告书', { field: 'decision.penalties' });
    if (c.payment && c.payment.paidDate <= reminder.date) {
      throw ruleViolation(`当事人已于${formatDate(c.payment.paidDate)}缴纳罚款，不能催告或加处罚款`, `${PENALTY_LAW}第七十二条第一款`, {
        paidDate: c.payment.paidDate,
      });
    }
    if (!Number.isInteger(reminder.periodDays) || reminder.periodDays < 1 || reminder.periodDays > 99) {
      throw validationError(`催告履行期限应为 1–99 日的整数：${String(reminder.periodDays)}`, { field: 'reminder.periodDays' });
    }
    const receivedOn = dateOf(served.servedAt, '送达时间');
    const deadline = paymentDeadline(ctx.calendar, receivedOn, ctx.periods);
    const overdue = daysOverdue(deadline, reminder.date);
    const surcharge = lateSurcharge(fine, overdue);
    const capped = surcharge === fine;
    const account = must(c.paymentAccount, '罚款缴纳账户');
    const y = you(c.party);
    const blocks: Block[] = [
      ...header(c, this.name, docNumber),
      addressee(c.party.name),
      {
        kind: 'paragraph',
        text:
          `本机关于${formatDate(decision.date)}作出《行政处罚决定书》（${decisionNumber}），决定对${y}处以${penaltySummary(decision.penalties)}。` +
          `该决定书已于${formatDate(receivedOn)}送达${y}，${y}应当于${formatDate(deadline)}前缴纳罚款（${PENALTY_LAW}第六十七条第三款），至今未缴纳。`,
      },
      {
        kind: 'paragraph',
        text:
          `依据${PENALTY_LAW}第七十二条第一款第（一）项的规定，到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额。` +
          `自${formatDate(addDays(deadline, 1))}起至${formatDate(reminder.date)}止，${y}已逾期${String(overdue)}日，` +
          `加处罚款${formatAmount(surcharge)}${capped ? '，已达罚款数额，不再增加' : `（${formatAmountFigures(fine)}元×3%×${String(overdue)}日）`}。`,
      },
      {
        kind: 'paragraph',
        text:
          `依据《中华人民共和国行政强制法》第三十五条、第四十五条的规定，现催告${y}自收到本催告书之日起${chineseNumeral(reminder.periodDays)}日内，` +
          `到${account.bank}（户名：${account.accountName}；账号：${account.account}）缴纳罚款${formatAmount(fine)}及加处罚款` +
          `${capped ? formatAmount(surcharge) : `（按每日罚款数额的百分之三计至缴清之日，最高不超过${formatAmount(fine)}）`}。`,
      },
      {
        kind: 'paragraph',
        text: `${y}收到本催告书后有权进行陈述和申辩（《中华人民共和国行政强制法》第三十五条第（四）项、第三十六条）。`,
      },
      {
        kind: 'paragraph',
        text: `逾期仍不履行的，本机关将依据《中华人民共和国行政强制法》第五十三条、第五十四条的规定，申请人民法院强制执行。`,
      },
      contactLine(c),
      { kind: 'space' },
      signature(c, reminder.date),
    ];
    return doc(c, this, { number: docNumber, date: reminder.date, blocks });
  },
};

export const transferLetter: DocumentTemplate = {
  id: 'transfer-letter',
  name: '案件移送函',
  stage: '移送',
  basis: `${PENALTY_LAW}第十七条、第二十七条第一款`,
  layout: 'letter',
  count: (c) => one(c.transfer),
  required: [
    ...sealedFields,
    field('party.name', '当事人姓名或名称', (c) => c.party.name),
    field('transfer.number', '移送函文号', (c) => c.transfer?.number),
    field('transfer.date', '移送日期', (c) => c.transfer?.date),
    field('transfer.recipient', '接收机关', (c) => c.transfer?.recipient),
    field('transfer.reason', '移送理由', (c) => c.transfer?.reason),
    field('transfer.basis', '移送依据', (c) => c.transfer?.basis),
    field('transfer.materials', '移送材料清单', (c) => c.transfer?.materials),
  ],
  build(c) {
    assertSealMatchesAgency(c.agency);
    const transfer = must(c.transfer, '移送');
    const docNumber = number(transfer.number, '移送函文号');
    const blocks: Block[] = [
      ...header(c, this.name, docNumber),
      addressee(transfer.recipient),
      {
        kind: 'paragraph',
        text:
          `本机关在查处${c.party.name}${causeText(c)}一案中，${transfer.reason.replace(/。$/, '')}。` +
          `依据${transfer.basis}的规定，现将该案移送你单位依法处理。请在收到本函及所附材料后予以回复。`,
      },
      { kind: 'space' },
      { kind: 'paragraph', text: `附件：${transfer.materials.length > 1 ? '1. ' : ''}${transfer.materials[0]?.name ?? ''}（${transfer.materials[0]?.count ?? ''}）` },
      ...transfer.materials.slice(1).map((m, i): Block => ({ kind: 'paragraph', text: `\u3000\u3000\u3000${String(i + 2)}. ${m.name}（${m.count}）` })),
      { kind: 'space' },
      signature(c, transfer.date),
    ];
    return doc(c, this, { number: docNumber, date: transfer.date, blocks });
  },
};

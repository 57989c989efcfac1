/**
 * 审批表 (internal approval forms) of acts the case engine records: 不予立案, 撤销立案, 中止/恢复/终止调查, the penalty
 * decision and 延期（分期）缴纳罚款. Each prints what the step recorded — the reason, and the head who took the step
 * as 负责人审批意见 — and the 承办人意见 and 承办机构意见 each signed by its author before the act (`signOpinion`); a place
 * nobody signed is left blank with a signature line, as the paper form is filled by hand.
 */
import { validationError } from '../../errors.ts';
import type { Block, Cell } from '../blocks.ts';
import { dateOf, formatAmount, formatDate, formatDocumentNumber } from '../format.ts';
import { fineTotal, PENALTY_LAW } from '../legal.ts';
import { caseSources, legalReviewConclusions, type ApprovedAct, type DocumentCase, type Opinion } from '../model.ts';
import { field, must, type DocumentTemplate, type RequiredField } from '../requirements.ts';
import { madeStatements } from '../statement-list.ts';
import { baseFields, caseNumberField, checkedCreditCode, doc, header, officerList, penaltySummary, personIdentity } from './common.ts';

const label = (text: string): Cell => ({ text, label: true });
const value = (text: string, span = 3, minLines?: number): Cell => (minLines ? { text, span, minLines } : { text, span });

/** The signature line of a place filled by hand (签名、日期). */
export const HANDWRITTEN = '\n\n签名：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日';

/** An opinion the case records: its text, the signer and the date. */
function signed(text: string, by: string, date: string): Cell {
  return value(`${text}\n签名：${by}\u3000\u3000${formatDate(date)}`, 3, 3);
}

/** A place the case does not record: blank, with the signature line. */
const blank = (): Cell => value(HANDWRITTEN, 3, 3);

/** A place of the form: the opinion signed on it, or blank for the pen. */
const signedOrBlank = (o: Opinion | undefined): Cell => (o?.text ? signed(o.text, o.by, o.date) : blank());

/** The party in one cell: 姓名、性别、年龄、身份证号、住址、电话, or 名称、信用代码、法定代表人、地址、电话. */
export function partyText(c: DocumentCase, on: string): string {
  const p = c.party;
  const phone = p.phone ? `，联系电话：${p.phone}` : '';
  if (p.kind === 'person') {
    const f = personIdentity(p, on);
    const facts = [f.sex, f.age === null ? null : `${String(f.age)}岁`].filter(Boolean).join('，');
    return `${p.name}，${facts ? `${facts}，` : ''}${f.idLabel}：${f.value}，住址：${p.address}${phone}`;
  }
  return `${p.name}，统一社会信用代码：${checkedCreditCode(p.creditCode, '当事人统一社会信用代码')}，${p.legalRepresentativeTitle}：${p.legalRepresentative}，地址：${p.address}${phone}`;
}

const partyPresent: RequiredField[] = [
  field('party.name', '当事人姓名或名称', (c) => c.party.name),
  field('party.address', '当事人住址或地址', (c) => c.party.address),
];

/** The head rows of an approval form of a filed case: 案件编号, 案由, 当事人, 立案日期 and the officers. */
function filedCaseRows(c: DocumentCase, on: string): Cell[][] {
  const filing = must(c.filing, '立案');
  return [
    [label('案由'), value(c.causeOfAction, 1), label('立案日期'), value(formatDate(filing.date), 1)],
    [label('当事人'), value(partyText(c, on), 3, 2)],
    [label('承办人'), value(officerList(c.officers))],
  ];
}

const filedFields: RequiredField[] = [
  ...baseFields,
  ...partyPresent,
  caseNumberField,
  field('filing.date', '立案日期', (c) => c.filing?.date),
  field('officers', '承办人及执法证号', (c) => c.officers),
];

/** Label columns wide enough for a 7-character label (负责人审批意见) on one line at the form's size. */
const WIDTHS = [24, 26, 20, 30];

function approvalForm(c: DocumentCase, template: { id: string; name: string }, date: string, rows: Cell[][], numbered = true) {
  const blocks: Block[] = [...header(c, template.name)];
  if (numbered && c.caseNumber.prefix) blocks.push({ kind: 'number', text: `案件编号：${formatDocumentNumber(c.caseNumber, '案件编号')}` });
  blocks.push({ kind: 'table', widths: WIDTHS, rows, size: 'small' });
  return doc(c, template, { date, blocks });
}

/** An act the head approved by taking its step, printed on its form: reason, blank 承办 places, the head's approval. */
function actRows(act: ApprovedAct, reasonLabel: string, approval: string): Cell[][] {
  return [
    [label(reasonLabel), value(act.reason, 3, 3)],
    [label('承办人意见'), signedOrBlank(act.undertakerOpinion)],
    [label('承办机构意见'), signedOrBlank(act.unitOpinion)],
    [label('负责人审批意见'), signed(approval, act.approvedBy, act.date)],
  ];
}

function actFields(path: string, what: string, get: (c: DocumentCase, i: number) => ApprovedAct | undefined): RequiredField[] {
  return [
    field(`${path}.date`, `${what}日期`, (c, i) => get(c, i)?.date),
    field(`${path}.reason`, `${what}理由`, (c, i) => get(c, i)?.reason),
    field(`${path}.approvedBy`, `批准${what}的负责人`, (c, i) => get(c, i)?.approvedBy),
  ];
}

export const declineApproval: DocumentTemplate = {
  id: 'decline-approval',
  name: '不予立案审批表',
  stage: '立案',
  // 《行政处罚法》第五十四条第二款: only a case meeting the filing standard is filed; the head decides it does not.
  basis: `${PENALTY_LAW}第五十四条第二款`,
  layout: 'form',
  count: (c) => (c.decline ? 1 : 0),
  absence: '本案未作出不予立案决定',
  required: [...baseFields, ...partyPresent, field('clueSummary', '案情摘要', (c) => c.clueSummary), ...actFields('decline', '不予立案', (c) => c.decline)],
  build(c) {
    const act = must(c.decline, '不予立案');
    const rows: Cell[][] = [
      [label('案件来源'), value(caseSources[c.source], 1), label('案由'), value(c.causeOfAction, 1)],
      [label('当事人'), value(partyText(c, act.date), 3, 2)],
      [label('案情摘要'), value(must(c.clueSummary, '案情摘要'), 3, 3)],
      ...actRows(act, '不予立案理由', '同意不予立案。'),
    ];
    return approvalForm(c, this, act.date, rows, false);
  },
};

export const withdrawalApproval: DocumentTemplate = {
  id: 'withdrawal-approval',
  name: '撤销立案审批表',
  stage: '立案',
  // Filing is the agency's own act under 第五十四条第二款; a case filed that does not meet the standard is withdrawn
  // with the head's approval (the same approval the filing had, 立案审批表).
  basis: `${PENALTY_LAW}第五十四条第二款`,
  layout: 'form',
  count: (c) => (c.withdrawal ? 1 : 0),
  absence: '本案未撤销立案',
  required: [...filedFields, ...actFields('withdrawal', '撤销立案', (c) => c.withdrawal)],
  build(c) {
    const act = must(c.withdrawal, '撤销立案');
    return approvalForm(c, this, act.date, [...filedCaseRows(c, act.date), ...actRows(act, '撤销立案理由', '同意撤销立案。')]);
  },
};

/**
 * 中止/恢复/终止调查: the 行政处罚法 names no article for them; they are the head's approval of the investigation's
 * course (第五十四条第一款: the agency investigates fully; 第五十七条: the head decides on the investigation's result).
 */
const INVESTIGATION_BASIS = `${PENALTY_LAW}第五十四条第一款、第五十七条；行政机关负责人审批（办案程序）`;

export const suspensionApproval: DocumentTemplate = {
  id: 'suspension-approval',
  name: '中止调查审批表',
  stage: '调查取证',
  basis: INVESTIGATION_BASIS,
  layout: 'form',
  count: (c) => c.suspensions?.length ?? 0,
  absence: '本案未中止调查',
  required: [...filedFields, ...actFields('suspensions[]', '中止调查', (c, i) => c.suspensions?.[i])],
  build(c, i) {
    const act = must(c.suspensions?.[i], '中止调查');
    return approvalForm(c, this, act.date, [...filedCaseRows(c, act.date), ...actRows(act, '中止调查理由', '同意中止调查。')]);
  },
};

export const resumptionApproval: DocumentTemplate = {
  id: 'resumption-approval',
  name: '恢复调查审批表',
  stage: '调查取证',
  basis: INVESTIGATION_BASIS,
  layout: 'form',
  count: (c) => c.resumptions?.length ?? 0,
  absence: '本案未恢复调查',
  required: [...filedFields, ...actFields('resumptions[]', '恢复调查', (c, i) => c.resumptions?.[i])],
  build(c, i) {
    const act = must(c.resumptions?.[i], '恢复调查');
    const suspended = c.suspensions?.[i];
    const rows = [...filedCaseRows(c, act.date)];
    if (suspended) rows.push([label('中止调查'), value(`${formatDate(suspended.date)}经${suspended.approvedBy}批准中止调查，理由：${suspended.reason.replace(/。$/, '')}。`, 3, 2)]);
    return approvalForm(c, this, act.date, [...rows, ...actRows(act, '恢复调查理由', '同意恢复调查。')]);
  },
};

export const terminationApproval: DocumentTemplate = {
  id: 'termination-approval',
  name: '终止调查审批表',
  stage: '调查取证',
  basis: INVESTIGATION_BASIS,
  layout: 'form',
  count: (c) => (c.termination ? 1 : 0),
  absence: '本案未终止调查',
  required: [...filedFields, ...actFields('termination', '终止调查', (c) => c.termination)],
  build(c) {
    const act = must(c.termination, '终止调查');
    return approvalForm(c, this, act.date, [...filedCaseRows(c, act.date), ...actRows(act, '终止调查理由', '同意终止调查。')]);
  },
};

/** 拟处理意见 / 决定 of the decision form, from what was decided. */
function decisionText(c: DocumentCase): string {
  if (c.decision) return `同意。决定给予当事人${penaltySummary(c.decision.penalties)}的行政处罚。`;
  if (c.noPenaltyDecision) return '同意。决定不予行政处罚。';
  if (c.transfer) return `同意。决定将本案移送${c.transfer.recipient || '司法机关'}。`;
  throw validationError('无法生成《行政处罚决定审批表》，缺少必填内容：处理决定', { fields: [{ path: 'decision', label: '处理决定' }] });
}

function reviewText(c: DocumentCase): string {
  const r = c.legalReview;
  if (!r) return '未经法制审核。';
  const remarks = r.remarks ? `${r.remarks.replace(/。$/, '')}。` : '';
  return `${legalReviewConclusions[r.conclusion]}${remarks}\n审核人：${r.reviewers.map((x) => x.name).join('、')}\u3000\u3000${formatDate(r.date)}`;
}

function statementText(c: DocumentCase): string {
  const s = c.statement;
  const made = madeStatements(c);
  // Each statement the party made with its own 复核 (第四十五条第一款); dated when there are several.
  const parts = made.map((m) => {
    const on = made.length > 1 && m.date ? formatDate(m.date) : '';
    return `当事人${on}提出陈述、申辩：${(m.summary ?? '').replace(/。$/, '')}。复核意见：${(m.review ?? '').replace(/。$/, '')}。`;
  });
  if (!made.length && s?.waived) parts.push('当事人明确放弃陈述、申辩权利。');
  else if (!made.length && c.priorNotice) parts.push('当事人未提出陈述、申辩意见。');
  if (c.hearing?.investigatorStatement) parts.push(c.hearing.start ? `本案于${formatDate(dateOf(c.hearing.start, '听证时间'))}举行听证。` : '本案举行了听证。');
  return parts.join('\n') || '无';
}

export const decisionApproval: DocumentTemplate = {
  id: 'decision-approval',
  name: '行政处罚决定审批表',
  stage: '决定',
  // 《行政处罚法》第五十七条第一款: after the investigation the head reviews its result and decides; 第五十八条: the
  // legal review comes before that decision; 第五十七条第二款: collective discussion where required.
  basis: `${PENALTY_LAW}第五十七条、第五十八条`,
  layout: 'form',
  count: (c) => (c.decisionApproval ? 1 : 0),
  absence: '本案尚未作出处理决定',
  required: [
    ...filedFields,
    field('facts', '违法事实', (c) => c.facts),
    field('investigationReport.proposal', '承办人拟处理意见', (c) => c.investigationReport?.proposal),
    field('investigationReport.date', '调查终结日期', (c) => c.investigationReport?.date),
    field('decisionApproval.date', '决定日期', (c) => c.decisionApproval?.date),
    field('decisionApproval.decidedBy', '作出决定的负责人', (c) => c.decisionApproval?.decidedBy),
  ],
  build(c) {
    const approval = must(c.decisionApproval, '处理决定');
    const report = must(c.investigationReport, '案件调查终结报告');
    const rows: Cell[][] = [
      ...filedCaseRows(c, approval.date),
      [label('违法事实'), value(must(c.facts, '违法事实'), 3, 3)],
      [label('违反条款'), value(c.violatedProvision ?? '无')],
      [label('处罚依据'), value(c.penaltyProvision ?? '无')],
      [label('裁量理由'), value(c.discretion ? `${c.discretion.tier ? `${c.discretion.tier}。` : ''}${c.discretion.reason}` : '无', 3, 2)],
      [label('拟处理意见'), value(`${report.proposal}\n承办人：${c.officers.map((o) => o.name).join('、')}\u3000\u3000${formatDate(report.date)}`, 3, 3)],
      [label('陈述申辩'), value(statementText(c), 3, 2)],
      [label('法制审核意见'), value(reviewText(c), 3, 2)],
    ];
    if (c.collectiveDiscussion) rows.push([label('集体讨论意见'), value(c.collectiveDiscussion.conclusion, 3, 2)]);
    rows.push([label('负责人审批意见'), signed(decisionText(c), approval.decidedBy, approval.date)]);
    return approvalForm(c, this, approval.date, rows);
  },
};

export const deferralApproval: DocumentTemplate = {
  id: 'deferral-approval',
  name: '延期（分期）缴纳罚款审批表',
  stage: '执行',
  basis: `${PENALTY_LAW}第六十六条第二款`,
  layout: 'form',
  count: (c) => (c.deferral ? 1 : 0),
  absence: '本案未批准延期或者分期缴纳罚款',
  required: [
    ...filedFields,
    field('decision.number', '处罚决定书文号', (c) => c.decision?.number),
    field('decision.penalties', '处罚种类和数额', (c) => c.decision?.penalties),
    field('deferral.date', '批准日期', (c) => c.deferral?.date),
    field('deferral.reason', '批准理由', (c) => c.deferral?.reason),
    field('deferral.approvedBy', '批准的负责人', (c) => c.deferral?.approvedBy),
    field('deferral.instalments', '缴纳计划', (c) => c.deferral?.instalments),
  ],
  build(c) {
    const d = must(c.deferral, '延期（分期）缴纳罚款');
    const decision = must(c.decision, '处罚决定');
    const kind = d.instalments.length > 1 ? '分期' : '延期';
    const plan = d.instalments.map((p, i) => `${d.instalments.length > 1 ? `第${String(i + 1)}期：` : ''}${formatDate(p.dueOn)}前缴纳${formatAmount(p.amount)}`).join('；');
    const paid = c.payment ? `已缴纳${formatAmount(c.payment.amount)}` : '未缴纳';
    const rows: Cell[][] = [
      ...filedCaseRows(c, d.date),
      [label('处罚决定书文号'), value(formatDocumentNumber(decision.number, '处罚决定书文号'), 1), label('罚款数额'), value(formatAmount(fineTotal(decision.penalties)), 1)],
      [label('已缴纳情况'), value(`截至${formatDate(d.date)}${paid}`)],
      [label('当事人申请'), value(`当事人申请${kind}缴纳罚款（申请日期：\u3000\u3000年\u3000\u3000月\u3000\u3000日）`, 3, 2)],
      [label(`${kind}缴纳计划`), value(`${plan}。`, 3, 2)],
      [label('承办人意见'), signedOrBlank(d.undertakerOpinion)],
      [label('负责人审批意见'), signed(`同意${kind}缴纳罚款。理由：${d.reason.replace(/。$/, '')}。`, d.approvedBy, d.date)],
    ];
    return approvalForm(c, this, d.date, rows);
  },
};

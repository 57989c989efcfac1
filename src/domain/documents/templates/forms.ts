/** 表 (forms): approval forms, the service receipt, the closing report and the case-file cover and contents. */
import { ruleViolation, validationError } from '../../errors.ts';
import type { Block, Cell } from '../blocks.ts';
import { dateOf, formatAmount, formatDate, formatDateTime, formatDocumentNumber } from '../format.ts';
import { assertTwoOfficers, PENALTY_LAW } from '../legal.ts';
import { caseSources, serviceMethods, type DocumentCase, type Opinion, type ServiceRecord } from '../model.ts';
import { field, must, type DocumentTemplate, type RenderContext } from '../requirements.ts';
import { baseFields, caseNumberField, checkedCreditCode, doc, header, officerList, partyFields, penaltySummary, personIdentity } from './common.ts';

const label = (text: string, span = 1): Cell => ({ text, label: true, span });
const mergedLabel = (text: string): Cell => ({ text, label: true, vMerge: 'restart' });
const mergedBelow: Cell = { text: '', label: true, vMerge: 'continue' };
const value = (text: string, span = 1, minLines?: number): Cell => (minLines ? { text, span, minLines } : { text, span });

function opinionCell(o: Opinion, signer: string, span: number): Cell {
  return { text: `${o.text}\n${signer}：${o.by}\u3000\u3000${formatDate(o.date)}`, span, minLines: 3 };
}

/** The party rows of a form: person (姓名、性别、年龄、身份证号、住址、电话、职业) or organization (名称、信用代码、法定代表人、地址、电话). */
function partyRows(c: DocumentCase, on: string): Cell[][] {
  const p = c.party;
  if (p.kind === 'person') {
    const f = personIdentity(p, on);
    return [
      [mergedLabel('当事人'), label('姓名'), value(p.name), label('性别'), value(f.sex ?? '—')],
      [mergedBelow, label(p.idType ? '证件号码' : '身份证号'), value(p.idType ? `${f.value}（${f.idLabel.replace(/号码/, '')}）` : f.value), label('年龄'), value(f.age === null ? '—' : `${String(f.age)}岁`)],
      [mergedBelow, label('住址'), value(p.address), label('联系电话'), value(p.phone ?? '未提供')],
      [mergedBelow, label('职业'), value(p.occupation ?? '未提供', 3)],
    ];
  }
  return [
    [mergedLabel('当事人'), label('名称'), value(p.name, 3)],
    [mergedBelow, label('信用代码'), value(checkedCreditCode(p.creditCode, '当事人统一社会信用代码')), label(p.legalRepresentativeTitle), value(p.legalRepresentative)],
    [mergedBelow, label('地址'), value(p.address), label('联系电话'), value(p.phone ?? '未提供')],
  ];
}

/** Column widths (percent) of the 立案审批表: a 4-character label at 4号 needs 15 %, a date 26 %. */
const WIDE = [15, 15, 26, 18, 26];

export const filingApproval: DocumentTemplate = {
  id: 'filing-approval',
  name: '立案审批表',
  stage: '立案',
  basis: `${PENALTY_LAW}第五十四条第二款（符合立案标准的，应当及时立案）、第六十条`,
  layout: 'form',
  count: (c) => (c.filing ? 1 : 0),
  required: [
    ...baseFields,
    ...partyFields,
    caseNumberField,
    field('officers', '承办人及执法证号', (c) => c.officers),
    field('filing.date', '立案日期', (c) => c.filing?.date),
    field('filing.summary', '案情摘要', (c) => c.filing?.summary),
    field('filing.reason', '立案理由', (c) => c.filing?.reason),
    field('filing.officerOpinion', '承办人意见', (c) => c.filing?.officerOpinion.text),
    field('filing.unitOpinion', '承办机构意见', (c) => c.filing?.unitOpinion.text),
    field('filing.headApproval', '行政机关负责人审批意见', (c) => c.filing?.headApproval.text),
  ],
  build(c) {
    const f = must(c.filing, '立案');
    assertTwoOfficers(c.officers, '承办案件');
    const caseNo = formatDocumentNumber(c.caseNumber, '案件编号');
    const source = caseSources[c.source];
    const rows: Cell[][] = [
      [label('案件来源'), value(source, 2), label('立案日期'), value(formatDate(f.date))],
      [label('案由'), value(c.causeOfAction, 4)],
      ...partyRows(c, f.date),
      [label('案情摘要'), value(f.summary, 4, 4)],
      [label('立案理由'), value(f.reason, 4, 2)],
      [label('承办人意见'), { text: `${f.officerOpinion.text}\n承办人：${officerList(c.officers)}\n${formatDate(f.officerOpinion.date)}`, span: 4, minLines: 3 }],
      [label('承办机构意见'), opinionCell(f.unitOpinion, '签名', 4)],
      [label('负责人审批意见'), opinionCell(f.headApproval, '签名', 4)],
    ];
    const blocks: Block[] = [...header(c, this.name), { kind: 'number', text: `编号：${caseNo}` }, { kind: 'table', widths: WIDE, rows, size: 'small' }];
    return doc(c, this, { number: caseNo, date: f.date, blocks });
  },
};

/** Ways of service where the recipient (or a 代收人) signs the form. */
const RECIPIENT_SIGNS: Record<ServiceRecord['method'], boolean> = {
  direct: true,
  entrusted: true,
  left: false,
  mail: false,
  electronic: false,
  announcement: false,
};

/** What stands in the recipient's signature cell when the recipient does not sign (《民事诉讼法》第八十九条至第九十五条). */
function recipientCell(s: ServiceRecord): string {
  switch (s.method) {
    case 'left':
      return '受送达人拒绝签收，已在见证人见证下将文书留置于送达地点';
    case 'mail':
      return '邮寄送达，以邮件回执上注明的收件日期为送达日期（回执附后）';
    case 'electronic':
      return '电子送达，以送达信息到达受送达人特定系统的日期为送达日期';
    case 'announcement':
      return '公告送达，自发出公告之日起经过三十日即视为送达（《中华人民共和国民事诉讼法》第九十五条）';
    case 'direct':
    case 'entrusted':
      return '';
  }
}

/** The particulars of the way of service, as recorded. */
function serviceNote(s: ServiceRecord): string {
  if (s.method === 'left') return `见证人：${must(s.witness, '见证人（留置送达）')}`;
  if (s.method === 'electronic') return `电子送达确认书：${must(s.electronicConsent, '当事人同意电子送达的确认书')}`;
  if (s.method === 'announcement') return `公告送达理由：${must(s.announcementReason, '公告送达理由').replace(/。$/, '')}`;
  return s.electronicConsent ? `电子送达确认书：${s.electronicConsent}` : '';
}

export const serviceReceipt: DocumentTemplate = {
  id: 'service-receipt',
  name: '送达回证',
  stage: '送达',
  basis: `${PENALTY_LAW}第六十一条`,
  layout: 'form',
  count: (c) => c.services?.length ?? 0,
  required: [
    ...baseFields,
    caseNumberField,
    field('services[].documentName', '送达文书名称', (c, i) => c.services?.[i]?.documentName),
    field('services[].recipient', '受送达人', (c, i) => c.services?.[i]?.recipient),
    field('services[].place', '送达地点', (c, i) => c.services?.[i]?.place),
    field('services[].servedAt', '送达时间', (c, i) => c.services?.[i]?.servedAt),
    field('services[].servers', '送达人', (c, i) => c.services?.[i]?.servers),
    field('services[].witness', '见证人（留置送达）', (c, i) => c.services?.[i]?.witness, (c, i) => c.services?.[i]?.method === 'left'),
    field(
      'services[].electronicConsent',
      '当事人同意电子送达的确认书',
      (c, i) => c.services?.[i]?.electronicConsent,
      (c, i) => c.services?.[i]?.method === 'electronic',
    ),
    field('services[].announcementReason', '公告送达理由', (c, i) => c.services?.[i]?.announcementReason, (c, i) => c.services?.[i]?.method === 'announcement'),
  ],
  build(c, i) {
    const s = must(c.services?.[i], '送达记录');
    // 《行政处罚法》第六十一条第二款: electronic service only with the party's consent and a signed confirmation.
    if (s.method === 'electronic' && !s.electronicConsent) {
      throw ruleViolation('电子送达须经当事人同意并签订确认书', `${PENALTY_LAW}第六十一条第二款`);
    }
    const docName = s.documentNumber ? `${s.documentName}（${formatDocumentNumber(s.documentNumber, '送达文书文号')}）` : s.documentName;
    // Signatures and their dates are written by hand on the printed form: nothing typed in a signature cell — except
    // the recipient's signature drawn on the screen at service (《行政处罚法》第六十一条), printed with the day it was drawn.
    const handwritten: Cell = { text: '\n\n年\u3000\u3000月\u3000\u3000日\u3000', minLines: 3, align: 'right' };
    const recipientSigned: Cell = s.partySignature
      ? { text: `${formatDate(s.partySignature.signedOn, '签名日期')}\u3000`, image: { digest: s.partySignature.digest, alt: '受送达人签名' }, minLines: 3, align: 'right' }
      : handwritten;
    const remark = [serviceNote(s), s.remark ?? ''].filter(Boolean).join('；') || '无';
    const rows: Cell[][] = [
      [label('送达文书名称及文号'), value(docName)],
      [label('受送达人'), value(s.recipient)],
      [label('送达地点'), value(s.place)],
      [label('送达方式'), value(serviceMethods[s.method])],
      [label('送达时间'), value(formatDateTime(s.servedAt, '送达时间'))],
      [label('受送达人签名或盖章'), RECIPIENT_SIGNS[s.method] ? recipientSigned : value(recipientCell(s))],
      [label('代收人及代收理由'), value(s.receiver ? `${s.receiver.name}（${s.receiver.reason}）（代收人签名见上栏）` : s.method === 'direct' ? '无（本人签收）' : '无')],
      [label('见证人签名'), s.method === 'left' ? handwritten : value('无')],
      [label('送达人签名'), handwritten],
      [label('备注'), value(remark)],
    ];
    const blocks: Block[] = [
      ...header(c, this.name),
      { kind: 'number', text: `案件编号：${formatDocumentNumber(c.caseNumber, '案件编号')}` },
      { kind: 'table', widths: [28, 72], rows, size: 'small' },
    ];
    return doc(c, this, { date: dateOf(s.servedAt, '送达时间'), blocks });
  },
};

function outcome(c: DocumentCase): string {
  if (c.decision) return `《行政处罚决定书》（${formatDocumentNumber(c.decision.number, '处罚决定书文号')}）：${penaltySummary(c.decision.penalties)}`;
  if (c.noPenaltyDecision) return `《不予行政处罚决定书》（${formatDocumentNumber(c.noPenaltyDecision.number, '不予处罚决定书文号')}）`;
  if (c.transfer) return `移送${c.transfer.recipient}（${formatDocumentNumber(c.transfer.number, '移送函文号')}）`;
  throw validationError('无法生成结案报告，缺少必填内容：处理结果（处罚决定、不予处罚决定或移送）', { fields: [{ path: 'decision', label: '处理结果' }] });
}

export const closingReport: DocumentTemplate = {
  id: 'closing-report',
  name: '行政处罚案件结案报告',
  stage: '结案',
  basis: '行政处罚案卷管理规定（实践）',
  layout: 'form',
  // A decision on the spot is filed with the agency (备案, 《行政处罚法》第五十二条): no 结案报告 is made for it.
  count: (c) => (c.closing && c.procedure !== 'simple' ? 1 : 0),
  absence: (c) => (c.procedure === 'simple' ? '简易程序案件的当场处罚决定报所属行政机关备案（《行政处罚法》第五十二条），不制作结案报告' : '本案尚未结案'),
  required: [
    ...baseFields,
    caseNumberField,
    field('party.name', '当事人姓名或名称', (c) => c.party.name),
    field('filing.date', '立案日期', (c) => c.filing?.date),
    field('decision', '处理结果（处罚决定、不予处罚决定或移送）', (c) => c.decision ?? c.noPenaltyDecision ?? c.transfer),
    field('closing.date', '结案日期', (c) => c.closing?.date),
    field('closing.execution', '执行情况', (c) => c.closing?.execution),
    field('closing.reason', '结案理由', (c) => c.closing?.reason),
    field('closing.undertakerOpinion', '承办人意见', (c) => c.closing?.undertakerOpinion.text),
    field('closing.reviewerOpinion', '审核人意见', (c) => c.closing?.reviewerOpinion.text),
    field('closing.headOpinion', '负责人意见', (c) => c.closing?.headOpinion.text),
  ],
  build(c) {
    const closing = must(c.closing, '结案');
    const filing = must(c.filing, '立案');
    const payment = c.payment
      ? `；罚没款${formatAmount(c.payment.amount)}已于${formatDate(c.payment.paidDate)}缴纳，票据号${c.payment.receiptNo}`
      : '';
    const rows: Cell[][] = [
      [label('案件编号'), value(formatDocumentNumber(c.caseNumber, '案件编号'), 3)],
      [label('案由'), value(c.causeOfAction, 3)],
      [label('当事人'), value(c.party.name, 3)],
      [label('立案日期'), value(formatDate(filing.date)), label('结案日期'), value(formatDate(closing.date))],
      [label('处理结果'), value(outcome(c), 3, 2)],
      [label('执行情况'), value(`${closing.execution.replace(/。$/, '')}${payment}。`, 3, 2)],
      [label('结案理由'), value(closing.reason, 3, 2)],
      [label('承办人意见'), opinionCell(closing.undertakerOpinion, '承办人', 3)],
      [label('审核人意见'), opinionCell(closing.reviewerOpinion, '审核人', 3)],
      [label('负责人意见'), opinionCell(closing.headOpinion, '负责人', 3)],
    ];
    const blocks: Block[] = [...header(c, this.name), { kind: 'table', widths: [22, 30, 20, 28], rows, size: 'small' }];
    return doc(c, this, { date: closing.date, blocks });
  },
};

function requireVolume(ctx: RenderContext, name: string) {
  if (!ctx.volume) {
    throw validationError(`《${name}》需要在组卷时生成（卷内页数由整卷排版得出），请生成整本案卷`, {
      fields: [{ path: 'volume', label: '卷内文件页数' }],
    });
  }
  return ctx.volume;
}

const archiveFields = [
  ...baseFields,
  caseNumberField,
  field('party.name', '当事人姓名或名称', (c) => c.party.name),
  field('filing.date', '立案日期', (c) => c.filing?.date),
  field('closing.date', '结案日期', (c) => c.closing?.date),
  field('archive.fileNumber', '案卷号', (c) => c.archive?.fileNumber),
  field('archive.retention', '保管期限', (c) => c.archive?.retention),
  field('archive.result', '处理结果', (c) => c.archive?.result),
  field('archive.archivedDate', '归档日期', (c) => c.archive?.archivedDate),
  field('archive.archivist', '立卷人', (c) => c.archive?.archivist),
];

export const caseFileCover: DocumentTemplate = {
  id: 'case-file-cover',
  name: '案卷封面',
  stage: '归档',
  basis: '行政处罚案卷管理规定（实践）',
  layout: 'form',
  count: (c) => (c.archive ? 1 : 0),
  required: archiveFields,
  build(c, _i, ctx) {
    const volume = requireVolume(ctx, this.name);
    const archive = must(c.archive, '归档');
    const rows: Cell[][] = [
      [label('案卷号'), value(archive.fileNumber)],
      [label('案件编号'), value(formatDocumentNumber(c.caseNumber, '案件编号'))],
      [label('案由'), value(c.causeOfAction)],
      [label('当事人'), value(c.party.name)],
      [label('处理结果'), value(archive.result, 1, 2)],
      [label('立案日期'), value(formatDate(must(c.filing, '立案').date))],
      [label('结案日期'), value(formatDate(must(c.closing, '结案').date))],
      [label('保管期限'), value(archive.retention)],
      [label('本卷页数'), value(`共${String(volume.totalPages)}页`)],
      [label('立卷人'), value(archive.archivist)],
      [label('归档日期'), value(formatDate(archive.archivedDate))],
    ];
    const blocks: Block[] = [
      { kind: 'space', lines: 2 },
      { kind: 'agency', text: c.agency.name },
      { kind: 'title', text: '行政处罚案卷' },
      { kind: 'space', lines: 2 },
      { kind: 'table', widths: [28, 72], rows },
    ];
    return doc(c, this, { date: archive.archivedDate, blocks, footer: { kind: 'none' } });
  },
};

export const caseFileIndex: DocumentTemplate = {
  id: 'case-file-index',
  name: '卷内目录',
  stage: '归档',
  basis: '行政处罚案卷管理规定（实践）',
  layout: 'form',
  count: (c) => (c.archive ? 1 : 0),
  required: archiveFields,
  build(c, _i, ctx) {
    const volume = requireVolume(ctx, this.name);
    const archive = must(c.archive, '归档');
    const rows: Cell[][] = [
      [label('序号'), label('文件名称'), label('文号或编号'), label('日期'), label('页号')],
      ...volume.entries.map((e, i): Cell[] => [
        { text: String(i + 1), align: 'center' },
        { text: e.name },
        { text: e.number ?? '无' },
        { text: formatDate(e.date), align: 'center' },
        { text: e.firstPage === e.lastPage ? String(e.firstPage) : `${String(e.firstPage)}–${String(e.lastPage)}`, align: 'center' },
      ]),
    ];
    const blocks: Block[] = [
      ...header(c, this.name),
      { kind: 'number', text: `案卷号：${archive.fileNumber}` },
      { kind: 'table', widths: [7, 31, 29, 21, 12], rows, size: 'compact', headerRows: 1 },
    ];
    return doc(c, this, { date: archive.archivedDate, blocks, footer: { kind: 'none' } });
  },
};

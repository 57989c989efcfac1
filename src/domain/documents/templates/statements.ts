/**
 * The party's statement and defence (陈述、申辩, 《行政处罚法》第四十五条) as the `recordStatement` step records it: the
 * 陈述申辩笔录 with its content — or the party's express waiver (第六十二条) — and the agency's 复核意见 on it. The step
 * records the day and the content, not the time, place or recorder of a hearing-room record: those are blank lines
 * filled by hand.
 */
import type { Block, Cell } from '../blocks.ts';
import { formatDate, formatDocumentNumber } from '../format.ts';
import { PENALTY_LAW } from '../legal.ts';
import type { DocumentCase } from '../model.ts';
import { madeStatements, recordedStatements } from '../statement-list.ts';
import { field, must, type DocumentTemplate } from '../requirements.ts';
import { partyText } from './approvals.ts';
import { baseFields, caseNumberField, doc, header, officerList } from './common.ts';

const SIGN_DATE = '\t年\u3000\u3000月\u3000\u3000日';
const BLANK = '\u3000'.repeat(6);

/** The prior notice the statement answers, as "《行政处罚事先告知书》（文号）". */
function noticeRef(c: DocumentCase): string {
  const n = c.priorNotice ?? c.hearingRightsNotice;
  return n ? `《行政处罚事先告知书》（${formatDocumentNumber(n.number, '事先告知书文号')}）` : '行政处罚事先告知书';
}

export const statementRecord: DocumentTemplate = {
  id: 'statement-record',
  name: '陈述申辩笔录',
  stage: '告知',
  basis: `${PENALTY_LAW}第四十五条、第六十二条`,
  layout: 'record',
  // One record per statement or waiver: a second statement is a second record, not a replacement of the first.
  count: (c) => recordedStatements(c).length,
  absence: (c) => (c.statement ? '当事人在规定期限内未提出陈述、申辩' : '本案尚未记录当事人的陈述、申辩'),
  required: [
    ...baseFields,
    field('party.name', '当事人姓名或名称', (c) => c.party.name),
    field('party.address', '当事人住址或地址', (c) => c.party.address),
    field('statement.date', '陈述申辩日期', (c, i) => recordedStatements(c)[i]?.date),
    field('statement.summary', '陈述申辩内容', (c, i) => recordedStatements(c)[i]?.summary, (c, i) => recordedStatements(c)[i]?.made === true),
    field('officers', '承办人及执法证号', (c) => c.officers),
  ],
  build(c, instance) {
    const s = must(recordedStatements(c)[instance], '陈述申辩');
    const date = must(s.date, '陈述申辩日期');
    const content: Block[] = s.made
      ? [
          { kind: 'paragraph', text: '陈述、申辩内容：', indent: false },
          { kind: 'paragraph', text: must(s.summary, '陈述申辩内容') },
        ]
      : [
          ...(s.summary?.trim() ? [{ kind: 'paragraph' as const, text: `当事人表示：${s.summary.trim()}` }] : []),
          { kind: 'paragraph', text: `当事人明确表示放弃陈述、申辩的权利（${PENALTY_LAW}第六十二条）。` },
        ];
    const blocks: Block[] = [
      ...header(c, this.name),
      {
        kind: 'fields',
        rows: [
          { label: '案由', value: c.causeOfAction },
          { label: '时间', value: `${formatDate(date)}\u3000\u3000时\u3000\u3000分至\u3000\u3000时\u3000\u3000分` },
          { label: '地点', value: BLANK.repeat(3) },
          { label: '陈述申辩人', value: partyText(c, date) },
          { label: '承办人及执法证号', value: officerList(c.officers) },
          { label: '记录人', value: s.recordedBy ?? BLANK },
        ],
      },
      {
        kind: 'paragraph',
        text:
          `执法人员出示了执法证件，告知当事人：本机关已以${noticeRef(c)}告知拟作出的行政处罚内容及事实、理由、依据；当事人有权进行陈述和申辩，` +
          `本机关将对当事人提出的事实、理由和证据进行复核，不会因当事人陈述、申辩而给予更重的处罚（${PENALTY_LAW}第四十五条）。`,
      },
      ...content,
      { kind: 'space' },
      {
        kind: 'signLines',
        lines: ['以上笔录我已看过，记录属实。', `陈述申辩人签名：${SIGN_DATE}`, `执法人员签名：${SIGN_DATE}`, `记录人签名：${SIGN_DATE}`],
      },
    ];
    return doc(c, this, { date, blocks, footer: { kind: 'pageOf', signer: '陈述申辩人签名：' } });
  },
};

const reviewed = (c: DocumentCase) => madeStatements(c).filter((s) => s.date);

const label = (text: string): Cell => ({ text, label: true });
const value = (text: string, minLines?: number): Cell => (minLines ? { text, minLines } : { text });

export const statementReview: DocumentTemplate = {
  id: 'statement-review',
  name: '陈述申辩复核意见书',
  stage: '告知',
  // 第四十五条第一款: the agency reviews the facts, reasons and evidence the party put forward and adopts what holds.
  basis: `${PENALTY_LAW}第四十五条第一款`,
  layout: 'form',
  // One per statement that raised points: each is reviewed on its own (第四十五条第一款).
  count: (c) => madeStatements(c).filter((s) => s.date).length,
  absence: (c) => (c.statement?.waived ? '当事人明确放弃陈述、申辩，无需复核' : '当事人未提出陈述、申辩，无需复核'),
  required: [
    ...baseFields,
    caseNumberField,
    field('party.name', '当事人姓名或名称', (c) => c.party.name),
    field('statement.date', '陈述申辩日期', (c, i) => reviewed(c)[i]?.date),
    field('statement.summary', '陈述申辩内容', (c, i) => reviewed(c)[i]?.summary),
    field('statement.review', '复核意见', (c, i) => reviewed(c)[i]?.review),
  ],
  build(c, instance) {
    const s = must(reviewed(c)[instance], '陈述申辩');
    const date = must(s.date, '陈述申辩日期');
    const reviewedOn = s.reviewedOn ?? date;
    const rows: Cell[][] = [
      [label('案件编号'), value(formatDocumentNumber(c.caseNumber, '案件编号'))],
      [label('案由'), value(c.causeOfAction)],
      [label('当事人'), value(c.party.name)],
      [label('告知情况'), value(`${noticeRef(c)}${c.priorNotice ? `，${formatDate(c.priorNotice.date)}告知` : ''}`)],
      [label('陈述申辩日期'), value(formatDate(date))],
      [label('陈述申辩内容'), value(must(s.summary, '陈述申辩内容'), 3)],
      [label('复核意见'), value(`${must(s.review, '复核意见')}\n复核人：${s.reviewedBy ?? s.recordedBy ?? BLANK}\u3000\u3000${formatDate(reviewedOn)}`, 3)],
      [label('承办机构意见'), value(`\n\n签名：${BLANK}${BLANK}年\u3000\u3000月\u3000\u3000日`, 3)],
    ];
    const blocks: Block[] = [...header(c, this.name), { kind: 'table', widths: [24, 76], rows, size: 'small' }];
    return doc(c, this, { date: reviewedOn, blocks });
  },
};

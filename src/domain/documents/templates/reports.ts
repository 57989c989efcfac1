/** Internal reports with headings (一、黑体 / （一）楷体): the investigation report and the legal review opinion. */
import { validationError } from '../../errors.ts';
import type { Block } from '../blocks.ts';
import { formatDate, formatDocumentNumber } from '../format.ts';
import { PENALTY_LAW } from '../legal.ts';
import { caseSources, legalReviewAspects, legalReviewConclusions, type LegalReviewAspect } from '../model.ts';
import { field, must, type DocumentTemplate } from '../requirements.ts';
import { baseFields, caseNumberField, doc, evidenceLines, header, officerList, partyFields, partyLine, penaltySummary, sentence } from './common.ts';

export const investigationReport: DocumentTemplate = {
  id: 'investigation-report',
  name: '案件调查终结报告',
  stage: '调查终结',
  basis: `${PENALTY_LAW}第五十七条`,
  layout: 'report',
  count: (c) => (c.investigationReport ? 1 : 0),
  required: [
    ...baseFields,
    ...partyFields,
    caseNumberField,
    field('filing.date', '立案日期', (c) => c.filing?.date),
    field('facts', '查明的违法事实', (c) => c.facts),
    field('evidence', '证据', (c) => c.evidence),
    field('violatedProvision', '违反的法律条款', (c) => c.violatedProvision),
    field('penaltyProvision', '处罚依据', (c) => c.penaltyProvision),
    field('discretion.reason', '裁量理由', (c) => c.discretion?.reason),
    field('investigationReport.date', '报告日期', (c) => c.investigationReport?.date),
    field('investigationReport.proposal', '拟处理意见', (c) => c.investigationReport?.proposal),
  ],
  build(c) {
    const report = must(c.investigationReport, '调查终结报告');
    const filing = must(c.filing, '立案');
    const discretion = must(c.discretion, '裁量理由');
    const proposed = c.proposedPenalties && c.proposedPenalties.length > 0 ? `拟给予的行政处罚：${penaltySummary(c.proposedPenalties)}。` : '';
    const blocks: Block[] = [
      ...header(c, this.name),
      { kind: 'number', text: `案件编号：${formatDocumentNumber(c.caseNumber, '案件编号')}` },
      { kind: 'heading', level: 1, text: '一、案件基本情况' },
      { kind: 'heading', level: 2, text: '（一）当事人基本情况' },
      { kind: 'paragraph', text: partyLine(c.party, report.date).replace(/^当事人：/, '') },
      { kind: 'heading', level: 2, text: '（二）案件来源及立案' },
      {
        kind: 'paragraph',
        text: `本案来源于${caseSources[c.source]}，于${formatDate(filing.date)}经本机关负责人批准立案，案由为${c.causeOfAction}。承办人：${officerList(c.officers)}。`,
      },
      { kind: 'heading', level: 1, text: '二、查明的违法事实' },
      { kind: 'paragraph', text: `当事人${sentence(must(c.facts, '违法事实'))}` },
      { kind: 'heading', level: 1, text: '三、证据' },
      ...evidenceLines(must(c.evidence, '证据')),
      { kind: 'heading', level: 1, text: '四、违法条款和处罚依据' },
      {
        kind: 'paragraph',
        text: `当事人的行为违反了${must(c.violatedProvision, '违反的法律条款')}的规定，依据${must(c.penaltyProvision, '处罚依据')}应予处罚。`,
      },
      { kind: 'heading', level: 1, text: '五、裁量理由' },
      {
        kind: 'paragraph',
        // 《行政处罚法》第三十四条: the benchmark and tier where one covers the violation; the reason always.
        // A reason for going outside the tier's range is said as that, never as a circumstance of the tier.
        text: [
          discretion.benchmark && discretion.tier ? `依据《${discretion.benchmark.replace(/^《|》$/g, '')}》，本案属于“${discretion.tier}”情形。` : '',
          discretion.reason !== discretion.outsideRange ? sentence(discretion.reason) : '',
          discretion.outsideRange ? `拟在该情形的裁量幅度以外确定处罚数额，理由是：${sentence(discretion.outsideRange)}` : '',
        ].join(''),
      },
      { kind: 'heading', level: 1, text: '六、拟处理意见' },
      { kind: 'paragraph', text: `${sentence(report.proposal)}${proposed}` },
      { kind: 'space' },
      { kind: 'signature', lines: [`承办人：${c.officers.map((o) => o.name).join('、')}`, formatDate(report.date)] },
    ];
    return doc(c, this, { date: report.date, blocks });
  },
};

const ASPECTS = Object.keys(legalReviewAspects) as LegalReviewAspect[];

export const legalReviewOpinion: DocumentTemplate = {
  id: 'legal-review',
  name: '法制审核意见书',
  stage: '决定前',
  basis: `${PENALTY_LAW}第五十八条`,
  layout: 'report',
  count: (c) => (c.legalReview ? 1 : 0),
  required: [
    ...baseFields,
    field('party.name', '当事人姓名或名称', (c) => c.party.name),
    caseNumberField,
    field('legalReview.reviewers', '审核人员', (c) => c.legalReview?.reviewers),
    field('legalReview.date', '审核日期', (c) => c.legalReview?.date),
    field('legalReview.findings', '审核情况', (c) => c.legalReview?.findings),
    field('legalReview.remarks', '审核建议（结论不是同意时必填）', (c) => c.legalReview?.remarks, (c) => c.legalReview?.conclusion !== 'approve'),
  ],
  build(c) {
    const review = must(c.legalReview, '法制审核');
    // The review covers every aspect 国办发〔2018〕118号 lists: 主体、权限、事实、证据、程序、法律适用、裁量、文书.
    const missing = ASPECTS.filter((aspect) => !review.findings.some((f) => f.aspect === aspect && f.finding.trim() !== ''));
    if (missing.length > 0) {
      throw validationError(`无法生成《${this.name}》，缺少必填内容：${missing.map((a) => `审核情况（${legalReviewAspects[a]}）`).join('、')}`, {
        document: this.name,
        fields: missing.map((a) => ({ path: `legalReview.findings.${a}`, label: `审核情况（${legalReviewAspects[a]}）` })),
      });
    }
    const proposal = c.investigationReport?.proposal;
    const blocks: Block[] = [
      ...header(c, this.name),
      { kind: 'number', text: `案件编号：${formatDocumentNumber(c.caseNumber, '案件编号')}` },
      { kind: 'heading', level: 1, text: '一、审核事项' },
      {
        kind: 'paragraph',
        text: `${c.party.name}${c.causeOfAction}${proposal ? `，承办机构拟处理意见：${proposal.replace(/。$/, '')}` : ''}。依据${PENALTY_LAW}第五十八条的规定，对本案进行法制审核。`,
      },
      { kind: 'heading', level: 1, text: '二、审核情况' },
      ...ASPECTS.flatMap((aspect, i): Block[] => {
        const finding = review.findings.find((f) => f.aspect === aspect)?.finding ?? '';
        return [{ kind: 'paragraph', text: `${String(i + 1)}. ${legalReviewAspects[aspect]}：${finding}` }];
      }),
      { kind: 'heading', level: 1, text: '三、审核意见' },
      { kind: 'paragraph', text: `经审核，${legalReviewConclusions[review.conclusion]}${review.remarks ? review.remarks : ''}` },
      { kind: 'space' },
      { kind: 'signature', lines: [`审核人员：${review.reviewers.map((r) => r.name).join('、')}`, formatDate(review.date)] },
    ];
    return doc(c, this, { date: review.date, blocks });
  },
};

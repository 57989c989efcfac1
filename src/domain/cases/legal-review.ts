/**
 * The legal review checklist (法制审核, 《行政处罚法》第五十八条). What a reviewer must examine is fixed by
 * 国办发〔2018〕118号 (《关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》),
 * part 四 “明确审核内容”: 执法主体是否合法, 是否超越法定权限, 事实是否清楚, 证据是否合法充分, 程序是否合法,
 * 适用法律是否准确, 裁量基准运用是否适当, 执法文书是否完备规范 — the eight items below, in that order. Local
 * 法制审核办法 repeat them. Each item has a result and a note; the 法制审核意见书 prints them per item (the keys are
 * those of `legalReviewAspects` in src/domain/documents/model.ts).
 */
import { z } from 'zod';
import { ruleViolation } from '../errors.ts';
import { art } from '../workflow/law.ts';

/** Where the eight items come from (cited by the checklist rules). */
export const REVIEW_CONTENT_BASIS = '国办发〔2018〕118号 第四部分“明确审核内容”';
export const LEGAL_REVIEW_ARTICLE = art('行政处罚法', 58);

export const reviewItems = {
  subject: { label: '主体', question: '执法主体是否合法，执法人员是否具备执法资格' },
  authority: { label: '权限', question: '是否在法定职权范围内，有无超越权限' },
  facts: { label: '事实', question: '违法事实是否清楚' },
  evidence: { label: '证据', question: '证据是否合法、确凿、充分' },
  procedure: { label: '程序', question: '执法程序是否合法' },
  lawApplication: { label: '法律适用', question: '适用法律、法规、规章是否准确' },
  discretion: { label: '裁量', question: '裁量基准运用是否适当，处罚是否适当' },
  documents: { label: '文书', question: '执法文书是否完备、规范' },
} as const;
export type ReviewItem = keyof typeof reviewItems;
export const reviewItemKeys = Object.keys(reviewItems) as ReviewItem[];

export interface ReviewItemResult {
  /** 合格 (true) or not. */
  passed: boolean;
  /** The reviewer's note; required when the item is not passed. */
  note: string;
}
export type ReviewChecklist = Record<ReviewItem, ReviewItemResult>;

function itemInput(key: ReviewItem) {
  const { label, question } = reviewItems[key];
  return z
    .object({
      passed: z.boolean({ error: `请选择“${label}”的审核结果` }).meta({ title: '合格' }),
      note: z.string({ error: `“${label}”的审核说明应为文字` }).trim().max(500, `“${label}”的审核说明不超过 500 个字`).default('').meta({ title: '审核说明' }),
    }, { error: `须填写“${label}”（${question}）的审核结果` })
    .meta({ title: label, description: question });
}

/** All eight items are required (国办发〔2018〕118号 第四部分“明确审核内容”: the review covers every one of them). */
export const reviewChecklistInput = z
  .object(
    {
      subject: itemInput('subject'),
      authority: itemInput('authority'),
      facts: itemInput('facts'),
      evidence: itemInput('evidence'),
      procedure: itemInput('procedure'),
      lawApplication: itemInput('lawApplication'),
      discretion: itemInput('discretion'),
      documents: itemInput('documents'),
    },
    { error: '须填写法制审核清单（主体、权限、事实、证据、程序、法律适用、裁量、文书八项）' },
  )
  .meta({ title: '审核清单' });

export interface ChecklistProblem {
  /** Path of the offending input field, e.g. `checklist.evidence.note`. */
  field: string;
  message: string;
}

/**
 * What is wrong with a review's conclusion and checklist, per the rules below; empty when consistent.
 * 《行政处罚法》第五十八条 and 国办发〔2018〕118号 第四部分: the review examines every item and its opinion states
 * the result of each, so the conclusion has to follow from the items.
 */
export function checklistProblems(passed: boolean, checklist: ReviewChecklist): ChecklistProblem[] {
  const failed = reviewItemKeys.filter((k) => !checklist[k].passed);
  const problems: ChecklistProblem[] = [];
  // A review that passes cannot have a failed item: 审核通过 means every examined aspect is lawful (Art. 58).
  for (const k of passed ? failed : []) {
    problems.push({ field: `checklist.${k}.passed`, message: `“${reviewItems[k].label}”审核不合格，审核结论不能为通过；请退回补正或改为合格` });
  }
  // A review that does not pass names at least one failed item: the opinion says what has to be corrected.
  if (!passed && failed.length === 0) {
    problems.push({ field: 'checklist', message: '审核不通过时，须至少有一项审核内容为不合格并写明理由' });
  }
  // A failed item needs a note: the written opinion states the problem and what to correct (国办发〔2018〕118号 第四部分).
  for (const k of failed.filter((key) => checklist[key].note.trim().length < 2)) {
    problems.push({ field: `checklist.${k}.note`, message: `“${reviewItems[k].label}”不合格，须写明问题和意见（至少 2 个字）` });
  }
  return problems;
}

/** Throws RULE_VIOLATION naming every inconsistency (with `details.fields` for the form), or returns. */
export function assertChecklistConsistent(passed: boolean, checklist: ReviewChecklist): void {
  const problems = checklistProblems(passed, checklist);
  if (problems.length) {
    throw ruleViolation(problems.map((p) => p.message).join('；'), `${LEGAL_REVIEW_ARTICLE}、${REVIEW_CONTENT_BASIS}`, { fields: problems });
  }
}

/** A checklist with every item passed (notes optional), e.g. for an approving review without remarks. */
export function allPassedChecklist(notes: Partial<Record<ReviewItem, string>> = {}): ReviewChecklist {
  return Object.fromEntries(reviewItemKeys.map((k) => [k, { passed: true, note: notes[k] ?? '' }])) as ReviewChecklist;
}

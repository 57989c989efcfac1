/**
 * The template catalogue: every enforcement document of issue 5 and of the acts added by issue 14 (approvals.ts,
 * notices.ts, statements.ts), its required data, and the order of the 卷内目录.
 * Sources: shared/data/enforcement-documents.md (sets A–I) and the 《行政处罚法》(2021).
 */
import { notFound, ruleViolation, validationError } from '../errors.ts';
import type { RenderedDocument } from './blocks.ts';
import type { DocumentCase } from './model.ts';
import { assertComplete, type DocumentTemplate, type RenderContext } from './requirements.ts';
import { caseFileCover, caseFileIndex, closingReport, filingApproval, serviceReceipt } from './templates/forms.ts';
import {
  correctionOrder,
  hearingNotice,
  hearingRightsNotice,
  noPenaltyDecision,
  onSpotDecision,
  paymentReminder,
  penaltyDecision,
  priorNotice,
  transferLetter,
} from './templates/letters.ts';
import { collectiveDiscussion, hearingRecord, inquiryRecord, inspectionRecord } from './templates/records.ts';
import { investigationReport, legalReviewOpinion } from './templates/reports.ts';
import {
  decisionApproval,
  declineApproval,
  deferralApproval,
  resumptionApproval,
  suspensionApproval,
  terminationApproval,
  withdrawalApproval,
} from './templates/approvals.ts';
import { declineNotice, deferralDecision, enforcementApplication, preservationDecision, preservationNotice } from './templates/notices.ts';
import { statementRecord, statementReview } from './templates/statements.ts';

/**
 * Every template, in the order of the 卷内目录: the concluding documents (决定书) first, then the others in the order
 * of the procedure, as provincial case-file rules arrange a penalty volume (结论性文书在前，其余按办案程序排列).
 * The cover and the contents open the volume and are not listed in it.
 */
export const documentTemplates: readonly DocumentTemplate[] = [
  caseFileCover,
  caseFileIndex,
  penaltyDecision,
  noPenaltyDecision,
  onSpotDecision,
  declineApproval,
  declineNotice,
  filingApproval,
  withdrawalApproval,
  inspectionRecord,
  inquiryRecord,
  preservationNotice,
  preservationDecision,
  correctionOrder,
  suspensionApproval,
  resumptionApproval,
  terminationApproval,
  investigationReport,
  legalReviewOpinion,
  collectiveDiscussion,
  priorNotice,
  hearingRightsNotice,
  statementRecord,
  statementReview,
  hearingNotice,
  hearingRecord,
  decisionApproval,
  serviceReceipt,
  deferralApproval,
  deferralDecision,
  paymentReminder,
  enforcementApplication,
  transferLetter,
  closingReport,
];

export type TemplateId = (typeof documentTemplates)[number]['id'];

/** Templates that open a volume and list the others. */
export const VOLUME_FRONT_MATTER = [caseFileCover.id, caseFileIndex.id];

/** Finds a template by id ('penalty-decision') or by its Chinese name ('行政处罚决定书', also without 行政处罚 prefix). */
export function findTemplate(idOrName: string): DocumentTemplate {
  const key = idOrName.trim();
  const found =
    documentTemplates.find((t) => t.id === key || t.name === key) ??
    documentTemplates.find((t) => t.name.replace(/[（(].*?[）)]/g, '') === key.replace(/[（(].*?[）)]/g, '')) ??
    documentTemplates.find((t) => t.name === `行政处罚${key}`);
  if (!found) {
    throw notFound(`文书类型“${key}”`, { available: documentTemplates.map((t) => t.name) });
  }
  return found;
}

/**
 * Why a case has none of the existing templates' documents, keyed by template id (the gap templates declare their
 * own `absence`): the refusal says so instead of listing fields a document that does not apply would need.
 */
const ABSENCE: Record<string, string | ((c: DocumentCase) => string)> = {
  'case-file-cover': '本案尚未归档',
  'case-file-index': '本案尚未归档',
  'penalty-decision': (c) => (c.onSpotDecision ? '本案适用简易程序当场作出处罚决定' : c.noPenaltyDecision ? '本案决定不予行政处罚' : '本案尚未作出行政处罚决定'),
  'no-penalty-decision': (c) => (c.decision || c.onSpotDecision ? '本案已作出行政处罚决定' : '本案未作出不予行政处罚决定'),
  'on-spot-decision': '本案不是简易程序（当场处罚）案件',
  'filing-approval': (c) => (c.decline ? '本案不予立案' : c.procedure === 'simple' ? '本案适用简易程序，不经立案' : '本案尚未立案'),
  'inspection-record': '本案无现场检查（勘验）记录',
  'inquiry-record': '本案无询问记录',
  'correction-order': '本案未责令改正',
  'investigation-report': '本案尚未调查终结',
  'legal-review': '本案未经法制审核',
  'collective-discussion': '本案未经负责人集体讨论',
  'prior-notice': '本案未事先告知',
  'hearing-rights-notice': '本案未告知听证权利',
  'hearing-notice': '本案无听证',
  'hearing-record': (c) => (c.hearing ? '本案听证尚未举行' : '本案无听证'),
  'service-receipt': '本案无送达记录',
  'payment-reminder': '本案未催告',
  'transfer-letter': '本案未移送',
  'closing-report': '本案尚未结案',
};

/** Why `c` has no document of `template`. */
export function absenceOf(template: DocumentTemplate, c: DocumentCase): string {
  const reason = template.absence ?? ABSENCE[template.id];
  if (typeof reason === 'function') return reason(c);
  return reason ?? '本案没有该文书对应的办案环节';
}

/**
 * Refuses a document the case does not have — its act was never taken ("本案无听证，不适用《行政处罚听证笔录》") — as a
 * RULE_VIOLATION citing the document's basis, distinct from the VALIDATION error of a document whose data is missing.
 */
export function assertApplicable(c: DocumentCase, template: DocumentTemplate): void {
  if (template.count(c) > 0) return;
  const reason = absenceOf(template, c);
  throw ruleViolation(`${reason}，不适用《${template.name}》`, template.basis, { document: template.name, notApplicable: reason });
}

/**
 * The content of one document of the case: checks every required field (one error naming all missing ones), then
 * builds it (which applies the document's legal rules). `instance` picks one of several (询问笔录 of the 2nd inquiry).
 */
export function renderDocumentContent(c: DocumentCase, template: DocumentTemplate, ctx: RenderContext, instance = 0): RenderedDocument {
  const available = template.count(c);
  if (!Number.isInteger(instance) || instance < 0) throw validationError(`文书序号应为非负整数：${String(instance)}`, { instance });
  assertApplicable(c, template);
  if (instance >= available) {
    throw validationError(`本案只有 ${String(available)} 份《${template.name}》，没有第 ${String(instance + 1)} 份`, { instance, available });
  }
  assertComplete(template.name, template.required, c, instance);
  return template.build(c, instance, ctx);
}

/** The documents a case has now, in 卷内目录 order (front matter excluded): template and instance. */
export function caseDocuments(c: DocumentCase): { template: DocumentTemplate; instance: number }[] {
  const list: { template: DocumentTemplate; instance: number }[] = [];
  for (const template of documentTemplates) {
    if (VOLUME_FRONT_MATTER.includes(template.id)) continue;
    const count = template.count(c);
    for (let instance = 0; instance < count; instance++) list.push({ template, instance });
  }
  return list;
}

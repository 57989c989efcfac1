/**
 * The template catalogue: every enforcement document of issue 5, its required data, and the order of the 卷内目录.
 * Sources: shared/data/enforcement-documents.md (sets A–I) and the 《行政处罚法》(2021).
 */
import { notFound, validationError } from '../errors.ts';
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
  filingApproval,
  inspectionRecord,
  inquiryRecord,
  correctionOrder,
  investigationReport,
  legalReviewOpinion,
  collectiveDiscussion,
  priorNotice,
  hearingRightsNotice,
  hearingNotice,
  hearingRecord,
  serviceReceipt,
  paymentReminder,
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
 * The content of one document of the case: checks every required field (one error naming all missing ones), then
 * builds it (which applies the document's legal rules). `instance` picks one of several (询问笔录 of the 2nd inquiry).
 */
export function renderDocumentContent(c: DocumentCase, template: DocumentTemplate, ctx: RenderContext, instance = 0): RenderedDocument {
  const available = template.count(c);
  if (!Number.isInteger(instance) || instance < 0) throw validationError(`文书序号应为非负整数：${String(instance)}`, { instance });
  if (available > 0 && instance >= available) {
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

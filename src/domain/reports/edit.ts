/**
 * The author's edits of a draft (issue #19 item 2; docs/REPORTS.md): words change, figures do not. A paragraph
 * without figure fields takes a new `text`; a paragraph with figures takes `texts`, one per text segment in order, so
 * its figure fields stay as the records wrote them (a refresh updates them). `order` rearranges a section's paragraphs;
 * one left out is deleted (a seeded shortcoming the author does not keep). Pure; refusals are Chinese VALIDATION errors
 * and nothing is applied.
 */
import { validationError } from '../errors.ts';
import type { Paragraph, ReportDraft } from './model.ts';
import type { SaveReportInput } from './views.ts';

export interface DraftEditResult {
  draft: ReportDraft;
  edited: { paragraphId: string; texts: string[] }[];
  removed: string[];
  reordered: string[];
}

const sectionKeyOf = (partKey: string, sectionKey: string) => (partKey === sectionKey ? partKey : `${partKey}:${sectionKey}`);

export function applyDraftEdits(draft: ReportDraft, input: Pick<SaveReportInput, 'edits' | 'order'>): DraftEditResult {
  const edits = input.edits ?? [];
  const order = input.order ?? [];
  if (!edits.length && !order.length) throw validationError('没有要修改的内容');
  const paragraphs = new Map<string, Paragraph>();
  for (const part of draft.parts) for (const section of part.sections) for (const p of section.paragraphs) paragraphs.set(p.id, p);

  const changed = new Map<string, Paragraph>();
  const edited: DraftEditResult['edited'] = [];
  for (const edit of edits) {
    const p = paragraphs.get(edit.paragraphId);
    if (!p) throw validationError(`报告中没有段落“${edit.paragraphId}”`, { fields: [{ field: 'edits', message: '段落不存在' }] });
    if (changed.has(p.id)) throw validationError(`段落“${p.id}”重复修改`);
    const textCount = p.segments.filter((s) => s.kind === 'text').length;
    const hasFigures = p.segments.some((s) => s.kind !== 'text');
    if ((edit.text === undefined) === (edit.texts === undefined)) throw validationError(`段落“${p.id}”：请提供 text（无数据的段落）或 texts（含数据的段落）之一`);
    if (edit.text !== undefined) {
      if (hasFigures) throw validationError(`段落“${p.id}”含有系统统计的数据，数据不能手工修改，只能修改其中的文字（texts）`, { fields: [{ field: 'edits', message: '含数据的段落只能修改文字部分' }] });
      changed.set(p.id, { ...p, segments: edit.text ? [{ kind: 'text', text: edit.text }] : [] });
      edited.push({ paragraphId: p.id, texts: [edit.text] });
      continue;
    }
    const texts = edit.texts ?? [];
    if (texts.length !== textCount) throw validationError(`段落“${p.id}”有 ${String(textCount)} 处文字，提交了 ${String(texts.length)} 处；数据部分不能增删`);
    let i = 0;
    changed.set(p.id, { ...p, segments: p.segments.map((s) => (s.kind === 'text' ? { kind: 'text', text: texts[i++] ?? '' } : s)) });
    edited.push({ paragraphId: p.id, texts });
  }

  const removed: string[] = [];
  const reordered: string[] = [];
  const orderBySection = new Map<string, string[]>();
  for (const o of order) {
    if (orderBySection.has(o.sectionKey)) throw validationError(`章节“${o.sectionKey}”的顺序重复提交`);
    orderBySection.set(o.sectionKey, o.paragraphIds);
  }
  const known = new Set<string>();
  const parts = draft.parts.map((part) => ({
    ...part,
    sections: part.sections.map((section) => {
      const key = sectionKeyOf(part.key, section.key);
      known.add(key);
      const current = section.paragraphs.map((p) => changed.get(p.id) ?? p);
      const ids = orderBySection.get(key);
      if (!ids) return { ...section, paragraphs: current };
      const byId = new Map(current.map((p) => [p.id, p]));
      const seen = new Set<string>();
      for (const id of ids) {
        if (!byId.has(id)) throw validationError(`章节“${key}”中没有段落“${id}”（段落不能移到其他章节）`);
        if (seen.has(id)) throw validationError(`段落“${id}”在顺序中重复出现`);
        seen.add(id);
      }
      for (const p of current) if (!seen.has(p.id)) removed.push(p.id);
      reordered.push(key);
      return { ...section, paragraphs: ids.map((id) => byId.get(id)!) };
    }),
  }));
  for (const key of orderBySection.keys()) if (!known.has(key)) throw validationError(`报告中没有章节“${key}”`);
  for (const id of removed) if (changed.has(id)) throw validationError(`段落“${id}”不能同时修改和删除`);
  return { draft: { ...draft, parts }, edited, removed, reordered };
}

/** Each section's key as `order` names it: the part's key for a part of one section, else `part:section`. */
export const draftSectionKeys = (draft: ReportDraft): string[] => draft.parts.flatMap((part) => part.sections.map((s) => sectionKeyOf(part.key, s.key)));

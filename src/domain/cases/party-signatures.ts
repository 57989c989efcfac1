/**
 * The party's signature drawn on the screen (issue 15) for the records the party signs: the 送达回证 of a served
 * document (受送达人签名, 《行政处罚法》第六十一条 with 《民事诉讼法》第八十七条), the 询问笔录 and the 现场检查（勘验）笔录
 * (当事人核对后签名, 《行政处罚法》第五十五条、第四十七条). The drawing is a PNG stored once under its SM3 digest, like an
 * evidence file; one signature per record, never replaced (a refusal to sign is written on the record itself).
 */
import { validationError } from '../errors.ts';
import type { PartySignature } from './document-records.ts';
import type { CaseAction } from './actions.ts';
import { serviceSteps } from './corrections.ts';
import type { CaseRecord } from './snapshot.ts';

export type { PartySignature };

/** Largest signature image accepted (a 1200×400 PNG of strokes is far smaller). */
export const MAX_SIGNATURE_BYTES = 512 * 1024;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The record `target` names, what it is called, and the step that recorded it; a clear error when absent. */
export function signableRecord(record: CaseRecord, target: string): { title: string; step: CaseAction } {
  const m = /^(services|inquiries|inspections)\.(\d{1,3})$/.exec(target);
  const index = Number(m?.[2] ?? -1);
  if (m?.[1] === 'services') {
    const s = record.services?.[index];
    if (s) return { title: `送达回证（${s.number ?? s.document}）`, step: serviceSteps[s.document] };
  }
  if (m?.[1] === 'inquiries' && record.inquiries?.[index]) return { title: `询问笔录（${record.inquiries[index].on}）`, step: 'recordInquiry' };
  if (m?.[1] === 'inspections' && record.inspections?.[index]) return { title: `现场检查（勘验）笔录（${record.inspections[index].on}）`, step: 'recordInspection' };
  throw validationError('未找到要签名的笔录或送达回证', { field: 'target' });
}

/** Checks a signature may be added to `target`: the record exists and is not signed yet. Returns its title. */
export function assertSignable(record: CaseRecord, target: string): string {
  const { title } = signableRecord(record, target);
  if ((record.partySignatures ?? []).some((s) => s.target === target)) throw validationError(`${title}已有当事人签名，签名不能替换`, { field: 'target' });
  return title;
}

/** The image is a PNG (what the signature pad produces), not empty and not too large. */
export function assertSignatureImage(data: Uint8Array): void {
  if (data.byteLength < 64) throw validationError('签名图片为空，请当事人在屏幕上签名');
  if (data.byteLength > MAX_SIGNATURE_BYTES) throw validationError(`签名图片不超过 ${MAX_SIGNATURE_BYTES / 1024} KB`);
  if (!PNG.every((b, i) => data[i] === b)) throw validationError('签名图片应为 PNG 格式');
}

/** Every record the party may sign, tied to the timeline entry of the step that recorded it (n-th entry of that step). */
export function signableTargets(record: CaseRecord): { target: string; title: string; step: CaseAction; occurrence: number }[] {
  const out: { target: string; title: string; step: CaseAction; occurrence: number }[] = [];
  const seen = new Map<string, number>();
  const push = (target: string) => {
    const { title, step } = signableRecord(record, target);
    const occurrence = seen.get(step) ?? 0;
    seen.set(step, occurrence + 1);
    out.push({ target, title, step, occurrence });
  };
  (record.services ?? []).forEach((_, i) => push(`services.${String(i)}`));
  (record.inquiries ?? []).forEach((_, i) => push(`inquiries.${String(i)}`));
  (record.inspections ?? []).forEach((_, i) => push(`inspections.${String(i)}`));
  return out;
}

/**
 * 更正 of a step's recorded data (issue 15): clerical data of a step already taken — the time, way or place of a
 * service (送达回证), the date the decision was served, the receipt number of a payment — typed wrong and corrected
 * with a reason, as its own recorded step (`correctRecord`, audited with the old value, the new value and the reason;
 * 《行政处罚法》第四十七条: the whole process is recorded, so the wrong entry is never overwritten silently).
 *
 * What is correctable is the table `correctableFields` below, one entry per field with its legal footing. What a
 * decision decides is never "corrected": 《行政处罚法》 has no such path — a wrong decision is revoked or changed
 * (`revokeDecision`), and a document issued to the party stays as issued. So a field is refused once a document that
 * prints it has been issued to the party (e.g. the prior notice is dated its service day; the receipt number of cash
 * taken on the spot is printed on the 当场行政处罚决定书 handed over there), and a date from which a period runs is corrected only while
 * no later document was built on that period. Deadlines counted from a corrected date are counted again (the step's
 * effect, services/cases/effects/corrections.ts).
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import { isIsoDate } from '../calendar/iso-date.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { ruleViolation, validationError } from '../errors.ts';
import { art, para } from '../workflow/law.ts';
import type { CaseAction } from './actions.ts';
import type { ServedDocument, ServiceEntry } from './document-records.ts';
import { correctionFieldKeys, serviceMethodKeys } from './record-inputs.ts';
import { assertLawfulService } from './record-rules.ts';
import { paymentDeadline, serviceEffectiveOn } from './rules.ts';
import type { CaseRecord, CaseSnapshot } from './snapshot.ts';

/** Local procedure: no national article governs the 更正 of a clerical entry in the agency's own record. */
export const LOCAL_PROCEDURE = '本地程序（执法记录笔误更正）';

export { correctionFieldKeys };
export type CorrectionField = (typeof correctionFieldKeys)[number];

export type CorrectionInputKind = 'time' | 'date' | 'text' | 'serviceMethod';

/** One correctable field: what it is, how the new value is entered, and why the law lets it be corrected. */
export interface CorrectableField {
  label: string;
  /** The record item it belongs to. */
  of: 'service' | 'payment';
  input: CorrectionInputKind;
  /** The legal footing of correcting it (an article, or `LOCAL_PROCEDURE`). */
  basis: string;
  /** Why it is correctable, shown with the form. */
  reason: string;
  /** Periods counted again from the corrected value (shown with the confirmation). */
  recomputes?: string;
}

export const correctableFields: Record<CorrectionField, CorrectableField> = {
  serviceTime: {
    label: '送达时间（时:分）',
    of: 'service',
    input: 'time',
    basis: LOCAL_PROCEDURE,
    reason: '送达回证记载的送达时刻录入有误；期限按日计算，时刻不影响任何期限',
  },
  serviceMethod: {
    label: '送达方式',
    of: 'service',
    input: 'serviceMethod',
    basis: art('行政处罚法', 61),
    reason: '送达回证记载的送达方式录入有误；更正后的方式仍须合法（电子送达须有当事人同意，留置送达须有见证人），公告送达改变送达生效之日，不能以更正方式改为或改自公告送达',
  },
  servicePlace: {
    label: '送达地点',
    of: 'service',
    input: 'text',
    basis: LOCAL_PROCEDURE,
    reason: '送达回证记载的送达地点（地址）录入有误',
  },
  serviceDate: {
    label: '送达日期',
    of: 'service',
    input: 'date',
    basis: art('行政处罚法', 67, para(3)),
    reason: '行政处罚决定书实际送达的日期录入有误；缴纳罚款的十五日期限自收到决定书之日起算，更正后重新计算',
    recomputes: '罚款缴纳期限（第六十七条第三款，自收到决定书之日起十五日）',
  },
  receiptNo: {
    label: '缴款票据号',
    of: 'payment',
    input: 'text',
    basis: LOCAL_PROCEDURE,
    reason: '缴款凭证或罚款专用票据的号码录入有误（以当事人所持票据为准）',
  },
};

/** The Chinese name of each correctable field (for generated forms and lists). */
export const correctionFieldLabels = Object.fromEntries(correctionFieldKeys.map((k) => [k, correctableFields[k].label])) as Record<CorrectionField, string>;

/** The step that recorded a service of each document (so the timeline entry of that step offers its 更正). */
export const serviceSteps: Record<ServedDocument, CaseAction> = {
  priorNotice: 'notify',
  hearingNotice: 'scheduleHearing',
  decision: 'serve',
  correctionOrder: 'orderCorrection',
  reminder: 'remindPayment',
};

const servedNames: Record<ServedDocument, string> = {
  priorNotice: '事先告知书',
  hearingNotice: '听证通知书',
  decision: '行政处罚决定书',
  correctionOrder: '责令改正通知书',
  reminder: '催告书',
};

export const serviceMethodLabels: Record<(typeof serviceMethodKeys)[number], string> = {
  direct: '直接送达',
  electronic: '电子送达',
  mail: '邮寄送达',
  left: '留置送达',
  announcement: '公告送达',
};

/** One field of a record item as the 更正 form offers it: its current value, or why it cannot be corrected. */
export interface CorrectionFieldView {
  field: CorrectionField;
  label: string;
  input: CorrectionInputKind;
  current: string;
  basis: string;
  reason: string;
  recomputes: string | null;
  /** Why it cannot be corrected now (the field stays listed so the officer sees why), else null. */
  locked: string | null;
}

/** A record item with correctable fields, tied to the timeline entry of the step that recorded it. */
export interface CorrectionTarget {
  /** `services.<i>` or `payments.<i>`: the item in the case record. */
  target: string;
  title: string;
  /** The step that recorded it, and which of that step's entries (0 = the first) in the timeline. */
  step: CaseAction;
  occurrence: number;
  fields: CorrectionFieldView[];
}

type Subject = Pick<CaseSnapshot, 'record' | 'procedure'>;

/** Why `field` of `target` cannot be corrected now, or null. */
function lockOf(c: Subject, field: CorrectionField, item: ServiceEntry | CaseRecord['payments'][number]): string | null {
  const r = c.record;
  if (field === 'serviceDate') {
    const s = item as ServiceEntry;
    if (s.document !== 'decision') {
      return `《${servedNames[s.document]}》以送达之日为成文日期，日期已印在交付当事人的文书上，不能更正（${art('行政处罚法', 47)}）`;
    }
    if (c.procedure === 'simple') return '当场作出的决定当场交付，送达日期即决定日期，不能更正';
    if (r.reminders?.length) return `已向当事人送达催告书（按原缴款期限计算加处罚款），送达日期不能再更正（${art('行政处罚法', 72)}）`;
    if (r.deferralDecision || r.instalments?.length) return `已作出延期（分期）缴纳罚款决定，缴纳期限已载入该决定书，送达日期不能再更正（${art('行政处罚法', 66)}）`;
    if (r.courtEnforcement) return '已申请人民法院强制执行，送达日期不能再更正';
    const fine = r.decision?.penalty?.fineFen ?? 0;
    const paid = r.payments.reduce((sum, p) => sum + p.amountFen, 0);
    if (fine > 0 && paid >= fine) return '罚款已全部缴纳，缴纳期限已届满记录，送达日期不能再更正';
  }
  if (field === 'serviceMethod' && (item as ServiceEntry).method === 'announcement') {
    return '公告送达的生效日期按公告期计算（《民事诉讼法》第九十五条），不能以更正方式改为其他送达方式';
  }
  if (field === 'receiptNo') {
    const p = item as CaseRecord['payments'][number];
    // 第五十二条: the 当场行政处罚决定书 is handed over on the spot and prints the receipt of cash taken there.
    if (p.onSpot && c.procedure === 'simple') {
      return `当场收缴罚款的专用票据号已印在交付当事人的《当场行政处罚决定书》上，不能更正（${art('行政处罚法', 52)}、${art('行政处罚法', 70)}）`;
    }
  }
  return null;
}

function currentValue(field: CorrectionField, item: ServiceEntry | CaseRecord['payments'][number]): string {
  switch (field) {
    case 'serviceTime':
      return (item as ServiceEntry).time ?? '';
    case 'serviceMethod':
      return (item as ServiceEntry).method;
    case 'servicePlace':
      return (item as ServiceEntry).place;
    case 'serviceDate':
      return (item as ServiceEntry).on;
    case 'receiptNo':
      return (item as CaseRecord['payments'][number]).receiptNo;
  }
}

function fieldView(c: Subject, field: CorrectionField, item: ServiceEntry | CaseRecord['payments'][number]): CorrectionFieldView {
  const f = correctableFields[field];
  return { field, label: f.label, input: f.input, current: currentValue(field, item), basis: f.basis, reason: f.reason, recomputes: f.recomputes ?? null, locked: lockOf(c, field, item) };
}

const fieldsOf = (of: CorrectableField['of']): CorrectionField[] => correctionFieldKeys.filter((k) => correctableFields[k].of === of);

/** Every record item of the case with correctable fields, for the timeline's 更正 action. */
export function correctionTargets(c: Subject): CorrectionTarget[] {
  const targets: CorrectionTarget[] = [];
  const seen = new Map<ServedDocument, number>();
  (c.record.services ?? []).forEach((s, i) => {
    const occurrence = seen.get(s.document) ?? 0;
    seen.set(s.document, occurrence + 1);
    targets.push({
      target: `services.${String(i)}`,
      title: `《${servedNames[s.document]}》送达回证${s.number ? `（${s.number}）` : ''}`,
      step: serviceSteps[s.document],
      occurrence,
      fields: fieldsOf('service').map((f) => fieldView(c, f, s)),
    });
  });
  c.record.payments.forEach((p, i) => {
    targets.push({ target: `payments.${String(i)}`, title: `缴款记录（${p.on}）`, step: 'recordPayment', occurrence: i, fields: fieldsOf('payment').map((f) => fieldView(c, f, p)) });
  });
  return targets;
}

/** A correction checked against the record: the item, the old and the new value. */
export interface PlannedCorrection {
  target: string;
  kind: 'service' | 'payment';
  index: number;
  field: CorrectionField;
  label: string;
  from: string;
  to: string;
}

export interface CorrectionRequest {
  target: string;
  field: CorrectionField;
  value: string;
}

/**
 * Checks a 更正 against the table and the record (guard `recordCorrectable`): the item exists, the field belongs to it
 * and is not locked, the new value is well-formed, lawful and differs from the old one. Throws a Chinese error.
 */
export function planCorrection(c: Subject, input: CorrectionRequest, actDate: IsoDate): PlannedCorrection {
  const m = /^(services|payments)\.(\d{1,3})$/.exec(input.target);
  const kind = m?.[1] === 'services' ? 'service' : 'payment';
  const index = Number(m?.[2] ?? -1);
  const item = m ? (kind === 'service' ? c.record.services?.[index] : c.record.payments[index]) : undefined;
  if (!item) throw validationError('未找到要更正的记录', { field: 'target' });
  const f = correctableFields[input.field];
  if (f.of !== kind) throw validationError(`该记录没有可更正的“${f.label}”`, { field: 'field' });
  const view = fieldView(c, input.field, item);
  // 第四十七条: what was issued stays as issued; each lock's message names its own article besides.
  if (view.locked) throw ruleViolation(view.locked, art('行政处罚法', 47), { field: input.field });
  const to = input.value.trim();
  checkValue(c, input.field, item, to, actDate);
  if (to === view.current) throw validationError(`更正后的${f.label}与原记录相同`, { field: 'value' });
  return { target: input.target, kind, index, field: input.field, label: f.label, from: view.current, to };
}

function checkValue(c: Subject, field: CorrectionField, item: ServiceEntry | CaseRecord['payments'][number], to: string, actDate: IsoDate): void {
  switch (field) {
    case 'serviceTime':
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(to)) throw validationError('送达时间格式应为 HH:mm（如 09:30）', { field: 'value' });
      return;
    case 'servicePlace':
      if (to.length < 2 || to.length > 200) throw validationError('送达地点应为 2 至 200 个字', { field: 'value' });
      return;
    case 'receiptNo':
      if (to.length < 2 || to.length > 40) throw validationError('缴款票据号应为 2 至 40 个字符', { field: 'value' });
      return;
    case 'serviceMethod': {
      const s = item as ServiceEntry;
      if (!(serviceMethodKeys as readonly string[]).includes(to)) throw validationError('送达方式无效', { field: 'value' });
      if (to === 'announcement') throw ruleViolation('公告送达的生效日期按公告期计算，不能以更正方式改为公告送达', art('行政处罚法', 61), { field: 'value' });
      // The corrected way must itself be lawful with what the 送达回证 records (第六十一条第二款: electronic needs consent).
      assertLawfulService({ method: to as ServiceEntry['method'], witness: s.witness ?? undefined, electronicConsent: s.electronicConsent ?? undefined });
      if (to === 'left' && !s.witness) throw ruleViolation('留置送达须有见证人在送达回证上签名（《民事诉讼法》第八十九条），原记录没有见证人，不能更正为留置送达', art('行政处罚法', 61), { field: 'value' });
      return;
    }
    case 'serviceDate': {
      if (!isIsoDate(to)) throw validationError('送达日期格式应为 YYYY-MM-DD 且为真实日期', { field: 'value' });
      if (to > actDate) throw validationError('送达日期不能晚于今天', { field: 'value' });
      const decidedOn = c.record.decision?.on;
      if (decidedOn && to < decidedOn) throw ruleViolation(`送达日期不能早于作出决定的日期（${decidedOn}）`, art('行政处罚法', 61), { field: 'value' });
      const firstPayment = c.record.payments.map((p) => p.on).sort()[0];
      if (firstPayment && to > firstPayment) throw validationError(`送达日期不能晚于已记录的第一笔缴款日期（${firstPayment}）`, { field: 'value' });
      return;
    }
  }
}

/**
 * The payment period counted again from a corrected service date of the decision (第六十七条第三款: fifteen days from
 * receipt; 公告送达 counts from when it takes effect, 《民事诉讼法》第九十五条), or null when the case owes no fine.
 */
export function recomputedPaymentDue(calendar: WorkCalendar, record: CaseRecord, servedOn: IsoDate, method: string): { effectiveOn: IsoDate; due: ReturnType<typeof paymentDeadline> | null } {
  const effectiveOn = serviceEffectiveOn(calendar, method, servedOn);
  const fine = record.decision?.penalty?.fineFen ?? 0;
  return { effectiveOn, due: fine > 0 ? paymentDeadline(calendar, effectiveOn, null) : null };
}

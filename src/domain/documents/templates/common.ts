/** Pieces shared by the templates: party descriptions, headers, evidence lists, penalty lists, the act code. */
import { daysBetween, type IsoDate } from '../../calendar/iso-date.ts';
import { validationError } from '../../errors.ts';
import { validateCreditCode, validateIdNumber } from '../../validators/index.ts';
import type { Block, Footer, RenderedDocument } from '../blocks.ts';
import { formatDate, formatDocumentNumber } from '../format.ts';
import { describePenalty } from '../legal.ts';
import { evidenceKinds, type DocumentCase, type DocumentParty, type Evidence, type Officer, type PenaltyItem, type PersonParty } from '../model.ts';
import { field, type RequiredField } from '../requirements.ts';

/** Birth date, sex and age (on `on`) read from a checked ID number; an invalid number is a clear error. */
export function personFacts(idNumber: string, on: IsoDate, field = '公民身份号码'): { value: string; birthDate: IsoDate; sex: '男' | '女'; age: number } {
  const result = validateIdNumber(idNumber, on);
  if (!result.ok) throw validationError(`${field}有误：${result.reason}`, { field, defect: result.defect });
  const [by, bm, bd] = result.birthDate.split('-').map(Number);
  const [ty, tm, td] = on.split('-').map(Number);
  let age = (ty ?? 0) - (by ?? 0);
  if ((tm ?? 0) < (bm ?? 0) || ((tm ?? 0) === (bm ?? 0) && (td ?? 0) < (bd ?? 0))) age -= 1;
  return { value: result.value, birthDate: result.birthDate, sex: result.sex === 'male' ? '男' : '女', age };
}

export function checkedCreditCode(code: string, field = '统一社会信用代码'): string {
  const result = validateCreditCode(code);
  if (!result.ok) throw validationError(`${field}有误：${result.reason}`, { field, defect: result.defect });
  return result.value;
}

/** How a person party is identified in a document: by the 公民身份号码 (sex, birth date and age read from it), or by
 * another identity document (港澳台居民居住证 carries the same layout; a passport or a 通行证 only what was recorded). */
export interface PersonIdentity {
  /** 公民身份号码, 护照号码（国籍：…）… */
  idLabel: string;
  value: string;
  sex: '男' | '女' | null;
  birthDate: IsoDate | null;
  age: number | null;
}

const ageOn = (birthDate: IsoDate, on: IsoDate): number => {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = on.split('-').map(Number);
  const age = (ty ?? 0) - (by ?? 0);
  return (tm ?? 0) < (bm ?? 0) || ((tm ?? 0) === (bm ?? 0) && (td ?? 0) < (bd ?? 0)) ? age - 1 : age;
};

export function personIdentity(p: PersonParty, on: IsoDate): PersonIdentity {
  if (!p.idType || p.idType === '港澳台居民居住证') {
    const label = p.idType ? `${p.idType}号码` : '公民身份号码';
    const f = personFacts(p.idNumber, on, `当事人${label}`);
    return { idLabel: label, value: f.value, sex: f.sex, birthDate: f.birthDate, age: f.age };
  }
  const birthDate = p.birthDate ?? null;
  return {
    idLabel: `${p.idType}号码${p.nationality ? `（国籍：${p.nationality}）` : ''}`,
    value: p.idNumber,
    sex: null,
    birthDate,
    age: birthDate ? ageOn(birthDate, on) : null,
  };
}

/** "你" for a person, "你单位" for an organization. */
export function you(party: DocumentParty): string {
  return party.kind === 'person' ? '你' : '你单位';
}

/** The party line of a decision (Art. 59 ①: 姓名或者名称、地址). */
export function partyLine(party: DocumentParty, on: IsoDate): string {
  if (party.kind === 'person') {
    const p = personIdentity(party, on);
    const facts = [p.sex, p.birthDate ? `${formatDate(p.birthDate)}出生` : null].filter(Boolean).join('，');
    return `当事人：${party.name}，${facts ? `${facts}，` : ''}${p.idLabel}：${p.value}，住址：${party.address}。`;
  }
  return (
    `当事人：${party.name}，统一社会信用代码：${checkedCreditCode(party.creditCode, '当事人统一社会信用代码')}，` +
    `${party.legalRepresentativeTitle}：${party.legalRepresentative}，地址：${party.address}。`
  );
}

/** Required fields describing the party, per kind (立案审批表 and every decision). */
export const partyFields: readonly RequiredField[] = [
  field('party.name', '当事人姓名或名称', (c) => c.party.name),
  field('party.address', '当事人住址或地址', (c) => c.party.address),
  field('party.idNumber', '当事人公民身份号码', (c) => (c.party.kind === 'person' ? c.party.idNumber : 'n/a'), (c) => c.party.kind === 'person'),
  field('party.creditCode', '当事人统一社会信用代码', (c) => (c.party.kind === 'organization' ? c.party.creditCode : 'n/a')),
  field('party.legalRepresentative', '当事人法定代表人（负责人）', (c) => (c.party.kind === 'organization' ? c.party.legalRepresentative : 'n/a')),
];

/** The 案件编号, printed on forms and reports: its 代字 comes from the agency profile (local case parameters). */
export const caseNumberField = field('caseNumber.prefix', '案件编号代字（本单位办案参数）', (c) => c.caseNumber.prefix);

/** Fields every document needs. */
export const baseFields: readonly RequiredField[] = [
  field('agency.name', '执法机关名称', (c) => c.agency.name),
  field('actCode', '行政行为码', (c) => c.actCode),
  field('causeOfAction', '案由', (c) => c.causeOfAction),
];

/** Fields of documents sent to the party under the agency's seal. */
export const sealedFields: readonly RequiredField[] = [
  ...baseFields,
  field('agency.sealText', '印章', (c) => c.agency.sealText),
  field('agency.address', '执法机关地址', (c) => c.agency.address),
  field('agency.phone', '执法机关联系电话', (c) => c.agency.phone),
];

/** Fields of decisions that state remedies (Art. 59 ⑤). */
export const remedyFields: readonly RequiredField[] = [
  field('agency.reconsiderationBody', '行政复议机关', (c) => c.agency.reconsiderationBody),
  field('agency.court', '管辖法院', (c) => c.agency.court),
];

export function header(c: DocumentCase, title: string, number?: string): Block[] {
  const blocks: Block[] = [
    { kind: 'agency', text: c.agency.name },
    { kind: 'title', text: title },
  ];
  if (number) blocks.push({ kind: 'number', text: number });
  return blocks;
}

/** "XX：" addressed line (主送), no indent, as GB/T 9704 places it. */
export function addressee(name: string): Block {
  return { kind: 'paragraph', text: `${name}：`, indent: false };
}

export function signature(c: DocumentCase, date: IsoDate): Block {
  return { kind: 'signature', lines: [c.agency.name, formatDate(date)] };
}

export function contactLine(c: DocumentCase): Block {
  const postal = c.agency.postalCode ? `，邮政编码：${c.agency.postalCode}` : '';
  return {
    kind: 'paragraph',
    text: `本机关地址：${c.agency.address}${postal}；联系人：${c.agency.contactPerson}；联系电话：${c.agency.phone}。`,
  };
}

export function evidenceLines(evidence: readonly Evidence[]): Block[] {
  // Each item states what it proves (《行政处罚法》第五十九条第一款第（二）项: 事实和证据); an empty one is not printed.
  const vague = evidence.filter((e) => !e.name.trim() || !e.proves.trim());
  if (vague.length > 0) {
    throw validationError(`证据缺少名称或证明对象：${vague.map((e) => e.name || '（未命名证据）').join('、')}`, {
      fields: vague.map((e) => ({ path: 'evidence', label: `证据“${e.name}”的证明对象` })),
    });
  }
  return evidence.map((e, i) => ({
    kind: 'paragraph',
    text: `${String(i + 1)}. ${e.name}（${evidenceKinds[e.kind]}），证明${provesText(e.proves)}${i === evidence.length - 1 ? '。' : '；'}`,
  }));
}

/** What an item of evidence proves, without a leading 证明 of the record (the line already says 证明). */
function provesText(proves: string): string {
  return proves.trim().replace(/^(用以|用于|可以|能够)?证明[：:]?/, '').replace(/[。；;]+$/, '');
}

/**
 * "在{place}{facts}" unless the facts already say where (a record often writes "在南湖街道南湖广场随地乱扔烟头"):
 * the place is printed once.
 */
export function atPlace(place: string, facts: string): string {
  const f = facts.trim();
  const p = place.trim();
  if (!p || /^(于.{0,20})?在/.test(f) || f.includes(p)) return f;
  return `在${p}${f}`;
}

export function penaltyLines(items: readonly PenaltyItem[]): Block[] {
  if (items.length === 0) throw validationError('处罚内容不能为空', { field: 'penalties' });
  return items.map((item, i) => ({
    kind: 'paragraph',
    text: `${items.length > 1 ? `${String(i + 1)}. ` : ''}${describePenalty(item, i)}${i === items.length - 1 ? '。' : '；'}`,
  }));
}

export function penaltySummary(items: readonly PenaltyItem[]): string {
  return items.map((item, i) => describePenalty(item, i)).join('，');
}

export function officerList(officers: readonly Officer[]): string {
  return officers.map((o) => `${o.name}（执法证号：${o.certificateNo}）`).join('、');
}

export function number(n: Parameters<typeof formatDocumentNumber>[0] | undefined, label: string): string {
  if (!n) throw validationError(`缺少必填内容：${label}`, { fields: [{ label }] });
  return formatDocumentNumber(n, label);
}

/** Ends a clause as a sentence: trailing 。；，. removed, one 。 added. */
export function sentence(text: string): string {
  return `${text.trim().replace(/[。；，.;,]+$/, '')}。`;
}

/** Trims the trailing "案" of a cause of action for "…一案" phrasing. */
export function causeText(c: DocumentCase): string {
  return c.causeOfAction.replace(/案$/, '');
}

/** The QR content: the portal verification address with the code, or the code alone. */
export function actCodeOf(c: DocumentCase): RenderedDocument['actCode'] {
  const code = c.actCode.trim();
  const qrText = c.verifyUrl ? `${c.verifyUrl.replace(/\/+$/, '')}/${encodeURIComponent(code)}` : code;
  return { code, qrText };
}

export function doc(
  c: DocumentCase,
  template: { id: string; name: string },
  parts: { number?: string; date: IsoDate; blocks: Block[]; footer?: Footer },
): RenderedDocument {
  return {
    template: template.id,
    name: template.name,
    ...(parts.number ? { number: parts.number } : {}),
    date: parts.date,
    blocks: parts.blocks,
    footer: parts.footer ?? { kind: 'dash' },
    actCode: actCodeOf(c),
  };
}

/** A date must not come before another (e.g. a decision before filing). */
export function assertNotBefore(date: IsoDate, earliest: IsoDate, what: string, earlierWhat: string): void {
  if (daysBetween(earliest, date) < 0) {
    throw validationError(`${what}（${formatDate(date)}）早于${earlierWhat}（${formatDate(earliest)}）`, { date, earliest });
  }
}

/**
 * Maps the case engine's read shape (CaseView, services/cases/get-case.ts) onto the renderer's data contract
 * (DocumentCase). Only what the case records is carried over; nothing is invented. The agency's particulars come
 * from the agency profile in the case organization's local case parameters (settings.ts, inherited down the
 * organization tree); the rest from the case record: approval opinions with who and when, investigation records,
 * the correction order, hearing particulars, service records, the reminder, closing opinions and archive data
 * (document-records.ts). Whatever is still unknown stays empty, and the template that needs it refuses with an
 * error naming the field.
 */
import { chinaDateOf, type IsoDate } from '../../domain/calendar/iso-date.ts';
import type { PersonRef, ServedDocument, ServiceEntry, SignedOpinion } from '../../domain/cases/document-records.ts';
import type { Penalty, PenaltyKind as CasePenaltyKind } from '../../domain/cases/model.ts';
import { actOpinionForms, archiveRetentionLabels } from '../../domain/cases/record-inputs.ts';
import { identityDocumentTypes } from '../../domain/validators/identity-documents.ts';
import type { CaseSettings } from '../../domain/cases/settings.ts';
import type { CaseRecord } from '../../domain/cases/snapshot.ts';
import { legalReviewAspects, type LegalReviewAspect } from '../../domain/documents/model.ts';
import type { DocumentNumber } from '../../domain/documents/format.ts';
import type {
  Agency,
  CaseSource,
  DocumentCase,
  DocumentParty,
  Evidence,
  EvidenceKind,
  Hearing,
  LegalReview,
  NoPenaltyGround,
  ApprovedAct,
  Opinion,
  PartySignatureRef,
  PaymentAccount,
  PenaltyItem,
  PenaltyKind,
  ServiceMethod,
  ServiceRecord,
  StatementAndDefence,
  Transfer,
} from '../../domain/documents/model.ts';
import { validationError } from '../../domain/errors.ts';
import type { CaseView } from '../cases/get-case.ts';
import type { CaseTimelineEntry } from '../cases/case-timeline.ts';

/** The agency profile fields of the local case parameters (GET/PUT /api/organizations/:id/case-settings). */
export type AgencyProfile = Pick<
  CaseSettings,
  | 'agencyName'
  | 'sealText'
  | 'agencyAddress'
  | 'postalCode'
  | 'contactPerson'
  | 'contactPhone'
  | 'reconsiderationBody'
  | 'court'
  | 'paymentBank'
  | 'paymentAccountName'
  | 'paymentAccountNo'
  | 'caseNumberPrefix'
  | 'portalUrl'
>;

/** Users the record names by id whose certificate a document prints (法制审核人员). */
export type DocumentPeople = ReadonlyMap<number, { name: string; certificateNo: string | null }>;

const NUMBER = /^(.+?)〔(\d{4})〕第?([1-9]\d*)号$/;

/**
 * Parses a 文号 the case engine registered. Numbers are issued "〔2026〕15号" (GB/T 9704-2012 §7.2.4, the default
 * since the agency profile came in); ones issued earlier as "〔2026〕第15号" are read the same and print without 第.
 */
export function parseDocumentNumber(text: string | null | undefined, field: string): DocumentNumber | undefined {
  if (!text) return undefined;
  const match = NUMBER.exec(text.trim());
  if (!match) throw validationError(`${field}“${text}”不是“机关代字〔年份〕序号号”的格式`, { field, value: text });
  return { prefix: match[1] ?? '', year: Number(match[2]), serial: Number(match[3]) };
}

const PENALTY_KINDS: Record<CasePenaltyKind, PenaltyKind> = {
  warning: 'warning',
  criticism: 'publicCriticism',
  fine: 'fine',
  confiscateIncome: 'confiscateIllegalGains',
  confiscateProperty: 'confiscateIllegalProperty',
  suspendLicense: 'suspendPermit',
  lowerQualification: 'lowerQualification',
  revokeLicense: 'revokePermit',
  restrictBusiness: 'restrictOperations',
  suspendBusiness: 'suspendProduction',
  close: 'closeDown',
  restrictEmployment: 'restrictPractice',
  other: 'other',
};

/**
 * What each kind of penalty is called in a penalty description (e.g. "罚款人民币80000元，并责令停工整治"). Fines,
 * confiscated gains and warnings print from their amount or name alone; the others print the clauses that name them.
 */
const CLAUSE_OF: Record<CasePenaltyKind, RegExp | null> = {
  warning: /警告/,
  criticism: /通报批评/,
  fine: /罚款/,
  confiscateIncome: /没收违法所得/,
  confiscateProperty: /没收(?!违法所得)/,
  suspendLicense: /暂扣/,
  lowerQualification: /降低资质/,
  revokeLicense: /吊销/,
  restrictBusiness: /限制(开展)?(生产)?经营/,
  suspendBusiness: /停产|停业|停工/,
  close: /关闭/,
  restrictEmployment: /从业/,
  other: null,
};

/** The clauses of a penalty description: split at punctuation and at 并/并处, connectives dropped. */
function penaltyClauses(description: string): string[] {
  return description
    .split(/[，,；;。]|并处|并(?=[责没吊暂降限通处予警罚])/)
    .map((clause) => clause.trim().replace(/^(并处|并|及|和|以及)/, '').trim())
    .filter((clause) => clause.length > 0);
}

/**
 * The detail of a non-money penalty item: only the clauses of the description that name its kind, so that a fine
 * plus 责令停产停业 does not print the fine again under item 2 (《行政处罚法》第五十九条第一款第（三）项: the decision
 * states each penalty imposed). An item no clause names gets the clauses no kind of the penalty claims; if none is
 * left it gets no detail, and the decision refuses naming the missing content instead of printing another item's.
 */
function itemDetail(penalty: Penalty, kind: CasePenaltyKind): string | undefined {
  const clauses = penaltyClauses(penalty.description);
  const own = CLAUSE_OF[kind];
  const named = own ? clauses.filter((clause) => own.test(clause)) : [];
  if (named.length > 0) return named.join('，');
  const claimed = Object.values(CLAUSE_OF).filter((pattern): pattern is RegExp => pattern !== null);
  const unclaimed = clauses.filter((clause) => !claimed.some((pattern) => pattern.test(clause)));
  return unclaimed.length > 0 ? unclaimed.join('，') : undefined;
}

/** The case engine's penalty (one description for all kinds) as penalty items, each with its own content only. */
export function penaltyItems(penalty: Penalty): PenaltyItem[] {
  return penalty.kinds.map((kind): PenaltyItem => {
    const mapped = PENALTY_KINDS[kind];
    if (mapped === 'fine') return { kind: mapped, amount: (penalty.fineFen ?? 0) / 100 };
    if (mapped === 'confiscateIllegalGains') return { kind: mapped, amount: (penalty.confiscationFen ?? 0) / 100 };
    if (mapped === 'warning') return { kind: mapped };
    // No clause names the property, but the record values it (confiscationFen serves 没收非法财物 when no 违法所得 is
    // confiscated): the item says what the record knows rather than borrowing another item's words.
    const valued =
      kind === 'confiscateProperty' && !penalty.kinds.includes('confiscateIncome') && penalty.confiscationFen
        ? `没收非法财物（价值人民币${String(penalty.confiscationFen / 100)}元）`
        : undefined;
    const detail = itemDetail(penalty, kind) ?? valued;
    return detail === undefined ? { kind: mapped } : { kind: mapped, detail };
  });
}

const SOURCES: Record<string, CaseSource> = {
  patrol: 'patrol',
  complaint: 'complaint',
  hotline: 'complaint',
  video: 'digitalCityManagement',
  transfer: 'transferred',
  higherLevel: 'assigned',
};

const EVIDENCE_KINDS: Record<string, EvidenceKind> = {
  documentary: 'documentary',
  physical: 'physical',
  audioVisual: 'audioVisual',
  electronic: 'electronic',
  witness: 'witness',
  partyStatement: 'partyStatement',
  expertOpinion: 'expertOpinion',
  inspectionRecord: 'inspectionRecord',
  onSiteRecord: 'inspectionRecord',
};

const SERVICE_METHODS: Record<string, ServiceMethod> = {
  direct: 'direct',
  electronic: 'electronic',
  mail: 'mail',
  left: 'left',
  announcement: 'announcement',
  entrusted: 'entrusted',
};

const GROUNDS: Record<string, NoPenaltyGround> = {
  firstViolation: 'firstViolation',
  minor: 'minorCorrected',
  noFault: 'noFault',
  underFourteen: 'underFourteen',
  mentalIllness: 'mentalIllness',
  timeBarred: 'timeBarred',
};

const COLLECTION_GROUNDS = { smallFine: 'upTo100', hardToEnforce: 'hardToPayLater', remoteArea: 'remoteArea' } as const;

/** The checklist items of the legal review (src/domain/cases/legal-review.ts) are the aspects the opinion prints. */
const REVIEW_ASPECTS = Object.keys(legalReviewAspects) as LegalReviewAspect[];

function mapped<T>(table: Record<string, T>, key: string, what: string): T {
  const value = table[key];
  if (value === undefined) throw validationError(`无法把${what}“${key}”对应到文书`, { value: key });
  return value;
}

/**
 * The facts as the documents continue them: they write "经查明，你…" / "经查明，你单位…" themselves, so the officer's own
 * lead-in ("经调查，", "经查，") and subject ("当事人", the party's name) are not repeated (issue 15: "经查明，你经调查，
 * 当事人张伟于…").
 */
export function factsAfterSubject(text: string, partyName: string): string {
  let t = text.trim().replace(/^(?:经(?:过)?(?:调查核实|调查|核查|查明|查实|查|现场检查)[，,：:、]?\s*)+/, '');
  t = t.replace(/^当事人/, '');
  if (partyName && t.startsWith(partyName)) t = t.slice(partyName.length).replace(/^[，,]/, '');
  return t;
}

function party(view: CaseView): DocumentParty {
  const p = view.party;
  // A clue registered before its party was identified (issue 15): no document names a party nobody knows.
  if (p.kind === 'unknown') throw validationError('当事人尚未查明，暂不能生成载明当事人的文书；请先“确认当事人信息”', { fields: [{ path: 'party', label: '当事人' }] });
  if (p.kind === 'person') {
    return {
      kind: 'person',
      name: p.name,
      idNumber: p.idNumber ?? '',
      address: p.address ?? '',
      ...(p.phone ? { phone: p.phone } : {}),
      ...(p.idType ? { idType: identityDocumentTypes[p.idType] } : {}),
      ...(p.idType && p.nationality ? { nationality: p.nationality } : {}),
      ...(p.idType && p.birthDate ? { birthDate: p.birthDate } : {}),
    };
  }
  return {
    kind: 'organization',
    name: p.name,
    creditCode: p.creditCode ?? '',
    legalRepresentative: p.legalRepresentative ?? '',
    legalRepresentativeTitle: '法定代表人',
    address: p.address ?? '',
    ...(p.phone ? { phone: p.phone } : {}),
  };
}

/** The issuing agency from the profile; a field not set stays empty, so the document needing it names it. */
export function agencyOf(organizationName: string, profile: AgencyProfile): Agency {
  const name = profile.agencyName ?? organizationName;
  return {
    name,
    sealText: profile.sealText ?? name,
    address: profile.agencyAddress ?? '',
    ...(profile.postalCode ? { postalCode: profile.postalCode } : {}),
    contactPerson: profile.contactPerson ?? '',
    phone: profile.contactPhone ?? '',
    reconsiderationBody: profile.reconsiderationBody ?? '',
    court: profile.court ?? '',
  };
}

function paymentAccountOf(profile: AgencyProfile): PaymentAccount | undefined {
  const { paymentBank: bank, paymentAccountName: accountName, paymentAccountNo: account } = profile;
  return bank && accountName && account ? { bank, accountName, account } : undefined;
}

const opinion = (o: SignedOpinion | null | undefined, fallbackDate: IsoDate): Opinion =>
  o ? { text: o.text, by: o.by.name, date: o.on } : { text: '', by: '', date: fallbackDate };

const names = (people: readonly PersonRef[] | undefined) => (people ?? []).map((p) => p.name);

/** A China wall-clock time from a date and an optional `HH:mm`. */
const at = (date: IsoDate, time: string | null | undefined) => (time ? `${date}T${time}` : date);

const SERVED_NAMES: Record<Exclude<ServedDocument, 'decision'>, string> = {
  priorNotice: '行政处罚事先告知书',
  hearingNotice: '行政处罚听证通知书',
  correctionOrder: '责令（限期）改正通知书',
  reminder: '催告书',
};

function decisionName(view: CaseView): string {
  if (view.record.decision?.kind === 'noPenalty') return '不予行政处罚决定书';
  return view.procedure === 'simple' ? '当场行政处罚决定书' : '行政处罚决定书';
}

/**
 * The party's signature drawn on the screen for the record `target` (services/cases/party-signature.ts), as the
 * documents print it: its image's digest and the China day it was drawn. Nothing when the party has not signed there.
 */
function signedBy(record: CaseRecord, target: string): { partySignature?: PartySignatureRef } {
  const signature = (record.partySignatures ?? []).find((s) => s.target === target);
  return signature ? { partySignature: { digest: signature.digest, signedOn: chinaDateOf(new Date(signature.signedAt)) } } : {};
}

function serviceRecord(view: CaseView, s: ServiceEntry): ServiceRecord {
  const number = parseDocumentNumber(s.number, '送达文书文号');
  return {
    documentName:
      s.document === 'decision'
        ? decisionName(view)
        : s.document === 'priorNotice' && view.record.notice?.hearingOffered
          ? '行政处罚听证告知书'
          : SERVED_NAMES[s.document],
    ...(number ? { documentNumber: number } : {}),
    recipient: s.recipient,
    place: s.place,
    method: mapped(SERVICE_METHODS, s.method, '送达方式'),
    servedAt: at(s.on, s.time),
    servers: names(s.servers),
    ...(s.receiver ? { receiver: s.receiver } : {}),
    ...(s.witness ? { witness: s.witness } : {}),
    ...(s.electronicConsent ? { electronicConsent: s.electronicConsent } : {}),
    ...(s.announcementReason ? { announcementReason: s.announcementReason } : {}),
  };
}

/** 拟处理意见 of the investigation report, in the proposal's own words. */
function proposalText(record: CaseRecord): string {
  const p = record.proposal;
  if (!p) return '';
  if (p.kind === 'penalty') return p.penalty?.description ?? '';
  if (p.kind === 'noPenalty') return `不予行政处罚${p.reasoning ? `：${p.reasoning}` : ''}`;
  return `移送司法机关${p.transferReason ? `：${p.transferReason}` : ''}`;
}

function legalReviewOf(record: CaseRecord, people: DocumentPeople): LegalReview | undefined {
  const review = record.legalReviews.at(-1);
  if (!review) return undefined;
  const checklist = review.checklist;
  const findings = checklist
    ? REVIEW_ASPECTS.map((aspect) => {
        const item = checklist[aspect];
        const note = item.note.trim();
        return { aspect, finding: `${item.passed ? '合格' : '不合格'}${note ? `。${note.replace(/。$/, '')}` : ''}。` };
      })
    : [];
  return {
    reviewers: [{ name: review.reviewerName, certificateNo: people.get(review.reviewerId)?.certificateNo ?? '' }],
    date: review.on,
    findings,
    conclusion: review.passed ? 'approve' : 'amend',
    ...(review.passed ? {} : { remarks: review.opinion }),
  };
}

function hearingOf(record: CaseRecord): Hearing | undefined {
  const h = record.hearing;
  if (!h) return undefined;
  const notice = parseDocumentNumber(h.noticeNumber, '听证通知书文号');
  const scheduled = h.hearingOn ? at(h.hearingOn, h.startTime) : '';
  return {
    requestDate: h.requestedOn,
    notice: { number: notice ?? { prefix: '', year: 0, serial: 0 }, date: h.noticeServedOn ?? '' },
    start: h.startAt ?? scheduled,
    ...(h.endAt ? { end: h.endAt } : {}),
    place: h.place ?? '',
    // 《行政处罚法》第六十四条第（三）项: public unless recorded otherwise.
    publicHearing: h.publicHearing ?? true,
    host: h.presiderName ?? '',
    hearingOfficers: names(h.hearingOfficers),
    recorder: h.recorder?.name ?? '',
    partyAttendees: h.partyAttendees ?? [],
    ...(h.agents?.length ? { agents: h.agents } : {}),
    ...(h.investigatorStatement || h.record ? { investigatorStatement: h.investigatorStatement ?? h.record ?? '' } : {}),
    ...(h.partyStatement ? { partyStatement: h.partyStatement } : {}),
    ...(h.debate ? { debate: h.debate } : {}),
    ...(h.finalStatement ? { finalStatement: h.finalStatement } : {}),
  };
}

/** 《行政处罚法》第二十七条第一款: 违法行为涉嫌犯罪的，行政机关应当及时将案件移送司法机关 — criminal transfers only. */
const CRIMINAL_TRANSFER = '《中华人民共和国行政处罚法》第二十七条第一款';
/**
 * A matter outside the agency's powers goes to the authority that has them: 第十七条 (行政处罚由具有行政处罚权的行政
 * 机关在法定职权范围内实施). A 治安 violation (e.g. obstructing officers without a crime) is the police's under the
 * 《治安管理处罚法》, not a criminal transfer under 第二十七条.
 */
const JURISDICTION_TRANSFER = '《中华人民共和国行政处罚法》第十七条';
const PUBLIC_SECURITY_TRANSFER = `${JURISDICTION_TRANSFER}和《中华人民共和国治安管理处罚法》`;

/** The basis of a transfer by its kind: to the judicial organs (a crime), to the police (a crime or a 治安 matter), or to another agency. */
export function transferBasis(target: string, reason: string): string {
  if (target === 'judicial' || target === 'transferJudicial') return CRIMINAL_TRANSFER;
  if (target === 'police') return /罪|刑事/.test(reason) ? CRIMINAL_TRANSFER : PUBLIC_SECURITY_TRANSFER;
  return JURISDICTION_TRANSFER;
}

function transferOf(record: CaseRecord): Transfer | undefined {
  const exit = record.sideExit;
  if (!exit || (exit.action !== 'transfer' && exit.action !== 'transferJudicial')) return undefined;
  return {
    number: parseDocumentNumber(exit.number, '移送函文号') ?? { prefix: '', year: 0, serial: 0 },
    date: exit.on,
    recipient: exit.receiver ?? '',
    reason: exit.reason,
    basis: transferBasis(exit.target ?? exit.action, exit.reason),
    materials: exit.materials ?? [],
  };
}

/**
 * The party's statement as the decision tells it: made (with the 复核 reply), expressly waived, or none made when the
 * period passed before the decision. Nothing is said while the period may still run (no decision yet, or none past it).
 */
function statementOf(record: CaseRecord): StatementAndDefence | undefined {
  const list = record.statements;
  // Any statement that raised points is told with its 复核 (each one: `statements`, added by addRecordedActs).
  const made = list.filter((st) => !st.waived && st.content.trim());
  if (made.length) return { made: true, summary: made.map((st) => st.content).join('；'), review: made.map((st) => st.reply).join('；') };
  const last = list.at(-1);
  // What the party said when waiving is kept for the 陈述申辩笔录; the decision only says it was waived.
  if (last?.waived) return { made: false, waived: true, ...(last.content.trim() ? { summary: last.content } : {}) };
  const notice = record.notice;
  const decidedOn = record.decision?.on;
  if (notice && decidedOn && decidedOn > notice.statementEndsOn) return { made: false };
  return undefined;
}

/** 处理结果 on the case-file cover, from what was decided and done. */
function archiveResult(view: CaseView): string {
  const r = view.record;
  const d = r.decision;
  if (d?.kind === 'penalty' && d.penalty) {
    const paid = r.payments.reduce((s, p) => s + p.amountFen, 0);
    return `${d.penalty.description.replace(/。$/, '')}${paid > 0 ? `；已缴纳${(paid / 100).toFixed(2)}元` : ''}${d.status === 'inForce' ? '' : `；决定已${d.status === 'revoked' ? '撤销' : '变更'}`}`;
  }
  if (d?.kind === 'noPenalty') return '不予行政处罚';
  const exit = r.sideExit;
  if (exit?.action === 'transfer' || exit?.action === 'transferJudicial') return `移送${exit.receiver ?? ''}`;
  if (exit) return `${exit.action === 'withdrawFiling' ? '撤销立案' : '终止调查'}：${exit.reason}`;
  return '';
}

const empty = { prefix: '', year: 0, serial: 0 };

/**
 * The case view with its whole trail, oldest first (case-timeline.ts `readCaseTrail`): the view no longer carries it
 * (issue 16), and the documents read the inputs of steps the record does not keep.
 */
export type CaseWithTrail = CaseView & { timeline: readonly CaseTimelineEntry[] };

/** A step of the case as its audit chain holds it: the act's date, who took it, and its input. */
interface TakenStep {
  on: IsoDate;
  by: string;
  input: Record<string, unknown>;
}

/**
 * The steps `action` taken on the case, in order, from the timeline (the audit chain): the record keeps only the
 * latest state of some acts (a resumed suspension leaves no trace in it), the chain keeps every act with its input.
 */
export function stepsTaken(view: CaseWithTrail, action: string): TakenStep[] {
  return allSteps(view).filter((s) => s.input.action === action);
}

function allSteps(view: CaseWithTrail): TakenStep[] {
  return view.timeline.flatMap((t) => {
    const change = t.change as Record<string, unknown> | null;
    if (t.action !== 'case.transition' || !change) return [];
    const on = typeof change.on === 'string' ? change.on : t.at.slice(0, 10);
    return [{ on, by: t.actorName ?? '', input: change }];
  });
}

type ActOpinions = Pick<ApprovedAct, 'undertakerOpinion' | 'unitOpinion'>;

/**
 * For each time the act of `form` was taken (actOpinionForms), the 承办人 and 承办机构 opinions signed on its form since
 * the act was last taken: each act's form prints the opinions that led to it.
 */
function actOpinions(view: CaseWithTrail, form: keyof typeof actOpinionForms): ActOpinions[] {
  const acts: ActOpinions[] = [];
  let signed: ActOpinions = {};
  for (const s of allSteps(view)) {
    if (s.input.action === 'signOpinion' && s.input.form === form && (s.input.role === 'undertaker' || s.input.role === 'unit')) {
      signed = { ...signed, [`${s.input.role}Opinion`]: { text: text(s.input.text), by: s.by, date: s.on } };
    } else if (s.input.action === actOpinionForms[form]) {
      acts.push(signed);
      signed = {};
    }
  }
  return acts;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The acts the engine records that the gap templates print (approvals.ts, notices.ts): 不予立案, 撤销立案, 中止/恢复/终止
 * 调查, 先行登记保存, the decision's approval, deferral and court enforcement. Added to `c` in place.
 */
export function addRecordedActs(c: DocumentCase, view: CaseWithTrail): void {
  const record = view.record;
  c.clueSummary = view.facts;
  const approved = (form: keyof typeof actOpinionForms) => {
    const opinions = actOpinions(view, form);
    return (s: TakenStep, i: number): ApprovedAct => ({ date: s.on, reason: text(s.input.reason), approvedBy: s.by, ...opinions[i] });
  };
  const decline = stepsTaken(view, 'decline').at(-1);
  if (record.decline) {
    const number = parseDocumentNumber(record.decline.number, '不予立案告知书文号');
    c.decline = { date: record.decline.on, reason: record.decline.reason, approvedBy: decline?.by ?? '', ...actOpinions(view, 'decline').at(-1), ...(number ? { number } : {}) };
  }
  const withdrawals = stepsTaken(view, 'withdrawFiling').map(approved('withdrawal'));
  if (withdrawals.length) c.withdrawal = withdrawals.at(-1);
  const suspensions = stepsTaken(view, 'suspend').map(approved('suspension'));
  if (suspensions.length) c.suspensions = suspensions;
  const resumptions = stepsTaken(view, 'resume').map(approved('resumption'));
  if (resumptions.length) c.resumptions = resumptions;
  const terminations = stepsTaken(view, 'terminate').map(approved('termination'));
  if (terminations.length) c.termination = terminations.at(-1);
  if (record.preservations.length) {
    const opinions = record.opinions ?? [];
    c.preservations = record.preservations.map((p) => {
      const approval = p.approval === undefined ? undefined : opinions[p.approval];
      const number = parseDocumentNumber(p.number, '先行登记保存证据通知书文号');
      const decisionNumber = parseDocumentNumber(p.decisionNumber, '先行登记保存物品处理决定书文号');
      return {
        date: p.on,
        items: p.items,
        ...(number ? { number } : {}),
        ...(approval ? { approval: { text: approval.text, by: approval.by.name, date: approval.on } } : {}),
        ...(p.decidedOn && p.outcome ? { decision: { date: p.decidedOn, outcome: p.outcome, ...(decisionNumber ? { number: decisionNumber } : {}) } } : {}),
      };
    });
  }
  const decided = stepsTaken(view, 'decide').at(-1);
  if (record.decision && view.procedure === 'ordinary') c.decisionApproval = { date: record.decision.on, decidedBy: decided?.by ?? '' };
  if (record.statements.length) {
    // One entry per recordStatement step; a record migrated from the single statement has one entry for the last step.
    const recorded = stepsTaken(view, 'recordStatement');
    const offset = recorded.length - record.statements.length;
    const replies = stepsTaken(view, 'replyToStatement');
    c.statements = record.statements.map((st, i) => {
      const by = recorded[i + offset]?.by;
      const reply = replies.find((r) => r.input.statementNo === i + 1);
      const made = !st.waived && st.content.trim() !== '';
      return {
        made,
        date: st.on,
        waived: st.waived,
        ...(st.content.trim() ? { summary: st.content } : {}),
        ...(made ? { review: st.reply } : {}),
        ...(by ? { recordedBy: by } : {}),
        ...(st.repliedOn ? { reviewedOn: st.repliedOn } : {}),
        ...(reply?.by ? { reviewedBy: reply.by } : {}),
      };
    });
    const last = c.statements.at(-1);
    if (c.statement && last) c.statement = { ...c.statement, date: last.date!, waived: c.statement.waived ?? false, ...(last.recordedBy ? { recordedBy: last.recordedBy } : {}) };
  }
  const deferral = stepsTaken(view, 'approveDeferral').at(-1);
  if (record.instalments?.length) {
    c.deferral = {
      date: deferral?.on ?? '',
      reason: text(deferral?.input.reason),
      approvedBy: deferral?.by ?? '',
      ...actOpinions(view, 'deferral').at(-1),
      instalments: record.instalments.map((i) => ({ dueOn: i.dueOn, amount: i.amountFen / 100 })),
    };
    const number = parseDocumentNumber(record.deferralDecision?.number, '延期（分期）缴纳罚款决定书文号');
    if (number) c.deferral.number = number;
  }
  const enforcement = stepsTaken(view, 'applyCourtEnforcement').at(-1);
  if (record.courtEnforcement) c.courtEnforcement = { date: record.courtEnforcement.on, court: record.courtEnforcement.court, appliedBy: enforcement?.by ?? '' };
}

/**
 * The DocumentCase of a case as the engine records it, with the agency's particulars from `profile` (the case
 * organization's effective case settings) and reviewers' certificates from `people`.
 */
export function caseViewToDocumentCase(view: CaseWithTrail, profile: AgencyProfile, people: DocumentPeople = new Map(), caseSerial?: number): DocumentCase {
  const record = view.record;
  const officers = view.officers.filter((o) => !o.recused).map((o) => ({ name: o.displayName, certificateNo: o.certificateNo ?? '' }));
  const decision = record.decision;
  const evidence: Evidence[] = view.evidence.map((e) => ({ kind: mapped(EVIDENCE_KINDS, e.kind, '证据种类'), name: e.title, proves: e.note ?? '' }));
  const proposed = record.notice?.penalty ?? record.proposal?.penalty ?? null;
  const penalty = decision?.penalty ?? proposed;
  const penaltyBasis = decision?.penalty?.basis ?? proposed?.basis ?? view.violation?.penaltyProvision;
  const outsideRange = penalty?.outsideRangeReason?.trim() || undefined;
  const discretionReason = record.investigation.discretionReason?.trim() || outsideRange;
  const range = penalty?.range
    ? {
        ...(penalty.range.minFen !== null ? { min: penalty.range.minFen / 100 } : {}),
        ...(penalty.range.maxFen !== null ? { max: penalty.range.maxFen / 100 } : {}),
      }
    : undefined;
  const lastPayment = record.payments.at(-1);
  const paymentAccount = paymentAccountOf(profile);
  const c: DocumentCase = {
    agency: agencyOf(view.organization.name, profile),
    // 案件编号: the organization's own sequence of filed cases (render-for-case.ts caseSerial), never the database id;
    // unknown (0) until the case is filed, so the documents that print it refuse.
    caseNumber: { prefix: profile.caseNumberPrefix ?? '', year: Number((record.filing?.on ?? view.registeredOn).slice(0, 4)), serial: caseSerial ?? 0 },
    actCode: view.actCode,
    // The QR code opens the portal's verification page for the act code (portal route verify/:code).
    ...(profile.portalUrl ? { verifyUrl: `${profile.portalUrl.replace(/\/+$/, '')}/verify` } : {}),
    procedure: view.procedure,
    causeOfAction: view.violation ? `${view.violation.name.replace(/案$/, '')}案` : view.title,
    source: SOURCES[view.clueSource] ?? 'other',
    party: party(view),
    officers,
    facts: factsAfterSubject(record.investigation.findings ?? view.facts, view.party.name),
    evidence,
    ...(view.violation ? { violatedProvision: view.violation.violatedProvision } : {}),
    ...(penaltyBasis ? { penaltyProvision: penaltyBasis } : {}),
    ...(proposed ? { proposedPenalties: penaltyItems(proposed) } : {}),
    ...(paymentAccount ? { paymentAccount } : {}),
    ...(discretionReason
      ? {
          discretion: {
            reason: discretionReason,
            ...(penalty?.benchmarkVersion && penalty.tier ? { benchmark: penalty.benchmarkVersion, tier: penalty.tier, ...(range ? { range } : {}) } : {}),
            ...(outsideRange ? { outsideRange } : {}),
          },
        }
      : {}),
  };
  const filing = record.filing;
  if (filing) {
    const v = view.violation;
    c.filing = {
      date: filing.on,
      summary: view.facts,
      // 《行政处罚法》第五十四条第二款: the filing standard — a suspected violation within the agency's powers.
      reason: v ? `当事人涉嫌违反${v.violatedProvision}的规定，属于本机关权责清单事项（${v.code} ${v.name}），符合立案条件。` : '',
      // Signed by the officer in their own session; records made before that keep the text typed at filing.
      officerOpinion: filing.undertakerOpinion
        ? opinion(filing.undertakerOpinion, filing.on)
        : { text: filing.officerOpinion ?? '', by: filing.officerOpinion ? officers.map((o) => o.name).join('、') : '', date: filing.on },
      unitOpinion: opinion(filing.unitOpinion, filing.on),
      headApproval: { text: filing.opinion, by: filing.approvedByName ?? people.get(filing.approvedBy)?.name ?? '', date: filing.on },
    };
  }
  c.inspections = (record.inspections ?? []).map((i, index) => ({
    start: i.startAt,
    end: i.endAt,
    place: i.place,
    inspectors: names(i.inspectors),
    recorder: i.recorder.name,
    presentPerson: i.presentPerson,
    findings: i.findings,
    ...(i.mediaRefs ? { mediaRefs: i.mediaRefs } : {}),
    ...signedBy(record, `inspections.${index}`),
  }));
  c.inquiries = (record.inquiries ?? []).map((q, index) => ({
    start: q.startAt,
    end: q.endAt,
    place: q.place,
    interviewee: q.interviewee,
    questioners: names(q.questioners),
    recorder: q.recorder.name,
    rightsAnswer: q.rightsAnswer,
    exchanges: q.exchanges,
    ...signedBy(record, `inquiries.${index}`),
  }));
  const order = record.correctionOrders?.at(-1);
  if (order) {
    c.correctionOrder = {
      number: parseDocumentNumber(order.number, '责令改正通知书文号') ?? empty,
      date: order.on,
      finding: order.finding,
      requirement: order.requirement,
      ...(order.deadline ? { deadline: order.deadline } : {}),
      ...(order.basis ? { basis: order.basis } : {}),
    };
  }
  if (record.investigation.closedOn && record.proposal) c.investigationReport = { date: record.investigation.closedOn, proposal: proposalText(record) };
  const review = legalReviewOf(record, people);
  if (review) c.legalReview = review;
  const discussion = record.collectiveDiscussion;
  if (discussion) {
    c.collectiveDiscussion = {
      start: discussion.startAt ?? '',
      end: discussion.endAt ?? '',
      place: discussion.place ?? '',
      host: discussion.host?.name ?? '',
      participants: discussion.participants,
      ...(discussion.attendees?.length ? { attendees: discussion.attendees } : {}),
      recorder: discussion.recorder ?? '',
      reporter: discussion.reporter?.name ?? '',
      opinions: discussion.opinions ?? [],
      conclusion: discussion.conclusion,
    };
  }
  if (record.notice) {
    const number = parseDocumentNumber(record.notice.number, '事先告知书文号');
    // One notice was served with one number (罚告字): where hearing rights were computed it is the 听证告知书, which
    // also tells the facts, reasons, basis and the right to state and defend (第四十四条、第四十五条、第六十三条); a
    // separate 事先告知书 printed with the same number would be a second document under one 文号.
    if (number && record.notice.hearingOffered) c.hearingRightsNotice = { number, date: record.notice.servedOn };
    else if (number) c.priorNotice = { number, date: record.notice.servedOn };
  }
  const statement = statementOf(record);
  if (statement) c.statement = statement;
  const hearing = hearingOf(record);
  if (hearing) c.hearing = hearing;
  if (decision) {
    const number = parseDocumentNumber(decision.number, '决定书文号');
    if (decision.kind === 'penalty' && decision.penalty && number) {
      if (view.procedure === 'simple') {
        // 当场收缴 (第六十八条、第六十九条): the payment taken in cash when the decision was made, with its receipt.
        const cash = record.payments.find((p) => p.onSpot);
        c.onSpotDecision = {
          formNumber: decision.number ?? '',
          time: decision.on,
          place: view.place,
          penalty: decision.penalty.kinds.includes('fine') ? 'fine' : 'warning',
          ...(decision.penalty.fineFen ? { amount: decision.penalty.fineFen / 100 } : {}),
          ...(cash?.onSpot ? { collectedOnSpot: { receiptNo: cash.receiptNo, reason: COLLECTION_GROUNDS[cash.onSpot.ground] } } : {}),
          officers,
        };
      } else {
        c.decision = { number, date: decision.on, penalties: penaltyItems(decision.penalty) };
      }
    }
    if (decision.kind === 'noPenalty' && number && decision.ground) {
      c.noPenaltyDecision = {
        number,
        date: decision.on,
        act: view.facts.replace(/^当事人/, ''),
        ground: mapped(GROUNDS, decision.ground, '不予处罚理由'),
        reasoning: record.proposal?.reasoning ?? '',
        education: decision.education ?? '',
      };
    }
  }
  const transfer = transferOf(record);
  if (transfer) c.transfer = transfer;
  c.services = (record.services ?? []).map((s, index) => ({ ...serviceRecord(view, s), ...signedBy(record, `services.${index}`) }));
  if (lastPayment) {
    c.payment = { paidDate: lastPayment.on, amount: record.payments.reduce((s, p) => s + p.amountFen, 0) / 100, receiptNo: lastPayment.receiptNo };
  }
  const reminder = record.reminders?.at(-1);
  if (reminder) c.reminder = { number: parseDocumentNumber(reminder.number, '催告书文号') ?? empty, date: reminder.on, periodDays: reminder.periodDays };
  const closing = record.closing;
  if (closing) {
    c.closing = {
      date: closing.on,
      execution: closing.execution ?? '',
      reason: closing.summary,
      undertakerOpinion: opinion(closing.undertakerOpinion, closing.on),
      reviewerOpinion: opinion(closing.reviewerOpinion, closing.on),
      headOpinion: opinion(closing.headOpinion, closing.on),
    };
  }
  const archive = record.archive;
  if (archive) {
    c.archive = {
      fileNumber: archive.archiveNo,
      retention: archive.retention ? archiveRetentionLabels[archive.retention] : '',
      result: archiveResult(view),
      archivedDate: archive.on,
      archivist: archive.archivist?.name ?? '',
    };
  }
  addRecordedActs(c, view);
  return c;
}
